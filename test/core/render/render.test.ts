import { generateReport } from '../../../src/core/narrative/generate';
import { renderHtml } from '../../../src/core/render/html';
import { renderText, textLines, tableLines } from '../../../src/core/render/text';
import { countyData2023, countyProfile2023, kuquanData, kuquanProfile } from '../narrative/fixtures';
import { JSDOM } from 'jsdom';

describe('renderText', () => {
  const data = kuquanData();
  const doc = generateReport(data, kuquanProfile(data));
  const text = renderText(doc);

  it('reads like the published report: title, six headings in order, indented paragraphs', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe(doc.title);
    const headings = doc.sections.map((s) => lines.indexOf(s.heading));
    expect(headings.every((i) => i > 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(lines).toContain('\u3000\u3000本年度未收到政府信息公开申请，也无上年结转的政府信息公开申请。');
  });

  it('flattens each table row to one line, cells separated by tabs, merged cells written once', () => {
    const t3 = tableLines(doc.tables.table3);
    expect(t3).toContain('一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0');
    expect(t3).toContain('\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0');
    expect(t3).toContain('\t\t2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0');
    const t4 = tableLines(doc.tables.table4);
    expect(t4[3].split('\t')).toHaveLength(15);
    expect(text).toContain('注：采购总金额单位为万元。');
  });
});

describe('renderHtml', () => {
  const parse = (html: string) => new JSDOM(`<body>${html}</body>`).window.document;

  it('writes the tables with the official merged headers as rowspan/colspan and th scope', () => {
    const d = countyData2023();
    const doc = parse(renderHtml(generateReport(d, countyProfile2023(d))));
    const tables = doc.querySelectorAll('table');
    expect(tables).toHaveLength(3);
    const t3 = tables[1];
    const th = (text: string) => [...t3.querySelectorAll('th')].find((x) => x.textContent === text)!;
    expect(th('申请人情况').getAttribute('colspan')).toBe('7');
    expect(th('申请人情况').getAttribute('scope')).toBe('colgroup');
    expect(th('自然人').getAttribute('rowspan')).toBe('2');
    expect(th('自然人').getAttribute('scope')).toBe('col');
    expect(th('法人或其他组织').getAttribute('colspan')).toBe('5');
    expect(th('三、本年度办理结果').getAttribute('rowspan')).toBe('22');
    expect(th('三、本年度办理结果').getAttribute('scope')).toBe('rowgroup');
    expect(th('（三）不予公开').getAttribute('rowspan')).toBe('8');
    expect(th('1.属于国家秘密').getAttribute('scope')).toBe('row');
    expect(t3.querySelectorAll('thead tr')).toHaveLength(3);
    // every row spans the 10 columns of the grid once merges are counted
    const widths = new Array(28).fill(0);
    [...t3.querySelectorAll('tr')].forEach((tr, r) => {
      for (const cell of tr.querySelectorAll('th,td')) {
        const rs = Number(cell.getAttribute('rowspan') ?? 1);
        const cs = Number(cell.getAttribute('colspan') ?? 1);
        for (let i = r; i < r + rs; i++) widths[i] += cs;
      }
    });
    expect(widths).toEqual(new Array(28).fill(10));
    // the values of the 新收 row in order
    const row = [...t3.querySelectorAll('tr')][3];
    expect([...row.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['10', '2', '0', '0', '0', '1', '13']);
    const t4 = tables[2];
    expect([...t4.querySelectorAll('tr')][3].querySelectorAll('td')).toHaveLength(15);
    expect([...t4.querySelectorAll('th')].find((x) => x.textContent === '行政诉讼')!.getAttribute('colspan')).toBe('10');
  });

  it('escapes every text: an organization named <script>alert(1)</script> is shown as text', () => {
    const d = kuquanData();
    d.organization = '<script>alert(1)</script>';
    const p = kuquanProfile(d);
    p.text.problems = '<img src=x onerror="alert(2)"> & \'quoted\'';
    p.proactive.channels = ['<a href="javascript:alert(3)">网站</a>'];
    const html = renderHtml(generateReport(d, p), { standalone: true });
    expect(html).not.toMatch(/<script|<img|<a /i);
    expect(renderHtml(generateReport(d, p))).not.toMatch(/<script|<img|<a /i);
    const doc = parse(html);
    expect(doc.querySelector('script, img, a, iframe, link, style')).toBeNull();
    expect(doc.querySelector('h1')!.textContent).toBe('<script>alert(1)</script>2020年政府信息公开工作年度报告');
    expect(doc.body.textContent).toContain('<img src=x onerror="alert(2)"> & \'quoted\'');
    // no event handler attributes, no external resources anywhere
    for (const el of doc.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) expect(a.startsWith('on')).toBe(false);
      expect(el.getAttribute('src')).toBeNull();
      expect(el.getAttribute('href')).toBeNull();
    }
  });

  it('the fragment for a CMS has no html, head or h1; tables scroll in a box; row labels left in normal weight', () => {
    const html = renderHtml(generateReport(kuquanData(), kuquanProfile()));
    expect(html).not.toMatch(/<html|<head|<body|<h1/i);
    const doc = parse(html);
    const tables = [...doc.querySelectorAll('table')];
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      expect(t.parentElement!.tagName).toBe('DIV');
      expect(t.parentElement!.getAttribute('style')).toContain('overflow-x:auto');
      expect(t.getAttribute('style')).toMatch(/min-width:\d+px/);
    }
    const rowLabels = [...doc.querySelectorAll('th[scope="row"], th[scope="rowgroup"]')];
    expect(rowLabels.length).toBeGreaterThan(20);
    for (const th of rowLabels) expect(th.getAttribute('style')).toContain('text-align:left;font-weight:normal;');
  });

  it('writes the 落款 under the text when given', () => {
    const p = kuquanProfile();
    p.signature = { unit: '哭泉镇人民政府', date: '2021年1月15日' };
    const d = generateReport(kuquanData(), p);
    expect(renderHtml(d)).toMatch(/<p style="text-align:right;[^"]*">哭泉镇人民政府<\/p>\n<p style="text-align:right;[^"]*">2021年1月15日<\/p>\n$/);
    expect(textLines(d).slice(-3)).toEqual(['', '哭泉镇人民政府', '2021年1月15日']);
  });

  it('standalone wraps the fragment into a UTF-8 page with the title', () => {
    const d = kuquanData();
    const doc = generateReport(d, kuquanProfile(d));
    const page = renderHtml(doc, { standalone: true });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain(`<title>${doc.title}</title>`);
    expect(page).toContain(renderHtml(doc));
  });
});
