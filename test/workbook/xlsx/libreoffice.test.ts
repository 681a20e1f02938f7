/**
 * The formulas the layout writes, recalculated by a real spreadsheet engine (LibreOffice headless):
 * totals and the check row under table 三 show the right numbers for consistent data and the
 * imbalance for broken data. One conversion for all cases (the machine is slow).
 */
import ExcelJS from 'exceljs';
import { getFormat, T3_COLUMNS, T4_FIELDS, T4_GROUPS } from '../../../src/core/formats';
import type { FormatDef } from '../../../src/core/formats';
import { buildSheetPlan, valueCellAddresses } from '../../../src/core/layout/build';
import { emptyReport, type ReportData } from '../../../src/core/model/report';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { describeError } from '../../../src/core/messages/errors';
import { WorkbookError } from '../../../src/workbook/port';
import { libreOfficeConvert, libreOfficeRoundTrip } from '../../fixtures/xlsx/make';

const PARTS = T3_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key);

/** Consistent data: every result row and carry row filled, new_received chosen so that 一+二 = 三（七）+四. */
function consistent(format: FormatDef, seed: number): ReportData {
  const data = emptyReport(format, 2023, '测试单位', 0);
  const t3 = format.tables.table3.rowOrder.map((r) => r.key);
  const results = t3.slice(t3.indexOf('granted'), t3.indexOf('total_processed'));
  PARTS.forEach((col, j) => {
    let processed = 0;
    results.forEach((row, i) => {
      const v = (seed + i * 3 + j * 5) % 7;
      data.table3[row][col] = v;
      processed += v;
    });
    const carriedOver = (seed + j) % 4;
    const carriedForward = (seed + 2 * j) % 5;
    data.table3.carried_over[col] = carriedOver;
    data.table3.carried_forward[col] = carriedForward;
    data.table3.new_received[col] = processed + carriedForward - carriedOver;
    data.table3.total_processed[col] = processed; // a formula unless totals are manual
  });
  T4_GROUPS.forEach((g, gi) => {
    T4_FIELDS.filter((f) => f.key !== 'total').forEach((f, j) => {
      data.table4[g.key][f.key] = (seed + gi + j * 2) % 4;
    });
  });
  return data;
}

function num(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && 'result' in v) return (v as ExcelJS.CellFormulaValue).result;
  if (v && typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join('');
  return v;
}

interface Case {
  sheet: string;
  format: FormatDef;
  data: ReportData;
  /** expected check-row text per column key */
  check: Record<string, string>;
  manualTotals?: boolean;
}

const f21 = getFormat('2021')!;
const f19 = getFormat('2019')!;
const ok21 = consistent(f21, 3);
const broken21 = consistent(f21, 5);
// two applications received were never counted in a result: 自然人 +2, 其他 −3 (typed wrong)
broken21.table3.new_received.natural_person = (broken21.table3.new_received.natural_person as number) + 2;
broken21.table3.new_received.other_org = (broken21.table3.new_received.other_org as number) - 3;
const ok19 = consistent(f19, 1);
// manual totals: the user typed a wrong 总计 for 结转下年度 (one more than the parts)
const manual21 = consistent(f21, 2);
for (const row of Object.keys(manual21.table3)) {
  manual21.table3[row].total = PARTS.reduce((s, c) => s + (manual21.table3[row][c] as number), 0);
}
(manual21.table3.carried_forward.total as number) += 1;

const allBalanced = Object.fromEntries(T3_COLUMNS.map((c) => [c.key, '平衡']));
const CASES: Case[] = [
  { sheet: 'ok2021', format: f21, data: ok21, check: allBalanced },
  {
    sheet: 'broken2021',
    format: f21,
    data: broken21,
    check: { ...allBalanced, natural_person: '不平衡，差2', other_org: '不平衡，差-3', total: '不平衡，差-1' },
  },
  { sheet: 'ok2019', format: f19, data: ok19, check: allBalanced },
  { sheet: 'manual2021', format: f21, data: manual21, check: { ...allBalanced, total: '不平衡，差-1' }, manualTotals: true },
];

describe('LibreOffice recalculates the written formulas', () => {
  let recalculated: ExcelJS.Workbook;
  let original: XlsxWorkbook;

  beforeAll(async () => {
    original = XlsxWorkbook.create();
    for (const c of CASES) {
      await original.addSheet(c.sheet);
      await original.applyPlan(
        c.sheet,
        buildSheetPlan(c.format, { year: 2023, organization: '测试单位', values: c.data, manualTotals: c.manualTotals }),
      );
    }
    const out = await libreOfficeRoundTrip(await original.toBuffer());
    recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.load(out as unknown as ExcelJS.Buffer);
  });

  it.each(CASES.map((c) => [c.sheet, c] as const))('%s: totals equal the sums of their parts', (_name, c) => {
    const ws = recalculated.getWorksheet(c.sheet)!;
    const addr = valueCellAddresses(c.format);
    const at = (t: 'table3' | 'table4', row: string, col: string) => num(ws.getCell(addr[t][row][col]).value);
    const t3rows = c.format.tables.table3.rowOrder.map((r) => r.key);
    const results = t3rows.slice(t3rows.indexOf('granted'), t3rows.indexOf('total_processed'));
    for (const row of t3rows) {
      const parts = PARTS.map((col) => (row === 'total_processed' ? results.reduce((s, r) => s + (c.data.table3[r][col] as number), 0) : (c.data.table3[row][col] as number)));
      PARTS.forEach((col, j) => expect([row, col, at('table3', row, col)]).toEqual([row, col, parts[j]]));
      const expectedTotal = c.manualTotals ? c.data.table3[row].total : parts.reduce((s, x) => s + x, 0);
      expect([row, at('table3', row, 'total')]).toEqual([row, expectedTotal]);
    }
    for (const g of T4_GROUPS) {
      const sum = T4_FIELDS.filter((f) => f.key !== 'total').reduce((s, f) => s + (c.data.table4[g.key][f.key] as number), 0);
      expect([g.key, at('table4', g.key, 'total')]).toEqual([g.key, c.manualTotals ? c.data.table4[g.key].total : sum]);
    }
  });

  it.each(CASES.map((c) => [c.sheet, c] as const))('%s: the check row under table 三 shows balance or the difference', (_name, c) => {
    const ws = recalculated.getWorksheet(c.sheet)!;
    const addr = valueCellAddresses(c.format);
    // the check row is the row directly under 四、结转下年度继续办理
    const lastRow = ws.getCell(addr.table3.carried_forward.natural_person).row as unknown as number;
    const label = ws.getCell(Number(lastRow) + 1, 1).value;
    expect(String(num(label))).toMatch(/^校验/);
    for (const col of T3_COLUMNS) {
      const colLetter = addr.table3.carried_forward[col.key].replace(/\d+$/, '');
      expect([col.key, num(ws.getCell(`${colLetter}${Number(lastRow) + 1}`).value)]).toEqual([col.key, c.check[col.key]]);
    }
  });

  it('the built-in evaluator agrees with LibreOffice on every formula cell', async () => {
    for (const c of CASES) {
      const grid = await original.readGrid(c.sheet);
      const ws = recalculated.getWorksheet(c.sheet)!;
      let formulas = 0;
      grid.formulas?.forEach((row, i) =>
        row.forEach((f, j) => {
          if (!f) return;
          formulas++;
          const lo = num(ws.getCell(grid.origin.row + i + 1, grid.origin.col + j + 1).value);
          expect([c.sheet, f, grid.cells[i][j]]).toEqual([c.sheet, f, lo]);
        }),
      );
      expect(formulas).toBeGreaterThanOrEqual(c.manualTotals ? 7 : 7 + 28);
    }
  });

  it('the recalculated file opens in the port and keeps its metadata', async () => {
    const out = await recalculated.xlsx.writeBuffer();
    const wb = await XlsxWorkbook.open(out as unknown as Uint8Array, 'recalc.xlsx');
    expect(await wb.listSheets()).toEqual(CASES.map((c) => c.sheet));
    expect(await wb.getMetadata('manual2021')).toEqual({ format: '2021', year: 2023, organization: '测试单位', manualTotals: true });
  });

  it('a real Excel 97-2003 file (.xls, saved by LibreOffice) is refused as not-xlsx', async () => {
    const xls = await libreOfficeConvert(await original.toBuffer(), 'old.xlsx', 'xls');
    const err = await XlsxWorkbook.open(xls, 'old.xls').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe('not-xlsx');
    expect(describeError(err as WorkbookError)).toMatch(/^文件“old\.xls”不是 Excel 工作簿（\.xlsx），看起来是旧版 Excel 97-2003 工作簿/);
  });
});
