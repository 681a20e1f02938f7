/** @jest-environment jsdom */
/**
 * Issue 12 in the pane: 导入已发布报告 opens a report in every form `nianbao import` takes — Word (.docx),
 * PDF, markdown and a browser's tab-separated copy — through src/app's readPublishedBytes, and reads the
 * same figures as the published report.
 */
import '../dom-stubs';
import { execFileSync } from 'child_process';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getFormat } from '../../../src/core/formats';
import { parseHtml } from '../../../src/core/import';
import { generateReport } from '../../../src/core/narrative/generate';
import { defaultProfile } from '../../../src/core/narrative/profile';
import { renderHtml } from '../../../src/core/render/html';
import { readReports } from '../../../src/core/read';
import { renderDocx } from '../../../src/export/docx';
import { App } from '../../../src/ui/App';
import { consistentReport } from '../../helpers/arbitrary';
import { FakePort } from '../fake-port';

// what browsers have and jest's jsdom environment does not expose from Node: TextEncoder (docx packs its
// XML with it) and ReadableStream (pdf.js streams the document's text)
const g = globalThis as unknown as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
g.TextEncoder ??= (require('util') as typeof import('util')).TextEncoder;
// eslint-disable-next-line @typescript-eslint/no-require-imports
g.ReadableStream ??= (require('stream/web') as typeof import('stream/web')).ReadableStream;

/** A random consistent report of the 2021 format (as the app's round-trip test uses), rendered by our renderer. */
const F2021 = getFormat('2021')!;
const DATA = fc.sample(consistentReport(F2021), { numRuns: 2, seed: 1208 })[1];
const doc = generateReport(DATA, defaultProfile(DATA));
const PAGE = renderHtml(doc, { standalone: true });

function mdRow(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** Our page as markdown, as converters write it: `#` headings, paragraphs, pipe tables (merged cells: text in the first). */
function markdown(html: string): string {
  const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
  const blocks = body.match(/<table[\s\S]*?<\/table>|<(h[1-3]|p)[^>]*>[\s\S]*?<\/\1>/g) ?? [];
  return blocks
    .map((b) => {
      if (b.startsWith('<table')) {
        const rows = parseHtml(b).tables[0].matrix.map((r) => r.map((c) => (c?.origin ? c.text : '')));
        return [mdRow(rows[0]), mdRow(rows[0].map(() => '---')), ...rows.slice(1).map(mdRow)].join('\n');
      }
      const level = /^<h([1-3])/.exec(b)?.[1];
      const text = parseHtml(b).text.trim();
      return level ? `${'#'.repeat(Number(level))} ${text}` : text;
    })
    .join('\n\n');
}

function pick(name: string, bytes: Uint8Array | string): void {
  const file = new File([bytes as BlobPart], name, { type: 'application/octet-stream' });
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
}

async function importAndInsert(name: string, bytes: Uint8Array | string): Promise<FakePort> {
  const user = userEvent.setup();
  const port = new FakePort(['Sheet1']);
  let rendered = false;
  render(<App locale="zh" initialView="insert" port={port} onFirstRender={() => (rendered = true)} />);
  await waitFor(() => expect(rendered).toBe(true));
  await screen.findByTestId('import-file');
  pick(name, bytes);
  const result = await screen.findByTestId('import-result', undefined, { timeout: 30000 }).catch((e: unknown) => {
    throw new Error(`${String(e).slice(0, 80)} — ${screen.getByTestId('import-section').textContent ?? ''}`);
  });
  expect((screen.getByTestId('import-year') as HTMLInputElement).value).toBe(String(DATA.year));
  expect(within(result).getByTestId('import-format').textContent).toContain('2021年版');
  await user.click(screen.getByTestId('import-insert'));
  await screen.findByTestId('import-done');
  return port;
}

/** The sheet 插入为统计表 wrote holds the report's figures, cell for cell (blanks included). */
async function expectSampleFigures(port: FakePort): Promise<void> {
  const [report] = readReports([await port.readGrid('年报统计表')]);
  const wrong: string[] = [];
  for (const t of ['table2', 'table3', 'table4'] as const) {
    for (const v of F2021.tables[t].values) {
      const want = DATA[t][v.row][v.col];
      const got = report.data[t]?.[v.row]?.[v.col];
      if (got !== want) wrong.push(`${t}.${v.row}.${v.col}: ${String(want)} → ${String(got)}`);
    }
  }
  expect(wrong).toEqual([]);
  expect(report.data.format).toBe('2021');
}

describe('导入已发布报告: every form nianbao import takes', () => {
  test('a Word file (.docx) of the report', async () => {
    const bytes = await renderDocx(doc);
    await expectSampleFigures(await importAndInsert('报告.docx', bytes));
  }, 60000);

  test('a PDF of the report (LibreOffice from the web page)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pane-pdf-'));
    try {
      fs.writeFileSync(path.join(dir, 'r.html'), PAGE);
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', dir, path.join(dir, 'r.html')], {
        stdio: 'ignore',
        timeout: 90000,
      });
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, 'r.pdf')));
      await expectSampleFigures(await importAndInsert('报告.pdf', bytes));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);

  test('markdown with pipe tables (.md)', async () => {
    await expectSampleFigures(await importAndInsert('报告.md', markdown(PAGE)));
  }, 60000);

  test('a file of another kind is refused by name, nothing read', async () => {
    const port = new FakePort(['Sheet1']);
    render(<App locale="zh" initialView="insert" port={port} />);
    await screen.findByTestId('import-file');
    pick('报告.xls', 'abc');
    await waitFor(() => expect(screen.getByTestId('import-section').textContent).toContain('不是能读取的报告文件'));
    expect(screen.queryByTestId('import-result')).toBeNull();
    expect(port.applied).toHaveLength(0);
  });
});
