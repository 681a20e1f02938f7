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

/** A snapshot of every cell of every sheet (to tell exactly which cells a fix changed). */
function cellsOf(port: FakePort): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [sheet, cells] of port.sheets) for (const [addr, v] of cells) out.set(`${sheet}!${addr}`, v);
  return out;
}
function changedCells(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => (before.get(k) ?? null) !== (after.get(k) ?? null)).sort();
}

/** The cells a fix's dialog lists (sheet!A1). */
async function listedCells(): Promise<string[]> {
  const dialog = await findDialog();
  return within(dialog)
    .getAllByRole('listitem', { hidden: true })
    .map((li) => li.getAttribute('data-cell') ?? '')
    .sort();
}

/** A report with manual totals from `data`, on sheet 年报 of a fresh fake Excel. */
async function portWith(data: ReturnType<typeof emptyReport>): Promise<FakePort> {
  const port = new FakePort(['年报']);
  await port.applyPlan('年报', buildSheetPlan(FORMAT, { year: YEAR, organization: '某某县人民政府办公室', manualTotals: true, values: data }));
  return port;
}

function balanceCards(): HTMLElement[] {
  return screen.queryAllByTestId('finding').filter((el) => el.getAttribute('data-check') === 'T3-BALANCE');
}

describe('一键校验', () => {
  test('in Excel the view shows its results without a second click; a click selects the cell and says so inside the card', async () => {
    const user = userEvent.setup();
    const { port, addr } = await portWithBrokenBalance();
    await renderApp({ locale: 'zh', initialView: 'check', port });
    // no click: the check ran when the view opened
    const errors = await screen.findByTestId('group-error');
    expect(screen.getByTestId('run-check').textContent).toBe('重新校验');

    // summary: 表三 not passed, 表二 and 表四 passed
    const summary = screen.getByTestId('summary');
    const row3 = summary.querySelector('[data-table="table3"]') as HTMLElement;
    expect(within(row3).getByText('未通过')).toBeTruthy();
    expect(within(summary.querySelector('[data-table="table2"]') as HTMLElement).queryByText('未通过')).toBeNull();

    const balance = within(errors)
      .getAllByTestId('finding')
      .filter((el) => el.getAttribute('data-check') === 'T3-BALANCE');
    expect(balance.length).toBeGreaterThan(0);
    // compact: the relation's title with its numbers is the button's name; the details are its description
    expect(balance[0].textContent).toMatch(/表三.*差 3/);
    const described = document.getElementById(balance[0].getAttribute('aria-describedby') ?? '')!;
    expect(described.textContent).toContain('第一项加第二项之和'); // the official wording
    expect(described.textContent).toContain('依据');
    expect(screen.getByRole('heading', { name: /^错误（\d+）$/ })).toBeTruthy();

    // the highlighted cells include the cells of the broken column
    const natural = ['new_received', 'carried_over', 'total_processed', 'carried_forward'].map((row) => addr.table3[row].natural_person);
    expect(port.highlights.some((h) => h.severity === 'error' && natural.includes(h.address))).toBe(true);

    await user.click(balance[0]);
    await waitFor(() => expect(port.selectCalls).toHaveLength(1));
    const sel = port.selectCalls[0];
    expect(sel.sheet).toBe('年报');
    const card = balance[0].closest('[data-testid="finding-card"]') as HTMLElement;
    await waitFor(() => expect(within(card).getByTestId('finding-feedback').textContent).toBe(`已选中 年报!${sel.address}`));

    // 详情 opens the explanation in the card
    const toggle = within(card).getByTestId('finding-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(card).getByTestId('finding-details').hidden).toBe(false);

    // keyboard: Enter on a finding selects too
    balance[0].focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(port.selectCalls).toHaveLength(2));

    // a re-check clears the card's feedback
    await user.click(screen.getByTestId('run-check'));
    await waitFor(() => expect(screen.getAllByTestId('finding-feedback').every((f) => f.textContent === '')).toBe(true));
  });

  test('outside Excel, opening a workbook that has tables goes straight to its check, with its results', async () => {
    const { port } = await portWithBrokenBalance();
    const files: FileBackend = {
      create: async () => {
        throw new Error('not used');
      },
      open: async () => port as unknown as FileWorkbook,
    };
    await renderApp({ locale: 'zh', initialView: 'insert', files });
    const input = screen.getByTestId('file-input') as HTMLInputElement;
    const file = new File([new Uint8Array([80, 75, 3, 4])], '某某县2023年报.xlsx');
    Object.defineProperty(file, 'arrayBuffer', { value: async () => new ArrayBuffer(4) });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('pane').getAttribute('data-view')).toBe('check'));
    await screen.findByTestId('group-error');
    expect(balanceCards().length).toBeGreaterThan(0);
    // outside Excel a click shows the address, in the card
    fireEvent.click(balanceCards()[0]);
    const card = balanceCards()[0].closest('[data-testid="finding-card"]') as HTMLElement;
    await waitFor(() => expect(within(card).getByTestId('finding-feedback').textContent).toMatch(/^位置：年报![A-Z]+\d+$/));
    expect(port.selectCalls).toHaveLength(0);
  });

  test('re-checks by itself after the report cells are edited', async () => {
    const { port, addr } = await portWithBrokenBalance();
    await renderApp({ locale: 'zh', initialView: 'check', port });
    await screen.findByTestId('group-error');
    expect(port.listenerCount).toBe(1);
    act(() => {
      port.edit('年报', addr.table3.carried_forward.natural_person, 3);
      port.edit('年报', addr.table3.carried_forward.total, 3);
    });
    await waitFor(() => expect(balanceCards()).toHaveLength(0), { timeout: 4000 });
  });

  test('a failure shows a Chinese MessageBar with 复制诊断信息 (code + data + stack)', async () => {
    const user = userEvent.setup();
    const port = new FakePort(['Sheet1']);
    port.failNext = { method: 'readAllGrids', error: new WorkbookError('host', { api: 'worksheets.load' }) };
    const writeText = jest.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await renderApp({ locale: 'zh', initialView: 'check', port });
    const bar = await screen.findByTestId('error-bar');
    expect(bar.textContent).toContain('Excel 没有完成这项操作');
    await user.click(within(bar).getByRole('button', { name: '复制诊断信息' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const copied = JSON.parse(writeText.mock.calls[0][0]) as Record<string, unknown>;
    expect(copied.code).toBe('host');
    expect(copied.data).toEqual({ api: 'worksheets.load' });
    expect(String(copied.stack)).toContain('WorkbookError');
  });

  test('an empty table is 尚未填写 (neutral), not 未通过', async () => {
    const data = emptyReport(FORMAT, YEAR, '某某县人民政府办公室', 0);
    for (const vc of FORMAT.tables.table2.values) setValue(data, 'table2', vc.row, vc.col, null);
    await renderApp({ locale: 'zh', initialView: 'check', port: await portWith(data) });
    await screen.findByTestId('unfilled');
    const row2 = screen.getByTestId('summary').querySelector('[data-table="table2"]') as HTMLElement;
    expect(within(row2).getByTestId('summary-status').getAttribute('data-status')).toBe('unfilled');
    expect(within(row2).queryByText('未通过')).toBeNull();
    expect(screen.queryAllByTestId('finding').filter((f) => f.getAttribute('data-check') === 'TABLE-UNFILLED')).toHaveLength(0);
  });
});

describe('一键校验 fixes', () => {
  test('空白格填 0: previewed, then written in one batch: only the listed cells, never a non-empty cell or a total whose parts are not 0; 撤销 restores them', async () => {
    const user = userEvent.setup();
    // table 三 half filled: 自然人 new_received 5 with its row total left blank; other cells blank
    const data = emptyReport(FORMAT, YEAR, '某某县人民政府办公室', null);
    setValue(data, 'table3', 'new_received', 'natural_person', 5);
    setValue(data, 'table2', FORMAT.tables.table2.values[0].row, FORMAT.tables.table2.values[0].col, 2);
    const port = await portWith(data);
    const addr = valueCellAddresses(FORMAT);
    await renderApp({ locale: 'zh', initialView: 'check', port });
    await screen.findByTestId('report-result');
    const before = cellsOf(port);
    const writes = jest.spyOn(port, 'writeValues');

    await user.click(await screen.findByTestId('fix-zeros'));
    const listed = await listedCells();
    expect(listed.length).toBeGreaterThan(0);
    expect(writes).not.toHaveBeenCalled(); // nothing written before 写入
    // never a non-empty cell, never the blank total of a row that adds up to 5
    expect(listed).not.toContain(`年报!${addr.table3.new_received.natural_person}`);
    expect(listed).not.toContain(`年报!${addr.table3.new_received.total}`);
    for (const ref of listed) expect(before.get(ref) ?? null).toBeNull();

    await user.click(within(await findDialog()).getByRole('button', { name: /^写入\d+个单元格$/, hidden: true }));
    await waitFor(() => expect(screen.getByTestId('check-status').textContent).toContain(`已写入${listed.length}个单元格`));
    expect(writes).toHaveBeenCalledTimes(1); // one batch
    const after = cellsOf(port);
    expect(changedCells(before, after)).toEqual(listed);
    for (const ref of listed) expect(after.get(ref)).toBe(0);

    await user.click(screen.getByTestId('fix-undo'));
    await waitFor(() => expect(screen.getByTestId('check-status').textContent).toContain('已撤销'));
    expect(changedCells(before, cellsOf(port))).toEqual([]);
  });

  test('合计按分项重算 and 采用建议值: each previewed, changing only the cells shown', async () => {
    const user = userEvent.setup();
    // consistent: 自然人 new_received 783 carried forward; then the total typed by hand wrongly
    const data = emptyReport(FORMAT, YEAR, '某某县人民政府办公室', 0);
    for (const col of ['natural_person', 'total']) {
      setValue(data, 'table3', 'new_received', col, 783);
      setValue(data, 'table3', 'carried_forward', col, 783);
    }
    const port = await portWith(data);
    const addr = valueCellAddresses(FORMAT);
    port.sheets.get('年报')!.set(addr.table3.new_received.total, 780);
    await renderApp({ locale: 'zh', initialView: 'check', port });
    await screen.findByTestId('group-error');

    let before = cellsOf(port);
    await user.click(screen.getByTestId('fix-totals'));
    let listed = await listedCells();
    expect(listed).toContain(`年报!${addr.table3.new_received.total}`);
    await user.click(within(await findDialog()).getByRole('button', { name: /^写入/, hidden: true }));
    await waitFor(() => expect(screen.getByTestId('check-status').textContent).toContain('已写入'));
    expect(changedCells(before, cellsOf(port))).toEqual(listed);
    expect(port.value('年报', addr.table3.new_received.total)).toBe(783);
    await waitFor(() => expect(screen.queryByTestId('group-error')).toBeNull());

    // a typo in an input cell (783 → 738): the likely cell and its suggested value
    act(() => port.edit('年报', addr.table3.new_received.natural_person, 738));
    await user.click(screen.getByTestId('run-check'));
    await screen.findByTestId('group-error');
    before = cellsOf(port);
    await user.click(await screen.findByTestId('fix-likely'));
    listed = await listedCells();
    expect(listed).toEqual([`年报!${addr.table3.new_received.natural_person}`]);
    await user.click(within(await findDialog()).getByRole('button', { name: /^写入/, hidden: true }));
    await waitFor(() => expect(screen.getByTestId('check-status').textContent).toContain('已写入1个单元格'));
    expect(changedCells(before, cellsOf(port))).toEqual(listed);
    expect(port.value('年报', addr.table3.new_received.natural_person)).toBe(783);
  });

  test('取消 in a fix’s preview writes nothing', async () => {
    const user = userEvent.setup();
    const data = emptyReport(FORMAT, YEAR, '某某县人民政府办公室', null);
    setValue(data, 'table3', 'new_received', 'natural_person', 5);
    const port = await portWith(data);
    await renderApp({ locale: 'zh', initialView: 'check', port });
    const before = cellsOf(port);
    await user.click(await screen.findByTestId('fix-zeros'));
    await user.click(within(await findDialog()).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(changedCells(before, cellsOf(port))).toEqual([]);
  });
});

describe('标记为已核实', () => {
  test('verify with a note → listed under 已核实; change a cell of it → back, marked 核实后数值已改变', async () => {
    const user = userEvent.setup();
    const { port, addr } = await portWithBrokenBalance();
    await renderApp({ locale: 'zh', initialView: 'check', port });
    await screen.findByTestId('group-error');
    const card = balanceCards()[0].closest('[data-testid="finding-card"]') as HTMLElement;
    await user.click(within(card).getByTestId('finding-toggle'));
    await user.click(within(card).getByTestId('verify-open'));
    await user.type(within(card).getByRole('textbox', { name: '核实说明' }), '经核实，原始台账如此');
    await user.click(within(card).getByTestId('verify-save'));

    await screen.findByTestId('group-verified');
    expect(screen.getByRole('heading', { name: '已核实（1）' })).toBeTruthy();
    const verified = within(screen.getByTestId('group-verified')).getByTestId('finding');
    expect(verified.getAttribute('data-check')).toBe('T3-BALANCE');
    expect(verified.textContent).toContain('经核实，原始台账如此');
    expect(screen.getByTestId('check-status').textContent).toContain('核实说明');
    expect(port.sheets.has('核实说明')).toBe(true);
    // the summary no longer counts it: 表三 passes
    const row3 = screen.getByTestId('summary').querySelector('[data-table="table3"]') as HTMLElement;
    expect(within(row3).queryByText('未通过')).toBeNull();

    // the numbers it was verified with change: back among the errors, marked stale (the edit re-checks by itself)
    act(() => port.edit('年报', addr.table3.new_received.natural_person, 4));
    act(() => port.edit('年报', addr.table3.new_received.total, 4));
    const stale = await screen.findByTestId('finding-stale', undefined, { timeout: 6000 });
    expect(stale.textContent).toBe('核实后数值已改变');
    expect(screen.queryByTestId('group-verified')).toBeNull();
    const back = stale.closest('[data-testid="finding-card"]') as HTMLElement;
    expect(back.closest('[data-testid="group-error"]')).not.toBeNull();
  });
});

describe('language and views', () => {
  test('English strings when Office is in English', async () => {
    const { port } = await portWithBrokenBalance();
    await renderApp({ locale: 'en', initialView: 'check', port });
    expect(screen.getByRole('tab', { name: 'Insert tables' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Write report' })).toBeTruthy();
    // the check ran as the view opened
    expect(await screen.findByRole('heading', { name: /^Errors \(\d+\)$/ })).toBeTruthy();
    expect(screen.queryByText('一键校验')).toBeNull();
  });

  test('tabs switch views with the keyboard and keep the check results', async () => {
    const user = userEvent.setup();
    const { port } = await portWithBrokenBalance();
    await renderApp({ locale: 'zh', initialView: 'check', port });
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
