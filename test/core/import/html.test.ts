import { decodeEntities, htmlTablesToGrids, importPublishedReport, parseHtml } from '../../../src/core/import';

describe('HTML reading without a DOM', () => {
  it('decodes named and numeric entities, keeps unknown ones', () => {
    expect(decodeEntities('&ldquo;三安全一稳定&rdquo;&nbsp;&amp;&#20013;&#x6587;&lt;&foo;')).toBe('“三安全一稳定”\u00a0&中文<&foo;');
  });

  it('expands rowspan and colspan into a matrix, origin cells marked', () => {
    const { tables } = parseHtml(`
      <table><tr><td rowspan="2" colspan="2">A</td><td>B</td></tr>
      <tr><td>C</td></tr>
      <tr><td>D</td><td>E</td><td>F</td></tr></table>`);
    expect(tables).toHaveLength(1);
    const m = tables[0].matrix.map((r) => r.map((c) => (c ? `${c.text}${c.origin ? '' : '*'}` : '.')));
    expect(m).toEqual([
      ['A', 'A*', 'B'],
      ['A*', 'A*', 'C'],
      ['D', 'E', 'F'],
    ]);
  });

  it('copes with unclosed cells and rows, attributes with “>” in quotes, comments and scripts', () => {
    const { tables, text, title } = parseHtml(`<html><head><title>年报 &amp; 公开</title>
      <script>if (a < b) document.write("<td>9</td>")</script></head><body>
      <p title="a>b">正文<br>第二行</p><!-- <table><tr><td>x</td></tr></table> -->
      <table><tr><td>一<td>1<tr><td>二<td>2</table></body></html>`);
    expect(title).toBe('年报 & 公开');
    expect(tables).toHaveLength(1);
    expect(tables[0].matrix.map((r) => r.map((c) => c?.text))).toEqual([
      ['一', '1'],
      ['二', '2'],
    ]);
    expect(text.split('\n')).toEqual(['正文', '第二行', '', '\t一', '\t1', '', '\t二', '\t2']);
  });

  it('a rowspan running past the last row is cut at the table end', () => {
    const { tables } = parseHtml('<table><tr><td rowspan="9">A</td><td>1</td></tr><tr><td>2</td></tr></table>');
    expect(tables[0].rows).toBe(2);
    expect(tables[0].matrix[1].map((c) => c?.text)).toEqual(['A', '2']);
  });

  it('gives Grids for the sheet reader: value at the top-left of a merge, merges in A1', () => {
    const [g] = htmlTablesToGrids('<table><tr><td colspan="3">第二十条第（五）项</td></tr><tr><td>行政许可</td><td colspan="2">156</td></tr></table>');
    expect(g.cells).toEqual([
      ['第二十条第（五）项', null, null],
      ['行政许可', '156', null],
    ]);
    expect(g.merges).toEqual(['A1:C1', 'B2:C2']);
    expect(g.sheet).toBe('表格1');
  });
});

describe('pages laid out with tables', () => {
  it('a layout table around the article: its paragraphs stay lines, the data table inside is flattened', () => {
    const { text, tables } = parseHtml(`<table width="100%"><tr><td>
      <p>一、总体情况</p><p>2022年，本局…</p>
      <table border="1"><tr><td>行政许可</td><td>156</td></tr></table>
      <p>五、存在的主要问题及改进情况</p></td></tr></table>`);
    expect(text.split('\n')).toEqual(['一、总体情况', '2022年，本局…', '', '\t行政许可', '\t156', '', '五、存在的主要问题及改进情况']);
    expect(tables.map((t) => t.rows)).toEqual([1, 1]);
  });
});

describe('a page whose table is not a <table>', () => {
  it('reads table 四 laid out as one <p> a cell from the page text', () => {
    const cells = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉',
      ...Array(2).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat(), 1, 0, 0, 0, 1, ...Array(10).fill(0)];
    const html = `<h1>2022年度某某县教育局政府信息公开工作年度报告</h1><p>四、政府信息公开行政复议、行政诉讼情况</p>
      <div class="tbl">${cells.map((c) => `<p>${c}</p>`).join('')}</div><p>五、存在的主要问题及改进情况</p><p>无。</p>`;
    const r = importPublishedReport(html);
    expect(r.data.table4.admin_review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(r.data.table4.litigation_direct.total).toBe(0);
    expect(r.issues.map((i) => i.label)).toEqual(expect.arrayContaining(['表二', '表三']));
    expect(r.issues.map((i) => i.label)).not.toContain('表四');
  });
});
