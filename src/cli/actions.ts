import { promises as fs } from 'fs';
import * as path from 'path';
import type { FormatDef } from '../core/formats';
import { buildSheetPlan } from '../core/layout/build';
import { CLI } from '../core/messages/cli';
import { describeError } from '../core/messages/errors';
import { parseReportJson, ReportJsonError } from '../core/model/json';
import type { ReportData } from '../core/model/report';
import { readReports } from '../core/read';
import type { LocatedReport, LocatedTable } from '../core/read/types';
import { runChecks } from '../core/rules';
import type { Finding } from '../core/rules/types';
import { importPublishedReport } from '../core/import';
import { WorkbookError } from '../workbook/port';
import { XlsxWorkbook } from '../workbook/xlsx';

export const TABLE_SHEET = '年报统计表';

/** An error the user can fix (bad option, missing file, mismatching data): one clear line, exit 2. */
export class UsageError extends Error {}

export interface FileResult {
  file: string;
  tables: LocatedTable[];
  findings: Finding[];
  /** one clear Chinese line when the file could not be read */
  error?: string;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookError('io', { file, reason: 'missing' }, CLI.fileMissing(file));
    throw new WorkbookError('io', { file, reason: code ?? String(e) });
  }
}

export async function openWorkbook(file: string): Promise<XlsxWorkbook> {
  const bytes = await readBytes(file);
  return XlsxWorkbook.open(bytes, path.basename(file));
}

/** Every report found in a workbook, with the sheet metadata the ports remember. */
export async function locateReports(wb: XlsxWorkbook, file: string): Promise<LocatedReport[]> {
  const grids = await wb.readAllGrids();
  const metadata: Record<string, { format: string; year: number; organization: string }> = {};
  for (const g of grids) {
    const m = await wb.getMetadata(g.sheet);
    if (m) metadata[g.sheet] = m;
  }
  const reports = readReports(grids, { metadata });
  if (reports.length === 0) throw new WorkbookError('no-tables', { file: path.basename(file) });
  return reports;
}

export async function createWorkbook(opts: {
  format: FormatDef;
  year: number;
  organization: string;
  manualTotals: boolean;
  data?: ReportData;
}): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.create();
  const sheet = await wb.addSheet(TABLE_SHEET);
  const plan = buildSheetPlan(opts.format, {
    year: opts.year,
    organization: opts.organization,
    manualTotals: opts.manualTotals,
    values: opts.data && opts.data.format === opts.format.id ? opts.data : undefined,
  });
  await wb.applyPlan(sheet, plan);
  return wb.toBuffer();
}

export async function loadPrevious(file: string): Promise<ReportData> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') {
    try {
      return parseReportJson(await fs.readFile(file, 'utf8'));
    } catch (e) {
      if (e instanceof ReportJsonError) throw new WorkbookError('corrupt', { file, detail: e.detail });
      throw new WorkbookError('io', { file, reason: 'missing' }, CLI.fileMissing(file));
    }
  }
  if (ext === '.txt' || ext === '.html' || ext === '.htm') {
    const text = new TextDecoder('utf-8').decode(await readBytes(file));
    return importPublishedReport(text, { kind: ext === '.txt' ? 'text' : 'html' }).data;
  }
  const wb = await openWorkbook(file);
  return (await locateReports(wb, file))[0].data;
}

export async function checkFiles(files: string[], opts: { previous?: ReportData }): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    try {
      const wb = await openWorkbook(file);
      const reports = await locateReports(wb, file);
      const findings: Finding[] = [];
      const tables: LocatedTable[] = [];
      for (const r of reports) {
        tables.push(...r.tables);
        findings.push(...runChecks(r.data, { cells: r.cells, readIssues: r.issues, previous: opts.previous }));
      }
      results.push({ file, tables, findings });
    } catch (e) {
      if (e instanceof WorkbookError) results.push({ file, tables: [], findings: [], error: describeError(e, file) });
      else throw e;
    }
  }
  return results;
}

export async function exportWorkbook(file: string): Promise<ReportData> {
  const wb = await openWorkbook(file);
  return (await locateReports(wb, file))[0].data;
}

/** Writes the data's values into the located value cells; formula cells are left as they are. */
export async function fillWorkbook(
  file: string,
  data: ReportData,
): Promise<{ bytes: Uint8Array; written: number; skipped: string[] }> {
  const wb = await openWorkbook(file);
  const [report] = await locateReports(wb, file);
  if (report.data.format !== data.format) {
    throw new UsageError(CLI.formatMismatch(path.basename(file), report.data.format, data.format));
  }
  const grids = new Map((await wb.readAllGrids()).map((g) => [g.sheet, g]));
  const writes: { sheet: string; address: string; value: string | number | null }[] = [];
  const skipped: string[] = [];
  for (const table of ['table2', 'table3', 'table4'] as const) {
    for (const [row, cols] of Object.entries(data[table])) {
      for (const [col, value] of Object.entries(cols)) {
        const loc = report.cells[table]?.[row]?.[col];
        if (!loc) {
          if (value !== null) skipped.push(`${table}.${row}.${col} = ${value}`);
          continue;
        }
        const g = grids.get(loc.sheet);
        const formula = g?.formulas?.[loc.row - g.origin.row]?.[loc.col - g.origin.col];
        if (formula) continue; // totals computed by the sheet keep their formula
        writes.push({ sheet: loc.sheet, address: loc.address, value });
      }
    }
  }
  await wb.writeValues(writes);
  return { bytes: await wb.toBuffer(), written: writes.length, skipped };
}

export { describeError };
