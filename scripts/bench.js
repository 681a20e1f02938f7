#!/usr/bin/env node
/**
 * npm run bench — the figures the issues ask for.
 *
 *  1. Checking filled workbooks end to end (open + locate tables + run every check), one workbook
 *     and 500 workbooks, as a ratio against the floor: ExcelJS only loading the same files.
 *  2. Generating and rendering one report (text, HTML, docx).
 *  3. The roll-up over 500 workbooks (scripts/bench-rollup.js): time against ExcelJS loading, peak memory.
 *  4. The task pane: initial JavaScript (gzip) and time to first render in Chromium
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
const { createReportSheets } = require(path.join(dist, 'app/create'));
const { openReports } = require(path.join(dist, 'app/sheets'));
const { XlsxWorkbook, readXlsx } = require(path.join(dist, 'workbook/xlsx'));
const { runChecks } = require(path.join(dist, 'core/rules'));
const { readReports } = require(path.join(dist, 'core/read'));
const { checkGrids, checkWorkbook } = require(path.join(dist, 'app/check'));

/** A new workbook's bytes with the report's sheets, as nianbao init writes it. */
async function createWorkbook(options) {
  const wb = await XlsxWorkbook.create();
  await createReportSheets(wb, options);
  return wb.toBuffer();
}

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

/** What `nianbao check` does for one file: open (to read only), read the sheets, find the reports, every check (tables and text). */
async function fullCheck(bytes, name) {
  const wb = await readXlsx(bytes, name);
  const outcome = await checkWorkbook(wb);
  return outcome.reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
}

/** The tables only: open, read the sheets, locate the tables, the table checks. */
async function tableCheck(bytes, name) {
  const wb = await readXlsx(bytes, name);
  const { reports } = await openReports(wb, { file: name, tablesOnly: true });
  let n = 0;
  for (const r of reports) n += runChecks(r.data, { cells: r.cells, readIssues: r.issues }).length;
  return n;
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

  // The three ways are timed interleaved, in turns of order, so that the machine's noise and the
  // garbage one way leaves behind fall on all three alike.
  const ways = [floorLoad, tableCheck, fullCheck];
  const orders = [[0, 1, 2], [1, 2, 0], [2, 0, 1], [0, 2, 1], [2, 1, 0], [1, 0, 2]];

  // one workbook: median of 240 runs of each way
  const bytes = fs.readFileSync(files[1]);
  const one = [[], [], []];
  for (let i = 0; i < 20; i++) for (const w of ways) await w(bytes, 'one.xlsx');
  for (let i = 0; i < 240; i++) {
    for (const k of orders[i % orders.length]) {
      const t = performance.now();
      await ways[k](bytes, 'one.xlsx');
      one[k].push(performance.now() - t);
    }
  }

  // the parts, each on a newly loaded workbook (nothing kept from a previous run of the same file)
  const parts = { open: [], grids: [], locate: [], checks: [], text: [] };
  for (let i = 0; i < 200; i++) {
    const file = files[i % files.length];
    const fileBytes = fs.readFileSync(file);
    let t = performance.now();
    const wb = await readXlsx(fileBytes, path.basename(file));
    parts.open.push(performance.now() - t);
    if (wb instanceof XlsxWorkbook) throw new Error(`${file}: read with ExcelJS, not the snapshot`);
    t = performance.now();
    const all = await wb.readAllGrids();
    parts.grids.push(performance.now() - t);
    const tables = all.filter((g) => g.sheet === '年报统计表');
    t = performance.now();
    const reports = readReports(tables, {});
    parts.locate.push(performance.now() - t);
    t = performance.now();
    for (const r of reports) runChecks(r.data, { cells: r.cells, readIssues: r.issues });
    parts.checks.push(performance.now() - t);
    t = performance.now();
    checkGrids(all, {});
    parts.text.push(performance.now() - t - parts.locate[i] - parts.checks[i]);
  }

  // 500 workbooks: each file read from disk and handled by the three ways in turn; three rounds, median
  const rounds = [];
  for (let k = 0; k < 3; k++) {
    const total = [0, 0, 0];
    for (let i = 0; i < files.length; i++) {
      for (const w of orders[(i + k) % orders.length]) {
        const t = performance.now();
        await ways[w](fs.readFileSync(files[i]), path.basename(files[i]));
        total[w] += performance.now() - t;
      }
    }
    rounds.push(total);
  }
  fs.rmSync(dir, { recursive: true, force: true });

  const m = (xs) => median(xs);
  const ratio = (a, b) => `比值 ${(a / b).toFixed(3)}（${a >= b ? '多' : '少'} ${(Math.abs(a / b - 1) * 100).toFixed(1)}%）`;
  const pct = (x, floor) => `${x.toFixed(3)} ms（下限的 ${((x / floor) * 100).toFixed(1)}%）`;
  const [f1, t1, c1] = one.map(m);
  console.log('\n== 校验（端到端），与仅用 ExcelJS 加载同样文件（下限）相比；三种做法交替计时');
  console.log(`一个工作簿（各 240 次的中位数）：仅 ExcelJS 加载 ${f1.toFixed(2)} ms`);
  console.log(`  表格（打开 + 读出网格 + 查找表格 + 表格校验）：${t1.toFixed(2)} ms，${ratio(t1, f1)}`);
  console.log(`  全部（同 nianbao check：另含由“报告正文”生成全文并与表格核对）：${c1.toFixed(2)} ms，${ratio(c1, f1)}`);
  console.log(`  分项（每次新加载的工作簿，200 次中位数）：打开（只读快照，不经 ExcelJS）${pct(m(parts.open), f1)}；读出网格 ${pct(m(parts.grids), f1)}；查找表格 ${pct(m(parts.locate), f1)}；表格校验 ${pct(m(parts.checks), f1)}`);
  console.log(`    查找表格 + 表格校验：${pct(m(parts.locate) + m(parts.checks), f1)}；生成全文并核对：${pct(m(parts.text), f1)}`);
  const [fa, ta, ca] = [0, 1, 2].map((w) => m(rounds.map((r) => r[w])));
  console.log(`${N} 个工作簿（从磁盘读入，三轮中位数）：仅 ExcelJS 加载 ${(fa / 1000).toFixed(2)} s`);
  console.log(`  表格：${(ta / 1000).toFixed(2)} s，${ratio(ta, fa)}`);
  console.log(`  全部：${(ca / 1000).toFixed(2)} s，${ratio(ca, fa)}`);
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

/** The roll-up over 500 workbooks (scripts/bench-rollup.js): time against ExcelJS loading, peak memory. */
function rollup() {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'bench-rollup.js')], { stdio: 'inherit', env: { ...process.env, NIANBAO_BENCH_COMPILED: '1' } });
  if (r.status !== 0) console.log(`bench-rollup.js 退出码 ${r.status}`);
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
  rollup();
  pane();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
