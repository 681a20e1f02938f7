/** @jest-environment jsdom */
/**
 * Issue 13 in the pane: 汇总 outside Excel — many workbooks (chosen files or a folder) on one board, an
 * unreadable one with its reason, a click on a unit for its findings, 汇总.xlsx and the HTML board
 * downloaded; the charts drawn. Through the page's real backend (ExcelJS port).
 */
import '../dom-stubs';
import fc from 'fast-check';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createReportSheets } from '../../../src/app/create';
import { getFormat } from '../../../src/core/formats';
import { readReports } from '../../../src/core/read';
import type { ReportData } from '../../../src/core/model/report';
import { xlsxBackend } from '../../../src/taskpane/files';
import { App } from '../../../src/ui/App';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { consistentReport } from '../../helpers/arbitrary';
import { FakePort } from '../fake-port';

// browsers have TextEncoder; jest's jsdom environment does not expose Node's (ExcelJS' zip and ECharts use it)
const g = globalThis as unknown as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
g.TextEncoder ??= (require('util') as typeof import('util')).TextEncoder;
// ECharts measures text on a canvas where there is a document; jsdom has none (it then estimates widths)
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];

const F2021 = getFormat('2021')!;
const unit = (organization: string, seed: number): ReportData => fc.sample(consistentReport(F2021, { year: 2024, organization }), { seed, numRuns: 1 })[0];

async function bytesOf(data: ReportData): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.create();
  await createReportSheets(wb, { format: F2021, year: data.year, organization: data.organization, manualTotals: true, data });
  return new Uint8Array(await wb.toBuffer());
}

let blobs: { name: string; blob: Blob }[];
beforeEach(() => {
  blobs = [];
  let last: Blob | null = null;
  (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = (b: Blob) => ((last = b), 'blob:1');
  (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    blobs.push({ name: this.download, blob: last! });
  });
});
afterEach(() => jest.restoreAllMocks());

function readBlob(b: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(b);
  });
}

test('chosen files: the board lists every unit, the unreadable file with its reason; a click shows that unit’s findings; 汇总.xlsx and the HTML board download', async () => {
  const good = unit('某某区教育局', 11);
  const bad = unit('某某镇人民政府', 12);
  bad.table3.new_received.total = Number(bad.table3.new_received.total ?? 0) + 7; // 合计 ≠ its parts: an error
  const files = [
    new File([(await bytesOf(good)) as BlobPart], '教育局.xlsx'),
    new File([(await bytesOf(bad)) as BlobPart], '某某镇.xlsx'),
    new File([new Uint8Array([1, 2, 3, 4, 5]) as BlobPart], '坏文件.xlsx'),
  ];
  render(<App locale="zh" initialView="rollup" files={xlsxBackend()} />);
  fireEvent.change(await screen.findByTestId('rollup-files'), { target: { files } });
  const board = await screen.findByTestId('rollup-board', undefined, { timeout: 60000 });
  const rows = within(board).getAllByTestId<HTMLTableRowElement>('rollup-row');
  expect(rows.map((r) => r.cells[0].textContent)).toEqual(['坏文件.xlsx', '教育局.xlsx', '某某镇.xlsx']);
  const byFile = new Map(rows.map((r) => [r.cells[0].textContent, r]));
  expect(byFile.get('教育局.xlsx')!.getAttribute('data-status')).toBe('pass');
  expect(byFile.get('某某镇.xlsx')!.getAttribute('data-status')).toBe('errors');
  const unreadable = byFile.get('坏文件.xlsx')!;
  expect(unreadable.getAttribute('data-status')).toBe('unreadable');
  expect(within(unreadable).getByTestId('rollup-status').textContent).toBe('无法读取');
  expect(within(unreadable).getByTestId('rollup-first').textContent!.length).toBeGreaterThan(4); // the reason, in words
  expect(screen.getByTestId('rollup-notice').textContent).toContain('2 个单位');

  // a click on the unit with errors: its findings, each with its cell
  fireEvent.click(within(byFile.get('某某镇.xlsx')!).getByRole('button', { name: /某某镇人民政府/ }));
  const findings = await screen.findByTestId('rollup-findings');
  const items = within(findings).getAllByTestId('rollup-finding');
  expect(items.length).toBeGreaterThan(0);
  expect(items.some((li) => /年报统计表!\w+\d+/.test(li.textContent ?? ''))).toBe(true);
  // the unreadable one: why
  fireEvent.click(within(unreadable).getByRole('button'));
  await waitFor(() => expect(screen.getByTestId('rollup-findings').textContent).toContain('无法读取'));

  // the charts, drawn as SVG (ECharts loaded on use)
  const charts = await screen.findByTestId('rollup-charts');
  await waitFor(() => expect(charts.querySelectorAll('svg').length).toBeGreaterThan(0), { timeout: 60000 });

  // 汇总.xlsx: the consolidated tables equal the two units' sum
  fireEvent.click(screen.getByRole('button', { name: '下载汇总.xlsx' }));
  await waitFor(() => expect(blobs.map((b) => b.name)).toEqual(['汇总.xlsx']), { timeout: 60000 });
  const wb = await XlsxWorkbook.open(await readBlob(blobs[0].blob), '汇总.xlsx');
  expect(await wb.listSheets()).toEqual(expect.arrayContaining(['校验汇总', '汇总统计表']));
  const [sum] = readReports([await wb.readGrid('汇总统计表')]);
  const v = F2021.tables.table3.values.find((c) => c.row === 'granted' && c.col === 'total')!;
  expect(sum.data.table3[v.row][v.col]).toBe(Number(good.table3.granted.total) + Number(bad.table3.granted.total));

  // the buttons are disabled until the download's task has ended (the blob is offered before that)
  const htmlButton = screen.getByRole('button', { name: '下载校验汇总网页（.html）' });
  await waitFor(() => expect(htmlButton.hasAttribute('disabled')).toBe(false), { timeout: 60000 });
  fireEvent.click(htmlButton);
  await waitFor(() => expect(blobs.map((b) => b.name)).toEqual(['汇总.xlsx', '校验汇总.html']), { timeout: 60000 });
  const html = new TextDecoder().decode(await readBlob(blobs[1].blob));
  expect(html).toContain('坏文件.xlsx');
  expect(html).toContain('<svg');
}, 120000);

test('a folder: only its workbooks are read, with their folder in the name', async () => {
  const a = new File([(await bytesOf(unit('某某街道办事处', 21))) as BlobPart], 'a.xlsx');
  Object.defineProperty(a, 'webkitRelativePath', { value: '各单位/a.xlsx' });
  const note = new File(['说明'], '说明.txt');
  Object.defineProperty(note, 'webkitRelativePath', { value: '各单位/说明.txt' });
  render(<App locale="zh" initialView="rollup" files={xlsxBackend()} />);
  fireEvent.change(await screen.findByTestId('rollup-folder'), { target: { files: [note, a] } });
  const board = await screen.findByTestId('rollup-board', undefined, { timeout: 60000 });
  expect(within(board).getAllByTestId<HTMLTableRowElement>('rollup-row').map((r) => r.cells[0].textContent)).toEqual(['各单位/a.xlsx']);
}, 120000);

test('inside Excel: 写入 puts 校验汇总 and 汇总统计表 into the open workbook (nothing downloaded)', async () => {
  const port = new FakePort(['Sheet1']);
  const files = [new File([(await bytesOf(unit('某某区教育局', 11))) as BlobPart], '教育局.xlsx'), new File([(await bytesOf(unit('某某镇人民政府', 12))) as BlobPart], '某某镇.xlsx')];
  render(<App locale="zh" initialView="rollup" port={port} files={xlsxBackend()} />);
  fireEvent.change(await screen.findByTestId('rollup-files'), { target: { files } });
  await screen.findByTestId('rollup-board', undefined, { timeout: 60000 });
  expect(screen.queryByRole('button', { name: '下载汇总.xlsx' })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: '写入当前工作簿（校验汇总、汇总统计表）' }));
  await waitFor(() => expect(screen.getByTestId('rollup-notice').textContent).toContain('已写入工作表“校验汇总”'), { timeout: 60000 });
  expect(await port.listSheets()).toEqual(expect.arrayContaining(['Sheet1', '校验汇总', '汇总统计表']));
  const [sum] = readReports([await port.readGrid('汇总统计表')]);
  expect(sum.data.organization).toContain('2');
  expect(blobs).toEqual([]);
}, 120000);
