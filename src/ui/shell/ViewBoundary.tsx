import * as React from 'react';
import { Spinner } from '@fluentui/react-components';
import { ErrorBar } from '../components/ErrorBar';
import { useStrings } from '../strings';

/** Calls `onRendered` once, when it mounts: placed after a lazy view, it mounts when the view has rendered. */
export function Rendered(props: { onRendered: () => void }): null {
  const done = React.useRef(false);
  React.useEffect(() => {
    if (done.current) return;
    done.current = true;
    props.onRendered();
  });
  return null;
}

/** What shows while a view's code loads, and a message if it cannot be loaded. */
class Boundary extends React.Component<
  { children: React.ReactNode; fallback: React.ReactNode; failed: (error: unknown) => React.ReactNode },
  { error: unknown }
> {
  state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }
  render(): React.ReactNode {
    if (this.state.error !== null) return this.props.failed(this.state.error);
    return <React.Suspense fallback={this.props.fallback}>{this.props.children}</React.Suspense>;
  }
}

/** A lazily loaded view: 处理中 while its code loads, an ErrorBar (with `view`) when it cannot be loaded. */
export function ViewBoundary(props: { view: string; children: React.ReactNode }): React.JSX.Element {
  const { t } = useStrings();
  return (
    <Boundary
      fallback={<Spinner size="small" label={t.common.working} />}
      failed={(error) => <ErrorBar error={error} context={{ view: props.view, stage: 'load' }} />}
    >
      {props.children}
    </Boundary>
  );
}
