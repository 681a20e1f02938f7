/**
 * The pane's side of issue 5: a published report read back in, last year's figures kept on the
 * sheet 上年数据, and this year's 二、上年结转 prefilled from last year's 结转下年度.
 * Works on any WorkbookPort (Excel or an .xlsx in memory); no React.
 */
import { AUX_SHEETS } from '../core/check/workbook';
import { sheetRef, type Grid } from '../core/grid';
import { importPublishedReport, looksLikeHtml, type ImportResult } from '../core/import';
import { parseReportJson } from '../core/model/json';
import type { ReportData, Value } from '../core/model/report';
import { PREVIOUS_SHEET, prefillCarriedOver, previousFromGrid } from '../core/previous';
import { readReports } from '../core/read';
import type { LocatedReport } from '../core/read/types';
import { getFormat } from '../core/formats';
import type { WorkbookPort } from '../workbook/port';
import { decodeText, isTextReport, readBytes, type FileBackend, type PickedFile } from './files';

export { decodeText, isTextReport, readBytes, type PickedFile } from './files';


/** Read a published report's text or HTML. */
export function readPublished(input: string, kind?: 'text' | 'html'): ImportResult {
  return importPublishedReport(input, { kind: kind ?? (looksLikeHtml(input) ? 'html' : 'text') });
}

/** A pane error with a code the view knows how to say (see UiStrings.previous). */
export class PaneError extends Error {
  constructor(
    public readonly code: 'previous-type' | 'previous-xlsx' | 'previous-none' | 'previous-json',
    public readonly data: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'PaneError';
  }
}

/** Last year's figures from a file: an .xlsx workbook (first report in it), a report.json, or a published .txt/.html. */
export async function previousFromFile(
  file: PickedFile,
  files?: FileBackend,
): Promise<{ data: ReportData; unread: number }> {
  const name = file.name;
  if (/\.json$/i.test(name)) {
    const text = decodeText(await readBytes(file));
    try {
      return { data: parseReportJson(text), unread: 0 };
    } catch (e) {
      throw new PaneError('previous-json', { file: name, detail: e instanceof Error ? e.message : String(e) });
    }
  }
  if (isTextReport(name)) {
    const r = readPublished(decodeText(await readBytes(file)), /\.html?$/i.test(name) ? 'html' : 'text');
    return { data: r.data, unread: r.issues.length };
  }
  if (/\.(xlsx|xlsm)$/i.test(name)) {
    if (!files) throw new PaneError('previous-xlsx', { file: name });
    const wb = await files.open(await readBytes(file), name);
    const grids = (await wb.readAllGrids()).filter((g) => !AUX_SHEETS.includes(g.sheet));
    const [report] = readReports(grids);
    if (!report) throw new PaneError('previous-none', { file: name });
    return { data: report.data, unread: 0 };
  }
  throw new PaneError('previous-type', { file: name });
}

/** The year of the figures already kept on 上年数据, or null when there is none (undefined: no such sheet). */
export async function keptPreviousYear(port: WorkbookPort): Promise<number | null | undefined> {
  if (!(await port.listSheets()).includes(PREVIOUS_SHEET)) return undefined;
  const kept = previousFromGrid(await port.readGrid(PREVIOUS_SHEET));
  return kept && kept.year > 0 ? kept.year : null;
}

export { storePrevious } from '../workbook/operations';

export interface CarryWrite {
  sheet: string;
  address: string;
  /** 表三 二、上年结转 · 自然人 */
  label: string;
  from: Value;
  to: number;
}

export interface CarryPlan {
  /** empty or zero now: written without asking */
  safe: CarryWrite[];
  /** holding another value: written only when the user agrees */
  differing: CarryWrite[];
  /** total cells computed by a formula: left alone */
  formulas: number;
}

function isEmptyOrZero(v: Value): boolean {
  return v === null || v === 0 || (typeof v === 'string' && v.trim() === '');
}

/** What 预填上年结转 would write into this year's 二、上年结转 cells (addresses from the located report). */
export function carryOverPlan(report: LocatedReport, previous: ReportData, grids: Grid[]): CarryPlan {
  const { changed } = prefillCarriedOver(report.data, previous);
  const format = getFormat(report.data.format);
  const t3 = format?.tables.table3;
  const plan: CarryPlan = { safe: [], differing: [], formulas: 0 };
  for (const ch of changed) {
    const loc = report.cells.table3?.[ch.row]?.[ch.col];
    if (!loc || typeof ch.to !== 'number') continue;
    const g = grids.find((x) => x.sheet === loc.sheet);
    if (g?.formulas?.[loc.row - g.origin.row]?.[loc.col - g.origin.col]) {
      plan.formulas++;
      continue;
    }
    const vc = t3?.values.find((v) => v.row === ch.row && v.col === ch.col);
    const label = `${t3?.shortName ?? '表三'} ${vc?.rowLabel ?? ch.row} · ${vc?.colLabel ?? ch.col}`;
    const w: CarryWrite = { sheet: loc.sheet, address: loc.address, label, from: ch.from, to: ch.to };
    (isEmptyOrZero(ch.from) ? plan.safe : plan.differing).push(w);
  }
  return plan;
}

export function carryRef(w: CarryWrite): string {
  return sheetRef(w.sheet, w.address);
}

export async function writeCarry(port: WorkbookPort, writes: CarryWrite[]): Promise<void> {
  await port.writeValues(writes.map((w) => ({ sheet: w.sheet, address: w.address, value: w.to })));
}

/**
 * What 预填上年结转 would do in this workbook: this year's report (the one last year's figures
 * belong to), last year's figures (kept on 上年数据, else a report of the year before here).
 */
export async function planCarryOver(
  port: WorkbookPort,
): Promise<{ kind: 'no-report' } | { kind: 'no-previous' } | { kind: 'plan'; plan: CarryPlan; previousYear: number }> {
  const grids = await port.readAllGrids();
  const located = readReports(grids.filter((g) => !AUX_SHEETS.includes(g.sheet)));
  if (located.length === 0) return { kind: 'no-report' };
  const keptGrid = grids.find((g) => g.sheet === PREVIOUS_SHEET);
  const kept = keptGrid ? previousFromGrid(keptGrid) : null;
  const report =
    (kept && located.find((r) => r.data.year === kept.year + 1)) ??
    located.find((r) => located.some((o) => o.data.year === r.data.year - 1)) ??
    located[0];
  const previous = kept ?? located.find((o) => o !== report && o.data.year === report.data.year - 1)?.data;
  if (!previous) return { kind: 'no-previous' };
  return { kind: 'plan', plan: carryOverPlan(report, previous, grids), previousYear: previous.year };
}
