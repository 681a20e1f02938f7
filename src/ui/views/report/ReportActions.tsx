import * as React from 'react';
import { Button, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { UI } from '../../../core/messages/narrative';
import { useStrings } from '../../strings';
import type { ReportDownload } from './useReportExport';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  status: { minHeight: '1.4em', fontSize: tokens.fontSizeBase200 },
});

/**
 * 导出, under the preview: 复制（网页格式）, 下载 Word / 完整网页 / 网页片段 / 文本, 写入“报告文本”, and the line
 * that says what happened. Word is the primary choice only when nothing is pending.
 */
export function ReportActions(props: {
  /** what is running (a .docx shows a spinner on its button), null when idle */
  busy: string | null;
  status: string;
  ready: boolean;
  onDownload: (kind: ReportDownload) => void;
  onCopy: () => void;
  onWriteSheet: () => void;
}): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const off = props.busy !== null;
  return (
    <>
      <Subtitle2 as="h3">{t.reportPane.exportHeading}</Subtitle2>
      <div className={styles.actions} data-testid="report-actions">
        <Button appearance={props.ready ? 'primary' : 'secondary'} onClick={() => props.onDownload('docx')} disabled={off}>
          {props.busy === 'docx' ? <Spinner size="tiny" /> : null}
          {UI.downloadDocx}
        </Button>
        <Button onClick={props.onCopy} disabled={off}>
          {t.reportPane.copyHtml}
        </Button>
        <Button onClick={() => props.onDownload('html-fragment')} disabled={off}>
          {t.reportPane.downloadFragment}
        </Button>
        <Button onClick={() => props.onDownload('html')} disabled={off}>
          {t.reportPane.downloadPage}
        </Button>
        <Button onClick={() => props.onDownload('txt')} disabled={off}>
          {UI.downloadTxt}
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
