/** 生成报告 reads one report per set of tables: an imported report's text on 报告文本 is not a second report. */
import { importIntoWorkbook, readPublished } from '../../src/app/publish';
import { createReportSheets } from '../../src/app/create';
import { prepareReport, profileFor, readReportInputs, reportClipboard, reportDocument, renderReport, workbookReport, writeReportText } from '../../src/app/report';
import { emptyReport, type ReportData } from '../../src/core/model/report';
import { renderText } from '../../src/core/render/text';
import { TEXT_SHEET } from '../../src/core/messages/narrative';
import { WorkbookError } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { F2021, reopen, sampleText } from './helpers';

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

describe('prepareReport: what the 生成报告 view and `nianbao report` show', () => {
  const row = (n: number) => ({ natural_person: n, commercial_enterprise: 0, research_institution: 0, social_welfare_org: 0, legal_service_org: 0, other_org: 0, total: n });
  const figures = (year: number, n: number): ReportData => {
    const d = emptyReport(F2021, year, '某某县人民政府', 0);
    d.table3.new_received = row(n);
    d.table3.granted = row(n);
    d.table3.total_processed = row(n);
    return d;
  };

  test('last year’s figures kept on 上年数据 give the change from last year (as 一键校验 finds them)', async () => {
    const wb = await XlsxWorkbook.create();
    await createReportSheets(wb, { format: F2021, year: 2023, organization: '某某县人民政府', manualTotals: false, data: figures(2023, 30), previous: { data: figures(2022, 24) } });
    const { doc, previousYear } = await prepareReport(await reopen(wb));
    expect(previousYear).toBe(2022);
    expect(renderText(doc)).toContain('本年度共收到政府信息公开申请30件，较上年增加6件，增长25.0%');
  });

  test('readiness: the inputs to give with their 报告正文 cell, the blank cells with theirs; ready once given and no error', async () => {
    const wb = await XlsxWorkbook.create();
    await createReportSheets(wb, { format: F2021, year: 2023, organization: '某某县人民政府', manualTotals: false });
    const blank = await prepareReport(await reopen(wb));
    expect(blank.readiness.ready).toBe(false);
    expect(blank.readiness.missingInputs.map((t) => t.label)).toContain('主动公开政府信息条数（条）');
    expect(blank.readiness.missingInputs.every((t) => t.sheet === '报告正文' && /^B\d+$/.test(t.address ?? ''))).toBe(true);
    expect(blank.readiness.pendingFigures.length).toBeGreaterThan(50);
    expect(blank.readiness.pendingFigures.every((t) => t.sheet === '年报统计表' && !!t.address)).toBe(true);
    expect(blank.readiness.drafts.length).toBeGreaterThan(3);

    const filled = await XlsxWorkbook.create();
    await createReportSheets(filled, { format: F2021, year: 2023, organization: '某某县人民政府', manualTotals: false, data: figures(2023, 5) });
    const addr = (await prepareReport(filled)).readiness.missingInputs.map((t) => t.address!);
    await filled.writeValues(addr.map((a, i) => ({ sheet: '报告正文', address: a, value: i === 1 ? '是' : 0 })));
    const ok = await prepareReport(await reopen(filled));
    expect(ok.readiness.missingInputs).toEqual([]);
    expect(ok.readiness.errors).toEqual([]);
    expect(ok.readiness.ready).toBe(true);
  });

  test('复制（网页格式）: the fragment as text/html and the text as text/plain', async () => {
    const wb = await XlsxWorkbook.create();
    await importIntoWorkbook(wb, readPublished(await sampleText()));
    const { doc } = await prepareReport(wb);
    const clip = reportClipboard(doc);
    expect(clip.html).not.toMatch(/<html|<h1/);
    expect(clip.html).toMatch(/<table[\s\S]*rowspan/);
    expect(clip.text).toBe(renderText(doc));
  });
});
