import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { copyText, describeError } from '../diagnostics';
import { useStrings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  details: { width: '100%', fontFamily: tokens.fontFamilyMonospace },
  note: { fontSize: tokens.fontSizeBase200 },
});

/** A failure in plain words, with 复制诊断信息 (code + data + stack) for support. */
export function ErrorBar(props: {
  error: unknown;
  context?: Record<string, unknown>;
  onDismiss?: () => void;
}): React.JSX.Element {
  const { t, locale } = useStrings();
  const styles = useStyles();
  const report = React.useMemo(() => describeError(props.error, t, props.context, locale), [props.error, props.context, t, locale]);
  const [copyState, setCopyState] = React.useState<'idle' | 'copied' | 'failed'>('idle');

  const onCopy = async (): Promise<void> => {
    setCopyState((await copyText(report.diagnostics)) ? 'copied' : 'failed');
  };

  return (
    <div className={styles.root}>
      <MessageBar intent="error" layout="multiline" data-testid="error-bar" data-code={report.code}>
        <MessageBarBody>
          <MessageBarTitle>{t.common.errorTitle}</MessageBarTitle>
          {report.text}
        </MessageBarBody>
        <MessageBarActions
          containerAction={
            props.onDismiss ? (
              <Button appearance="transparent" size="small" onClick={props.onDismiss} aria-label={t.common.close}>
                ✕
              </Button>
            ) : undefined
          }
        >
          <Button size="small" onClick={() => void onCopy()}>
            {t.common.copyDiagnostics}
          </Button>
        </MessageBarActions>
      </MessageBar>
      <div role="status" aria-live="polite" className={styles.note}>
        {copyState === 'copied' ? t.common.copied : copyState === 'failed' ? t.common.copyFailed : ''}
      </div>
      {copyState === 'failed' && (
        <Textarea className={styles.details} readOnly value={report.diagnostics} resize="vertical" rows={6} />
      )}
    </div>
  );
}
