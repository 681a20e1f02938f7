/**
 * The fake behaves like office.js where the port's correctness depends on it: nothing is readable
 * before sync, typed input is parsed as Excel parses it, selection needs the active sheet,
 * protection and requirement sets are enforced.
 */
import { createFakeOffice, FakeOfficeError, installFakeOffice, type FakeSheetInit } from './excel-fake';

describe('batching', () => {
  test('a loaded property is readable only after sync, and each sync is counted', async () => {
    const office = createFakeOffice({ sheets: [{ name: 'S', cells: { B2: 7 } }] });
    await office.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('B2');
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([[7]]);
    });
    expect(office.workbook.syncCount).toBe(1);
    expect(office.workbook.runCount).toBe(1);
  });

  test('writes run at sync, in order; a failing command rejects the sync', async () => {
    const office = createFakeOffice({ sheets: [{ name: 'S' }] });
    const run = office.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1').values = [[1]];
      expect(office.workbook.getValue('S', 'A1')).toBe(''); // queued, not yet written
      ws.getRange('A1:B1').values = [[1]]; // wrong shape
      ws.getRange('A2').values = [[2]];
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(office.workbook.getValue('S', 'A1')).toBe(1);
    expect(office.workbook.getValue('S', 'A2')).toBe('');
  });

  test('getItem of a missing sheet fails at sync with ItemNotFound; getItemOrNullObject gives a null object', async () => {
    const office = createFakeOffice();
    await expect(
      office.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('无此表').load('name');
        await ctx.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
    const isNull = await office.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('无此表');
      ws.load('name');
      await ctx.sync();
      return ws.isNullObject;
    });
    expect(isNull).toBe(true);
  });
});

describe('input is parsed as Excel parses typed text', () => {
  async function write(value: string, numberFormat?: string) {
    const office = createFakeOffice({ sheets: [{ name: 'S' }] });
    await office.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      if (numberFormat) r.numberFormat = [[numberFormat]];
      r.values = [[value]];
      await ctx.sync();
    });
    return office.workbook.getCell('S', 'A1');
  }

  test.each([
    ['=1+2', 3, '=1+2'],
    ['+5', 5, null],
    ['-3', -3, null],
    ['@x', '#NAME?', '=@x'],
    ['-x', '#NAME?', '=-x'],
    ['TRUE', true, null],
    ['-', '-', null],
    ['规章', '规章', null],
  ])('%s → value %p, formula %p', async (input, value, formula) => {
    const cell = await write(input);
    expect(cell.value).toBe(value);
    expect(cell.formula).toBe(formula);
  });

  test("a leading apostrophe keeps the rest as text and is not part of the value or of formulas", async () => {
    const office = createFakeOffice({ sheets: [{ name: 'S' }] });
    const read = await office.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1:B1');
      r.values = [["'=SUM(A1)", "'+5"]];
      r.load('values,formulas');
      await ctx.sync();
      return { values: r.values, formulas: r.formulas };
    });
    expect(read).toEqual({ values: [['=SUM(A1)', '+5']], formulas: [['=SUM(A1)', '+5']] });
    expect(office.workbook.getCell('S', 'A1')).toMatchObject({ formula: null, quotePrefix: true });
  });

  test("a cell formatted '@' keeps strings as text", async () => {
    expect(await write('=1+2', '@')).toMatchObject({ value: '=1+2', formula: null });
  });

  test('formulas are recalculated when their inputs change', async () => {
    const office = createFakeOffice({ sheets: [{ name: 'S', cells: { A1: 1, A2: 2, A3: '=SUM(A1:A2)', A4: '=IF(A3=3,"平衡","不平衡，差"&(A3-3))' } }] });
    expect(office.workbook.getValue('S', 'A3')).toBe(3);
    expect(office.workbook.getValue('S', 'A4')).toBe('平衡');
    office.workbook.setValue('S', 'A2', 5);
    expect(office.workbook.getValue('S', 'A4')).toBe('不平衡，差3');
  });
});

describe('host rules', () => {
  test('select() on a sheet that is not active fails; after activate() it works', async () => {
    const office = createFakeOffice({ sheets: [{ name: 'A' }, { name: 'B' }] });
    await expect(
      office.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('B').getRange('C3').select();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidSelection' });
    await office.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('B');
      ws.activate();
      ws.getRange('C3').select();
      await ctx.sync();
    });
    expect(office.workbook.selection()).toEqual({ sheet: 'B', address: 'C3' });
  });

  test('a protected sheet refuses writes to locked cells, not to unlocked ones', async () => {
    const office = createFakeOffice({ sheets: [{ name: 'S' }] });
    await office.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('B2').format.protection.locked = false;
      ws.protection.protect({ allowFormatCells: true });
      await ctx.sync();
    });
    const write = (address: string) =>
      office.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange(address).values = [[1]];
        await ctx.sync();
      });
    await expect(write('A1')).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(write('B2')).resolves.toBeUndefined();
  });

  test('APIs above the configured ExcelApi version fail with ApiNotFound', async () => {
    const office = createFakeOffice({ excelApi: '1.8', sheets: [{ name: 'S' }] });
    expect(office.Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(office.Office.context.requirements.isSetSupported('ExcelApi', '1.12')).toBe(false);
    await expect(
      office.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').customProperties.add('k', 'v');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('installFakeOffice', () => {
  test('defines Office and Excel on the given global and exposes the handle', async () => {
    const win: Record<string, unknown> = {};
    const handle = installFakeOffice(win, { displayLanguage: 'en-US', sheets: [{ name: '表1', cells: { A1: '草稿' } }] });
    expect(win.Excel).toBe(handle.Excel);
    expect(win.Office).toBe(handle.Office);
    expect(win.__fakeOffice).toBe(handle);
    const office = win.Office as typeof handle.Office;
    await expect(office.onReady()).resolves.toMatchObject({ host: 'Excel' });
    expect(office.context.displayLanguage).toBe('en-US');
    expect(handle.workbook.getValue('表1', 'A1')).toBe('草稿');
    expect(handle.workbook.activeSheet()).toBe('表1');
  });
});

describe('simulating hosts and failures', () => {
  test("host: null makes Office.onReady report no host (office.js outside Office)", async () => {
    const office = createFakeOffice({ host: null });
    await expect(office.Office.onReady()).resolves.toEqual({ host: null, platform: null });
  });

  test('failNextSync makes exactly the next sync fail with the given code', async () => {
    const office = createFakeOffice({ sheets: [{ name: 'S' }] });
    office.workbook.failNextSync('GeneralException');
    const write = () =>
      office.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[1]];
        await ctx.sync();
      });
    await expect(write()).rejects.toMatchObject({ code: 'GeneralException' });
    expect(office.workbook.getValue('S', 'A1')).toBe('');
    await expect(write()).resolves.toBeUndefined();
    expect(office.workbook.getValue('S', 'A1')).toBe(1);
  });
});

describe('charts', () => {
  const sheets: FakeSheetInit[] = [
    { name: 'S', cells: { A1: '甲', B1: 3, C1: 1, A2: '乙', B2: 5, C2: 0 } },
    { name: 'T', cells: { A1: 9 } },
  ];

  test('charts.add draws from a range of its own sheet: the text column is the categories, each other column a series, read from the cells', async () => {
    const office = createFakeOffice({ sheets });
    await office.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const chart = ws.charts.add('BarClustered', ws.getRange('A1:C2'), 'Columns');
      chart.name = '甲乙';
      chart.title.text = '申请';
      chart.series.getItemAt(1).name = '错误';
      chart.setPosition('E3');
      chart.width = 400;
      expect(() => chart.width).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
    });
    office.workbook.setValue('S', 'B2', 8);
    expect(office.workbook.charts('S')).toEqual([
      expect.objectContaining({
        name: '甲乙',
        type: 'BarClustered',
        title: '申请',
        source: 'A1:C2',
        categories: ['甲', '乙'],
        series: [
          { name: '系列1', values: [3, 8] },
          { name: '错误', values: [1, 0] },
        ],
        position: 'E3',
        width: 400,
      }),
    ]);
    expect(office.workbook.charts('T')).toEqual([]);
  });

  test.each([
    ['an unknown chart type', (ws: Ws) => ws.charts.add('Pyramid3DWobble', ws.getRange('A1:C2')), 'InvalidArgument'],
    ['a range on another sheet', (ws: Ws, other: Ws) => ws.charts.add('Pie', other.getRange('A1')), 'InvalidArgument'],
    ['a bad address', (ws: Ws) => ws.charts.add('Pie', ws.getRange('A0:ZZZZ1')), 'InvalidArgument'],
    ['a series the chart does not have', (ws: Ws) => (ws.charts.add('Pie', ws.getRange('A1:B2')).series.getItemAt(1).name = 'x'), 'ItemNotFound'],
    ['a second chart of the same name', (ws: Ws) => ['a', 'A'].forEach((n) => (ws.charts.add('Pie', ws.getRange('A1:B2')).name = n)), 'ItemAlreadyExists'],
  ])('charts.add refuses %s at sync, as Excel does', async (_what, make, code) => {
    const office = createFakeOffice({ sheets });
    await expect(
      office.Excel.run(async (ctx) => {
        make(ctx.workbook.worksheets.getItem('S'), ctx.workbook.worksheets.getItem('T'));
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code });
  });

  test('a bar chart’s category order is reversed with ExcelApi 1.7; below it the call fails with ApiNotFound', async () => {
    const reverse = (excelApi: string) => {
      const office = createFakeOffice({ sheets, excelApi });
      return office.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.charts.add('BarClustered', ws.getRange('A1:C2')).axes.categoryAxis.reversePlotOrder = true;
        await ctx.sync();
        return office.workbook.charts('S')[0].reversed;
      });
    };
    expect(await reverse('1.7')).toBe(true);
    await expect(reverse('1.6')).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('charts are listed by name after a load and deleted at sync', async () => {
    const office = createFakeOffice({ sheets });
    await office.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.charts.add('Pie', ws.getRange('A1:B2')).name = 'one';
      ws.charts.add('ColumnClustered', ws.getRange('A1:C2')).name = 'two';
      ws.charts.load('items/name');
      await ctx.sync();
      expect(ws.charts.items.map((c) => c.name)).toEqual(['one', 'two']);
      ws.charts.items[0].delete();
      await ctx.sync();
    });
    expect(office.workbook.charts('S').map((c) => c.name)).toEqual(['two']);
  });
});

type Ws = import('../../src/workbook/office/host').HostWorksheet;
