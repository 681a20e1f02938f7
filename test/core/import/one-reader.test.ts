/**
 * One reader (issue 9): the importer reads labels and values with the sheet reader's normaliser,
 * matcher and value parser, and finds the tables of a page with the sheet reader's locate.
 */
import * as fs from 'fs';
import * as path from 'path';
import { getFormat } from '../../../src/core/formats';
import { htmlTablesToGrids, importPublishedReport } from '../../../src/core/import';
import { locateTables, parseValue, readReports } from '../../../src/core/read';

const QINGSHI = fs.readFileSync(path.join(__dirname, '../../fixtures/published/qingshi-2022.html'), 'utf8');
const QINGSHI_TEXT = importPublishedReport(QINGSHI).text;
const LICENSING = '表二 行政许可 · 本年处理决定数量';

/** 行政许可 · 本年处理决定数量 (a count in 件) written as `token`: in a sheet, in the page, in the copied text. */
function readEverywhere(token: string) {
  const html = QINGSHI.replace('<p align="center">156</p>', `<p align="center">${token}</p>`);
  const text = QINGSHI_TEXT.replace('\t行政许可\n\t156\n', `\t行政许可\n\t${token}\n`);
  expect(html === QINGSHI || text === QINGSHI_TEXT).toBe(false);
  const [sheet] = readReports(htmlTablesToGrids(html));
  const page = importPublishedReport(html);
  const copied = importPublishedReport(text, { kind: 'text' });
  return {
    sheet: sheet.data.table2.administrative_licensing.decisions,
    note: parseValue(token, 'count', '件').note,
    page: { value: page.data.table2.administrative_licensing.decisions, issues: page.issues },
    copied: { value: copied.data.table2.administrative_licensing.decisions, issues: copied.issues },
  };
}

describe('a value cell reads the same in a sheet and in an imported table', () => {
  // each of these was read one way by the sheet reader and another by the importer
  it.each([
    ['…', 'sheet: text (NFKC made it “...”); import: a label line'],
    ['……', 'sheet: text; import: a label line'],
    ['x', 'sheet: text; import: blank'],
    ['×', 'sheet: text; import: blank'],
    ['暂无', 'sheet: text; import: a label line'],
    ['N/A', 'sheet: blank; import: a label line'],
    ['─', 'sheet: text; import: a label line'],
  ])('blank marker %j (before: %s) is a blank marker in both', (token) => {
    const r = readEverywhere(token);
    // the sheet keeps what the cell shows, as a blank marker for the checks
    expect(r.note).toBe('blank-marker');
    expect(r.sheet).toBe(token);
    // the importer leaves it blank and says what was written, in the page and in the copied text
    for (const imported of [r.page, r.copied]) {
      expect(imported.value).toBeNull();
      expect(imported.issues).toEqual([{ label: LICENSING, message: `原表填写为“${token}”，按空白读取（官方表格应填 0）。` }]);
    }
  });

  it.each([
    ['3条', 'sheet: text; import: 3', 3],
    ['3宗', 'sheet: text; import: 3', 3],
    ['—3', 'sheet: -3; import: text', -3],
  ])('%j (before: %s) is the number %d in both', (token, _before, value) => {
    const r = readEverywhere(token);
    expect(r.sheet).toBe(value);
    for (const imported of [r.page, r.copied]) {
      expect(imported.value).toBe(value);
      expect(imported.issues).toEqual([]);
    }
  });

  it.each([
    ['1,23', 'sheet: text; import: 123'],
    ['5元', 'sheet: text; import: 5 (a 元 figure in a count cell)'],
    ['25.1万元', 'sheet: text; import: 25.1'],
  ])('%j (before: %s) is kept as text in both, never guessed', (token) => {
    const r = readEverywhere(token);
    expect(r.note).toBe('text');
    expect(r.sheet).toBe(token);
    for (const imported of [r.page, r.copied]) {
      expect(imported.value).toBe(token);
      expect(imported.issues).toEqual([{ label: LICENSING, message: expect.stringContaining(`“${token}”`) }]);
    }
  });
});

/** Table 四 of the 2021 format as a page would publish it: both header levels merged, then one row of figures. */
function table4Html(fields: string[], values: number[]): string {
  const head = (f: string) => `<td>${f}</td>`;
  return `<html><head><title>2022年度某某县教育局政府信息公开工作年度报告</title></head><body>
    <p>四、政府信息公开行政复议、行政诉讼情况</p>
    <table border="1">
      <tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>
      <tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
      <tr>${[...fields, ...fields, ...fields].map(head).join('')}</tr>
      <tr>${values.map((v) => `<td>${v}</td>`).join('')}</tr>
    </table><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>`;
}

const FIELDS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

describe('an HTML table with rowspan/colspan headers goes through the sheet reader', () => {
  it('locate finds table 四 in the page’s table with its merged headers', () => {
    const html = table4Html(FIELDS, [1, 0, 0, 1, 2, 3, 1, 0, 0, 4, 0, 0, 1, 0, 1]);
    const [grid] = htmlTablesToGrids(html);
    expect(grid.merges).toEqual(expect.arrayContaining(['A1:E2', 'F1:O1', 'F2:J2', 'K2:O2']));
    const found = locateTables(grid, getFormat('2021')).tables.table4!;
    expect(found.range).toBe('A1:O4');
    expect(found.cells.litigation_direct.pending.address).toBe('I4');
    const r = importPublishedReport(html);
    expect(r.data.table4).toEqual(found.values);
    expect(r.data.table4.admin_review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(r.data.table4.litigation_after_review).toEqual({ upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 });
    expect(r.issues.map((i) => i.label)).not.toContain('表四');
  });

  it('values are taken under their header labels, not by position', () => {
    // 总计 written first in each group: a positional reading would put each total under 结果维持
    const order = ['总计', '结果维持', '结果纠正', '其他结果', '尚未审结'];
    const html = table4Html(order, [2, 1, 0, 0, 1, 7, 3, 1, 0, 3, 1, 0, 0, 1, 0]);
    const r = importPublishedReport(html);
    expect(r.data.table4.admin_review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(r.data.table4.litigation_direct).toEqual({ upheld: 3, corrected: 1, other: 0, pending: 3, total: 7 });
    expect(r.data.table4.litigation_after_review).toEqual({ upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 });
  });

  it('a row with a cell missing is left blank and named; a header not found leaves its column blank and is named', () => {
    const short = QINGSHI.replace(/(<td[^>]*>(?:(?!<\/td>).)*二、上年结转政府信息公开申请数量.*?<\/td>)<td[^>]*>.*?<\/td>/s, '$1');
    expect(short === QINGSHI).toBe(false);
    const s = importPublishedReport(short);
    expect(Object.values(s.data.table3.carried_over)).toEqual(Array(7).fill(null));
    expect(s.issues).toEqual([{ label: '表三 二、上年结转政府信息公开申请数量', message: expect.stringContaining('读到 6 个数值，应为 7 个') }]);

    const renamed = QINGSHI.replace('科研<br/>机构', '科研院所单位');
    expect(renamed === QINGSHI).toBe(false);
    const h = importPublishedReport(renamed);
    const t3 = h.data.table3;
    expect(Object.keys(t3).every((row) => t3[row].research_institution === null)).toBe(true);
    expect(t3.new_received.natural_person).toBe(14);
    expect(h.issues).toEqual([{ label: '表头', message: '表三表头“科研机构”未找到，该列数值留空。' }]);
  });

  it('a table split over several <table>s (表二 one per 第二十条 block) is read whole, as from one sheet', () => {
    const split = QINGSHI.replace(/(<\/tr>\n)(<tr><td colspan="4"[^>]*><p align="center"><b>第二十条第（[五六八]）项)/g, '$1</table><table>$2');
    expect(split.split('<table').length - QINGSHI.split('<table').length).toBe(3);
    const r = importPublishedReport(split);
    expect(r.data).toEqual(importPublishedReport(QINGSHI).data);
    expect(r.issues).toEqual([]);
  });
});
