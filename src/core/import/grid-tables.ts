/**
 * The HTML path of the importer: every <table> of the page becomes a Grid (rowspan/colspan merged
 * as a sheet would have them) and the official tables are found in it by the sheet reader
 * (src/core/read locate): rows by their labels, columns by their header labels. The importer's
 * promise stays: a row whose cell count does not fit the official row is left blank and named,
 * and every cell that could not be read is named by its label.
 */
import type { FormatDef, TableDef, TableId } from '../formats/types';
import type { Grid } from '../grid';
import type { ReportData } from '../model/report';
import { IMPORT } from '../messages/import';
import { locateTablesWithFormat, type TableRead } from '../read/locate';
import { SheetView } from '../read/sheet';
import { valueToken } from '../read/value';
import type { HtmlTable } from './html';
import { tableToGrid } from './html';
import { cellLabelOf, rowLabelOf, rowsFromMatrix, toValue, type ImportIssue, type RawRow, type RawValue } from './tables';

/** One table of the page, as a matrix and as the Grid the sheet reader reads. */
export interface PageTable {
  table: HtmlTable;
  grid: Grid;
  view: SheetView;
}

/**
 * The page's tables as Grids, named 表格1, 表格2 … in page order; with several tables, also all of
 * them one under the other with an empty row between (表格), as pasted into one sheet: a page that
 * splits a table (表二 one <table> per 第二十条 block) is read whole there.
 */
export function pageTables(tables: HtmlTable[]): PageTable[] {
  const pages = tables.map((table, i) => page(table, `表格${i + 1}`));
  if (tables.length > 1) pages.push(page(stacked(tables), '表格'));
  return pages;
}

function page(table: HtmlTable, name: string): PageTable {
  const grid = tableToGrid(table, name);
  return { table, grid, view: new SheetView(grid) };
}

/** Tables one under the other, an empty row between; merged cells keep their rows (r0 moved). */
function stacked(tables: HtmlTable[]): HtmlTable {
  const cols = Math.max(...tables.map((t) => t.cols));
  const matrix: HtmlTable['matrix'] = [];
  for (const t of tables) {
    if (matrix.length) matrix.push(Array<null>(cols).fill(null));
    const offset = matrix.length;
    for (const row of t.matrix) {
      const out = row.map((c) => (c ? { ...c, r0: c.r0 + offset } : null));
      while (out.length < cols) out.push(null);
      matrix.push(out);
    }
  }
  return { matrix, rows: matrix.length, cols };
}

/** A table found by the sheet reader in one of the page's tables. */
export interface FoundTable {
  page: PageTable;
  read: TableRead;
}

function cellCount(read: TableRead): number {
  let n = 0;
  for (const row of Object.values(read.cells)) n += Object.keys(row).length;
  return n;
}

/** The page table in which the sheet reader finds the most cells of an official table (the first on a tie). */
export function findTable(pages: PageTable[], format: FormatDef, id: TableId): FoundTable | undefined {
  let best: FoundTable | undefined;
  for (const page of pages) {
    const read = locateTablesWithFormat(page.view, format)[id];
    if (read && (!best || cellCount(read) > cellCount(best.read))) best = { page, read };
  }
  return best;
}

/** The cell text at a located position: the text of the cell that starts there ('' where a merge covers it). */
function cellText(page: PageTable, row: number, col: number): RawValue {
  const c = page.table.matrix[row]?.[col];
  const text = c?.origin ? c.text : '';
  return { text, token: valueToken(text, true)! };
}

/** The rows of the matrix as the importer reads them (label cells, then value cells), by matrix row. */
function matrixRows(page: PageTable): Map<number, RawRow> {
  const out = new Map<number, RawRow>();
  for (const row of rowsFromMatrix(page.table)) if (row.r !== undefined) out.set(row.r, row);
  return out;
}

/** Headers of a table the reader did not find, in the official column order. */
function missingColumns(table: TableDef, read: TableRead): string[] {
  const missing = new Set(read.issues.filter((i) => i.kind === 'missing-column').map((i) => i.official ?? i.text));
  return table.colOrder.map((c) => c.label).filter((l) => missing.has(l));
}

/**
 * Reads table 二 or 三 as located by the sheet reader into `data`; returns the row keys found.
 * A found row is read only when its cells after the last label are as many as the official row's
 * values (as in the text path); each value comes from the cell under its column header.
 */
export function readFoundRowTable(table: TableDef, found: FoundTable, data: ReportData, issues: ImportIssue[]): Set<string> {
  const { page, read } = found;
  const rows = matrixRows(page);
  const keys = new Set<string>();
  for (const h of missingColumns(table, read)) issues.push({ label: IMPORT.headerLabel, message: IMPORT.headerMissingBlank(table.shortName, h) });
  for (const r of table.rowOrder) {
    const located = read.cells[r.key];
    if (!located) continue;
    const anyCell = Object.values(located)[0];
    const mrow = anyCell ? rows.get(anyCell.row - page.grid.origin.row) : undefined;
    keys.add(r.key);
    const rowName = IMPORT.rowLabel(table.shortName, rowLabelOf(table, r.key));
    const cells = table.values.filter((v) => v.row === r.key);
    const k = cells.length;
    let values = mrow?.values ?? [];
    // trailing empty cells of the template (e.g. the empty 4th column of 2019 表二) are not values
    while (values.length > k && values[values.length - 1].token.kind === 'blank' && values[values.length - 1].text === '') {
      values = values.slice(0, -1);
    }
    if (values.length < k) {
      issues.push({ label: rowName, message: IMPORT.rowCount(values.length, k) });
      continue;
    }
    if (values.length > k) issues.push({ label: rowName, message: IMPORT.rowExtra(values.length - k) });
    for (const vc of cells) {
      const loc = located[vc.col];
      if (!loc) continue; // its header is missing: named above, the value stays null
      data[table.id][vc.row][vc.col] = toValue(cellText(page, loc.row, loc.col), vc, cellLabelOf(table, vc), issues);
    }
  }
  for (const issue of read.issues) {
    if (issue.kind === 'altered-label' && issue.official) {
      issues.push({ label: IMPORT.rowLabel(table.shortName, issue.official), message: IMPORT.labelAltered(issue.text.trim(), issue.official), note: true });
      continue;
    }
    if (issue.kind !== 'extra-row' || !issue.address) continue;
    const r = Number(/\d+$/.exec(issue.address)?.[0]) - 1 - page.grid.origin.row;
    const mrow = rows.get(r);
    if (issue.official) {
      const dup = table.rowOrder.find((x) => table.values.some((v) => v.row === x.key && v.rowLabel === issue.official));
      if (dup) issues.push({ label: IMPORT.rowLabel(table.shortName, rowLabelOf(table, dup.key)), message: IMPORT.rowDuplicate });
      continue;
    }
    if (!mrow?.values.some((v) => v.token.kind === 'number')) continue;
    const label = mrow.labels.length ? `${table.shortName} ${mrow.labels.slice(-2).join(' ')}` : `${table.shortName} ${IMPORT.unlabelledValues}`;
    issues.push({ label, message: IMPORT.unmatchedRow(mrow.values.map((v) => v.text || '空').join('、')) });
  }
  return keys;
}

/**
 * Reads table 四 as located by the sheet reader. As in the text path, the figures of the table must
 * be exactly 15 (or the first row of figures at least 15); each value comes from the cell under its
 * two header levels.
 */
export function readFoundTable4(table: TableDef, found: FoundTable, data: ReportData, issues: ImportIssue[]): void {
  const { page, read } = found;
  const rowsFrom = rowsFromMatrix(page.table).filter((r) => r.r !== undefined && r.r >= read.top - page.grid.origin.row);
  const runs = rowsFrom.filter((r) => r.values.some((v) => v.token.kind === 'number'));
  const count = runs.reduce((n, r) => n + r.values.length, 0);
  const k = table.values.length;
  if (count !== k) {
    if (runs.length && runs[0].values.length >= k) {
      issues.push({ label: IMPORT.rowLabel(table.shortName, table.caption), message: IMPORT.table4Extra(count) });
    } else {
      issues.push({ label: IMPORT.rowLabel(table.shortName, table.caption), message: IMPORT.table4Count(count) });
      return;
    }
  }
  for (const h of missingColumns(table, read)) issues.push({ label: IMPORT.headerLabel, message: IMPORT.headerMissingBlank(table.shortName, h) });
  for (const vc of table.values) {
    const loc = read.cells[vc.row]?.[vc.col];
    if (!loc) continue;
    data.table4[vc.row][vc.col] = toValue(cellText(page, loc.row, loc.col), vc, cellLabelOf(table, vc), issues);
  }
}
