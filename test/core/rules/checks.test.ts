import type { TableId } from '../../../src/core/formats/types';
import type { Value } from '../../../src/core/model/report';
import type { ReadIssue } from '../../../src/core/read/types';
import { lacksRulePower, runChecks } from '../../../src/core/rules';
import type { Finding, OrganizationType } from '../../../src/core/rules/types';
import { F2019, F2021, locate, t3Row, zeros } from './fixtures';

const cellFindings = (fs: Finding[]): Finding[] => fs.filter((f) => f.id.startsWith('CELL-'));

describe('CELL-BLANK and CELL-VALUE', () => {
  type Case = [string, 'F2019' | 'F2021', TableId, string, string, Value, 'CELL-BLANK' | 'CELL-VALUE' | null, string];
  const cases: Case[] = [
    ['blank', 'F2021', 'table3', 'new_received', 'natural_person', null, 'CELL-BLANK', '表三 一、本年新收政府信息公开申请数量 · 自然人（D4）为空，统计表各项应填写数字，没有的填 0。'],
    ['empty text', 'F2021', 'table3', 'new_received', 'natural_person', '  ', 'CELL-BLANK', '（D4）为空'],
    ['dash', 'F2021', 'table4', 'admin_review', 'pending', '-', 'CELL-BLANK', '表四 行政复议 · 尚未审结（D4）填的是“-”，统计表各项应填写数字，没有的填 0，不填“-”“/”“无”。'],
    ['slash', 'F2021', 'table4', 'admin_review', 'pending', '/', 'CELL-BLANK', '填的是“/”'],
    ['em dash', 'F2021', 'table2', 'administrative_licensing', 'decisions', '—', 'CELL-BLANK', '表二 行政许可 · 本年处理决定数量（B7）填的是“—”'],
    ['无', 'F2021', 'table2', 'administrative_penalty', 'decisions', '无', 'CELL-BLANK', '填的是“无”'],
    ['other text', 'F2021', 'table3', 'granted', 'other_org', '详见附件', 'CELL-BLANK', '表三 （一）予以公开 · 其他（I6）填的是文字“详见附件”，应填写数字。'],
    ['numeric text', 'F2021', 'table3', 'granted', 'other_org', '12', 'CELL-VALUE', '（I6）的“12”是以文本形式存储的数字，应为数值。'],
    ['negative count', 'F2021', 'table3', 'granted', 'other_org', -2, 'CELL-VALUE', '表三 （一）予以公开 · 其他（I6）为 -2，件数不能为负数。'],
    ['fraction count', 'F2021', 'table4', 'litigation_direct', 'upheld', 1.5, 'CELL-VALUE', '表四 行政诉讼·未经复议直接起诉 · 结果维持（F4）为 1.5，件数应为整数。'],
    ['not finite', 'F2021', 'table4', 'litigation_direct', 'upheld', Number.NaN, 'CELL-VALUE', '不是有效的数字'],
    ['negative amount', 'F2021', 'table2', 'administrative_fees', 'amount', -1, 'CELL-VALUE', '表二 行政事业性收费 · 本年收费金额（单位：万元）（B14）为 -1，金额不能为负数。'],
    ['7 decimals', 'F2021', 'table2', 'administrative_fees', 'amount', 1.2345671, 'CELL-VALUE', '（B14）为 1.2345671，金额（单位：万元）最多保留 6 位小数（精确到分）。'],
    ['4 decimals', 'F2021', 'table2', 'administrative_fees', 'amount', 1.2345, null, ''],
    ['6 decimals (to the 分)', 'F2021', 'table2', 'administrative_fees', 'amount', 190.457379, null, ''],
    ['float sum', 'F2021', 'table2', 'administrative_fees', 'amount', 0.1 + 0.2, null, ''],
    ['signed fraction', 'F2019', 'table2', 'administrative_penalty', 'change', 1.5, 'CELL-VALUE', '表二 行政处罚 · 本年增/减（C11）为 1.5，本年增/减应为整数（可为负数）。'],
    ['signed negative', 'F2019', 'table2', 'administrative_penalty', 'change', 0, null, ''],
    ['2019 amount', 'F2019', 'table2', 'government_centralized_procurement', 'total_amount', 12.5, null, ''],
  ];

  it.each(cases)('%s', (_name, fmt, table, row, col, value, id, part) => {
    const format = fmt === 'F2019' ? F2019 : F2021;
    const data = zeros(format);
    data[table][row][col] = value;
    const found = cellFindings(runChecks(data, { cells: locate(format) }));
    if (id === null) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id, severity: 'error', table });
    expect(found[0].message).toContain(part);
    expect(found[0].cells).toEqual([found[0].suspect]);
    expect(found[0].suspect).toMatchObject({ table, row, col, value });
    expect(found[0].suggestion).toBeTruthy();
  });

  it('a negative 本年增/减 is allowed', () => {
    const data = zeros(F2019, 2020);
    Object.assign(data.table2.administrative_penalty, { prev_year_items: 5, change: -3 });
    expect(runChecks(data)).toEqual([]);
  });

  it('a value cell missing from the data is blank', () => {
    const data = zeros(F2021);
    delete data.table4.admin_review.other;
    const found = runChecks(data);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'CELL-BLANK', message: '表四 行政复议 · 其他结果为空，统计表各项应填写数字，没有的填 0。' });
  });

  it('puts sheetOf on cells when the reader located none', () => {
    const data = zeros(F2021);
    data.table3.granted.natural_person = null;
    const [f] = runChecks(data, { sheetOf: '统计表' });
    expect(f.cells[0]).toMatchObject({ sheet: '统计表', label: '表三 （一）予以公开 · 自然人' });
    expect(f.cells[0].address).toBeUndefined();
  });
});

describe('FORMAT-YEAR', () => {
  it.each([
    ['2021', 2020, '报告年度为 2020 年，但表格使用的是 2021 年格式（国办公开办函〔2021〕30号）；2020 年度报告应使用 2019 年格式（国办公开办函〔2019〕60号）。'],
    ['2021', 2019, '2019 年度报告应使用 2019 年格式'],
    ['2019', 2021, '报告年度为 2021 年，但表格使用的是 2019 年格式（国办公开办函〔2019〕60号）；2021 年度报告应使用 2021 年格式（国办公开办函〔2021〕30号）。'],
    ['2019', 2025, '2025 年度报告应使用 2021 年格式'],
  ])('format %s with year %d is an error', (fmt, year, part) => {
    const data = zeros(fmt === '2019' ? F2019 : F2021);
    data.year = year;
    const found = runChecks(data);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'FORMAT-YEAR', severity: 'error', cells: [] });
    expect(found[0].message).toContain(part);
    expect(found[0].basis).toContain('国办公开办函〔2021〕30号');
  });

  it.each([
    ['2019', 2019],
    ['2019', 2020],
    ['2021', 2021],
    ['2021', 2030],
    ['2021', 0],
    ['2019', 0],
    ['2019', Number.NaN],
  ])('format %s with year %d passes', (fmt, year) => {
    const data = zeros(fmt === '2019' ? F2019 : F2021);
    data.year = year;
    expect(runChecks(data)).toEqual([]);
  });

  it('an unknown format id is reported and the year decides the format used', () => {
    const data = zeros(F2019, 2020);
    data.format = '2030';
    const found = runChecks(data);
    expect(found.map((f) => f.id)).toEqual(['FORMAT-YEAR']);
    expect(found[0].message).toBe('报告数据的格式“2030”不是已知的官方格式（2019、2021）；以下按 2019 年格式校验。');
  });
});

describe('LABELS from what the reader saw', () => {
  const issue = (i: Partial<ReadIssue> & Pick<ReadIssue, 'kind' | 'text'>): ReadIssue => ({ sheet: '统计表', table: 'table3', ...i });

  it('an altered label names the cell and the official wording', () => {
    const official = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
    const found = runChecks(zeros(), { readIssues: [issue({ kind: 'altered-label', address: 'B7', text: '（二）部分公开', official })] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: 'LABELS',
      severity: 'error',
      table: 'table3',
      message: `表三 B7的标签“（二）部分公开”与官方格式“${official}”不一致。`,
      suggestion: `改为“${official}”。`,
      basis: '表格的行列名称应与官方格式一致',
    });
    expect(found[0].cells).toEqual([{ sheet: '统计表', address: 'B7', table: 'table3', label: `表三 ${official}`, value: '（二）部分公开' }]);
    expect(found[0].suspect).toEqual(found[0].cells[0]);
  });

  it('a missing row is one finding, not also a blank cell in every column', () => {
    const data = zeros();
    for (const c of Object.keys(data.table3.unable_unclear_after_correction)) data.table3.unable_unclear_after_correction[c] = null;
    const found = runChecks(data, { readIssues: [issue({ kind: 'missing-row', text: '3.补正后申请内容仍不明确' })] });
    expect(found.map((f) => f.message)).toEqual(['表三缺少“3.补正后申请内容仍不明确”行。']);
    expect(found[0].suggestion).toBe('按官方格式补上“3.补正后申请内容仍不明确”行，没有发生的填 0。');
  });

  it('a missing column is one finding', () => {
    const data = zeros();
    for (const row of Object.values(data.table3)) row.research_institution = null;
    const found = runChecks(data, { readIssues: [issue({ kind: 'missing-column', text: '科研机构' })] });
    expect(found.map((f) => `${f.id} ${f.message}`)).toEqual(['LABELS 表三缺少“科研机构”列。']);
  });

  it('a missing table is one finding', () => {
    const data = zeros();
    for (const row of Object.values(data.table4)) for (const k of Object.keys(row)) row[k] = null;
    const found = runChecks(data, { readIssues: [issue({ kind: 'missing-table', table: 'table4', text: '表四' })] });
    expect(found.map((f) => f.message)).toEqual(['未找到表四（四、政府信息公开行政复议、行政诉讼情况）。']);
  });

  it('issues that are not about official labels give no finding', () => {
    const issues: ReadIssue[] = [
      issue({ kind: 'unmapped-label', address: 'A30', text: '备注' }),
      issue({ kind: 'extra-row', table: 'table2', address: 'A15', text: '其他主动公开文件' }),
      issue({ kind: 'unit-in-cell', table: 'table2', address: 'B14', text: '1.2万元' }),
    ];
    expect(runChecks(zeros(), { readIssues: issues })).toEqual([]);
  });
});

describe('cross-year checks', () => {
  const cells = locate(F2021);

  it('XY-CARRY: this year’s 上年结转 differs from last year’s 结转下年度', () => {
    const previous = zeros(F2021, 2022);
    t3Row(previous, 'carried_forward', { natural_person: 2 });
    const data = zeros(F2021, 2023);
    const found = runChecks(data, { previous, cells, previousCells: cells });
    expect(found.map((f) => f.id)).toEqual(['XY-CARRY', 'XY-CARRY']);
    const [d] = found;
    expect(d.message).toBe('表三“自然人”列：二、上年结转（D5=0）与2022年度报告的四、结转下年度（表三!D28=2）不一致，相差 2。');
    expect(d.cells[1]).toMatchObject({ previous: true, address: 'D28', label: '2022年度报告 表三 四、结转下年度继续办理 · 自然人', value: 2 });
    expect(d.suggestion).toContain('应与上一年度报告“四、结转下年度继续办理”一致');
    expect(d.likely).toBeUndefined();
    expect(d.noLikelyReason).toContain('可能是上年报告的数字有误或后来更正过');
    expect(d.basis).toBe('本年“二、上年结转政府信息公开申请数量”等于上一年度报告“四、结转下年度继续办理”');
  });

  it('XY-CARRY joins the same-year relations to name this year’s 上年结转 as the suspect', () => {
    const previous = zeros(F2021, 2022);
    const data = zeros(F2021, 2023);
    t3Row(data, 'carried_over', { natural_person: 2 }); // nothing was carried forward last year
    const found = runChecks(data, { previous, cells, previousCells: cells });
    // one cause: the balance of the 自然人 column, with last year's 结转 and the 总计 column as sub-lines
    expect(found).toHaveLength(1);
    expect(found[0].consequenceIds).toEqual(expect.arrayContaining(['XY-CARRY', 'XY-CARRY', 'T3-BALANCE']));
    expect(found[0].likely).toMatchObject({ address: 'D5', suggested: 0, evidence: 'previous-year' });
    expect(found[0].suspect?.address).toBe('D5');
  });

  it('runs only with last year’s report, and across formats where the cells exist', () => {
    const data = zeros(F2021, 2021);
    t3Row(data, 'carried_over', { natural_person: 2 });
    t3Row(data, 'new_received', { natural_person: -2 + 2 });
    data.table3.total_processed.natural_person = 0;
    t3Row(data, 'carried_forward', { natural_person: 2 });
    expect(runChecks(data)).toEqual([]);
    const previous = zeros(F2019, 2020);
    t3Row(previous, 'carried_forward', { natural_person: 1 });
    Object.assign(previous.table2.normative_documents, { total_published: 40 });
    const found = runChecks(data, { previous });
    expect(found.map((f) => `${f.id} ${f.message}`)).toEqual([
      'XY-CARRY 表三“自然人”列：二、上年结转（2）与2020年度报告的四、结转下年度（1）不一致，相差 1。',
      'XY-CARRY 表三“总计”列：二、上年结转（2）与2020年度报告的四、结转下年度（1）不一致，相差 1。',
    ]);
  });

  it('XY-INFORCE (2021): 现行有效件数 does not follow from last year’s', () => {
    const previous = zeros(F2021, 2022);
    previous.table2.normative_documents.in_force = 20;
    const data = zeros(F2021, 2023);
    Object.assign(data.table2.normative_documents, { issued: 3, repealed: 1, in_force: 25 });
    const found = runChecks(data, { previous, cells, previousCells: cells });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: 'XY-INFORCE',
      severity: 'warning',
      expected: 22,
      actual: 25,
      difference: 3,
      message: '表二行政规范性文件：现行有效件数（D4=25），2022年度报告的现行有效件数（表二!D4=20）+ 本年制发件数（B4=3）− 本年废止件数（C4=1）= 22，相差 3。',
    });
    data.table2.normative_documents.in_force = 22;
    expect(runChecks(data, { previous })).toEqual([]);
  });
});

describe('T2-REG', () => {
  it.each<[string, OrganizationType | undefined, boolean]>([
    ['某某县人民政府办公室', undefined, true],
    ['某某县教育局', undefined, true],
    ['某某镇人民政府', undefined, true],
    ['某某乡', undefined, true],
    ['某某街道办事处', undefined, true],
    ['某某街道', undefined, true],
    ['镇江市人民政府', undefined, false],
    ['某某市人民政府', undefined, false],
    ['某某市生态环境局', undefined, false],
    ['', undefined, false],
    ['某某省人民政府', 'township', true],
    ['某某市人民政府', 'department', true],
    ['某某市人民政府', 'government', true],
    ['某某县人民政府', 'city', false],
    ['某某部', 'ministry', false],
    ['某某省人民政府', 'province', false],
  ])('%s (%s): warns %s', (organization, type, warns) => {
    expect(lacksRulePower(type, organization)).toBe(warns);
    const data = zeros(F2021, 2023, organization);
    Object.assign(data.table2.regulations, { issued: 2, in_force: 2 });
    const found = runChecks(data, { organizationType: type, cells: locate(F2021) });
    if (!warns) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'T2-REG', severity: 'warning', table: 'table2' });
    expect(found[0].message).toContain('表二“规章”却填了数字：本年制发件数（B3=2）、现行有效件数（D3=2）。');
    expect(found[0].cells.map((c) => c.address)).toEqual(['B3', 'D3']);
    expect(found[0].suggestion).toContain('“规章”各项填 0');
  });

  it('no warning when 规章 is 0', () => {
    expect(runChecks(zeros(F2021, 2023, '某某镇人民政府'))).toEqual([]);
  });
});

describe('order and determinism', () => {
  function messy() {
    const data = zeros(F2021, 2023, '某某县人民政府');
    Object.assign(data.table2.regulations, { issued: 1, in_force: 0 }); // 2 warnings
    data.table4.admin_review.total = 1; // T4-TOTAL
    data.table3.granted.natural_person = 'x'; // CELL-BLANK
    data.table2.administrative_fees.amount = -1; // CELL-VALUE
    data.table3.carried_forward.natural_person = 1; // T3-ROW-TOTAL + T3-BALANCE
    return data;
  }

  it('errors first, then table 二, 三, 四, then position', () => {
    const found = runChecks(messy(), { cells: locate(F2021), readIssues: [] });
    expect(found.map((f) => `${f.severity} ${f.id} ${f.table}`)).toEqual([
      'error CELL-VALUE table2',
      'error T3-BALANCE table3', // D4:D28, with the row total of D28:J28 folded in (one cause: D28)
      'error T4-TOTAL table4',
      'warning T2-INFORCE table2',
      'warning T2-REG table2',
      'error CELL-BLANK table3', // blanks last
    ]);
    expect(found.find((f) => f.id === 'T3-BALANCE')?.suspect?.address).toBe('D28');
    const fy = runChecks({ ...messy(), year: 2020 });
    expect(fy[0].id).toBe('FORMAT-YEAR');
  });

  it('gives the same output for the same input', () => {
    const a = JSON.stringify(runChecks(messy(), { cells: locate(F2021) }));
    const b = JSON.stringify(runChecks(messy(), { cells: locate(F2021) }));
    expect(a).toBe(b);
  });

  it('does not change the report', () => {
    const data = messy();
    const before = JSON.stringify(data);
    runChecks(data, { previous: zeros(F2021, 2022) });
    expect(JSON.stringify(data)).toBe(before);
  });
});
