import { checkReviewNarrative } from '../../../src/core/rules';
import { F2021, locate, zeros } from './fixtures';

function report(t4: Record<string, Partial<Record<string, number | string | null>>>) {
  const data = zeros(F2021, 2023);
  for (const [g, v] of Object.entries(t4)) Object.assign(data.table4[g], v);
  return data;
}

describe('T4-NARRATIVE: checkReviewNarrative', () => {
  it.each([
    ['本年度共发生行政复议3件，均获维持。', { admin_review: { upheld: 2, corrected: 1, total: 3 } }, '均获维持', '文中说“均获维持”，但表四行政复议“结果纠正”为 1 件。'],
    ['行政复议案件全部维持。', { admin_review: { upheld: 2, pending: 1, total: 3 } }, '全部维持', '文中说“全部维持”，但表四行政复议“尚未审结”为 1 件。'],
    [
      '行政诉讼无败诉。',
      { litigation_direct: { corrected: 1, total: 1 }, litigation_after_review: { pending: 2, total: 2 } },
      '无败诉',
      '文中说“无败诉”，但表四行政诉讼·未经复议直接起诉“结果纠正”为 1 件，行政诉讼·复议后起诉“尚未审结”为 2 件。',
    ],
    ['未发生行政复议被纠错的情况。', { admin_review: { corrected: 2, total: 2 } }, '未发生行政复议被纠错', '“结果纠正”为 2 件'],
    ['全年无败诉案件。', { admin_review: { corrected: 1, total: 1 } }, '无败诉', '文中说“无败诉”，但表四行政复议“结果纠正”为 1 件。'],
    ['直接起诉的案件均已审结。', { litigation_direct: { pending: 1, total: 1 } }, '均已审结', '表四行政诉讼·未经复议直接起诉“尚未审结”为 1 件。'],
  ])('%s', (text, t4, claim, message) => {
    const found = checkReviewNarrative(text, report(t4));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'T4-NARRATIVE', severity: 'warning', table: 'table4', sentence: text });
    expect(found[0].message).toContain(message);
    expect(found[0].message).toContain(`文中说“${claim}”`);
    expect(found[0].basis).toBe('“均获维持”“无败诉”等表述要求结果纠正为0、尚未审结为0');
    expect(found[0].suggestion).toBeTruthy();
  });

  it.each([
    ['本年度共发生行政复议3件，均获维持。', { admin_review: { upheld: 3, total: 3 } }],
    ['本年度共发生行政复议3件，均获维持。', { admin_review: { upheld: 2, other: 1, total: 3 } }],
    ['行政复议均获维持。', { litigation_direct: { corrected: 1, total: 1 } }], // the sentence speaks of 行政复议 only
    ['行政诉讼无败诉。', { admin_review: { corrected: 1, total: 1 } }],
    ['本年度未发生政府信息公开行政复议、行政诉讼。', { admin_review: { corrected: 1, total: 1 } }],
    ['行政复议均获维持。', { admin_review: { corrected: '-', total: 1 } }], // not a number: CELL-* reports it
  ])('no finding: %s %j', (text, t4) => {
    expect(checkReviewNarrative(text, report(t4))).toEqual([]);
  });

  it('names the cells with addresses, the suspect when there is one, and each sentence', () => {
    const data = report({ admin_review: { corrected: 1, total: 1 } });
    const found = checkReviewNarrative('一、总体情况。行政复议均获维持。\n行政复议无败诉。', data, { cells: locate(F2021) });
    expect(found.map((f) => f.sentence)).toEqual(['行政复议均获维持。', '行政复议无败诉。']);
    expect(found[0].cells).toEqual([
      { sheet: '表四', address: 'B4', table: 'table4', row: 'admin_review', col: 'corrected', label: '表四 行政复议 · 结果纠正', value: 1 },
    ]);
    expect(found[0].suspect).toEqual(found[0].cells[0]);
  });
});

describe('T4-NARRATIVE: what is not a claim', () => {
  it('尚未 is not a negation of 败诉', () => {
    const data = report({ admin_review: { pending: 1, total: 1 } });
    expect(checkReviewNarrative('有1件尚未审结，暂无结果。', data)).toEqual([]);
  });
});
