import * as React from 'react';
import { UI } from '../../../core/messages/narrative';
import { fileName, MIME } from '../../../app/download';
import type { ReportDocument, ReportReadiness } from '../../../app/report';
import { renderReport, reportClipboard } from '../../../app/report';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { downloadBlob } from '../../files';
import { useStrings } from '../../strings';
import { copyRich } from './clipboard';

/** The files 生成报告 offers: Word, the whole web page, the fragment for a CMS, text. */
export type ReportDownload = keyof typeof MIME | 'html-fragment';

/** the file's extension and type: the fragment is an .html file too */
const FILE: Record<ReportDownload, { ext: keyof typeof MIME; suffix: string }> = {
  docx: { ext: 'docx', suffix: '' },
  html: { ext: 'html', suffix: '' },
  'html-fragment': { ext: 'html', suffix: '（网页片段）' },
  txt: { ext: 'txt', suffix: '' },
};

type Run = (kind: ReportDownload | 'copy', work: () => Promise<string | undefined | void>) => Promise<void>;

/**
 * Downloading and copying the report. When the report is not ready (inputs or figures pending, the
 * tables' open errors) a download first asks 仍然下载 / 取消; copying never asks (nothing is saved).
 */
export function useReportExport(props: { doc: ReportDocument | null; readiness: ReportReadiness | null; run: Run }) {
  const { t } = useStrings();
  const { doc, readiness, run } = props;
  const [asking, setAsking] = React.useState<ReportDownload | null>(null);

  const save = (kind: ReportDownload) =>
    run(kind, async () => {
      if (!doc) return;
      const content = await renderReport(doc, kind);
      const f = FILE[kind];
      downloadBlob(fileName(doc.title + f.suffix, f.ext), new Blob([content as BlobPart], { type: MIME[f.ext] }));
    });

  const onDownload = (kind: ReportDownload): void => {
    if (readiness && !readiness.ready) setAsking(kind);
    else void save(kind);
  };

  const onCopy = (): void =>
    void run('copy', async () => {
      if (!doc) return;
      const copied = await copyRich(reportClipboard(doc));
      return copied === 'html' ? t.reportPane.copiedHtml : copied === 'text' ? t.reportPane.copiedPlain : UI.copyFailed;
    });

  const answer = (go: boolean): void => {
    const kind = asking;
    setAsking(null);
    if (go && kind) void save(kind);
  };

  const question = readiness && (
    <ConfirmDialog
      open={asking !== null}
      id="report-not-ready"
      title={t.reportPane.askTitle}
      choices={[{ label: t.reportPane.askContinue, onClick: () => answer(true), testId: 'report-download-anyway' }]}
      onCancel={() => answer(false)}
    >
      {t.reportPane.askBody(readiness.missingInputs.length, readiness.pendingFigures.length, readiness.errors.length)}
    </ConfirmDialog>
  );

  return { onDownload, onCopy, question };
}
