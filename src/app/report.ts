/**
 * 生成报告 / `nianbao report`: the report's text from the tables and the 报告正文 inputs, rendered
 * as Word (.docx), a web page or plain text, or written on the sheet 报告文本.
 */
import type { Grid } from '../core/grid';
import { FIELD_LABELS, FROM_PUBLISHED, type FieldKey } from '../core/messages/narrative';
import { profileCellOf } from '../core/layout/profile';
import { publishedFieldValues, publishedInputs } from '../core/narrative/published';
import type { ReportData } from '../core/model/report';
import type { Finding } from '../core/rules/types';
import { openFindings } from '../core/rules/verified';
import { checkWorkbook, type PreviousYear } from './check';
import { generateReport } from '../core/narrative/generate';
import { defaultProfile } from '../core/narrative/profile';
import type { ReportDocument, ReportProfile } from '../core/narrative/types';
import type { LocatedReport } from '../core/read/types';
import { readProfile, type ProfileIssue } from '../core/read/profile';
import { renderHtml } from '../core/render/html';
import { renderText, textLines } from '../core/render/text';
import { WorkbookError, type CellWrite, type WorkbookPort, type WorkbookReader } from '../workbook/port';
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
export async function readReportInputs(port: WorkbookReader): Promise<ReportInputs> {
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

/**
 * The report's document (sections, paragraphs, tables) from the figures and the inputs; with last year's
 * figures (上年数据, `--previous`) the text states the change from last year.
 */
export function reportDocument(report: LocatedReport, profile: ReportProfile, previous?: ReportData): ReportDocument {
  return generateReport(report.data, profile, { previous });
}

/** docx: Word · html: the whole web page (a downloaded .html) · html-fragment: the part pasted into a CMS · txt */
export type ReportFormat = 'docx' | 'html' | 'html-fragment' | 'txt';

/** The document as a file's content; the Word exporter is loaded only when a .docx is asked for. */
export async function renderReport(doc: ReportDocument, kind: ReportFormat): Promise<Uint8Array | string> {
  if (kind === 'docx') {
    const { renderDocx } = await import(/* webpackChunkName: "docx" */ '../export/docx');
    return renderDocx(doc);
  }
  if (kind === 'html') return renderHtml(doc, { standalone: true });
  if (kind === 'html-fragment') return renderHtml(doc);
  return renderText(doc);
}

/** The preview's HTML fragment (every text escaped). */
export function previewHtml(doc: ReportDocument): string {
  return renderHtml(doc);
}

/**
 * 复制（网页格式）: what goes on the clipboard — `html` (text/html: the fragment with its tables, for a CMS
 * editor) and `text` (text/plain: the same report as text, for anything else).
 */
export function reportClipboard(doc: ReportDocument): { html: string; text: string } {
  return { html: renderHtml(doc), text: renderText(doc) };
}

/* ------------------------------------------------------------------ what stands between the workbook and a good export */

/** A place the user goes to fix something before exporting: a cell of 报告正文 or of a table. */
export interface ReportTodo {
  /** what is missing or wrong, in the user's words */
  label: string;
  /** where to go (sheet and A1 address), when known */
  sheet?: string;
  address?: string;
}

/** What the report still lacks, and the tables' open errors: the 生成报告 view shows these above the preview. */
export interface ReportReadiness {
  /** inputs on 报告正文 not given yet (written 【待填写…】 in the text) */
  missingInputs: ReportTodo[];
  /** table cells quoted or shown that hold no number (written 【待核实】) */
  pendingFigures: ReportTodo[];
  /** paragraphs still the default draft (a warning: the export is not held back for them) */
  drafts: ReportTodo[];
  /** open errors of the tables (一键校验's errors, verified ones left out) */
  errors: Finding[];
  /** nothing missing, nothing pending, no open error: export without asking */
  ready: boolean;
}

/**
 * What is pending and what errors block an export: the inputs not given (with their cell on 报告正文), the
 * figures that are not numbers (with their cell), the unedited drafts, and the open errors among `findings`
 * (those of 一键校验 / checkWorkbook; the text checks are left out: the export writes a new text).
 */
export function reportReadiness(doc: ReportDocument, report: LocatedReport, inputs: ReportInputs | null, findings: Finding[] = []): ReportReadiness {
  const inputCell = (label: string): ReportTodo => {
    const key = (Object.keys(FIELD_LABELS) as FieldKey[]).find((k) => FIELD_LABELS[k] === label);
    const address = key && inputs?.profile?.cells[key];
    return address ? { label, sheet: inputs!.profile!.sheet, address } : { label };
  };
  const pendingFigures = doc.pending.map((p): ReportTodo => {
    const loc = report.cells[p.ref.table]?.[p.ref.row]?.[p.ref.col];
    return loc ? { label: p.where, sheet: loc.sheet, address: loc.address } : { label: p.where };
  });
  const errors = openFindings(findings).filter((f) => f.severity === 'error' && !f.id.startsWith('NARR-'));
  const missingInputs = doc.missing.map(inputCell);
  return {
    missingInputs,
    pendingFigures,
    drafts: doc.drafts.map(inputCell),
    errors,
    ready: !missingInputs.length && !pendingFigures.length && !errors.length,
  };
}

/**
 * 生成报告 for the first report of a workbook, with everything a surface needs: the document (with last
 * year's figures: given, else kept on 上年数据 or a report of the year before in the workbook — as 一键校验
 * finds them), what is pending and which errors block (readiness), and whether 报告正文 is missing.
 */
export async function prepareReport(
  port: WorkbookReader,
  options: { previous?: PreviousYear; file?: string } = {},
): Promise<{
  doc: ReportDocument;
  report: LocatedReport;
  readiness: ReportReadiness;
  profileMissing: boolean;
  previousYear?: number;
  /** for a surface that regenerates as the user edits: reportDocument(report, profile, previous) and reportReadiness(doc, report, inputs, findings) */
  inputs: ReportInputs;
  previous?: ReportData;
  findings: Finding[];
}> {
  const inputs = await readReportInputs(port);
  const report = inputs.reports[0];
  if (!report) throw new WorkbookError('no-tables', options.file ? { file: options.file } : {});
  const outcome = await checkWorkbook(port, { previous: options.previous });
  const checked = outcome.reports.find((r) => r.sheet === (report.tables[0]?.sheet ?? '')) ?? outcome.reports[0];
  const previous = options.previous?.data ?? checked?.previous;
  const doc = reportDocument(report, profileFor(inputs, report), previous);
  const findings = checked?.findings ?? [];
  return {
    doc,
    report,
    readiness: reportReadiness(doc, report, inputs, findings),
    profileMissing: inputs.profile === null,
    previousYear: doc.previousYear,
    inputs,
    previous,
    findings,
  };
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

/**
 * After importing a published report: what its text says of the 报告正文 inputs (主动公开 N 条, the channels,
 * 信息处理费, answered within the time limit), as writes to the 报告正文 we just created — each value in B with
 * 取自已发布报告 beside it in C. Nothing for what the text does not say.
 */
export function publishedProfileWrites(sheet: string, text: string): CellWrite[] {
  const values = publishedFieldValues(publishedInputs(text));
  const out: CellWrite[] = [];
  for (const [key, value] of Object.entries(values) as [FieldKey, string | number][]) {
    const at = profileCellOf(key);
    if (!at) continue;
    out.push({ sheet, address: at.value, value }, { sheet, address: at.note, value: FROM_PUBLISHED });
  }
  return out;
}

/** 插入“报告正文”: the sheet for a report with the inputs as edited (when the workbook has none). Returns the sheet, or null. */
export function addReportProfile(port: WorkbookPort, report: LocatedReport, profile: ReportProfile): Promise<string | null> {
  const { data } = report;
  return addProfileSheet(port, { format: formatOf(data), year: data.year, organization: data.organization, profile });
}
