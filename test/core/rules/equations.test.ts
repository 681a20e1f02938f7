import { runChecks } from '../../../src/core/rules';
import type { Finding } from '../../../src/core/rules/types';
import { F2019, F2021, locate, t3Row, zeros } from './fixtures';

const only = (fs: Finding[], id: string): Finding[] => fs.filter((f) => f.id === id);
const addrs = (f: Finding): string[] => f.cells.map((c) => c.address ?? '?');

describe('T3-BALANCE', () => {
  // 一 + 二 = 15, 三（七）+ 四 = 14 in the 自然人 column (and so in the 总计 column)
  const data = zeros(F2021, 2023);
  t3Row(data, 'new_received', { natural_person: 12 });
  t3Row(data, 'carried_over', { natural_person: 3 });
  t3Row(data, 'granted', { natural_person: 10 });
  t3Row(data, 'total_processed', { natural_person: 10 });
  t3Row(data, 'carried_forward', { natural_person: 4 });
  const findings = runChecks(data, { cells: locate(F2021) });

  it('reports both sides of the equation with cells, values and the difference', () => {
    // the 总计 column, off by the same 1 because of the 自然人 column, is a sub-line of the same finding
    expect(findings.map((f) => f.id)).toEqual(['T3-BALANCE']);
    const [d] = findings;
    expect(d.message).toBe(
      '表三“自然人”列：一、本年新收（D4=12）+ 二、上年结转（D5=3）= 15，三（七）总计（D27=10）+ 四、结转下年度（D28=4）= 14，相差 1。',
    );
    expect(d.title).toBe('表三“自然人”列不平衡：左边 15，右边 14，差 1');
    expect(d.consequences).toEqual(['表三“总计”列不平衡：左边 15，右边 14，差 1']);
    expect(d).toMatchObject({ severity: 'error', table: 'table3', expected: 14, actual: 15, difference: 1 });
    expect(d.basis).toBe('本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和');
    // the folded 总计 column's cells follow the finding's own
    expect(addrs(d)).toEqual(['D4', 'D5', 'D27', 'D28', 'J4', 'J5', 'J27', 'J28']);
    expect(d.cells[0]).toMatchObject({ sheet: '表三', label: '表三 一、本年新收政府信息公开申请数量 · 自然人', value: 12 });
    expect(d.cells[3].label).toBe('表三 四、结转下年度继续办理 · 自然人');
  });

  it('names no single cell when only the balance fails, and says which side is larger', () => {
    expect(findings[0].suspect).toBeUndefined();
    expect(findings[0].likely).toBeUndefined();
    expect(findings[0].noLikelyReason).toContain('中任一个改动 1 都能使它成立');
    expect(findings[0].suggestion).toBe(
      '左边（一、本年新收 + 二、上年结转）比右边（三（七）总计 + 四、结转下年度）多 1，请重新清点两边各项，找出多计或漏计的一边。',
    );
  });

  it('speaks without addresses when the report was not read from a sheet', () => {
    const [d] = runChecks(data);
    expect(d.message).toBe('表三“自然人”列：一、本年新收（12）+ 二、上年结转（3）= 15，三（七）总计（10）+ 四、结转下年度（4）= 14，相差 1。');
    expect(d.cells[0].address).toBeUndefined();
  });
});

/** A consistent table 三: 7 new, 5 + 2 processed, nothing carried. */
function small(format = F2021) {
  const data = zeros(format);
  t3Row(data, 'new_received', { natural_person: 5, commercial_enterprise: 2 });
  t3Row(data, 'granted', { natural_person: 3, commercial_enterprise: 1 });
  t3Row(data, 'partial_grant', { natural_person: 2, commercial_enterprise: 1 });
  t3Row(data, 'total_processed', { natural_person: 5, commercial_enterprise: 2 });
  return data;
}

describe('the most likely wrong cell', () => {
  it('consistent hand-made tables give no finding', () => {
    expect(runChecks(small(F2021))).toEqual([]);
    expect(runChecks(small(F2019))).toEqual([]);
  });

  it('a wrong leaf fails its row total and its column: it is the suspect, with the value that fits', () => {
    const data = small();
    data.table3.granted.natural_person = 4; // should be 3
    const findings = runChecks(data, { cells: locate(F2021) });
    // one cause: the column is a sub-line of the row's finding
    expect(findings.map((f) => f.id)).toEqual(['T3-ROW-TOTAL']);
    const [row] = findings;
    expect(row.consequences).toEqual(['表三“自然人”列总计与各项之和不符：总计 5，各项之和 6，差 1']);
    expect(row.message).toBe(
      '表三“（一）予以公开”行：总计（J6=4），而自然人（D6=4）+ 商业企业（E6=1）+ 科研机构（F6=0）+ 社会公益组织（G6=0）+ 法律服务机构（H6=0）+ 其他（I6=0）= 5，相差 1。',
    );
    expect(row.likely).toMatchObject({ address: 'D6', value: 4, suggested: 3, evidence: 'every-relation' });
    expect(row).toMatchObject({ expected: 5, actual: 4, difference: -1 });
    for (const f of findings) {
      expect(f.suspect).toMatchObject({ address: 'D6', row: 'granted', col: 'natural_person', label: '表三 （一）予以公开 · 自然人' });
      expect(f.suggestion).toBe(
        '最可能填错的是表三 （一）予以公开 · 自然人（D6）：它同时出现在 2 处不成立的关系中。若其他单元格无误，它应为 3。请先核对该单元格。',
      );
    }
  });

  it('a wrong （七）总计 in the 总计 column fails three relations and is named in each', () => {
    const data = small();
    data.table3.total_processed.total = 8; // should be 7
    const findings = runChecks(data, { cells: locate(F2021) });
    expect(findings.map((f) => [f.id, ...(f.consequenceIds ?? [])].sort()).flat()).toEqual(['T3-BALANCE', 'T3-RESULTS', 'T3-ROW-TOTAL']);
    for (const f of findings) {
      expect(f.suspect?.address).toBe('J27');
      expect(f.suggestion).toContain('同时出现在 3 处不成立的关系中。若其他单元格无误，它应为 7。');
    }
  });

  it('a sub-row label of （三） carries its parent in the cell description', () => {
    const data = small();
    data.table3.denied_state_secret.research_institution = 1;
    const findings = runChecks(data, { cells: locate(F2021) });
    expect(findings[0].suspect?.label).toBe('表三 （三）不予公开 1.属于国家秘密 · 科研机构');
    expect(findings[0].consequences).toEqual(['表三“科研机构”列总计与各项之和不符：总计 0，各项之和 1，差 1']);
  });

  it('two wrong cells in one column: both are named as candidates, none is the suspect', () => {
    const data = small();
    data.table3.granted.natural_person = 4;
    data.table3.partial_grant.natural_person = 3;
    const col = runChecks(data, { cells: locate(F2021) }).find((f) => f.id === 'T3-RESULTS')!;
    expect(col.suspect).toBeUndefined();
    expect(col.suggestion).toBe(
      '最可能填错的是以下单元格之一：表三 （一）予以公开 · 自然人（D6）；表三 （二）部分公开（区分处理的，只计这一情形，不计其他情形） · 自然人（D7）。请逐一核对。',
    );
  });
});

describe('T4-TOTAL', () => {
  it.each([
    ['admin_review', '表四行政复议：总计（E4=4），而结果维持（A4=2）+ 结果纠正（B4=1）+ 其他结果（C4=0）+ 尚未审结（D4=0）= 3，相差 1。', 'E4', '表四 行政复议 · 总计'],
    [
      'litigation_direct',
      '表四行政诉讼·未经复议直接起诉：总计（J4=4），而结果维持（F4=2）+ 结果纠正（G4=1）+ 其他结果（H4=0）+ 尚未审结（I4=0）= 3，相差 1。',
      'J4',
      '表四 行政诉讼·未经复议直接起诉 · 总计',
    ],
    [
      'litigation_after_review',
      '表四行政诉讼·复议后起诉：总计（O4=4），而结果维持（K4=2）+ 结果纠正（L4=1）+ 其他结果（M4=0）+ 尚未审结（N4=0）= 3，相差 1。',
      'O4',
      '表四 行政诉讼·复议后起诉 · 总计',
    ],
  ])('%s: a hand total and one changed part: one equation, two unknowns, so no likely cell, and why', (group, message, address, label) => {
    const data = zeros();
    Object.assign(data.table4[group], { upheld: 2, corrected: 1, total: 4 });
    const findings = runChecks(data, { cells: locate(F2021) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'T4-TOTAL', severity: 'error', table: 'table4', message, expected: 3, actual: 4, difference: 1 });
    expect(findings[0].suspect).toBeUndefined();
    expect(findings[0].likely).toBeUndefined();
    expect(findings[0].candidates?.map((c) => c.address)).toContain(address);
    expect(findings[0].candidates?.some((c) => c.label === label)).toBe(true);
    expect(findings[0].noLikelyReason).toContain(`无法判断是总计（${address}）填错还是某一项填错`);
  });
});

describe('relations with cells that are not numbers', () => {
  it.each([null, '-', '无', '见附件'])('%p in a table 三 cell gives one CELL-* finding and no equation noise', (bad) => {
    const data = small();
    data.table3.granted.natural_person = bad;
    const findings = runChecks(data, { cells: locate(F2021) });
    expect(findings).toHaveLength(1);
    expect(findings[0].id).toMatch(/^CELL-/);
    expect(findings[0].cells.map((c) => c.address)).toEqual(['D6']);
  });
});

describe('table 二 warnings from the relations', () => {
  it('T2-INFORCE (2021): 现行有效件数 below 本年制发件数', () => {
    const data = zeros(F2021);
    Object.assign(data.table2.regulations, { issued: 5, in_force: 2 });
    const findings = runChecks(data, { cells: locate(F2021) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'T2-INFORCE',
      severity: 'warning',
      table: 'table2',
      message: '表二规章：现行有效件数（D3=2）应不小于本年制发件数（B3=5），少 3。',
      basis: '现行有效件数不小于本年制发件数',
    });
    expect(findings[0].suspect).toBeUndefined();
  });

  it('T2-2019: 本年新公开数量 above 对外公开总数量, and a change that makes the items negative', () => {
    const data = zeros(F2019, 2020);
    Object.assign(data.table2.regulations, { new_published: 5, total_published: 3 });
    Object.assign(data.table2.administrative_licensing, { prev_year_items: 3, change: -5 });
    const findings = only(runChecks(data, { cells: locate(F2019) }), 'T2-2019');
    expect(findings.map((f) => f.message)).toEqual([
      '表二规章：本年新公开数量（C3=5）应不大于对外公开总数量（D3=3），多出 2。',
      '表二行政许可：上一年项目数量（B7=3）+ 本年增/减（C7=-5）= -2，应不小于 0，少 2。',
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('T2-2019 holds for a decrease that leaves items ≥ 0', () => {
    const data = zeros(F2019, 2020);
    Object.assign(data.table2.administrative_penalty, { prev_year_items: 3, change: -3 });
    expect(runChecks(data)).toEqual([]);
  });
});
