import type { TableDef, TableId } from '../formats/types';
import type { ReportData } from '../model/report';
import { getValue } from '../model/report';
import { cellText } from './figures';
import type { DocCell, DocTable, PendingFigure } from './types';

/** Where a value cell is, for messages: 表三“一、本年新收…”·“自然人”. */
export function describeCell(def: TableDef, row: string, col: string): string {
  const v = def.values.find((x) => x.row === row && x.col === col);
  if (!v) return `${def.shortName}·${row}·${col}`;
  const rowPart = v.parentLabel && def.id !== 'table2' && v.parentLabel !== v.rowLabel ? `${v.parentLabel}${v.rowLabel}` : v.rowLabel;
  return `${def.shortName}“${rowPart}”·“${v.colLabel}”`;
}

/** A cell of a table's grid as it comes out of buildDocTable, the same for every report. */
type Slot =
  | { kind: 'label'; r: number; c: number; rs: number; cs: number; text: string; header: boolean; scope: DocCell['scope'] }
  /** index into def.values */
  | { kind: 'value'; index: number }
  | { kind: 'empty'; r: number; c: number };

interface Layout {
  /** the grid's rows: labels, values and empty cells in output order (cells covered by a merge left out) */
  rows: Slot[][];
  headerRows: number;
}

/** The layout depends on the table definition only (formats are constant data): worked out once per table. */
const LAYOUTS = new WeakMap<TableDef, Layout>();

function layoutOf(def: TableDef): Layout {
  let layout = LAYOUTS.get(def);
  if (layout) return layout;
  const covered: boolean[][] = Array.from({ length: def.rows }, () => Array<boolean>(def.cols).fill(false));
  const starts = new Map<string, { slot: Slot; rs: number; cs: number }>();
  const cover = (r: number, c: number, rs: number, cs: number) => {
    for (let i = r; i < r + rs && i < def.rows; i++) for (let j = c; j < c + cs && j < def.cols; j++) covered[i][j] = true;
  };
  for (const l of def.labels) {
    const rs = l.rs ?? 1;
    const cs = l.cs ?? 1;
    const header = l.role !== 'note';
    const scope: DocCell['scope'] =
      l.role === 'row' ? (rs > 1 ? 'rowgroup' : 'row') : l.role === 'note' ? undefined : cs > 1 ? 'colgroup' : 'col';
    starts.set(`${l.r},${l.c}`, { slot: { kind: 'label', r: l.r, c: l.c, rs, cs, text: l.text, header, scope }, rs, cs });
    cover(l.r, l.c, rs, cs);
  }
  def.values.forEach((v, index) => {
    const cs = v.cs ?? 1;
    starts.set(`${v.r},${v.c}`, { slot: { kind: 'value', index }, rs: 1, cs });
    cover(v.r, v.c, 1, cs);
  });
  const rows: Slot[][] = [];
  const seen: boolean[][] = Array.from({ length: def.rows }, () => Array<boolean>(def.cols).fill(false));
  for (let r = 0; r < def.rows; r++) {
    const row: Slot[] = [];
    for (let c = 0; c < def.cols; c++) {
      if (seen[r][c]) continue;
      const start = starts.get(`${r},${c}`);
      if (start) {
        row.push(start.slot);
        for (let i = r; i < r + start.rs && i < def.rows; i++) for (let j = c; j < c + start.cs && j < def.cols; j++) seen[i][j] = true;
      } else if (!covered[r][c]) {
        row.push({ kind: 'empty', r, c });
        seen[r][c] = true;
      }
    }
    rows.push(row);
  }
  // leading rows made only of column headers (and the note of table 三)
  let headerRows = 0;
  while (
    headerRows < def.rows &&
    !def.values.some((v) => v.r === headerRows) &&
    def.labels.filter((l) => l.r === headerRows).every((l) => l.role === 'header' || l.role === 'note') &&
    def.labels.some((l) => l.r === headerRows)
  ) {
    headerRows++;
  }
  layout = { rows, headerRows };
  LAYOUTS.set(def, layout);
  return layout;
}

/**
 * The table of a format filled with the report's values, as rows of cells with their merges
 * (label cells from the format data, values from ReportData). Non-numbers are kept as found and
 * reported in `pending`.
 */
export function buildDocTable(def: TableDef, data: ReportData, pending: PendingFigure[]): DocTable {
  const id: TableId = def.id;
  const layout = layoutOf(def);
  const values: DocCell[] = [];
  for (const v of def.values) {
    const cs = v.cs ?? 1;
    const raw = getValue(data, id, v.row, v.col);
    const isNumber = typeof raw === 'number' && Number.isFinite(raw);
    const ref = { table: id, row: v.row, col: v.col };
    if (!isNumber) {
      pending.push({ ref, value: raw === undefined || raw === null ? null : String(raw), where: describeCell(def, v.row, v.col) });
    }
    values.push({
      r: v.r,
      c: v.c,
      rs: 1,
      cs,
      text: cellText(raw, v.kind),
      kind: 'value',
      header: false,
      ref,
      pending: !isNumber || undefined,
    });
  }
  const cells: DocCell[][] = layout.rows.map((row) =>
    row.map((slot): DocCell => {
      if (slot.kind === 'value') return values[slot.index];
      if (slot.kind === 'label') {
        const { r, c, rs, cs, text, header, scope } = slot;
        return { r, c, rs, cs, text, kind: 'label', header, scope };
      }
      return { r: slot.r, c: slot.c, rs: 1, cs: 1, text: '', kind: 'empty', header: false };
    }),
  );
  return {
    id,
    shortName: def.shortName,
    caption: def.caption,
    rows: def.rows,
    cols: def.cols,
    widths: def.widths.slice(),
    headerRows: layout.headerRows,
    cells,
    notes: def.notes ? def.notes.slice() : [],
  };
}
