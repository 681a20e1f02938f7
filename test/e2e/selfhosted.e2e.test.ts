/**
 * The self-hosted build (`npm run build:selfhosted`) in Debian's Chromium, with no network:
 * - the real office.js from @microsoft/office-js loads from the page's own origin, and the pane
 *   boots into its outside-Excel mode through the real Office.onReady;
 * - every request the page makes stays on its origin (nothing is routed, stubbed or aborted);
 * - the CSP names no outside host;
 * - with Internet Explorer 11's user agent the page shows the plain Chinese message instead.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Request } from 'playwright-core';
import type { StaticServer } from './harness';
import { SCREENSHOTS, buildPane, launchChromium, newestSource, serve } from './harness';

jest.setTimeout(600_000);

const BUILD_DIR = path.join(os.tmpdir(), 'nianbao-e2e-selfhosted');
const IE11_UA = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16; rv:11.0) like Gecko';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const stamp = path.join(BUILD_DIR, '.built');
  if (!(fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > newestSource())) {
    await buildPane(BUILD_DIR, { selfHosted: true });
    fs.writeFileSync(stamp, new Date().toISOString());
  }
  server = await serve(BUILD_DIR);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the build holds office.js and the Excel host files, and its CSP names no outside host', () => {
  const html = fs.readFileSync(path.join(BUILD_DIR, 'taskpane.html'), 'utf8');
  expect(html).toMatch(/<script src="?office-js\/office\.js"?>/);
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toMatch(/^default-src 'self'/);
  expect(csp).toMatch(/script-src 'self';/);
  expect(csp).not.toMatch(/https?:|appsforoffice|microsoft/);
  expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  const files = fs.readdirSync(path.join(BUILD_DIR, 'office-js'));
  for (const f of ['office.js', 'o15apptofilemappingtable.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js']) expect(files).toContain(f);
  expect(files.filter((f) => f.endsWith('.debug.js'))).toEqual([]);
  expect(files.filter((f) => /^(word|outlook|powerpoint|onenote|project|access)/.test(f))).toEqual([]);
  expect(fs.existsSync(path.join(BUILD_DIR, 'office-js', 'zh-cn', 'office_strings.js'))).toBe(true);
});

test('offline: the real office.js loads from the origin, Office.onReady boots the pane outside Excel, no request leaves the origin', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 900 }, offline: false });
  const page = await context.newPage();
  const requests: string[] = [];
  const failed: string[] = [];
  page.on('request', (r: Request) => requests.push(r.url()));
  page.on('requestfailed', (r: Request) => failed.push(r.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/taskpane.html?view=check`);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-pane-ready') !== null, undefined, { timeout: 60_000 });
  expect(await page.getAttribute('html', 'data-pane-ready')).toBe('check');
  // office.js ran and answered: a host-less Office.onReady, not the 'offline' path without office.js
  expect(await page.getAttribute('html', 'data-host')).toBe('browser');
  const office = await page.evaluate(async () => {
    const o = (window as unknown as { Office?: { onReady(): Promise<{ host: string | null }> } }).Office;
    return o ? { host: (await o.onReady()).host } : null;
  });
  expect(office).toEqual({ host: null });
  expect(requests.some((u) => u === `${server.url}/office-js/office.js`)).toBe(true);
  const off = requests.filter((u) => !u.startsWith(`${server.url}/`) && !/^(data|blob|about):/.test(u));
  expect(off).toEqual([]);
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
  await fs.promises.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'selfhosted-outside-excel.png') });
  await context.close();
});

test('Internet Explorer 11 (Office 2016/2019): a plain Chinese message with the advice to use the browser mode', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 700 }, userAgent: IE11_UA });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r: Request) => requests.push(r.url()));
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector('#unsupported', { timeout: 30_000 });
  const text = await page.textContent('#unsupported');
  expect(text).toContain('此版本的 Excel 无法运行政务公开年报助手');
  expect(text).toContain('浏览器模式');
  expect(text).toContain('Office 2021');
  expect(await page.$('#root')).toBeNull();
  // Chromium (unlike IE11) also runs the pane's bundle: it finds no #root and leaves the message alone
  await page.waitForFunction(() => document.documentElement.getAttribute('data-pane-ready') === 'failed', undefined, { timeout: 60_000 });
  expect(await page.textContent('#unsupported')).toBe(text);
  expect(await page.isVisible('#unsupported')).toBe(true);
  expect(requests.filter((u) => !u.startsWith(`${server.url}/`))).toEqual([]);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'ie11-message.png') });
  await context.close();
});
