import * as React from 'react';
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { TableSummary } from '../../../app/findings';
import { useStrings } from '../../strings';

const useStyles = makeStyles({
  table: { tableLayout: 'auto' },
});

/** A report's result per table: 通过 / 有警告 / 未通过 / 尚未填写 (neutral), with the number of errors and warnings. */
export function CheckSummary(props: { summary: TableSummary[]; unfilled?: ReadonlySet<string> }): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  return (
    <Table size="small" aria-label={t.check.summaryCaption} className={styles.table} data-testid="summary">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.check.colTable}</TableHeaderCell>
          <TableHeaderCell>{t.check.colStatus}</TableHeaderCell>
          <TableHeaderCell>{t.check.colErrors}</TableHeaderCell>
          <TableHeaderCell>{t.check.colWarnings}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.summary.map((s) => (
          <TableRow key={s.table} data-table={s.table}>
            <TableCell>{s.table === 'other' ? t.check.otherTable : t.check.tableNames[s.table]}</TableCell>
            <TableCell>
              {/* a table with no values yet is neither passed nor failed */}
              {props.unfilled?.has(s.table) && s.errors === 0 ? (
                <Badge appearance="outline" color="informative" data-testid="summary-status" data-status="unfilled">
                  {t.check.unfilled}
                </Badge>
              ) : (
                <Badge appearance="tint" color={s.errors > 0 ? 'danger' : s.warnings > 0 ? 'warning' : 'success'} data-testid="summary-status">
                  {s.errors > 0 ? t.check.notPassed : s.warnings > 0 ? t.check.passedWithWarnings : t.check.passed}
                </Badge>
              )}
            </TableCell>
            <TableCell>{s.errors}</TableCell>
            <TableCell>{s.warnings}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
