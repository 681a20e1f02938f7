/**
 * Creating a report's sheets: the tables (blank, filled with figures, or an imported published
 * report's), 报告正文, and where given 上年数据 and 报告文本. `nianbao init`, `nianbao import`,
 * 插入表格 and the pane's 新建空白模板 / 导入 all go through here, so they make the same sheets under
 * the same names from the same input.
 */
import type { FormatDef } from '../core/formats';
import { formatForYear, formatOf } from '../core/formats';
import { a1, parseA1 } from '../core/grid';
import { buildSheetPlan } from '../core/layout/build';
import type { SheetPlan } from '../core/layout/plan';
import { emptyReport, type ReportData } from '../core/model/report';
import { prefillCarriedOver } from '../core/previous';
import { WorkbookError, type Conflict, type WorkbookPort } from '../workbook/port';
import { addProfileSheet, storePrevious, writeTextSheet } from './auxiliary';
import type { PreviousYear } from './check';
import { TABLE_SHEET } from './sheets';

export interface TablesOptions {
  format: FormatDef;
  year: number;
  organization: string;
  /** totals typed by hand instead of SUM formulas (an imported report keeps its published totals) */
  manualTotals: boolean;
  /** figures to fill in (from report.json or an imported published report) */
  data?: ReportData;
  /** last year's figures: 二、上年结转 prefilled from them, and kept on 上年数据 */
  previous?: PreviousYear;
}

/** The figures the tables are written with: the data's (when of this format), with 上年结转 from last year. */
function tableValues(options: TablesOptions): ReportData | undefined {
  let values = options.data && options.data.format === options.format.id ? options.data : undefined;
  if (options.previous) {
    const base = values ?? emptyReport(options.format, options.year, options.organization);
    values = prefillCarriedOver(base, options.previous.data).data;
  }
  return values;
}

/** The plan for the tables with their top-left corner at `origin` (0-based, sheet-absolute). */
export function planTables(options: TablesOptions, origin: { row: number; col: number } = { row: 0, col: 0 }): SheetPlan {
  return buildSheetPlan(options.format, {
    year: options.year,
    organization: options.organization,
    manualTotals: options.manualTotals,
    origin,
    values: tableValues(options),
  });
}

export interface CreatedSheets {
  /** the sheet the tables are on */
  tables: string;
  /** the A1 address of the tables' top-left cell */
  address: string;
  /** 报告正文, when it was added (an existing one is kept) */
  profile: string | null;
  /** 上年数据, when last year's figures were kept */
  previous: string | null;
  /** 报告文本, when a text was kept */
  text: string | null;
}

export interface CreateOptions extends TablesOptions {
  /** the report's text (an imported published report): kept on 报告文本, where the check reads it */
  text?: string;
}

/**
 * Writes a report's sheets into a workbook: the tables on a new sheet 年报统计表, 报告正文 (when
 * missing), 上年数据 (with last year's figures) and 报告文本 (with a text). Used for a new workbook and
 * for adding a report to an open one; it never writes over existing cells.
 */
export async function createReportSheets(port: WorkbookPort, options: CreateOptions): Promise<CreatedSheets> {
  const sheet = await port.addSheet(TABLE_SHEET);
  return completeReport(port, sheet, planTables(options), options, false);
}

/**
 * After the tables are on `sheet`: 报告正文 when missing, 上年数据 and 报告文本 when given.
 * `overwrite` is the user's yes to writing over the cells the plan covers.
 */
async function completeReport(
  port: WorkbookPort,
  sheet: string,
  plan: SheetPlan,
  options: CreateOptions,
  overwrite: boolean,
  origin: { row: number; col: number } = { row: 0, col: 0 },
): Promise<CreatedSheets> {
  await port.applyPlan(sheet, plan, { overwrite });
  const values = tableValues(options) ?? emptyReport(options.format, options.year, options.organization);
  const profile = await addProfileSheet(port, { ...options, data: values });
  const previous = options.previous ? await storePrevious(port, options.previous.data) : null;
  const text = options.text !== undefined ? await writeTextSheet(port, options.text) : null;
  return { tables: sheet, address: a1(origin.row, origin.col), profile, previous, text };
}

/** Where 插入表格 puts the tables: a new sheet, or the selected cell of a sheet. */
export type InsertTarget = { kind: 'new-sheet' } | { kind: 'at'; sheet: string; row: number; col: number };

export type InsertResult =
  | { kind: 'inserted'; sheets: CreatedSheets }
  /** the plan would write over non-empty cells: nothing was written; ask, then call again with overwrite */
  | { kind: 'conflict'; sheet: string; conflicts: Conflict[] };

/**
 * 插入表格: the tables at the target (a new sheet by default), then the other sheets of the report.
 * Non-empty cells in the way are never overwritten without `overwrite` (the user's explicit yes):
 * the answer is then 'conflict' with the cells, and nothing is written.
 */
export async function insertReport(
  port: WorkbookPort,
  options: CreateOptions,
  target: InsertTarget = { kind: 'new-sheet' },
  overwrite = false,
): Promise<InsertResult> {
  if (target.kind === 'new-sheet') return { kind: 'inserted', sheets: await createReportSheets(port, options) };
  const origin = { row: target.row, col: target.col };
  const plan = planTables(options, origin);
  if (!overwrite) {
    const conflicts = await port.findConflicts(target.sheet, plan);
    if (conflicts.length > 0) return { kind: 'conflict', sheet: target.sheet, conflicts };
  }
  try {
    return { kind: 'inserted', sheets: await completeReport(port, target.sheet, plan, options, overwrite, origin) };
  } catch (e) {
    // a cell filled between the look and the write: the same answer as before the write
    if (e instanceof WorkbookError && e.code === 'conflict' && !overwrite) {
      return { kind: 'conflict', sheet: target.sheet, conflicts: await port.findConflicts(target.sheet, plan) };
    }
    throw e;
  }
}

/** The pane's 新建空白模板 and `nianbao init` defaults: the year's format, no body name, totals as formulas. */
export function blankOptions(year: number): CreateOptions {
  return { format: formatForYear(year), year, organization: '', manualTotals: false };
}

/**
 * An imported report's tables: in its own format (else the year's), with the totals as published
 * (typed, not formulas, so the check can find the published report's errors).
 */
export function importedOptions(data: ReportData): CreateOptions {
  return { format: formatOf(data), year: data.year, organization: data.organization, manualTotals: true, data };
}

/** Where 插入表格 at the selection writes: the active cell (its range's first cell); null when there is none. */
export async function selectionTarget(port: WorkbookPort): Promise<InsertTarget | null> {
  const cell = await port.activeCell();
  const pos = cell ? parseA1(cell.address.split(':')[0]) : undefined;
  return cell && pos ? { kind: 'at', sheet: cell.sheet, row: pos.row, col: pos.col } : null;
}
