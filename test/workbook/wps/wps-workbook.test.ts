/**
 * WpsWorkbook behaviour beyond the shared contract (test/workbook/contract): how it uses ET (one
 * call per block), what it keeps in the workbook and where, and how it fails.
 */
import { getFormat } from '../../../src/core/formats';
import { a1, parseA1 } from '../../../src/core/grid';
import { emptyReport } from '../../../src/core/model/report';
import { planTables } from '../../../src/app/create';
import { parseStringFormula } from '../../../src/workbook/office/encode';
import { WorkbookError } from '../../../src/workbook/port';
import { WpsWorkbook, wpsPort } from '../../../src/workbook/wps';
import { META_NAME, MARKS_NAME_PREFIX } from '../../../src/workbook/wps/WpsWorkbook';
import { createWpsFake, type WpsFakeOptions } from '../../fakes/wps-fake';
import type { WpsWorksheet } from '../../../src/workbook/wps/host';

const f21 = getFormat('2021')!;
const plan = planTables({ format: f21, year: 2023, organization: '某某县', manualTotals: false, data: emptyReport(f21, 2023, '某某县', 1) });

function setup(options: WpsFakeOptions = {}) {
  const fake = createWpsFake(options);
  return { ...fake, port: wpsPort(fake.app) };
}

/** every cell of an A1 range */
function cellsOf(range: string): string[] {
  const [p, q] = range.split(':').map((x) => parseA1(x)!);
  const end = q ?? p;
  const out: string[] = [];
  for (let r = p.row; r <= end.row; r++) for (let c = p.col; c <= end.col; c++) out.push(a1(r, c));
  return out;
}

async function rejection(p: Promise<unknown>): Promise<WorkbookError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookError) return e;
    throw e;
  }
  throw new Error('expected a WorkbookError');
}

test('wpsPort gives a WpsWorkbook', () => {
  expect(wpsPort(createWpsFake().app)).toBeInstanceOf(WpsWorkbook);
});

describe('blocks, not cells', () => {
  test('applyPlan writes all values and formulas with one Range.Formula call and reads the block once for conflicts', async () => {
    const { port, handle } = setup({ sheets: [{ name: 'S' }] });
    handle.resetCalls();
    await port.applyPlan('S', plan);
    expect(handle.callCount('Range.Formula=')).toBe(1);
    expect(handle.callCount('Range.Value2=')).toBe(0);
    expect(handle.callCount('Range.Value2')).toBe(1);
    expect(handle.callCount('Range.Formula')).toBe(1);
    const b = plan.bounds;
    expect(handle.calls().find((c) => c.op === 'Range.Formula=')!.address).toBe(`${a1(b.r, b.c)}:${a1(b.r + b.rows - 1, b.c + b.cols - 1)}`);
    // a total is a live formula: typing a figure changes it
    const total = plan.cells.find((c) => c.formula !== undefined && c.style === 'total')!;
    const before = handle.getValue('S', a1(total.r, total.c));
    const input = plan.cells.find((c) => !c.locked && c.kind === 'count' && total.formula!.includes(a1(c.r, c.c)))!;
    handle.userEdit('S', a1(input.r, input.c), 10);
    expect(handle.getValue('S', a1(total.r, total.c))).toBe((before as number) + 9);
  });

  test('readGrid reads the used range with one Value2 and one Formula call, without the empty border ET counts', async () => {
    const { port, handle } = setup({ sheets: [{ name: 'S', cells: { C3: 1, D4: '=C3+1' }, fills: { A1: '#FF0000' } }] });
    handle.resetCalls();
    const grid = await port.readGrid('S');
    expect([handle.callCount('Range.Value2'), handle.callCount('Range.Formula')]).toEqual([1, 1]);
    expect(grid).toEqual({
      sheet: 'S',
      origin: { row: 2, col: 2 },
      cells: [
        [1, null],
        [null, 2],
      ],
      formulas: [
        [null, null],
        [null, 'C3+1'],
      ],
    });
    expect(await port.readGrid(handle.sheetNames()[0])).toEqual(grid);
  });

  test('an empty sheet reads as an empty grid; readAllGrids reads every sheet', async () => {
    const { port } = setup({ sheets: [{ name: 'A' }, { name: 'B', cells: { B2: 'x' } }] });
    const grids = await port.readAllGrids();
    expect(grids.map((g) => [g.sheet, g.cells])).toEqual([
      ['A', []],
      ['B', [['x']]],
    ]);
  });
});

describe('what applyPlan leaves in the sheet', () => {
  test('number formats, column widths in characters, validation, sheet names, print setup, protection and metadata', async () => {
    const { port, handle } = setup({ sheets: [{ name: '年报统计表' }] });
    await port.applyPlan('年报统计表', plan);
    const amount = plan.cells.find((c) => c.kind === 'amount' && c.numFmt)!;
    expect(handle.getCell('年报统计表', a1(amount.r, amount.c)).numberFormat).toBe(amount.numFmt);
    for (const [col, chars] of Object.entries(plan.colWidths)) expect(handle.columnWidth('年报统计表', a1(0, Number(col)).replace(/\d+$/, ''))).toBe(chars);
    // every value cell has its kind's rule and texts, in fewer, larger ranges than the plan lists
    const covered = new Map<string, string>();
    for (const v of handle.validations('年报统计表')) for (const c of cellsOf(v.range)) covered.set(c, JSON.stringify([v.type, v.operator, v.formula1, v.inputTitle, v.inputMessage]));
    const wanted = new Map<string, string>();
    const rule = { count: [1, 7, 0], signed: [1, 1, -999999999], amount: [2, 7, 0] };
    for (const v of plan.validations) for (const c of cellsOf(v.range)) wanted.set(c, JSON.stringify([...rule[v.kind], v.title, v.message]));
    expect(covered).toEqual(wanted);
    expect(handle.validations('年报统计表').length).toBeLessThan(plan.validations.length / 3);
    const names = handle.names('年报统计表');
    for (const n of plan.names) expect(names.find((x) => x.name === n.name)?.refersTo).toMatch(/^='年报统计表'!\$[A-Z]+\$\d+/);
    const meta = names.find((n) => n.name === META_NAME)!;
    expect(meta.visible).toBe(false);
    expect(JSON.parse(parseStringFormula(meta.refersTo)!)).toMatchObject({ format: '2021', year: 2023 });
    expect(handle.pageSetup('年报统计表')).toMatchObject({ PaperSize: 9, PrintArea: expect.stringMatching(/^\$A\$1:\$/), CenterHorizontally: true });
    expect(handle.isProtected('年报统计表')).toBe(plan.protect);
    const value = plan.cells.find((c) => !c.locked)!;
    expect(handle.getCell('年报统计表', a1(value.r, value.c)).locked).toBe(false);
  });

  test('with overwrite, a merged area of the user straddling the tables’ edge is undone before the block is written', async () => {
    const { port, app, handle } = setup({ sheets: [{ name: 'S' }] });
    const b = plan.bounds;
    const straddle = `${a1(b.r + 2, b.c + b.cols - 1)}:${a1(b.r + 2, b.c + b.cols)}`;
    const ws = app.ActiveWorkbook!.Worksheets.Item('S');
    ws.Range(straddle).Merge();
    ws.Range(straddle.split(':')[0]).Value2 = '用户的合并单元格';
    await port.applyPlan('S', plan, { overwrite: true });
    const want = plan.merges.map((m) => `${a1(m.r, m.c)}:${a1(m.r + m.rs - 1, m.c + m.cs - 1)}`);
    expect(handle.merges('S').sort()).toEqual(want.sort());
  });

  test('applying again over its own protected tables with overwrite unprotects, rewrites and protects again', async () => {
    const { port, handle } = setup({ sheets: [{ name: 'S' }] });
    await port.applyPlan('S', plan);
    const first = { cells: handle.cells('S'), merges: handle.merges('S'), validations: handle.validations('S') };
    await port.applyPlan('S', plan, { overwrite: true });
    expect(handle.isProtected('S')).toBe(plan.protect);
    expect({ cells: handle.cells('S'), merges: handle.merges('S'), validations: handle.validations('S') }).toEqual(first);
  });
});

describe('sheets and selection', () => {
  test('addSheet adds at the end and leaves the user on the sheet they were on', async () => {
    const { port, handle } = setup({ sheets: [{ name: 'A' }, { name: 'B' }], activeSheet: 'A' });
    expect(await port.addSheet('年报统计表')).toBe('年报统计表');
    expect(handle.sheetNames()).toEqual(['A', 'B', '年报统计表']);
    expect(handle.activeSheet()).toBe('A');
  });

  test('a missing sheet is WorkbookError no-sheet; no open workbook is WorkbookError host', async () => {
    const { port } = setup();
    expect((await rejection(port.readGrid('缺少'))).code).toBe('no-sheet');
    expect((await rejection(port.select('缺少', 'A1'))).code).toBe('no-sheet');
    const none = new WpsWorkbook({ ActiveWorkbook: null, ActiveCell: null });
    expect((await rejection(none.listSheets())).code).toBe('host');
    expect(await none.activeCell()).toBeNull();
  });

  test('a host whose Item answers null for a missing name (as some WPS add-in code expects) gives no-sheet too', async () => {
    const { app } = setup({ sheets: [{ name: 'S' }] });
    const real = app.ActiveWorkbook!;
    const lenient = {
      ActiveCell: null,
      ActiveWorkbook: {
        Name: real.Name,
        Names: real.Names,
        ActiveSheet: real.ActiveSheet,
        Worksheets: {
          get Count() {
            return real.Worksheets.Count;
          },
          Item: (i: number | string) => (typeof i === 'string' && i !== 'S' ? (null as unknown as WpsWorksheet) : real.Worksheets.Item(i)),
          Add: real.Worksheets.Add.bind(real.Worksheets),
        },
      },
    };
    const port = new WpsWorkbook(lenient);
    expect((await rejection(port.readGrid('缺少'))).code).toBe('no-sheet');
    expect(await port.listSheets()).toEqual(['S']);
  });

  test('an ET error (a bad address) becomes WorkbookError host naming the operation', async () => {
    const { port } = setup({ sheets: [{ name: 'S' }] });
    const e = await rejection(port.select('S', 'not-an-address'));
    expect(e.code).toBe('host');
    expect(e.data).toMatchObject({ operation: 'select', sheet: 'S' });
  });
});

describe('kept in the workbook', () => {
  test('highlight marks survive a new port on the same workbook (the pane reloaded), which can clear them', async () => {
    const { app, handle } = setup({ sheets: [{ name: 'S', cells: { A1: 1, B1: 2 } }] });
    handle.setFill('S', 'B1', '#00B050');
    await wpsPort(app).highlight([
      { sheet: 'S', address: 'A1', severity: 'error' },
      { sheet: 'S', address: 'B1', severity: 'warning' },
    ]);
    expect(handle.names().map((n) => n.name)).toEqual([`${MARKS_NAME_PREFIX}0`]);
    expect(handle.names()[0].visible).toBe(false);
    await wpsPort(app).clearHighlights();
    expect([handle.getFill('S', 'A1'), handle.getFill('S', 'B1')]).toEqual([null, '#00B050']);
    expect(handle.names()).toEqual([]);
  });

  test('metadata the ExcelJS port left in its hidden sheet is read when the sheet has no name of its own', async () => {
    const { port } = setup({
      sheets: [
        { name: '年报统计表' },
        { name: '_nianbao_meta', cells: { A1: 'meta', B1: '年报统计表', C1: "'2019", D1: "'2020", E1: '某某局', F1: "'1" } },
      ],
    });
    expect(await port.getMetadata('年报统计表')).toEqual({ format: '2019', year: 2020, organization: '某某局', manualTotals: true });
    await port.setMetadata('年报统计表', { format: '2021', year: 2023, organization: '某某局', manualTotals: false });
    expect(await port.getMetadata('年报统计表')).toEqual({ format: '2021', year: 2023, organization: '某某局', manualTotals: false });
  });
});

describe('onChanged', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  test('one SheetChange listener for all handlers, removed with the last; handlers run after the ET call returned', async () => {
    const { port, handle } = setup({ sheets: [{ name: 'S' }] });
    const a: string[] = [];
    const b: string[] = [];
    const offA = port.onChanged!((c) => a.push(`${c.sheet}!${c.address}`));
    const offB = port.onChanged!((c) => b.push(`${c.sheet}!${c.address}`));
    expect(handle.listenerCount()).toBe(1);
    handle.userEdit('S', 'B2', 1);
    expect(a).toEqual([]); // not inside the edit
    await tick();
    expect([a, b]).toEqual([['S!B2'], ['S!B2']]);
    offA();
    expect(handle.listenerCount()).toBe(1);
    await port.writeValues([{ sheet: 'S', address: 'C3', value: 5 }]); // the port's own writes are changes too
    await tick();
    expect([a, b]).toEqual([['S!B2'], ['S!B2', 'S!C3']]);
    offB();
    offB();
    expect(handle.listenerCount()).toBe(0);
  });

  test('without ApiEvent the handler is never called and removing it is harmless', async () => {
    const { port, handle } = setup({ noApiEvent: true });
    const seen: unknown[] = [];
    const off = port.onChanged!((c) => seen.push(c));
    handle.userEdit('Sheet1', 'A1', 1);
    await tick();
    off();
    expect(seen).toEqual([]);
  });
});
