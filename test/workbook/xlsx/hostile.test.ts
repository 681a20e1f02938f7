/**
 * Hostile and unusual workbooks cannot hurt the reader: each is read (or refused with a Chinese
 * sentence) within seconds. In-process: what the reader makes of each file. In a child process:
 * `nianbao check` on each file, its time and peak memory (under 10 s and 1 GB).
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gridValue } from '../../../src/core/grid';
import { describeError } from '../../../src/core/messages/errors';
import { readReports } from '../../../src/core/read';
import { runChecks } from '../../../src/core/rules';
import { WorkbookError } from '../../../src/workbook/port';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { LIMITS } from '../../../src/workbook/xlsx/preflight';
import { hostile, table3Address, type Hostile } from '../../fixtures/xlsx/hostile';
import { compiledCli } from '../../helpers/compiled-cli';

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t };
}

async function openAndRead(bytes: Uint8Array) {
  const wb = await XlsxWorkbook.open(bytes, '年报.xlsx');
  const grids = await wb.readAllGrids();
  return { wb, grids, reports: readReports(grids) };
}

describe('hostile workbooks, read in process', () => {
  it('a value in XFD1048576: the grid holds the rows it has, the tables are found', async () => {
    const bytes = await hostile('far-cell');
    const { value, ms } = await timed(() => openAndRead(bytes));
    expect(ms).toBeLessThan(10_000);
    const grid = value.grids.find((g) => g.sheet === '年报')!;
    expect(gridValue(grid, 1048575, 16383)).toBe(1);
    // rows between the tables and the far cell are holes, not arrays
    expect(Object.keys(grid.cells).length).toBeLessThan(200);
    expect(value.reports).toHaveLength(1);
    expect(value.reports[0].tables.map((t) => t.table).sort()).toEqual(['table2', 'table3', 'table4']);
  });

  it('a merge to XFD1048576 is clipped to the cells in use', async () => {
    const bytes = await hostile('huge-merge');
    const { value, ms } = await timed(() => openAndRead(bytes));
    expect(ms).toBeLessThan(10_000);
    const grid = value.grids.find((g) => g.sheet === '年报')!;
    expect(grid.merges).not.toContain('A200:XFD1048576');
    const far = grid.merges!.filter((m) => m.startsWith('A200:'));
    expect(far).toHaveLength(1);
    expect(far[0]).toMatch(/^A200:[A-Z]{1,2}200$/);
    expect(gridValue(grid, 199, 0)).toBe('备注');
    expect(value.reports).toHaveLength(1);
  });

  it('a chain of 1000 formulas without cached results is evaluated without recursion', async () => {
    const bytes = await hostile('deep-chain');
    const { value, ms } = await timed(() => openAndRead(bytes));
    expect(ms).toBeLessThan(10_000);
    const grid = value.grids.find((g) => g.sheet === '年报')!;
    expect(gridValue(grid, 1298, 25)).toBe(1); // Z1299
    expect(gridValue(grid, 299, 25)).toBe(1000); // Z300
  });

  it('an uncached =SUM(R1:XFD1048576) costs the cells that exist', async () => {
    const bytes = await hostile('whole-sheet-sum');
    const { value, ms } = await timed(() => openAndRead(bytes));
    expect(ms).toBeLessThan(10_000);
    const grid = value.grids.find((g) => g.sheet === '年报')!;
    expect(gridValue(grid, 299, 16)).toBe(12); // Q300 = R301 + XFD301
  });

  it('a zip bomb is refused before it is inflated, with a Chinese sentence', async () => {
    const bytes = await hostile('zip-bomb');
    expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const { value: err, ms } = await timed(() => XlsxWorkbook.open(bytes, '年报.xlsx').then(() => undefined, (e: unknown) => e));
    expect(ms).toBeLessThan(2_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe('too-large');
    expect((err as WorkbookError).data.size).toBeGreaterThan(LIMITS.inflated);
    const text = describeError(err as WorkbookError);
    expect(text).toContain('“年报.xlsx”');
    expect(text).toMatch(/解压后超过 200 MB/);
  });

  it('a part that inflates to more than it declares stops at its declared size', async () => {
    const bytes = await hostile('zip-bomb');
    // the sheet's central-directory and local sizes say 1 MB: a lie the inflater must catch
    const patched = new Uint8Array(bytes);
    const view = new DataView(patched.buffer);
    for (let i = 0; i + 46 < patched.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x02014b50 && view.getUint32(i + 24, true) > LIMITS.inflated) view.setUint32(i + 24, 1 << 20, true);
      if (sig === 0x04034b50 && view.getUint32(i + 22, true) > LIMITS.inflated) view.setUint32(i + 22, 1 << 20, true);
    }
    const { value: err, ms } = await timed(() => XlsxWorkbook.open(patched, '年报.xlsx').then(() => undefined, (e: unknown) => e));
    expect(ms).toBeLessThan(2_000);
    expect((err as WorkbookError).code).toBe('too-large');
  });

  it('labels full of bidi and zero-width characters are still the official labels', async () => {
    const bytes = await hostile('bidi-labels');
    const { value } = await timed(() => openAndRead(bytes));
    const grid = value.grids.find((g) => g.sheet === '年报')!;
    expect(grid.cells.flat().some((v) => typeof v === 'string' && /[\u200f\u202b\u2066]/.test(v))).toBe(true);
    expect(value.reports).toHaveLength(1);
    const findings = runChecks(value.reports[0].data, { cells: value.reports[0].cells });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a count above 2^53 is a CELL-VALUE error naming its cell', async () => {
    const bytes = await hostile('above-2-53');
    const { reports } = await openAndRead(bytes);
    const report = reports[0];
    const findings = runChecks(report.data, { cells: report.cells });
    const address = table3Address('new_received', 'natural_person');
    const f = findings.find((x) => x.id === 'CELL-VALUE');
    expect(f).toBeDefined();
    expect(JSON.stringify(f)).toContain(address);
    expect(f!.message).toMatch(/9007199254740991/);
  });
});

/* ------------------------------------------------------------------ nianbao check in a child process */

const KINDS: Hostile[] = ['far-cell', 'huge-merge', 'deep-chain', 'whole-sheet-sum', 'zip-bomb', 'bidi-labels', 'above-2-53'];

interface Figures {
  code: number | null;
  ms: number;
  maxRssKb: number;
  out: string;
}

/** `nianbao check file` in a child node process; its wall time and peak resident memory. */
function runCheck(main: string, file: string): Promise<Figures> {
  const script = `
    const { main } = require(${JSON.stringify(main)});
    const out = (s) => process.stdout.write(s + '\\n');
    main(['check', ${JSON.stringify(file)}], { out, err: (s) => process.stderr.write(s + '\\n') }).then(
      (code) => { process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'); process.exit(code); },
      (e) => { process.stderr.write('内部错误：' + (e && e.message) + '\\nMAXRSS ' + process.resourceUsage().maxRSS + '\\n'); process.exit(2); });`;
  const t = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', script], { timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - t;
      const m = /MAXRSS (\d+)/.exec(stderr);
      const code = error ? ((error as { code?: number }).code ?? null) : 0;
      resolve({ code: typeof code === 'number' ? code : null, ms, maxRssKb: m ? Number(m[1]) : Infinity, out: `${stdout}\n${stderr.replace(/MAXRSS \d+\n?/, '')}` });
    });
  });
}

describe('nianbao check on each hostile file (child process)', () => {
  let dir: string;
  let main: string;
  const figures: Record<string, { seconds: number; peakMB: number; exit: number | null }> = {};

  beforeAll(async () => {
    main = await compiledCli();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-hostile-'));
    for (const k of KINDS) await fs.writeFile(path.join(dir, `${k}.xlsx`), await hostile(k));
  }, 300_000);

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    const out = path.join(__dirname, '..', '..', '..', 'test-output');
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(path.join(out, 'hostile-figures.json'), JSON.stringify(figures, null, 2));
  });

  it.each(KINDS)('%s: ends within 10 s and under 1 GB, with a result or a Chinese sentence', async (kind) => {
    const r = await runCheck(main, path.join(dir, `${kind}.xlsx`));
    figures[kind] = { seconds: Math.round(r.ms / 10) / 100, peakMB: Math.round(r.maxRssKb / 1024), exit: r.code };
    expect(r.out).not.toMatch(/内部错误|Error|at \w+ \(/);
    expect(r.ms).toBeLessThan(10_000);
    expect(r.maxRssKb).toBeLessThan(1024 * 1024);
    if (kind === 'zip-bomb') {
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/解压后超过/);
    } else if (kind === 'above-2-53') {
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/CELL-VALUE/);
    } else {
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/找到：表二.*表三.*表四/);
    }
  }, 40_000);
});
