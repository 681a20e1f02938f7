/**
 * The reader's shortcut for sheets in our own layout (src/core/read/own-layout.ts) must give
 * exactly what the long way gives: on our layout filled in every way a sheet can be (blanks,
 * numbers, formula results not known, the check row showing anything, any title), and on sheets
 * that differ from it by one change (an edited label, text in a number cell, a note beside the
 * table, a deleted row …), where the shortcut must step aside.
 */
import fc from 'fast-check';
import { getFormat } from '../../../src/core/formats';
import type { FormatDef } from '../../../src/core/formats/types';
import type { CellValue, Grid } from '../../../src/core/grid';
import { buildSheetPlan } from '../../../src/core/layout/build';
import { readReports } from '../../../src/core/read';
import { ownLayoutFormat } from '../../../src/core/read/own-layout';
import { emptyReport } from '../../../src/core/model/report';
import { createReportSheets } from '../../../src/app/create';
import { TABLE_SHEET } from '../../../src/app/sheets';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';

const F2021 = getFormat('2021')!;

/** Texts a person might leave in the title or in the check row: plain, and ones that look like labels. */
const FREE_TEXTS = [
  '某某县人民政府办公室2023年政府信息公开工作年度报告统计表',
  '平衡',
  '不平衡，差3',
  '不平衡，差-12',
  '行政复议',
  '信息内容',
  '本年新制作数量',
  '本年制发件数',
  '商业企业',
  '（三）不予公开1.属于国家秘密',
  '行政诉讼（未经复议直接起诉）',
  '二、主动公开政府信息情况',
  '总计',
  '自然人',
  '统计表',
  '备注',
];

type Slot = 'label' | 'value' | 'free' | 'empty';

interface Layout {
  format: FormatDef;
  /** sheet-absolute, from A1 */
  cells: CellValue[][];
  kinds: Map<string, Slot>;
  labels: [number, number][];
  values: [number, number][];
  free: [number, number][];
  bounds: { r: number; c: number; rows: number; cols: number };
}

function layout(format: FormatDef, origin: { row: number; col: number }, year: number, org: string, manualTotals: boolean): Layout {
  const plan = buildSheetPlan(format, { year, organization: org, origin, manualTotals });
  const b = plan.bounds;
  const cells: CellValue[][] = Array.from({ length: b.r + b.rows }, () => new Array<CellValue>(b.c + b.cols).fill(null));
  const kinds = new Map<string, Slot>();
  const labels: [number, number][] = [];
  const values: [number, number][] = [];
  const free: [number, number][] = [];
  for (const p of plan.cells) {
    if (p.style === 'value' || p.style === 'total') {
      values.push([p.r, p.c]);
      kinds.set(`${p.r},${p.c}`, 'value');
    } else if (p.style === 'title' || p.formula !== undefined) {
      free.push([p.r, p.c]);
      kinds.set(`${p.r},${p.c}`, 'free');
      cells[p.r][p.c] = p.style === 'title' ? (p.value as string) : '平衡';
    } else if (typeof p.value === 'string') {
      labels.push([p.r, p.c]);
      kinds.set(`${p.r},${p.c}`, 'label');
      cells[p.r][p.c] = p.value;
    }
  }
  return { format, cells, kinds, labels, values, free, bounds: b };
}

/** The used range of a sheet, as the ports read it. */
function usedGrid(sheet: string, all: CellValue[][]): Grid {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  all.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }),
  );
  if (bottom < 0) return { sheet, origin: { row: 0, col: 0 }, cells: [] };
  const cells = all.slice(top, bottom + 1).map((row) => {
    const out = row.slice(left, right + 1);
    while (out.length < right - left + 1) out.push(null);
    return out;
  });
  return { sheet, origin: { row: top, col: left }, cells };
}

const valueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 99 }), weight: 4 },
  { arbitrary: fc.integer({ min: -20, max: 20 }), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 999_999 }).map((n) => n / 10_000), weight: 1 },
);

/** What the title and the check row's results hold when the sheet is only filled in. */
const PLAIN_FREE: CellValue[] = [FREE_TEXTS[0], '平衡', '不平衡，差3', '不平衡，差-12', '备注', null, 0, -3];

const plainFreeArb: fc.Arbitrary<CellValue> = fc.constantFrom(...PLAIN_FREE);

const anyFreeArb: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constantFrom(...FREE_TEXTS), weight: 4 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.integer({ min: -5, max: 5 }), weight: 1 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 12 }), weight: 1 },
);

/** One change that takes a sheet away from the layout. */
type Change =
  | { kind: 'label'; i: number; text: string }
  | { kind: 'value-text'; i: number; text: string }
  | { kind: 'extra'; r: number; c: number; v: CellValue }
  | { kind: 'delete-row'; i: number }
  | { kind: 'blank-label'; i: number };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('label' as const), i: fc.nat(), text: fc.constantFrom('规 章', '商业 企业', '政府集中釆购', '行政许可', '其它', '合计', '（二）部分公开') }),
  fc.record({ kind: fc.constant('value-text' as const), i: fc.nat(), text: fc.constantFrom('+2', '251000元', '无', '-', '3件', ' ', 'abc') }),
  fc.record({ kind: fc.constant('extra' as const), r: fc.nat({ max: 70 }), c: fc.nat({ max: 20 }), v: fc.oneof(fc.constantFrom<CellValue>('注：', '行政复议', '合计', 5, true, ' '), fc.string()) }),
  fc.record({ kind: fc.constant('delete-row' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('blank-label' as const), i: fc.nat() }),
);

interface Seed {
  format: '2019' | '2021';
  row: number;
  col: number;
  manual: boolean;
  values: CellValue[];
  free: CellValue[];
  change?: Change;
}

const seedArb = (withChange: boolean, free: fc.Arbitrary<CellValue> = anyFreeArb): fc.Arbitrary<Seed> =>
  fc.record({
    format: fc.constantFrom('2019' as const, '2021' as const),
    row: fc.nat({ max: 4 }),
    col: fc.nat({ max: 3 }),
    manual: fc.boolean(),
    values: fc.array(valueArb, { minLength: 300, maxLength: 300 }),
    free: fc.array(free, { minLength: 10, maxLength: 10 }),
    change: withChange ? changeArb : fc.constant(undefined),
  });

/** The sheet a seed describes: the layout, filled in, maybe changed once. */
function sheetOf(seed: Seed): { l: Layout; sheet: CellValue[][] } {
  const f = getFormat(seed.format)!;
  const l = layout(f, { row: seed.row, col: seed.col }, f.id === '2019' ? 2020 : 2023, '某某县人民政府办公室', seed.manual);
  const sheet = l.cells.map((r) => [...r]);
  l.values.forEach(([r, c], i) => (sheet[r][c] = seed.values[i % seed.values.length]));
  l.free.forEach(([r, c], i) => {
    const v = seed.free[i % seed.free.length];
    // the title stays (a sheet without its title is another layout, read the long way)
    sheet[r][c] = r === l.bounds.r && c === l.bounds.c && v === null ? FREE_TEXTS[0] : v;
  });
  if (seed.change) apply(l, sheet, seed.change);
  return { l, sheet };
}

function apply(l: Layout, sheet: CellValue[][], ch: Change): void {
  switch (ch.kind) {
    case 'label': {
      const [r, c] = l.labels[ch.i % l.labels.length];
      sheet[r][c] = ch.text;
      break;
    }
    case 'value-text': {
      const [r, c] = l.values[ch.i % l.values.length];
      sheet[r][c] = ch.text;
      break;
    }
    case 'extra': {
      while (sheet.length <= ch.r) sheet.push([]);
      const row = sheet[ch.r];
      while (row.length <= ch.c) row.push(null);
      if (l.kinds.get(`${ch.r},${ch.c}`) === undefined) row[ch.c] = ch.v;
      break;
    }
    case 'delete-row': {
      const r = l.bounds.r + 3 + (ch.i % (l.bounds.rows - 3));
      sheet.splice(r, 1);
      break;
    }
    case 'blank-label': {
      const [r, c] = l.labels[ch.i % l.labels.length];
      sheet[r][c] = null;
      break;
    }
  }
}

const both = (grid: Grid, metadata?: Record<string, { format: string; year: number; organization: string }>) => ({
  shortcut: readReports([grid], { metadata }),
  long: readReports([grid], { metadata, shortcut: false }),
});

/** whether the shortcut takes the sheet (our layout, only filled in) */
function shortcutTook(grid: Grid, format: FormatDef): boolean {
  return ownLayoutFormat(grid) === format;
}

describe('reading our own layout without searching', () => {
  test('a filled-in layout: the shortcut takes it, and the result is the long way’s', () => {
    fc.assert(
      fc.property(seedArb(false, plainFreeArb), fc.boolean(), (seed, withMeta) => {
        const { l, sheet } = sheetOf(seed);
        const grid = usedGrid('年报统计表', sheet);
        const meta = withMeta ? { 年报统计表: { format: l.format.id, year: 2023, organization: '某单位' } } : undefined;
        expect(shortcutTook(grid, l.format)).toBe(true);
        const { shortcut, long } = both(grid, meta);
        expect(shortcut).toEqual(long);
        expect(long).toHaveLength(1);
        expect(long[0].issues).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test('a title or check row holding anything (also label-like texts): the same result as the long way', () => {
    fc.assert(
      fc.property(seedArb(false), (seed) => {
        const grid = usedGrid('年报统计表', sheetOf(seed).sheet);
        const { shortcut, long } = both(grid);
        expect(shortcut).toEqual(long);
      }),
      { numRuns: 150 },
    );
  });

  test('one change away from the layout: the same result as the long way', () => {
    fc.assert(
      fc.property(seedArb(true), (seed) => {
        const { sheet } = sheetOf(seed);
        const grid = usedGrid('年报统计表', sheet);
        const { shortcut, long } = both(grid);
        expect(shortcut).toEqual(long);
      }),
      { numRuns: 250 },
    );
  });

  test('a label changed, text in a number cell, a note beside the table: the shortcut steps aside', () => {
    const l = layout(F2021, { row: 0, col: 0 }, 2023, '某单位', false);
    const filled = l.cells.map((r) => [...r]);
    l.values.forEach(([r, c]) => (filled[r][c] = 1));
    expect(shortcutTook(usedGrid('S', filled), l.format)).toBe(true);

    const label = filled.map((r) => [...r]);
    const [lr, lc] = l.labels[20];
    label[lr][lc] = `${label[lr][lc] as string} `;
    expect(shortcutTook(usedGrid('S', label), l.format)).toBe(false);

    const text = filled.map((r) => [...r]);
    const [vr, vc] = l.values[5];
    text[vr][vc] = '251000元';
    expect(shortcutTook(usedGrid('S', text), l.format)).toBe(false);
    const issues = readReports([usedGrid('S', text)])[0].issues;
    expect(issues.map((i) => i.kind)).toContain('unit-in-cell');

    const note = filled.map((r) => [...r, null]);
    note[10][l.bounds.cols] = '注：本表由办公室填写';
    expect(shortcutTook(usedGrid('S', note), l.format)).toBe(false);
    expect(readReports([usedGrid('S', note)])).toEqual(readReports([usedGrid('S', note)], { shortcut: false }));
  });
  test('several sheets of the layout under different names (a county office’s collected workbook): each read with its own sheet name', () => {
    const sheets = ['财政局', '教育局', "It's 局", '卫健委'].map((name, i) => {
      const l = layout(F2021, { row: i % 2, col: i % 3 }, 2023, `某某县${name}`, i % 2 === 0);
      const cells = l.cells.map((r) => [...r]);
      l.values.forEach(([r, c], j) => (cells[r][c] = (i + j) % 7));
      return usedGrid(name, cells);
    });
    for (const g of sheets) expect(shortcutTook(g, F2021)).toBe(true);
    const shortcut = readReports(sheets);
    expect(shortcut).toEqual(readReports(sheets, { shortcut: false }));
    expect(shortcut.map((r) => r.cells.table3?.new_received.total.sheet)).toEqual(['财政局', '教育局', "It's 局", '卫健委']);
  });
});

describe('our own layout read back from an .xlsx file', () => {
  test.each(['2019', '2021'] as const)('%s format, formula and manual totals: the shortcut takes the sheet, with the long way’s result', async (id) => {
    const format = getFormat(id)!;
    const year = id === '2019' ? 2020 : 2023;
    for (const manualTotals of [false, true]) {
      const data = emptyReport(format, year, '某某县人民政府办公室', 0);
      data.table3.new_received.natural_person = 5;
      const created = await XlsxWorkbook.create();
      await createReportSheets(created, { format, year, organization: '某某县人民政府办公室', manualTotals, data });
      const wb = await XlsxWorkbook.open(await created.toBuffer(), 'a.xlsx');
      const grid = (await wb.readAllGrids()).find((g) => g.sheet === TABLE_SHEET)!;
      expect(shortcutTook(grid, format)).toBe(true);
      const { shortcut, long } = both(grid);
      expect(shortcut).toEqual(long);
      expect(shortcut[0].data.table3.new_received.natural_person).toBe(5);
      expect(shortcut[0].issues).toEqual([]);
    }
  });
});
