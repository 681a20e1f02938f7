import * as fs from 'fs';
import * as path from 'path';
import { getFormat } from '../../../src/core/formats';
import { importPublishedReport } from '../../../src/core/import';
import { emptyReport, type ReportData } from '../../../src/core/model/report';
import { checkNarrative, NARRATIVE_CHECKS } from '../../../src/core/narrative-check';
import type { Finding } from '../../../src/core/rules/types';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/published', name), 'utf8');
const ids = (fs: Finding[]) => fs.map((f) => f.id);
const only = (fs: Finding[], id: string) => fs.filter((f) => f.id === id);

/** A 2021-format report (2022) with all 0 except the given cells. */
function report(cells: Record<string, number> = {}, year = 2022, org = '青石县自然资源局'): ReportData {
  const data = emptyReport(getFormat(year >= 2021 ? '2021' : '2019')!, year, org, 0);
  for (const [k, v] of Object.entries(cells)) {
    const [t, row, col] = k.split('.') as ['table2' | 'table3' | 'table4', string, string];
    data[t][row][col] = v;
  }
  return data;
}

/** Findings of the checks that look at numbers (the rest need a whole report). */
const numeric = (text: string, data: ReportData, opts = {}) =>
  checkNarrative(text, data, opts).filter((f) => ['NARR-TABLE', 'NARR-SUM', 'NARR-UNIT'].includes(f.id));

describe('NARRATIVE_CHECKS', () => {
  it('defines the seven NARR-* checks of spec §6 and those of the summary sentences in group narrative, with title and basis', () => {
    expect(NARRATIVE_CHECKS.map((c) => c.id)).toEqual([
      'NARR-TABLE', 'NARR-SUM', 'NARR-UNIT', 'NARR-YEAR', 'NARR-SECTIONS', 'NARR-PLACEHOLDER', 'NARR-SUBJECT',
      'NARR-SHARE', 'NARR-CHANGE', 'NARR-DRAFT',
    ]);
    for (const c of NARRATIVE_CHECKS) {
      expect(c.group).toBe('narrative');
      expect(c.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(c.basis).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('checkNarrative on published reports', () => {
  it('the sample (哭泉镇 2020) passes: no NARR-TABLE / NARR-SUM, and 主动公开政府信息65条 is not a table quantity', () => {
    const r = importPublishedReport(fixture('kuquan-2020.txt'));
    const findings = checkNarrative(r.text, r.data);
    expect(ids(findings)).not.toContain('NARR-TABLE');
    expect(ids(findings)).not.toContain('NARR-SUM');
    expect(findings.filter((f) => f.sentence?.includes('65条'))).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('the sample contradicted: “没有收到政府信息公开申请” while the table says 2', () => {
    const r = importPublishedReport(fixture('kuquan-2020.txt'));
    r.data.table3.new_received.natural_person = 2;
    r.data.table3.new_received.total = 2;
    const f = only(checkNarrative(r.text, r.data), 'NARR-TABLE');
    expect(f).toHaveLength(1);
    expect(f[0].sentence).toBe('本年度，没有收到政府信息公开申请。');
    expect(f[0].cells.map((c) => [c.table, c.row, c.col, c.value])).toEqual([['table3', 'new_received', 'total', 2]]);
  });

  it('a consistent 2021-format report (HTML) has no findings at all', () => {
    const r = importPublishedReport(fixture('qingshi-2022.html'));
    expect(checkNarrative(r.text, r.data)).toEqual([]);
  });

  it('the same report with one figure changed in the text: the table cell and the sum are named', () => {
    const r = importPublishedReport(fixture('qingshi-2022.html'));
    const text = r.text.replace('其中予以公开8件', '其中予以公开9件');
    const f = checkNarrative(text, r.data);
    expect(ids(f).sort()).toEqual(['NARR-SUM', 'NARR-TABLE']);
    const table = only(f, 'NARR-TABLE')[0];
    expect(table.sentence).toBe('全年办结17件，其中予以公开9件，部分公开2件，不予公开1件，无法提供4件，不予处理1件，其他处理1件；结转下年度继续办理2件。');
    expect(table.cells.map((c) => `${c.row}.${c.col}`)).toEqual(['granted.total']);
    expect(table.cells[0].label).toBe('表三 （一）予以公开 · 总计');
    expect([table.expected, table.actual]).toEqual([8, 9]);
    const sum = only(f, 'NARR-SUM')[0];
    expect([sum.expected, sum.actual]).toEqual([17, 18]);
  });
});

describe('NARR-TABLE', () => {
  const data = report({ 'table3.new_received.natural_person': 2, 'table3.new_received.total': 2 });

  it.each([
    '2022年，本局共收到政府信息公开申请3件。',
    '本年度新收政府信息公开申请3件，均已办结。',
    '全年共收到3件政府信息公开申请。',
  ])('text 3 applications, table 2: %s', (sentence) => {
    const f = only(numeric(sentence, data), 'NARR-TABLE');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].sentence).toBe(sentence);
    expect(f[0].cells).toEqual([
      { table: 'table3', row: 'new_received', col: 'total', label: '表三 一、本年新收政府信息公开申请数量 · 总计', value: 2 },
    ]);
    expect(f[0].message).toContain('3');
    expect(f[0].message).toContain('2');
  });

  it('names the workbook cell when the reader located it', () => {
    const cells = { table3: { new_received: { total: { sheet: '年报', address: 'J4', row: 3, col: 9 } } } };
    const [f] = numeric('共收到政府信息公开申请3件。', data, { cells });
    expect(f.cells[0]).toMatchObject({ sheet: '年报', address: 'J4' });
  });

  it('checks subtotals, table 二 and table 四 quantities', () => {
    const d = report({
      'table3.unable_not_held.total': 2,
      'table3.unable_need_creation.total': 1,
      'table2.administrative_licensing.decisions': 120,
      'table4.litigation_direct.total': 1,
      'table4.litigation_after_review.total': 1,
    });
    const f = numeric('无法提供4件，作出行政许可决定120件，被提起行政诉讼3件。', d);
    expect(f.map((x) => [x.id, x.cells.map((c) => `${c.row}.${c.col}`).join('+'), x.expected, x.actual])).toEqual([
      ['NARR-TABLE', 'unable_not_held.total+unable_need_creation.total+unable_unclear_after_correction.total', 3, 4],
      ['NARR-TABLE', 'litigation_direct.total+litigation_after_review.total', 2, 3],
    ]);
  });

  it('a statement of none against a table that has cases', () => {
    const d = report({ 'table4.admin_review.upheld': 1, 'table4.admin_review.total': 1 });
    const f = numeric('本年度没有发生政府信息公开行政复议、行政诉讼。', d);
    expect(f.map((x) => x.cells.map((c) => c.row))).toEqual([['admin_review']]);
  });

  it.each([
    ['an information count, not a table quantity', '2022年，我局共主动公开政府信息65条。'],
    ['an explicit comparison', '2022年共收到政府信息公开申请2件，较2021年增长1件，比上年减少3件。'],
    ['dates, article and document numbers', '根据《条例》第二十条和国办公开办函〔2019〕60号，年报于2023年1月31日前发布，统计期限为2022年1月1日至12月31日。'],
    ['other numbers with units that name no table quantity', '全年组织培训3次，更新公开栏12期，配备专职人员2名，办理时限为20个工作日。'],
  ])('does not flag %s', (_, sentence) => {
    expect(numeric(sentence, data)).toEqual([]);
    expect(only(checkNarrative(sentence, data), 'NARR-YEAR').filter((f) => f.sentence)).toEqual([]);
  });
});

describe('NARR-SUM', () => {
  it('parts that do not add up to the total stated with them', () => {
    const d = report({
      'table3.new_received.natural_person': 6,
      'table3.new_received.commercial_enterprise': 4,
      'table3.new_received.total': 10,
    });
    const sentence = '本年度共收到申请10件，其中自然人6件、法人或其他组织3件。';
    const f = only(numeric(sentence, d), 'NARR-SUM');
    expect(f).toHaveLength(1);
    expect(f[0].sentence).toBe(sentence);
    expect([f[0].expected, f[0].actual]).toEqual([10, 9]);
    expect(f[0].cells.map((c) => `${c.row}.${c.col}`)).toEqual(['new_received.total']);
    // the part that differs from the table is named too
    const t = only(numeric(sentence, d), 'NARR-TABLE');
    expect(t.map((x) => x.cells.map((c) => c.col))).toEqual([
      ['commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org'],
    ]);
  });

  it('parts that add up pass; a partial list only fails when it exceeds the total', () => {
    const d = report({ 'table3.new_received.natural_person': 6, 'table3.new_received.commercial_enterprise': 4, 'table3.new_received.total': 10 });
    expect(numeric('共收到申请10件，其中自然人6件、法人或其他组织4件。', d)).toEqual([]);
    expect(numeric('共收到申请10件，其中自然人6件。', d)).toEqual([]);
    expect(ids(numeric('共收到申请10件，其中自然人12件。', report({ 'table3.new_received.natural_person': 12, 'table3.new_received.total': 10 })))).toEqual(['NARR-SUM']);
  });

  it('one quantity given two values in the text', () => {
    const d = report({ 'table3.new_received.total': 2, 'table3.new_received.natural_person': 2 });
    const f = only(numeric('本年度收到政府信息公开申请2件。\n其中，全年共收到政府信息公开申请3件。', d), 'NARR-SUM');
    expect(f).toHaveLength(1);
    expect(f[0].sentence).toBe('其中，全年共收到政府信息公开申请3件。');
    expect(f[0].message).toContain('本年度收到政府信息公开申请2件。');
  });
});

describe('NARR-UNIT', () => {
  it('applications counted in 条 or 起', () => {
    const d = report({ 'table3.new_received.total': 2, 'table3.new_received.natural_person': 2 });
    const f = numeric('全年共收到政府信息公开申请2条。', d);
    expect(ids(f)).toEqual(['NARR-UNIT']);
    expect(f[0].sentence).toBe('全年共收到政府信息公开申请2条。');
  });

  it('万元 against 元 for the fee amount, and a correct conversion passes', () => {
    const d = report({ 'table2.administrative_fees.amount': 1.25 });
    expect(ids(numeric('收取行政事业性收费1.25元。', d))).toEqual(['NARR-UNIT']);
    expect(ids(numeric('收取行政事业性收费12500万元。', d))).toEqual(['NARR-UNIT']);
    expect(numeric('收取行政事业性收费12500元。', d)).toEqual([]);
    expect(ids(numeric('收取行政事业性收费3万元。', d))).toEqual(['NARR-TABLE']);
    // 信息处理费 is not the 行政事业性收费 of table 二
    expect(numeric('本年度收取信息处理费300元。', d)).toEqual([]);
  });

  it('“万条” where the parts add up in 条', () => {
    const f = numeric('全年共公开政府信息1.2万条，其中政策文件0.5条、工作动态0.7条。', report());
    expect(ids(f)).toEqual(['NARR-UNIT']);
  });
});

describe('NARR-YEAR', () => {
  it('a 2022 report whose 统计期限 is 2021年1月1日至12月31日', () => {
    const r = importPublishedReport(fixture('qingshi-2022.html'));
    const text = r.text.replace('自2022年1月1日起至2022年12月31日止', '为2021年1月1日至12月31日');
    const f = checkNarrative(text, r.data);
    expect(ids(f)).toEqual(['NARR-YEAR']);
    expect(f[0].sentence).toBe('本报告中所列数据的统计期限为2021年1月1日至12月31日。');
  });

  it('another year’s figures without a comparison, and a title with another year', () => {
    const d = report({ 'table3.new_received.total': 2, 'table3.new_received.natural_person': 2 });
    const f = checkNarrative('2021年度青石县自然资源局政府信息公开工作年度报告\n一、总体情况\n2021年，我局共收到政府信息公开申请2件。', d);
    const year = only(f, 'NARR-YEAR');
    expect(year.map((x) => x.sentence)).toEqual(['2021年，我局共收到政府信息公开申请2件。', '2021年度青石县自然资源局政府信息公开工作年度报告']);
  });
});

describe('NARR-SECTIONS', () => {
  const r = importPublishedReport(fixture('qingshi-2022.html'));

  it('a 2021-format report without the 信息处理费 sentence in 六', () => {
    const text = r.text.replace('本年度未收取信息处理费。', '无。');
    const f = checkNarrative(text, r.data);
    expect(ids(f)).toEqual(['NARR-SECTIONS']);
    expect(f[0].message).toContain('信息处理费');
    expect(f[0].sentence).toContain('无。');
  });

  it('the 2019 format does not ask for it', () => {
    const s = importPublishedReport(fixture('kuquan-2020.txt'));
    expect(only(checkNarrative(s.text, s.data), 'NARR-SECTIONS')).toEqual([]);
  });

  it('a missing, an empty and a misplaced section', () => {
    const text = r.text
      .replace(/五、存在的主要问题及改进情况\n[^\n]*\n/, '五、存在的主要问题及改进情况\n')
      .replace('四、政府信息公开行政复议、行政诉讼情况', '政府信息公开行政复议行政诉讼')
      .replace(/\n二、主动公开政府信息情况\n([\s\S]*?)\n三、/, '\n三、');
    const moved = `${text}\n二、主动公开政府信息情况\n见上表。`;
    const f = only(checkNarrative(moved, r.data), 'NARR-SECTIONS');
    expect(f.map((x) => x.message)).toEqual([
      expect.stringContaining('未找到“四、政府信息公开行政复议、行政诉讼情况”'),
      expect.stringContaining('“五、存在的主要问题及改进情况”部分没有内容'),
      expect.stringContaining('“二、主动公开政府信息情况”出现在“六、其他需要报告的事项”之后'),
    ]);
  });
});

describe('NARR-PLACEHOLDER', () => {
  it.each([
    ['20XX', '20XX年，我局共收到政府信息公开申请0件。'],
    ['XX', '本报告由XX县人民政府办公室编制。'],
    ['待补充', '监督保障情况待补充。'],
    ['X', '全年共办结申请X件。'],
  ])('flags %s with the sentence quoted', (token, sentence) => {
    const f = only(checkNarrative(sentence, report()), 'NARR-PLACEHOLDER');
    expect(f.map((x) => [x.sentence, x.message.includes(token)])).toEqual([[sentence, true]]);
  });
});

describe('NARR-SUBJECT', () => {
  const d = report({}, 2020, '哭泉镇');

  it('another township named as the body in a first-person sentence', () => {
    const sentence = '2020年，我镇认真贯彻落实《条例》，白沙镇人民政府信息公开工作取得良好成效。';
    const f = only(checkNarrative(sentence, d), 'NARR-SUBJECT');
    expect(f).toHaveLength(1);
    expect(f[0].sentence).toBe(sentence);
    expect(f[0].message).toContain('白沙镇人民政府');
  });

  it('its own name, a county above it, or another body outside first person are not flagged', () => {
    for (const s of [
      '我镇按照县人民政府办公室的要求，哭泉镇人民政府高度重视政务公开工作。',
      '按照白沙镇人民政府的安排开展联合培训。',
      '2020年，我镇共主动公开政府信息65条，主要为镇党委政府文件。',
    ]) {
      expect(only(checkNarrative(s, d), 'NARR-SUBJECT')).toEqual([]);
    }
  });
});
