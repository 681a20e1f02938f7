import * as React from 'react';
import { ConfirmDialog } from './ConfirmDialog';
import { useStrings } from '../strings';

/**
 * Before a text is written on 报告文本 where one is already: 替换 (or, with `onKeep`, 保留原文本);
 * closing the dialog is 取消 (`onKeep` when given).
 */
export function TextReplaceDialog(props: { open: boolean; id: string; sheet: string; onReplace: () => void; onCancel: () => void; onKeep?: () => void }): React.JSX.Element {
  const { t } = useStrings();
  return (
    <ConfirmDialog
      open={props.open}
      id={props.id}
      title={t.textSheet.replaceTitle(props.sheet)}
      choices={[
        { label: t.textSheet.replace, primary: true, onClick: props.onReplace, testId: 'text-replace' },
        ...(props.onKeep ? [{ label: t.textSheet.keep, onClick: props.onKeep, testId: 'text-keep' }] : []),
      ]}
      onCancel={props.onCancel}
    >
      {t.textSheet.replaceBody(props.sheet)}
    </ConfirmDialog>
  );
}
