/** Test fixtures for the rules engine: reports built by hand and a fake reader's cell map. */
import { getFormat } from '../../../src/core/formats';
import type { FormatDef, TableId } from '../../../src/core/formats/types';
import { a1 } from '../../../src/core/grid';
import { emptyReport, type ReportData } from '../../../src/core/model/report';
import type { LocatedReport } from '../../../src/core/read/types';

export const F2019: FormatDef = getFormat('2019')!;
export const F2021: FormatDef = getFormat('2021')!;

/** Cells as a reader would locate them: each table at A1 of its own sheet “表二/表三/表四”. */
export function locate(format: FormatDef): LocatedReport['cells'] {
  const cells: LocatedReport['cells'] = {};
  for (const t of ['table2', 'table3', 'table4'] as TableId[]) {
    const table = format.tables[t];
    const m: Record<string, Record<string, { sheet: string; address: string; row: number; col: number }>> = {};
    for (const v of table.values) (m[v.row] ??= {})[v.col] = { sheet: table.shortName, address: a1(v.r, v.c), row: v.r, col: v.c };
    cells[t] = m;
  }
  return cells;
}

/** An all-zero report (every relation holds) of a body with rule-making power. */
export function zeros(format: FormatDef = F2021, year = format.years.from + 2, organization = '某某市人民政府'): ReportData {
  return emptyReport(format, format.id === '2019' ? Math.min(year, 2020) : year, organization, 0);
}

/** Sets a table 三 row from per-column values (applicant columns), with its 总计 as their sum. */
export function t3Row(data: ReportData, row: string, parts: Partial<Record<string, number>>): void {
  let sum = 0;
  for (const [k, v] of Object.entries(parts)) {
    data.table3[row][k] = v ?? 0;
    sum += v ?? 0;
  }
  data.table3[row].total = sum;
}
