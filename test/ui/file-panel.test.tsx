/** @jest-environment jsdom */
/** Outside Excel: 新建空白模板 and 打开工作簿 never close a workbook with undownloaded changes without asking. */
import './dom-stubs';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/ui/App';
import type { AppProps } from '../../src/ui/App';
import type { FileBackend, FileWorkbook } from '../../src/ui/files';
import { FakePort } from './fake-port';

async function renderApp(props: Omit<AppProps, 'onFirstRender'>): Promise<void> {
  let rendered = false;
  render(<App {...props} onFirstRender={() => (rendered = true)} />);
  await waitFor(() => expect(rendered).toBe(true));
}

/** In jsdom Fluent's focus trap may leave the dialog aria-hidden; the browser e2e checks the real thing. */
function findDialog(): Promise<HTMLElement> {
  return screen.findByRole('dialog', { hidden: true });
}

function fileWorkbook(p: FakePort): FileWorkbook {
  (p as unknown as { toBuffer: () => Promise<Uint8Array> }).toBuffer = async () => new Uint8Array([1]);
  return p as unknown as FileWorkbook;
}

/** What happened, in order: downloads ("download:<name>"), backend.open ("open:<name>"), backend.create ("create"). */
let events: string[];

beforeEach(() => {
  events = [];
  (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:1';
  (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    events.push(`download:${this.download}`);
  });
});

afterEach(() => {
  jest.restoreAllMocks();
});

const backend: FileBackend = {
  create: async () => {
    events.push('create');
    return fileWorkbook(new FakePort([]));
  },
  open: async (_data, fileName) => {
    events.push(`open:${fileName}`);
    return fileWorkbook(new FakePort(['Sheet1']));
  },
};

function pickXlsx(name: string): void {
  const file = new File([new Uint8Array([80, 75, 3, 4])], name, { type: 'application/octet-stream' });
  fireEvent.change(screen.getByTestId('file-input'), { target: { files: [file] } });
}

function panelText(): string {
  return screen.getByTestId('file-panel').textContent ?? '';
}

/** The pane with 我的年报.xlsx open; with `edit`, 插入表格 has written into it (not downloaded yet). */
async function withOpenWorkbook(edit: boolean): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup();
  const mine = new FakePort(['Sheet1']);
  await renderApp({ locale: 'zh', initialView: 'insert', files: backend, initialWorkbook: { port: fileWorkbook(mine), name: '我的年报.xlsx' } });
  if (edit) {
    await user.click(screen.getByRole('button', { name: '插入表格' }));
    await screen.findByTestId('insert-done');
    expect(mine.applied.length).toBeGreaterThan(0);
  }
  return user;
}

describe('replacing the open workbook outside Excel', () => {
  test('打开工作簿 with undownloaded changes asks; 取消 keeps the current workbook and opens nothing', async () => {
    const user = await withOpenWorkbook(true);
    pickXlsx('别的.xlsx');
    const dialog = await findDialog();
    expect(dialog.textContent).toContain('要关闭当前工作簿吗？');
    expect(dialog.textContent).toContain('当前工作簿“我的年报.xlsx”有尚未下载保存的修改');
    within(dialog).getByRole('button', { name: '先下载当前工作簿', hidden: true });
    within(dialog).getByRole('button', { name: '继续打开（放弃当前工作簿）', hidden: true });
    await user.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    await waitFor(() => expect((screen.getByRole('button', { name: '打开工作簿' }) as HTMLButtonElement).disabled).toBe(false));
    expect(events).toEqual([]);
    expect(panelText()).toContain('当前工作簿：我的年报.xlsx');
  });

  test('先下载当前工作簿 downloads it, then opens the chosen file, which has nothing unsaved yet', async () => {
    const user = await withOpenWorkbook(true);
    pickXlsx('别的.xlsx');
    const dialog = await findDialog();
    await user.click(within(dialog).getByRole('button', { name: '先下载当前工作簿', hidden: true }));
    await waitFor(() => expect(panelText()).toContain('当前工作簿：别的.xlsx'));
    expect(events).toEqual(['download:我的年报.xlsx', 'open:别的.xlsx']);
    expect(panelText()).toContain('已开始下载“我的年报.xlsx”。已打开“别的.xlsx”。');

    // the newly opened workbook has no changes: opening another one does not ask
    pickXlsx('第三个.xlsx');
    await waitFor(() => expect(panelText()).toContain('当前工作簿：第三个.xlsx'));
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    expect(events).toEqual(['download:我的年报.xlsx', 'open:别的.xlsx', 'open:第三个.xlsx']);
  });

  test('without undownloaded changes, 打开工作簿, a dropped file and 新建空白模板 replace it without a question', async () => {
    const user = await withOpenWorkbook(false);
    pickXlsx('别的.xlsx');
    await waitFor(() => expect(panelText()).toContain('当前工作簿：别的.xlsx'));
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();

    const dropped = new File([new Uint8Array([80, 75, 3, 4])], '拖入的.xlsx');
    fireEvent.drop(screen.getByTestId('file-panel'), { dataTransfer: { files: [dropped] } });
    await waitFor(() => expect(panelText()).toContain('当前工作簿：拖入的.xlsx'));
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();

    await user.click(screen.getByRole('button', { name: '新建空白模板' }));
    await waitFor(() => expect(panelText()).toContain('年度政府信息公开工作年度报告.xlsx'));
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
    expect(events.slice(0, 3)).toEqual(['open:别的.xlsx', 'open:拖入的.xlsx', 'create']);
  });

  test('新建空白模板 and a dropped file with undownloaded changes ask too; 继续 discards the current workbook', async () => {
    const user = await withOpenWorkbook(true);
    await user.click(screen.getByRole('button', { name: '新建空白模板' }));
    let dialog = await findDialog();
    expect(dialog.textContent).toContain('新建空白模板会关闭当前工作簿');
    await user.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(events).toEqual([]);

    const dropped = new File([new Uint8Array([80, 75, 3, 4])], '拖入的.xlsx');
    await waitFor(() => expect((screen.getByRole('button', { name: '打开工作簿' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.drop(screen.getByTestId('file-panel'), { dataTransfer: { files: [dropped] } });
    dialog = await findDialog();
    expect(dialog.textContent).toContain('打开其他工作簿会关闭当前工作簿');
    await user.click(within(dialog).getByRole('button', { name: '继续打开（放弃当前工作簿）', hidden: true }));
    await waitFor(() => expect(panelText()).toContain('当前工作簿：拖入的.xlsx'));
    expect(events).toEqual(['open:拖入的.xlsx']); // nothing downloaded
  });
});
