/**
 * OfficeWorkbook on the fake Excel: the plans of both formats written and read back, text kept as
 * text, no overwrite without a yes, highlights restored (also after a reload), select on another
 * sheet, and at most two syncs in one Excel.run per operation.
 */
import { getFormat } from '../../../src/core/formats';
import type { FormatDef } from '../../../src/core/formats';
import { a1, gridValue, parseA1 } from '../../../src/core/grid';
import { buildSheetPlan } from '../../../src/core/layout/build';
import type { SheetPlan } from '../../../src/core/layout/plan';
import { WorkbookError } from '../../../src/workbook/port';
import { PAGE_SETUP } from '../../../src/core/layout/styles';
import { MARK_FILLS, OfficeWorkbook, charsToPoints } from '../../../src/workbook/office';
import { counted, setup } from './helpers';

const F2019 = getFormat('2019') as FormatDef;
const F2021 = getFormat('2021') as FormatDef;

function planFor(format: FormatDef, origin = { row: 0, col: 0 }): SheetPlan {
  return buildSheetPlan(format, { year: format.id === '2019' ? 2020 : 2023, organization: '某某县人民政府办公室', origin });
}

/** every operation: one Excel.run, at most two syncs */
async function op<T>(office: Parameters<typeof counted>[0], f: () => Promise<T>): Promise<T> {
  const { result, runs, syncs } = await counted(office, f);
  expect(runs).toBe(1);
  expect(syncs).toBeLessThanOrEqual(2);
  return result;
}

describe.each([
  ['2019', F2019],
  ['2021', F2021],
])('inserting the %s format', (_id, format) => {
  const origin = { row: 2, col: 1 };
  const plan = planFor(format, origin);

  test('writes every label, formula and merge of the plan, and reads it back as a grid', async () => {
    const { office, port } = setup({ sheets: [{ name: '年报统计表' }] });
    await op(office, () => port.applyPlan('年报统计表', plan));
    const wb = office.workbook;

    for (const cell of plan.cells) {
      const addr = a1(cell.r, cell.c);
      if (cell.formula !== undefined) expect(wb.getFormula('年报统计表', addr)).toBe(`=${cell.formula}`);
      else if (typeof cell.value === 'string') expect(wb.getValue('年报统计表', addr)).toBe(cell.value);
      if (cell.numFmt) expect(wb.getCell('年报统计表', addr).numberFormat).toBe(cell.numFmt);
    }
    expect(new Set(wb.merges('年报统计表'))).toEqual(
      new Set(plan.merges.map((m) => (m.rs === 1 && m.cs === 1 ? a1(m.r, m.c) : `${a1(m.r, m.c)}:${a1(m.r + m.rs - 1, m.c + m.cs - 1)}`))),
    );

    const grid = await op(office, () => port.readGrid('年报统计表'));
    expect(grid.sheet).toBe('年报统计表');
    expect(grid.origin).toEqual(origin);
    for (const cell of plan.cells) {
      if (typeof cell.value === 'string') expect(gridValue(grid, cell.r, cell.c)).toBe(cell.value);
      if (cell.formula !== undefined) expect(grid.formulas?.[cell.r - origin.row]?.[cell.c - origin.col]).toBe(cell.formula);
      else expect(grid.formulas?.[cell.r - origin.row]?.[cell.c - origin.col] ?? null).toBeNull();
    }
  });

  test('formats, widths, validation, names, protection and metadata are applied', async () => {
    const { office, port } = setup({ sheets: [{ name: 'S' }] });
    await op(office, () => port.applyPlan('S', plan));
    const wb = office.workbook;

    const valueCells = plan.cells.filter((c) => !c.locked);
    expect(valueCells.length).toBeGreaterThan(0);
    for (const c of valueCells) expect(wb.getCell('S', a1(c.r, c.c)).locked).toBe(false);
    for (const c of plan.cells.filter((x) => x.locked)) expect(wb.getCell('S', a1(c.r, c.c)).locked).toBe(true);
    expect(wb.protection('S').protected).toBe(plan.protect);

    for (const [col, chars] of Object.entries(plan.colWidths)) {
      const letters = a1(0, Number(col)).replace(/\d+$/, '');
      expect(wb.columnWidth('S', letters)).toBe(charsToPoints(chars));
    }
    for (const [row, points] of Object.entries(plan.rowHeights)) expect(wb.rowHeight('S', Number(row) + 1)).toBe(points);

    for (const v of plan.validations) {
      const rec = wb.validationAt('S', v.range.split(':')[0]);
      expect(rec?.prompt?.title).toBe(v.title);
      const rule = rec?.rule;
      if (v.kind === 'count') expect(rule?.wholeNumber).toMatchObject({ formula1: 0, operator: 'GreaterThanOrEqualTo' });
      if (v.kind === 'signed') expect(rule?.wholeNumber?.operator).toBe('Between');
      if (v.kind === 'amount') expect(rule?.decimal).toMatchObject({ formula1: 0, operator: 'GreaterThanOrEqualTo' });
    }

    for (const border of plan.borders) {
      const [tl, br] = border.split(':');
      expect(wb.getCell('S', tl).borders).toMatchObject({ top: 'Continuous', left: 'Continuous' });
      expect(wb.getCell('S', br ?? tl).borders).toMatchObject({ bottom: 'Continuous', right: 'Continuous' });
    }

    const names = wb.nameList('S');
    for (const n of plan.names) {
      const rec = names.find((x) => x.name === n.name);
      expect(rec?.formula).toBe(`='S'!${n.range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`);
    }
    const layout = wb.pageLayout('S');
    expect(layout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printArea: plan.print.area });
    // the page setup of the style table (the same margins as in the .xlsx file), in points
    const m = PAGE_SETUP.margins;
    for (const side of ['left', 'right', 'top', 'bottom', 'header', 'footer'] as const) expect(layout.margins[side]).toBeCloseTo(m[side] * 72, 2);
    expect(layout.centerHorizontally).toBe(PAGE_SETUP.centerHorizontally);
    // the columns fit the printable width of landscape A4 between those margins at the print scale
    const printable = 842 - layout.margins.left - layout.margins.right;
    let width = 0;
    for (let c = plan.bounds.c; c < plan.bounds.c + plan.bounds.cols; c++) width += wb.columnWidth('S', a1(0, c).replace(/\d+$/, ''));
    expect(layout.zoom.scale).toBeGreaterThanOrEqual(10);
    expect(layout.zoom.scale).toBeLessThanOrEqual(100);
    expect((width * layout.zoom.scale) / 100).toBeLessThanOrEqual(printable);
    if (layout.zoom.scale < 100) expect((width * (layout.zoom.scale + 1)) / 100).toBeGreaterThan(printable);

    await expect(op(office, () => port.getMetadata('S'))).resolves.toEqual(plan.metadata);
  });

  test('the sheet computes: figures typed into value cells give totals and the balance check', async () => {
    const { office, port } = setup({ sheets: [{ name: 'S' }] });
    await port.applyPlan('S', plan);
    const grid = await port.readGrid('S');
    // fill every value cell with 1 through the port (as the fill command does)
    const valueCells = plan.cells.filter((c) => !c.locked);
    await op(office, () => port.writeValues(valueCells.map((c) => ({ sheet: 'S', address: a1(c.r, c.c), value: 1 }))));
    const after = await port.readGrid('S');
    const totals = plan.cells.filter((c) => c.style === 'total');
    expect(totals.length).toBeGreaterThan(0);
    for (const t of totals) {
      const v = gridValue(after, t.r, t.c);
      expect(typeof v).toBe('number');
      expect(v).toBeGreaterThan(1); // a sum of several cells holding 1
    }
    expect(gridValue(grid, totals[0].r, totals[0].c)).toBe(0);
  });
});

describe('text is written as text', () => {
  test.each(['=SUM(A1:A2)', '+2', '-3', '-', '@某某', "'引号", '2021年1月', 'TRUE', '0012'])('%s', async (text) => {
    const { office, port } = setup({ sheets: [{ name: 'S' }] });
    await port.writeValues([{ sheet: 'S', address: 'C3', value: text }]);
    expect(office.workbook.getCell('S', 'C3')).toMatchObject({ value: text, formula: null });
    const grid = await port.readGrid('S');
    expect(gridValue(grid, 2, 2)).toBe(text);
    expect(grid.formulas?.[0]?.[0]).toBeNull();
  });

  test('numbers stay numbers and null clears the cell', async () => {
    const { office, port } = setup({ sheets: [{ name: 'S', cells: { A2: 'x' } }] });
    await port.writeValues([
      { sheet: 'S', address: 'A1', value: 12.5 },
      { sheet: 'S', address: 'A2', value: null },
    ]);
    expect(office.workbook.getValue('S', 'A1')).toBe(12.5);
    expect(office.workbook.getValue('S', 'A2')).toBe('');
  });
});

describe('no write over non-empty cells without a yes', () => {
  const plan = planFor(F2021);

  test('findConflicts names the non-empty cells; applyPlan refuses and writes nothing', async () => {
    const { office, port } = setup({ sheets: [{ name: 'S', cells: { A1: '机关内部的草稿，请勿覆盖', D10: 5 } }] });
    const conflicts = await op(office, () => port.findConflicts('S', plan));
    expect(conflicts).toEqual([
      { sheet: 'S', address: 'A1', value: '机关内部的草稿，请勿覆盖' },
      { sheet: 'S', address: 'D10', value: 5 },
    ]);

    office.workbook.resetCounters();
    const err = await port.applyPlan('S', plan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect(err).toMatchObject({ code: 'conflict', data: { sheet: 'S', cells: conflicts } });
    expect(office.workbook.syncCount).toBe(1);
    expect(office.workbook.calls.filter((c) => !c.op.endsWith('.load'))).toEqual([]);
    expect(office.workbook.getValue('S', 'A1')).toBe('机关内部的草稿，请勿覆盖');
    expect(office.workbook.usedRange('S')).toBe('A1:D10');
  });

  test('with overwrite: true the plan replaces them', async () => {
    const { office, port } = setup({ sheets: [{ name: 'S', cells: { A1: '草稿', D10: 5 } }] });
    await op(office, () => port.applyPlan('S', plan, { overwrite: true }));
    expect(office.workbook.getValue('S', 'A1')).toBe(plan.cells.find((c) => c.r === 0 && c.c === 0)?.value);
  });

  test('inserting again over an earlier (protected) table needs a yes too, and then works', async () => {
    const { office, port } = setup({ sheets: [{ name: 'S' }] });
    await port.applyPlan('S', plan);
    expect(office.workbook.protection('S').protected).toBe(true);
    await expect(port.applyPlan('S', plan)).rejects.toMatchObject({ code: 'conflict' });
    await op(office, () => port.applyPlan('S', plan, { overwrite: true }));
    expect(office.workbook.protection('S').protected).toBe(true);
    expect(office.workbook.nameList('S').filter((n) => n.name === plan.names[0].name)).toHaveLength(1);
  });
});

describe('highlights and selection', () => {
  test('marks cells on another sheet, selects there (activating it first) and restores the fills', async () => {
    const { office, port } = setup({ sheets: [{ name: '说明' }, { name: '表' }] });
    const wb = office.workbook;
    await port.applyPlan('表', planFor(F2021));
    wb.setFill('表', 'E8', '#00B0F0'); // a fill the user chose
    expect(wb.activeSheet()).toBe('说明');

    await op(office, () =>
      port.highlight([
        { sheet: '表', address: 'E8', severity: 'error' },
        { sheet: '表', address: 'F8', severity: 'warning' },
        { sheet: '表', address: 'F8', severity: 'error' },
        { sheet: '表', address: 'G8', severity: 'warning' },
      ]),
    );
    expect(wb.getFill('表', 'E8')).toBe(MARK_FILLS.error);
    expect(wb.getFill('表', 'F8')).toBe(MARK_FILLS.error);
    expect(wb.getFill('表', 'G8')).toBe(MARK_FILLS.warning);

    office.workbook.resetCounters();
    await op(office, () => port.select('表', 'F8'));
    const ops = wb.calls.map((c) => c.op);
    expect(ops.indexOf('worksheet.activate')).toBeLessThan(ops.indexOf('range.select'));
    expect(wb.selection()).toEqual({ sheet: '表', address: 'F8' });
    await expect(op(office, () => port.activeCell())).resolves.toEqual({ sheet: '表', address: 'F8' });

    // a new check: E8 is fine now, G8 still marked
    await op(office, () => port.highlight([{ sheet: '表', address: 'G8', severity: 'error' }]));
    expect(wb.getFill('表', 'E8')).toBe('#00B0F0');
    expect(wb.getFill('表', 'F8')).toBeNull();
    expect(wb.getFill('表', 'G8')).toBe(MARK_FILLS.error);

    await op(office, () => port.clearHighlights());
    expect(wb.getFill('表', 'G8')).toBeNull();
    expect(wb.getFill('表', 'E8')).toBe('#00B0F0');
    expect(wb.nameList().filter((n) => n.name.startsWith('nianbao_marks_'))).toEqual([]);
  });

  test('after a reload (a new port instance) the marks are still cleared, from the hidden names', async () => {
    const { office, port } = setup({ sheets: [{ name: 'S', cells: { B2: 1 } }] });
    office.workbook.setFill('S', 'B3', '#92D050');
    const many = Array.from({ length: 600 }, (_, i) => ({ sheet: 'S', address: `B${i + 2}`, severity: 'warning' as const }));
    await op(office, () => port.highlight(many));
    const names = office.workbook.nameList().filter((n) => n.name.startsWith('nianbao_marks_'));
    expect(names.length).toBeGreaterThan(1); // long records are split over several names
    expect(names.every((n) => !n.visible)).toBe(true);
    expect(names.every((n) => n.formula.length < 8192)).toBe(true);

    const reloaded = new OfficeWorkbook({ excel: office.Excel, isSetSupported: office.Office.context.requirements.isSetSupported });
    await op(office, () => reloaded.clearHighlights());
    expect(office.workbook.getFill('S', 'B2')).toBeNull();
    expect(office.workbook.getFill('S', 'B3')).toBe('#92D050');
    expect(office.workbook.getFill('S', 'B601')).toBeNull();
  });

  test('highlighting works on the protected sheet the plan leaves', async () => {
    const { office, port } = setup({ sheets: [{ name: 'S' }] });
    const plan = planFor(F2019);
    await port.applyPlan('S', plan);
    const label = plan.cells.find((c) => c.style === 'label') as { r: number; c: number };
    await port.highlight([{ sheet: 'S', address: a1(label.r, label.c), severity: 'error' }]);
    expect(office.workbook.getFill('S', a1(label.r, label.c))).toBe(MARK_FILLS.error);
  });
});

describe('metadata', () => {
  const meta = { format: '2021', year: 2023, organization: '某某县“放管服”改革办公室', manualTotals: true };

  test('with ExcelApi 1.12: a custom property and a hidden name', async () => {
    const { office, port } = setup({ excelApi: '1.12', sheets: [{ name: 'S' }] });
    await op(office, () => port.setMetadata('S', meta));
    expect(JSON.parse(office.workbook.customProperties('S').nianbao)).toMatchObject(meta);
    expect(office.workbook.nameList('S').find((n) => n.name === 'nianbao_meta')?.visible).toBe(false);
    await expect(op(office, () => port.getMetadata('S'))).resolves.toEqual(meta);
  });

  test('without ExcelApi 1.12 (custom properties missing): the hidden name alone', async () => {
    const { office, port } = setup({ excelApi: '1.8', sheets: [{ name: 'S' }] });
    await op(office, () => port.setMetadata('S', meta));
    await op(office, () => port.setMetadata('S', { ...meta, year: 2024 }));
    expect(office.workbook.customProperties('S')).toEqual({});
    await expect(op(office, () => port.getMetadata('S'))).resolves.toEqual({ ...meta, year: 2024 });
  });

  test('a sheet without metadata gives null', async () => {
    const { port } = setup({ sheets: [{ name: 'S' }] });
    await expect(port.getMetadata('S')).resolves.toBeNull();
  });

  test('ExcelApi 1.8: the plan is still written; the print area becomes the sheet name Print_Area', async () => {
    const { office, port } = setup({ excelApi: '1.8', sheets: [{ name: '年报 表' }] });
    const plan = planFor(F2021);
    await op(office, () => port.applyPlan('年报 表', plan));
    const printArea = office.workbook.nameList('年报 表').find((n) => n.name === 'Print_Area');
    expect(printArea?.formula).toBe(`='年报 表'!${plan.print.area.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`);
    expect(office.workbook.pageLayout('年报 表').printArea).toBeNull();
    await expect(port.getMetadata('年报 表')).resolves.toEqual(plan.metadata);
  });
});

describe('sheets, empty sheets and errors', () => {
  test('addSheet picks a name not yet taken (case-insensitive) and listSheets lists it', async () => {
    const { office, port } = setup({ sheets: [{ name: '年报统计表' }, { name: '年报统计表 (2)' }] });
    await expect(op(office, () => port.addSheet('年报统计表'))).resolves.toBe('年报统计表 (3)');
    await expect(op(office, () => port.addSheet('a/b:c'))).resolves.toBe('a_b_c');
    await expect(op(office, () => port.listSheets())).resolves.toEqual(['年报统计表', '年报统计表 (2)', '年报统计表 (3)', 'a_b_c']);
  });

  test('readAllGrids reads every sheet in two syncs; an empty sheet is an empty grid', async () => {
    const { office, port } = setup({ sheets: [{ name: 'A', cells: { C4: 1, D5: '=C4+1' } }, { name: 'B' }] });
    const grids = await op(office, () => port.readAllGrids());
    expect(grids).toEqual([
      { sheet: 'A', origin: { row: 3, col: 2 }, cells: [[1, null], [null, 2]], formulas: [[null, null], [null, 'C4+1']] },
      { sheet: 'B', origin: { row: 0, col: 0 }, cells: [], formulas: [] },
    ]);
  });

  test('a missing sheet is WorkbookError no-sheet; other host errors are WorkbookError host', async () => {
    const { port } = setup({ sheets: [{ name: 'S' }] });
    await expect(port.readGrid('无此表')).rejects.toMatchObject({ code: 'no-sheet', data: { sheet: '无此表' } });
    const err = await port.select('S', 'not an address').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect(err).toMatchObject({ code: 'host', data: { operation: 'select', hostCode: 'InvalidArgument' } });
  });

  test('activeCell gives the active sheet and its selected cell', async () => {
    const { office, port } = setup({ sheets: [{ name: 'S' }, { name: 'T' }], activeSheet: 'T' });
    await port.select('T', 'B7');
    await expect(port.activeCell()).resolves.toEqual({ sheet: 'T', address: 'B7' });
    expect(parseA1('B7')).toEqual({ row: 6, col: 1 });
    expect(office.workbook.activeSheet()).toBe('T');
  });
});

describe('onChanged (re-check after edits)', () => {
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  };

  test.each(['1.9', '1.8'])('ExcelApi %s: a user edit calls the handler with sheet and address; off() stops it', async (excelApi) => {
    const { office, port } = setup({ excelApi, sheets: [{ name: '说明' }, { name: '年报 表' }] });
    const changes: { sheet: string; address: string }[] = [];
    const off = port.onChanged((c) => changes.push(c));
    await flush();
    expect(office.workbook.changeHandlerCount()).toBe(excelApi === '1.9' ? 1 : 2);

    office.workbook.setValue('年报 表', 'D7', 3);
    await flush();
    expect(changes).toEqual([{ sheet: '年报 表', address: 'D7' }]);

    off();
    await flush();
    expect(office.workbook.changeHandlerCount()).toBe(0);
    office.workbook.setValue('年报 表', 'D8', 4);
    await flush();
    expect(changes).toHaveLength(1);
  });

  test('off() right away (before the handler is registered) still leaves no handler behind', async () => {
    const { office, port } = setup({ sheets: [{ name: 'S' }] });
    const calls: unknown[] = [];
    port.onChanged((c) => calls.push(c))();
    await flush();
    office.workbook.setValue('S', 'A1', 1);
    await flush();
    expect(office.workbook.changeHandlerCount()).toBe(0);
    expect(calls).toEqual([]);
  });
});

describe('host failures', () => {
  test('a failing sync becomes WorkbookError host with the office.js code, and nothing is half-written', async () => {
    const { office, port } = setup({ sheets: [{ name: 'S' }] });
    office.workbook.failNextSync('GeneralException');
    const err = await port.applyPlan('S', planFor(F2021)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect(err).toMatchObject({ code: 'host', data: { operation: 'applyPlan', hostCode: 'GeneralException', sheet: 'S' } });
    expect(office.workbook.usedRange('S')).toBeNull();
  });
});
