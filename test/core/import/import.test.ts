import * as fs from 'fs';
import * as path from 'path';
import { getFormat, SECTIONS } from '../../../src/core/formats';
import type { TableId } from '../../../src/core/formats/types';
import { importPublishedReport } from '../../../src/core/import';
import { emptyReport, type ReportData } from '../../../src/core/model/report';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/published', name), 'utf8');
const TABLES: TableId[] = ['table2', 'table3', 'table4'];

/** Every value cell of the format, as [table, row, col]. */
function keysOf(formatId: string): [TableId, string, string][] {
  const f = getFormat(formatId)!;
  return TABLES.flatMap((t) => f.tables[t].values.map((v) => [t, v.row, v.col] as [TableId, string, string]));
}

/** A report of the format with all 0 and the given non-zero cells. */
function expected(formatId: string, year: number, org: string, nonZero: Record<string, number>): ReportData {
  const data = emptyReport(getFormat(formatId)!, year, org, 0);
  for (const [k, v] of Object.entries(nonZero)) {
    const [t, row, col] = k.split('.') as [TableId, string, string];
    expect(data[t][row]).toHaveProperty(col);
    data[t][row][col] = v;
  }
  return data;
}

describe('importPublishedReport: the published sample (哭泉镇 2020)', () => {
  const result = importPublishedReport(fixture('kuquan-2020.txt'));

  it('reads year, body and format from the title and the labels', () => {
    expect(result.data.year).toBe(2020);
    expect(result.data.organization).toBe('哭泉镇');
    expect(result.data.format).toBe('2019');
    expect(result.formatBy).toBe('labels');
  });

  it('reads every table value of the 2019 format as published (all 0)', () => {
    const keys = keysOf('2019');
    expect(keys.length).toBe(3 * 6 + 2 + 2 + 7 * 23 + 15);
    for (const [t, row, col] of keys) {
      expect([t, row, col, result.data[t][row]?.[col]]).toEqual([t, row, col, 0]);
    }
    // the sample writes 政府集中釆购 (釆, not 采): read as its row and said so, as a note
    expect(result.issues).toEqual([{ label: '表二 政府集中采购', message: '原表写作“政府集中釆购”，按“政府集中采购”读取。', note: true }]);
  });

  it('finds the six sections (headed （一）…（六） in this report)', () => {
    expect(result.sections.map((s) => s.heading)).toEqual(SECTIONS.map((_, i) => `（${'一二三四五六'[i]}）${SECTIONS[i].slice(2)}`));
    expect(result.sections[5].text).toBe('无');
    expect(result.sections[0].text).toContain('65条');
  });
});

const QINGSHI: Record<string, number> = {
  'table2.normative_documents.issued': 3,
  'table2.normative_documents.repealed': 1,
  'table2.normative_documents.in_force': 12,
  'table2.administrative_licensing.decisions': 156,
  'table2.administrative_penalty.decisions': 23,
  'table2.administrative_coercion.decisions': 2,
  'table2.administrative_fees.amount': 35.6812,
  'table3.new_received.natural_person': 14,
  'table3.new_received.commercial_enterprise': 3,
  'table3.new_received.legal_service_org': 1,
  'table3.new_received.total': 18,
  'table3.carried_over.natural_person': 1,
  'table3.carried_over.total': 1,
  'table3.granted.natural_person': 6,
  'table3.granted.commercial_enterprise': 1,
  'table3.granted.legal_service_org': 1,
  'table3.granted.total': 8,
  'table3.partial_grant.natural_person': 2,
  'table3.partial_grant.total': 2,
  'table3.denied_process_info.natural_person': 1,
  'table3.denied_process_info.total': 1,
  'table3.unable_not_held.natural_person': 3,
  'table3.unable_not_held.commercial_enterprise': 1,
  'table3.unable_not_held.total': 4,
  'table3.not_processed_repeat.natural_person': 1,
  'table3.not_processed_repeat.total': 1,
  'table3.other_no_correction_overdue.natural_person': 1,
  'table3.other_no_correction_overdue.total': 1,
  'table3.total_processed.natural_person': 14,
  'table3.total_processed.commercial_enterprise': 2,
  'table3.total_processed.legal_service_org': 1,
  'table3.total_processed.total': 17,
  'table3.carried_forward.natural_person': 1,
  'table3.carried_forward.commercial_enterprise': 1,
  'table3.carried_forward.total': 2,
  'table4.admin_review.upheld': 1,
  'table4.admin_review.pending': 1,
  'table4.admin_review.total': 2,
  'table4.litigation_direct.upheld': 1,
  'table4.litigation_direct.total': 1,
};

describe('importPublishedReport: a 2021-format report as HTML (rowspan/colspan, entities, <br> in headers)', () => {
  const html = fixture('qingshi-2022.html');
  const result = importPublishedReport(html);

  it('detects HTML, reads title, year, body and the 2021 format', () => {
    expect(result.data.format).toBe('2021');
    expect(result.data.year).toBe(2022);
    expect(result.data.organization).toBe('青石县自然资源局');
    expect(result.formatBy).toBe('labels');
  });

  it('reads every value of the three tables', () => {
    expect(result.data).toEqual(expected('2021', 2022, '青石县自然资源局', QINGSHI));
    expect(result.issues).toEqual([]);
  });

  it('turns the page into text: headings, paragraphs, table cells one a line, entities decoded, no script', () => {
    expect(result.sections.map((s) => s.heading)).toEqual(SECTIONS);
    expect(result.text).toContain('3.危及“三安全一稳定”');
    expect(result.text).toContain('\t商业 企业');
    expect(result.text).not.toContain('_hmt');
    expect(result.text).not.toContain('&nbsp;');
    expect(result.sections[5].text).toContain('本年度未收取信息处理费。');
  });

  it('reads rows copied as one line each, cells separated by tabs', () => {
    const rowsAsLines = result.text
      .split('\n\n')
      .map((block) => (block.split('\n').every((l) => l.startsWith('\t')) ? block.split('\n').map((l) => l.trim()).join('\t') : block))
      .join('\n');
    expect(rowsAsLines).toContain('一、本年新收政府信息公开申请数量\t14\t3\t0\t0\t1\t0\t18');
    const again = importPublishedReport(rowsAsLines, { kind: 'text' });
    expect(again.data).toEqual(result.data);
    expect(again.issues).toEqual([]);
  });

  it('reads the same figures back from its own plain text (the page copied as text)', () => {
    const again = importPublishedReport(result.text, { kind: 'text' });
    expect(again.data).toEqual(result.data);
    expect(again.issues).toEqual([]);
  });
});

describe('importPublishedReport: a copied 2019-format text with ASCII punctuation, split words, signed numbers and a lost row', () => {
  const result = importPublishedReport(fixture('baihe-2020.txt'));

  it('reads the format from the labels despite ASCII punctuation and the typo 釆购', () => {
    expect(result.data.format).toBe('2019');
    expect(result.data.year).toBe(2020);
    expect(result.data.organization).toBe('白河乡');
    expect(result.sections).toHaveLength(6);
  });

  it('reads signed changes (+2, -1) and split labels', () => {
    expect(result.data.table2.administrative_licensing).toEqual({ prev_year_items: 12, change: 2, decisions: 87 });
    expect(result.data.table2.other_external_services).toEqual({ prev_year_items: 5, change: -1, decisions: 40 });
    expect(result.data.table2.administrative_fees).toEqual({ prev_year_items: 4, change: -2 });
    expect(result.data.table2.government_centralized_procurement).toEqual({ projects: 3, total_amount: 12.6 });
    expect(result.data.table3.new_received).toEqual({
      natural_person: 5, commercial_enterprise: 1, research_institution: 0, social_welfare_org: 0,
      legal_service_org: 0, other_org: 0, total: 6,
    });
    expect(result.data.table3.denied_admin_query.total).toBe(0);
    expect(result.data.table4.admin_review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
  });

  it('leaves the lost row null and names it in the issues, guessing nothing', () => {
    expect(Object.values(result.data.table3.denied_enforcement_case)).toEqual(Array(7).fill(null));
    expect(result.issues).toEqual([
      { label: '表二 政府集中采购', message: '原表写作“政府集中釆购”，按“政府集中采购”读取。', note: true },
      { label: '表三 （三）不予公开 7.属于行政执法案卷', message: expect.stringContaining('未找到该行') },
    ]);
  });
});

describe('importPublishedReport: what cannot be read', () => {
  const base = fixture('qingshi-2022.html');

  it('an empty or “-” value cell and a row with a value too few are left blank (never shifted) and named', () => {
    const html = base.replace(/(<td class="xl66">)2(<\/td><td class="xl66">0<\/td>(?:<td class="xl66">0<\/td>){4}<td class="xl66">2<\/td>)/, '$1$2');
    expect(html).not.toBe(base);
    // the partial_grant row now has an empty first value cell: blank, not shifted
    const r = importPublishedReport(html);
    expect(r.data.table3.partial_grant.natural_person).toBeNull();
    expect(r.data.table3.partial_grant.total).toBe(2);
    expect(r.issues).toEqual([{ label: '表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 自然人', message: expect.stringContaining('按空白读取') }]);

    const text = importPublishedReport(base).text.replace('\t行政许可\n\t156\n', '\t行政许可\n\t-\n');
    const t = importPublishedReport(text, { kind: 'text' });
    expect(t.data.table2.administrative_licensing.decisions).toBeNull();
    expect(t.issues.map((i) => i.label)).toEqual(['表二 行政许可 · 本年处理决定数量']);

    const short = importPublishedReport(base).text.replace('\t二、上年结转政府信息公开申请数量\n\t1\n', '\t二、上年结转政府信息公开申请数量\n');
    const s = importPublishedReport(short, { kind: 'text' });
    expect(Object.values(s.data.table3.carried_over)).toEqual(Array(7).fill(null));
    expect(s.issues).toEqual([{ label: '表三 二、上年结转政府信息公开申请数量', message: expect.stringContaining('读到 6 个数值，应为 7 个') }]);
  });

  it('a missing table 四 value count leaves table 四 blank', () => {
    const text = importPublishedReport(base).text;
    const cut = text.replace(/(\t复议后起诉\n[\s\S]*?)\t2\n/, '$1');
    expect(cut).not.toBe(text);
    const r = importPublishedReport(cut, { kind: 'text' });
    expect(Object.values(r.data.table4).flatMap((g) => Object.values(g))).toEqual(Array(15).fill(null));
    expect(r.issues.map((i) => i.message)).toEqual([expect.stringContaining('表四读到 14 个数值')]);
  });

  it('keeps a figure written with words as text, in its column', () => {
    const text = importPublishedReport(base).text.replace('\t行政许可\n\t156\n', '\t行政许可\n\t约156\n');
    const r = importPublishedReport(text, { kind: 'text' });
    expect(r.data.table2.administrative_licensing.decisions).toBe('约156');
    expect(r.issues).toEqual([{ label: '表二 行政许可 · 本年处理决定数量', message: expect.stringContaining('“约156”') }]);
  });

  it('converts an amount written in 元 into 万元 and says so', () => {
    const text = importPublishedReport(base).text.replace('\t35.6812\n', '\t356812元\n');
    const r = importPublishedReport(text, { kind: 'text' });
    expect(r.data.table2.administrative_fees.amount).toBe(35.6812);
    expect(r.issues).toEqual([{ label: '表二 行政事业性收费 · 本年收费金额（单位：万元）', message: expect.stringContaining('356812元'), note: true }]);
  });

  it('uses the given year and body when the title has none, and says what it could not find', () => {
    const text = fixture('kuquan-2020.txt').replace('2020年度哭泉镇政府信息公开工作\n\n年度报告', '政府信息公开工作年度报告');
    const bare = importPublishedReport(text);
    expect(bare.data.year).toBe(0);
    expect(bare.issues.map((i) => i.label)).toEqual(expect.arrayContaining(['年度', '单位']));
    const given = importPublishedReport(text, { year: 2020, organization: '哭泉镇人民政府' });
    expect(given.data.year).toBe(2020);
    expect(given.data.organization).toBe('哭泉镇人民政府');
    expect(given.issues.map((i) => i.label)).not.toContain('年度');
  });

  it('a report without tables has every value null and each table named as missing', () => {
    const r = importPublishedReport('2021年度某某县教育局政府信息公开工作年度报告\n一、总体情况\n无\n');
    expect(r.data.format).toBe('2021');
    expect(r.formatBy).toBe('year');
    expect(keysOf('2021').every(([t, row, col]) => r.data[t][row][col] === null)).toBe(true);
    expect(r.issues.map((i) => i.label)).toEqual(expect.arrayContaining(['表二', '表三', '表四']));
  });
});

describe('sections', () => {
  it('a sub-heading with the words of a section heading does not take its place', () => {
    const text = [
      '2022年度某某县教育局政府信息公开工作年度报告',
      '一、总体情况',
      '（一）主动公开政府信息情况',
      '全年主动公开政府信息120条。',
      '二、主动公开政府信息情况',
      '表二',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '无。',
      '六、其他需要报告的事项',
      '本年度未收取信息处理费。',
    ].join('\n');
    const r = importPublishedReport(text);
    expect(r.sections.map((s) => s.heading)).toEqual(SECTIONS);
    expect(r.sections[0].text).toContain('全年主动公开政府信息120条。');
    expect(r.sections[1].text).toBe('表二');
  });
});
