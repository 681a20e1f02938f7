/**
 * The official tables of spec §3–5, transcribed by hand from the spec text (independent of
 * src/core/formats). Addresses are relative to the table's top-left cell (A1 = first cell of the
 * table). `n` marks a value cell with its kind.
 */
export type Kind = 'count' | 'signed' | 'amount';
export interface SpecCell {
  at: string;
  text?: string;
  value?: Kind;
  rs?: number;
  cs?: number;
}
export interface SpecTable {
  caption: string;
  rows: number;
  cols: number;
  cells: SpecCell[];
}

const L = (at: string, text: string, span: { rs?: number; cs?: number } = {}): SpecCell => ({ at, text, ...span });
const N = (at: string, value: Kind = 'count', span: { cs?: number } = {}): SpecCell => ({ at, value, ...span });

export const TABLE2_2021: SpecTable = {
  caption: '二、主动公开政府信息情况',
  rows: 14,
  cols: 4,
  cells: [
    L('A1', '第二十条第（一）项', { cs: 4 }),
    L('A2', '信息内容'), L('B2', '本年制发件数'), L('C2', '本年废止件数'), L('D2', '现行有效件数'),
    L('A3', '规章'), N('B3'), N('C3'), N('D3'),
    L('A4', '行政规范性文件'), N('B4'), N('C4'), N('D4'),
    L('A5', '第二十条第（五）项', { cs: 4 }),
    L('A6', '信息内容'), L('B6', '本年处理决定数量', { cs: 3 }),
    L('A7', '行政许可'), N('B7', 'count', { cs: 3 }),
    L('A8', '第二十条第（六）项', { cs: 4 }),
    L('A9', '信息内容'), L('B9', '本年处理决定数量', { cs: 3 }),
    L('A10', '行政处罚'), N('B10', 'count', { cs: 3 }),
    L('A11', '行政强制'), N('B11', 'count', { cs: 3 }),
    L('A12', '第二十条第（八）项', { cs: 4 }),
    L('A13', '信息内容'), L('B13', '本年收费金额（单位：万元）', { cs: 3 }),
    L('A14', '行政事业性收费'), N('B14', 'amount', { cs: 3 }),
  ],
};

export const TABLE2_2019: SpecTable = {
  caption: '二、主动公开政府信息情况',
  rows: 18,
  cols: 4,
  cells: [
    L('A1', '第二十条第（一）项', { cs: 4 }),
    L('A2', '信息内容'), L('B2', '本年新制作数量'), L('C2', '本年新公开数量'), L('D2', '对外公开总数量'),
    L('A3', '规章'), N('B3'), N('C3'), N('D3'),
    L('A4', '规范性文件'), N('B4'), N('C4'), N('D4'),
    L('A5', '第二十条第（五）项', { cs: 4 }),
    L('A6', '信息内容'), L('B6', '上一年项目数量'), L('C6', '本年增/减'), L('D6', '处理决定数量'),
    L('A7', '行政许可'), N('B7'), N('C7', 'signed'), N('D7'),
    L('A8', '其他对外管理服务事项'), N('B8'), N('C8', 'signed'), N('D8'),
    L('A9', '第二十条第（六）项', { cs: 4 }),
    L('A10', '信息内容'), L('B10', '上一年项目数量'), L('C10', '本年增/减'), L('D10', '处理决定数量'),
    L('A11', '行政处罚'), N('B11'), N('C11', 'signed'), N('D11'),
    L('A12', '行政强制'), N('B12'), N('C12', 'signed'), N('D12'),
    L('A13', '第二十条第（八）项', { cs: 4 }),
    L('A14', '信息内容'), L('B14', '上一年项目数量'), L('C14', '本年增/减'),
    L('A15', '行政事业性收费'), N('B15'), N('C15', 'signed'),
    L('A16', '第二十条第（九）项', { cs: 4 }),
    L('A17', '信息内容'), L('B17', '采购项目数量'), L('C17', '采购总金额'),
    L('A18', '政府集中采购'), N('B18'), N('C18', 'amount'),
  ],
};

const T3_COLS = ['D', 'E', 'F', 'G', 'H', 'I', 'J'];
const valueRow = (r: number): SpecCell[] => T3_COLS.map((c) => N(`${c}${r}`));

function table3(variant: '2019' | '2021'): SpecTable {
  const cells: SpecCell[] = [
    L('A1', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rs: 3, cs: 3 }),
    L('D1', '申请人情况', { cs: 7 }),
    L('D2', '自然人', { rs: 2 }), L('E2', '法人或其他组织', { cs: 5 }), L('J2', '总计', { rs: 2 }),
    L('E3', '商业企业'), L('F3', '科研机构'), L('G3', '社会公益组织'), L('H3', '法律服务机构'), L('I3', '其他'),
    L('A4', '一、本年新收政府信息公开申请数量', { cs: 3 }), ...valueRow(4),
    L('A5', '二、上年结转政府信息公开申请数量', { cs: 3 }), ...valueRow(5),
    L('A6', '三、本年度办理结果', { rs: variant === '2019' ? 20 : 22 }),
    L('B6', '（一）予以公开', { cs: 2 }), ...valueRow(6),
    L('B7', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', { cs: 2 }), ...valueRow(7),
    L('B8', '（三）不予公开', { rs: 8 }),
    L('C8', '1.属于国家秘密'), L('C9', '2.其他法律行政法规禁止公开'), L('C10', '3.危及“三安全一稳定”'),
    L('C11', '4.保护第三方合法权益'), L('C12', '5.属于三类内部事务信息'), L('C13', '6.属于四类过程性信息'),
    L('C14', '7.属于行政执法案卷'), L('C15', '8.属于行政查询事项'),
    L('B16', '（四）无法提供', { rs: 3 }),
    L('C16', '1.本机关不掌握相关政府信息'), L('C17', '2.没有现成信息需要另行制作'), L('C18', '3.补正后申请内容仍不明确'),
    L('B19', '（五）不予处理', { rs: 5 }),
    L('C19', '1.信访举报投诉类申请'), L('C20', '2.重复申请'), L('C21', '3.要求提供公开出版物'),
    L('C22', '4.无正当理由大量反复申请'), L('C23', '5.要求行政机关确认或重新出具已获取信息'),
  ];
  for (let r = 8; r <= 23; r++) cells.push(...valueRow(r));
  if (variant === '2019') {
    cells.push(L('B24', '（六）其他处理', { cs: 2 }), ...valueRow(24));
    cells.push(L('B25', '（七）总计', { cs: 2 }), ...valueRow(25));
    cells.push(L('A26', '四、结转下年度继续办理', { cs: 3 }), ...valueRow(26));
  } else {
    cells.push(L('B24', '（六）其他处理', { rs: 3 }));
    cells.push(L('C24', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'));
    cells.push(L('C25', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'));
    cells.push(L('C26', '3.其他'));
    for (let r = 24; r <= 26; r++) cells.push(...valueRow(r));
    cells.push(L('B27', '（七）总计', { cs: 2 }), ...valueRow(27));
    cells.push(L('A28', '四、结转下年度继续办理', { cs: 3 }), ...valueRow(28));
  }
  return { caption: '三、收到和处理政府信息公开申请情况', rows: variant === '2019' ? 26 : 28, cols: 10, cells };
}

export const TABLE3_2019 = table3('2019');
export const TABLE3_2021 = table3('2021');

const T4_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
export const TABLE4: SpecTable = {
  caption: '四、政府信息公开行政复议、行政诉讼情况',
  rows: 4,
  cols: 15,
  cells: [
    L('A1', '行政复议', { cs: 5 }), L('F1', '行政诉讼', { cs: 10 }),
    ...['A', 'B', 'C', 'D', 'E'].map((c, i) => L(`${c}2`, T4_RESULTS[i], { rs: 2 })),
    L('F2', '未经复议直接起诉', { cs: 5 }), L('K2', '复议后起诉', { cs: 5 }),
    ...['F', 'G', 'H', 'I', 'J'].map((c, i) => L(`${c}3`, T4_RESULTS[i])),
    ...['K', 'L', 'M', 'N', 'O'].map((c, i) => L(`${c}3`, T4_RESULTS[i])),
    ...'ABCDEFGHIJKLMNO'.split('').map((c) => N(`${c}4`)),
  ],
};
