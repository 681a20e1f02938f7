/**
 * The tables of a real published report (/work/shared/samples/kuquan-2020.txt: 2020, a township,
 * format 2019, all figures 0), transcribed cell by cell into a sheet as a person would paste them:
 * captions “（二）…” instead of “二、…”, split header words (“商业 企业”, “总 计”), a space in the
 * 勾稽关系 note, and the typo “政府集中釆购”.
 */
import type { CellValue, Grid } from '../../../src/core/grid';
import { readReports } from '../../../src/core/read';
import { T3_COLS, T4_FIELDS, T4_GROUPS } from './fixtures';

const _ = null;
const z3 = [0, 0, 0];
const z7 = [0, 0, 0, 0, 0, 0, 0];

const ROWS: CellValue[][] = [
  ['2020年度哭泉镇政府信息公开工作'],
  ['年度报告'],
  ['（一）总体情况'],
  ['2、依申请公开。本年度，没有收到政府信息公开申请。'],
  ['（二）主动公开政府信息情况'],
  ['第二十条第（一）项'], // row 6
  ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
  ['规章', ...z3],
  ['规范性文件', ...z3],
  ['第二十条第（五）项'],
  ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
  ['行政许可', ...z3],
  ['其他对外管理服务事项', ...z3],
  ['第二十条第（六）项'],
  ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
  ['行政处罚', ...z3],
  ['行政强制', ...z3],
  ['第二十条第（八）项'],
  ['信息内容', '上一年项目数量', '本年增/减'],
  ['行政事业性收费', 0, 0],
  ['第二十条第（九）项'],
  ['信息内容', '采购项目数量', '采购总金额'],
  ['政府集中釆购', 0, 0], // row 23
  [],
  ['（三）收到和处理政府信息公开申请情况'],
  ['（本列数据的勾稽关系为：第一项加第二项之和， 等于第三项加第四项之和）', _, _, '申请人情况'], // row 26
  [_, _, _, '自然人', '法人或其他组织', _, _, _, _, '总计'],
  [_, _, _, _, '商业 企业', '科研 机构', '社会 公益 组织', '法律 服务 机构', '其他', _],
  ['一、本年新收政府信息公开申请数量', _, _, ...z7], // row 29
  ['二、上年结转政府信息公开申请数量', _, _, ...z7],
  ['三、本年度办理结果', '（一）予以公开', _, ...z7],
  [_, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', _, ...z7],
  [_, '（三）不予公开', '1.属于国家秘密', ...z7],
  [_, _, '2.其他法律行政法规禁止公开', ...z7],
  [_, _, '3.危及“三安全一稳定”', ...z7],
  [_, _, '4.保护第三方合法权益', ...z7],
  [_, _, '5.属于三类内部事务信息', ...z7],
  [_, _, '6.属于四类过程性信息', ...z7],
  [_, _, '7.属于行政执法案卷', ...z7],
  [_, _, '8.属于行政查询事项', ...z7],
  [_, '（四）无法提供', '1.本机关不掌握相关政府信息', ...z7],
  [_, _, '2.没有现成信息需要另行制作', ...z7],
  [_, _, '3.补正后申请内容仍不明确', ...z7],
  [_, '（五）不予处理', '1.信访举报投诉类申请', ...z7],
  [_, _, '2.重复申请', ...z7],
  [_, _, '3.要求提供公开出版物', ...z7],
  [_, _, '4.无正当理由大量反复申请', ...z7],
  [_, _, '5.要求行政机关确认或重新出具已获取信息', ...z7],
  [_, '（六）其他处理', _, ...z7],
  [_, '（七）总计', _, ...z7],
  ['四、结转下年度继续办理', _, _, ...z7], // row 51
  [],
  ['（四）政府信息公开行政复议、行政诉讼情况'],
  ['行政复议', _, _, _, _, '行政诉讼'], // row 54
  ['结果 维持', '结果 纠正', '其他 结果', '尚未 审结', '总计', '未经复议直接起诉', _, _, _, _, '复议后起诉'],
  [_, _, _, _, _, '结果 维持', '结果 纠正', '其他 结果', '尚未 审结', '总 计', '结果 维持', '结果 纠正', '其他 结果', '尚未 审结', '总计'],
  [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // row 57
  [],
  ['（五）存在的主要问题及改进情况'],
  ['（一）主动公开意识需进一步增强。'],
  ['（六）其他需要报告的事项'],
  ['无'],
];

const grid: Grid = { sheet: '哭泉镇2020', origin: { row: 0, col: 0 }, cells: ROWS };

describe('the published kuquan-2020 report, transcribed', () => {
  const [rep, ...more] = readReports([grid]);

  it('is one 2019-format report of 2020 by 哭泉镇', () => {
    expect(more).toEqual([]);
    expect(rep.data.format).toBe('2019');
    expect(rep.formatBy).toBe('layout');
    expect(rep.data.year).toBe(2020);
    expect(rep.data.organization).toBe('哭泉镇');
  });

  it('reads every figure as 0', () => {
    const all = [rep.data.table2, rep.data.table3, rep.data.table4].flatMap((t) => Object.values(t).flatMap((r) => Object.values(r)));
    expect(all).toHaveLength(2 * 3 + 4 * 3 + 2 + 2 + 23 * 7 + 15);
    expect(all.every((x) => x === 0)).toBe(true);
  });

  it('maps the cells to their addresses', () => {
    expect(rep.tables.map((t) => [t.table, t.range])).toEqual([
      ['table2', 'A6:D23'],
      ['table3', 'A26:J51'],
      ['table4', 'A54:O57'],
    ]);
    const t2 = rep.cells.table2!;
    expect(t2.regulations.new_made.address).toBe('B8');
    expect(t2.normative_documents.total_published.address).toBe('D9');
    expect(t2.other_external_services.change.address).toBe('C13');
    expect(t2.administrative_fees.change.address).toBe('C20');
    expect(t2.government_centralized_procurement.total_amount.address).toBe('C23');
    const t3 = rep.cells.table3!;
    T3_COLS.forEach((c, j) => {
      expect(t3.new_received[c].address).toBe(`${'DEFGHIJ'[j]}29`);
      expect(t3.denied_state_secret[c].address).toBe(`${'DEFGHIJ'[j]}33`);
      expect(t3.other_processing[c].address).toBe(`${'DEFGHIJ'[j]}49`);
      expect(t3.carried_forward[c].address).toBe(`${'DEFGHIJ'[j]}51`);
    });
    const t4 = rep.cells.table4!;
    T4_GROUPS.forEach((g, gi) =>
      T4_FIELDS.forEach((f, fi) => expect(t4[g][f].address).toBe(`${'ABCDEFGHIJKLMNO'[gi * 5 + fi]}57`)),
    );
  });

  it('reports only the typo 釆 for 采', () => {
    expect(rep.issues).toEqual([
      { kind: 'altered-label', sheet: '哭泉镇2020', table: 'table2', address: 'A23', text: '政府集中釆购', official: '政府集中采购' },
    ]);
  });
});
