import ExcelJS from 'exceljs';
import { getFormat } from '../../../src/core/formats';
import { buildSheetPlan } from '../../../src/core/layout/build';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';

describe('sheet names that need quoting', () => {
  it.each([["O’Brien 表"], ['2023 年报'], ['统计表-县政府']])('writes, names and reopens a plan on “%s”', async (name) => {
    const wb = XlsxWorkbook.create();
    const sheet = await wb.addSheet(name);
    await wb.applyPlan(sheet, buildSheetPlan(getFormat('2021')!, { year: 2023, organization: '某单位' }));
    const bytes = await wb.toBuffer();
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const names = raw.definedNames.model as unknown as { name: string; ranges: string[] }[];
    expect(names.find((n) => n.name === 'nianbao_table4')?.ranges).toHaveLength(1);
    expect(raw.getWorksheet(sheet)!.pageSetup.printArea).toBe('A1:O55');
    const again = await XlsxWorkbook.open(bytes);
    expect(await again.getMetadata(sheet)).toMatchObject({ format: '2021', year: 2023 });
  });

  it("replaces an apostrophe in a new sheet's name, and still writes a plan on a sheet named with one", async () => {
    const wb = XlsxWorkbook.create();
    expect(await wb.addSheet("O'Brien")).toBe('O’Brien');
    wb.workbook.addWorksheet("It's");
    await wb.applyPlan("It's", buildSheetPlan(getFormat('2021')!, { year: 2023, organization: '某单位' }));
    const again = await XlsxWorkbook.open(await wb.toBuffer());
    expect(await again.getMetadata("It's")).toMatchObject({ format: '2021', year: 2023 });
    expect((await again.readGrid("It's")).cells[0][0]).toBe('某单位2023年政府信息公开工作年度报告统计表');
  });

  it('keeps a table name on the first sheet that used it when a second sheet gets a plan', async () => {
    const wb = XlsxWorkbook.create();
    const plan = buildSheetPlan(getFormat('2021')!, { year: 2023, organization: '某单位' });
    await wb.applyPlan(await wb.addSheet('一'), plan);
    await wb.applyPlan(await wb.addSheet('二'), plan);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load((await wb.toBuffer()) as unknown as ExcelJS.Buffer);
    const names = raw.definedNames.model as unknown as { name: string; ranges: string[] }[];
    expect(names.find((n) => n.name === 'nianbao_table3')?.ranges.map((r) => r.replace(/\$/g, ''))).toEqual(["'一'!A21:J48"]);
  });
});
