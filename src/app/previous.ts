/**
 * Last year's figures: read from a file (a workbook, report.json, or a published report's text or
 * web page), kept with this year's workbook on 上年数据, and used to prefill this year's 二、上年结转
 * from last year's 结转下年度. The same for `--previous` on the command line and the pane.
 */
import { sheetRef, type Grid } from '../core/grid';
import { parseReportJson } from '../core/model/json';
import type { ReportData, Value } from '../core/model/report';
import type { CellLocation, LocatedReport } from '../core/read/types';
import { formatOf } from '../core/formats';
import type { WorkbookPort, WorkbookReader } from '../workbook/port';
import type { PreviousYear } from './check';
import { AppError } from './errors';
import { isPublishedReportFile, readPublishedBytes } from './publish';
import { openReports, readSheets, reportsOf } from './sheets';
import { decodeText } from './text';
import { PREVIOUS_SHEET, prefillCarriedOver, previousFromGrid } from '../core/previous';

/** A file as both surfaces have it: its name and bytes (read from disk, or picked in the pane). */
export interface FileInput {
  name: string;
  bytes: Uint8Array | ArrayBuffer;
}

/** Opens .xlsx bytes as a workbook (the ExcelJS port: loaded on first use in the pane). */
export type OpenXlsx = (bytes: Uint8Array | ArrayBuffer, name: string) => Promise<WorkbookReader>;

export const PREVIOUS_FILE_TYPES = '.xlsx、.json、.txt、.html、.md、.docx、.pdf';

/** A located report's cells, named as cells of another workbook: `[file]sheet`. */
function cellsOfFile(cells: LocatedReport['cells'], file: string): LocatedReport['cells'] {
  const out: LocatedReport['cells'] = {};
  for (const [table, rows] of Object.entries(cells) as [keyof LocatedReport['cells'], Record<string, Record<string, CellLocation>>][]) {
    const t: Record<string, Record<string, CellLocation>> = {};
    for (const [row, cols] of Object.entries(rows)) {
      t[row] = {};
      for (const [col, loc] of Object.entries(cols)) t[row][col] = { ...loc, sheet: `[${file}]${loc.sheet}` };
    }
    out[table] = t;
  }
  return out;
}

/**
 * Last year's figures from a file: an .xlsx workbook (its first report, cells named `[file]sheet`),
 * a report.json, or a published report in any of its forms (.txt/.html/.md/.docx/.pdf). `unread`
 * counts the published report's items not read (notes such as a label read as its row are not counted).
 * Throws AppError 'unsupported-file' / 'bad-json', WorkbookError for a workbook that cannot be read
 * or holds no tables.
 */
export async function loadPrevious(file: FileInput, openXlsx: OpenXlsx): Promise<PreviousYear & { unread: number }> {
  const name = file.name.replace(/^.*[\\/]/, '');
  if (/\.json$/i.test(name)) {
    try {
      return { data: parseReportJson(decodeText(file.bytes)), source: 'file', unread: 0 };
    } catch (e) {
      throw new AppError('bad-json', { file: name, detail: (e as { detail?: string }).detail ?? (e instanceof Error ? e.message : String(e)) });
    }
  }
  if (isPublishedReportFile(name)) {
    // any form of a published report (web page, text in any encoding, markdown, Word, PDF)
    const r = await readPublishedBytes({ name, bytes: file.bytes });
    return { data: r.data, source: 'file', unread: r.issues.filter((i) => !i.note).length };
  }
  if (/\.(xlsx|xlsm)$/i.test(name)) {
    const wb = await openXlsx(file.bytes, name);
    const [report] = (await openReports(wb, { file: name, tablesOnly: true })).reports;
    return { data: report.data, cells: cellsOfFile(report.cells, name), source: 'file', unread: 0 };
  }
  throw new AppError('unsupported-file', { file: name, accepted: PREVIOUS_FILE_TYPES });
}

/** The year of the figures already kept on 上年数据, or null when there is none (undefined: no such sheet). */
export async function keptPreviousYear(port: WorkbookPort): Promise<number | null | undefined> {
  if (!(await port.listSheets()).includes(PREVIOUS_SHEET)) return undefined;
  const kept = previousFromGrid(await port.readGrid(PREVIOUS_SHEET));
  return kept && kept.year > 0 ? kept.year : null;
}

export { storePrevious } from './auxiliary';

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
  const t3 = formatOf(report.data).tables.table3;
  const plan: CarryPlan = { safe: [], differing: [], formulas: 0 };
  for (const ch of changed) {
    const loc = report.cells.table3?.[ch.row]?.[ch.col];
    if (!loc || typeof ch.to !== 'number') continue;
    const g = grids.find((x) => x.sheet === loc.sheet);
    if (g?.formulas?.[loc.row - g.origin.row]?.[loc.col - g.origin.col]) {
      plan.formulas++;
      continue;
    }
    const vc = t3.values.find((v) => v.row === ch.row && v.col === ch.col);
    const label = vc?.cellLabel ?? `${t3.shortName} ${ch.row} · ${ch.col}`;
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
  const sheets = await readSheets(port);
  const grids = sheets.grids;
  const located = reportsOf(sheets);
  if (located.length === 0) return { kind: 'no-report' };
  const keptGrid = sheets.previous;
  const kept = keptGrid ? previousFromGrid(keptGrid) : null;
  const report =
    (kept && located.find((r) => r.data.year === kept.year + 1)) ??
    located.find((r) => located.some((o) => o.data.year === r.data.year - 1)) ??
    located[0];
  const previous = kept ?? located.find((o) => o !== report && o.data.year === report.data.year - 1)?.data;
  if (!previous) return { kind: 'no-previous' };
  return { kind: 'plan', plan: carryOverPlan(report, previous, grids), previousYear: previous.year };
}
