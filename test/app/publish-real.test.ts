/**
 * Real published reports (test/fixtures/published/real, found with the search tool): each cell as
 * published is read exactly, or left blank and named, never read as another number. The forms: the
 * text as stored (pipe rows, one cell a line, traditional characters), and for the reports whose rows
 * and cells the stored text keeps (pipe rows), the table rebuilt as a page, then Chromium's copy of
 * it, LibreOffice's .docx and PDF of it, and markdown. The exact-cell rate per form is printed.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readPublishedBytes } from '../../src/app/publish';
import { getFormat } from '../../src/core/formats';
import type { TableId } from '../../src/core/formats/types';
import { escapeHtml } from '../../src/core/render/html';
import { launchChromium } from '../e2e/harness';

const DIR = path.join(__dirname, '..', 'fixtures', 'published', 'real');

interface Fixture {
  file: string;
  url: string;
  body: string;
  year: number;
  format: string;
  form: string;
  published: Partial<Record<TableId, Record<string, (number | null)[]>>> | string;
  lost?: Partial<Record<TableId, string[]>>;
}

const FIXTURES = (JSON.parse(fs.readFileSync(path.join(DIR, 'reports.json'), 'utf8')) as { reports: Fixture[] }).reports;

/** table.row.col → published value */
function publishedCells(f: Fixture): Map<string, number | null> {
  const format = getFormat(f.format)!;
  const out = new Map<string, number | null>();
  for (const id of ['table2', 'table3', 'table4'] as TableId[]) {
    const def = format.tables[id];
    if (f.published === 'all 0 (every value cell of the 2019 format)') {
      for (const v of def.values) out.set(`${id}.${v.row}.${v.col}`, 0);
      continue;
    }
    const rows = (f.published as Record<string, Record<string, (number | null)[]>>)[id] ?? {};
    for (const [row, values] of Object.entries(rows)) {
      const cols = def.values.filter((v) => v.row === row).sort((a, b) => a.c - b.c);
      expect(cols).toHaveLength(values.length);
      cols.forEach((v, i) => out.set(`${id}.${row}.${v.col}`, values[i]));
    }
  }
  return out;
}

/** 表三's header as every report of both formats publishes it (the stored pipe rows lose its spans). */
const T3_HEADER =
  '<tr><td rowspan="3" colspan="3">(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)</td><td colspan="7">申请人情况</td></tr>' +
  '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>' +
  '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>';

/**
 * A stored row in a table `width` columns wide: a row of figures keeps them in the last columns (its
 * last label spans the gap, as the official row labels do); any other row spans its last cell to the end.
 */
function rowHtml(cells: string[], width: number): string {
  let figures = 0;
  while (figures < cells.length && /^[\d.]+$/.test(cells[cells.length - 1 - figures])) figures++;
  const span = width - cells.length + 1;
  const at = figures >= 2 ? cells.length - figures - 1 : cells.length - 1;
  return cells.map((c, i) => `<td${i === at && span > 1 ? ` colspan="${span}"` : ''}>${escapeHtml(c)}</td>`).join('');
}

/**
 * The stored pipe rows as a page: a <table> per run of pipe rows, each row's cells as stored
 * (rowHtml), 表三's header with its spans; other lines as paragraphs.
 */
function pipeTextToHtml(text: string): string {
  const out: string[] = [];
  let rows: string[][] = [];
  let header = '';
  const flush = () => {
    if (!rows.length) return;
    const width = Math.max(...rows.map((r) => r.length), header ? 10 : 0);
    const body = rows.map((r) => `<tr>${rowHtml(r, width)}</tr>`).join('');
    out.push(`<table border="1">${header}${body}</table>`);
    rows = [];
    header = '';
  };
  let skip = 0;
  for (const line of text.split('\n')) {
    if (line.includes('|')) {
      const cells = line.trim().replace(/^\|/, '').replace(/\|\s*$/, '').split('|').map((c) => c.trim());
      while (cells.length && !cells[cells.length - 1]) cells.pop();
      if (skip > 0) {
        skip--;
        continue;
      }
      if (/^\(本列数据的勾稽关系/.test(cells[0])) {
        flush();
        header = T3_HEADER;
        skip = 2;
        continue;
      }
      rows.push(cells);
    } else if (line.trim()) {
      flush();
      out.push(`<p>${escapeHtml(line.trim())}</p>`);
    }
  }
  flush();
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${out.join('\n')}</body></html>`;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-real-'));
/** fixture file → form → bytes */
const forms = new Map<string, Record<string, { name: string; bytes: Uint8Array }>>();
const rates = new Map<string, { exact: number; cells: number }>();
/** published cells read as blank (named in the import's issues), per fixture and form */
const blanks: string[] = [];

beforeAll(async () => {
  const pages: string[] = [];
  for (const f of FIXTURES) {
    const text = fs.readFileSync(path.join(DIR, f.file), 'utf8');
    const own: Record<string, { name: string; bytes: Uint8Array }> = { stored: { name: 'report.txt', bytes: new TextEncoder().encode(text) } };
    if (/\|\s*$/m.test(text) && !/^\|\s*$/m.test(text) && text.split('\n').filter((l) => l.includes('|')).length > 5 && /\S\s*\|\s*\S/.test(text)) {
      const html = pipeTextToHtml(text);
      own.html = { name: 'report.html', bytes: new TextEncoder().encode(html) };
      const md = text
        .split('\n')
        .map((l) => (l.includes('|') && !l.trim().startsWith('|') ? `| ${l.trim()}` : l))
        .join('\n');
      own.md = { name: 'report.md', bytes: new TextEncoder().encode(md) };
      const file = path.join(tmp, `${path.basename(f.file, '.txt')}.html`);
      fs.writeFileSync(file, html);
      pages.push(file);
    }
    forms.set(f.file, own);
  }
  for (const to of ['docx:MS Word 2007 XML', 'pdf:writer_pdf_Export']) {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp}/lo`, '--infilter=HTML (StarWriter)', '--convert-to', to, '--outdir', tmp, ...pages], { stdio: 'ignore', timeout: 120_000 });
  }
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const f of FIXTURES) {
      const own = forms.get(f.file)!;
      if (!own.html) continue;
      const base = path.join(tmp, path.basename(f.file, '.txt'));
      own.docx = { name: 'report.docx', bytes: new Uint8Array(fs.readFileSync(`${base}.docx`)) };
      own.pdf = { name: 'report.pdf', bytes: new Uint8Array(fs.readFileSync(`${base}.pdf`)) };
      await page.setContent(new TextDecoder().decode(own.html.bytes));
      own.copy = { name: 'report.txt', bytes: new TextEncoder().encode(await page.evaluate(() => document.body.innerText)) };
    }
  } finally {
    await browser.close();
  }
}, 180_000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  const lines = [...rates.entries()].map(([form, r]) => `${form}: ${r.exact}/${r.cells} = ${((100 * r.exact) / r.cells).toFixed(1)} %`);
  // the exact-cell rate per form over the real reports (quoted in the issue's note)
  process.stdout.write(`\nexact-cell rate per form (real reports)\n${lines.join('\n')}\nleft blank: ${blanks.join('; ') || 'none'}\n`);
});

describe.each(FIXTURES.map((f) => [f.file, f.body, f] as const))('%s (%s)', (file, _body, f) => {
  it('every published cell in every form is read exactly or left blank and named, never as another number; lost cells are not guessed', async () => {
    const cells = publishedCells(f);
    for (const [form, input] of Object.entries(forms.get(file)!)) {
      const r = await readPublishedBytes(input, { year: f.year });
      expect(r.data.format).toBe(f.format);
      const wrong: string[] = [];
      let exact = 0;
      for (const [key, want] of cells) {
        const [t, row, col] = key.split('.') as [TableId, string, string];
        const got = r.data[t][row][col];
        if (got === want) exact++;
        else if (got === null) blanks.push(`${file} ${form} ${key}`);
        else wrong.push(`${form} ${key}: published ${String(want)}, read ${String(got)}`);
      }
      for (const [t, rows] of Object.entries(f.lost ?? {})) {
        for (const row of rows) for (const v of Object.values(r.data[t as TableId][row])) if (v !== null) wrong.push(`${form} ${t}.${row}: guessed ${String(v)}`);
      }
      expect(wrong).toEqual([]);
      const total = rates.get(form) ?? { exact: 0, cells: 0 };
      rates.set(form, { exact: total.exact + exact, cells: total.cells + cells.size });
    }
  });
});
