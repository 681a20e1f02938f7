/** @jest-environment jsdom */
import './dom-stubs';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatForYear } from '../../src/core/formats';
import { buildSheetPlan, valueCellAddresses } from '../../src/core/layout/build';
import { emptyReport, setValue } from '../../src/core/model/report';
import { readReports } from '../../src/core/read';
import { readProfile } from '../../src/core/read/profile';
import { App } from '../../src/ui/App';
import type { AppProps } from '../../src/ui/App';
import type { FileBackend, FileWorkbook } from '../../src/ui/files';
import { WorkbookError } from '../../src/workbook/port';
import { FakePort } from './fake-port';

const YEAR = 2023;
const FORMAT = formatForYear(YEAR);

/** A sheet holding the tables, all zero except new_received/natural_person = 3 (and its row total):
 *  一 + 二 = 3 but 三（七）总计 + 四 = 0 in the 自然人 and 总计 columns → T3-BALANCE errors. */
async function portWithBrokenBalance(): Promise<{ port: FakePort; addr: ReturnType<typeof valueCellAddresses> }> {
  const port = new FakePort(['年报']);
  const data = emptyReport(FORMAT, YEAR, '某某县人民政府办公室', 0);
  setValue(data, 'table3', 'new_received', 'natural_person', 3);
  setValue(data, 'table3', 'new_received', 'total', 3);
  const plan = buildSheetPlan(FORMAT, { year: YEAR, organization: '某某县人民政府办公室', manualTotals: true, values: data });
  await port.applyPlan('年报', plan);
  return { port, addr: valueCellAddresses(FORMAT) };
}

/**
 * The confirmation dialog. In jsdom, Fluent's focus trap (tabster) cannot move focus into the
 * dialog (no layout), and may leave it aria-hidden; the browser e2e checks the real thing.
 */
function findDialog(): Promise<HTMLElement> {
  return screen.findByRole('dialog', { hidden: true });
}

/** Render the pane and wait until its first view has rendered (views are loaded lazily). */
async function renderApp(props: Omit<AppProps, 'onFirstRender'>): Promise<void> {
  let rendered = false;
  render(<App {...props} onFirstRender={() => (rendered = true)} />);
  // not act(): React would hold the lazy view's render until act's callback returns
  await waitFor(() => expect(rendered).toBe(true));
}

afterEach(() => {
  jest.restoreAllMocks();
});

/** what 插入表格 wrote as tables (the sheet 报告正文 it adds next to them aside) */
function tables(port: FakePort): { sheet: string; overwrite: boolean }[] {
  return port.applied.filter((a) => a.sheet !== '报告正文');
}

describe('插入表格', () => {
  test('inserting at a selection that has content asks first; 覆盖 writes over it', async () => {
    const user = userEvent.setup();
    const port = new FakePort(['Sheet1']);
    port.sheets.get('Sheet1')!.set('A1', '旧内容');
    port.selection = { sheet: 'Sheet1', address: 'A1' };
    await renderApp({ locale: 'zh', initialView: 'insert', port });

    await user.clear(screen.getByTestId('insert-year'));
    await user.type(screen.getByTestId('insert-year'), String(YEAR));
    await user.type(screen.getByTestId('insert-organization'), '某某县人民政府办公室');
    await user.click(screen.getByRole('radio', { name: '当前选中的单元格处' }));
    await user.click(screen.getByRole('button', { name: '插入表格' }));

    const dialog = await findDialog();
    expect(within(dialog).getByText('要覆盖已有内容吗？')).toBeTruthy();
    expect(within(dialog).getByText(/Sheet1!A1：旧内容/)).toBeTruthy();
    expect(port.applied).toHaveLength(0); // nothing written before the user says yes
    expect(port.value('Sheet1', 'A1')).toBe('旧内容');

    await user.click(within(dialog).getByRole('button', { name: '覆盖', hidden: true }));
    await screen.findByTestId('insert-done');
    expect(tables(port)).toEqual([{ sheet: 'Sheet1', overwrite: true }]);
    expect(port.value('Sheet1', 'A1')).not.toBe('旧内容');
    expect(String(port.value('Sheet1', 'A1'))).toContain(String(YEAR));
    expect(port.meta.get('Sheet1')).toMatchObject({ format: FORMAT.id, year: YEAR, organization: '某某县人民政府办公室' });
  });

  test('改为插入到新工作表 leaves the existing content alone', async () => {
    const user = userEvent.setup();
    const port = new FakePort(['Sheet1']);
    port.sheets.get('Sheet1')!.set('B3', 42);
    port.selection = { sheet: 'Sheet1', address: 'B2' };
    await renderApp({ locale: 'zh', initialView: 'insert', port });
    await user.click(screen.getByRole('radio', { name: '当前选中的单元格处' }));
    await user.click(screen.getByRole('button', { name: '插入表格' }));
    const dialog = await findDialog();
    await user.click(within(dialog).getByRole('button', { name: '改为插入到新工作表', hidden: true }));
    await screen.findByTestId('insert-done');
    expect(port.value('Sheet1', 'B3')).toBe(42);
    expect(tables(port)).toHaveLength(1);
    expect(tables(port)[0].sheet).not.toBe('Sheet1');
    expect(tables(port)[0].overwrite).toBe(false);
  });

  test('取消 writes nothing', async () => {
    const user = userEvent.setup();
    const port = new FakePort(['Sheet1']);
    port.sheets.get('Sheet1')!.set('C5', '备注');
    port.selection = { sheet: 'Sheet1', address: 'A1' };
    await renderApp({ locale: 'zh', initialView: 'insert', port });
    await user.click(screen.getByRole('radio', { name: '当前选中的单元格处' }));
    await user.click(screen.getByRole('button', { name: '插入表格' }));
    const dialog = await findDialog();
    await user.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(port.applied).toHaveLength(0);
    expect(await port.listSheets()).toEqual(['Sheet1']);
  });

  test('the format follows the year, and can be overridden', async () => {
    const user = userEvent.setup();
    const port = new FakePort(['Sheet1']);
    await renderApp({ locale: 'zh', initialView: 'insert', port });
    await user.clear(screen.getByTestId('insert-year'));
    await user.type(screen.getByTestId('insert-year'), '2020');
    const select = screen.getByTestId('insert-format') as HTMLSelectElement;
    expect(select.options[select.selectedIndex].textContent).toBe('按年度自动选择（2019年版）');
    await user.click(screen.getByRole('button', { name: '插入表格' }));
    await screen.findByTestId('insert-done');
    expect(port.meta.get(tables(port)[0].sheet)).toMatchObject({ format: '2019', year: 2020 });

    await user.selectOptions(select, '2021');
    expect(screen.getByText(/2020年度通常不使用2021年版格式/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '插入表格' }));
    await waitFor(() => expect(tables(port)).toHaveLength(2));
    expect(port.meta.get(tables(port)[1].sheet)).toMatchObject({ format: '2021', year: 2020 });
  });
});

describe('插入表格 with 报告正文', () => {
  test('the first insert adds the sheet 报告正文 with the report’s inputs; later inserts never touch it', async () => {
    const user = userEvent.setup();
    const port = new FakePort(['Sheet1']);
    await renderApp({ locale: 'zh', initialView: 'insert', port });
    await user.clear(screen.getByTestId('insert-year'));
    await user.type(screen.getByTestId('insert-year'), String(YEAR));
    await user.type(screen.getByTestId('insert-organization'), '某某县人民政府办公室');
    await user.click(screen.getByRole('button', { name: '插入表格' }));
    const done = await screen.findByTestId('insert-done');
    expect(done.textContent).toContain('“报告正文”工作表');
    expect(await port.listSheets()).toEqual(['Sheet1', `年报统计表`, '报告正文']);
    // the inputs read back by their labels: this body, its kind guessed from the name
    const read = readProfile(await port.readGrid('报告正文'));
    expect(read.profile.organization).toBe('某某县人民政府办公室');
    expect(Object.keys(read.cells).length).toBeGreaterThanOrEqual(5);
    // the tables sheet is not taken for 报告正文, nor 报告正文 for tables
    expect(readReports(await port.readAllGrids()).map((r) => r.tables[0].sheet)).toEqual([`年报统计表`]);

    const address = read.cells.organization!;
    port.edit('报告正文', address, '改过的单位名称');
    await user.click(screen.getByRole('button', { name: '插入表格' }));
    await waitFor(() => expect(tables(port)).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('insert-done').textContent).not.toContain('报告正文'));
    expect((await port.listSheets()).filter((n) => n.startsWith('报告正文'))).toEqual(['报告正文']);
    expect(port.value('报告正文', address)).toBe('改过的单位名称');
    expect(port.applied.filter((a) => a.sheet === '报告正文')).toHaveLength(1);
  });

  test('outside Excel, 新建空白模板 holds the tables and 报告正文', async () => {
    const user = userEvent.setup();
    (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:1';
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const created: FakePort[] = [];
    const files: FileBackend = {
      create: async () => {
        const p = new FakePort([]);
        (p as unknown as { toBuffer: () => Promise<Uint8Array> }).toBuffer = async () => new Uint8Array([1]);
        created.push(p);
        return p as unknown as FileWorkbook;
      },
      open: async () => {
        throw new Error('not used');
      },
    };
    await renderApp({ locale: 'zh', initialView: 'insert', files });
    await user.click(screen.getByRole('button', { name: '新建空白模板' }));
    await waitFor(() => expect(screen.getByTestId('file-panel').textContent).toContain('当前工作簿：'));
    expect(created).toHaveLength(1);
    const sheets = await created[0].listSheets();
    expect(sheets).toHaveLength(2);
    expect(sheets[1]).toBe('报告正文');
    expect(Object.keys(readProfile(await created[0].readGrid('报告正文')).cells).length).toBeGreaterThanOrEqual(5);
    expect(readReports(await created[0].readAllGrids())).toHaveLength(1);
  });
});

describe('一键校验', () => {
  test('summary per table, findings grouped by severity, click selects the suspect cell and cells are highlighted', async () => {
    const user = userEvent.setup();
    const { port, addr } = await portWithBrokenBalance();
    await renderApp({ locale: 'zh', initialView: 'check', port });
    await user.click(screen.getByRole('button', { name: '一键校验' }));
    const errors = await screen.findByTestId('group-error');

    // summary: 表三 not passed, 表二 and 表四 passed
    const summary = screen.getByTestId('summary');
    const row3 = summary.querySelector('[data-table="table3"]') as HTMLElement;
    expect(within(row3).getByText('未通过')).toBeTruthy();
    expect(within(summary.querySelector('[data-table="table2"]') as HTMLElement).queryByText('未通过')).toBeNull();
    expect(within(summary.querySelector('[data-table="table4"]') as HTMLElement).queryByText('未通过')).toBeNull();

    const balance = within(errors)
      .getAllByTestId('finding')
      .filter((el) => el.getAttribute('data-check') === 'T3-BALANCE');
    expect(balance.length).toBeGreaterThan(0);
    expect(balance[0].textContent).toContain('第一项加第二项之和'); // the official wording
    expect(screen.getByRole('heading', { name: /^错误（\d+）$/ })).toBeTruthy();

    // the highlighted cells include the cells of the broken column
    const natural = ['new_received', 'carried_over', 'total_processed', 'carried_forward'].map(
      (row) => addr.table3[row].natural_person,
    );
    expect(port.highlights.some((h) => h.severity === 'error' && natural.includes(h.address))).toBe(true);

    await user.click(balance[0]);
    await waitFor(() => expect(port.selectCalls).toHaveLength(1));
    const sel = port.selectCalls[0];
    expect(sel.sheet).toBe('年报');
    const t3cells = Object.values(addr.table3).flatMap((cols) => Object.values(cols));
    expect(t3cells).toContain(sel.address);
    expect(screen.getByTestId('check-status').textContent).toBe(`已选中 年报!${sel.address}`);

    // keyboard: Enter on another finding selects too
    const other = within(errors).getAllByTestId('finding')[1] ?? balance[0];
    other.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(port.selectCalls).toHaveLength(2));
  });

  test('re-checks by itself after the report cells are edited', async () => {
    const user = userEvent.setup();
    const { port, addr } = await portWithBrokenBalance();
    await renderApp({ locale: 'zh', initialView: 'check', port });
    await user.click(screen.getByRole('button', { name: '一键校验' }));
    await screen.findByTestId('group-error');
    expect(port.listenerCount).toBe(1);

    act(() => {
      port.edit('年报', addr.table3.carried_forward.natural_person, 3);
      port.edit('年报', addr.table3.carried_forward.total, 3);
    });
    await waitFor(() => expect(screen.queryAllByTestId('finding').filter((f) => f.getAttribute('data-check') === 'T3-BALANCE')).toHaveLength(0), {
      timeout: 4000,
    });
  });

  test('a failure shows a Chinese MessageBar with 复制诊断信息 (code + data + stack)', async () => {
    const user = userEvent.setup();
    const port = new FakePort(['Sheet1']);
    port.failNext = { method: 'readAllGrids', error: new WorkbookError('host', { api: 'worksheets.load' }) };
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await renderApp({ locale: 'zh', initialView: 'check', port });
    await user.click(screen.getByRole('button', { name: '一键校验' }));
    const bar = await screen.findByTestId('error-bar');
    expect(bar.textContent).toContain('Excel 没有完成这项操作');
    await user.click(within(bar).getByRole('button', { name: '复制诊断信息' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const copied = JSON.parse(writeText.mock.calls[0][0]) as Record<string, unknown>;
    expect(copied.code).toBe('host');
    expect(copied.data).toEqual({ api: 'worksheets.load' });
    expect(String(copied.stack)).toContain('WorkbookError');
    expect(screen.getByText('诊断信息已复制，可粘贴给技术支持人员。')).toBeTruthy();
  });
});

describe('language and views', () => {
  test('English strings when Office is in English', async () => {
    const user = userEvent.setup();
    const { port } = await portWithBrokenBalance();
    await renderApp({ locale: 'en', initialView: 'check', port });
    expect(screen.getByRole('tab', { name: 'Insert tables' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Write report' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    expect(await screen.findByRole('heading', { name: /^Errors \(\d+\)$/ })).toBeTruthy();
    expect(screen.queryByText('一键校验')).toBeNull();
  });

  test('tabs switch views with the keyboard and keep the check results', async () => {
    const user = userEvent.setup();
    const { port } = await portWithBrokenBalance();
    await renderApp({ locale: 'zh', initialView: 'check', port });
    await user.click(screen.getByRole('button', { name: '一键校验' }));
    await screen.findByTestId('group-error');
    // keyboard activation (arrow-key movement between tabs is Fluent's own, checked in the browser e2e)
    screen.getByRole('tab', { name: '生成报告' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('pane').getAttribute('data-view')).toBe('report'));
    expect(await screen.findByTestId('report-view')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '一键校验' }));
    expect(screen.getByTestId('group-error')).toBeTruthy();
  });
});
