/**
 * Last year's figures: carrying 四、结转下年度继续办理 over into this year's 二、上年结转, and
 * keeping last year's report next to this year's workbook on a readable sheet “上年数据”
 * (表/行/列/数值/说明, plus 格式/年度/单位 rows) that both workbook ports can write and read.
 */
import { formatOf, getFormat, T3_COLUMNS, TABLE_SHORT_NAMES } from '../formats';
import type { FormatDef, TableId } from '../formats/types';
import { TABLE_IDS } from '../formats/types';
import type { CellValue, Grid } from '../grid';
import type { ReportData, Value } from '../model/report';
import { a1 } from '../grid';
import type { CellLocation, LocatedReport } from '../read/types';
import { IMPORT, PREVIOUS } from '../messages/import';

/** The sheet name last year's figures are kept under. */
export const PREVIOUS_SHEET = PREVIOUS.sheetName;

export interface CarryChange {
  row: string;
  col: string;
  from: Value;
  to: Value;
}

function clone(data: ReportData): ReportData {
  const copy = (t: Record<string, Record<string, Value>>) =>
    Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { ...v }]));
  return { ...data, table2: copy(data.table2), table3: copy(data.table3), table4: copy(data.table4) };
}

/**
 * This year's 二、上年结转 from last year's 四、结转下年度继续办理, column by column (both formats
 * have both rows, so it works from a 2019-format year into a 2021-format year). Last year's blank
 * or text cells are not carried. Returns a new report and the cells that changed.
 */
export function prefillCarriedOver(current: ReportData, previous: ReportData): { data: ReportData; changed: CarryChange[] } {
  const data = clone(current);
  const changed: CarryChange[] = [];
  const from = previous.table3?.carried_forward ?? {};
  const row = (data.table3.carried_over ??= {});
  for (const { key } of T3_COLUMNS) {
    const to = from[key];
    if (typeof to !== 'number' || !Number.isFinite(to)) continue;
    const before = row[key] ?? null;
    if (before === to) continue;
    row[key] = to;
    changed.push({ row: 'carried_over', col: key, from: before, to });
  }
  return { data, changed };
}

/** What the 表 column may say for a table: its key, its short name (表二) or the numeral alone (二). */
const TABLE_NAMES = Object.fromEntries(
  TABLE_IDS.map((id) => [id, [id, TABLE_SHORT_NAMES[id], TABLE_SHORT_NAMES[id].replace(/^表/, '')]]),
) as Record<TableId, string[]>;

function describe(format: FormatDef, table: TableId, row: string, col: string): string {
  const t = format.tables[table];
  const vc = t.values.find((v) => v.row === row && v.col === col);
  return vc ? vc.cellLabel : IMPORT.cellLabel(t.shortName, t.rowOrder.find((r) => r.key === row)?.label ?? row, col);
}

/**
 * Last year's report as a key/value table for the sheet “上年数据”: a title row, 格式/年度/单位 rows,
 * an empty row, the header 表/行/列/数值/说明, then one row per value (format order first, then any
 * other keys the data holds). Blank values are empty cells (null).
 */
export function previousToGrid(previous: ReportData): CellValue[][] {
  const format = formatOf(previous);
  const rows: CellValue[][] = [
    [PREVIOUS.title],
    [PREVIOUS.format, previous.format],
    [PREVIOUS.year, previous.year],
    [PREVIOUS.organization, previous.organization],
    [],
    [...PREVIOUS.header],
  ];
  for (const table of TABLE_IDS) {
    const done = new Set<string>();
    const push = (row: string, col: string) => {
      const id = `${row}\u0000${col}`;
      if (done.has(id)) return;
      done.add(id);
      const v = previous[table]?.[row]?.[col];
      if (v === undefined) return;
      rows.push([table, row, col, v, describe(format, table, row, col)]);
    };
    for (const vc of format.tables[table].values) push(vc.row, vc.col);
    for (const [row, cols] of Object.entries(previous[table] ?? {})) for (const col of Object.keys(cols)) push(row, col);
  }
  return rows;
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

function tableId(v: CellValue | undefined): TableId | undefined {
  const t = text(v);
  return TABLE_IDS.find((id) => TABLE_NAMES[id].includes(t));
}

function value(v: CellValue | undefined): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  const t = v.trim();
  if (t === '') return null;
  return /^[+-]?\d+(?:\.\d+)?$/.test(t) ? Number(t) : t;
}

/**
 * Reads the sheet “上年数据” back into a report; null when the grid holds no such table
 * (no 表/行/列/数值 header, or no 格式 row naming a known format).
 */
export function previousFromGrid(grid: Grid): ReportData | null {
  const cells = grid.cells;
  let format: string | undefined;
  let year: number | undefined;
  let organization = '';
  let header = -1;
  let c0 = 0;
  for (let r = 0; r < cells.length && header < 0; r++) {
    const row = cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = text(row[c]);
      if (t === PREVIOUS.format || t === 'format') format = text(row[c + 1]);
      else if (t === PREVIOUS.year || t === 'year') year = Number(text(row[c + 1]));
      else if (t === PREVIOUS.organization || t === 'organization') organization = text(row[c + 1]);
      else if (t === PREVIOUS.header[0] && text(row[c + 1]) === PREVIOUS.header[1] && text(row[c + 2]) === PREVIOUS.header[2] && text(row[c + 3]) === PREVIOUS.header[3]) {
        header = r;
        c0 = c;
      }
    }
  }
  if (header < 0 || !format || !getFormat(format)) return null;
  const data: ReportData = {
    format,
    year: Number.isFinite(year) && year ? year : 0,
    organization,
    table2: {},
    table3: {},
    table4: {},
  };
  for (let r = header + 1; r < cells.length; r++) {
    const row = cells[r] ?? [];
    const t = tableId(row[c0]);
    const key = text(row[c0 + 1]);
    const col = text(row[c0 + 2]);
    if (!t || !key || !col) continue;
    (data[t][key] ??= {})[col] = value(row[c0 + 3]);
  }
  return data;
}

/**
 * Where each of last year's figures sits on the sheet 上年数据 (its 数值 column), so cross-year
 * findings name last year's cell as well as this year's.
 */
export function previousCellsFromGrid(grid: Grid): LocatedReport['cells'] {
  const cells: LocatedReport['cells'] = {};
  let header = -1;
  let c0 = 0;
  for (let r = 0; r < grid.cells.length && header < 0; r++) {
    const row = grid.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (PREVIOUS.header.slice(0, 4).every((h, k) => text(row[c + k]) === h)) {
        header = r;
        c0 = c;
        break;
      }
    }
  }
  if (header < 0) return cells;
  for (let r = header + 1; r < grid.cells.length; r++) {
    const row = grid.cells[r] ?? [];
    const table = tableId(row[c0]);
    const key = text(row[c0 + 1]);
    const col = text(row[c0 + 2]);
    if (!table || !key || !col) continue;
    const abs = { row: grid.origin.row + r, col: grid.origin.col + c0 + 3 };
    const loc: CellLocation = { sheet: grid.sheet, address: a1(abs.row, abs.col), ...abs };
    ((cells[table] ??= {})[key] ??= {})[col] = loc;
  }
  return cells;
}
