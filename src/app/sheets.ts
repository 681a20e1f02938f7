/**
 * Opening a workbook: which of its sheets hold report tables and which are our own auxiliary
 * sheets (报告正文, 报告文本, 上年数据), and the reports found on the table sheets. Every surface
 * (command line, pane in Excel, pane outside Excel) reads a workbook's reports through here.
 */
import type { Grid } from '../core/grid';
import { PROFILE_SHEET, TEXT_SHEET } from '../core/messages/narrative';
import { PREVIOUS_SHEET } from '../core/previous';
import { BOARD_SHEET, VERIFY_SHEET } from '../core/messages/rollup';
import { readReports, type SheetMetadata } from '../core/read';
import type { LocatedReport } from '../core/read/types';
import { WorkbookError, type WorkbookReader } from '../workbook/port';

/** The sheet the tables go on when a workbook is created (command line and pane alike). */
export const TABLE_SHEET = '年报统计表';

/**
 * Our own sheets that hold no report tables: the report's text inputs, its text, last year's figures,
 * the reviewer's verified findings (核实说明) and a roll-up's board (校验汇总).
 */
export const AUX_SHEETS: readonly string[] = [PROFILE_SHEET, TEXT_SHEET, PREVIOUS_SHEET, VERIFY_SHEET, BOARD_SHEET];

export type SheetKind = 'tables' | 'profile' | 'text' | 'previous' | 'verify' | 'board';

/** What a sheet is for, by its name: our auxiliary sheets by name, every other sheet may hold tables. */
export function sheetKind(name: string): SheetKind {
  if (name === PROFILE_SHEET) return 'profile';
  if (name === TEXT_SHEET) return 'text';
  if (name === PREVIOUS_SHEET) return 'previous';
  if (name === VERIFY_SHEET) return 'verify';
  if (name === BOARD_SHEET) return 'board';
  return 'tables';
}

/** A workbook's sheets as grids, sorted by what they are for. */
export interface WorkbookSheets {
  /** every sheet read, in workbook order */
  grids: Grid[];
  /** the sheets that may hold report tables */
  tables: Grid[];
  profile?: Grid;
  text?: Grid;
  previous?: Grid;
  /** 核实说明: the findings a reviewer verified */
  verify?: Grid;
  /** 校验汇总: a roll-up's board */
  board?: Grid;
  /** the format, year … the port remembers for a table sheet (only helps the reader) */
  metadata: Record<string, SheetMetadata>;
}

/** Sorts grids by what their sheets are for. */
export function classifySheets(grids: Grid[], metadata: Record<string, SheetMetadata> = {}): WorkbookSheets {
  const out: WorkbookSheets = { grids, tables: [], metadata };
  for (const g of grids) {
    const kind = sheetKind(g.sheet);
    if (kind === 'tables') out.tables.push(g);
    else out[kind] ??= g;
  }
  return out;
}

/** Each table sheet's metadata where the port keeps it; metadata only helps, so a failure reads none. */
async function sheetMetadata(port: WorkbookReader, sheets: string[]): Promise<Record<string, SheetMetadata>> {
  const out: Record<string, SheetMetadata> = {};
  try {
    const metas = await Promise.all(sheets.map((s) => port.getMetadata(s)));
    sheets.forEach((s, i) => {
      const m = metas[i];
      if (m) out[s] = m;
    });
  } catch {
    // the tables are found by their labels without it
  }
  return out;
}

/**
 * Reads a workbook's sheets. With `tablesOnly`, only the sheets that may hold tables are read
 * (export, fill: the auxiliary sheets are not needed).
 */
export async function readSheets(port: WorkbookReader, options: { tablesOnly?: boolean } = {}): Promise<WorkbookSheets> {
  let grids: Grid[];
  if (options.tablesOnly) {
    grids = [];
    for (const sheet of await port.listSheets()) if (sheetKind(sheet) === 'tables') grids.push(await port.readGrid(sheet));
  } else {
    grids = await port.readAllGrids();
  }
  const tableSheets = grids.filter((g) => sheetKind(g.sheet) === 'tables').map((g) => g.sheet);
  return classifySheets(grids, await sheetMetadata(port, tableSheets));
}

/** The reports on a workbook's table sheets (never on 报告正文, 报告文本 or 上年数据). */
export function reportsOf(sheets: WorkbookSheets): LocatedReport[] {
  return readReports(sheets.tables, { metadata: sheets.metadata });
}

/**
 * Opens a workbook's reports. Throws WorkbookError 'no-tables' (naming `file` when given) when no
 * sheet holds report tables.
 */
export async function openReports(
  port: WorkbookReader,
  options: { file?: string; tablesOnly?: boolean } = {},
): Promise<{ sheets: WorkbookSheets; reports: LocatedReport[] }> {
  const sheets = await readSheets(port, { tablesOnly: options.tablesOnly });
  const reports = reportsOf(sheets);
  if (reports.length === 0) throw new WorkbookError('no-tables', options.file ? { file: options.file } : {});
  return { sheets, reports };
}
