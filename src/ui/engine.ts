/**
 * The pane's use of the core engine: read a workbook's reports and check them.
 * One place that knows the core function names, so views stay about the user's task.
 */
import type { TableId } from '../core/formats';
import { TABLE_IDS, getFormat } from '../core/formats';
import { readReports } from '../core/read';
import type { LocatedReport } from '../core/read/types';
import { runChecks, summarize } from '../core/rules';
import type { Finding, FindingCell } from '../core/rules/types';
import type { HighlightCell, WorkbookPort } from '../workbook/port';

export type SummaryKey = TableId | 'other';

export interface TableSummary {
  table: SummaryKey;
  errors: number;
  warnings: number;
}

export interface ReportCheck {
  /** the sheet the report's first table is on */
  sheet: string;
  /** every sheet holding cells of this report */
  sheets: string[];
  year: number;
  formatId: string;
  organization: string;
  /** last year's report found in the same workbook and used for the cross-year checks */
  previousYear?: number;
  findings: Finding[];
  summary: TableSummary[];
}

export interface CheckOutcome {
  reports: ReportCheck[];
  highlights: HighlightCell[];
  checkedAt: Date;
}

/** Errors and warnings per table (the rules' own count); findings of no table go to 'other' when there are any. */
export function summarizeByTable(findings: Finding[]): TableSummary[] {
  const perTable = summarize(findings);
  const rows: TableSummary[] = TABLE_IDS.map((table) => ({
    table,
    errors: perTable[table].errors,
    warnings: perTable[table].warnings,
  }));
  const other = findings.filter((f) => (f.table ?? f.cells.find((c) => c.table)?.table) === undefined);
  if (other.length > 0) {
    rows.push({
      table: 'other',
      errors: other.filter((f) => f.severity === 'error').length,
      warnings: other.filter((f) => f.severity === 'warning').length,
    });
  }
  return rows;
}

function reportSheets(report: LocatedReport): string[] {
  const sheets = new Set<string>(report.tables.map((t) => t.sheet));
  for (const rows of Object.values(report.cells)) {
    for (const cols of Object.values(rows ?? {})) {
      for (const loc of Object.values(cols)) sheets.add(loc.sheet);
    }
  }
  return [...sheets];
}

/** The cell a click on a finding goes to: the suspect when it has an address, else the first cell that has one. */
export function targetCell(finding: Finding): { sheet: string; address: string } | undefined {
  const candidates: (FindingCell | undefined)[] = [finding.suspect, ...finding.cells];
  for (const c of candidates) {
    if (c?.sheet && c.address) return { sheet: c.sheet, address: c.address };
  }
  return undefined;
}

/** Every cell named by the findings, once, marked with the worst severity that names it. */
export function highlightsFor(findings: Finding[]): HighlightCell[] {
  const byKey = new Map<string, HighlightCell>();
  for (const f of findings) {
    const cells = f.suspect ? [f.suspect, ...f.cells] : f.cells;
    for (const c of cells) {
      if (!c.sheet || !c.address) continue;
      const key = `${c.sheet}!${c.address}`;
      const prev = byKey.get(key);
      if (!prev || (prev.severity === 'warning' && f.severity === 'error')) {
        byKey.set(key, { sheet: c.sheet, address: c.address, severity: f.severity });
      }
    }
  }
  return [...byKey.values()];
}

/** Read every sheet, find the reports, check each (with last year's from the same workbook when there is one). */
export async function checkWorkbook(port: WorkbookPort): Promise<CheckOutcome> {
  const grids = await port.readAllGrids();
  const located = readReports(grids);
  const reports: ReportCheck[] = located.map((report) => {
    const previous = located.find(
      (other) =>
        other !== report &&
        other.data.year === report.data.year - 1 &&
        (!report.data.organization || !other.data.organization || other.data.organization === report.data.organization),
    );
    const findings = runChecks(report.data, {
      cells: report.cells,
      previous: previous?.data,
      readIssues: report.issues,
    });
    const sheets = reportSheets(report);
    return {
      sheet: report.tables[0]?.sheet ?? sheets[0] ?? '',
      sheets,
      year: report.data.year,
      formatId: report.data.format,
      organization: report.data.organization,
      previousYear: previous?.data.year,
      findings,
      summary: summarizeByTable(findings),
    };
  });
  return { reports, highlights: highlightsFor(reports.flatMap((r) => r.findings)), checkedAt: new Date() };
}

/** The check's title from the report's format (falls back to the id). */
export function checkTitle(formatId: string, checkId: string): string {
  return getFormat(formatId)?.checks.find((c) => c.id === checkId)?.title ?? checkId;
}
