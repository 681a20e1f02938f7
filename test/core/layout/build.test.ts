import { getFormat } from '../../../src/core/formats';
import { buildSheetPlan, sheetLayout, textWidth, valueCellAddresses } from '../../../src/core/layout/build';
import { emptyReport } from '../../../src/core/model/report';

const f21 = getFormat('2021')!;
const f19 = getFormat('2019')!;
const at = (plan: ReturnType<typeof buildSheetPlan>, addr: string) => {
  const m = /^([A-Z])(\d+)$/.exec(addr)!;
  return plan.cells.find((c) => c.r === Number(m[2]) - 1 && c.c === m[1].charCodeAt(0) - 65);
};

describe('buildSheetPlan', () => {
  const plan = buildSheetPlan(f21, { year: 2023, organization: '某某县人民政府办公室' });
  const addr = valueCellAddresses(f21);

  it('writes totals as SUM formulas over their parts, in the addresses where the table is written', () => {
    // table 三 starts in row 21 (title, subtitle, blank, caption, 14 rows of 表二, blank, caption)
    expect(addr.table3.new_received.natural_person).toBe('D24');
    expect(at(plan, addr.table3.new_received.total)).toMatchObject({ formula: 'SUM(D24:I24)', locked: true, style: 'total' });
    // （七）总计 per column sums every result sub-row; its 总计 cell takes the row total (first relation)
    expect(at(plan, addr.table3.total_processed.natural_person)?.formula).toBe('SUM(D26:D46)');
    expect(at(plan, addr.table3.total_processed.total)?.formula).toBe('SUM(D47:I47)');
    expect(at(plan, addr.table4.admin_review.total)?.formula).toBe('SUM(A55:D55)');
    expect(at(plan, addr.table4.litigation_after_review.total)?.formula).toBe('SUM(K55:N55)');
  });

  it('writes the check row under table 三 with the real addresses', () => {
    expect(at(plan, 'A49')).toMatchObject({ value: '校验：一+二 = 三（七）总计+四', style: 'check' });
    expect(at(plan, 'D49')?.formula).toBe('IF(D24+D25=D47+D48,"平衡","不平衡，差"&(D24+D25-D47-D48))');
    expect(at(plan, 'J49')?.formula).toBe('IF(J24+J25=J47+J48,"平衡","不平衡，差"&(J24+J25-J47-J48))');
  });

  it('moves every address with the origin', () => {
    const moved = buildSheetPlan(f21, { year: 2023, organization: 'x', origin: { row: 9, col: 2 } });
    const maddr = valueCellAddresses(f21, { origin: { row: 9, col: 2 } });
    expect(maddr.table3.new_received.natural_person).toBe('F33');
    expect(at(moved, maddr.table3.new_received.total)?.formula).toBe('SUM(F33:K33)');
    expect(moved.bounds).toEqual({ r: 9, c: 2, rows: plan.bounds.rows, cols: 15 });
    expect(moved.print.area).toBe('C10:Q64');
  });

  it('makes totals plain input cells with manual totals', () => {
    const manual = buildSheetPlan(f21, { year: 2023, organization: 'x', manualTotals: true });
    const totals = manual.cells.filter((c) => c.style === 'total');
    expect(totals).toEqual([]);
    expect(at(manual, addr.table3.new_received.total)).toMatchObject({ value: null, locked: false, style: 'value', numFmt: '0' });
    expect(manual.validations.map((v) => v.range)).toContain(addr.table3.new_received.total);
    expect(manual.metadata.manualTotals).toBe(true);
    // only the check row keeps formulas
    expect(manual.cells.filter((c) => c.formula).map((c) => c.r)).toEqual(Array(7).fill(48));
  });

  it('fills value cells from report data, numbers as numbers and text as text, never totals', () => {
    const data = emptyReport(f19, 2020, 'x', 0);
    data.table2.administrative_licensing.change = -3;
    data.table2.government_centralized_procurement.total_amount = 12.3456;
    data.table3.granted.natural_person = '无';
    data.table3.granted.total = 99; // a total: computed by the sheet
    const p = buildSheetPlan(f19, { year: 2020, organization: 'x', values: data });
    const a = valueCellAddresses(f19);
    expect(at(p, a.table2.administrative_licensing.change)).toMatchObject({ value: -3, numFmt: '+0;-0;0', kind: 'signed' });
    expect(at(p, a.table2.government_centralized_procurement.total_amount)).toMatchObject({ value: 12.3456, kind: 'amount' });
    expect(at(p, a.table3.granted.natural_person)?.value).toBe('无');
    expect(at(p, a.table3.granted.total)?.value).toBeUndefined();
    expect(at(p, a.table3.granted.total)?.formula).toBeDefined();
  });

  it('unlocks exactly the input cells and gives each a Chinese validation of its kind', () => {
    const inputs = plan.cells.filter((c) => !c.locked);
    expect(inputs.every((c) => c.style === 'value' && !c.formula)).toBe(true);
    expect(plan.cells.filter((c) => c.formula || c.style !== 'value').every((c) => c.locked)).toBe(true);
    // 2021: 10 table 二 inputs (merged ones count once), 24 rows × 6 in table 三 (not （七）总计), 12 in table 四
    expect(inputs).toHaveLength(10 + 24 * 6 + 12);
    expect(plan.validations).toHaveLength(inputs.length);
    const fee = plan.validations.find((v) => v.range === 'B18:D18');
    expect(fee).toMatchObject({ kind: 'amount' });
    expect(fee?.message).toContain('6 位小数');
    expect(fee?.message).toContain('万元');
  });

  it('prints landscape on A4 fitted to width, protected, with the metadata', () => {
    expect(plan.print).toEqual({ paper: 'A4', orientation: 'landscape', fitToWidth: true, area: 'A1:O55' });
    expect(plan.protect).toBe(true);
    expect(plan.metadata).toEqual({ format: '2021', year: 2023, organization: '某某县人民政府办公室', manualTotals: false });
    expect(plan.names.map((n) => `${n.name}=${n.range}`)).toEqual(['nianbao_table2=A5:D18', 'nianbao_table3=A21:J48', 'nianbao_table4=A52:O55']);
  });

  it('gives long wrapped labels taller rows', () => {
    // C45: “1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请” in a 30-character column
    expect(plan.rowHeights[44]).toBeGreaterThanOrEqual(45);
    expect(plan.rowHeights[23]).toBeUndefined(); // 一、本年新收… fits in A:C
  });

  it('lays out 2019 with its notes under table 二', () => {
    const layout = sheetLayout(f19, {});
    expect(layout.tables.table2.noteRows).toEqual([22]);
    const p = buildSheetPlan(f19, { year: 2020, organization: 'x' });
    expect(at(p, 'A23')).toMatchObject({ value: '注：采购总金额单位为万元。', style: 'note' });
    expect(layout.tables.table3.captionRow).toBe(24);
  });
});

describe('textWidth', () => {
  it('counts CJK and full-width punctuation as two columns', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('规章')).toBe(4);
    expect(textWidth('（一）')).toBe(6);
    expect(textWidth('“三安全一稳定”')).toBe(16);
  });
});
