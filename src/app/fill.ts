/**
 * `nianbao export` / `nianbao fill`: a workbook's figures as interchange data (report.json), and
 * interchange data written back into a workbook's value cells.
 */
import type { ReportData } from '../core/model/report';
import type { CellWrite, WorkbookPort, WorkbookReader } from '../workbook/port';
import { AppError } from './errors';
import { openReports } from './sheets';

/** The figures of a workbook's first report. */
export async function exportData(port: WorkbookReader, file?: string): Promise<ReportData> {
  return (await openReports(port, { file, tablesOnly: true })).reports[0].data;
}

export interface FillResult {
  /** the cells written */
  written: CellWrite[];
  /** values of the data with no cell in the workbook (`table.row.col = value`) */
  skipped: string[];
}

/**
 * Writes the data's values into the first report's value cells. Totals computed by a formula keep
 * their formula. Throws AppError 'format-mismatch' when the data is of another format.
 */
export async function fillData(port: WorkbookPort, data: ReportData, file?: string): Promise<FillResult> {
  const { sheets, reports } = await openReports(port, { file, tablesOnly: true });
  const report = reports[0];
  if (report.data.format !== data.format) {
    throw new AppError('format-mismatch', { file, book: report.data.format, data: data.format });
  }
  const grids = new Map(sheets.grids.map((g) => [g.sheet, g]));
  const written: CellWrite[] = [];
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
        if (g?.formulas?.[loc.row - g.origin.row]?.[loc.col - g.origin.col]) continue; // totals computed by the sheet
        written.push({ sheet: loc.sheet, address: loc.address, value });
      }
    }
  }
  await port.writeValues(written);
  return { written, skipped };
}
