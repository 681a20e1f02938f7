/**
 * `nianbao rollup` (folders, the board, -o 汇总.xlsx / 汇总.html, --json, exit codes) and
 * `nianbao note` with `nianbao check` (已核实, --strict, disposition in --json).
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { createReportSheets } from '../../src/app/create';
import { getFormat } from '../../src/core/formats';
import type { ReportData } from '../../src/core/model/report';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { consistentReport } from '../helpers/arbitrary';
import { run, tmpDir } from './helpers';

const F2021 = getFormat('2021')!;
const F2019 = getFormat('2019')!;

function unit(organization: string, seed: number, format = F2021, year = 2023): ReportData {
  return fc.sample(consistentReport(format, { year, organization }), { seed, numRuns: 1 })[0];
}

async function write(file: string, data: ReportData, manualTotals = false): Promise<void> {
  const wb = XlsxWorkbook.create();
  await createReportSheets(wb, { format: data.format === '2019' ? F2019 : F2021, year: data.year, organization: data.organization, manualTotals, data });
  await fs.writeFile(file, await wb.toBuffer());
}

describe('nianbao rollup', () => {
  let dir: string;
  let units: ReportData[];
  beforeAll(async () => {
    dir = await tmpDir();
    await fs.mkdir(path.join(dir, 'in', 'sub'), { recursive: true });
    units = [unit('某某区教育局', 1), unit('某某镇人民政府', 2), unit('某某街道办事处', 3)];
    await write(path.join(dir, 'in', 'a.xlsx'), units[0]);
    await write(path.join(dir, 'in', 'b.xlsx'), units[1]);
    await write(path.join(dir, 'in', 'sub', 'c.xlsx'), units[2]);
    await write(path.join(dir, 'in', 'old.xlsx'), unit('某某市生态环境局', 4, F2019, 2020));
    await fs.writeFile(path.join(dir, 'in', 'notes.txt'), '不是工作簿');
    await fs.writeFile(path.join(dir, 'broken.xlsx'), '不是工作簿');
  });

  test('a folder and a file: the board, the consolidated tables, exit 2 for the unreadable file; the 汇总 checks clean and exports the sums', async () => {
    const out = path.join(dir, '汇总.xlsx');
    const r = await run('rollup', path.join(dir, 'in'), path.join(dir, 'broken.xlsx'), '-o', out);
    expect(r.code).toBe(2);
    expect(r.out).toContain('校验汇总：文件 · 单位 · 年度 · 格式 · 结果 · 错误 · 警告 · 首要问题');
    expect(r.out).toMatch(/a\.xlsx · 某某区教育局 · 2023 · 2021 版 · 通过 · 0 · /);
    expect(r.out).toMatch(/sub[\\/]c\.xlsx · 某某街道办事处 · 2023/);
    expect(r.out).toMatch(/old\.xlsx · 某某市生态环境局 · 2020 · 2019 版 · 年度或格式不同，未汇总/);
    const broken = r.out.split('\n').find((l) => l.includes('broken.xlsx'))!;
    expect(broken.split(' · ').slice(1, 7)).toEqual(['', '', '', '无法读取', '', '']);
    expect(broken.split(' · ')[7].length).toBeGreaterThan(10); // the reason
    expect(r.out).not.toContain('notes.txt');
    expect(r.out).toContain('汇总单位（3 个）：某某区教育局、某某镇人民政府、某某街道办事处');
    expect(r.out).toContain('汇总统计表校验通过。');

    const c = await run('check', out);
    expect(c.code).toBe(0);
    const e = await run('export', out);
    const data = JSON.parse(e.out) as ReportData;
    for (const [row, col] of [['new_received', 'total'], ['granted', 'natural_person'], ['carried_forward', 'total']]) {
      expect(data.table3[row][col]).toBe(units.reduce((s, u) => s + (u.table3[row][col] as number), 0));
    }
    expect(data.table4.admin_review.total).toBe(units.reduce((s, u) => s + (u.table4.admin_review.total as number), 0));
  });

  test('--json: the rows, the units, the consolidated figures; exit 0 when every file passes; an earlier roll-up in the folder is listed, not summed', async () => {
    const out = path.join(dir, 'in', '汇总2.xlsx');
    expect((await run('rollup', path.join(dir, 'in', 'a.xlsx'), path.join(dir, 'in', 'b.xlsx'), '-o', out)).code).toBe(0);
    const r = await run('rollup', path.join(dir, 'in'), '--year', '2023', '--json', '-o', path.join(dir, 'again.xlsx'));
    const json = JSON.parse(r.out);
    expect(json.year).toBe(2023);
    expect(json.format).toBe('2021');
    // 汇总2.xlsx, an earlier roll-up, lies in the folder: listed as such, not summed again
    const files = (json.files as { file: string; status: string }[]).map((f) => [path.basename(f.file), f.status]);
    expect(files.sort()).toEqual([['a.xlsx', 'pass'], ['b.xlsx', 'pass'], ['c.xlsx', 'pass'], ['old.xlsx', 'other'], ['汇总2.xlsx', 'rollup']].sort());
    expect(json.units).toEqual(['某某区教育局', '某某镇人民政府', '某某街道办事处']);
    expect(json.consolidated.table3.new_received.total).toBe(units.reduce((s, u) => s + (u.table3.new_received.total as number), 0));
    expect(r.code).toBe(0);
  });

  test('-o 汇总.html: one self-contained page with the board and the charts as inline SVG', async () => {
    const out = path.join(dir, '汇总.html');
    const r = await run('rollup', path.join(dir, 'in', 'a.xlsx'), path.join(dir, 'in', 'b.xlsx'), '-o', out);
    expect(r.code).toBe(0);
    const html = await fs.readFile(out, 'utf8');
    expect(html).toContain('<table id="board">');
    expect(html.match(/<svg /g)?.length).toBe(2);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain("default-src 'none'");
  });
});

test('the usage lists rollup and note; each has its help; check --help names --strict', async () => {
  const usage = await run('--help');
  expect(usage.out).toContain('nianbao rollup 文件或文件夹');
  expect(usage.out).toContain('nianbao note 工作簿.xlsx --check');
  expect((await run('help', 'rollup')).out).toContain('nianbao rollup — 汇总多个单位的工作簿');
  expect((await run('note', '--help')).out).toContain('nianbao note — 把一个校验问题记为“已核实”');
  expect((await run('check', '--help')).out).toContain('--strict');
});

describe('nianbao note and check', () => {
  test('note → check lists it under 已核实 with its note, exit 0; --strict counts it; --json carries the disposition; a changed number brings it back, stale', async () => {
    const dir = await tmpDir();
    const file = path.join(dir, 'unit.xlsx');
    const data = unit('某某镇人民政府', 9);
    data.table3.granted.natural_person = (data.table3.granted.natural_person as number) + 7;
    await write(file, data, true);

    const before = JSON.parse((await run('check', file, '--json')).out);
    const errors = before.files[0].findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const c1 = await run('check', file);
    expect(c1.code).toBe(1);

    for (const f of errors) {
      const cell = f.likely?.address ?? f.cells.find((c: { address?: string }) => c.address).address;
      const n = await run('note', file, '--check', f.id, '--cell', cell, '--text', '经核实，原始台账如此');
      expect(n.err).toBe('');
      expect(n.code).toBe(0);
      expect(n.out).toContain('已记录核实');
    }
    const c2 = await run('check', file);
    expect(c2.code).toBe(0);
    expect(c2.out).toMatch(/已核实（\d+）/);
    expect(c2.out).toContain('核实说明（');
    expect(c2.out).toContain('经核实，原始台账如此');
    expect((await run('check', file, '--strict')).code).toBe(1);
    const json = JSON.parse((await run('check', file, '--json')).out);
    const verified = json.files[0].findings.filter((f: { disposition?: unknown }) => f.disposition);
    expect(verified.length).toBe(errors.length);
    expect(verified[0].disposition).toMatchObject({ note: '经核实，原始台账如此', stale: false });
    expect(verified[0].disposition.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // a number of the relation changes: back, marked 核实后数值已改变, exit 1 again
    const wb = await XlsxWorkbook.open(new Uint8Array(await fs.readFile(file)), 'unit.xlsx');
    const cell = errors[0].cells.find((c: { address?: string; value?: unknown }) => c.address && typeof c.value === 'number');
    await wb.writeValues([{ sheet: cell.sheet, address: cell.address, value: cell.value + 1 }]);
    await fs.writeFile(file, await wb.toBuffer());
    const c3 = await run('check', file);
    expect(c3.code).toBe(1);
    expect(c3.out).toContain('核实后数值已改变');
  });

  test('note on a check and cell with no finding: a clear line, the current findings, exit 2, file unchanged', async () => {
    const dir = await tmpDir();
    const file = path.join(dir, 'unit.xlsx');
    await write(file, unit('某某镇人民政府', 10));
    const bytes = await fs.readFile(file);
    const n = await run('note', file, '--check', 'T3-ROW-TOTAL', '--cell', 'Z99', '--text', 'x');
    expect(n.code).toBe(2);
    expect(n.err).toContain('没有检查 T3-ROW-TOTAL 在单元格 Z99 的问题');
    expect(Buffer.compare(bytes, await fs.readFile(file))).toBe(0);
    expect((await run('note', file, '--check', 'T3-ROW-TOTAL')).code).toBe(2);
  });
});
