/**
 * The roll-up written inside Excel (the office.js port on the fake Excel): 校验汇总 gets Excel's own
 * charts, drawn from the board's own cells, so the charts' numbers are the board's; writing again
 * does not pile charts up. The ExcelJS port (no charts) writes the same sheets without them.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { createReportSheets } from '../../src/app/create';
import { boardChartRanges, rollupWorkbooks, writeRollup, type RollupSource } from '../../src/app/rollup';
import { outcomeShares } from '../../src/app/rollup-charts';
import type { ReportData } from '../../src/core/model/report';
import { OfficeWorkbook } from '../../src/workbook/office';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { createFakeOffice } from '../fakes/excel-fake';
import { consistentReport } from '../helpers/arbitrary';
import { F2021 } from './helpers';

const UNITS = ['某某区教育局', '某某镇人民政府', '某某街道办事处'];

async function sources(): Promise<{ units: ReportData[]; sources: RollupSource[] }> {
  const units = UNITS.map((organization, i) => fc.sample(consistentReport(F2021, { year: 2024, organization }), { seed: 70 + i, numRuns: 1 })[0]);
  units[1].table3.granted.natural_person = (units[1].table3.granted.natural_person as number) + 3; // one unit with errors
  const out: RollupSource[] = [];
  for (const [i, u] of units.entries()) {
    const wb = XlsxWorkbook.create();
    await createReportSheets(wb, { format: F2021, year: u.year, organization: u.organization, manualTotals: i === 1, data: u });
    const bytes = await wb.toBuffer();
    out.push({ name: `${u.organization}.xlsx`, open: () => XlsxWorkbook.open(bytes, `${u.organization}.xlsx`) });
  }
  out.push({ name: '坏文件.xlsx', open: () => XlsxWorkbook.open(new TextEncoder().encode('x'), '坏文件.xlsx') });
  return { units, sources: out };
}

test('inside Excel, 校验汇总 gets a bar chart by unit and a pie of the outcomes, reading the board’s own cells', async () => {
  const { units, sources: list } = await sources();
  const rollup = await rollupWorkbooks(list);
  const office = createFakeOffice({ sheets: [{ name: 'Sheet1' }] });
  const port = new OfficeWorkbook({ excel: office.Excel, isSetSupported: office.Office.context.requirements.isSetSupported });

  const { board, tables } = await writeRollup(port, rollup);
  expect(board).toBe('校验汇总');
  const wb = office.workbook;
  // 汇总统计表 is protected as any inserted table, and still carries its notes (written with the plan, before protection)
  expect(wb.protection(tables!).protected).toBe(true);
  const tableText = wb.getValues(tables!, wb.usedRange(tables!)!).flat().join('\n');
  expect(tableText).toContain(`汇总单位（${UNITS.length} 个）：${UNITS.join('、')}`);
  expect(tableText).toContain(`汇总时有错误的单位：${UNITS[1]}`);
  const charts = wb.charts(board);
  expect(charts.map((c) => [c.name, c.type, c.title])).toEqual([
    ['nianbao_by-unit', 'BarClustered', '各单位本年新收申请与错误数'],
    ['nianbao_outcomes', 'Pie', '办理结果构成（汇总）'],
  ]);

  // by unit: the categories and both series are the board's 单位, 本年新收申请 and 错误 of the summed rows
  const ranges = boardChartRanges(rollup);
  const [byUnit, outcomes] = charts;
  expect(byUnit.source).toBe(ranges.byUnit!.source);
  const boardRows = wb.getValues(board, `A2:I${rollup.rows.length + 1}`).filter((r) => r[4] === '通过' || r[4] === '有错误');
  expect(byUnit.categories).toEqual(boardRows.map((r) => r[1]));
  expect(byUnit.categories).toEqual(UNITS);
  expect(byUnit.series.map((s) => s.name)).toEqual(['本年新收申请', '错误']);
  expect(byUnit.series[0].values).toEqual(boardRows.map((r) => r[8]));
  expect(byUnit.series[1].values).toEqual(boardRows.map((r) => r[5]));
  expect(byUnit.series[0].values).toEqual(units.map((u) => u.table3.new_received.total));
  expect(byUnit.series[1].values.some((n) => Number(n) > 0)).toBe(true); // the unit with errors shows them
  expect(byUnit.showValues).toBe(true);
  expect([byUnit.reversed, charts[1].reversed]).toEqual([true, false]); // the bars read top-down in the board's order

  // the outcomes: table 三's results of the consolidated figures
  expect(outcomes.source).toBe(ranges.outcomes!.source);
  expect(outcomes.categories).toEqual(outcomeShares(rollup.data!).map((o) => o.name));
  expect(outcomes.series[0].values).toEqual(outcomeShares(rollup.data!).map((o) => o.value));
  expect(outcomes.series[0].values[0]).toBe(units.reduce((s, u) => s + (u.table3.granted.total as number), 0));

  // under the board and its notes, one below the other, not over each other
  const used = wb.usedRange(board)!;
  const lastRow = Number(used.split(':')[1].replace(/^[A-Z]+/, ''));
  const rowOf = (cell: string | null) => Number(cell!.replace(/^[A-Z]+/, ''));
  expect(rowOf(byUnit.position)).toBeGreaterThan(lastRow);
  expect((rowOf(outcomes.position) - rowOf(byUnit.position)) * 13.5).toBeGreaterThanOrEqual(byUnit.height);

  // the charts follow the cells: a changed board figure is the chart's figure
  wb.setValue(board, ranges.byUnit!.applications.split(':')[0], 999);
  expect(wb.charts(board)[0].series[0].values[0]).toBe(999);
});

test('writing the roll-up again puts its charts on the new board; charts made again on a sheet replace ours and keep the user’s', async () => {
  const { sources: list } = await sources();
  const rollup = await rollupWorkbooks(list);
  const office = createFakeOffice({ sheets: [{ name: 'Sheet1' }] });
  const port = new OfficeWorkbook({ excel: office.Excel, isSetSupported: office.Office.context.requirements.isSetSupported });
  const first = await writeRollup(port, rollup);
  const second = await writeRollup(port, rollup);
  expect(second.board).not.toBe(first.board);
  expect(office.workbook.charts(first.board)).toHaveLength(2);
  expect(office.workbook.charts(second.board)).toHaveLength(2);

  // a chart of the user's on the board stays; ours are replaced, not added to
  await office.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(first.board);
    ws.charts.add('ColumnClustered', ws.getRange(boardChartRanges(rollup).byUnit!.source), 'Columns').name = '我的图表';
    await ctx.sync();
  });
  const { boardCharts } = await import('../../src/app/rollup');
  await port.addCharts(first.board, boardCharts(rollup));
  expect(office.workbook.charts(first.board).map((c) => c.name).sort()).toEqual(['nianbao_by-unit', 'nianbao_outcomes', '我的图表'].sort());
});

test('the ExcelJS port has no charts: the roll-up is written all the same, and the file holds no chart', async () => {
  const { sources: list } = await sources();
  const rollup = await rollupWorkbooks(list);
  const wb = XlsxWorkbook.create();
  expect((wb as { addCharts?: unknown }).addCharts).toBeUndefined();
  expect(await writeRollup(wb, rollup)).toEqual({ board: '校验汇总', tables: '汇总统计表' });
  const zip = await JSZip.loadAsync(await wb.toBuffer());
  expect(Object.keys(zip.files).filter((f) => /chart|drawing/i.test(f))).toEqual([]);
  const board = await wb.readGrid('校验汇总');
  expect(board.cells[0][0]).toBe('文件');
});

test('with last year’s roll-up given, a third chart compares the key figures by year, drawn from the cells beside the board', async () => {
  const { units, sources: list } = await sources();
  const rollup = await rollupWorkbooks(list);
  const previous = fc.sample(consistentReport(F2021, { year: 2023, organization: '上年汇总' }), { seed: 99, numRuns: 1 })[0];
  const office = createFakeOffice({ sheets: [{ name: 'Sheet1' }] });
  const port = new OfficeWorkbook({ excel: office.Excel, isSetSupported: office.Office.context.requirements.isSetSupported });
  const { board } = await writeRollup(port, rollup, { previous });
  const charts = office.workbook.charts(board);
  expect(charts.map((c) => c.name)).toEqual(['nianbao_by-unit', 'nianbao_outcomes', 'nianbao_by-year']);
  const byYear = charts[2];
  const ranges = boardChartRanges(rollup, previous);
  expect(byYear.source).toBe(ranges.byYear!.source);
  expect(byYear.title).toBe('与上年对比（2023 年 / 2024 年）');
  expect(byYear.series.map((s) => s.name)).toEqual(['2023 年', '2024 年']);
  expect(byYear.categories[0]).toBe('本年新收申请');
  // the figures are last year's and this year's consolidated 本年新收申请 …
  expect(byYear.series[0].values[0]).toBe(previous.table3.new_received.total);
  expect(byYear.series[1].values[0]).toBe(units.reduce((s, u) => s + (u.table3.new_received.total as number), 0));
  // … and sit below the pie, not over it
  const rowOf = (cell: string | null) => Number(cell!.replace(/^[A-Z]+/, ''));
  expect((rowOf(byYear.position) - rowOf(charts[1].position)) * 13.5).toBeGreaterThanOrEqual(charts[1].height);
  // without last year's figures there is no such chart, and no such cells
  expect(boardChartRanges(rollup).byYear).toBeNull();
});
