/**
 * The built pane in Chromium, outside Excel (office.js unreachable): the 汇总 view over three files
 * (two units, one of them with an error, and a file that is no workbook) with a unit's findings and the
 * charts, drawn at the pane's width (no sideways scrolling at 360 px, nor at 800 px), with last year's
 * roll-up loaded for the change by year; and the 生成报告 view of a workbook with an error and inputs not filled in (errors at the top,
 * 尚未填写 above the preview, 导出 below it). Screenshots in test-output/screenshots (rollup-*, report-*).
 * No request may leave 127.0.0.1.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { createReportSheets } from '../../src/app/create';
import { rollupWorkbooks, writeRollup } from '../../src/app/rollup';
import { getFormat } from '../../src/core/formats';
import type { ReportData } from '../../src/core/model/report';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { consistentReport } from '../helpers/arbitrary';
import type { StaticServer } from './harness';
import { OFFICE_JS, SCREENSHOTS, buildPane, isLocalOrOfficeJs, launchChromium, newestSource, serve } from './harness';

jest.setTimeout(600_000);

const F2021 = getFormat('2021')!;
// E2E_BUILD_DIR: a build made already (npx webpack --env e2e --env outDir=…), used as it is
const BUILD_DIR = process.env.E2E_BUILD_DIR ?? path.join(os.tmpdir(), 'nianbao-e2e-build-rollup');
let server: StaticServer;
let browser: Browser;
const requests: string[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-rollup-'));

const unit = (organization: string, seed: number, year = 2024): ReportData => fc.sample(consistentReport(F2021, { year, organization }), { seed, numRuns: 1 })[0];

async function file(name: string, data: ReportData): Promise<string> {
  const wb = await XlsxWorkbook.create();
  await createReportSheets(wb, { format: F2021, year: data.year, organization: data.organization, manualTotals: true, data });
  const p = path.join(dir, name);
  fs.writeFileSync(p, await wb.toBuffer());
  return p;
}

/** The pane outside Excel (office.js unreachable), or in the fake Excel (the e2e build's office.js stub). */
async function open(query: string, width = 360, host: 'none' | 'excel' = 'none'): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  if (host === 'excel') {
    const stub = fs.readdirSync(BUILD_DIR).find((n) => /^office-stub\.[0-9a-f]+\.js$/.test(n));
    if (!stub) throw new Error('office-stub bundle missing');
    const body = fs.readFileSync(path.join(BUILD_DIR, stub), 'utf8');
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body }));
  } else await page.route(OFFICE_JS, (route) => route.abort('internetdisconnected'));
  await page.route((url) => !isLocalOrOfficeJs(url.toString()), (route) => route.abort('blockedbyclient'));
  await page.goto(`${server.url}/taskpane.html${query}`);
  await page.waitForSelector('html[data-pane-ready]', { timeout: 30_000 });
  return page;
}

/** Last year's roll-up as an earlier run wrote it (汇总.xlsx). */
async function lastYearsRollup(name: string, units: ReportData[]): Promise<string> {
  const sources = await Promise.all(
    units.map(async (u) => {
      const wb = XlsxWorkbook.create();
      await createReportSheets(wb, { format: F2021, year: u.year, organization: u.organization, manualTotals: true, data: u });
      const bytes = await wb.toBuffer();
      return { name: `${u.organization}.xlsx`, open: () => XlsxWorkbook.open(bytes, `${u.organization}.xlsx`) };
    }),
  );
  const wb = XlsxWorkbook.create();
  await writeRollup(wb, await rollupWorkbooks(sources));
  const p = path.join(dir, name);
  fs.writeFileSync(p, await wb.toBuffer());
  return p;
}

/**
 * The charts fit the pane: each drawn at the width it is shown (not a wide picture scaled down, its
 * words shrunk), inside the view; and nothing scrolls sideways but the board's own box.
 */
async function chartsFit(page: Page): Promise<{ ids: string[]; width: number }> {
  const m = await page.evaluate(() => {
    const view = document.querySelector('[data-testid=rollup-view]')!;
    const viewBox = view.getBoundingClientRect();
    const se = document.scrollingElement!;
    return {
      viewport: window.innerWidth,
      page: { scroll: se.scrollWidth, client: se.clientWidth },
      view: { scroll: view.scrollWidth, client: view.clientWidth, right: viewBox.right },
      charts: [...document.querySelectorAll('[data-testid=rollup-charts] figure[data-chart]')].map((f) => {
        const svg = f.querySelector('svg')!;
        const box = svg.getBoundingClientRect();
        return { id: f.getAttribute('data-chart')!, drawn: Number(svg.getAttribute('width')), left: box.left, right: box.right, width: box.width, height: box.height };
      }),
    };
  });
  expect(m.page.scroll).toBeLessThanOrEqual(m.page.client);
  expect(m.view.scroll).toBeLessThanOrEqual(m.view.client);
  for (const c of m.charts) {
    expect(c.left).toBeGreaterThanOrEqual(0);
    expect(c.right).toBeLessThanOrEqual(m.view.right + 0.5);
    expect(Math.abs(c.drawn - c.width)).toBeLessThanOrEqual(2); // drawn at its shown width: text at its own size
    expect(c.height).toBeGreaterThan(150);
  }
  return { ids: m.charts.map((c) => c.id), width: Math.round(m.charts[0]?.width ?? 0) };
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

beforeAll(async () => {
  const stamp = path.join(BUILD_DIR, '.built');
  if (!process.env.E2E_BUILD_DIR && !(fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > newestSource())) {
    await buildPane(BUILD_DIR, { e2e: true });
    fs.writeFileSync(stamp, new Date().toISOString());
  }
  server = await serve(BUILD_DIR);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  expect(requests.filter((u) => !isLocalOrOfficeJs(u) && u !== OFFICE_JS)).toEqual([]);
});

test('汇总: the board, an unreadable file with its reason, a unit’s findings and the charts', async () => {
  const bad = unit('某某镇人民政府', 12);
  bad.table3.new_received.total = Number(bad.table3.new_received.total ?? 0) + 7;
  const junk = path.join(dir, '坏文件.xlsx');
  fs.writeFileSync(junk, 'not a workbook');
  const files = [await file('教育局.xlsx', unit('某某区教育局', 11)), await file('某某镇.xlsx', bad), await file('街道.xlsx', unit('某某街道办事处', 13)), junk];
  const page = await open('?view=rollup');
  await page.getByTestId('rollup-files').setInputFiles(files);
  await page.getByTestId('rollup-board').waitFor({ timeout: 60_000 });
  expect(await page.getByTestId('rollup-row').count()).toBe(4);
  expect(await page.locator('[data-testid=rollup-row][data-status=unreadable]').count()).toBe(1);
  expect(await page.locator('[data-testid=rollup-row][data-status=errors]').count()).toBe(1);
  await page.locator('[data-testid=rollup-row][data-status=errors]').getByRole('button').click();
  await page.getByTestId('rollup-finding').first().waitFor();
  await page.locator('[data-testid=rollup-charts] svg').first().waitFor({ timeout: 30_000 });
  await shot(page, 'rollup-board');
  const narrow = await chartsFit(page);
  expect(narrow.ids).toEqual(['by-unit', 'outcomes']);
  expect(narrow.width).toBeLessThan(360);

  // last year's roll-up: the change by year joins the charts, at the pane's width too
  const previous = await lastYearsRollup('2023年汇总.xlsx', [unit('某某区教育局', 21, 2023), unit('某某镇人民政府', 22, 2023)]);
  await page.getByTestId('rollup-previous').setInputFiles(previous);
  await page.locator('[data-testid=rollup-charts] figure[data-chart=by-year] svg').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('rollup-previous-notice').textContent()).toContain('2023 年度');
  expect((await chartsFit(page)).ids).toEqual(['by-unit', 'outcomes', 'by-year']);
  await page.getByTestId('rollup-charts').scrollIntoViewIfNeeded();
  await shot(page, 'rollup-charts');
  await shot(page, 'rollup-full', true);

  // a wide window (the page outside Excel): the wide layout, still one chart a row and no sideways scrolling
  const wide = await open('?view=rollup', 800);
  await wide.getByTestId('rollup-files').setInputFiles(files);
  await wide.locator('[data-testid=rollup-charts] svg').first().waitFor({ timeout: 60_000 });
  const w = await chartsFit(wide);
  expect(w.width).toBeGreaterThan(600);
  await wide.getByTestId('rollup-charts').scrollIntoViewIfNeeded();
  await shot(wide, 'rollup-charts-800');
});

test('汇总 inside Excel: 写入 puts the board with Excel’s own charts, drawn from the board’s cells, and 汇总统计表 into the open workbook', async () => {
  const bad = unit('某某镇人民政府', 12);
  bad.table3.new_received.total = Number(bad.table3.new_received.total ?? 0) + 7;
  const files = [await file('教育局.xlsx', unit('某某区教育局', 11)), await file('某某镇.xlsx', bad), await file('街道.xlsx', unit('某某街道办事处', 13))];
  const page = await open('?view=rollup', 360, 'excel');
  await page.getByTestId('rollup-files').setInputFiles(files);
  await page.getByTestId('rollup-board').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: '写入当前工作簿（校验汇总、汇总统计表）' }).click();
  await page.getByText('已写入工作表“校验汇总”和“汇总统计表”。').waitFor({ timeout: 60_000 });

  type Chart = { name: string; type: string; categories: unknown[]; series: { name: string; values: unknown[] }[] };
  const state = await page.evaluate(() => {
    const wb = (window as unknown as { __fakeOffice: { workbook: { sheetNames(): string[]; charts(s: string): unknown[]; getValues(s: string, r: string): unknown[][]; protection(s: string): { protected: boolean } } } }).__fakeOffice.workbook;
    return { sheets: wb.sheetNames(), charts: wb.charts('校验汇总'), board: wb.getValues('校验汇总', 'A2:I4'), tablesProtected: wb.protection('汇总统计表').protected };
  });
  expect(state.sheets).toEqual(['Sheet1', '校验汇总', '汇总统计表']);
  expect(state.tablesProtected).toBe(true);
  const charts = state.charts as Chart[];
  expect(charts.map((c) => [c.name, c.type])).toEqual([
    ['nianbao_by-unit', 'BarClustered'],
    ['nianbao_outcomes', 'Pie'],
  ]);
  // the chart's numbers are the board's: 单位, 本年新收申请 and 错误 of each summed row
  expect(charts[0].categories).toEqual(state.board.map((r) => r[1]));
  expect(charts[0].series.map((x) => x.name)).toEqual(['本年新收申请', '错误']);
  expect(charts[0].series[0].values).toEqual(state.board.map((r) => r[8]));
  expect(charts[0].series[1].values).toEqual(state.board.map((r) => r[5]));
  expect(charts[0].series[1].values).toContain(state.board.find((r) => r[4] === '有错误')![5]);
});

test('生成报告: the tables’ errors first, 尚未填写 above the preview, the downloads below it', async () => {
  const data = unit('某某县人民政府办公室', 31);
  data.table3.new_received.total = Number(data.table3.new_received.total ?? 0) + 2;
  const page = await open('?view=report');
  await page.getByTestId('file-input').setInputFiles(await file('县政府办.xlsx', data));
  await page.getByTestId('download').waitFor({ timeout: 60_000 }); // opened (the pane may show its check first)
  await page.getByRole('tab', { name: '生成报告' }).click();
  await page.getByTestId('report-errors').waitFor({ timeout: 60_000 });
  await page.getByTestId('report-todos').waitFor();
  const y = async (id: string) => (await page.getByTestId(id).boundingBox())!.y;
  expect(await y('report-errors')).toBeLessThan(await y('report-todos'));
  expect(await y('report-todos')).toBeLessThan(await y('report-preview'));
  expect(await y('report-preview')).toBeLessThan(await y('report-actions'));
  await page.getByTestId('report-errors').scrollIntoViewIfNeeded();
  await shot(page, 'report-top');
  await page.getByTestId('report-actions').scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: '下载 Word（.docx）' }).click();
  await page.getByTestId('report-download-anyway').waitFor();
  await shot(page, 'report-ask');
});
