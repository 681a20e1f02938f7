/**
 * Last year's figures from any file (the same for --previous and the pane's 载入上年数据), the
 * check of a workbook, and where a finding points.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../../src/app/check';
import { createReportSheets } from '../../src/app/create';
import { AppError } from '../../src/app/errors';
import { findingRef, targetCell } from '../../src/app/findings';
import { loadPrevious, type OpenXlsx } from '../../src/app/previous';
import { exportData, fillData } from '../../src/app/fill';
import { openReports, TABLE_SHEET } from '../../src/app/sheets';
import { describeError } from '../../src/core/messages/errors';
import { stringifyReport } from '../../src/core/model/json';
import type { Finding } from '../../src/core/rules/types';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { F2019, F2021, reopen, ROOT, sampleData, sampleText } from './helpers';

const openXlsx: OpenXlsx = (bytes, name) => XlsxWorkbook.open(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), name);
const utf8 = (s: string) => new TextEncoder().encode(s);

async function workbookBytes(data: Awaited<ReturnType<typeof sampleData>>): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.create();
  await createReportSheets(wb, { format: F2019, year: data.year, organization: data.organization, manualTotals: true, data });
  return wb.toBuffer();
}

describe('loadPrevious', () => {
  test('from a workbook, report.json and the published text: the same figures; a workbook’s cells named [file]sheet', async () => {
    const data = await sampleData();
    const fromXlsx = await loadPrevious({ name: '哭泉镇2020.xlsx', bytes: await workbookBytes(data) }, openXlsx);
    const fromJson = await loadPrevious({ name: 'report.json', bytes: utf8(stringifyReport(data)) }, openXlsx);
    const fromText = await loadPrevious({ name: 'kuquan.txt', bytes: utf8(await sampleText()) }, openXlsx);
    expect(fromXlsx.data.table3).toEqual(data.table3);
    expect(fromJson.data.table3).toEqual(data.table3);
    expect(fromText.data.table3).toEqual(data.table3);
    expect(fromText.unread).toBe(0);
    expect(fromXlsx.source).toBe('file');
    expect(fromXlsx.cells?.table3?.carried_forward?.total?.sheet).toBe(`[哭泉镇2020.xlsx]${TABLE_SHEET}`);
  });

  test('a GB18030 text (Notepad on Chinese Windows) reads like the UTF-8 one', async () => {
    const gb = await fs.readFile(path.join(ROOT, 'test', 'fixtures', 'published', 'kuquan-2020.txt'), 'utf8');
    const { execFileSync } = await import('child_process');
    const bytes = new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: gb })); // glibc's iconv
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const r = await loadPrevious({ name: 'kuquan.txt', bytes }, openXlsx);
    expect(r.data.organization).toBe('哭泉镇');
    expect(r.data.table3).toEqual((await sampleData()).table3);
  });

  test('a bad report.json, a file of another kind, a workbook without tables: each its own error, one sentence each', async () => {
    await expect(loadPrevious({ name: 'r.json', bytes: utf8('{"format":') }, openXlsx)).rejects.toMatchObject({ code: 'bad-json', data: { file: 'r.json' } });
    const other = loadPrevious({ name: '去年.pptx', bytes: utf8('PK') }, openXlsx);
    await expect(other).rejects.toBeInstanceOf(AppError);
    await expect(other).rejects.toMatchObject({ code: 'unsupported-file' });
    const empty = await XlsxWorkbook.create();
    await empty.addSheet('Sheet1');
    const none = loadPrevious({ name: '空.xlsx', bytes: await empty.toBuffer() }, openXlsx);
    await expect(none).rejects.toMatchObject({ code: 'no-tables', data: { file: '空.xlsx' } });
    const e = (await none.then(
      () => undefined,
      (x: unknown) => x as AppError,
    ))!;
    expect(describeError(e)).toContain('空.xlsx');
  });
});

describe('checkWorkbook and where a finding points', () => {
  test('a broken 表三 balance: the finding’s click target is a cell of the tables sheet, with that sheet', async () => {
    const data = await sampleData();
    const wb = await XlsxWorkbook.create();
    await createReportSheets(wb, { format: F2019, year: 2020, organization: data.organization, manualTotals: true, data });
    const { reports } = await openReports(wb);
    const cell = reports[0].cells.table3!.granted.natural_person;
    await wb.writeValues([{ sheet: cell.sheet, address: cell.address, value: (data.table3.granted.natural_person as number) + 1 }]);
    const outcome = await checkWorkbook(await reopen(wb));
    expect(outcome.reports).toHaveLength(1);
    const errors = outcome.reports[0].findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      const target = targetCell(f);
      expect(target?.sheet).toBe(TABLE_SHEET);
      expect(findingRef(f)).toBe(`${TABLE_SHEET}!${target?.address}`);
    }
    expect(outcome.highlights.some((h) => h.address === cell.address && h.severity === 'error')).toBe(true);
  });

  test('findingRef takes sheet and address from the same cell (never one cell’s sheet with another’s address)', () => {
    const f: Finding = {
      id: 'XY-CARRY',
      severity: 'error',
      cells: [
        { sheet: '上年数据', label: '上年 结转下年度', previous: true },
        { sheet: TABLE_SHEET, address: 'D25', label: '表三 二、上年结转' },
      ],
      basis: '',
      message: '',
    };
    expect(findingRef(f)).toBe(`${TABLE_SHEET}!D25`);
  });
});

describe('exportData / fillData', () => {
  test('figures exported, written into another workbook of the same format, exported again: equal', async () => {
    const data = await sampleData();
    const source = await openXlsx(await workbookBytes(data), 'a.xlsx');
    const exported = await exportData(source);
    const target = await XlsxWorkbook.create();
    await createReportSheets(target, { format: F2019, year: 2020, organization: data.organization, manualTotals: true });
    const { written, skipped } = await fillData(target, exported);
    expect(skipped).toEqual([]);
    expect(written.length).toBeGreaterThan(50);
    expect((await exportData(await reopen(target))).table3).toEqual(data.table3);
  });

  test('figures of the other format: nothing written, and the reason names both formats', async () => {
    const data = await sampleData();
    const target = await XlsxWorkbook.create();
    await createReportSheets(target, { format: F2021, year: 2023, organization: '', manualTotals: false });
    const before = await target.readAllGrids();
    const err = await fillData(target, data, 'b.xlsx').catch((e: unknown) => e as AppError);
    expect(err).toMatchObject({ code: 'format-mismatch', data: { book: '2021', data: '2019' } });
    expect(describeError(err as AppError)).toContain('2021 版');
    expect(await target.readAllGrids()).toEqual(before);
  });
});
