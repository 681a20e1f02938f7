/**
 * Format → SheetPlan: the statistical tables of a report as they are written into a sheet.
 *
 * Sheet layout (rows relative to `origin`):
 *   title “<organization><year>年政府信息公开工作年度报告统计表” · subtitle (the format's notice) · blank
 *   caption 二 · table 二 · notes of table 二 · blank
 *   caption 三 · table 三 · check row (一+二 = 三（七）总计+四 per column) · blank
 *   caption 四 · table 四
 */
import type { FormatDef, Relation, Ref, TableDef, TableId, ValueCell, ValueKind } from '../formats/types';
import { TABLE_IDS } from '../formats/types';
import { a1, rangeA1 } from '../grid';
import type { ReportData, Value } from '../model/report';
import { layoutText, validationText } from '../messages/layout';
import type { CellStyle, PlanCell, PlanMerge, PlanValidation, SheetPlan } from './plan';

export interface LayoutOptions {
  year: number;
  organization: string;
  /** totals are input cells instead of formulas */
  manualTotals?: boolean;
  /** 0-based sheet position of the title cell (default A1) */
  origin?: { row: number; col: number };
  /** initial values of the value cells (numbers; text kept as text); default all empty */
  values?: ReportData;
}

/** Where one table is written: its caption row and its top-left cell (0-based, sheet-absolute). */
export interface TablePlacement {
  id: TableId;
  captionRow: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** rows of notes written directly under the table */
  noteRows: number[];
}

/** Row positions of everything the plan writes (0-based, sheet-absolute). */
export interface SheetLayout {
  origin: { row: number; col: number };
  titleRow: number;
  subtitleRow: number;
  tables: Record<TableId, TablePlacement>;
  /** the check row under table 三 */
  checkRow: number;
  /** number of rows and columns the plan covers */
  rows: number;
  cols: number;
}

/** Excel number format per value kind. */
export const NUMBER_FORMATS: Record<ValueKind, string> = {
  count: '0',
  signed: '+0;-0;0',
  amount: '0.00####',
};

/** Plan names of the table ranges (workbook names). */
export const TABLE_RANGE_NAMES: Record<TableId, string> = {
  table2: 'nianbao_table2',
  table3: 'nianbao_table3',
  table4: 'nianbao_table4',
};

const MIN_COL_WIDTH = 9;
/** points per text line at the body font size (11 pt) */
const LINE_HEIGHT = 15;
const TITLE_HEIGHT = 26;

export function sheetLayout(format: FormatDef, opts: Pick<LayoutOptions, 'origin'>): SheetLayout {
  const origin = opts.origin ?? { row: 0, col: 0 };
  let r = origin.row;
  const titleRow = r++;
  const subtitleRow = r++;
  r++; // blank
  const tables = {} as Record<TableId, TablePlacement>;
  let checkRow = -1;
  TABLE_IDS.forEach((id, i) => {
    const t = format.tables[id];
    const captionRow = r++;
    const row = r;
    r += t.rows;
    const noteRows: number[] = [];
    for (let k = 0; k < (t.notes?.length ?? 0); k++) noteRows.push(r++);
    if (id === 'table3') checkRow = r++;
    tables[id] = { id, captionRow, row, col: origin.col, rows: t.rows, cols: t.cols, noteRows };
    if (i < TABLE_IDS.length - 1) r++; // blank row between tables
  });
  const cols = Math.max(...TABLE_IDS.map((id) => format.tables[id].cols));
  return { origin, titleRow, subtitleRow, tables, checkRow, rows: r - origin.row, cols };
}

/** Sheet-absolute position of a value cell (top-left of a merged value cell). */
function valuePos(place: TablePlacement, v: ValueCell): { row: number; col: number } {
  return { row: place.row + v.r, col: place.col + v.c };
}

/** The A1 address of every value cell of the format (total cells included), by table, row key and column key. */
export function valueCellAddresses(
  format: FormatDef,
  opts: Pick<LayoutOptions, 'origin'> = {},
): Record<TableId, Record<string, Record<string, string>>> {
  const layout = sheetLayout(format, opts);
  const out = { table2: {}, table3: {}, table4: {} } as Record<TableId, Record<string, Record<string, string>>>;
  for (const id of TABLE_IDS) {
    for (const v of format.tables[id].values) {
      const p = valuePos(layout.tables[id], v);
      (out[id][v.row] ??= {})[v.col] = a1(p.row, p.col);
    }
  }
  return out;
}

const refKey = (ref: Ref): string => `${ref.table}|${ref.row}|${ref.col}`;

/**
 * The total cells that get a formula: for each relation with `total: true`, its left cell; a cell
 * that is the target of several relations takes the first one. Keyed by `table|row|col`.
 */
export function totalRelations(format: FormatDef): Map<string, Relation> {
  const out = new Map<string, Relation>();
  for (const rel of format.relations) {
    if (!rel.total || rel.left.length !== 1) continue;
    const key = refKey(rel.left[0].ref);
    if (!out.has(key)) out.set(key, rel);
  }
  return out;
}

/** Is this value cell a total written as a formula (unless manual totals are asked for)? */
export function isTotalCell(format: FormatDef, table: TableId, row: string, col: string): boolean {
  return totalRelations(format).has(refKey({ table, row, col }));
}

function refPos(format: FormatDef, layout: SheetLayout, ref: Ref): { row: number; col: number } {
  const t = format.tables[ref.table];
  const v = t.values.find((x) => x.row === ref.row && x.col === ref.col);
  if (!v) throw new Error(`format ${format.id}: no value cell ${ref.table}.${ref.row}.${ref.col}`);
  return valuePos(layout.tables[ref.table], v);
}

/** A1 list of cells, contiguous runs in one row or one column written as ranges: D6:D26, A4:D4. */
function rangesOf(cells: { row: number; col: number }[]): string[] {
  if (cells.length === 0) return [];
  const sameRow = cells.every((p) => p.row === cells[0].row);
  const sameCol = cells.every((p) => p.col === cells[0].col);
  if (!sameRow && !sameCol) return cells.map((p) => a1(p.row, p.col));
  const sorted = [...cells].sort((x, y) => (sameRow ? x.col - y.col : x.row - y.row));
  const out: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  const flush = () => out.push(a1(start.row, start.col) === a1(prev.row, prev.col) ? a1(start.row, start.col) : `${a1(start.row, start.col)}:${a1(prev.row, prev.col)}`);
  for (const p of sorted.slice(1)) {
    const next = sameRow ? p.col === prev.col + 1 : p.row === prev.row + 1;
    if (!next) {
      flush();
      start = p;
    }
    prev = p;
  }
  flush();
  return out;
}

/** The formula (without '=') of a total cell: SUM of its right-hand cells. */
function totalFormula(format: FormatDef, layout: SheetLayout, rel: Relation): string {
  const plus = rel.right.filter((t) => (t.sign ?? 1) === 1).map((t) => refPos(format, layout, t.ref));
  const minus = rel.right.filter((t) => t.sign === -1).map((t) => refPos(format, layout, t.ref));
  let f = `SUM(${rangesOf(plus).join(',')})`;
  for (const p of minus) f += `-${a1(p.row, p.col)}`;
  return f;
}

/** A sum of signed cells as an A1 expression: D4+D5-D27-D28. */
function signedExpr(terms: { addr: string; neg: boolean }[]): string {
  return terms.map((t, i) => (t.neg ? `-${t.addr}` : i === 0 ? t.addr : `+${t.addr}`)).join('');
}

function signedTerms(format: FormatDef, layout: SheetLayout, terms: Relation['left'], negate = false): { addr: string; neg: boolean }[] {
  return terms.map((t) => {
    const p = refPos(format, layout, t.ref);
    return { addr: a1(p.row, p.col), neg: (t.sign === -1) !== negate };
  });
}

/** The check formula of one T3-BALANCE relation: IF(D4+D5=D27+D28,"平衡","不平衡，差"&(D4+D5-D27-D28)). */
function balanceFormula(format: FormatDef, layout: SheetLayout, rel: Relation): string {
  const left = signedExpr(signedTerms(format, layout, rel.left));
  const right = signedExpr(signedTerms(format, layout, rel.right));
  const diff = signedExpr([...signedTerms(format, layout, rel.left), ...signedTerms(format, layout, rel.right, true)]);
  return `IF(${left}=${right},"${layoutText.balanced}","${layoutText.unbalanced}"&(${diff}))`;
}

/** Display width of a text in spreadsheet character units (CJK and full-width count 2). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp >= 0x1100 && (cp <= 0x115f || cp >= 0x2e80) ? 2 : cp === 0x201c || cp === 0x201d ? 2 : 1;
  }
  return w;
}

function initialValue(values: ReportData | undefined, table: TableId, row: string, col: string): Value {
  const v = values?.[table]?.[row]?.[col];
  return v === undefined ? null : v;
}

export function buildSheetPlan(format: FormatDef, opts: LayoutOptions): SheetPlan {
  const layout = sheetLayout(format, opts);
  const { origin } = layout;
  const cells: PlanCell[] = [];
  const merges: PlanMerge[] = [];
  const borders: string[] = [];
  const validations: PlanValidation[] = [];
  const rowHeights: Record<number, number> = {};
  const totals = opts.manualTotals ? new Map<string, Relation>() : totalRelations(format);

  // column widths: the widest any table asks for, at least MIN_COL_WIDTH
  const colWidths: Record<number, number> = {};
  for (let c = 0; c < layout.cols; c++) {
    const w = Math.max(MIN_COL_WIDTH, ...TABLE_IDS.map((id) => format.tables[id].widths[c] ?? 0));
    colWidths[origin.col + c] = w;
  }
  const spanWidth = (c: number, cs: number) => {
    let w = 0;
    for (let j = c; j < c + cs; j++) w += colWidths[j] ?? MIN_COL_WIDTH;
    return w;
  };
  const needHeight = (row: number, rs: number, c: number, cs: number, text: string) => {
    const lines = Math.ceil(textWidth(text) / Math.max(1, spanWidth(c, cs) - 1));
    const perRow = Math.ceil(lines / rs);
    if (perRow > 1) rowHeights[row] = Math.max(rowHeights[row] ?? 0, perRow * LINE_HEIGHT);
  };
  const text = (r: number, c: number, value: string, style: CellStyle, rs = 1, cs = 1) => {
    cells.push({ r, c, value, style, locked: true });
    if (rs > 1 || cs > 1) merges.push({ r, c, rs, cs });
  };

  // title and subtitle across the widest table
  text(layout.titleRow, origin.col, layoutText.title(opts.organization, opts.year), 'title', 1, layout.cols);
  rowHeights[layout.titleRow] = TITLE_HEIGHT;
  text(layout.subtitleRow, origin.col, layoutText.subtitle(format.source, format.name), 'subtitle', 1, layout.cols);

  for (const id of TABLE_IDS) {
    const t: TableDef = format.tables[id];
    const place = layout.tables[id];
    text(place.captionRow, place.col, t.caption, 'caption', 1, t.cols);
    rowHeights[place.captionRow] = 20;
    for (const l of t.labels) {
      const r = place.row + l.r;
      const c = place.col + l.c;
      text(r, c, l.text, l.role === 'row' ? 'label' : 'header', l.rs ?? 1, l.cs ?? 1);
      needHeight(r, l.rs ?? 1, c, l.cs ?? 1, l.text);
    }
    for (const v of t.values) {
      const p = valuePos(place, v);
      const cs = v.cs ?? 1;
      if (cs > 1) merges.push({ r: p.row, c: p.col, rs: 1, cs });
      const rel = totals.get(refKey({ table: id, row: v.row, col: v.col }));
      if (rel) {
        cells.push({ r: p.row, c: p.col, formula: totalFormula(format, layout, rel), style: 'total', numFmt: NUMBER_FORMATS[v.kind], locked: true, kind: v.kind });
        continue;
      }
      cells.push({
        r: p.row,
        c: p.col,
        value: initialValue(opts.values, id, v.row, v.col),
        style: 'value',
        numFmt: NUMBER_FORMATS[v.kind],
        locked: false,
        kind: v.kind,
      });
      validations.push({ range: rangeA1(p.row, p.col, 1, cs), kind: v.kind, ...validationText(v.kind, v.unit) });
    }
    borders.push(rangeA1(place.row, place.col, t.rows, t.cols));
    (t.notes ?? []).forEach((note, k) => {
      text(place.noteRows[k], place.col, note, 'note', 1, t.cols);
      needHeight(place.noteRows[k], 1, place.col, t.cols, note);
    });
    if (id === 'table3') {
      const first = Math.min(...t.values.map((v) => v.c));
      text(layout.checkRow, place.col, layoutText.checkLabel, 'check', 1, first);
      for (const rel of format.relations.filter((x) => x.check === 'T3-BALANCE')) {
        const col = refPos(format, layout, rel.left[0].ref).col;
        cells.push({ r: layout.checkRow, c: col, formula: balanceFormula(format, layout, rel), style: 'check', locked: true });
      }
      borders.push(rangeA1(layout.checkRow, place.col, 1, t.cols));
      rowHeights[layout.checkRow] = 2 * LINE_HEIGHT;
    }
  }

  const lastRow = origin.row + layout.rows - 1;
  const area = `${a1(origin.row, origin.col)}:${a1(lastRow, origin.col + layout.cols - 1)}`;
  cells.sort((x, y) => x.r - y.r || x.c - y.c);
  return {
    bounds: { r: origin.row, c: origin.col, rows: layout.rows, cols: layout.cols },
    cells,
    merges,
    borders,
    colWidths,
    rowHeights,
    validations,
    names: TABLE_IDS.map((id) => {
      const p = layout.tables[id];
      return { name: TABLE_RANGE_NAMES[id], range: rangeA1(p.row, p.col, p.rows, p.cols) };
    }),
    // table 四 has 15 columns: landscape, fitted to the page width
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, area },
    protect: true,
    metadata: { format: format.id, year: opts.year, organization: opts.organization, manualTotals: !!opts.manualTotals },
  };
}
