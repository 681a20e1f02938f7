/**
 * (c) One look: the same plan applied by both ports, the .xlsx file (read back with ExcelJS) and
 * the fake Excel hold the same style, number format, lock and border lines for every cell the
 * plan covers, the same column widths and row heights, and the same page margins.
 */
import { a1, colLetters } from '../../src/core/grid';
import { charsToPoints } from '../../src/workbook/office';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { setup } from './office/helpers';
import { officeView, reload, reportPlans, xlsxView } from './looks';

test.each(reportPlans())('%s: the file and Excel hold the same look for every cell of the plan', async (_name, plan) => {
  const xlsx = XlsxWorkbook.create();
  const sheet = await xlsx.addSheet('表');
  await xlsx.applyPlan(sheet, plan);
  const ws = await reload(await xlsx.toBuffer(), sheet);

  const { office, port } = setup({ sheets: [{ name: sheet }] });
  await port.applyPlan(sheet, plan);
  const wb = office.workbook;

  const { r: r0, c: c0, rows, cols } = plan.bounds;
  let styled = 0;
  for (let r = r0; r < r0 + rows; r++) {
    for (let c = c0; c < c0 + cols; c++) {
      const { edges: _edges, ...file } = xlsxView(ws, r, c);
      const excel = officeView(wb.getCell(sheet, a1(r, c)));
      // cells the plan leaves unstyled keep each program's default look: compare the rest
      if (file.look === null && excel.look === null) {
        expect([a1(r, c), file.borders, file.numFmt, file.locked]).toEqual([a1(r, c), excel.borders, excel.numFmt, excel.locked]);
        continue;
      }
      styled++;
      expect([a1(r, c), file]).toEqual([a1(r, c), excel]);
    }
  }
  expect(styled).toBeGreaterThanOrEqual(plan.cells.length);

  for (let c = c0; c < c0 + cols; c++) {
    const chars = ws.getColumn(c + 1).width;
    expect([colLetters(c), chars === undefined ? undefined : charsToPoints(chars)]).toEqual([colLetters(c), wb.columnWidth(sheet, colLetters(c))]);
  }
  // the printed page: the same margins (inches in the file, points in Excel) and centring
  const page = wb.pageLayout(sheet);
  const margins = ws.pageSetup.margins!;
  for (const side of ['left', 'right', 'top', 'bottom', 'header', 'footer'] as const) {
    expect([side, margins[side] * 72]).toEqual([side, expect.closeTo(page.margins[side], 2)]);
  }
  expect(ws.pageSetup.horizontalCentered === true).toBe(page.centerHorizontally);

  for (let r = r0; r < r0 + rows; r++) {
    const h = ws.getRow(r + 1).height;
    if (h === undefined) expect(plan.rowHeights[r]).toBeUndefined();
    else expect([r + 1, h]).toEqual([r + 1, wb.rowHeight(sheet, r + 1)]);
  }
});
