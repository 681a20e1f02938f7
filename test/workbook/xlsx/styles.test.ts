/**
 * (a) The look of an .xlsx file the ExcelJS port writes (as `nianbao init` does): saved, read back
 * with ExcelJS, and every styled cell compared with the style table of core/layout, raw (bold,
 * fill ARGB, size) for the cells a clerk looks at first, and as a whole through the port's map.
 * Highlights give back the table's fills when they are cleared, also after a save and reload.
 */
import { a1 } from '../../../src/core/grid';
import type { SheetPlan } from '../../../src/core/layout/plan';
import { CELL_STYLES, FONT_NAME, MARK_FILLS, TABLE_BORDER } from '../../../src/core/layout/styles';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { argb, excelJsLook, lookOfExcelJs } from '../../../src/workbook/xlsx/styles';
import { borderedCells, reload, reportPlans, styledCells, xlsxView } from '../looks';

async function written(plan: SheetPlan): Promise<{ bytes: Uint8Array; sheet: string }> {
  const port = XlsxWorkbook.create();
  const sheet = await port.addSheet('表');
  await port.applyPlan(sheet, plan);
  return { bytes: await port.toBuffer(), sheet };
}

describe.each(reportPlans())('%s written to .xlsx and read back', (_name, plan) => {
  test('header cells are bold on the table’s fill, the title has the title style, totals stand out', async () => {
    const { bytes, sheet } = await written(plan);
    const ws = await reload(bytes, sheet);
    const headers = plan.cells.filter((c) => c.style === 'header');
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) {
      const cell = ws.getCell(h.r + 1, h.c + 1);
      expect([cell.address, cell.font?.bold, cell.font?.name]).toEqual([cell.address, true, FONT_NAME]);
      expect([cell.address, cell.fill]).toEqual([
        cell.address,
        expect.objectContaining({ type: 'pattern', pattern: 'solid', fgColor: expect.objectContaining({ argb: argb(CELL_STYLES.header.fill!) }) }),
      ]);
      expect([cell.address, cell.alignment?.horizontal, cell.alignment?.wrapText]).toEqual([cell.address, 'center', true]);
    }
    const title = plan.cells.find((c) => c.style === 'title')!;
    const t = ws.getCell(title.r + 1, title.c + 1);
    expect(t.font).toMatchObject({ bold: true, size: CELL_STYLES.title.font.size, name: FONT_NAME });
    expect(t.font.size).toBeGreaterThan(CELL_STYLES.value.font.size);
    for (const v of plan.cells.filter((c) => c.style === 'value')) {
      const cell = ws.getCell(v.r + 1, v.c + 1);
      expect([cell.address, cell.font?.bold === true, cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid']).toEqual([cell.address, false, false]);
    }
    for (const v of plan.cells.filter((c) => c.style === 'total')) {
      const cell = ws.getCell(v.r + 1, v.c + 1);
      expect([cell.address, cell.font?.bold, cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : null]).toEqual([
        cell.address,
        true,
        argb(CELL_STYLES.total.fill!),
      ]);
    }
  });

  test('every styled cell (merged areas included) holds its style’s whole look; bordered cells the table’s line', async () => {
    const { bytes, sheet } = await written(plan);
    const ws = await reload(bytes, sheet);
    const cells = styledCells(plan);
    expect(cells.length).toBeGreaterThan(plan.cells.length - 1);
    for (const s of cells) {
      expect([a1(s.r, s.c), s.style, xlsxView(ws, s.r, s.c).look]).toEqual([a1(s.r, s.c), s.style, CELL_STYLES[s.style]]);
    }
    for (const b of borderedCells(plan)) {
      const { edges } = xlsxView(ws, b.r, b.c);
      expect([a1(b.r, b.c), edges]).toEqual([a1(b.r, b.c), { top: TABLE_BORDER, left: TABLE_BORDER, bottom: TABLE_BORDER, right: TABLE_BORDER }]);
    }
    // the title row is not part of a table: no border there
    const title = plan.cells.find((c) => c.style === 'title')!;
    expect(xlsxView(ws, title.r, title.c).borders).toEqual({ top: null, left: null, bottom: null, right: null });
  });
});

test('the xlsx map reads back what it writes, for every style of the table', () => {
  for (const [name, look] of Object.entries(CELL_STYLES)) expect([name, lookOfExcelJs(excelJsLook(look))]).toEqual([name, look]);
});

test('marks on a header and a total give back the table’s fills when cleared, after a save and reload', async () => {
  const plan = reportPlans()[0][1];
  const header = plan.cells.find((c) => c.style === 'header')!;
  const total = plan.cells.find((c) => c.style === 'total')!;
  const value = plan.cells.find((c) => c.style === 'value')!;
  const { bytes, sheet } = await written(plan);
  const port = await XlsxWorkbook.open(bytes);
  await port.highlight([
    { sheet, address: a1(header.r, header.c), severity: 'warning' },
    { sheet, address: a1(total.r, total.c), severity: 'error' },
    { sheet, address: a1(value.r, value.c), severity: 'error' },
  ]);
  const marked = await reload(await port.toBuffer(), sheet);
  const fillOf = (ws: typeof marked, p: { r: number; c: number }) => {
    const f = ws.getCell(p.r + 1, p.c + 1).fill;
    return f?.type === 'pattern' && f.pattern === 'solid' ? f.fgColor?.argb : null;
  };
  expect(fillOf(marked, header)).toBe(argb(MARK_FILLS.warning));
  expect(fillOf(marked, total)).toBe(argb(MARK_FILLS.error));
  expect(fillOf(marked, value)).toBe(argb(MARK_FILLS.error));

  const reopened = await XlsxWorkbook.open(await port.toBuffer());
  await reopened.clearHighlights();
  const cleared = await reload(await reopened.toBuffer(), sheet);
  for (const p of [header, total, value]) expect(xlsxView(cleared, p.r, p.c).look).toEqual(CELL_STYLES[p.style]);
  expect(fillOf(cleared, value)).toBeNull();
});
