/**
 * Last year's roll-up for the change by year (loadPreviousRollup): the consolidated figures of the
 * workbook an earlier roll-up wrote — its 汇总统计表 even when the same workbook holds a report of its
 * own — or of any report workbook; its year must be the year before; only workbooks are taken.
 */
import fc from 'fast-check';
import { createReportSheets } from '../../src/app/create';
import { AppError } from '../../src/app/errors';
import { loadPreviousRollup, rollupWorkbooks, writeRollup, type RollupSource } from '../../src/app/rollup';
import { TABLE_IDS } from '../../src/core/formats';
import { numeric, type ReportData } from '../../src/core/model/report';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { consistentReport } from '../helpers/arbitrary';
import { F2021 } from './helpers';

const unit = (organization: string, year: number, seed: number): ReportData =>
  fc.sample(consistentReport(F2021, { year, organization }), { seed, numRuns: 1 })[0];

async function withReport(data: ReportData): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  await createReportSheets(wb, { format: F2021, year: data.year, organization: data.organization, manualTotals: true, data });
  return wb;
}

const open = (bytes: Uint8Array | ArrayBuffer, name: string) => XlsxWorkbook.open(bytes, name);
const figures = (d: ReportData) =>
  Object.fromEntries(TABLE_IDS.flatMap((t) => F2021.tables[t].values.map((v) => [`${t}.${v.row}.${v.col}`, numeric(d[t][v.row]?.[v.col]) ?? null])));

test('the roll-up’s 汇总统计表 is taken, not the report the same workbook holds of its own office', async () => {
  const units = [unit('某某区教育局', 2023, 1), unit('某某镇人民政府', 2023, 2)];
  const sources: RollupSource[] = await Promise.all(
    units.map(async (u) => {
      const bytes = await (await withReport(u)).toBuffer();
      return { name: `${u.organization}.xlsx`, open: () => XlsxWorkbook.open(bytes, 'x.xlsx') };
    }),
  );
  const rollup = await rollupWorkbooks(sources);
  // the county office's own workbook (its own report on 年报统计表), the roll-up written into it
  const own = await withReport(unit('某某县人民政府办公室', 2023, 3));
  await writeRollup(own, rollup);

  const loaded = await loadPreviousRollup({ name: '2023年汇总.xlsx', bytes: await own.toBuffer() }, open, 2024);
  expect('data' in loaded && loaded.sheet).toBe('汇总统计表');
  if (!('data' in loaded)) throw new Error('not loaded');
  expect(loaded.data.year).toBe(2023);
  expect(loaded.data.organization).toBe('汇总（2 个单位）');
  expect(figures(loaded.data)).toEqual(figures(rollup.data!));
});

test('any report workbook of the year before is taken; another year is told, not taken; another kind of file is refused', async () => {
  const u = unit('某某区教育局', 2023, 4);
  const bytes = await (await withReport(u)).toBuffer();
  const loaded = await loadPreviousRollup({ name: '教育局2023.xlsx', bytes }, open, 2024);
  if (!('data' in loaded)) throw new Error('not loaded');
  expect(figures(loaded.data)).toEqual(figures(u));

  expect(await loadPreviousRollup({ name: '教育局2023.xlsx', bytes }, open, 2023)).toEqual({ wrongYear: 2023, sheet: '年报统计表' });
  expect(await loadPreviousRollup({ name: '教育局2023.xlsx', bytes }, open, 2025)).toEqual({ wrongYear: 2023, sheet: '年报统计表' });

  const json = loadPreviousRollup({ name: 'report.json', bytes: new TextEncoder().encode('{}') }, open, 2024);
  await expect(json).rejects.toBeInstanceOf(AppError);
  await expect(json).rejects.toMatchObject({ code: 'unsupported-file', data: { file: 'report.json', accepted: '.xlsx' } });
  await expect(loadPreviousRollup({ name: '坏.xlsx', bytes: new TextEncoder().encode('x') }, open, 2024)).rejects.toMatchObject({ name: 'WorkbookError' });
});
