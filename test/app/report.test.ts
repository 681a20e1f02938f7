/** 生成报告 reads one report per set of tables: an imported report's text on 报告文本 is not a second report. */
import { importIntoWorkbook, readPublished } from '../../src/app/publish';
import { profileFor, readReportInputs, reportDocument, renderReport, workbookReport, writeReportText } from '../../src/app/report';
import { TEXT_SHEET } from '../../src/core/messages/narrative';
import { WorkbookError } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { reopen, sampleText } from './helpers';

describe('report inputs', () => {
  test('after importing the 哭泉镇 report (tables, 报告正文, 报告文本), 生成报告 offers one report', async () => {
    const wb = await XlsxWorkbook.create();
    await importIntoWorkbook(wb, readPublished(await sampleText()));
    const inputs = await readReportInputs(await reopen(wb));
    expect(inputs.reports).toHaveLength(1);
    expect(inputs.reports[0].data).toMatchObject({ year: 2020, organization: '哭泉镇' });
    expect(inputs.profile?.sheet).toBe('报告正文');
  });

  test('the report written to 报告文本 and read again: still one report, and the text checks find it consistent', async () => {
    const wb = await XlsxWorkbook.create();
    await importIntoWorkbook(wb, readPublished(await sampleText()), { keepText: false });
    const inputs = await readReportInputs(wb);
    const doc = reportDocument(inputs.reports[0], profileFor(inputs, inputs.reports[0]));
    expect(await writeReportText(wb, doc)).toBe(TEXT_SHEET);
    const again = await readReportInputs(await reopen(wb));
    expect(again.reports).toHaveLength(1);
  });

  test('the three file kinds; a workbook without tables says so', async () => {
    const wb = await XlsxWorkbook.create();
    await importIntoWorkbook(wb, readPublished(await sampleText()));
    const { doc, profileMissing } = await workbookReport(wb);
    expect(profileMissing).toBe(false);
    const txt = await renderReport(doc, 'txt');
    expect(typeof txt === 'string' && txt.split('\n')[0]).toBe(doc.title);
    const html = await renderReport(doc, 'html');
    expect(String(html)).toMatch(/^<!DOCTYPE html>/i);
    const docx = await renderReport(doc, 'docx');
    expect(docx instanceof Uint8Array && String.fromCharCode(docx[0], docx[1])).toBe('PK');

    const empty = await XlsxWorkbook.create();
    await empty.addSheet('Sheet1');
    await expect(workbookReport(empty, '空.xlsx')).rejects.toMatchObject({ code: 'no-tables', data: { file: '空.xlsx' } });
    await expect(workbookReport(empty)).rejects.toBeInstanceOf(WorkbookError);
  });
});
