import * as React from 'react';

export interface ConfirmChoice {
  label: string;
  onClick: () => void;
  primary?: boolean;
  testId?: string;
}

export interface ConfirmProps {
  open: boolean;
  /** id of the content, for aria-describedby */
  id: string;
  title: string;
  children: React.ReactNode;
  choices: ConfirmChoice[];
  onCancel: () => void;
}

// Fluent's Dialog is loaded when the first question is asked, not with the pane
const Surface = React.lazy(() =>
  import(/* webpackChunkName: "dialog" */ './ConfirmSurface').then((m) => ({ default: m.ConfirmSurface })),
);

/**
 * The pane's one kind of question: a title, what will happen, the choices, and 取消 last.
 * Closing the dialog (Esc, outside click) is the same as 取消: nothing is written.
 */
export function ConfirmDialog(props: ConfirmProps): React.JSX.Element | null {
  if (!props.open) return null;
  return (
    <React.Suspense fallback={null}>
      <Surface {...props} />
    </React.Suspense>
  );
}
