#!/usr/bin/env node
/**
 * The roll-up over 500 workbooks (issue 13), run by `npm run bench` (scripts/bench.js) or alone:
 *
 *   time   `rollupWorkbooks` (each file read from disk, opened, checked, summed) plus writing the
 *          汇总 workbook, as a ratio against ExcelJS merely loading the same files from disk;
 *   memory the peak resident set (process.resourceUsage().maxRSS) of a process doing only that, for
 *          50 and for 500 files: streaming means the peak does not grow with the number of files.
 *
 * Each measurement runs in its own child process (a fresh heap), the two ways interleaved.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist', 'node');

/** Consistent figures from a seed (the same every run), as scripts/bench.js makes them. */
function figures(emptyReport, format, seed) {
  let x = (seed * 2654435761) % 4294967296;
  const rnd = (n) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const data = emptyReport(format, format.id === '2019' ? 2020 : 2023, `某某县第${seed}局`, 0);
  const t3 = format.tables.table3;
  const cols = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org'];
  const start = t3.rowOrder.findIndex((r) => r.key === 'granted');
  const end = t3.rowOrder.findIndex((r) => r.key === 'total_processed');
  const resultRows = t3.rowOrder.map((r) => r.key).slice(start, end);
  for (const c of cols) {
    let done = 0;
    for (const r of resultRows) {
      const v = rnd(4);
      data.table3[r][c] = v;
      done += v;
    }
    const forward = rnd(3);
    const over = Math.min(rnd(3), done + forward);
    data.table3.total_processed[c] = done;
    data.table3.carried_forward[c] = forward;
    data.table3.carried_over[c] = over;
    data.table3.new_received[c] = done + forward - over;
  }
  for (const row of Object.keys(data.table3)) data.table3[row].total = cols.reduce((s, c) => s + data.table3[row][c], 0);
  for (const g of Object.keys(data.table4)) {
    const f = data.table4[g];
    f.upheld = rnd(3);
    f.corrected = rnd(2);
    f.other = rnd(2);
    f.pending = rnd(2);
    f.total = f.upheld + f.corrected + f.other + f.pending;
  }
  for (const row of Object.keys(data.table2)) {
    if (row === 'regulations') continue;
    const r = data.table2[row];
    for (const col of Object.keys(r)) r[col] = rnd(50);
    if ('in_force' in r) r.in_force = r.issued + rnd(50);
    if ('total_published' in r) r.total_published = r.new_published + rnd(50);
  }
  return data;
}

/** In a child: one way over the first `n` files of `dir`; prints {ms, maxRssMB, ...} as JSON. */
async function child(way, dir, n) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().slice(0, n).map((f) => path.join(dir, f));
  const t = performance.now();
  let extra = {};
  if (way === 'floor') {
    const ExcelJS = require('exceljs');
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(f));
    }
  } else {
    const { rollupWorkbooks, writeRollup } = require(path.join(dist, 'app/rollup'));
    const { XlsxWorkbook, readXlsx } = require(path.join(dist, 'workbook/xlsx'));
    function* sources() {
      for (const f of files) yield { name: path.basename(f), open: () => readXlsx(fs.readFileSync(f), path.basename(f)) };
    }
    const rollup = await rollupWorkbooks(sources());
    const out = XlsxWorkbook.create();
    await writeRollup(out, rollup);
    const bytes = await out.toBuffer();
    extra = { units: rollup.units.length, other: rollup.rows.filter((r) => r.status === 'other').length, errors: rollup.rows.filter((r) => r.errors > 0).length, bytes: bytes.length };
  }
  const ms = performance.now() - t;
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, ...extra }));
}

function measure(way, dir, n) {
  const out = execFileSync(process.execPath, [__filename, '--child', way, dir, String(n)], { maxBuffer: 1 << 20 });
  return JSON.parse(out.toString());
}

async function main() {
  if (!process.env.NIANBAO_BENCH_COMPILED) {
    console.log('编译命令行核心（tsc）…');
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.cli.json')], { stdio: 'inherit' });
    } catch (e) {
      // tsc emits despite type errors elsewhere in the tree; the bench needs only what it emitted
      if (!fs.existsSync(path.join(dist, 'app', 'rollup.js'))) throw e;
      console.log('（tsc 报告了类型错误，仍使用它生成的 dist/node）');
    }
  }
  const { getFormat } = require(path.join(dist, 'core/formats'));
  const { emptyReport } = require(path.join(dist, 'core/model/report'));
  const { createReportSheets } = require(path.join(dist, 'app/create'));
  const { XlsxWorkbook } = require(path.join(dist, 'workbook/xlsx'));

  const N = 500;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-rollup-'));
  process.stdout.write(`生成 ${N} 个已填写的工作簿（四分之一为 2019 版）…`);
  for (let i = 0; i < N; i++) {
    const format = getFormat(i % 4 === 0 ? '2019' : '2021');
    const data = figures(emptyReport, format, i + 1);
    const wb = XlsxWorkbook.create();
    await createReportSheets(wb, { format, year: data.year, organization: data.organization, manualTotals: i % 2 === 0, data });
    fs.writeFileSync(path.join(dir, `book-${String(i).padStart(3, '0')}.xlsx`), await wb.toBuffer());
  }
  console.log(' 完成');

  const rounds = 2;
  const floor = [];
  const rollup = [];
  for (let k = 0; k < rounds; k++) {
    if (k % 2 === 0) {
      floor.push(measure('floor', dir, N));
      rollup.push(measure('rollup', dir, N));
    } else {
      rollup.push(measure('rollup', dir, N));
      floor.push(measure('floor', dir, N));
    }
  }
  const small = measure('rollup', dir, 50);
  const smallFloor = measure('floor', dir, 50);
  fs.rmSync(dir, { recursive: true, force: true });

  const best = (xs) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const f = best(floor);
  const r = best(rollup);
  console.log(`\n== 汇总（nianbao rollup）${N} 个工作簿，各自在新进程中运行，${rounds} 轮取最快`);
  console.log(`仅 ExcelJS 从磁盘加载：${(f.ms / 1000).toFixed(2)} s，峰值内存 ${f.maxRssMB.toFixed(0)} MB`);
  console.log(
    `汇总（读入、校验、逐格相加、写出“校验汇总”和“汇总统计表”）：${(r.ms / 1000).toFixed(2)} s，` +
      `比值 ${(r.ms / f.ms).toFixed(2)}；峰值内存 ${r.maxRssMB.toFixed(0)} MB（汇总 ${r.units} 个单位，格式不同 ${r.other} 个）`,
  );
  console.log(
    `峰值内存随文件数：50 个 ${small.maxRssMB.toFixed(0)} MB → ${N} 个 ${r.maxRssMB.toFixed(0)} MB` +
      `（仅加载：50 个 ${smallFloor.maxRssMB.toFixed(0)} MB → ${N} 个 ${f.maxRssMB.toFixed(0)} MB）`,
  );
}

if (process.argv[2] === '--child') {
  child(process.argv[3], process.argv[4], Number(process.argv[5])).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
