/**
 * @jest-environment jsdom
 */
import '../dom-stubs';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CellValue } from '../../../src/core/grid';
import { a1 } from '../../../src/core/grid';
import { getFormat } from '../../../src/core/formats';
import { buildSheetPlan } from '../../../src/core/layout/build';
import { readReports } from '../../../src/core/read';
import type { ReportData } from '../../../src/core/model/report';
import { ReportView } from '../../../src/ui/views/ReportView';
import { countyData2023 } from '../../core/narrative/fixtures';
import { MemoryPort } from './fake-port';

// browsers have TextEncoder/TextDecoder (the docx package zips with them); jest's jsdom does not
const g = globalThis as unknown as Record<string, unknown>;
g.TextEncoder ??= NodeTextEncoder;
g.TextDecoder ??= NodeTextDecoder;

let docxLoaded = false;
jest.mock('../../../src/export/docx', () => {
  docxLoaded = true;
  return jest.requireActual('../../../src/export/docx');
});

/** A workbook with the report tables on 表格 (values as typed, totals included). */
function workbookWith(data: ReportData): MemoryPort {
  const plan = buildSheetPlan(getFormat(data.format)!, { year: data.year, organization: data.organization, manualTotals: true, values: data });
  const cells = new Map<string, CellValue>();
  for (const c of plan.cells) cells.set(a1(c.r, c.c), c.formula ? null : (c.value ?? null));
  return new MemoryPort({ 表格: cells });
}

function renderView(port: MemoryPort) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ReportView port={port} locale="zh" />
    </FluentProvider>,
  );
}

const preview = () => screen.getByTestId('report-preview');

/** The question before a download while something is pending: 仍然下载. */
async function downloadAnyway(): Promise<void> {
  const dialog = await screen.findByRole('dialog', { hidden: true });
  expect(dialog.textContent).toContain('仍要下载吗');
  fireEvent.click(within(dialog).getByTestId('report-download-anyway'));
  await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
}

/** Element a comes before element b in the document. */
function before(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

async function readBlob(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

describe('ReportView (生成报告)', () => {
  let blobs: Blob[];
  let clicked: string[];
  beforeEach(() => {
    blobs = [];
    clicked = [];
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = (b: Blob) => {
      blobs.push(b);
      return `blob:${blobs.length}`;
    };
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('previews the report from the tables and inserts the 报告正文 sheet when it is missing', async () => {
    const port = workbookWith(countyData2023());
    renderView(port);
    await waitFor(() => expect(preview().textContent).toContain('本年度共收到政府信息公开申请13件'));
    expect(preview().querySelector('h1')!.textContent).toBe('某某县人民政府2023年政府信息公开工作年度报告');
    expect(preview().querySelectorAll('table')).toHaveLength(3);
    expect(screen.getByText(/工作簿中还没有“报告正文”工作表/)).toBeTruthy();
    expect(docxLoaded).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '插入“报告正文”工作表' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已插入工作表“报告正文”。'));
    // what the view changed: the one sheet (the workbook is read, and checked, before and after)
    expect(port.calls.filter((c) => c !== 'readAllGrids')).toEqual(['addSheet:报告正文', 'applyPlan:报告正文']);
    expect(port.value('报告正文', 'A4')).toBe('单位名称');
    expect(port.value('报告正文', 'B4')).toBe('某某县人民政府');
    expect(screen.queryByText(/工作簿中还没有/)).toBeNull();
    expect(screen.getByRole('button', { name: '保存到“报告正文”' })).toBeTruthy();
  });

  it('edits a field: the preview follows and 保存 writes the value into its cell on the sheet', async () => {
    const port = workbookWith(countyData2023());
    renderView(port);
    fireEvent.click(await screen.findByRole('button', { name: '插入“报告正文”工作表' }));
    await screen.findByRole('button', { name: '保存到“报告正文”' });
    expect(preview().textContent).toContain('共主动公开政府信息【待填写：主动公开政府信息条数（条）】条');
    expect(screen.getByTestId('report-todos').textContent).toContain('主动公开政府信息条数（条）');

    fireEvent.change(screen.getByRole('textbox', { name: '主动公开政府信息条数（条）' }), { target: { value: '1532' } });
    fireEvent.change(screen.getByRole('textbox', { name: '存在的主要问题及改进情况' }), { target: { value: '公开内容还不够全面。' } });
    await waitFor(() => expect(preview().textContent).toContain('共主动公开政府信息1532条'));
    expect(preview().textContent).toContain('公开内容还不够全面。');

    fireEvent.click(screen.getByRole('button', { name: '保存到“报告正文”' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已保存。'));
    const row = [...Array(30).keys()].find((r) => port.value('报告正文', `A${r + 1}`) === '主动公开政府信息条数（条）')!;
    expect(port.value('报告正文', `B${row + 1}`)).toBe(1532);
    const prow = [...Array(30).keys()].find((r) => port.value('报告正文', `A${r + 1}`) === '存在的主要问题及改进情况')!;
    expect(port.value('报告正文', `B${prow + 1}`)).toBe('公开内容还不够全面。');
  });

  it('marks a field that needs a number and writes 待填写 until it is one', async () => {
    renderView(workbookWith(countyData2023()));
    const input = await screen.findByRole('textbox', { name: '主动公开政府信息条数（条）' });
    fireEvent.change(input, { target: { value: '一千多' } });
    await waitFor(() => expect(screen.getByText(/应填写数字，现为“一千多”/)).toBeTruthy());
    expect(preview().textContent).toContain('【待填写：主动公开政府信息条数（条）】');
  });

  it('downloads .docx (loading the exporter only then), the whole page, the fragment and .txt — each after 仍然下载 while inputs are pending', async () => {
    renderView(workbookWith(countyData2023()));
    await screen.findByRole('button', { name: '下载 Word（.docx）' });
    expect(docxLoaded).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '下载 Word（.docx）' }));
    await downloadAnyway();
    await waitFor(() => expect(clicked).toHaveLength(1), { timeout: 20000 });
    expect(screen.queryByTestId('error-bar')).toBeNull();
    expect(docxLoaded).toBe(true);
    expect(clicked[0]).toBe('某某县人民政府2023年政府信息公开工作年度报告.docx');
    expect(blobs[0].type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const bytes = await readBlob(blobs[0]);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip (PK)
    expect(bytes.length).toBeGreaterThan(5000);

    fireEvent.click(screen.getByRole('button', { name: '下载完整网页（.html）' }));
    await downloadAnyway();
    await waitFor(() => expect(clicked).toHaveLength(2));
    const html = new TextDecoder().decode(await readBlob(blobs[1]));
    expect(clicked[1]).toBe('某某县人民政府2023年政府信息公开工作年度报告.html');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<th colspan="7" scope="colgroup"');

    fireEvent.click(screen.getByRole('button', { name: '下载网页片段（粘贴到网站后台）' }));
    await downloadAnyway();
    await waitFor(() => expect(clicked).toHaveLength(3));
    const fragment = new TextDecoder().decode(await readBlob(blobs[2]));
    expect(clicked[2]).toBe('某某县人民政府2023年政府信息公开工作年度报告（网页片段）.html');
    expect(fragment).not.toMatch(/<html|<head|<h1/i);
    expect(fragment).toContain('<th colspan="7" scope="colgroup"');

    fireEvent.click(screen.getByRole('button', { name: '下载文本（.txt）' }));
    await downloadAnyway();
    await waitFor(() => expect(clicked).toHaveLength(4));
    const txt = new TextDecoder().decode(await readBlob(blobs[3]));
    expect(txt.split('\n')[0]).toBe('某某县人民政府2023年政府信息公开工作年度报告');
    expect(txt).toContain('六、其他需要报告的事项');
  });

  it('复制（网页格式） puts text/html (the tables) and text/plain on the clipboard; without ClipboardItem the text alone', async () => {
    const items: Record<string, Blob>[] = [];
    class FakeItem {
      constructor(readonly types: Record<string, Blob>) {
        items.push(types);
      }
    }
    const write = jest.fn(async (_items: unknown[]) => undefined);
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { write, writeText }, configurable: true });
    g.ClipboardItem = FakeItem;
    try {
      renderView(workbookWith(countyData2023()));
      fireEvent.click(await screen.findByRole('button', { name: '复制（网页格式）' }));
      await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已复制（网页格式和纯文本）'));
      expect(screen.queryByRole('dialog', { hidden: true })).toBeNull(); // copying saves nothing: no question
      expect(write).toHaveBeenCalledTimes(1);
      expect(Object.keys(items[0]).sort()).toEqual(['text/html', 'text/plain']);
      const html = new TextDecoder().decode(await readBlob(items[0]['text/html']));
      const text = new TextDecoder().decode(await readBlob(items[0]['text/plain']));
      expect(html).toContain('<table');
      expect(html).not.toMatch(/<html|<h1/i);
      expect(text).toContain('本年度共收到政府信息公开申请13件');
      expect(text).not.toContain('<');
      expect(writeText).not.toHaveBeenCalled();

      delete g.ClipboardItem;
      fireEvent.click(screen.getByRole('button', { name: '复制（网页格式）' }));
      await waitFor(() => expect(screen.getByRole('status').textContent).toContain('已复制纯文本'));
      expect(writeText.mock.calls[0][0]).toContain('本年度共收到政府信息公开申请13件');
    } finally {
      delete g.ClipboardItem;
    }
  });

  it('writes the text into a new sheet 报告文本 that the reader does not take for tables', async () => {
    const port = workbookWith(countyData2023());
    renderView(port);
    await waitFor(() => expect(preview().textContent).toContain('本年度共收到政府信息公开申请13件'));

    fireEvent.click(screen.getByRole('button', { name: '写入“报告文本”工作表' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已写入工作表“报告文本”。'));
    expect(port.value('报告文本', 'A1')).toBe('某某县人民政府2023年政府信息公开工作年度报告');
    const col = [...port.sheets.get('报告文本')!.entries()];
    expect(col.every(([addr]) => addr.startsWith('A'))).toBe(true);
    expect(col.some(([, v]) => v === '一、本年新收政府信息公开申请数量\u300010\u30002\u30000\u30000\u30000\u30001\u300013')).toBe(true);
    // the checker still finds exactly one report in the workbook
    const reports = readReports(await port.readAllGrids());
    expect(reports).toHaveLength(1);
    expect(reports[0].tables.every((t) => t.sheet === '表格')).toBe(true);
  });

  it('writing 报告文本 again asks first: 取消 leaves it as it is, 替换 replaces its content (no second sheet)', async () => {
    const port = workbookWith(countyData2023());
    // an earlier 报告文本 with a line below where the new text ends
    port.sheets.set('报告文本', new Map<string, CellValue>([['A1', '旧标题'], ['A500', '旧的最后一行']]));
    renderView(port);
    await waitFor(() => expect(preview().textContent).toContain('本年度共收到政府信息公开申请13件'));

    fireEvent.click(screen.getByRole('button', { name: '写入“报告文本”工作表' }));
    let dialog = await screen.findByRole('dialog', { hidden: true });
    expect(dialog.textContent).toContain('工作簿中已有“报告文本”工作表');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(port.value('报告文本', 'A1')).toBe('旧标题');
    expect(screen.getByRole('status').textContent).toBe('');

    fireEvent.click(screen.getByRole('button', { name: '写入“报告文本”工作表' }));
    dialog = await screen.findByRole('dialog', { hidden: true });
    fireEvent.click(within(dialog).getByRole('button', { name: '替换', hidden: true }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已写入工作表“报告文本”。'));
    expect(await port.listSheets()).toEqual(['表格', '报告文本']);
    expect(port.value('报告文本', 'A1')).toBe('某某县人民政府2023年政府信息公开工作年度报告');
    expect(port.value('报告文本', 'A500')).toBeNull();
  });

  it('reads an existing 报告正文 sheet by its labels', async () => {
    const port = workbookWith(countyData2023());
    port.sheets.set(
      '报告正文',
      new Map<string, CellValue>([
        ['A2', '单位名称'], ['B2', '某某县人民政府'],
        ['A3', '单位类型'], ['B3', '人民政府'],
        ['A5', '主动公开政府信息条数'], ['B5', 888],
        ['A6', '信息处理费金额（元）'], ['B6', 0],
        ['A7', '主动公开渠道'], ['B7', '门户网站、政务新媒体'],
      ]),
    );
    renderView(port);
    await waitFor(() => expect(preview().textContent).toContain('共主动公开政府信息888条，主要通过门户网站、政务新媒体予以公开。'));
    expect(preview().textContent).toContain('本年度未收取信息处理费。');
    expect(preview().textContent).toContain('落实上级年度政务公开工作要点情况');
    // rows the sheet lacks are named
    expect(screen.getByText(/找不到“存在的主要问题及改进情况”一行/)).toBeTruthy();
  });

  it('says so when the workbook has no report tables, and shows a read failure with 复制诊断信息', async () => {
    const empty = new MemoryPort({ Sheet1: new Map() });
    const { unmount } = renderView(empty);
    expect(await screen.findByText(/没有找到年度报告的表格/)).toBeTruthy();
    unmount();

    const failing = workbookWith(countyData2023());
    failing.failReadAll = Object.assign(new Error('boom'), { code: 'host' });
    renderView(failing);
    const bar = await screen.findByTestId('error-bar');
    expect(within(bar).getByRole('button', { name: '复制诊断信息' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '重新读取' }));
    });
    await waitFor(() => expect(preview().textContent).toContain('本年度共收到政府信息公开申请13件'));
  });

  it('lists what is not filled in above the preview and the download buttons, each with a link that focuses its input', async () => {
    renderView(workbookWith(countyData2023()));
    await waitFor(() => expect(preview().textContent).toContain('本年度共收到政府信息公开申请13件'));
    const todos = screen.getByTestId('report-todos');
    expect(before(todos, preview())).toBe(true);
    expect(before(preview(), screen.getByRole('button', { name: '下载 Word（.docx）' }))).toBe(true);
    const inputs = within(todos).getAllByTestId('todo-input');
    const item = inputs.find((li) => li.textContent?.includes('主动公开政府信息条数（条）'))!;
    expect(item).toBeTruthy();
    // as many inputs are listed as the preview writes 待填写 for (a list item names the field to fill)
    const pendingInText = new Set([...(preview().textContent ?? '').matchAll(/【待填写：([^】]+)】/g)].map((m) => m[1]));
    expect(pendingInText.size).toBeGreaterThan(0);
    expect(inputs).toHaveLength(pendingInText.size);
    fireEvent.click(within(item).getByRole('button', { name: '去填写' }));
    const field = screen.getByRole('textbox', { name: '主动公开政府信息条数（条）' });
    expect(document.activeElement).toBe(field);
    // filled in, it leaves the list
    fireEvent.change(field, { target: { value: '1532' } });
    await waitFor(() => expect(screen.getByTestId('report-todos').textContent).not.toContain('主动公开政府信息条数（条）'));
    // while inputs are pending Word is not the primary action
    expect(screen.getByRole('button', { name: '下载 Word（.docx）' }).className).not.toMatch(/primary/i);
  });

  it("shows the tables' open errors at the top and asks before downloading: 取消 downloads nothing, 仍然下载 does", async () => {
    const data = countyData2023();
    data.table3.new_received.total = Number(data.table3.new_received.total ?? 0) + 5; // 合计 ≠ its parts
    renderView(workbookWith(data));
    const errors = await screen.findByTestId('report-errors');
    expect(errors.textContent).toMatch(/表格中还有\d+个错误/);
    expect(within(errors).getAllByTestId('report-error').length).toBeGreaterThan(0);
    expect(before(errors, preview())).toBe(true);
    expect(before(errors, screen.getByTestId('report-todos'))).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: '下载文本（.txt）' }));
    let dialog = await screen.findByRole('dialog', { hidden: true });
    expect(dialog.textContent).toMatch(/表格中有\d+个错误/);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(clicked).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '下载文本（.txt）' }));
    dialog = await screen.findByRole('dialog', { hidden: true });
    fireEvent.click(within(dialog).getByTestId('report-download-anyway'));
    await waitFor(() => expect(clicked).toHaveLength(1));
  });
});
