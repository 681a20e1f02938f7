/** @jest-environment jsdom */
/**
 * 汇总 with last year's roll-up: 载入上年汇总 takes the workbook an earlier roll-up wrote (its 汇总统计表)
 * and the charts gain the change by year, with last year's figures; a workbook of another year, a file
 * that is no workbook and a file of another kind are refused with a sentence saying why, and the
 * charts stay without the comparison. Through the page's real backend (ExcelJS port).
 */
import '../dom-stubs';
import fc from 'fast-check';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createReportSheets } from '../../../src/app/create';
import { rollupWorkbooks, writeRollup, type RollupSource } from '../../../src/app/rollup';
import { getFormat } from '../../../src/core/formats';
import type { ReportData } from '../../../src/core/model/report';
import { xlsxBackend } from '../../../src/taskpane/files';
import { App } from '../../../src/ui/App';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { consistentReport } from '../../helpers/arbitrary';

const g = globalThis as unknown as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
g.TextEncoder ??= (require('util') as typeof import('util')).TextEncoder;
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];

const F2021 = getFormat('2021')!;
const unit = (organization: string, year: number, seed: number): ReportData =>
  fc.sample(consistentReport(F2021, { year, organization, maxCount: 60 }), { seed, numRuns: 1 })[0];

async function bytesOf(data: ReportData): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await createReportSheets(wb, { format: F2021, year: data.year, organization: data.organization, manualTotals: true, data });
  return new Uint8Array(await wb.toBuffer());
}

/** Last year's roll-up as `nianbao rollup -o 汇总.xlsx` (or the pane's download) writes it. */
async function lastYearsRollup(units: ReportData[]): Promise<Uint8Array> {
  const sources: RollupSource[] = await Promise.all(
    units.map(async (u) => {
      const bytes = await bytesOf(u);
      return { name: `${u.organization}.xlsx`, open: () => XlsxWorkbook.open(bytes, `${u.organization}.xlsx`) };
    }),
  );
  const wb = XlsxWorkbook.create();
  await writeRollup(wb, await rollupWorkbooks(sources));
  return new Uint8Array(await wb.toBuffer());
}

const file = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);
const svgTexts = (figure: Element) => [...figure.querySelectorAll('svg text')].map((t) => (t.textContent ?? '').trim());

async function rolledUp(units: ReportData[]): Promise<void> {
  render(<App locale="zh" initialView="rollup" files={xlsxBackend()} />);
  const files = await Promise.all(units.map(async (u) => file(await bytesOf(u), `${u.organization}.xlsx`)));
  fireEvent.change(await screen.findByTestId('rollup-files'), { target: { files } });
  await screen.findByTestId('rollup-board', undefined, { timeout: 60000 });
  const charts = await screen.findByTestId('rollup-charts');
  await waitFor(() => expect(charts.querySelectorAll('figure[data-chart]').length).toBe(2), { timeout: 60000 });
}

test('载入上年汇总: last year’s roll-up workbook adds the change by year, with both years’ summed figures', async () => {
  const now = [unit('某某区教育局', 2024, 1), unit('某某镇人民政府', 2024, 2)];
  const before = [unit('某某区教育局', 2023, 3), unit('某某镇人民政府', 2023, 4), unit('某某街道办事处', 2023, 5)];
  await rolledUp(now);
  fireEvent.change(screen.getByTestId('rollup-previous'), { target: { files: [file(await lastYearsRollup(before), '2023年汇总.xlsx')] } });

  await waitFor(() => expect(screen.getByTestId('rollup-previous-notice').textContent).toContain('已载入上年汇总“2023年汇总.xlsx”（2023 年度）'), { timeout: 60000 });
  expect(screen.getByTestId('rollup-previous-current').textContent).toBe('上年汇总：2023年汇总.xlsx（2023 年度）');
  const byYear = await waitFor(
    () => {
      const f = screen.getByTestId('rollup-charts').querySelector('figure[data-chart="by-year"]');
      expect(f).not.toBeNull();
      return f!;
    },
    { timeout: 60000 },
  );
  expect(within(byYear as HTMLElement).getByText('与上年对比（2023 年 / 2024 年）')).toBeTruthy();
  const sum = (list: ReportData[]) => list.reduce((s, u) => s + (u.table3.new_received.total as number), 0);
  expect(svgTexts(byYear)).toEqual(expect.arrayContaining([String(sum(before)), String(sum(now))]));

  // 不再对比上年: back to the two charts
  fireEvent.click(screen.getByRole('button', { name: '不再对比上年' }));
  await waitFor(() => expect(screen.getByTestId('rollup-charts').querySelector('figure[data-chart="by-year"]')).toBeNull(), { timeout: 60000 });
}, 180000);

test('a workbook of another year, a file that is no workbook and a file of another kind are refused, each saying why', async () => {
  await rolledUp([unit('某某区教育局', 2024, 1), unit('某某镇人民政府', 2024, 2)]);
  const input = screen.getByTestId('rollup-previous');

  // this year's own unit workbook: 2024, not 2023
  fireEvent.change(input, { target: { files: [file(await bytesOf(unit('某某区教育局', 2024, 9)), '本年.xlsx')] } });
  await waitFor(
    () => expect(screen.getByTestId('rollup-previous-notice').textContent).toBe('“本年.xlsx”中是 2024 年度的数字，与上年对比需要 2023 年度的汇总（本次汇总的是 2024 年度），未载入。'),
    { timeout: 60000 },
  );
  expect(screen.queryByTestId('rollup-previous-current')).toBeNull();

  // bytes that are no workbook: the reader's reason, in Chinese, naming the file
  fireEvent.change(input, { target: { files: [file(new TextEncoder().encode('不是工作簿'), '坏文件.xlsx')] } });
  const bar = await screen.findByTestId('error-bar', undefined, { timeout: 60000 });
  expect(bar.textContent).toContain('坏文件.xlsx');
  expect(bar.textContent).toMatch(/[\u4e00-\u9fff]{6}/);

  // a workbook without report tables
  const empty = XlsxWorkbook.create();
  await empty.addSheet('Sheet1');
  fireEvent.change(input, { target: { files: [file(new Uint8Array(await empty.toBuffer()), '空白.xlsx')] } });
  await waitFor(() => expect(screen.getByTestId('error-bar').textContent).toContain('没有找到政府信息公开年报统计表'), { timeout: 60000 });

  // another kind of file
  fireEvent.change(input, { target: { files: [file(new TextEncoder().encode('{}'), '上年.json')] } });
  await waitFor(() => expect(screen.getByTestId('error-bar').textContent).toContain('请选择 .xlsx 文件'), { timeout: 60000 });

  expect(screen.getByTestId('rollup-charts').querySelector('figure[data-chart="by-year"]')).toBeNull();
}, 180000);
