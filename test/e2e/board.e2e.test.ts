/**
 * The roll-up's HTML board in Chromium: the board and its three charts (inline SVG drawn by ECharts
 * on the server) render, nothing is requested off the page's origin, and the charts' numbers are
 * the board's. A screenshot goes to test-output/screenshots/rollup-board.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { createReportSheets } from '../../src/app/create';
import { rollupWorkbooks, type RollupSource } from '../../src/app/rollup';
import { rollupChartData } from '../../src/app/rollup-charts';
import { boardHtml } from '../../src/cli/rollup';
import { getFormat } from '../../src/core/formats';
import type { ReportData } from '../../src/core/model/report';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { consistentReport } from '../helpers/arbitrary';
import { launchChromium, SCREENSHOTS, serve, tempDir, type StaticServer } from './harness';

const F2021 = getFormat('2021')!;
const UNITS = ['某某县人民政府办公室', '某某区教育局', '某某镇人民政府', '某某街道办事处', '某某市生态环境局'];

function unit(organization: string, seed: number, year = 2023): ReportData {
  return fc.sample(consistentReport(F2021, { year, organization, maxCount: 40 }), { seed, numRuns: 1 })[0];
}

async function source(name: string, data: ReportData, manualTotals = false): Promise<RollupSource> {
  const wb = XlsxWorkbook.create();
  await createReportSheets(wb, { format: F2021, year: data.year, organization: data.organization, manualTotals, data });
  const bytes = await wb.toBuffer();
  return { name, open: () => XlsxWorkbook.open(bytes, name) };
}

describe('the HTML board in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let dir: string;
  beforeAll(async () => {
    browser = await launchChromium();
    dir = tempDir('nianbao-board-');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('renders the board and its charts, requests nothing off its origin, and the charts say the board’s numbers', async () => {
    const units = UNITS.map((o, i) => unit(o, 100 + i));
    units[2].table3.granted.natural_person = (units[2].table3.granted.natural_person as number) + 5; // errors for one unit
    const sources = await Promise.all(units.map((u, i) => source(`${u.organization}.xlsx`, u, i === 2)));
    const bad: RollupSource = { name: '损坏.xlsx', open: () => XlsxWorkbook.open(new TextEncoder().encode('x'), '损坏.xlsx') };
    const rollup = await rollupWorkbooks([...sources, bad]);
    const previous = { ...unit('汇总', 300, 2022), organization: '汇总（4 个单位）' };
    const html = await boardHtml(rollup, previous, '2027-01-20');
    fs.writeFileSync(path.join(dir, 'board.html'), html);
    server = await serve(dir);

    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.url}/board.html`, { waitUntil: 'load' });

    // nothing but the page itself
    expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'))).toEqual([]);

    const figures = await page.$$eval('figure', (fs) =>
      fs.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          id: f.id,
          caption: f.querySelector('figcaption')?.textContent ?? '',
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          shapes: svg ? svg.querySelectorAll('path, rect').length : 0,
          texts: svg ? [...svg.querySelectorAll('text')].map((t) => (t.textContent ?? '').trim()) : [],
        };
      }),
    );
    expect(figures.map((f) => f.id)).toEqual(['chart-by-unit', 'chart-outcomes', 'chart-by-year']);
    for (const f of figures) {
      expect(f.width).toBeGreaterThan(300);
      expect(f.height).toBeGreaterThan(200);
      expect(f.shapes).toBeGreaterThan(5);
    }

    // the board as the page shows it
    const board = await page.$$eval('#board tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const summed = board.filter((r) => r[4] === '通过' || r[4] === '有错误');
    expect(summed.map((r) => r[1])).toEqual(UNITS);
    expect(board.find((r) => r[0] === '损坏.xlsx')?.[4]).toBe('无法读取');

    // applications and errors by unit: the unit names in board order, every board number among the bar labels
    const byUnit = figures[0].texts;
    expect(byUnit.filter((t) => UNITS.includes(t))).toEqual(UNITS);
    const labels = byUnit.filter((t) => /^\d+$/.test(t));
    const take = (n: string) => {
      const at = labels.indexOf(n);
      expect(at).toBeGreaterThanOrEqual(0);
      labels.splice(at, 1);
    };
    for (const r of summed) {
      take(r[8]); // 本年新收申请
      take(r[5]); // 错误
    }
    expect(summed.some((r) => Number(r[5]) > 0)).toBe(true);

    // the outcome shares: 予以公开 summed over the units, from the units' own figures
    const granted = units.reduce((s, u) => s + (u.table3.granted.total as number), 0);
    expect(figures[1].texts.join('\n')).toContain(`予以公开：${granted}（`);

    // change by year: last year's and this year's 本年新收申请
    const received = units.reduce((s, u) => s + (u.table3.new_received.total as number), 0);
    expect(figures[2].caption).toBe('与上年对比（2022 年 / 2023 年）');
    expect(figures[2].texts).toEqual(expect.arrayContaining([String(received), String(previous.table3.new_received.total)]));

    // the numbers behind the charts are the board's
    const data = rollupChartData(rollup, previous);
    expect(data.byUnit.units).toEqual(summed.map((r) => r[1]));
    expect(data.byUnit.applications.map(String)).toEqual(summed.map((r) => r[8]));
    expect(data.byUnit.errors.map(String)).toEqual(summed.map((r) => r[5]));

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'rollup-board.png'), fullPage: true });
    await page.close();
  });
});
