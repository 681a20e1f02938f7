import { promises as fs } from 'fs';
import * as path from 'path';
import { getFormat } from '../../src/core/formats';
import { parseReportJson } from '../../src/core/model/json';
import type { ReportData } from '../../src/core/model/report';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

export const ROOT = path.join(__dirname, '..', '..');

/** The 哭泉镇 2020 report's figures (samples/kuquan-2020.json, from the published report). */
export async function sampleData(): Promise<ReportData> {
  return parseReportJson(await fs.readFile(path.join(ROOT, 'samples', 'kuquan-2020.json'), 'utf8'));
}

/** The published text of the same report. */
export async function sampleText(): Promise<string> {
  return fs.readFile(path.join(ROOT, 'test', 'fixtures', 'published', 'kuquan-2020.txt'), 'utf8');
}

export const F2019 = getFormat('2019')!;
export const F2021 = getFormat('2021')!;

/** A workbook written to bytes and opened again, as the next run of the tool would see it. */
export async function reopen(wb: XlsxWorkbook, name = 'book.xlsx'): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(await wb.toBuffer(), name);
}
