/**
 * 生成报告 / `nianbao report`: the report's text from the tables and the 报告正文 inputs, rendered
 * as Word (.docx), a web page or plain text, or written on the sheet 报告文本.
 */
import type { Grid } from '../core/grid';
import type { FieldKey } from '../core/messages/narrative';
import { generateReport } from '../core/narrative/generate';
import { defaultProfile } from '../core/narrative/profile';
import type { ReportDocument, ReportProfile } from '../core/narrative/types';
import type { LocatedReport } from '../core/read/types';
import { readProfile, type ProfileIssue } from '../core/read/profile';
import { renderHtml } from '../core/render/html';
import { renderText, textLines } from '../core/render/text';
import { WorkbookError, type WorkbookPort } from '../workbook/port';
import { formatOf } from '../core/formats';
import { addProfileSheet, writeTextSheet } from './auxiliary';
import { readSheets, reportsOf } from './sheets';

export type { ReportDocument, ReportProfile };

/** The report inputs of a workbook: its reports, and the 报告正文 sheet where there is one. */
export interface ReportInputs {
  reports: LocatedReport[];
  profile: {
    sheet: string;
    grid: Grid;
    /** value cell of each field on the sheet */
    cells: Partial<Record<FieldKey, string>>;
    issues: ProfileIssue[];
  } | null;
}

/**
 * The 报告正文 grid: by its name, else a sheet (not one holding a report) where most profile labels
 * are found — a sheet the user renamed.
 */
function findProfileGrid(profile: Grid | undefined, candidates: Grid[]): Grid | null {
  if (profile) return profile;
  let best: { grid: Grid; n: number } | null = null;
  for (const g of candidates) {
    const n = Object.keys(readProfile(g).cells).length;
    if (n >= 5 && (!best || n > best.n)) best = { grid: g, n };
  }
  return best?.grid ?? null;
}

/** Reads a workbook's reports and its 报告正文 (one report per set of tables: 报告文本 is never read as one). */
export async function readReportInputs(port: WorkbookPort): Promise<ReportInputs> {
  const sheets = await readSheets(port);
  const reports = reportsOf(sheets);
  const reportSheets = new Set(reports.flatMap((r) => r.tables.map((t) => t.sheet)));
  const grid = findProfileGrid(sheets.profile, sheets.tables.filter((g) => !reportSheets.has(g.sheet)));
  if (!grid) return { reports, profile: null };
  const read = readProfile(grid, reports[0]?.data);
  return { reports, profile: { sheet: grid.sheet, grid, cells: read.cells, issues: read.issues } };
}

/** The inputs for one report: as on 报告正文, else the default draft for this body and year. */
export function profileFor(inputs: ReportInputs, report: LocatedReport): ReportProfile {
  return inputs.profile ? readProfile(inputs.profile.grid, report.data).profile : defaultProfile(report.data);
}

/** The report's document (sections, paragraphs, tables) from the figures and the inputs. */
export function reportDocument(report: LocatedReport, profile: ReportProfile): ReportDocument {
  return generateReport(report.data, profile);
}

export type ReportFormat = 'docx' | 'html' | 'txt';

/** The document as a file's content; the Word exporter is loaded only when a .docx is asked for. */
export async function renderReport(doc: ReportDocument, kind: ReportFormat): Promise<Uint8Array | string> {
  if (kind === 'docx') {
    const { renderDocx } = await import(/* webpackChunkName: "docx" */ '../export/docx');
    return renderDocx(doc);
  }
  return kind === 'html' ? renderHtml(doc, { standalone: true }) : renderText(doc);
}

/** The preview's HTML fragment (every text escaped). */
export function previewHtml(doc: ReportDocument): string {
  return renderHtml(doc);
}

/** The text 复制全文 copies. */
export function reportText(doc: ReportDocument): string {
  return renderText(doc);
}

/** The lines written on 报告文本 (tables compact, one row a line), where 一键校验 reads the text back. */
export function reportTextLines(doc: ReportDocument): string[] {
  return textLines(doc, { compactTables: true });
}

/** Writes the report's text on the sheet 报告文本 (replacing an earlier one). Returns the sheet. */
export function writeReportText(port: WorkbookPort, doc: ReportDocument | string[]): Promise<string> {
  return writeTextSheet(port, Array.isArray(doc) ? doc : reportTextLines(doc));
}

/**
 * `nianbao report`: the first report of a workbook with its inputs. `profileMissing` when the
 * workbook has no 报告正文 (the default draft is used, and the user is told).
 */
export async function workbookReport(
  port: WorkbookPort,
  file?: string,
): Promise<{ doc: ReportDocument; report: LocatedReport; profileMissing: boolean }> {
  const inputs = await readReportInputs(port);
  const report = inputs.reports[0];
  if (!report) throw new WorkbookError('no-tables', file ? { file } : {});
  return { doc: reportDocument(report, profileFor(inputs, report)), report, profileMissing: inputs.profile === null };
}

/** 插入“报告正文”: the sheet for a report with the inputs as edited (when the workbook has none). Returns the sheet, or null. */
export function addReportProfile(port: WorkbookPort, report: LocatedReport, profile: ReportProfile): Promise<string | null> {
  const { data } = report;
  return addProfileSheet(port, { format: formatOf(data), year: data.year, organization: data.organization, profile });
}
