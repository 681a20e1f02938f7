#!/usr/bin/env node
/**
 * npm run bench — the figures the issues ask for.
 *
 *  1. Checking filled workbooks end to end (open + locate tables + run every check), one workbook
 *     and 500 workbooks, as a ratio against the floor: ExcelJS only loading the same files.
 *  2. Generating and rendering one report (text, HTML, docx).
 *  3. The task pane: initial JavaScript (gzip) and time to first render in Chromium
 *     (scripts/bench-pane.js, when Chromium is installed).
 */
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist', 'node');
console.log('编译命令行核心（tsc）…');
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.cli.json')], { stdio: 'inherit' });

const ExcelJS = require('exceljs');
const { getFormat } = require(path.join(dist, 'core/formats'));
const { emptyReport } = require(path.join(dist, 'core/model/report'));
const { createWorkbook, openWorkbook, locateReports } = require(path.join(dist, 'cli/actions'));
const { XlsxWorkbook } = require(path.join(dist, 'workbook/xlsx'));
const { runChecks } = require(path.join(dist, 'core/rules'));
const { readReports } = require(path.join(dist, 'core/read'));
const { checkGrids } = require(path.join(dist, 'core/check/workbook'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Consistent report figures from a seed (the same every run). */
function figures(format, seed) {
  let x = seed * 2654435761 % 4294967296;
  const rnd = (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const data = emptyReport(format, format.id === '2019' ? 2020 : 2023, `某某县第${seed}局`, 0);
  const t3 = format.tables.table3;
  const cols = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org'];
  const resultRows = t3.rowOrder.map((r) => r.key).slice(t3.rowOrder.findIndex((r) => r.key === 'granted'), t3.rowOrder.findIndex((r) => r.key === 'total_processed'));
  for (const c of cols) {
    let done = 0;
    for (const r of resultRows) {
      const v = rnd(4);
      data.table3[r][c] = v;
      done += v;
    }
    const forward = rnd(3);
    const over = rnd(3);
    data.table3.total_processed[c] = done;
    data.table3.carried_forward[c] = forward;
    data.table3.carried_over[c] = over;
    data.table3.new_received[c] = done + forward - over >= 0 ? done + forward - over : 0;
    if (done + forward - over < 0) data.table3.carried_over[c] = done + forward;
  }
  for (const row of Object.keys(data.table3)) data.table3[row].total = cols.reduce((s, c) => s + data.table3[row][c], 0);
  for (const g of Object.keys(data.table4)) {
    const f = data.table4[g];
    f.upheld = rnd(3); f.corrected = rnd(2); f.other = rnd(2); f.pending = rnd(2);
    f.total = f.upheld + f.corrected + f.other + f.pending;
  }
  for (const row of Object.keys(data.table2)) {
    if (row === 'regulations') continue; // a county body has no rule-making power: 0
    const r = data.table2[row];
    for (const col of Object.keys(r)) r[col] = rnd(50);
    if ('in_force' in r) r.in_force = r.issued + rnd(50);
    if ('total_published' in r) r.total_published = r.new_published + rnd(50);
  }
  return data;
}

async function floorLoad(bytes) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}

/** What `nianbao check` does for one file: open, read the sheets, find the reports, every check (tables and text). */
async function fullCheck(bytes, name) {
  const wb = await XlsxWorkbook.open(bytes, name);
  const grids = await wb.readAllGrids();
  const metadata = {};
  for (const g of grids) {
    const m = await wb.getMetadata(g.sheet);
    if (m) metadata[g.sheet] = m;
  }
  return checkGrids(grids, { metadata }).reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
}

/** The tables only: open, read the sheets, locate the tables, the table checks. */
async function tableCheck(bytes, name) {
  const wb = await XlsxWorkbook.open(bytes, name);
  const reports = await locateReports(wb, name);
  let n = 0;
  for (const r of reports) n += runChecks(r.data, { cells: r.cells, readIssues: r.issues }).length;
  return n;
}

async function timeAll(fn, files) {
  const t0 = performance.now();
  for (const f of files) await fn(fs.readFileSync(f), path.basename(f));
  return performance.now() - t0;
}

async function engine() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-'));
  const N = 500;
  const files = [];
  process.stdout.write(`生成 ${N} 个已填写的工作簿…`);
  for (let i = 0; i < N; i++) {
    const format = getFormat(i % 4 === 0 ? '2019' : '2021');
    const data = figures(format, i + 1);
    const bytes = await createWorkbook({ format, year: data.year, organization: data.organization, manualTotals: i % 2 === 0, data });
    const f = path.join(dir, `book-${i}.xlsx`);
    fs.writeFileSync(f, bytes);
    files.push(f);
  }
  console.log(' 完成');

  // sanity: every bench workbook checks clean, so we time the real path
  const findings = await tableCheck(fs.readFileSync(files[1]), 'book-1.xlsx');
  const errors = await fullCheck(fs.readFileSync(files[1]), 'book-1.xlsx');
  if (findings !== 0 || errors !== 0) throw new Error(`bench workbook has ${findings} findings, ${errors} errors`);

  // one workbook: median of 30 alternating runs
  const one = files[1];
  const bytes = fs.readFileSync(one);
  for (let i = 0; i < 5; i++) { await floorLoad(bytes); await fullCheck(bytes, 'one.xlsx'); }
  const f1 = [];
  const c1 = [];
  const t1 = [];
  for (let i = 0; i < 30; i++) {
    let t = performance.now(); await floorLoad(bytes); f1.push(performance.now() - t);
    t = performance.now(); await fullCheck(bytes, 'one.xlsx'); c1.push(performance.now() - t);
    t = performance.now(); await tableCheck(bytes, 'one.xlsx'); t1.push(performance.now() - t);
  }
  // split of the full path: what locating and checking add on top of loading
  const wb = await XlsxWorkbook.open(bytes, 'one.xlsx');
  const grids = await wb.readAllGrids();
  const tableGrids = grids.filter((g) => g.sheet === '年报统计表');
  const lc = [];
  const gr = [];
  for (let i = 0; i < 100; i++) {
    let t = performance.now();
    for (const r of readReports(tableGrids, {})) runChecks(r.data, { cells: r.cells, readIssues: r.issues });
    lc.push(performance.now() - t);
    t = performance.now();
    await wb.readAllGrids();
    gr.push(performance.now() - t);
  }

  // 500 workbooks: three alternating passes, median
  const fa = [];
  const ca = [];
  const ta = [];
  for (let k = 0; k < 3; k++) {
    fa.push(await timeAll(floorLoad, files));
    ca.push(await timeAll(fullCheck, files));
    ta.push(await timeAll(tableCheck, files));
  }
  fs.rmSync(dir, { recursive: true, force: true });

  const ratio = (a, b) => `比值 ${(a / b).toFixed(3)}（+${((a / b - 1) * 100).toFixed(1)}%）`;
  console.log('\n== 校验（端到端），与仅用 ExcelJS 加载同样文件（下限）相比');
  console.log(`一个工作簿：仅 ExcelJS 加载 ${median(f1).toFixed(2)} ms`);
  console.log(`  表格（打开 + 查找表格 + 表格校验）：${median(t1).toFixed(2)} ms，${ratio(median(t1), median(f1))}`);
  console.log(`  全部（同 nianbao check：另含“报告正文”生成全文并与表格核对）：${median(c1).toFixed(2)} ms，${ratio(median(c1), median(f1))}`);
  console.log(`  其中：读出网格 ${median(gr).toFixed(2)} ms；在网格上查找表格并校验 ${median(lc).toFixed(2)} ms（下限的 ${((median(lc) / median(f1)) * 100).toFixed(1)}%）`);
  console.log(`${N} 个工作簿：仅 ExcelJS 加载 ${(median(fa) / 1000).toFixed(2)} s`);
  console.log(`  表格：${(median(ta) / 1000).toFixed(2)} s，${ratio(median(ta), median(fa))}`);
  console.log(`  全部：${(median(ca) / 1000).toFixed(2)} s，${ratio(median(ca), median(fa))}`);
}

async function report() {
  const { generateReport } = require(path.join(dist, 'core/narrative/generate'));
  const { defaultProfile } = require(path.join(dist, 'core/narrative/profile'));
  const { renderText } = require(path.join(dist, 'core/render/text'));
  const { renderHtml } = require(path.join(dist, 'core/render/html'));
  const { renderDocx } = require(path.join(dist, 'export/docx'));
  const data = figures(getFormat('2021'), 7);
  const profile = defaultProfile(data, 'government');
  const once = async () => {
    const doc = generateReport(data, profile);
    renderText(doc);
    renderHtml(doc);
    await renderDocx(doc);
  };
  for (let i = 0; i < 5; i++) await once();
  const all = [];
  const parts = { generate: [], text: [], html: [], docx: [] };
  for (let i = 0; i < 20; i++) {
    let t = performance.now();
    const doc = generateReport(data, profile);
    parts.generate.push(performance.now() - t);
    t = performance.now(); renderText(doc); parts.text.push(performance.now() - t);
    t = performance.now(); renderHtml(doc); parts.html.push(performance.now() - t);
    t = performance.now(); await renderDocx(doc); parts.docx.push(performance.now() - t);
    all.push(parts.generate[i] + parts.text[i] + parts.html[i] + parts.docx[i]);
  }
  console.log('\n== 生成报告（一份，2021 格式）');
  console.log(`生成 ${median(parts.generate).toFixed(2)} ms · 文本 ${median(parts.text).toFixed(2)} ms · HTML ${median(parts.html).toFixed(2)} ms · Word ${median(parts.docx).toFixed(1)} ms`);
  console.log(`合计 ${median(all).toFixed(1)} ms（目标 50 ms 以内）`);
}

function pane() {
  const script = path.join(__dirname, 'bench-pane.js');
  console.log('\n== 任务窗格');
  if (!fs.existsSync(script)) {
    console.log('（scripts/bench-pane.js 不存在，跳过）');
    return;
  }
  if (!fs.existsSync('/usr/bin/chromium')) {
    console.log('（未安装 chromium，跳过首屏时间；apt-get install chromium）');
  }
  const r = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`bench-pane.js 退出码 ${r.status}`);
}

(async () => {
  await engine();
  await report();
  pane();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
