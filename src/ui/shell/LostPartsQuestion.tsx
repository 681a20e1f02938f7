import * as React from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import type { LostPart } from '../files';
import { useStrings } from '../strings';

/**
 * Outside Excel, before downloading a workbook opened from a file that holds what the download cannot
 * carry (charts, pivot tables, images…): what the downloaded file will not contain — the original file
 * is unchanged — and 仍然下载 / 取消.
 */
export function LostPartsQuestion(props: { open: boolean; name: string; lost: LostPart[]; onAnswer: (go: boolean) => void }): React.JSX.Element {
  const { t } = useStrings();
  const labels = [...new Set(props.lost.map((p) => p.label))].join('、');
  return (
    <ConfirmDialog
      open={props.open}
      id="lost-parts-ask"
      title={t.file.lostTitle}
      choices={[{ label: t.file.lostContinue, onClick: () => props.onAnswer(true), testId: 'lost-download-anyway' }]}
      onCancel={() => props.onAnswer(false)}
    >
      {t.file.lostBody(props.name, labels)}
    </ConfirmDialog>
  );
}
