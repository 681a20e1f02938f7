/**
 * The WPS build (`--env wps`) in Debian's Chromium, with the fake ET object model as
 * window.Application (test/e2e/wps-stub.ts, run before the pane's scripts as WPS provides it):
 * the pane opened as the ribbon's 插入表格 opens it (the add-in folder's taskpane.html?view=insert)
 * inserts the tables into the fake workbook; a user's edit (the fake's SheetChange) breaks a
 * total; 一键校验 shows the finding, a click selects its cell in the fake; 生成报告 shows the
 * report. axe on each view. No request leaves 127.0.0.1, and no office.js is asked for.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { formatForYear, TABLE_IDS } from '../../src/core/formats';
import { isTotalCell, valueCellAddresses } from '../../src/core/layout/build';
import type { StaticServer } from './harness';
import { launchChromium, serve } from './harness';
import { ADDIN, ADDIN_DIR, WPS_BUILD_DIR, ensureWpsBuild } from './wps-build';

jest.setTimeout(600_000);

const YEAR = 2023;
const FORMAT = formatForYear(YEAR);
const SHEET = '年报统计表';
const ADDR = valueCellAddresses(FORMAT, { origin: { row: 0, col: 0 } });
/** screenshots of this test: outside the repository */
const SHOTS = '/tmp/nianbao-wps-e2e-shots';

let server: StaticServer;
let browser: Browser;
let stubJs: string;
const requests: string[] = [];

const INPUT_CELLS = TABLE_IDS.flatMap((t) =>
  Object.entries(ADDR[t]).flatMap(([row, cols]) =>
    Object.entries(cols)
      .filter(([col]) => !isTotalCell(FORMAT, t, row, col))
      .map(([, address]) => address),
  ),
);

const AXE_JS = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it is: the serious and critical violations */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_JS);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

function stubFile(): string {
  const dir = path.join(WPS_BUILD_DIR, 'e2e-stub');
  const f = fs.readdirSync(dir).find((n) => /^wps-stub\.[0-9a-f]+\.js$/.test(n));
  if (!f) throw new Error('wps-stub bundle missing');
  return path.join(dir, f);
}

async function openPane(view: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 900 } });
  // WPS gives every add-in page window.Application before its scripts run
  await context.addInitScript({ content: stubJs });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r: Request) => requests.push(r.url()));
  await page.route(
    (url) => !url.toString().startsWith(server.url),
    (route) => route.abort('blockedbyclient'),
  );
  await page.goto(`${server.url}/${ADDIN.dir}/taskpane.html?view=${view}`);
  await page.waitForSelector('html[data-pane-ready]', { timeout: 60_000 });
  return { context, page, errors };
}

/** Call the fake's JSON handle (window.__fakeWps, test/fakes/wps-fake.ts WpsFakeHandle). */
function fakeCall<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([f, a]) => {
      const h = (window as unknown as { __fakeWps: Record<string, (...x: unknown[]) => unknown> }).__fakeWps;
      return h[f as string](...(a as unknown[])) as T;
    },
    [fn, args] as const,
  );
}

beforeAll(async () => {
  await ensureWpsBuild();
  stubJs = fs.readFileSync(stubFile(), 'utf8');
  server = await serve(WPS_BUILD_DIR);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('in WPS 表格: insert, a user’s edit breaks a total, 一键校验 finds it, a click selects its cell, 生成报告 shows the report', async () => {
  const { context, page, errors } = await openPane('insert');
  expect(await page.getAttribute('html', 'data-pane-ready')).toBe('insert');
  expect(await page.getAttribute('html', 'data-host')).toBe('wps');
  // inside a spreadsheet host: the views work on the open workbook, no file panel
  expect(await page.getAttribute('[data-testid=pane]', 'data-mode')).toBe('excel');
  expect(await page.getByTestId('file-panel').count()).toBe(0);
  await shot(page, 'wps-insert');
  expect(await axe(page)).toEqual([]);

  await page.getByTestId('insert-year').fill(String(YEAR));
  await page.getByTestId('insert-organization').fill('某某县人民政府办公室');
  await page.getByRole('button', { name: '插入表格' }).click();
  await page.getByTestId('insert-done').waitFor({ timeout: 30_000 });
  await shot(page, 'wps-insert-done');
  const names = await fakeCall<string[]>(page, 'sheetNames');
  expect(names).toContain(SHEET);
  expect(names).toContain('Sheet1');
  expect(await fakeCall(page, 'getValue', 'Sheet1', 'A1')).toBe('机关内部的草稿，请勿覆盖');
  expect(String(await fakeCall(page, 'getValue', SHEET, 'A1'))).toContain(String(YEAR));

  // the user fills the tables with 0, then types 5 into 一、本年新收 (自然人): 表三's balance breaks
  await page.evaluate(
    ([sheet, cells]) => {
      const h = (window as unknown as { __fakeWps: { userEdit(s: string, a: string, v: number): void } }).__fakeWps;
      for (const a of cells as string[]) h.userEdit(sheet as string, a, 0);
    },
    [SHEET, INPUT_CELLS] as const,
  );
  const broken = ADDR.table3.new_received.natural_person;
  await fakeCall(page, 'userEdit', SHEET, broken, 5);

  await page.getByRole('tab', { name: '一键校验' }).click();
  const errorsGroup = page.getByTestId('group-error');
  await errorsGroup.waitFor({ timeout: 30_000 });
  const balance = errorsGroup.locator('[data-testid=finding][data-check="T3-BALANCE"]');
  expect(await balance.count()).toBe(1);
  await shot(page, 'wps-check');
  await balance.first().scrollIntoViewIfNeeded();
  await shot(page, 'wps-check-finding');

  // a click moves WPS's selection to the finding's cell
  const shown = /!([A-Z]+\d+)$/.exec((await balance.first().getAttribute('data-cell')) ?? '')?.[1];
  expect(shown).toBeDefined();
  await fakeCall(page, 'activate', 'Sheet1');
  await balance.first().click();
  const card = page.locator('[data-testid=finding-card]:has([data-testid=finding][data-check="T3-BALANCE"])').first();
  await card.getByTestId('finding-feedback').filter({ hasText: `已选中 ${SHEET}!${shown}` }).waitFor();
  expect(await fakeCall(page, 'selection')).toEqual({ sheet: SHEET, address: shown });
  await shot(page, 'wps-check-selected');
  expect(await axe(page)).toEqual([]);

  // the user fixes it: 四、结转下年度 = 5 → the pane re-checks by itself (SheetChange)
  await fakeCall(page, 'userEdit', SHEET, ADDR.table3.carried_forward.natural_person, 5);
  await page.waitForFunction(() => document.querySelectorAll('[data-check="T3-BALANCE"]').length === 0, undefined, { timeout: 15_000 });

  await page.getByRole('tab', { name: '生成报告' }).click();
  await page.getByTestId('report-view').waitFor({ timeout: 30_000 });
  const text = (await page.getByTestId('panel-report').textContent()) ?? '';
  expect(text).toContain(`${YEAR}年`);
  expect(text).toContain('某某县人民政府办公室');
  await shot(page, 'wps-report');
  expect(await axe(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('the pane opened on ?view=check (the address the ribbon’s 一键校验 asks for) checks by itself', async () => {
  const { context, page, errors } = await openPane('check');
  expect(await page.getAttribute('html', 'data-pane-ready')).toBe('check');
  await page.getByTestId('checked-at').waitFor({ timeout: 30_000 });
  await shot(page, 'wps-check-empty-workbook');
  expect(errors).toEqual([]);
  await context.close();
});

test('offline, as WPS opens it from the jsaddons folder (file://): the entry page defines the callbacks, 一键校验 makes the pane, the pane boots on its view under its CSP', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 900 } });
  await context.addInitScript({ content: stubJs });
  const page = await context.newPage();
  const problems: string[] = [];
  const watch = (p: Page): void => {
    p.on('pageerror', (e) => problems.push(String(e)));
    p.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    p.on('request', (r: Request) => requests.push(r.url()));
  };
  watch(page);
  await context.route(/^https?:/, (route) => route.abort('blockedbyclient'));
  await page.goto(`file://${ADDIN_DIR}/index.html`);
  const callbacks = await page.evaluate(() =>
    ['OnAddinLoad', 'OnAction', 'GetImage'].map((n) => typeof (window as unknown as Record<string, unknown>)[n]),
  );
  expect(callbacks).toEqual(['function', 'function', 'function']);

  // WPS's add-in API on Application, recorded: the ribbon's 一键校验 asks for the pane
  const asked = await page.evaluate(() => {
    const w = window as unknown as {
      Application: Record<string, unknown>;
      OnAddinLoad(ui: unknown): boolean;
      OnAction(c: { Id: string }): boolean;
    };
    const items = new Map<string, unknown>();
    const made: string[] = [];
    w.Application.PluginStorage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: unknown) => void items.set(k, v) };
    w.Application.CreateTaskPane = (url: string) => {
      made.push(url);
      return { ID: 1, Visible: false, Navigate: () => undefined };
    };
    w.Application.GetTaskPane = () => undefined;
    w.OnAddinLoad({});
    w.OnAction({ Id: 'nianbaoCheck' });
    return made;
  });
  expect(asked).toEqual([`file://${ADDIN_DIR}/taskpane.html?view=check`]);

  // WPS opens that address in its pane
  const pane = await context.newPage();
  watch(pane);
  await pane.goto(asked[0]);
  await pane.waitForSelector('html[data-pane-ready]', { timeout: 60_000 });
  expect(await pane.getAttribute('html', 'data-pane-ready')).toBe('check');
  expect(await pane.getAttribute('html', 'data-host')).toBe('wps');
  await pane.getByTestId('checked-at').waitFor({ timeout: 30_000 });
  // the view's code came as chunks from the folder
  expect(requests.some((u) => u.startsWith(`file://${ADDIN_DIR}/view-check.`))).toBe(true);
  await shot(pane, 'wps-file-check');
  expect(problems).toEqual([]);
  await context.close();
});

afterAll(() => {
  const outside = requests.filter((u) => !u.startsWith('http://127.0.0.1') && !u.startsWith(`file://${ADDIN_DIR}/`) && !/^(data|blob|about):/.test(u));
  expect(outside).toEqual([]);
  expect(requests.filter((u) => /office\.js/.test(u))).toEqual([]);
  expect(requests.some((u) => u.includes(`/${ADDIN.dir}/taskpane.html`))).toBe(true);
});
