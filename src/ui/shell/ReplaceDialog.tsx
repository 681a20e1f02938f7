import * as React from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import type { OpenWorkbook } from '../FilePanel';
import { useStrings } from '../strings';
import type { ReplaceAsk, ReplaceChoice } from './useWorkbook';

/** Before the open workbook is closed for another: 先下载 / 不保存 / 取消. */
export function ReplaceDialog(props: { workbook: OpenWorkbook; changed: boolean; ask: ReplaceAsk; onAnswer: (choice: ReplaceChoice) => void }): React.JSX.Element {
  const { t } = useStrings();
  const { ask, onAnswer, workbook } = props;
  return (
    <ConfirmDialog
      open
      id="replace-workbook-ask"
      title={t.importer.workbookTitle}
      choices={[
        { label: t.importer.downloadFirst, primary: true, onClick: () => onAnswer('download'), testId: 'replace-download-first' },
        {
          label: ask.reason === 'import' ? t.importer.discard : t.file.replaceDiscard(ask.reason),
          onClick: () => onAnswer('discard'),
          testId: 'replace-discard',
        },
      ]}
      onCancel={() => onAnswer('cancel')}
    >
      {ask.reason === 'import' ? t.importer.workbookBody(workbook.name, props.changed) : t.file.replaceBody(workbook.name, ask.reason)}
      {/* 先下载 writes the workbook as this page holds it: say what that file will not contain */}
      {workbook.lost?.length ? ` ${t.file.lostNote([...new Set(workbook.lost.map((p) => p.label))].join('、'))}` : null}
    </ConfirmDialog>
  );
}
