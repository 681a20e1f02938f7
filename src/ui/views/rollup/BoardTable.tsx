import * as React from 'react';
import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { BOARD_HEADERS, ROLLUP } from '../../../core/messages/rollup';
import type { BoardRow } from '../../../app/rollup';
import { useStrings } from '../../strings';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: '100%' },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: '2px 6px', textAlign: 'left', verticalAlign: 'top' },
  head: { backgroundColor: tokens.colorNeutralBackground3 },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  errors: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  unreadable: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  other: { color: tokens.colorNeutralForeground3 },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
});

/** 校验汇总 in the pane: one row a file (文件 · 单位 · 年度 · 结果 · 错误 · 警告 · 首要问题); a unit is a link to its findings. */
export function BoardTable(props: { rows: BoardRow[]; selected: string | null; onSelect: (file: string) => void }): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const shown = [0, 1, 2, 4, 5, 6, 7]; // 格式 and 本年新收申请 are in the downloads
  const statusClass = (r: BoardRow) => (r.status === 'pass' ? styles.pass : r.status === 'errors' ? styles.errors : r.status === 'unreadable' ? styles.unreadable : styles.other);
  return (
    // at pane width the table scrolls sideways: the box takes the focus, so a keyboard can scroll it too
    <div className={styles.wrap} tabIndex={0} role="region" aria-label={t.rollup.boardCaption}>
      <table className={styles.table} data-testid="rollup-board">
        <caption style={{ textAlign: 'left' }}>{t.rollup.boardCaption}</caption>
        <thead>
          <tr>
            {shown.map((i) => (
              <th key={i} scope="col" className={mergeClasses(styles.cell, styles.head, styles.nowrap)}>
                {BOARD_HEADERS[i]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, k) => (
            <tr key={k} data-testid="rollup-row" data-status={r.status} className={props.selected === r.file ? styles.selected : undefined}>
              <td className={styles.cell}>{r.file}</td>
              <td className={styles.cell}>
                <Link as="button" onClick={() => props.onSelect(r.file)} aria-label={t.rollup.showFindings(r.organization || r.file)}>
                  {r.organization || ROLLUP.noUnit}
                </Link>
              </td>
              <td className={mergeClasses(styles.cell, styles.num)}>{r.year ?? ''}</td>
              <td className={mergeClasses(styles.cell, styles.nowrap, statusClass(r))} data-testid="rollup-status">
                {ROLLUP.status[r.status]}
              </td>
              <td className={mergeClasses(styles.cell, styles.num)}>{r.status === 'unreadable' ? '' : r.errors}</td>
              <td className={mergeClasses(styles.cell, styles.num)}>{r.status === 'unreadable' ? '' : r.warnings}</td>
              <td className={styles.cell} data-testid="rollup-first">
                {r.first}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
