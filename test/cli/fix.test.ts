/** `nianbao fix`: each fix listed before it is written, written only where asked, changing only the cells it listed. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { run, tmpDir } from './helpers';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'kuquan-2020.json');

async function grids(file: string) {
  const wb = await XlsxWorkbook.open(new Uint8Array(await fs.readFile(file)), path.basename(file));
  return wb.readAllGrids();
}

/** Cells whose typed value differs between two workbooks, as sheet!A1 (formula results follow their inputs). */
async function changedCells(a: string, b: string): Promise<string[]> {
  const [ga, gb] = [await grids(a), await grids(b)];
  const out: string[] = [];
  for (const g of ga) {
    const h = gb.find((x) => x.sheet === g.sheet)!;
    const rows = Math.max(g.cells.length, h.cells.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(g.cells[r]?.length ?? 0, h.cells[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        if (g.formulas?.[r]?.[c] || h.formulas?.[r]?.[c]) continue;
        const va = g.cells[r]?.[c] ?? null;
        const vb = h.cells[r]?.[c] ?? null;
        if (va !== vb) out.push(`${g.sheet}!${String.fromCharCode(65 + g.origin.col + c)}${g.origin.row + r + 1}`);
      }
    }
  }
  return out;
}

/** The cells a fix listed (lines “  sheet!A1  label：from → to”). */
function listed(out: string): string[] {
  return out
    .split('\n')
    .map((l) => /^ {2}(\S+!\w+\d+) {2}/.exec(l)?.[1])
    .filter((x): x is string => !!x);
}

describe('nianbao fix', () => {
  test('--zeros on a fresh template: previewed without writing, then written to -o; the check then has no blank findings', async () => {
    const dir = await tmpDir();
    const book = path.join(dir, 't.xlsx');
    expect((await run('init', '--year', '2024', '-o', book)).code).toBe(0);
    const before = await fs.readFile(book);
    const preview = await run('fix', book, '--zeros');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('以上只是预览，没有写入');
    expect(listed(preview.out).length).toBe(166);
    expect(await fs.readFile(book)).toEqual(before); // nothing written

    const out = path.join(dir, 'z.xlsx');
    const done = await run('fix', book, '--zeros', '-o', out);
    expect(done.code).toBe(0);
    expect((await changedCells(book, out)).sort()).toEqual(listed(done.out).sort());
    const check = await run('check', out, '--json');
    const ids = JSON.parse(check.out).files[0].findings.map((f: { id: string }) => f.id);
    expect(ids).not.toContain('CELL-BLANK');
    expect(ids).not.toContain('TABLE-UNFILLED');
    expect(check.code).toBe(0);
  });

  test('--zeros never fills a blank total whose parts are not all blank or 0, nor a non-empty cell', async () => {
    const dir = await tmpDir();
    const book = path.join(dir, 'm.xlsx');
    const data = JSON.parse(await fs.readFile(SAMPLE, 'utf8'));
    data.table3.new_received.natural_person = 5;
    data.table3.new_received.total = null; // a hand total left blank, its row adds up to 5
    data.table3.carried_over.natural_person = null;
    const json = path.join(dir, 'd.json');
    await fs.writeFile(json, JSON.stringify(data));
    expect((await run('init', '--data', json, '--manual-totals', '-o', book)).code).toBe(0);
    const r = await run('fix', book, '--zeros', '-o', path.join(dir, 'z.xlsx'));
    const cells = listed(r.out);
    const g = (await grids(book)).find((x) => x.sheet === '年报统计表')!;
    const value = (ref: string) => {
      const m = /!([A-Z]+)(\d+)$/.exec(ref)!;
      return g.cells[Number(m[2]) - 1 - g.origin.row]?.[m[1].charCodeAt(0) - 65 - g.origin.col] ?? null;
    };
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(value(c)).toBeNull(); // only empty cells
    const after = await run('check', path.join(dir, 'z.xlsx'), '--json');
    const blankTotal = JSON.parse(after.out).files[0].findings.find((f: { id: string }) => f.id === 'CELL-BLANK');
    expect(blankTotal?.message ?? '').toMatch(/应为 5/); // still blank: the fix left it to the user (or --totals)
  });

  test('--totals sets a hand-typed total to the sum of its parts; --force writes in place', async () => {
    const dir = await tmpDir();
    const book = path.join(dir, 'h.xlsx');
    const data = JSON.parse(await fs.readFile(SAMPLE, 'utf8'));
    data.table3.new_received.natural_person = 7;
    data.table3.new_received.total = 3; // wrong: the parts add up to 7
    const json = path.join(dir, 'd.json');
    await fs.writeFile(json, JSON.stringify(data));
    expect((await run('init', '--data', json, '--manual-totals', '-o', book)).code).toBe(0);
    const copy = path.join(dir, 'copy.xlsx');
    await fs.copyFile(book, copy);
    const r = await run('fix', book, '--totals', '--force');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/总计：3 → 7/);
    expect((await changedCells(copy, book)).sort()).toEqual(listed(r.out).sort());
    const exported = JSON.parse((await run('export', book)).out);
    expect(exported.table3.new_received.total).toBe(7);
  });

  test('--likely applies the suggested value of the likely wrong cell (a ×10 slip)', async () => {
    const dir = await tmpDir();
    const data = JSON.parse(await fs.readFile(SAMPLE, 'utf8'));
    const good = path.join(dir, 'good.json');
    // a consistent report with applications: 自然人 receives 12, 8 granted, 4 carried forward
    data.table3.new_received.natural_person = 12;
    data.table3.new_received.total = 12;
    data.table3.granted.natural_person = 8;
    data.table3.granted.total = 8;
    data.table3.total_processed.natural_person = 8;
    data.table3.total_processed.total = 8;
    data.table3.carried_forward.natural_person = 4;
    data.table3.carried_forward.total = 4;
    await fs.writeFile(good, JSON.stringify(data));
    const book = path.join(dir, 'l.xlsx');
    expect((await run('init', '--data', good, '-o', book)).code).toBe(0);
    expect((await run('check', book)).code).toBe(0);
    data.table3.granted.natural_person = 80; // typed one 0 too many
    const bad = path.join(dir, 'bad.json');
    await fs.writeFile(bad, JSON.stringify(data));
    expect((await run('fill', book, '--data', bad)).code).toBe(0);
    expect((await run('check', book)).code).toBe(1);
    const r = await run('fix', book, '--likely', '-o', path.join(dir, 'fixed.xlsx'));
    expect(r.out).toMatch(/80 → 8/);
    expect((await run('check', path.join(dir, 'fixed.xlsx'))).code).toBe(0);
  });

  test('no kind, or two kinds: a clear line and exit 2', async () => {
    expect((await run('fix', 'x.xlsx')).err).toContain('请指定一种修正');
    expect((await run('fix', 'x.xlsx', '--zeros', '--totals')).code).toBe(2);
  });
});

describe('nianbao check on several files', () => {
  test('ends with one line per file, the unreadable one included; --json carries the same summary', async () => {
    const dir = await tmpDir();
    const ok = path.join(dir, 'ok.xlsx');
    expect((await run('init', '--data', SAMPLE, '-o', ok)).code).toBe(0);
    const broken = path.join(dir, 'broken.xlsx');
    await fs.writeFile(broken, 'not a workbook');
    const r = await run('check', ok, broken);
    expect(r.code).toBe(2);
    const lines = r.out.split('\n');
    const at = lines.indexOf('汇总：文件 · 结果 · 错误 · 警告 · 说明');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/ok\.xlsx · (通过|有警告) · 0 · \d+ · /);
    expect(lines[at + 2]).toMatch(/broken\.xlsx · 无法读取 · 0 · 0 · .*broken\.xlsx/);
    const j = JSON.parse((await run('check', ok, broken, '--json')).out);
    expect(j.summary.map((s: { status: string }) => s.status)).toEqual([expect.stringMatching(/pass|warnings/), 'unreadable']);
    expect(j.files).toHaveLength(2);
  });
});
