#!/usr/bin/env node
/**
 * Task pane benchmark (for `npm run bench`):
 *  - initial JavaScript: gzip size (level 9) of the scripts loaded before the first render: the
 *    entry chunk(s) of taskpane.html plus the initial view's chunk (from the browser's resource
 *    timing); lazy chunks such as ExcelJS, docx, the office.js port and the other views excluded;
 *  - time to first render in Chromium: navigation start → the `pane-first-render` performance
 *    mark (set when the first view has rendered), median of 5 cold loads, office.js aborted;
 *  - 一键校验, click to results: in Chromium with the fake Excel host (the e2e office.js stub), a
 *    report inserted by the pane and filled (every input 0, one cell 5: the balance breaks), then the
 *    一键校验 view opened as the ribbon's button opens it: the time from the click to the results on
 *    screen (the view's code loaded, the workbook read, checked, the cards rendered and painted),
 *    median of BENCH_RUNS runs.
 * Prints a table and, with --json, one JSON line.
 */
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const RUNS = Number(process.env.BENCH_RUNS || 5);
const json = process.argv.includes('--json');

function build(outDir) {
  const webpack = require('webpack');
  // e2e: also the office.js stub (a separate entry; taskpane.html loads the same scripts)
  const config = require(path.join(ROOT, 'webpack.config.js'))({ outDir, e2e: true }, { mode: 'production' });
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats.toJson({ all: false, assets: true, chunks: true, entrypoints: true }));
    });
  });
}

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** the local scripts taskpane.html loads (in order) */
function initialScripts(dir) {
  const html = fs.readFileSync(path.join(dir, 'taskpane.html'), 'utf8');
  const out = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)) {
    if (!/^https?:/.test(m[1])) out.push(m[1]);
  }
  return out;
}

function serve(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml' };
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const file = path.normalize(path.join(dir, p === '/' ? 'taskpane.html' : p));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  const t0 = Date.now();
  const stats = await build(outDir);
  const buildMs = Date.now() - t0;

  const entryScripts = initialScripts(outDir);
  const sizes = new Map(
    (stats.assets || [])
      .filter((a) => a.name.endsWith('.js'))
      .map((a) => [a.name, { bytes: fs.statSync(path.join(outDir, a.name)).size, gzip: gzipSize(path.join(outDir, a.name)) }]),
  );

  const { chromium } = require('playwright-core');
  const server = await serve(outDir);
  const url = `http://127.0.0.1:${server.address().port}/taskpane.html?view=insert`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const times = [];
  const checkTimes = [];
  const loadedBeforeRender = new Set();
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 900 } });
      const page = await context.newPage();
      await page.route(OFFICE_JS, (route) => route.abort('internetdisconnected'));
      await page.goto(url);
      await page.waitForSelector('html[data-pane-ready]', { timeout: 60_000 });
      const { ms, loaded } = await page.evaluate(() => {
        const m = performance.getEntriesByName('pane-first-render')[0];
        const t = m ? m.startTime : NaN;
        const scripts = performance
          .getEntriesByType('resource')
          .filter((r) => r.name.startsWith(globalThis.location.origin) && r.name.endsWith('.js') && r.responseEnd <= t)
          .map((r) => new URL(r.name).pathname.replace(/^\//, ''));
        return { ms: t, loaded: scripts };
      });
      if (!Number.isFinite(ms)) throw new Error('no pane-first-render mark');
      times.push(ms);
      for (const f of loaded) loadedBeforeRender.add(f);
      await context.close();
    }
    // 一键校验 in "Excel": the ribbon's button opens the check view, which runs by itself
    const stubName = fs.readdirSync(outDir).find((n) => /^office-stub\.[0-9a-f]+\.js$/.test(n));
    const stub = fs.readFileSync(path.join(outDir, stubName), 'utf8');
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 900 } });
      const page = await context.newPage();
      await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: stub }));
      await page.goto(url);
      await page.waitForSelector('html[data-pane-ready]', { timeout: 60_000 });
      await page.getByTestId('insert-year').fill('2023');
      await page.getByRole('button', { name: '插入表格' }).click();
      await page.getByTestId('insert-done').waitFor({ timeout: 60_000 });
      const filled = await page.evaluate(() => {
        const wb = globalThis.__fakeOffice.workbook;
        const sheet = wb.sheetNames().find((n) => n.startsWith('年报统计表'));
        const [from, to] = wb.usedRange(sheet).replace(/\$/g, '').split(':');
        const col = (a) => [...a.match(/^[A-Z]+/)[0]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        const row = (a) => Number(a.match(/\d+$/)[0]);
        const name = (c) => (c > 26 ? String.fromCharCode(64 + Math.floor((c - 1) / 26)) : '') + String.fromCharCode(65 + ((c - 1) % 26));
        const inputs = [];
        for (let r = row(from); r <= row(to); r++) {
          for (let c = col(from); c <= col(to); c++) {
            const a = `${name(c)}${r}`;
            const cell = wb.getCell(sheet, a);
            if (cell.locked === false && !cell.formula && (cell.value === null || cell.value === '')) inputs.push(a);
          }
        }
        for (const a of inputs) wb.setValue(sheet, a, 0);
        wb.setValue(sheet, inputs[Math.floor(inputs.length / 2)], 5);
        return inputs.length;
      });
      if (filled < 100) throw new Error(`only ${filled} input cells found`);
      const ms = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const doc = globalThis.document;
            const frame = (cb) => globalThis.requestAnimationFrame(cb);
            const t0 = performance.now();
            doc.getElementById('tab-check').click();
            const poll = () => {
              if (doc.querySelector('[data-testid=checked-at]')) {
                // on screen: after the next frame is painted
                frame(() => setTimeout(() => resolve(performance.now() - t0), 0));
              } else frame(poll);
            };
            poll();
          }),
      );
      const cards = await page.locator('[data-testid=finding]').count();
      if (cards === 0) throw new Error('the check showed no findings');
      checkTimes.push(ms);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }

  const firstRenderScripts = [...new Set([...entryScripts, ...loadedBeforeRender])];
  const initial = firstRenderScripts.map((file) => ({ file, ...sizes.get(file) }));
  const lazy = [...sizes.entries()].filter(([f]) => !firstRenderScripts.includes(f)).map(([file, s]) => ({ file, gzip: s.gzip }));
  const result = {
    initialJsGzipBytes: initial.reduce((s, f) => s + f.gzip, 0),
    initialJsBytes: initial.reduce((s, f) => s + f.bytes, 0),
    initialScripts: initial,
    lazyChunks: lazy,
    firstRenderMs: { median: Math.round(median(times)), runs: times.map((t) => Math.round(t)) },
    checkClickToResultsMs: { median: Math.round(median(checkTimes)), runs: checkTimes.map((t) => Math.round(t)) },
    buildMs,
  };
  if (json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return;
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const lines = [
    '任务窗格基准 / task pane benchmark',
    `  首屏 JavaScript（gzip）/ initial JS (gzip): ${kb(result.initialJsGzipBytes)}  (${kb(result.initialJsBytes)} raw)`,
    ...initial.map((f) => `    ${f.file}: ${kb(f.gzip)}`),
    `  按需加载 / lazy chunks (gzip): ${lazy.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')}`,
    `  首次渲染 / first render (median of ${RUNS}, office.js aborted): ${result.firstRenderMs.median} ms  [${result.firstRenderMs.runs.join(', ')}]`,
    `  一键校验 点击到结果 / check click to results (fake Excel, median of ${RUNS}): ${result.checkClickToResultsMs.median} ms  [${result.checkClickToResultsMs.runs.join(', ')}]`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
