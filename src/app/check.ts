/**
 * 一键校验 / `nianbao check`: find the reports on a workbook's sheets, run the table checks (with
 * last year's figures where known) and the checks of the report's text against its tables.
 */
import type { Grid } from '../core/grid';
import { FIELD_LABELS, PROFILE_SHEET, S, type FieldKey } from '../core/messages/narrative';
import type { ReportData } from '../core/model/report';
import { generateReport } from '../core/narrative/generate';
import { checkNarrative } from '../core/narrative-check';
import { previousCellsFromGrid, previousFromGrid } from '../core/previous';
import type { SheetMetadata } from '../core/read';
import { readProfile } from '../core/read/profile';
import type { LocatedReport } from '../core/read/types';
import { renderText } from '../core/render/text';
import { checkReviewNarrative, orderFindings, runChecks, statedValues } from '../core/rules';
import { formatOf } from '../core/formats';
import type { Finding } from '../core/rules/types';
import { applyDispositions, openFindings, readVerifications } from '../core/rules/verified';
import { CHECK } from '../core/messages/check';
import type { WorkbookReader } from '../workbook/port';
import { classifySheets, readSheets, reportsOf, type WorkbookSheets } from './sheets';
import { highlightsFor, reportSheets, summarizeByTable, type CheckOutcome, type ReportCheck } from './findings';

export interface PreviousYear {
  data: ReportData;
  /** where last year's figures sit, when they come from a workbook */
  cells?: LocatedReport['cells'];
  /** where they came from, for messages: a file, the sheet 上年数据, or another sheet of this workbook */
  source?: 'file' | 'kept' | 'same-workbook';
}

export interface ReportCheckResult {
  report: LocatedReport;
  findings: Finding[];
  previous?: PreviousYear;
  /** whether the report's text was checked, and where it came from */
  text?: 'text-sheet' | 'profile-sheet';
}

export interface WorkbookCheckOptions {
  metadata?: Record<string, SheetMetadata>;
  /** last year's figures given by the user; otherwise those kept on 上年数据, or a report of the year before on another sheet */
  previous?: PreviousYear;
}

/** Last year's figures kept in the workbook on the sheet 上年数据, with the cells they sit in, if any. */
export function keptPrevious(sheets: WorkbookSheets): PreviousYear | undefined {
  const g = sheets.previous;
  const data = g && previousFromGrid(g);
  return g && data ? { data, cells: previousCellsFromGrid(g), source: 'kept' } : undefined;
}

/**
 * The report's text to check: the sheet 报告文本 where the text was written out, else the text
 * generated from the tables and the 报告正文 inputs the user edited.
 */
export function reportText(
  sheets: WorkbookSheets,
  data: ReportData,
  previous?: ReportData,
): { text: string; source: 'text-sheet' | 'profile-sheet'; inputCells: Partial<Record<FieldKey, string>> } | undefined {
  const text = sheets.text;
  if (text) {
    return {
      text: text.cells.map((row) => row.filter((v) => v !== null && v !== '').map(String).join('')).join('\n'),
      source: 'text-sheet',
      inputCells: {},
    };
  }
  const profile = sheets.profile;
  if (!profile) return undefined;
  const read = readProfile(profile, data);
  return { text: renderText(generateReport(data, read.profile, { previous })), source: 'profile-sheet', inputCells: read.cells };
}

/**
 * A placeholder the report generator wrote for an input not yet given (【待填写：…】) is unfinished
 * work, not a contradiction: a warning that points at that input's cell on 报告正文.
 */
function pointToInput(f: Finding, inputCells: Partial<Record<FieldKey, string>>): Finding {
  if (f.id === 'NARR-DRAFT') {
    // a default paragraph left unedited: the input's cell on 报告正文
    const key = (Object.keys(FIELD_LABELS) as FieldKey[]).find((k) => f.message.includes(`“${FIELD_LABELS[k]}”`));
    const address = key ? inputCells[key] : undefined;
    if (!key || !address) return f;
    const cell = { sheet: PROFILE_SHEET, address, label: `${PROFILE_SHEET} ${FIELD_LABELS[key]}` };
    return { ...f, cells: [cell, ...f.cells], suspect: cell };
  }
  if (f.id !== 'NARR-PLACEHOLDER' || !f.sentence) return f;
  const m = /【待填写：([^】]+)】/.exec(f.sentence);
  if (!m) return f;
  const key =
    (Object.keys(FIELD_LABELS) as FieldKey[]).find((k) => FIELD_LABELS[k] === m[1]) ??
    (m[1] === S.feeMissing ? ('feeAmount' as const) : undefined);
  const address = key ? inputCells[key] : undefined;
  if (!key || !address) return f;
  const cell = { sheet: PROFILE_SHEET, address, label: `${PROFILE_SHEET} ${FIELD_LABELS[key]}` };
  return {
    ...f,
    severity: 'warning',
    cells: [cell, ...f.cells],
    suspect: cell,
    suggestion: CHECK.fillInput(PROFILE_SHEET, address, FIELD_LABELS[key]),
  };
}

/** Finds and checks every report of a workbook given as grids (one per sheet). */
export function checkGrids(grids: Grid[], options: WorkbookCheckOptions = {}): ReportCheckResult[] {
  return checkSheets(classifySheets(grids, options.metadata), options);
}

/** Checks every report of a workbook's sheets. */
export function checkSheets(sheets: WorkbookSheets, options: { previous?: PreviousYear } = {}): ReportCheckResult[] {
  const located = reportsOf(sheets);
  const kept = keptPrevious(sheets);
  return located.map((report, i) => {
    let previous = options.previous;
    // kept figures are last year's only when their year is the one before (or the report's year is unknown)
    if (!previous && kept && (report.data.year === 0 || kept.data.year === report.data.year - 1)) {
      previous = kept;
    }
    if (!previous) {
      const other = located.find(
        (o) =>
          o !== report &&
          o.data.year === report.data.year - 1 &&
          (!report.data.organization || !o.data.organization || o.data.organization === report.data.organization),
      );
      if (other) previous = { data: other.data, cells: other.cells, source: 'same-workbook' };
    }
    // the report's text belongs to the workbook's first report; the numbers it states are evidence
    // for the likely wrong cell of the tables (a typo in a cell the text quotes right)
    const narrative = i === 0 ? reportText(sheets, report.data, previous?.data) : undefined;
    const textFindings: Finding[] = [];
    if (narrative) {
      const found = checkNarrative(narrative.text, report.data, {
        organization: report.data.organization,
        cells: report.cells,
        previous: previous?.data,
      });
      textFindings.push(...found.map((f) => pointToInput(f, narrative.inputCells)));
      textFindings.push(...checkReviewNarrative(narrative.text, report.data, { cells: report.cells }));
    }
    const tableFindings = runChecks(report.data, {
      cells: report.cells,
      readIssues: report.issues,
      previous: previous?.data,
      previousCells: previous?.cells,
      stated: narrative?.source === 'text-sheet' ? statedValues(textFindings) : undefined,
    });
    // arithmetic first, then cross-year and text findings, blanks last
    const findings = orderFindings([...tableFindings, ...textFindings], formatOf(report.data));
    return { report, findings, previous, text: narrative?.source };
  });
}

/**
 * 一键校验 on any workbook: read every sheet, find the reports, check each (tables, last year's
 * figures given or kept on 上年数据 or a report of the year before here, the report's text). Findings
 * a reviewer verified on 核实说明 carry their disposition and are left out of the per-table counts
 * (until their numbers change: then `disposition.stale` and counted again).
 */
export async function checkWorkbook(port: WorkbookReader, options: { previous?: PreviousYear } = {}): Promise<CheckOutcome> {
  const workbook = await readSheets(port);
  const results = checkSheets(workbook, options);
  const verifications = readVerifications(workbook.verify);
  const reports: ReportCheck[] = results.map((res) => {
    const report = res.report;
    const findings = applyDispositions(res.findings, verifications);
    const sheets = reportSheets(report);
    return {
      sheet: report.tables[0]?.sheet ?? sheets[0] ?? '',
      sheets,
      year: report.data.year,
      formatId: report.data.format,
      organization: report.data.organization,
      previousYear: res.previous?.data.year,
      previousSource: res.previous?.source,
      previous: res.previous?.data,
      text: res.text,
      located: report,
      findings,
      summary: summarizeByTable(openFindings(findings)),
    };
  });
  return { reports, highlights: highlightsFor(reports.flatMap((r) => r.findings)), checkedAt: new Date() };
}
