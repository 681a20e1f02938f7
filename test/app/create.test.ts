/**
 * Creating a report's sheets: the command line (init, import), 插入表格 and the pane outside Excel
 * (新建空白模板, 导入) make the same sheets under the same names from the same input.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { createReportSheets, insertReport } from '../../src/app/create';
import { importIntoWorkbook, readPublished } from '../../src/app/publish';
import { openReports, TABLE_SHEET } from '../../src/app/sheets';
import { PROFILE_SHEET, TEXT_SHEET } from '../../src/core/messages/narrative';
import { PREVIOUS_SHEET } from '../../src/core/previous';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { run, tmpDir } from '../cli/helpers';
import { F2019, F2021, reopen, sampleData, sampleText } from './helpers';

describe('createReportSheets', () => {
  test('a blank report: the tables on 年报统计表 and 报告正文, nothing else', async () => {
    const wb = await XlsxWorkbook.create();
    const created = await createReportSheets(wb, { format: F2021, year: 2024, organization: '某某县人民政府办公室', manualTotals: false });
    expect(created).toEqual({ tables: TABLE_SHEET, address: 'A1', profile: PROFILE_SHEET, previous: null, text: null });
    expect(await wb.listSheets()).toEqual([TABLE_SHEET, PROFILE_SHEET]);
    const { reports } = await openReports(await reopen(wb));
    expect(reports).toHaveLength(1);
    expect(reports[0].data).toMatchObject({ format: '2021', year: 2024, organization: '某某县人民政府办公室' });
  });

  test('with figures, last year and a text: 上年结转 prefilled from last year, 上年数据 and 报告文本 kept', async () => {
    const data = await sampleData(); // 2020, 2019 format
    const previous = { ...structuredClone(data), year: 2019 };
    previous.table3.carried_forward.natural_person = 4;
    const wb = await XlsxWorkbook.create();
    const created = await createReportSheets(wb, {
      format: F2019,
      year: 2020,
      organization: data.organization,
      manualTotals: true,
      data,
      previous: { data: previous },
      text: '第一行\n\n第三行',
    });
    expect(created.previous).toBe(PREVIOUS_SHEET);
    expect(created.text).toBe(TEXT_SHEET);
    expect(await wb.listSheets()).toEqual([TABLE_SHEET, PROFILE_SHEET, PREVIOUS_SHEET, TEXT_SHEET]);
    const { reports } = await openReports(await reopen(wb));
    expect(reports).toHaveLength(1);
    expect(reports[0].data.table3.carried_over.natural_person).toBe(4);
    const text = await wb.readGrid(TEXT_SHEET);
    expect(text.cells.map((r) => r[0])).toEqual(['第一行', null, '第三行']);
  });
});

describe('insertReport (插入表格)', () => {
  test('at a cell with something in the way: a conflict naming the cell, and nothing written; with the yes, written', async () => {
    const wb = await XlsxWorkbook.create();
    const sheet = await wb.addSheet('Sheet1');
    await wb.writeValues([{ sheet, address: 'C5', value: '别人的备注' }]);
    const options = { format: F2021, year: 2024, organization: '', manualTotals: false };
    const target = { kind: 'at' as const, sheet, row: 2, col: 1 };
    const asked = await insertReport(wb, options, target);
    expect(asked.kind).toBe('conflict');
    if (asked.kind !== 'conflict') return;
    expect(asked.conflicts.map((c) => c.address)).toContain('C5');
    expect(await wb.listSheets()).toEqual([sheet]);
    expect((await wb.readGrid(sheet)).cells.flat().filter((v) => v !== null)).toEqual(['别人的备注']);

    const done = await insertReport(wb, options, target, true);
    expect(done.kind).toBe('inserted');
    if (done.kind !== 'inserted') return;
    expect(done.sheets).toMatchObject({ tables: sheet, address: 'B3', profile: PROFILE_SHEET });
    expect(await wb.listSheets()).toEqual([sheet, PROFILE_SHEET]);
    const { reports } = await openReports(wb);
    expect(reports[0].tables[0].sheet).toBe(sheet);
  });

  test('a second insert adds a second tables sheet and leaves 报告正文 as the user edited it', async () => {
    const wb = await XlsxWorkbook.create();
    const options = { format: F2021, year: 2024, organization: '甲局', manualTotals: false };
    await insertReport(wb, options);
    await wb.writeValues([{ sheet: PROFILE_SHEET, address: 'B3', value: '用户改过的内容' }]);
    const second = await insertReport(wb, { ...options, organization: '乙局' });
    expect(second.kind === 'inserted' && second.sheets.profile).toBeNull();
    expect(await wb.listSheets()).toEqual([TABLE_SHEET, PROFILE_SHEET, `${TABLE_SHEET}(2)`]);
    expect((await wb.readGrid(PROFILE_SHEET)).cells.flat()).toContain('用户改过的内容');
  });
});

describe('the same sheets from every surface', () => {
  test('nianbao import and the pane’s 导入 (outside Excel) write the same sheets with the same cells', async () => {
    const dir = await tmpDir();
    const src = path.join(dir, 'kuquan.txt');
    await fs.writeFile(src, await sampleText());
    const out = path.join(dir, 'cli.xlsx');
    const r = await run('import', src, '-o', out);
    expect(r.code).toBe(0);
    const cli = await XlsxWorkbook.open(new Uint8Array(await fs.readFile(out)), 'cli.xlsx');

    // what App.tsx does outside Excel: a new workbook, importIntoWorkbook
    const pane = await XlsxWorkbook.create();
    await importIntoWorkbook(pane, readPublished(await sampleText()));

    const sheets = await cli.listSheets();
    expect(sheets).toEqual([TABLE_SHEET, PROFILE_SHEET, TEXT_SHEET]);
    expect(await pane.listSheets()).toEqual(sheets);
    for (const sheet of sheets) {
      const a = await cli.readGrid(sheet);
      const b = await (await reopen(pane)).readGrid(sheet);
      expect(b.cells).toEqual(a.cells);
    }
  });

  test('nianbao init and the pane’s 新建空白模板 (createReportSheets with the year’s format) write the same sheets', async () => {
    const dir = await tmpDir();
    const out = path.join(dir, 'init.xlsx');
    expect((await run('init', '--year', '2024', '-o', out)).code).toBe(0);
    const cli = await XlsxWorkbook.open(new Uint8Array(await fs.readFile(out)), 'init.xlsx');
    const pane = await XlsxWorkbook.create();
    await createReportSheets(pane, { format: F2021, year: 2024, organization: '', manualTotals: false });
    const sheets = await cli.listSheets();
    expect(await pane.listSheets()).toEqual(sheets);
    for (const sheet of sheets) expect((await (await reopen(pane)).readGrid(sheet)).cells).toEqual((await cli.readGrid(sheet)).cells);
  });
});
