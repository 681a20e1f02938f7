import * as React from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { sheetRef } from '../../../core/grid';
import type { Conflict } from '../../../workbook/port';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useStrings } from '../../strings';

const useStyles = makeStyles({
  conflicts: { margin: `${tokens.spacingVerticalS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXXL, maxHeight: '10em', overflowY: 'auto' },
});

const SHOWN_CONFLICTS = 8;

export type ConflictChoice = 'overwrite' | 'new-sheet' | 'cancel';

/** Before writing over non-empty cells: which cells (the first few), and 使用新工作表 / 覆盖 / 取消. */
export function ConflictDialog(props: { sheet: string; conflicts: Conflict[] | null; onAnswer: (choice: ConflictChoice) => void }): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { conflicts, onAnswer } = props;
  return (
    <ConfirmDialog
      open={conflicts !== null}
      id="insert-conflicts"
      title={t.insert.confirmTitle}
      choices={[
        { label: t.insert.useNewSheet, primary: true, onClick: () => onAnswer('new-sheet') },
        { label: t.insert.overwrite, onClick: () => onAnswer('overwrite') },
      ]}
      onCancel={() => onAnswer('cancel')}
    >
      {conflicts && (
        <>
          <Text>{t.insert.confirmBody(conflicts.length, props.sheet)}</Text>
          <ul className={styles.conflicts}>
            {conflicts.slice(0, SHOWN_CONFLICTS).map((c) => (
              <li key={`${c.sheet}!${c.address}`}>
                {sheetRef(c.sheet, c.address)}：{String(c.value)}
              </li>
            ))}
            {conflicts.length > SHOWN_CONFLICTS && <li>{t.insert.confirmMore(conflicts.length - SHOWN_CONFLICTS)}</li>}
          </ul>
        </>
      )}
    </ConfirmDialog>
  );
}
