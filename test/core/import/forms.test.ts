/**
 * The forms of a published report that reach the importer as text: markdown (headings, pipe tables,
 * split tables under generic headers), a title with markup, another format's labels, rows typed with
 * spaces, and a crawler's text whose cells run together (one finding per table, never per cell).
 */
import { runChecks } from '../../../src/core/rules';
import * as fs from 'fs';
import * as path from 'path';
import { readPublished } from '../../../src/app/publish';
import { headingIndex, importPublishedReport, parseHtml } from '../../../src/core/import';
import { markdownToText } from '../../../src/core/import/markdown';

const FIX = path.join(__dirname, '..', '..', 'fixtures', 'published');
const KUQUAN = fs.readFileSync(path.join(FIX, 'kuquan-2020.txt'), 'utf8');
const QINGSHI = fs.readFileSync(path.join(FIX, 'qingshi-2022.html'), 'utf8');
const reference = importPublishedReport(QINGSHI, { kind: 'html' });

/** The page as a browser copies it: paragraphs one a line, each table row one line with its cells tab-separated. */
function asTabText(html: string): string {
  const tables: string[] = [];
  const withoutTables = html.replace(/<table[\s\S]*?<\/table>/gi, (t) => {
    const m = parseHtml(t).tables[0].matrix;
    tables.push(m.map((r) => r.filter((c) => c?.origin).map((c) => c!.text).join('\t')).join('\n'));
    return `<p>@@${tables.length - 1}@@</p>`;
  });
  return parseHtml(withoutTables).text.replace(/@@(\d+)@@/g, (_m, i: string) => tables[Number(i)]);
}

describe('markdown', () => {
  it('reads # headings and pipe tables, and cleans the title of its markup', () => {
    const md = asTabText(QINGSHI)
      .split('\n')
      .map((l, i) => (i === 0 ? `# 标题：${l}` : l.includes('\t') ? `| ${l.split('\t').join(' | ')} |` : /^[一二三四五六]、/.test(l) ? `## ${l}` : l))
      .join('\n')
      .replace(/^(\| .*\|)\n(?!\|)/m, '$1\n');
    const r = readPublished(md);
    expect(r.data).toEqual(reference.data);
    expect(r.data.organization).toBe(reference.data.organization);
    expect(r.data.organization).not.toMatch(/[#:：]|标题/);
    expect(r.sections.map((s) => s.heading[0])).toEqual(['一', '二', '三', '四', '五', '六']);
  });

  it('drops separator rows and generic headers of a table split per row group', () => {
    const text = markdownToText(['| 列1 | 列2 | 列3 | 列4 |', '| --- | :---: | --- | ---: |', '| 规章 | 1 |  | 3 |'].join('\n'));
    expect(text.split('\n')).toEqual(['列1\t列2\t列3\t列4', '规章\t1\t\t3']);
  });
});

describe('a browser copy (tab-separated rows)', () => {
  it('keeps the columns of rows with empty cells: the blanks stay blank, the other figures in place', () => {
    const html = QINGSHI.replace(/(<td class="xl66">)6(<\/td>)/, '$1$2');
    const page = importPublishedReport(html, { kind: 'html' });
    const copy = readPublished(asTabText(html), 'text');
    expect(page.data.table3.granted.natural_person).toBeNull();
    expect(copy.data).toEqual(page.data);
  });
});

describe('labels of another format', () => {
  it('规范性文件 in a 2021 table is read as 行政规范性文件 and said so, in the page and in its copy', () => {
    const html = QINGSHI.replace('<td><p align="center">行政规范性文件</p>', '<td><p align="center">规范性文件</p>');
    for (const r of [importPublishedReport(html, { kind: 'html' }), readPublished(asTabText(html), 'text')]) {
      expect(r.data.table2).toEqual(reference.data.table2);
      expect(r.issues).toContainEqual({ label: '表二 行政规范性文件', message: expect.stringContaining('原表写作“规范性文件”'), note: true });
    }
  });
});

describe('rows typed with spaces and cells run together', () => {
  const lines = KUQUAN.split('\n');
  /** each figure line appended to the line before it, with `sep` between */
  function joined(sep: string): string {
    const out: string[] = [];
    for (const l of lines) {
      const t = l.trim();
      if (/^\d+$/.test(t) && out.length) out[out.length - 1] += sep + t;
      else out.push(t);
    }
    return out.join('\n');
  }

  it('a row typed “规章 0 0 0” reads like the row one cell a line', () => {
    const r = readPublished(joined(' '), 'text');
    const ref = readPublished(KUQUAN, 'text');
    expect(r.data.table2).toEqual(ref.data.table2);
    expect(r.data.table3).toEqual(ref.data.table3);
  });

  it('a crawler text with labels and figures run together gives one finding per table, every value blank', () => {
    const r = readPublished(joined(''), 'text');
    const tableIssues = r.issues.filter((i) => /^表[二三四]/.test(i.label));
    expect(tableIssues.map((i) => i.label)).toEqual(['表二', '表三', '表四']);
    expect(tableIssues[1].message).toMatch(/^表三未能读出：单元格之间没有分隔/);
    for (const t of ['table2', 'table3', 'table4'] as const) {
      for (const row of Object.values(r.data[t])) for (const v of Object.values(row)) expect(v).toBeNull();
    }
  });
});

describe('amounts published in 元', () => {
  it('are read into the 万元 cell exactly (no rounding), and the message says the unit and the very number stored', () => {
    const html = QINGSHI.replace('<p align="center">35.6812</p>', '<p align="center">75394432.52元</p>');
    expect(html).not.toBe(QINGSHI);
    const r = importPublishedReport(html, { kind: 'html' });
    expect(r.data.table2.administrative_fees.amount).toBe(7539.443252);
    const issue = r.issues.find((i) => i.message.includes('75394432.52元'));
    expect(issue?.message).toContain('单位：元');
    expect(issue?.message).toContain('7539.443252 万元');
    // the conversion makes no finding of its own: the exact amount is a valid 万元 amount (to the 分)
    const findings = runChecks(r.data).filter((f) => f.cells.some((c) => c.row === 'administrative_fees'));
    expect(findings.filter((f) => f.id === 'CELL-VALUE')).toEqual([]);
  });
});

describe('reworded section headings', () => {
  it.each([
    ['四、因政府信息公开工作被申请行政复议和提起行政诉讼情况', 3],
    ['四、因政府信息公开申请行政复议、提起行政诉讼情况', 3],
    ['四、政府信息公开行政复议、行政诉讼情况', 3],
    ['五、政府信息公开工作存在的主要问题及改进情况', 4],
    ['六、其它需要报告的事项', 5],
  ])('“%s” is the heading of section %i', (heading, index) => {
    expect(headingIndex(heading)).toBe(index);
  });

  it('a paragraph that mentions 行政复议 and 行政诉讼 is no heading', () => {
    expect(headingIndex('本年度未发生因政府信息公开申请行政复议、提起行政诉讼情况。')).toBe(-1);
  });
});
