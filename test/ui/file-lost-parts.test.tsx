/** @jest-environment jsdom */
/**
 * Issue 14 in the pane: outside Excel, a workbook opened from a file holding what a download from here
 * cannot carry (a chart, a pivot table) is downloaded only after the user is told what the file will not
 * contain (the original unchanged) and says 仍然下载. Through the page's real backend (ExcelJS port).
 */
import './dom-stubs';
import { unzipSync, zipSync } from 'fflate';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/ui/App';
import { xlsxBackend } from '../../src/taskpane/files';
import { XlsxWorkbook } from '../../src/workbook/xlsx';

let downloads: string[];
beforeEach(() => {
  downloads = [];
  (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:1';
  (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => jest.restoreAllMocks());

/** An .xlsx with a sheet, and (when `extra`) a chart and a pivot table's parts added to its zip. */
async function workbookFile(extra: boolean): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.create();
  await wb.addSheet('Sheet1');
  await wb.writeValues([{ sheet: 'Sheet1', address: 'A1', value: 1 }]);
  const bytes = new Uint8Array(await wb.toBuffer());
  if (!extra) return bytes;
  const entries = unzipSync(bytes);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const enc = new (require('util') as typeof import('util')).TextEncoder(); // jest's jsdom has none
  entries['xl/charts/chart1.xml'] = enc.encode('<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
  entries['xl/pivotTables/pivotTable1.xml'] = enc.encode('<?xml version="1.0"?><pivotTableDefinition/>');
  return zipSync(entries);
}

async function openFile(name: string, bytes: Uint8Array): Promise<void> {
  render(<App locale="zh" initialView="check" files={xlsxBackend()} />);
  const file = new File([bytes as BlobPart], name, { type: 'application/octet-stream' });
  fireEvent.change(await screen.findByTestId('file-input'), { target: { files: [file] } });
  await screen.findByTestId('download', undefined, { timeout: 20000 });
}

test('a file with a chart and a pivot table: the download says what it will lack and waits for 仍然下载', async () => {
  await openFile('带图表.xlsx', await workbookFile(true));
  fireEvent.click(screen.getByTestId('download'));
  let dialog = await screen.findByRole('dialog', { hidden: true });
  expect(dialog.textContent).toContain('“带图表.xlsx”含有');
  expect(dialog.textContent).toContain('图表');
  expect(dialog.textContent).toContain('数据透视表');
  expect(dialog.textContent).toContain('原文件没有改动');
  fireEvent.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
  await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
  expect(downloads).toEqual([]);

  fireEvent.click(screen.getByTestId('download'));
  dialog = await screen.findByRole('dialog', { hidden: true });
  fireEvent.click(within(dialog).getByTestId('lost-download-anyway'));
  await waitFor(() => expect(downloads).toEqual(['带图表.xlsx']));
}, 60000);

test('a file without such content downloads at once', async () => {
  await openFile('普通.xlsx', await workbookFile(false));
  fireEvent.click(screen.getByTestId('download'));
  await waitFor(() => expect(downloads).toEqual(['普通.xlsx']));
  expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
}, 60000);

test('the question before the open workbook is replaced says what 先下载 will not contain', async () => {
  const sample = require('fs').readFileSync(require('path').join(__dirname, '../fixtures/published/kuquan-2020.txt'), 'utf8') as string; // eslint-disable-line @typescript-eslint/no-require-imports
  await openFile('带图表.xlsx', await workbookFile(true));
  fireEvent.click(screen.getByRole('tab', { name: '插入表格' }));
  fireEvent.change(await screen.findByTestId('import-text'), { target: { value: sample } });
  fireEvent.click(screen.getByTestId('import-read'));
  fireEvent.click(await screen.findByTestId('import-insert', undefined, { timeout: 20000 }));
  const dialog = await screen.findByRole('dialog', { hidden: true });
  expect(dialog.textContent).toContain('先下载的文件不会包含图表、数据透视表（原文件没有改动）');
  fireEvent.click(within(dialog).getByRole('button', { name: '取消', hidden: true }));
  await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
  await waitFor(() => expect((screen.getByTestId('import-insert') as HTMLButtonElement).disabled).toBe(false));
}, 60000);
