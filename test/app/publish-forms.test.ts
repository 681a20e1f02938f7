/**
 * A published report in every form it comes in imports back to the same figures, cell for cell,
 * blanks included: random consistent reports (with whole columns left blank) rendered as a web page
 * by our own renderer, with the quirks real pages have (labels split by <span>s, &nbsp; in cells);
 * then Chromium's copy of the page (innerText: tab-separated rows), LibreOffice's .docx and PDF of
 * the page, and markdown (pipe tables; 表三 also split into one table per row group with generic
 * headers). Every form goes through readPublishedBytes, as `nianbao import` and the pane read it.
 */
import { execFileSync } from 'child_process';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { loadPrevious } from '../../src/app/previous';
import { readPublishedBytes } from '../../src/app/publish';
import { FORMATS } from '../../src/core/formats';
import type { TableId } from '../../src/core/formats/types';
import { parseHtml } from '../../src/core/import';
import type { ReportData } from '../../src/core/model/report';
import { generateReport } from '../../src/core/narrative/generate';
import { defaultProfile } from '../../src/core/narrative/profile';
import { renderHtml } from '../../src/core/render/html';
import { run } from '../cli/helpers';
import { launchChromium } from '../e2e/harness';
import { consistentReport } from '../helpers/arbitrary';

const TABLES: TableId[] = ['table2', 'table3', 'table4'];
const PER_FORMAT = 4;

/** Random consistent reports; in some, a whole column of 表三 and one of 表四 left blank. */
function reports(): ReportData[] {
  const out: ReportData[] = [];
  FORMATS.forEach((format, fi) => {
    const sample = fc.sample(consistentReport(format), { numRuns: PER_FORMAT, seed: 1207 + fi });
    sample.forEach((data, i) => {
      if (i % 2 === 0) {
        const t3cols = format.tables.table3.colOrder.map((c) => c.key);
        const col = t3cols[(i + fi) % t3cols.length];
        for (const row of Object.keys(data.table3)) if (col in data.table3[row]) data.table3[row][col] = null;
        const v4 = format.tables.table4.values[(3 * i + 2) % format.tables.table4.values.length];
        data.table4[v4.row][v4.col] = null;
        const v2 = format.tables.table2.values[i % format.tables.table2.values.length];
        data.table2[v2.row][v2.col] = null;
      }
      out.push(data);
    });
  });
  return out;
}

/** The quirks of real pages: a label split by <span>s, &nbsp; around values and in empty cells. */
function withQuirks(html: string, seed: number): string {
  let n = seed;
  return html.replace(/<(td|th)([^>]*)>([^<]*)<\/\1>/g, (_m, tag: string, attrs: string, text: string) => {
    n++;
    let inner = text;
    if (text === '') inner = n % 2 ? '&nbsp;' : '';
    else if (/^[\d.,+-]+$/.test(text)) inner = n % 3 === 0 ? `&nbsp;${text}&nbsp;` : n % 3 === 1 ? `<span>${text}</span>` : text;
    else if (text.length > 3) {
      const cut = 1 + (n % (text.length - 2));
      inner = `<span style="font-family:宋体">${text.slice(0, cut)}</span><span>${text.slice(cut)}</span>`;
    }
    return `<${tag}${attrs}>${inner}</${tag}>`;
  });
}

/* ---------------------------------------------------------------- markdown, as converters write it */

function mdRow(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** An HTML table as pipe tables (merged cells: text in the first, the others empty); `split` makes one table per row group. */
function tableMarkdown(tableHtml: string, split: boolean): string {
  const t = parseHtml(tableHtml).tables[0];
  const rows = t.matrix.map((r) => r.map((c) => (c?.origin ? c.text : '')));
  const sep = mdRow(rows[0].map(() => '---'));
  if (!split) return [mdRow(rows[0]), sep, ...rows.slice(1).map(mdRow)].join('\n');
  // header rows (no figures) as one table, then a table per group of rows sharing their first cell
  const firstValue = rows.findIndex((r) => r.some((c) => /^\d+(\.\d+)?$/.test(c)));
  const parts: string[][][] = [rows.slice(0, firstValue)];
  for (const r of rows.slice(firstValue)) {
    if (r[0] !== '' || parts.length === 1) parts.push([]);
    parts[parts.length - 1].push(r);
  }
  const generic = mdRow(rows[0].map((_, i) => `列${i + 1}`));
  return parts
    .map((p, i) => (i === 0 ? [mdRow(p[0]), sep, ...p.slice(1).map(mdRow)] : [generic, sep, ...p.map(mdRow)]).join('\n'))
    .join('\n\n');
}

/** Our page as markdown: `#` headings, paragraphs, pipe tables (表三 split when `split`). */
function toMarkdown(html: string, split: boolean): string {
  const body = html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
  const blocks = body.match(/<table[\s\S]*?<\/table>|<(h[1-3]|p)[^>]*>[\s\S]*?<\/\1>/g) ?? [];
  let tableNo = 0;
  return blocks
    .map((b) => {
      const text = (s: string) => parseHtml(s).text.trim();
      if (b.startsWith('<table')) return tableMarkdown(b, split && ++tableNo === 2);
      const level = /^<h([1-3])/.exec(b)?.[1];
      return level ? `${'#'.repeat(Number(level))} ${text(b)}` : text(b);
    })
    .join('\n\n');
}

/* ---------------------------------------------------------------- the forms */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-forms-'));
const DATA = reports();
const files: Record<string, Record<string, Uint8Array>> = {};

function expectSameFigures(back: ReportData, data: ReportData, form: string, i: number): void {
  const wrong: string[] = [];
  for (const t of TABLES) {
    for (const v of FORMATS.find((f) => f.id === data.format)!.tables[t].values) {
      const want = data[t][v.row][v.col];
      const got = back[t]?.[v.row]?.[v.col];
      if (got !== want) wrong.push(`${form} #${i} ${t}.${v.row}.${v.col}: ${String(want)} → ${String(got)}`);
    }
  }
  expect(wrong).toEqual([]);
  expect({ format: back.format, year: back.year, organization: back.organization }).toEqual({ format: data.format, year: data.year, organization: data.organization });
}

beforeAll(async () => {
  const htmlFiles: string[] = [];
  const plainFiles: string[] = [];
  DATA.forEach((data, i) => {
    const html = withQuirks(renderHtml(generateReport(data, defaultProfile(data)), { standalone: true }), i);
    const file = path.join(dir, `r${i}.html`);
    fs.writeFileSync(file, html);
    htmlFiles.push(file);
    // the same page with its tables drawn without lines (a borderless PDF)
    const plain = path.join(dir, `p${i}.html`);
    fs.writeFileSync(plain, html.replace(/border:1px solid #000;/g, ''));
    plainFiles.push(plain);
    files[i] = {
      html: new TextEncoder().encode(html),
      md: new TextEncoder().encode(toMarkdown(html, false)),
      'md-split': new TextEncoder().encode(toMarkdown(html, true)),
    };
  });
  // LibreOffice: the page as a Writer document, saved as .docx and as PDF (two runs for all reports)
  for (const to of ['docx:MS Word 2007 XML', 'pdf:writer_pdf_Export']) {
    const inputs = to.startsWith('pdf') ? [...htmlFiles, ...plainFiles] : htmlFiles;
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--infilter=HTML (StarWriter)', '--convert-to', to, '--outdir', dir, ...inputs], { stdio: 'ignore', timeout: 120_000 });
  }
  DATA.forEach((_d, i) => {
    files[i].docx = new Uint8Array(fs.readFileSync(path.join(dir, `r${i}.docx`)));
    files[i].pdf = new Uint8Array(fs.readFileSync(path.join(dir, `r${i}.pdf`)));
    files[i]['pdf-plain'] = new Uint8Array(fs.readFileSync(path.join(dir, `p${i}.pdf`)));
  });
  // Chromium: select all and copy = the page's innerText
  const browser: Browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (let i = 0; i < DATA.length; i++) {
      await page.setContent(new TextDecoder().decode(files[i].html));
      const text = await page.evaluate(() => document.body.innerText);
      files[i].copy = new TextEncoder().encode(text);
    }
  } finally {
    await browser.close();
  }
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const FORMS: [string, string][] = [
  ['the web page', 'html'],
  ["Chromium's copy of the page (tab-separated rows)", 'copy'],
  ['markdown pipe tables', 'md'],
  ['markdown with 表三 split per row group under generic headers', 'md-split'],
  ["LibreOffice's Word file (.docx)", 'docx'],
  ["LibreOffice's PDF", 'pdf'],
];

describe.each(FORMS)('%s imports back to the same figures, blanks included', (_name, form) => {
  it.each(DATA.map((d, i) => [i, d.format] as const))('report %i (format %s)', async (i) => {
    const ext = form === 'copy' ? 'txt' : form.startsWith('md') ? 'md' : form;
    const back = await readPublishedBytes({ name: `report.${ext}`, bytes: files[i][form] });
    expectSameFigures(back.data, DATA[i], form, i);
  });
});

it('the copied text really is tab-separated, with the blank cells as empty fields', () => {
  const text = new TextDecoder().decode(files[0].copy);
  expect(text).toMatch(/\t\t/);
  expect(DATA.some((d) => Object.values(d.table3).some((r) => Object.values(r).includes(null)))).toBe(true);
});

it("last year's figures load from the same forms (loadPrevious): .docx, PDF, markdown and the copied text", async () => {
  const noWorkbook = () => Promise.reject(new Error('not a workbook'));
  for (const [form, name] of [['docx', 'last.docx'], ['pdf', 'last.pdf'], ['md', 'last.md'], ['copy', 'last.txt']] as const) {
    const r = await loadPrevious({ name, bytes: files[1][form] }, noWorkbook);
    expect(r.data.table3).toEqual(DATA[1].table3);
    expect(r.unread).toBe(0);
  }
});

describe('a PDF whose tables have no ruling lines: columns from the figures’ positions', () => {
  const counts = { exact: 0, blank: 0, cells: 0 };
  afterAll(() => process.stdout.write(`\nborderless PDF: ${counts.exact}/${counts.cells} cells exact, ${counts.blank} left blank and named, 0 other\n`));

  it.each(DATA.map((d, i) => [i, d.format] as const))('report %i (format %s): every figure exact, or blank and named; never another number', async (i) => {
    const data = DATA[i];
    const back = await readPublishedBytes({ name: 'report.pdf', bytes: files[i]['pdf-plain'] });
    const wrong: string[] = [];
    let blanks = 0;
    for (const t of TABLES) {
      for (const v of FORMATS.find((f) => f.id === data.format)!.tables[t].values) {
        const want = data[t][v.row][v.col];
        const got = back.data[t][v.row][v.col];
        counts.cells++;
        if (got === want) counts.exact++;
        else if (got === null) blanks++;
        else wrong.push(`${t}.${v.row}.${v.col}: ${String(want)} → ${String(got)}`);
      }
    }
    counts.blank += blanks;
    expect(wrong).toEqual([]);
    if (blanks) expect(back.issues.some((x) => !x.note)).toBe(true);
  });
});

it('nianbao import reads the .docx, the PDF and the markdown into report.json with the same figures (exit 0)', async () => {
  for (const [form, ext] of [['docx', 'docx'], ['pdf', 'pdf'], ['md-split', 'md']] as const) {
    const input = path.join(dir, `cli-${form}.${ext}`);
    fs.writeFileSync(input, files[2][form]);
    const output = path.join(dir, `cli-${form}.json`);
    const r = await run('import', input, '-o', output);
    expect(r.code).toBe(0);
    const back = JSON.parse(fs.readFileSync(output, 'utf8')) as ReportData;
    expectSameFigures(back, DATA[2], `cli ${form}`, 2);
  }
});
