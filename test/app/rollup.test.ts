/**
 * The county office's roll-up: the board (校验汇总) and the consolidated tables (汇总统计表) summed
 * cell by cell over the units of one year and format.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/app/check';
import { createReportSheets } from '../../src/app/create';
import { exportData } from '../../src/app/fill';
import { boardChartRanges, rollupExitCode, rollupWorkbooks, writeRollup, type RollupSource } from '../../src/app/rollup';
import { outcomeShares } from '../../src/app/rollup-charts';
import { gridValue, parseA1, type Grid } from '../../src/core/grid';
import { TABLE_IDS, type FormatDef } from '../../src/core/formats';
import { numeric, type ReportData } from '../../src/core/model/report';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { consistentReport } from '../helpers/arbitrary';
import { F2019, F2021, reopen } from './helpers';

const UNITS = ['某某区教育局', '某某镇人民政府', '某某街道办事处', '某某市生态环境局'];

function reports(format: FormatDef, year: number, seed: number): ReportData[] {
  return UNITS.map((organization, i) => fc.sample(consistentReport(format, { year, organization }), { seed: seed + i, numRuns: 1 })[0]);
}

async function bytesOf(data: ReportData, format: FormatDef, manualTotals = false): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.create();
  await createReportSheets(wb, { format, year: data.year, organization: data.organization, manualTotals, data });
  return wb.toBuffer();
}

function source(name: string, bytes: Uint8Array): RollupSource {
  return { name, open: () => XlsxWorkbook.open(bytes, name) };
}

/** Every value cell of the format summed over the reports, by hand. */
function expectedSums(format: FormatDef, units: ReportData[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const t of TABLE_IDS) {
    for (const v of format.tables[t].values) {
      const nums = units.map((u) => numeric(u[t][v.row]?.[v.col])).filter((n): n is number => n !== undefined);
      out[`${t}.${v.row}.${v.col}`] = nums.length ? Math.round(nums.reduce((s, n) => s + n, 0) * 10000) / 10000 : null;
    }
  }
  return out;
}

function cellsOf(format: FormatDef, data: ReportData): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const t of TABLE_IDS) for (const v of format.tables[t].values) out[`${t}.${v.row}.${v.col}`] = numeric(data[t][v.row]?.[v.col]) ?? null;
  return out;
}

describe.each([
  ['2019', F2019, 2020, F2021, 2021],
  ['2021', F2021, 2023, F2019, 2020],
] as const)('rollup, %s format', (_id, format, year, otherFormat, otherYear) => {
  test('consolidated values equal the cell-by-cell sums; another year/format and an unreadable file are on the board, not summed', async () => {
    const units = reports(format, year, 11);
    const other = reports(otherFormat, otherYear, 40)[0];
    const sources = [
      ...(await Promise.all(units.map(async (u, i) => source(`unit-${i}.xlsx`, await bytesOf(u, format))))),
      source('other-year.xlsx', await bytesOf(other, otherFormat)),
      source('broken.xlsx', new TextEncoder().encode('这不是工作簿')),
    ];
    const seen: number[] = [];
    const rollup = await rollupWorkbooks(sources, { onFile: (done) => seen.push(done) });

    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rollup.year).toBe(year);
    expect(rollup.format).toBe(format.id);
    expect(cellsOf(format, rollup.data!)).toEqual(expectedSums(format, units));
    expect(rollup.units).toEqual(UNITS);
    expect(rollup.errorUnits).toEqual([]);
    expect(rollup.findings.filter((f) => f.severity === 'error')).toEqual([]);

    const byFile = Object.fromEntries(rollup.rows.map((r) => [r.file, r]));
    for (let i = 0; i < units.length; i++) {
      expect(byFile[`unit-${i}.xlsx`]).toMatchObject({ status: 'pass', organization: UNITS[i], year, format: format.id, errors: 0 });
      expect(byFile[`unit-${i}.xlsx`].applications).toBe(units[i].table3.new_received.total);
    }
    expect(byFile['other-year.xlsx']).toMatchObject({ status: 'other', year: otherYear, format: otherFormat.id });
    expect(byFile['broken.xlsx'].status).toBe('unreadable');
    expect(byFile['broken.xlsx'].first).toMatch(/broken\.xlsx/);
    expect(byFile['broken.xlsx'].first.length).toBeGreaterThan('broken.xlsx'.length + 2);
    expect(rollupExitCode(rollup)).toBe(2);
  });

  test('--year picks the other group; a unit with an error is summed, named among the units with errors, and exit 1', async () => {
    const units = reports(format, year, 21);
    const broken = structuredClone(units[1]);
    broken.table3.granted.natural_person = (broken.table3.granted.natural_person as number) + 7; // the 总计 column and （七）总计 now disagree
    const others = reports(otherFormat, otherYear, 60).slice(0, 2);
    const sources = [
      source('a.xlsx', await bytesOf(units[0], format, true)),
      source('b.xlsx', await bytesOf(broken, format, true)), // totals typed: the error stays in the file
      ...(await Promise.all(others.map(async (u, i) => source(`o${i}.xlsx`, await bytesOf(u, otherFormat))))),
    ];
    const mostCommonIsTie = await rollupWorkbooks(sources);
    // two files each: the later year wins the tie
    expect(mostCommonIsTie.year).toBe(Math.max(year, otherYear));

    const rollup = await rollupWorkbooks(sources, { year });
    expect(rollup.year).toBe(year);
    expect(rollup.units).toEqual([units[0].organization, broken.organization]);
    expect(rollup.errorUnits).toEqual([broken.organization]);
    expect(cellsOf(format, rollup.data!)).toEqual(expectedSums(format, [units[0], broken]));
    const b = rollup.rows.find((r) => r.file === 'b.xlsx')!;
    expect(b.status).toBe('errors');
    expect(b.errors).toBeGreaterThan(0);
    expect(b.first).not.toBe('');
    expect(rollup.rows.filter((r) => r.status === 'other').map((r) => r.file)).toEqual(['o0.xlsx', 'o1.xlsx']);
    expect(rollupExitCode(rollup)).toBe(1);
  });

  test('the consolidated workbook passes the check and its figures export as summed', async () => {
    const units = reports(format, year, 31);
    const sources = await Promise.all(units.map(async (u, i) => source(`u${i}.xlsx`, await bytesOf(u, format))));
    const rollup = await rollupWorkbooks(sources);
    const wb = XlsxWorkbook.create();
    const written = await writeRollup(wb, rollup);
    expect(written).toEqual({ board: '校验汇总', tables: '汇总统计表' });

    const again = await reopen(wb, '汇总.xlsx');
    expect(await again.listSheets()).toEqual(expect.arrayContaining(['校验汇总', '汇总统计表']));
    const outcome = await checkWorkbook(again);
    expect(outcome.reports).toHaveLength(1); // the board is never read as tables
    expect(outcome.reports[0].sheet).toBe('汇总统计表');
    expect(outcome.reports[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
    const exported = await exportData(again, '汇总.xlsx');
    expect(exported.year).toBe(year);
    expect(cellsOf(format, exported)).toEqual(expectedSums(format, units));

    const board = await again.readGrid('校验汇总');
    expect(board.cells[0].slice(0, 8)).toEqual(['文件', '单位', '年度', '格式', '结果', '错误', '警告', '首要问题']);
    expect(board.cells.slice(1, 1 + units.length).map((r) => r[1])).toEqual(UNITS);
    // beside the board, the charts' numbers for Excel's own charts: the board's columns, the summed outcomes
    const ranges = boardChartRanges(rollup);
    const col = (g: Grid, range: string) => {
      const [a, z] = range.split(':').map((x) => parseA1(x)!);
      return Array.from({ length: z.row - a.row + 1 }, (_, i) => gridValue(g, a.row + i, a.col));
    };
    const rows = board.cells.slice(1, 1 + units.length);
    expect(col(board, ranges.byUnit!.categories)).toEqual(rows.map((r) => r[1]));
    expect(col(board, ranges.byUnit!.applications)).toEqual(rows.map((r) => r[8]));
    expect(col(board, ranges.byUnit!.errors)).toEqual(rows.map((r) => r[5]));
    expect(col(board, ranges.outcomes!.values)).toEqual(outcomeShares(exported).map((o) => o.value));
    expect(col(board, ranges.outcomes!.categories)).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理']);
    const granted = units.reduce((s, u) => s + (u.table3.granted.total as number), 0);
    expect(col(board, ranges.outcomes!.values)[0]).toBe(granted);

    const tables = await again.readGrid('汇总统计表');
    const text = tables.cells.flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain(`汇总单位（${units.length} 个）：${UNITS.join('、')}`);
    expect(text).toContain('汇总时有错误的单位：无');
  });
});
