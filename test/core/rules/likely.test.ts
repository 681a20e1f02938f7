/** Issue 10: blanks as one line per table, the likely wrong cell, one finding per cause, the order. */
import type { FormatDef, TableId } from '../../../src/core/formats/types';
import { totalRelations } from '../../../src/core/layout/build';
import { emptyReport, type ReportData } from '../../../src/core/model/report';
import { cellRanges, orderFindings, runChecks, statedValues, summarize, typoKind } from '../../../src/core/rules';
import type { Finding } from '../../../src/core/rules/types';
import { F2019, F2021, locate, zeros } from './fixtures';

/** Totals as the layout's formulas work them out (blank parts count as 0, like SUM). */
function formulaTotals(data: ReportData, format: FormatDef): ReportData {
  const rels = totalRelations(format);
  const memo = new Map<string, number>();
  const val = (t: TableId, row: string, col: string): number => {
    const key = `${t}|${row}|${col}`;
    const rel = rels.get(key);
    if (!rel) return typeof data[t][row][col] === 'number' ? (data[t][row][col] as number) : 0;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const v = rel.right.reduce((s, p) => s + (p.sign ?? 1) * val(p.ref.table, p.ref.row, p.ref.col), 0);
    memo.set(key, v);
    return v;
  };
  for (const [key] of rels) {
    const [t, row, col] = key.split('|') as [TableId, string, string];
    data[t][row][col] = val(t, row, col);
  }
  return data;
}

const errors = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'error');

describe('a table with no values at all is 尚未填写', () => {
  it.each([
    ['2021, totals blank', F2021, false],
    ['2021, formula totals (0)', F2021, true],
    ['2019, formula totals (0)', F2019, true],
  ] as const)('%s: one neutral finding per table and no arithmetic', (_name, format, formulas) => {
    const blank = emptyReport(format, format.years.from, '某某镇人民政府');
    const data = formulas ? formulaTotals(blank, format) : blank;
    const found = runChecks(data, { cells: locate(format) });
    expect(found.map((f) => `${f.id} ${f.table} ${f.severity}`)).toEqual([
      'TABLE-UNFILLED table2 warning',
      'TABLE-UNFILLED table3 warning',
      'TABLE-UNFILLED table4 warning',
    ]);
    expect(found.every((f) => f.unfilled && !f.likely)).toBe(true);
    expect(found[1].title).toBe('表三尚未填写');
    expect(found[1].message).toContain('本表的勾稽关系暂不校验');
    expect(summarize(found)).toEqual({
      table2: { errors: 0, warnings: 0, passed: true, unfilled: true },
      table3: { errors: 0, warnings: 0, passed: true, unfilled: true },
      table4: { errors: 0, warnings: 0, passed: true, unfilled: true },
    });
  });

  it('a table of zeros is filled in (0 is a value)', () => {
    expect(runChecks(zeros(F2021))).toEqual([]);
  });
});

describe('blank cells of a filled table: one finding listing ranges', () => {
  it('a half-filled table 三 gives one CELL-BLANK with its ranges and no equation noise', () => {
    const data = zeros(F2021);
    for (const row of ['granted', 'partial_grant', 'denied_state_secret']) {
      for (const col of ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org']) {
        data.table3[row][col] = null;
      }
    }
    data.table3.denied_third_party_rights.natural_person = null; // D11
    formulaTotals(data, F2021);
    const found = runChecks(data, { cells: locate(F2021) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'CELL-BLANK', severity: 'error', table: 'table3', ranges: 'D6:I8, D11' });
    expect(found[0].cells).toHaveLength(19);
    expect(found[0].message).toBe('表三有 19 个单元格为空：D6:I8, D11。统计表各项应填写数字，没有的填 0。');
    expect(found[0].suspect?.address).toBe('D6');
  });

  it('a blank total whose parts are filled says what it should be, not “fill 0”', () => {
    const data = zeros(F2021);
    Object.assign(data.table3.new_received, { natural_person: 200, commercial_enterprise: 72 });
    Object.assign(data.table3.granted, { natural_person: 200, commercial_enterprise: 72 });
    formulaTotals(data, F2021);
    data.table3.granted.total = null; // J6 left blank by hand
    const found = runChecks(data, { cells: locate(F2021) });
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.message).toBe('表三 （一）予以公开 · 总计（J6）为空；按本行各项之和应为 272。');
    expect(f.message).not.toContain('填 0');
    expect(f.likely).toMatchObject({ address: 'J6', suggested: 272, evidence: 'blank-total' });
    expect(f.fills).toEqual([{ cell: expect.objectContaining({ address: 'J6' }), value: 272 }]);
  });

  it('several blank totals of one table are one finding with each expected value', () => {
    const data = zeros(F2021);
    Object.assign(data.table4.admin_review, { upheld: 2, corrected: 1 });
    Object.assign(data.table4.litigation_direct, { upheld: 4 });
    data.table4.admin_review.total = null;
    data.table4.litigation_direct.total = null;
    const found = runChecks(data, { cells: locate(F2021) });
    expect(found).toHaveLength(1);
    expect(found[0].message).toBe('表四有总计单元格为空，按各项之和应为：E4 为 3、J4 为 4。');
    expect(found[0].fills?.map((x) => x.value)).toEqual([3, 4]);
  });

  it('ranges: runs along rows, merged down into rectangles', () => {
    const cell = (address: string) => ({ address, sheet: 'S', label: address });
    const cells = ['D24', 'E24', 'F24', 'D25', 'E25', 'F25', 'H25', 'D33'].map(cell);
    expect(cellRanges(cells)).toBe('D24:F25, H25, D33');
  });
});

/** A consistent 自然人 column: 800 new, 783 granted + 17 partly granted. */
function column(extra: Partial<Record<string, number>> = {}): ReportData {
  const data = zeros(F2021);
  const d = data.table3;
  d.new_received.natural_person = 800;
  d.granted.natural_person = 783;
  d.partial_grant.natural_person = 17;
  for (const [row, v] of Object.entries(extra)) {
    d[row].natural_person = v ?? 0;
    d.new_received.natural_person = (d.new_received.natural_person as number) + (v ?? 0);
  }
  return data;
}

describe('the likely wrong cell behind formula totals', () => {
  it('a transposition (783 typed as 738): named, with the value that fits, one finding for both columns', () => {
    const data = column();
    data.table3.granted.natural_person = 738;
    formulaTotals(data, F2021);
    const found = runChecks(data, { cells: locate(F2021) });
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f.id).toBe('T3-BALANCE');
    expect(f.title).toBe('表三“自然人”列不平衡：左边 800，右边 755，差 45');
    expect(f.likely).toMatchObject({ sheet: '表三', address: 'D6', value: 738, suggested: 783, evidence: 'transposition' });
    expect(f.likely?.reason).toBe('差 45 可被 9 整除，738 与 783 只是相邻两位数字颠倒');
    expect(f.suspect?.address).toBe('D6');
    expect(f.suggestion).toContain('若其他单元格无误，它应为 783');
    expect(f.consequences).toEqual(['表三“总计”列不平衡：左边 800，右边 755，差 45']);
    expect(f.consequenceIds).toEqual(['T3-BALANCE']);
  });

  it('a 0 typed too many (17 as 170) is named', () => {
    const data = column();
    data.table3.partial_grant.natural_person = 170;
    formulaTotals(data, F2021);
    const [f] = errors(runChecks(data, { cells: locate(F2021) }));
    expect(f.likely).toMatchObject({ address: 'D7', value: 170, suggested: 17, evidence: 'times-ten' });
  });

  it('two cells that each fit the difference as a slip: no likely cell, and the reason names both', () => {
    const data = column({ denied_state_secret: 5 }); // D8 = 5 could be a 50 typed without its 0
    data.table3.granted.natural_person = 738;
    formulaTotals(data, F2021);
    const [f] = errors(runChecks(data, { cells: locate(F2021) }));
    expect(f.likely).toBeUndefined();
    expect(f.suspect).toBeUndefined();
    expect(f.candidates?.map((c) => c.address)).toEqual(['D6', 'D8']);
    expect(f.noLikelyReason).toBe('差 45 像是数字颠倒或多输、少输了一个 0，但 D6、D8 都符合，无法确定是哪一个。');
  });

  it('last year’s 结转 names this year’s 上年结转 when it is the one that is wrong', () => {
    const previous = zeros(F2021, 2022);
    previous.table3.carried_forward.natural_person = 31;
    formulaTotals(previous, F2021);
    const data = column();
    data.year = 2023;
    data.table3.new_received.natural_person = 769;
    data.table3.carried_over.natural_person = 30; // 31 typed as 30: no digit slip; without last year's figures D5 is one of several
    formulaTotals(data, F2021);
    const cells = locate(F2021);
    const without = errors(runChecks(data, { cells }));
    expect(without[0].likely).toBeUndefined();
    expect(without[0].candidates?.map((c) => c.address)).toContain('D5');
    const found = errors(runChecks(data, { cells, previous, previousCells: cells }));
    expect(found).toHaveLength(1);
    expect(found[0].likely).toMatchObject({ address: 'D5', value: 30, suggested: 31, evidence: 'previous-year' });
    expect(found[0].consequenceIds).toEqual(expect.arrayContaining(['XY-CARRY']));
  });

  it('a number the report text states names the cell whose correction makes the table agree with it', () => {
    const data = column({ denied_state_secret: 20 });
    data.table3.granted.natural_person = 790; // 783 + 7: no digit slip, any cell of the column could be it
    formulaTotals(data, F2021);
    const cells = locate(F2021);
    const [alone] = errors(runChecks(data, { cells }));
    expect(alone.likely).toBeUndefined();
    // the text says 予以公开 783 件 (the 总计 of （一）, J6)
    const stated = [{ cells: [{ table: 'table3' as const, row: 'granted', col: 'total' }], value: 783 }];
    const found = errors(runChecks(data, { cells, stated }));
    expect(found).toHaveLength(1); // the text's number gives no finding here (the narrative check reports it)
    expect(found[0].likely).toMatchObject({ address: 'D6', value: 790, suggested: 783, evidence: 'report-text' });
    expect(found[0].likely?.reason).toBe('报告正文写的是 783，只有改正它，表格才与正文一致');
  });

  it('statedValues takes the numbers of the narrative check’s NARR-TABLE findings', () => {
    const narr: Finding = {
      id: 'NARR-TABLE',
      severity: 'error',
      basis: '',
      message: '',
      actual: 783,
      expected: 790,
      sentence: '予以公开783件。',
      cells: [{ table: 'table3', row: 'granted', col: 'total', label: '', address: 'J6' }],
    };
    expect(statedValues([narr])).toEqual([{ cells: [{ table: 'table3', row: 'granted', col: 'total' }], value: 783, sentence: '予以公开783件。' }]);
  });

  it('a value equal to the difference is a hint in the reason, not the likely cell', () => {
    const data = column({ denied_state_secret: 7 }); // D8 = 7
    data.table3.granted.natural_person = 790; // 7 too many in D6
    formulaTotals(data, F2021);
    const [f] = errors(runChecks(data, { cells: locate(F2021) }));
    expect(f.likely).toBeUndefined();
    expect(f.noLikelyReason).toContain('其中 D8 的数值 7 恰好等于差额');
  });

  it('table 四 with a hand-typed 总计 and one changed part: no likely cell, and why', () => {
    const data = zeros(F2021);
    Object.assign(data.table4.admin_review, { upheld: 6, corrected: 2, total: 7 });
    const [f] = runChecks(data, { cells: locate(F2021) });
    expect(f.id).toBe('T4-TOTAL');
    expect(f.likely).toBeUndefined();
    expect(f.noLikelyReason).toBe('只有“总计 = 各项之和”这一个等式，无法判断是总计（E4）填错还是某一项填错：改动总计或 2 项中的任一项 1 都能使它成立。');
  });

  it.each([
    [738, 783, 'transposition'],
    [1470, 147, 'times-ten'],
    [15, 150, 'times-ten'],
    [1234, 1324, 'transposition'],
    [744, 783, undefined],
    [12, 12, undefined],
    [1, 10, 'times-ten'],
  ])('typoKind(%d typed for %d) = %s', (typed, intended, kind) => {
    expect(typoKind(typed, intended)).toBe(kind);
  });
});

describe('order: arithmetic, then cross-year and text, then warnings, blanks last', () => {
  it('orderFindings puts the groups in that order whatever the input order', () => {
    const f = (id: string, severity: 'error' | 'warning', extra: Partial<Finding> = {}): Finding => ({ id, severity, cells: [], basis: '', message: id, ...extra });
    const list = [
      f('TABLE-UNFILLED', 'warning', { table: 'table4', unfilled: true }),
      f('CELL-BLANK', 'error', { table: 'table2' }),
      f('T2-REG', 'warning', { table: 'table2' }),
      f('NARR-TABLE', 'error'),
      f('XY-CARRY', 'error', { table: 'table3' }),
      f('T3-BALANCE', 'error', { table: 'table3' }),
      f('FORMAT-YEAR', 'error'),
    ];
    expect(orderFindings(list).map((x) => x.id)).toEqual([
      'FORMAT-YEAR',
      'T3-BALANCE',
      'NARR-TABLE',
      'XY-CARRY',
      'T2-REG',
      'CELL-BLANK',
      'TABLE-UNFILLED',
    ]);
  });

  it('runChecks: the arithmetic error before the blanks of a half-filled report', () => {
    const data = column();
    data.table3.granted.natural_person = 738;
    data.table3.denied_state_secret.commercial_enterprise = null;
    data.table4 = emptyReport(F2021, 2023).table4;
    formulaTotals(data, F2021);
    const found = runChecks(data, { cells: locate(F2021) });
    expect(found.map((x) => x.id)).toEqual(['T3-BALANCE', 'CELL-BLANK', 'TABLE-UNFILLED']);
  });
});
