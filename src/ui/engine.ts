/**
 * The pane's use of the core engine: read a workbook's reports and check them.
 * One place that knows the core function names, so views stay about the user's task.
 */
import type { TableId } from '../core/formats';
import { TABLE_IDS, getFormat } from '../core/formats';
import { AUX_SHEETS, checkGrids, type PreviousYear } from '../core/check/workbook';
import type { Grid } from '../core/grid';
import type { ReportData } from '../core/model/report';
import { NARRATIVE_CHECKS } from '../core/narrative-check/checks';
import type { SheetMetadata } from '../core/read';
import type { LocatedReport } from '../core/read/types';
import { summarize } from '../core/rules';
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

/** Each report sheet's metadata (format, year, …) where the port keeps it; none when it cannot be read. */
async function sheetMetadata(port: WorkbookPort, grids: Grid[]): Promise<Record<string, SheetMetadata> | undefined> {
  try {
    const sheets = grids.map((g) => g.sheet).filter((s) => !AUX_SHEETS.includes(s));
    const metas = await Promise.all(sheets.map((s) => port.getMetadata(s)));
    const out: Record<string, SheetMetadata> = {};
    sheets.forEach((s, i) => {
      const m = metas[i];
      if (m) out[s] = m;
    });
    return Object.keys(out).length > 0 ? out : undefined;
  } catch {
    return undefined; // metadata only helps the reader; the tables are found without it
  }
}

/**
 * Read every sheet, find the reports, check each: the tables, last year's figures (kept on
 * 上年数据, else a report of the year before in this workbook) and the report's text.
 */
export async function checkWorkbook(port: WorkbookPort): Promise<CheckOutcome> {
  const grids = await port.readAllGrids();
  const metadata = await sheetMetadata(port, grids);
  const results = checkGrids(grids, { metadata });
  const reports: ReportCheck[] = results.map((res) => {
    const report = res.report;
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
      findings: res.findings,
      summary: summarizeByTable(res.findings),
    };
  });
  return { reports, highlights: highlightsFor(reports.flatMap((r) => r.findings)), checkedAt: new Date() };
}

/** The check's title from the report's format (falls back to the id). */
export function checkTitle(formatId: string, checkId: string): string {
  return (
    getFormat(formatId)?.checks.find((c) => c.id === checkId)?.title ??
    NARRATIVE_CHECKS.find((c) => c.id === checkId)?.title ??
    checkId
  );
}
