/** Issue 10: the template `init` writes (formula totals, no values) is 尚未填写, not 166 blank-cell errors. */
import { FORMATS } from '../../../src/core/formats';
import { buildSheetPlan } from '../../../src/core/layout/build';
import { readReports } from '../../../src/core/read';
import { runChecks, summarize } from '../../../src/core/rules';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';

describe.each(FORMATS.map((f) => [f.id, f] as const))('a fresh template of format %s', (_id, format) => {
  it('read back from the file: one 尚未填写 per table, no error', async () => {
    const wb = XlsxWorkbook.create();
    const sheet = await wb.addSheet('年报');
    await wb.applyPlan(sheet, buildSheetPlan(format, { year: format.years.from, organization: '某某镇人民政府' }));
    const grids = await (await XlsxWorkbook.open(await wb.toBuffer())).readAllGrids();
    const [report] = readReports(grids);
    const found = runChecks(report.data, { cells: report.cells, readIssues: report.issues });
    expect(found.map((f) => `${f.id} ${f.table}`)).toEqual(['TABLE-UNFILLED table2', 'TABLE-UNFILLED table3', 'TABLE-UNFILLED table4']);
    expect(found.every((f) => f.severity === 'warning' && f.unfilled)).toBe(true);
    expect(Object.values(summarize(found)).every((s) => s.passed && s.unfilled && s.errors === 0)).toBe(true);
    // filling one cell of table 三 makes it a half-filled table: its blanks become one finding
    report.data.table3.granted.natural_person = 1;
    const half = runChecks(report.data, { cells: report.cells }).filter((f) => f.table === 'table3');
    expect(half.map((f) => f.id)).toEqual(['CELL-BLANK']);
    expect(half[0].ranges).toMatch(/^D\d+:I\d+, E\d+:I\d+, D\d+:I\d+, D\d+:I\d+$/); // 一 and 二, （一） but D, the results, 四
  });
});
