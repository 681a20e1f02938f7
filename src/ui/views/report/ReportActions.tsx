import * as React from 'react';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { UI } from '../../../core/messages/narrative';
import type { MIME } from '../../../app/download';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  status: { minHeight: '1.4em', fontSize: tokens.fontSizeBase200 },
});

/** 下载 Word / 网页 / 文本, 复制全文, 写入“报告文本”, and the line that says what happened. */
export function ReportActions(props: {
  /** what is running (a .docx shows a spinner on its button), null when idle */
  busy: string | null;
  status: string;
  onDownload: (ext: keyof typeof MIME) => void;
  onCopy: () => void;
  onWriteSheet: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const off = props.busy !== null;
  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => props.onDownload('docx')} disabled={off}>
          {props.busy === 'docx' ? <Spinner size="tiny" /> : null}
          {UI.downloadDocx}
        </Button>
        <Button onClick={() => props.onDownload('html')} disabled={off}>
          {UI.downloadHtml}
        </Button>
        <Button onClick={() => props.onDownload('txt')} disabled={off}>
          {UI.downloadTxt}
        </Button>
        <Button onClick={props.onCopy} disabled={off}>
          {UI.copyText}
        </Button>
        <Button onClick={props.onWriteSheet} disabled={off}>
          {UI.writeSheet}
        </Button>
      </div>
      <div role="status" aria-live="polite" className={styles.status}>
        {props.status}
      </div>
    </>
  );
}
