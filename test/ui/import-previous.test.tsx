/** @jest-environment jsdom */
/** Issue 5 in the pane: a published report read back in, last year's figures, the text against the tables. */
import './dom-stubs';
import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getFormat } from '../../src/core/formats';
import { buildSheetPlan, valueCellAddresses } from '../../src/core/layout/build';
import { emptyReport, type ReportData } from '../../src/core/model/report';
import { readReports } from '../../src/core/read';
import { App } from '../../src/ui/App';
import type { AppProps } from '../../src/ui/App';
import type { FileBackend, FileWorkbook } from '../../src/ui/files';
import { FakePort } from './fake-port';

const SAMPLE_TXT = fs.readFileSync(path.join(__dirname, '../fixtures/published/kuquan-2020.txt'), 'utf8');
const SAMPLE_JSON = JSON.parse(fs.readFileSync(path.join(__dirname, '../../samples/kuquan-2020.json'), 'utf8')) as ReportData;
const F2021 = getFormat('2021')!;
const ORG = '某某县人民政府办公室';

async function renderApp(props: Omit<AppProps, 'onFirstRender'>): Promise<void> {
  let rendered = false;
  render(<App {...props} onFirstRender={() => (rendered = true)} />);
  await waitFor(() => expect(rendered).toBe(true));
}

function findDialog(): Promise<HTMLElement> {
  return screen.findByRole('dialog', { hidden: true });
}

/** Paste text into the import box (typing 10 000 characters one by one would take minutes). */
function paste(text: string): void {
  fireEvent.change(screen.getByTestId('import-text'), { target: { value: text } });
}

function pickFile(testId: string, name: string, content: string): void {
  const file = new File([content], name, { type: 'application/octet-stream' });
  fireEvent.change(screen.getByTestId(testId), { target: { files: [file] } });
}

/** A consistent year of the 2021 format: 新收 5 by 自然人; `over` carried over, `forward` carried forward. */
function year(y: number, forward: number, over: number): ReportData {
  const d = emptyReport(F2021, y, ORG, 0);
  d.table3.carried_over.natural_person = over;
  d.table3.carried_over.total = over;
  d.table3.new_received.natural_person = 5;
  d.table3.new_received.total = 5;
  d.table3.granted.natural_person = 5 + over - forward;
  d.table3.granted.total = 5 + over - forward;
  d.table3.total_processed.natural_person = 5 + over - forward;
  d.table3.total_processed.total = 5 + over - forward;
  d.table3.carried_forward.natural_person = forward;
  d.table3.carried_forward.total = forward;
  return d;
}

async function portWith(data: ReportData, sheet = '2023年度年报'): Promise<FakePort> {
  const port = new FakePort([sheet]);
  await port.applyPlan(sheet, buildSheetPlan(F2021, { year: data.year, organization: ORG, manualTotals: true, values: data }));
  return port;
}

const ADDR = valueCellAddresses(F2021);

function findingsOf(id: string): HTMLElement[] {
  return screen.queryAllByTestId('finding').filter((el) => el.getAttribute('data-check') === id);
}

describe('导入已发布报告', () => {
  test('pasted text of the 哭泉镇 2020 report: year, format, body, nothing unread; 插入为统计表 writes its figures on a new sheet', async () => {
    const user = userEvent.setup();
    const port = new FakePort(['Sheet1']);
    await renderApp({ locale: 'zh', initialView: 'insert', port });
    paste(SAMPLE_TXT);
    await user.click(screen.getByTestId('import-read'));
    const result = await screen.findByTestId('import-result');
    expect((screen.getByTestId('import-year') as HTMLInputElement).value).toBe('2020');
    expect(screen.getByTestId('import-format').textContent).toContain('2019年版');
    expect((screen.getByTestId('import-organization') as HTMLInputElement).value).toBe('哭泉镇');
    expect(within(result).getByTestId('import-all-read')).toBeTruthy();
    expect(screen.queryAllByTestId('import-unread-item')).toHaveLength(0);
    expect(port.applied).toHaveLength(0);

    await user.click(screen.getByTestId('import-insert'));
    const done = await screen.findByTestId('import-done');
    expect(done.textContent).toContain('年报统计表');
    // the same sheets as nianbao import: the tables and 报告正文 (the text below)
    expect(port.applied).toEqual([{ sheet: '年报统计表', overwrite: false }, { sheet: '报告正文', overwrite: false }]);
    expect(port.meta.get('年报统计表')).toMatchObject({ format: '2019', year: 2020, organization: '哭泉镇', manualTotals: true });
    expect(port.value('Sheet1', 'A1')).toBeNull();
    // the published text is kept on 报告文本, one line a row, where 一键校验 reads it
    expect(done.textContent).toContain('报告全文已保存到“报告文本”工作表');
    const kept = (await port.readGrid('报告文本')).cells.map((r) => r[0]).filter((v) => v !== null);
    const lines = SAMPLE_TXT.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
    expect(kept[0]).toBe(lines[0]);
    expect(kept).toContain(lines[lines.length - 1]);
    expect(await port.listSheets()).toEqual(['Sheet1', '年报统计表', '报告正文', '报告文本']);
    // the sheet holds the published figures: read back, they equal the published report's
    const [report] = readReports([await port.readGrid('年报统计表')]);
    expect(report.data.table2).toEqual(SAMPLE_JSON.table2);
    expect(report.data.table3).toEqual(SAMPLE_JSON.table3);
    expect(report.data.table4).toEqual(SAMPLE_JSON.table4);

    // 一键校验 checks the published text against its tables
    await user.click(screen.getByRole('tab', { name: '一键校验' }));
    await user.click(await screen.findByTestId('run-check'));
    await screen.findByTestId('report-result');
    expect(screen.getByTestId('text-checked').textContent).toContain('报告文本');
  });

  test('in Excel an existing 报告文本 is replaced only when the user says so', async () => {
    const user = userEvent.setup();
    const port = new FakePort(['Sheet1', '报告文本']);
    port.sheets.get('报告文本')!.set('A1', '另一份报告的正文');
    await renderApp({ locale: 'zh', initialView: 'insert', port });
    paste(SAMPLE_TXT);
    await user.click(screen.getByTestId('import-read'));
    await user.click(await screen.findByTestId('import-insert'));
    let dialog = await findDialog();
    expect(dialog.textContent).toContain('工作簿中已有“报告文本”工作表');
    expect(port.applied.map((a) => a.sheet)).toEqual(['年报统计表', '报告正文']); // the tables are in; the text waits for the answer
    await user.click(within(dialog).getByRole('button', { name: '保留原有内容', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('import-done').textContent).toContain('原有的“报告文本”工作表没有改动'));
    expect(port.value('报告文本', 'A1')).toBe('另一份报告的正文');

    await user.click(screen.getByTestId('import-insert'));
    dialog = await findDialog();
    await user.click(within(dialog).getByRole('button', { name: '替换', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('import-done').textContent).toContain('报告全文已保存到“报告文本”工作表'));
    expect(String(port.value('报告文本', 'A1'))).toContain('哭泉镇');
    expect((await port.listSheets()).filter((n) => n.startsWith('报告文本'))).toEqual(['报告文本']);
  });

  test('a row missing from the text is listed by its label and left empty, never guessed', async () => {
    const user = userEvent.setup();
    const port = new FakePort(['Sheet1']);
    await renderApp({ locale: 'zh', initialView: 'insert', port });
    const lines = SAMPLE_TXT.split('\n');
    const i = lines.findIndex((l) => l.trim() === '规范性文件');
    expect(i).toBeGreaterThan(0);
    paste([...lines.slice(0, i), ...lines.slice(i + 4)].join('\n'));
    await user.click(screen.getByTestId('import-read'));
    const unread = await screen.findByTestId('import-unread');
    const items = within(unread).getAllByTestId('import-unread-item').map((el) => el.textContent ?? '');
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('表二 规范性文件');
    expect(unread.textContent).toContain('以下1项没有读出');

    await user.click(screen.getByTestId('import-insert'));
    await screen.findByTestId('import-done');
    const [report] = readReports([await port.readGrid('年报统计表')]);
    expect(report.data.table2.normative_documents).toEqual({ new_made: null, new_published: null, total_published: null });
    expect(report.data.table2.regulations).toEqual(SAMPLE_JSON.table2.regulations);
  });

  test('outside Excel the figures go into a new workbook and its check opens', async () => {
    const user = userEvent.setup();
    const created: FakePort[] = [];
    const backend: FileBackend = {
      create: async () => {
        const p = new FakePort([]) as unknown as FileWorkbook;
        (p as unknown as { toBuffer: () => Promise<Uint8Array> }).toBuffer = async () => new Uint8Array([1]);
        created.push(p as unknown as FakePort);
        return p;
      },
      open: async () => {
        throw new Error('not used');
      },
    };
    await renderApp({ locale: 'zh', initialView: 'insert', files: backend });
    await screen.findByTestId('import-text'); // no workbook yet: the import part still shows
    paste(SAMPLE_TXT);
    await user.click(screen.getByTestId('import-read'));
    await screen.findByTestId('import-result');
    await user.click(screen.getByTestId('import-insert'));
    expect((await screen.findByTestId('app-notice')).textContent).toContain('2020年度政府信息公开工作年度报告（导入）.xlsx');
    await waitFor(() => expect(screen.getByTestId('pane').getAttribute('data-view')).toBe('check'));
    await screen.findByTestId('report-result');
    expect(screen.getByTestId('file-panel').textContent).toContain('当前工作簿：2020年度政府信息公开工作年度报告（导入）.xlsx');
    expect(created).toHaveLength(1);
    expect(await created[0].listSheets()).toEqual(['年报统计表', '报告正文', '报告文本']);
    expect(screen.getByTestId('text-checked').textContent).toContain('报告文本');
  });

  test('outside Excel with a changed workbook open, the import asks first: 取消 keeps it, 先下载当前工作簿 downloads it before the new one opens', async () => {
    const user = userEvent.setup();
    const downloads: string[] = [];
    (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:1';
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const fileWorkbook = (p: FakePort): FileWorkbook => {
      (p as unknown as { toBuffer: () => Promise<Uint8Array> }).toBuffer = async () => new Uint8Array([1]);
      return p as unknown as FileWorkbook;
    };
    const created: FakePort[] = [];
    const backend: FileBackend = {
      create: async () => {
        const p = new FakePort([]);
        created.push(p);
        return fileWorkbook(p);
      },
      open: async () => {
        throw new Error('not used');
      },
    };
    const mine = new FakePort(['Sheet1']);
    await renderApp({ locale: 'zh', initialView: 'insert', files: backend, initialWorkbook: { port: fileWorkbook(mine), name: '我的年报.xlsx' } });
    // the user inserts tables: the open workbook now has changes not downloaded
    await user.click(screen.getByRole('button', { name: '插入表格' }));
    await screen.findByTestId('insert-done');

    paste(SAMPLE_TXT);
    await user.click(screen.getByTestId('import-read'));
    await user.click(await screen.findByTestId('import-insert'));
    let dialog = await findDialog();
    expect(dialog.textContent).toContain('当前工作簿“我的年报.xlsx”有尚未下载保存的修改');
    await user.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(created).toHaveLength(0);
    expect(downloads).toEqual([]);
    expect(screen.getByTestId('file-panel').textContent).toContain('当前工作簿：我的年报.xlsx');

    await user.click(screen.getByTestId('import-insert'));
    dialog = await findDialog();
    await user.click(within(dialog).getByRole('button', { name: '先下载当前工作簿', hidden: true }));
    expect((await screen.findByTestId('app-notice')).textContent).toContain('已开始下载“我的年报.xlsx”');
    expect(downloads).toEqual(['我的年报.xlsx']);
    expect(created).toHaveLength(1);
    expect(screen.getByTestId('file-panel').textContent).toContain('当前工作簿：2020年度政府信息公开工作年度报告（导入）.xlsx');
    click.mockRestore();
  });
});

describe('上年数据', () => {
  test('loading last year’s report.json keeps it on 上年数据; the check then shows exactly one XY-CARRY naming both cells', async () => {
    const port = await portWith(year(2023, 0, 2));
    await renderApp({ locale: 'zh', initialView: 'check', port });
    await screen.findByTestId('report-result'); // the check ran as the view opened
    expect(findingsOf('XY-CARRY')).toHaveLength(0);
    // 上年数据 is collapsed below the results; 预填 waits for last year's figures
    expect((screen.getByTestId('previous-details') as HTMLDetailsElement).open).toBe(false);
    expect(screen.getByTestId('previous-prefill').hasAttribute('disabled') || screen.getByTestId('previous-prefill').getAttribute('aria-disabled') === 'true').toBe(true);

    // last year: 2 carried forward by 自然人 but 3 in 总计 → only the 总计 column disagrees
    const last = year(2022, 2, 0);
    last.table3.carried_forward.total = 3;
    pickFile('previous-file', 'report-2022.json', JSON.stringify(last));
    const notice = await screen.findByTestId('previous-notice');
    expect(notice.textContent).toContain('已把2022年度的数字保存到“上年数据”工作表');
    expect(await port.listSheets()).toEqual(['2023年度年报', '上年数据']);
    expect(port.value('上年数据', 'B2')).toBe('2021'); // the format id kept as text

    await waitFor(() => expect(findingsOf('XY-CARRY')).toHaveLength(1));
    expect((screen.getByTestId('previous-details') as HTMLDetailsElement).open).toBe(true);
    expect(screen.getByTestId('previous-prefill').hasAttribute('disabled')).toBe(false);
    const carry = findingsOf('XY-CARRY')[0];
    expect(carry.getAttribute('data-cell')).toBe(`2023年度年报!${ADDR.table3.carried_over.total}`);
    expect(screen.getByTestId('previous-used').textContent).toContain('“上年数据”工作表中2022年度');
    // last year's cell on 上年数据 is named (and marked) as well
    const kept = port.highlights.filter((h) => h.sheet === '上年数据');
    expect(kept).toHaveLength(1);
    expect(port.value('上年数据', kept[0].address)).toBe(3);
  });

  test('loading again asks before replacing 上年数据; 取消 keeps it', async () => {
    const user = userEvent.setup();
    const port = await portWith(year(2023, 0, 2));
    await renderApp({ locale: 'zh', initialView: 'check', port });
    pickFile('previous-file', 'a.json', JSON.stringify(year(2022, 2, 0)));
    await screen.findByTestId('previous-notice');
    const before = (await port.readGrid('上年数据')).cells;
    pickFile('previous-file', 'b.json', JSON.stringify(year(2021, 9, 0)));
    const dialog = await findDialog();
    expect(dialog.textContent).toContain('已有“上年数据”工作表（2022年度）');
    await user.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect((await port.readGrid('上年数据')).cells).toEqual(before);
  });

  test('prefill writes last year’s 结转下年度 into empty 上年结转 cells; a different figure is listed and asked about first', async () => {
    const user = userEvent.setup();
    const now = year(2023, 0, 0);
    now.table3.carried_over.natural_person = null;
    now.table3.carried_over.total = null;
    const port = await portWith(now);
    await renderApp({ locale: 'zh', initialView: 'check', port });
    pickFile('previous-file', 'last.json', JSON.stringify(year(2022, 2, 0)));
    await screen.findByTestId('previous-notice');

    await user.click(screen.getByTestId('previous-prefill'));
    await waitFor(() => expect(screen.getByTestId('previous-notice').textContent).toContain('已把上年“结转下年度”的2个数字写入'));
    expect(port.value('2023年度年报', ADDR.table3.carried_over.natural_person)).toBe(2);
    expect(port.value('2023年度年报', ADDR.table3.carried_over.total)).toBe(2);
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();

    // the user typed 7 by 自然人: prefill asks, naming the cell and both figures, and writes nothing yet
    port.edit('2023年度年报', ADDR.table3.carried_over.natural_person, 7);
    await user.click(screen.getByTestId('previous-prefill'));
    const dialog = await findDialog();
    expect(dialog.textContent).toContain(`2023年度年报!${ADDR.table3.carried_over.natural_person}`);
    expect(dialog.textContent).toContain('7 → 2');
    expect(port.value('2023年度年报', ADDR.table3.carried_over.natural_person)).toBe(7);
    await user.click(within(dialog).getByRole('button', { name: '全部覆盖', hidden: true }));
    await waitFor(() => expect(port.value('2023年度年报', ADDR.table3.carried_over.natural_person)).toBe(2));
  });
});

describe('report text against its tables', () => {
  test('a NARR finding shows the sentence it quotes', async () => {
    const port = await portWith(year(2023, 0, 0));
    port.sheets.set('报告文本', new Map([['A1', '本年度共收到政府信息公开申请9件，均已按时答复。']]));
    await renderApp({ locale: 'zh', initialView: 'check', port });
    // the check ran as the view opened
    await screen.findByTestId('report-result');
    const narr = screen.queryAllByTestId('finding-card').filter((el) => (el.getAttribute('data-check') ?? '').startsWith('NARR-'));
    expect(narr.length).toBeGreaterThan(0);
    // the sentence is in the card's details (and so in its button's description)
    const quoted = narr.map((el) => within(el).queryByTestId('finding-sentence')?.textContent ?? '');
    expect(quoted).toContain('原文：“本年度共收到政府信息公开申请9件，均已按时答复。”');
    expect(screen.getByTestId('text-checked').textContent).toContain('报告文本');
  });
});
