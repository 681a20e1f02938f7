/**
 * What a check's findings mean to a surface: per-table counts, the cell a finding points at, the
 * cells to mark, the check's title. The command line and the pane use the same answers.
 */
import type { TableId } from '../core/formats';
import { TABLE_IDS, getFormat } from '../core/formats';
import { sheetRef } from '../core/grid';
import type { ReportData } from '../core/model/report';
import { NARRATIVE_CHECKS } from '../core/narrative-check/checks';
import type { LocatedReport } from '../core/read/types';
import { summarize } from '../core/rules';
import type { Finding, FindingCell } from '../core/rules/types';
import type { HighlightCell } from '../workbook/port';
import type { PreviousYear } from './check';

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
  /** last year's report used for the cross-year checks */
  previousYear?: number;
  /** where last year's figures came from: the sheet 上年数据, or another sheet of this workbook */
  previousSource?: PreviousYear['source'];
  /** last year's figures (for 预填上年结转) */
  previous?: ReportData;
  /** whether the report's text was checked against the tables, and where the text came from */
  text?: 'text-sheet' | 'profile-sheet';
  /** the report as located (values and their cells) */
  located: LocatedReport;
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

/** Every sheet holding cells of a report. */
export function reportSheets(report: LocatedReport): string[] {
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

/** `sheet!A1` of the cell a finding points at (sheet and address of the same cell), or '' when none. */
export function findingRef(finding: Finding): string {
  const cell = targetCell(finding);
  if (cell) return sheetRef(cell.sheet, cell.address);
  const bare = [finding.suspect, ...finding.cells].find((c) => c?.address);
  return bare?.address ?? '';
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

/** The check's title from the report's format (falls back to the id). */
export function checkTitle(formatId: string, checkId: string): string {
  return (
    getFormat(formatId)?.checks.find((c) => c.id === checkId)?.title ??
    NARRATIVE_CHECKS.find((c) => c.id === checkId)?.title ??
    checkId
  );
}
