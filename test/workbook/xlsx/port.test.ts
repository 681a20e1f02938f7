/**
 * XlsxWorkbook behaviour a user depends on: never overwriting content without consent, never
 * touching other sheets, text kept as text, grids with formula results, metadata and highlight
 * marks that survive save/load.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { getFormat } from '../../../src/core/formats';
import { gridValue } from '../../../src/core/grid';
import { buildSheetPlan, valueCellAddresses } from '../../../src/core/layout/build';
import { emptyReport } from '../../../src/core/model/report';
import { WorkbookError } from '../../../src/workbook/port';
import { HIGHLIGHT_FILLS, XlsxWorkbook } from '../../../src/workbook/xlsx';
import { openFile, saveFile } from '../../../src/workbook/xlsx/node';

const f21 = getFormat('2021')!;
const plan21 = (opts: Partial<Parameters<typeof buildSheetPlan>[1]> = {}) =>
  buildSheetPlan(f21, { year: 2023, organization: '某某县人民政府办公室', ...opts });

/** every cell of every sheet (value, formula, merges) as plain data, for before/after comparisons */
async function snapshot(bytes: Uint8Array): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const cells: [string, unknown, unknown][] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push([c.address, c.value, c.style?.fill ?? null])));
    return { name: ws.name, state: ws.state, cells, merges: ws.model.merges };
  });
}

async function workbookWithContent(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('统计');
  s.getCell('C10').value = '手工备注';
  s.getCell('Z1').value = 42; // outside the plan's 15 columns
  const other = wb.addWorksheet('其他');
  other.getCell('A1').value = '别的表';
  other.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue;
  other.mergeCells('D4:E5');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('conflicts: never overwrite without consent', () => {
  it('refuses with the non-empty cells in the bounds and leaves the file as it was', async () => {
    const bytes = await workbookWithContent();
    const before = await snapshot(bytes);
    const wb = await XlsxWorkbook.open(bytes, 'a.xlsx');
    const plan = plan21();
    expect(await wb.findConflicts('统计', plan)).toEqual([{ sheet: '统计', address: 'C10', value: '手工备注' }]);
    let err: unknown;
    try {
      await wb.applyPlan('统计', plan);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe('conflict');
    expect((err as WorkbookError).data.cells).toEqual([{ sheet: '统计', address: 'C10', value: '手工备注' }]);
    expect(await snapshot(await wb.toBuffer())).toEqual(before);
  });

  it('writes below existing content when the origin leaves it alone, and never touches other sheets', async () => {
    const bytes = await workbookWithContent();
    const wb = await XlsxWorkbook.open(bytes, 'a.xlsx');
    const plan = plan21({ origin: { row: 11, col: 0 } });
    expect(await wb.findConflicts('统计', plan)).toEqual([]);
    await wb.applyPlan('统计', plan);
    const [beforeStat, beforeOther] = (await snapshot(bytes)) as { cells: unknown[] }[];
    const [afterStat, afterOther] = (await snapshot(await wb.toBuffer())) as { cells: [string, unknown][] }[];
    expect(afterOther).toEqual(beforeOther);
    expect(afterStat.cells).toEqual(expect.arrayContaining(beforeStat.cells));
    const grid = await wb.readGrid('统计');
    expect(gridValue(grid, 11, 0)).toBe('某某县人民政府办公室2023年政府信息公开工作年度报告统计表');
  });

  it('overwrites when asked: old merges undone, content replaced, other sheets untouched', async () => {
    const src = new ExcelJS.Workbook();
    const s = src.addWorksheet('统计');
    s.mergeCells('B2:H9');
    s.getCell('B2').value = '旧表格';
    src.addWorksheet('其他').getCell('A1').value = '别的表';
    const bytes = new Uint8Array((await src.xlsx.writeBuffer()) as ArrayBuffer);
    const wb = await XlsxWorkbook.open(bytes);
    await expect(wb.applyPlan('统计', plan21())).rejects.toMatchObject({ code: 'conflict' });
    await wb.applyPlan('统计', plan21(), { overwrite: true });
    const out = (await snapshot(await wb.toBuffer())) as { name: string; cells: [string, unknown][]; merges: string[] }[];
    expect(out[1]).toEqual((await snapshot(bytes) as unknown[])[1]);
    expect(out[0].merges).not.toContain('B2:H9');
    expect(out[0].cells.map((c) => c[1])).not.toContain('旧表格');
  });

  it('counts a merged area reaching into the bounds as a conflict', async () => {
    const src = new ExcelJS.Workbook();
    const s = src.addWorksheet('统计');
    s.getCell('A1').value = '上方的说明';
    s.mergeCells('A1:C3');
    const wb = await XlsxWorkbook.open(new Uint8Array((await src.xlsx.writeBuffer()) as ArrayBuffer));
    const conflicts = await wb.findConflicts('统计', plan21({ origin: { row: 2, col: 0 } }));
    expect(conflicts.map((c) => c.address)).toEqual(['A3', 'B3', 'C3']);
  });
});

describe('writing and reading values', () => {
  it('keeps text that looks like a formula as text, in labels and value cells', async () => {
    const data = emptyReport(f21, 2023, '=HYPERLINK("x")', null);
    data.table3.new_received.natural_person = '+5';
    data.table3.new_received.commercial_enterprise = '=1+1';
    data.table2.administrative_fees.amount = 1.2345;
    const wb = XlsxWorkbook.create();
    const sheet = await wb.addSheet('表');
    await wb.applyPlan(sheet, buildSheetPlan(f21, { year: 2023, organization: '=HYPERLINK("x")', values: data }));
    await wb.writeValues([{ sheet, address: 'A60', value: '=SUM(A1:A2)' }]);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load((await wb.toBuffer()) as unknown as ExcelJS.Buffer);
    const ws = raw.getWorksheet(sheet)!;
    const addr = valueCellAddresses(f21);
    expect(ws.getCell('A1').value).toBe('=HYPERLINK("x")2023年政府信息公开工作年度报告统计表');
    expect(ws.getCell(addr.table3.new_received.natural_person).value).toBe('+5');
    expect(ws.getCell(addr.table3.new_received.commercial_enterprise).value).toBe('=1+1');
    expect(ws.getCell(addr.table3.new_received.commercial_enterprise).formula).toBeUndefined();
    expect(ws.getCell(addr.table2.administrative_fees.amount).value).toBe(1.2345);
    expect(ws.getCell('A60').value).toBe('=SUM(A1:A2)');
    // the reader sees text, and the row total (a formula) skips it like a spreadsheet does
    const grid = await (await XlsxWorkbook.open(await wb.toBuffer())).readGrid(sheet);
    const at = (a: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      return gridValue(grid, Number(m[2]) - 1, m[1].charCodeAt(0) - 65);
    };
    expect(at(addr.table3.new_received.natural_person)).toBe('+5');
    expect(at(addr.table3.new_received.total)).toBe(0);
  });

  it('reads the used range with formula results computed, formulas, merges, rich text and dates as text', async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet('数据');
    ws.getCell('B2').value = { richText: [{ text: '商业' }, { font: { bold: true }, text: '企业' }] };
    ws.getCell('C2').value = new Date(Date.UTC(2024, 0, 31));
    ws.getCell('B3').value = 4;
    ws.getCell('C3').value = 5;
    ws.getCell('D3').value = { formula: 'SUM(B3:C3)' } as ExcelJS.CellFormulaValue; // no cached result
    ws.getCell('E3').value = { formula: 'B3*C3', result: 20 } as ExcelJS.CellFormulaValue;
    ws.getCell('F3').value = { formula: 'IF(D3=9,"平衡","不平衡，差"&(D3-9))' } as ExcelJS.CellFormulaValue;
    ws.mergeCells('B5:D5');
    ws.getCell('B5').value = '合并';
    const wb = await XlsxWorkbook.open(new Uint8Array((await src.xlsx.writeBuffer()) as ArrayBuffer));
    const grid = await wb.readGrid('数据');
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.cells).toEqual([
      ['商业企业', '2024-01-31', null, null, null],
      [4, 5, 9, 20, '平衡'],
      [null, null, null, null, null],
      ['合并', null, null, null, null],
    ]);
    expect(grid.formulas?.[1]).toEqual([null, null, 'SUM(B3:C3)', 'B3*C3', 'IF(D3=9,"平衡","不平衡，差"&(D3-9))']);
    expect(grid.merges).toEqual(['B5:D5']);
    await expect(wb.readGrid('没有这个表')).rejects.toMatchObject({ code: 'no-sheet', data: { sheet: '没有这个表' } });
  });
});

describe('sheets, metadata, highlights, selection', () => {
  it('adds sheets with free names and hides its metadata sheet from listings', async () => {
    const wb = XlsxWorkbook.create();
    expect(await wb.addSheet('年报统计表')).toBe('年报统计表');
    expect(await wb.addSheet('年报统计表')).toBe('年报统计表(2)');
    expect(await wb.addSheet('a/b:c')).toBe('a_b_c');
    await wb.setMetadata('年报统计表(2)', { format: '2019', year: 2020, organization: '某镇', manualTotals: true });
    const again = await XlsxWorkbook.open(await wb.toBuffer());
    expect(await again.listSheets()).toEqual(['年报统计表', '年报统计表(2)', 'a_b_c']);
    expect((await again.readAllGrids()).map((g) => g.sheet)).toEqual(['年报统计表', '年报统计表(2)', 'a_b_c']);
    expect(await again.getMetadata('年报统计表(2)')).toEqual({ format: '2019', year: 2020, organization: '某镇', manualTotals: true });
    expect(await again.getMetadata('年报统计表')).toBeNull();
  });

  it('marks cells and restores their original fill, also after save and reload', async () => {
    const wb = XlsxWorkbook.create();
    const sheet = await wb.addSheet('表');
    await wb.applyPlan(sheet, plan21());
    const addr = valueCellAddresses(f21);
    const total = addr.table3.new_received.total; // a total cell has its own grey fill
    const plain = addr.table3.new_received.natural_person;
    const fillOf = async (w: XlsxWorkbook, a: string) => {
      const raw = new ExcelJS.Workbook();
      await raw.xlsx.load((await w.toBuffer()) as unknown as ExcelJS.Buffer);
      const f = raw.getWorksheet(sheet)!.getCell(a).fill as ExcelJS.FillPattern | undefined;
      return f?.fgColor?.argb ?? null;
    };
    const originalTotal = await fillOf(wb, total);
    expect(originalTotal).not.toBeNull();
    await wb.highlight([
      { sheet, address: total, severity: 'error' },
      { sheet, address: plain, severity: 'warning' },
    ]);
    expect(await fillOf(wb, total)).toBe(HIGHLIGHT_FILLS.error);
    expect(await fillOf(wb, plain)).toBe(HIGHLIGHT_FILLS.warning);
    const reopened = await XlsxWorkbook.open(await wb.toBuffer());
    await reopened.clearHighlights();
    expect(await fillOf(reopened, total)).toBe(originalTotal);
    expect(await fillOf(reopened, plain)).toBeNull();
    // a new highlight replaces the previous marks
    await reopened.highlight([{ sheet, address: plain, severity: 'error' }]);
    await reopened.highlight([{ sheet, address: total, severity: 'warning' }]);
    expect(await fillOf(reopened, plain)).toBeNull();
    expect(await fillOf(reopened, total)).toBe(HIGHLIGHT_FILLS.warning);
    // a range marks each of its cells; an error wins over a warning on the same cell
    await reopened.highlight([
      { sheet, address: 'D24:E25', severity: 'warning' },
      { sheet, address: 'E25', severity: 'error' },
    ]);
    expect(await fillOf(reopened, 'D25')).toBe(HIGHLIGHT_FILLS.warning);
    expect(await fillOf(reopened, 'E25')).toBe(HIGHLIGHT_FILLS.error);
    expect(await fillOf(reopened, total)).toBe(originalTotal);
  });

  it('selects a cell on another sheet and reports it as the active cell after reload', async () => {
    const wb = XlsxWorkbook.create();
    await wb.addSheet('一');
    await wb.addSheet('二');
    await wb.select('二', 'D24');
    const again = await XlsxWorkbook.open(await wb.toBuffer());
    expect(await again.activeCell()).toEqual({ sheet: '二', address: 'D24' });
  });
});

describe('files on disk (node)', () => {
  it('saves and opens a file, and reports a missing file as an io error', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-xlsx-'));
    try {
      const wb = XlsxWorkbook.create();
      const sheet = await wb.addSheet('表');
      await wb.applyPlan(sheet, plan21());
      const file = path.join(dir, '年报.xlsx');
      await saveFile(wb, file);
      const back = await openFile(file);
      expect(back.fileName).toBe('年报.xlsx');
      expect(await back.getMetadata(sheet)).toMatchObject({ format: '2021', year: 2023 });
      expect(await fs.readdir(dir)).toEqual(['年报.xlsx']);
      await expect(openFile(path.join(dir, '没有.xlsx'))).rejects.toMatchObject({ code: 'io', data: { file: '没有.xlsx', reason: 'missing' } });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
