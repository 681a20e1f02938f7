/**
 * Checking a whole workbook, the same for the command line and the task pane: find the reports on
 * its sheets, run the table checks (with last year's figures where known) and the checks of the
 * report's text against its tables.
 */
import type { Grid } from '../grid';
import { FIELD_LABELS, PROFILE_SHEET, S, TEXT_SHEET, type FieldKey } from '../messages/narrative';
import type { ReportData } from '../model/report';
import { generateReport } from '../narrative/generate';
import { checkNarrative } from '../narrative-check';
import { PREVIOUS_SHEET, previousCellsFromGrid, previousFromGrid } from '../previous';
import { readReports, type SheetMetadata } from '../read';
import { readProfile } from '../read/profile';
import type { LocatedReport } from '../read/types';
import { renderText } from '../render/text';
import { checkReviewNarrative, runChecks } from '../rules';
import type { Finding } from '../rules/types';
import { CHECK } from '../messages/check';

/** Our own sheets that hold no report tables: the report's text inputs, its text, last year's figures. */
export const AUX_SHEETS: readonly string[] = [PROFILE_SHEET, TEXT_SHEET, PREVIOUS_SHEET];

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

/**
 * The cells of the sheet 报告文本 for a report's text: one line a row in column A, blank lines
 * left empty. The ports write text as text.
 */
export function textSheetCells(text: string | string[]): { address: string; value: string | null }[] {
  const lines = Array.isArray(text) ? text : text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line, i) => ({ address: `A${i + 1}`, value: line.trim() === '' ? null : line }));
}

/** Last year's figures kept in the workbook on the sheet 上年数据, with the cells they sit in, if any. */
export function keptPrevious(grids: Grid[]): PreviousYear | undefined {
  const g = grids.find((x) => x.sheet === PREVIOUS_SHEET);
  const data = g && previousFromGrid(g);
  return g && data ? { data, cells: previousCellsFromGrid(g), source: 'kept' } : undefined;
}

/**
 * The report's text to check: the sheet 报告文本 where the text was written out, else the text
 * generated from the tables and the 报告正文 inputs the user edited.
 */
export function reportText(
  grids: Grid[],
  data: ReportData,
): { text: string; source: 'text-sheet' | 'profile-sheet'; inputCells: Partial<Record<FieldKey, string>> } | undefined {
  const text = grids.find((g) => g.sheet === TEXT_SHEET);
  if (text) {
    return {
      text: text.cells.map((row) => row.filter((v) => v !== null && v !== '').map(String).join('')).join('\n'),
      source: 'text-sheet',
      inputCells: {},
    };
  }
  const profile = grids.find((g) => g.sheet === PROFILE_SHEET);
  if (!profile) return undefined;
  const read = readProfile(profile, data);
  return { text: renderText(generateReport(data, read.profile)), source: 'profile-sheet', inputCells: read.cells };
}

/**
 * A placeholder the report generator wrote for an input not yet given (【待填写：…】) is unfinished
 * work, not a contradiction: a warning that points at that input's cell on 报告正文.
 */
function pointToInput(f: Finding, inputCells: Partial<Record<FieldKey, string>>): Finding {
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
export function checkGrids(allGrids: Grid[], options: WorkbookCheckOptions = {}): ReportCheckResult[] {
  const grids = allGrids.filter((g) => !AUX_SHEETS.includes(g.sheet));
  const located = readReports(grids, { metadata: options.metadata });
  const kept = keptPrevious(allGrids);
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
    const findings = runChecks(report.data, {
      cells: report.cells,
      readIssues: report.issues,
      previous: previous?.data,
      previousCells: previous?.cells,
    });
    // the report's text belongs to the workbook's first report
    const narrative = i === 0 ? reportText(allGrids, report.data) : undefined;
    if (narrative) {
      const found = checkNarrative(narrative.text, report.data, { organization: report.data.organization, cells: report.cells });
      findings.push(...found.map((f) => pointToInput(f, narrative.inputCells)));
      findings.push(...checkReviewNarrative(narrative.text, report.data, { cells: report.cells }));
    }
    return { report, findings, previous, text: narrative?.source };
  });
}
