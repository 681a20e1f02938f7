/**
 * The built task pane in Debian's Chromium:
 *  (1) in "Excel": the office.js URL serves the bundled fake Excel; insert (with the overwrite
 *      question), break 勾稽关系 through the fake's state, check, click a finding → the selection
 *      moves there and the cells are highlighted; an edit re-checks by itself;
 *  (2) without office.js (the URL aborted): open an .xlsx made here, see its findings, download it.
 * Every request is recorded: none may leave 127.0.0.1 except the office.js URL.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { formatForYear } from '../../src/core/formats';
import { buildSheetPlan, isTotalCell, valueCellAddresses } from '../../src/core/layout/build';
import { TABLE_IDS } from '../../src/core/formats';
import { emptyReport, setValue } from '../../src/core/model/report';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import type { StaticServer } from './harness';
import { OFFICE_JS, ROOT, SCREENSHOTS, buildPane, isLocalOrOfficeJs, launchChromium, newestSource, serve } from './harness';

jest.setTimeout(600_000);

const YEAR = 2023;
const FORMAT = formatForYear(YEAR);
const SHEET = `年报统计表`;
const ADDR = valueCellAddresses(FORMAT, { origin: { row: 0, col: 0 } });
const BUILD_DIR = path.join(os.tmpdir(), 'nianbao-e2e-build');

let server: StaticServer;
let browser: Browser;
let stubJs: string;
const requests: string[] = [];

/** Build once into a temp dir; reuse it while it is newer than every source file. */
async function ensureBuild(): Promise<void> {
  const stamp = path.join(BUILD_DIR, '.built');
  const fresh = fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > newestSource();
  if (!fresh) {
    await buildPane(BUILD_DIR, { e2e: true });
    fs.writeFileSync(stamp, new Date().toISOString());
  }
}

function stubFile(): string {
  const f = fs.readdirSync(BUILD_DIR).find((n) => /^office-stub\.[0-9a-f]+\.js$/.test(n));
  if (!f) throw new Error('office-stub bundle missing');
  return path.join(BUILD_DIR, f);
}

async function newPage(officeJs: 'stub' | 'abort', query: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 360, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('request', (r: Request) => requests.push(r.url()));
  await page.route(OFFICE_JS, (route) =>
    officeJs === 'stub' ? route.fulfill({ status: 200, contentType: 'text/javascript', body: stubJs }) : route.abort('internetdisconnected'),
  );
  // nothing else may leave the machine: refuse it (and the assertion below names it)
  await page.route(
    (url) => !isLocalOrOfficeJs(url.toString()),
    (route) => route.abort('blockedbyclient'),
  );
  await page.goto(`${server.url}/taskpane.html${query}`);
  await page.waitForSelector('html[data-pane-ready]', { timeout: 30_000 });
  return { context, page };
}

/** What the user sees in the pane (the viewport), after animations settle. */
async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

const AXE_JS = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const axeSeen: { view: string; rules: string[] }[] = [];

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core on the page as it is: the serious and critical violations (rule, impact, nodes). */
async function axe(page: Page, view: string): Promise<string[]> {
  // through the devtools protocol: the pane's CSP refuses inline scripts, as it should
  await page.evaluate(AXE_JS);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const rules = bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  axeSeen.push({ view, rules: violations.map((v) => `${v.id}:${v.impact}:${v.nodes.length}`) });
  return rules;
}

/** Every value cell the user types (totals are formulas). */
const INPUT_CELLS = TABLE_IDS.flatMap((t) =>
  Object.entries(ADDR[t]).flatMap(([row, cols]) =>
    Object.entries(cols)
      .filter(([col]) => !isTotalCell(FORMAT, t, row, col))
      .map(([, address]) => address),
  ),
);

beforeAll(async () => {
  await ensureBuild();
  stubJs = fs.readFileSync(stubFile(), 'utf8');
  server = await serve(BUILD_DIR);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('in Excel: insert asks before overwriting, check finds the broken balance, a click selects and marks the cell', async () => {
  const { context, page } = await newPage('stub', '?view=insert');
  expect(await page.getAttribute('[data-testid=pane]', 'data-mode')).toBe('excel');
  await shot(page, 'excel-insert');
  expect(await axe(page, 'excel-insert')).toEqual([]);

  // insert at the selection (Sheet1!A1 holds text) → the pane asks; choose a new sheet instead
  await page.getByTestId('insert-year').fill(String(YEAR));
  await page.getByTestId('insert-organization').fill('某某县人民政府办公室');
  await page.getByRole('radio', { name: '当前选中的单元格处' }).check();
  await page.getByRole('button', { name: '插入表格' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('Sheet1!A1：机关内部的草稿，请勿覆盖');
  await shot(page, 'excel-insert-confirm');
  await dialog.getByRole('button', { name: '改为插入到新工作表' }).click();
  await page.getByTestId('insert-done').waitFor();

  const fake = <T>(fn: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(
      ([f, a]) => {
        const wb = (window as unknown as { __fakeOffice: { workbook: Record<string, (...x: unknown[]) => unknown> } }).__fakeOffice.workbook;
        return wb[f as string](...(a as unknown[])) as T;
      },
      [fn, args] as const,
    );
  expect(await fake<string>('getValue', 'Sheet1', 'A1')).toBe('机关内部的草稿，请勿覆盖');
  expect(await fake<string[]>('sheetNames')).toContain(SHEET);
  // the report's other inputs come with the tables, on a sheet of their own
  expect(await fake<string[]>('sheetNames')).toContain('报告正文');
  expect(String(await fake('getValue', SHEET, 'A1'))).toContain(String(YEAR));

  // the user fills the tables with 0, then types a number that breaks
  // 一 + 二 = 三（七）总计 + 四 in the 自然人 column
  await page.evaluate(
    ([sheet, cells]) => {
      const wb = (window as unknown as { __fakeOffice: { workbook: { setValue(s: string, a: string, v: number): void } } }).__fakeOffice.workbook;
      for (const a of cells as string[]) wb.setValue(sheet as string, a, 0);
    },
    [SHEET, INPUT_CELLS] as const,
  );
  const broken = ADDR.table3.new_received.natural_person;
  await fake('setValue', SHEET, broken, 5);
  await fake('emitChanged', SHEET, broken);

  // opening the view runs the check: no second click
  await page.getByRole('tab', { name: '一键校验' }).click();
  const errors = page.getByTestId('group-error');
  await errors.waitFor();
  // only the chosen view is shown (the insert view keeps its state, hidden)
  expect(await page.getByTestId('panel-insert').isVisible()).toBe(false);
  const balance = errors.locator('[data-testid=finding][data-check="T3-BALANCE"]');
  expect(await balance.count()).toBeGreaterThan(0);
  await shot(page, 'excel-check');
  await balance.first().scrollIntoViewIfNeeded();
  await shot(page, 'excel-check-findings');

  // the summary names 表三 as not passed
  expect(await page.locator('[data-testid=summary] [data-table=table3]').textContent()).toContain('未通过');

  // clicking the finding moves Excel's selection to its cell (the address the finding shows)
  const first = balance.first();
  const shown = /!([A-Z]+\d+)$/.exec((await first.getAttribute('data-cell')) ?? '')?.[1];
  expect(shown).toBeDefined();
  await fake('activate', 'Sheet1'); // the selection starts on another sheet
  await first.click();
  // the feedback is inside the card clicked
  const card = page.locator('[data-testid=finding-card]:has([data-testid=finding][data-check="T3-BALANCE"])').first();
  await card.getByTestId('finding-feedback').filter({ hasText: `已选中 ${SHEET}!${shown}` }).waitFor();
  const sel = await fake<{ sheet: string; address: string }>('selection');
  expect(sel).toEqual({ sheet: SHEET, address: shown });
  const column = ['new_received', 'carried_over', 'total_processed', 'carried_forward'].flatMap((r) => [
    ADDR.table3[r].natural_person,
    ADDR.table3[r].total,
  ]);
  expect(column).toContain(sel.address);
  // the findings' cells are marked
  expect(await fake('getFill', SHEET, broken)).toBe('#FFC7CE');
  expect(await fake('getFill', SHEET, ADDR.table2.regulations.issued)).not.toBe('#FFC7CE');

  // one card: the 总计 column, off by the same 5 because of the 自然人 column, is a sub-line of it
  expect(await balance.count()).toBe(1);
  await card.getByTestId('finding-toggle').click();
  expect(await card.getByTestId('finding-consequences').textContent()).toContain('总计');
  await shot(page, 'excel-check-details');
  expect(await axe(page, 'excel-check')).toEqual([]);

  // keyboard: from another sheet, Enter on the card selects its cell again
  await fake('activate', 'Sheet1');
  await first.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (want) =>
      (window as unknown as { __fakeOffice: { workbook: { selection(): { address: string } } } }).__fakeOffice.workbook.selection()
        .address === want,
    shown,
  );

  // the user fixes the sheet: 四、结转下年度 = 5 → the pane re-checks by itself (no click)
  await fake('setValue', SHEET, ADDR.table3.carried_forward.natural_person, 5);
  await fake('emitChanged', SHEET, ADDR.table3.carried_forward.natural_person);
  await page.waitForFunction(() => document.querySelectorAll('[data-check="T3-BALANCE"]').length === 0, undefined, { timeout: 15_000 });
  expect(await fake('getFill', SHEET, broken)).not.toBe('#FFC7CE');

  await page.getByRole('tab', { name: '生成报告' }).click();
  await page.getByTestId('panel-report').waitFor();
  await page.getByTestId('report-view').waitFor();
  await shot(page, 'excel-report');
  expect(await axe(page, 'excel-report')).toEqual([]);
  await context.close();
});

test('in Excel with English Office: English strings', async () => {
  const { context, page } = await newPage('stub', '?view=check&officeLang=en-US');
  await page.getByRole('tab', { name: 'Check' }).waitFor();
  // the ribbon's 一键校验 opens the view, which runs the check by itself
  await page.getByTestId('checked-at').waitFor();
  expect(await page.getByTestId('run-check').textContent()).toBe('Check again');
  await shot(page, 'excel-check-en');
  await context.close();
});

test('without office.js: open an .xlsx, see its findings with their cells, download it', async () => {
  // a workbook with the balance broken in the 自然人 column (totals typed by hand)
  const data = emptyReport(FORMAT, YEAR, '某某镇人民政府', 0);
  setValue(data, 'table3', 'new_received', 'natural_person', 3);
  setValue(data, 'table3', 'new_received', 'total', 3);
  const wb = XlsxWorkbook.create();
  const sheet = await wb.addSheet('年报');
  await wb.applyPlan(sheet, buildSheetPlan(FORMAT, { year: YEAR, organization: '某某镇人民政府', manualTotals: true, values: data }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
  const input = path.join(dir, '某某镇2023年报.xlsx');
  fs.writeFileSync(input, await wb.toBuffer());

  const { context, page } = await newPage('abort', '?view=check');
  expect(await page.getAttribute('html', 'data-host')).toBe('offline');
  expect(await page.getAttribute('[data-testid=pane]', 'data-mode')).toBe('file');
  await shot(page, 'file-start');

  await page.getByTestId('file-input').setInputFiles(input);
  const errors = page.getByTestId('group-error');
  await errors.waitFor({ timeout: 30_000 });
  const balance = errors.locator('[data-testid=finding][data-check="T3-BALANCE"]');
  expect(await balance.count()).toBeGreaterThan(0);
  await shot(page, 'file-check');
  await balance.first().scrollIntoViewIfNeeded();
  await shot(page, 'file-check-findings');
  expect(await axe(page, 'file-check')).toEqual([]);

  // a click shows the cell's address in the card (no selection outside Excel)
  await balance.first().click();
  const feedback = page.locator('[data-testid=finding-card]:has([data-testid=finding][data-check="T3-BALANCE"])').first().getByTestId('finding-feedback');
  await feedback.filter({ hasText: '位置' }).waitFor();
  const m = /^位置：年报!([A-Z]+\d+)$/.exec((await feedback.textContent()) ?? '');
  expect(m).not.toBeNull();
  const t3cells = Object.values(ADDR.table3).flatMap((cols) => Object.values(cols));
  expect(t3cells).toContain(m![1]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toBe('某某镇2023年报.xlsx');
  const saved = path.join(dir, 'downloaded.xlsx');
  await download.saveAs(saved);
  const back = await XlsxWorkbook.open(new Uint8Array(fs.readFileSync(saved)), 'downloaded.xlsx');
  const grid = await back.readGrid('年报');
  const p = ADDR.table3.new_received.natural_person.match(/^([A-Z]+)(\d+)$/)!;
  const row = Number(p[2]) - 1 - grid.origin.row;
  const col = p[1].charCodeAt(0) - 65 - grid.origin.col;
  expect(grid.cells[row][col]).toBe(3);

  await page.getByRole('tab', { name: '插入表格' }).click();
  await shot(page, 'file-insert');
  expect(await axe(page, 'file-insert')).toEqual([]);
  await page.getByRole('tab', { name: '生成报告' }).click();
  await page.getByTestId('report-view').waitFor();
  await shot(page, 'file-report');
  expect(await axe(page, 'file-report')).toEqual([]);
  await context.close();
});

test('without office.js: paste a published report, insert it as a new workbook, check it, load last year from an .xlsx', async () => {
  const sample = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'published', 'kuquan-2020.txt'), 'utf8');
  // last year's workbook (2019, the same format) carried 1 application forward by 自然人
  const f2019 = formatForYear(2019);
  const last = emptyReport(f2019, 2019, '哭泉镇人民政府', 0);
  for (const col of ['natural_person', 'total']) {
    setValue(last, 'table3', 'new_received', col, 1);
    setValue(last, 'table3', 'carried_forward', col, 1);
  }
  const lastWb = XlsxWorkbook.create();
  const lastSheet = await lastWb.addSheet('2019年度年报');
  await lastWb.applyPlan(lastSheet, buildSheetPlan(f2019, { year: 2019, organization: '哭泉镇人民政府', manualTotals: true, values: last }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-e2e-'));
  const lastFile = path.join(dir, '哭泉镇2019年报.xlsx');
  fs.writeFileSync(lastFile, await lastWb.toBuffer());

  const { context, page } = await newPage('abort', '?view=insert');
  await page.getByTestId('import-text').fill(sample);
  await page.getByTestId('import-read').click();
  await page.getByTestId('import-result').waitFor();
  expect(await page.getByTestId('import-year').inputValue()).toBe('2020');
  expect(await page.getByTestId('import-organization').inputValue()).toBe('哭泉镇');
  expect(await page.getByTestId('import-format').textContent()).toContain('2019年版');
  // every figure read (a label written otherwise, such as the sample's 政府集中釆购, is noted apart)
  expect(await page.getByTestId('import-all-read').count()).toBe(1);
  expect(await page.getByTestId('import-unread-item').count()).toBe(0);
  await page.getByTestId('import-result').scrollIntoViewIfNeeded();
  await shot(page, 'file-import-read');

  await page.getByTestId('import-insert').click();
  await page.getByTestId('report-result').waitFor({ timeout: 30_000 });
  expect(await page.getAttribute('[data-testid=pane]', 'data-view')).toBe('check');
  expect(await page.getByTestId('app-notice').textContent()).toContain('2020年度政府信息公开工作年度报告（导入）.xlsx');
  expect(await page.locator('[data-testid=report-result] h3').first().textContent()).toContain('2020年度');
  // the published text was kept on 报告文本 and checked against its tables
  expect(await page.getByTestId('text-checked').textContent()).toContain('报告文本');
  await shot(page, 'file-import-check');

  // last year's workbook: kept on 上年数据, the check then compares 上年结转 (0) with last year's 结转 (1)
  await page.getByTestId('previous-file').setInputFiles(lastFile);
  await page.getByTestId('previous-notice').filter({ hasText: '2019年度' }).waitFor({ timeout: 30_000 });
  await page.locator('[data-testid=finding][data-check="XY-CARRY"]').first().waitFor();
  expect(await page.locator('[data-testid=finding][data-check="XY-CARRY"]').count()).toBe(2); // 自然人 and 总计
  expect(await page.getByTestId('previous-used').textContent()).toContain('2019年度');
  await page.getByTestId('previous-section').scrollIntoViewIfNeeded();
  await shot(page, 'file-previous-loaded');
  await page.locator('[data-testid=finding][data-check="XY-CARRY"]').first().scrollIntoViewIfNeeded();
  await shot(page, 'file-previous-carry');

  // the download holds the imported tables and 上年数据
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const saved = path.join(dir, 'imported.xlsx');
  await download.saveAs(saved);
  const back = await XlsxWorkbook.open(new Uint8Array(fs.readFileSync(saved)), 'imported.xlsx');
  expect(await back.listSheets()).toEqual(['年报统计表', '报告正文', '报告文本', '上年数据']);

  // importing again would close this workbook: the pane asks first; 取消 keeps it open
  await page.getByRole('tab', { name: '插入表格' }).click();
  await page.getByTestId('import-text').fill(sample);
  await page.getByTestId('import-read').click();
  await page.getByTestId('import-insert').click();
  const ask = page.getByRole('dialog');
  await ask.waitFor();
  expect(await ask.textContent()).toContain('当前工作簿“2020年度政府信息公开工作年度报告（导入）.xlsx”将被关闭');
  await shot(page, 'file-import-ask');
  await ask.getByRole('button', { name: '取消' }).click();
  await ask.waitFor({ state: 'detached' });
  expect(await page.getByTestId('file-panel').textContent()).toContain('当前工作簿：2020年度政府信息公开工作年度报告（导入）.xlsx');
  await context.close();
});

afterAll(() => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOTS, 'axe.json'), JSON.stringify(axeSeen, null, 1));
  const outside = requests.filter((u) => !isLocalOrOfficeJs(u));
  expect(outside).toEqual([]);
  expect(requests.some((u) => u === OFFICE_JS)).toBe(true);
  expect(requests.some((u) => u.startsWith('http://127.0.0.1'))).toBe(true);
  void ROOT;
});
