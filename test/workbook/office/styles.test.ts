/**
 * (b) The same plans applied by the office.js port on the fake Excel: every styled cell gets the
 * style table's look (raw: bold, fill, size, font; and as a whole through the port's map), bordered
 * cells thin continuous lines, and marks give the table's fills back when cleared.
 */
import { a1 } from '../../../src/core/grid';
import { CELL_STYLES, FONT_NAME, MARK_FILLS } from '../../../src/core/layout/styles';
import { fromOfficeLook, toOfficeLook } from '../../../src/workbook/office/styles';
import { borderedCells, officeView, reportPlans, styledCells } from '../looks';
import { setup } from './helpers';

describe.each(reportPlans())('%s applied in Excel (fake)', (_name, plan) => {
  test('header cells are bold on the table’s fill, the title has the title style, totals stand out', async () => {
    const { office, port } = setup({ sheets: [{ name: '表' }] });
    await port.applyPlan('表', plan);
    const wb = office.workbook;
    const headers = plan.cells.filter((c) => c.style === 'header');
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) {
      const cell = wb.getCell('表', a1(h.r, h.c));
      expect([a1(h.r, h.c), cell.bold, cell.fill, cell.fontName, cell.horizontalAlignment, cell.wrapText]).toEqual([
        a1(h.r, h.c),
        true,
        CELL_STYLES.header.fill,
        FONT_NAME,
        'Center',
        true,
      ]);
    }
    const title = plan.cells.find((c) => c.style === 'title')!;
    expect(wb.getCell('表', a1(title.r, title.c))).toMatchObject({ bold: true, fontSize: CELL_STYLES.title.font.size, fontName: FONT_NAME });
    for (const v of plan.cells.filter((c) => c.style === 'value')) {
      const cell = wb.getCell('表', a1(v.r, v.c));
      expect([a1(v.r, v.c), cell.bold, cell.fill]).toEqual([a1(v.r, v.c), false, null]);
    }
    for (const v of plan.cells.filter((c) => c.style === 'total')) {
      const cell = wb.getCell('表', a1(v.r, v.c));
      expect([a1(v.r, v.c), cell.bold, cell.fill]).toEqual([a1(v.r, v.c), true, CELL_STYLES.total.fill]);
    }
  });

  test('every styled cell (merged areas included) holds its style’s whole look; bordered cells thin lines', async () => {
    const { office, port } = setup({ sheets: [{ name: '表' }] });
    await port.applyPlan('表', plan);
    const wb = office.workbook;
    for (const s of styledCells(plan)) {
      expect([a1(s.r, s.c), s.style, officeView(wb.getCell('表', a1(s.r, s.c))).look]).toEqual([a1(s.r, s.c), s.style, CELL_STYLES[s.style]]);
    }
    for (const b of borderedCells(plan)) {
      const { borders } = officeView(wb.getCell('表', a1(b.r, b.c)));
      expect([a1(b.r, b.c), borders]).toEqual([a1(b.r, b.c), { top: 'thin', left: 'thin', bottom: 'thin', right: 'thin' }]);
    }
  });
});

test('the office map reads back what it writes, for every style of the table', () => {
  for (const [name, look] of Object.entries(CELL_STYLES)) expect([name, fromOfficeLook(toOfficeLook(look))]).toEqual([name, look]);
});

test('a plan applied over an earlier one (overwrite) leaves no old fill or bold behind', async () => {
  const [, a] = reportPlans()[0];
  const [, b] = reportPlans()[2]; // the same format two rows down and two columns right
  const { office, port } = setup({ sheets: [{ name: '表' }] });
  await port.applyPlan('表', a);
  await port.applyPlan('表', b, { overwrite: true });
  const styled = new Map(styledCells(b).map((s) => [a1(s.r, s.c), s.style]));
  for (let r = b.bounds.r; r < b.bounds.r + b.bounds.rows; r++) {
    for (let c = b.bounds.c; c < b.bounds.c + b.bounds.cols; c++) {
      const style = styled.get(a1(r, c));
      if (!style) continue;
      expect([a1(r, c), officeView(office.workbook.getCell('表', a1(r, c))).look]).toEqual([a1(r, c), CELL_STYLES[style]]);
    }
  }
});

test('marks on a header and a total give back the table’s fills when cleared', async () => {
  const plan = reportPlans()[0][1];
  const header = plan.cells.find((c) => c.style === 'header')!;
  const total = plan.cells.find((c) => c.style === 'total')!;
  const value = plan.cells.find((c) => c.style === 'value')!;
  const { office, port } = setup({ sheets: [{ name: '表' }] });
  await port.applyPlan('表', plan);
  await port.highlight([
    { sheet: '表', address: a1(header.r, header.c), severity: 'warning' },
    { sheet: '表', address: a1(total.r, total.c), severity: 'error' },
    { sheet: '表', address: a1(value.r, value.c), severity: 'error' },
  ]);
  const wb = office.workbook;
  expect(wb.getFill('表', a1(header.r, header.c))).toBe(MARK_FILLS.warning);
  expect(wb.getFill('表', a1(total.r, total.c))).toBe(MARK_FILLS.error);
  expect(wb.getFill('表', a1(value.r, value.c))).toBe(MARK_FILLS.error);
  await port.clearHighlights();
  for (const p of [header, total, value]) expect(officeView(wb.getCell('表', a1(p.r, p.c))).look).toEqual(CELL_STYLES[p.style]);
});
