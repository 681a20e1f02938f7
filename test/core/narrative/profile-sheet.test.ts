import type { CellValue, Grid } from '../../../src/core/grid';
import { buildProfilePlan } from '../../../src/core/layout/profile';
import { PROFILE_FIELDS } from '../../../src/core/narrative/fields';
import { defaultProfile } from '../../../src/core/narrative/profile';
import { readProfile } from '../../../src/core/read/profile';
import { countyData2023, countyProfile2023 } from './fixtures';

/** What a workbook port would leave in the sheet after replaying the plan. */
function gridOf(plan: ReturnType<typeof buildProfilePlan>, sheet = '报告正文'): Grid {
  const cells: CellValue[][] = Array.from({ length: plan.bounds.rows }, () => Array<CellValue>(plan.bounds.cols).fill(null));
  for (const c of plan.cells) cells[c.r][c.c] = c.value ?? null;
  return { sheet, origin: { row: 0, col: 0 }, cells };
}

describe('the 报告正文 sheet', () => {
  it('has one labelled row per field: label in A (locked), editable value in B, B wide', () => {
    const plan = buildProfilePlan(countyProfile2023());
    const labels = plan.cells.filter((c) => c.c === 0 && c.r >= 3);
    expect(labels.map((c) => c.value)).toEqual(PROFILE_FIELDS.map((f) => f.label));
    for (const l of labels) {
      expect(l.locked).toBe(true);
      const v = plan.cells.find((c) => c.r === l.r && c.c === 1)!;
      expect(v.locked).toBe(false);
    }
    expect(plan.colWidths[1]).toBeGreaterThanOrEqual(80);
    expect(plan.bounds).toEqual({ r: 0, c: 0, rows: 3 + PROFILE_FIELDS.length, cols: 2 });
  });

  it('reads back what it wrote', () => {
    const profile = countyProfile2023();
    profile.text.other = '第一段。\n第二段。';
    const { profile: back, issues, cells } = readProfile(gridOf(buildProfilePlan(profile)), countyData2023());
    expect(issues).toEqual([]);
    expect(back).toEqual(profile);
    expect(cells.organization).toBe('B4');
  });

  it('finds fields by label, not by position, and tolerates notes and units in labels and values', () => {
    const grid: Grid = {
      sheet: '报告正文',
      origin: { row: 4, col: 2 },
      cells: [
        ['单位类型', null, '乡镇'],
        ['年度：', 2020],
        ['其他需要报告的事项（如无填“无”）', '无'],
        ['单位名称', '哭泉镇人民政府'],
        ['主动公开政府信息条数', '65条'],
        ['主动公开渠道', '县政府网站，微信公众号“哭泉发布”、镇村两级政务公开栏'],
        ['信息处理费金额（万元）', 0.012],
      ],
    };
    const { profile, issues, cells } = readProfile(grid);
    expect(profile.orgType).toBe('township');
    expect(profile.year).toBe(2020);
    expect(profile.organization).toBe('哭泉镇人民政府');
    expect(profile.proactive).toEqual({ items: 65, channels: ['县政府网站', '微信公众号“哭泉发布”', '镇村两级政务公开栏'] });
    expect(profile.processingFee.amountYuan).toBe(120);
    expect(profile.text.other).toBe('无');
    expect(cells.orgType).toBe('E5');
    expect(cells.year).toBe('D6');
    // fields not on the sheet are reported, not guessed
    expect(issues.filter((i) => i.kind === 'missing-field').map((i) => i.field)).toContain('problems');
  });

  it('reports a number that is not one and an unknown type, keeping the rest', () => {
    const profile = defaultProfile(countyData2023(), 'department');
    const grid = gridOf(buildProfilePlan(profile));
    const row = (label: string) => grid.cells.find((r) => r[0] === label)!;
    row('主动公开政府信息条数（条）')[1] = '约一千条';
    row('单位类型')[1] = '事业单位';
    const { profile: back, issues } = readProfile(grid, countyData2023());
    expect(back.proactive.items).toBeNull();
    expect(back.orgType).toBe('department');
    expect(issues.map((i) => [i.kind, i.address])).toEqual([
      ['invalid-type', 'B6'],
      ['invalid-number', 'B7'],
    ]);
    expect(issues[1].message).toContain('约一千条');
  });

  it('a label typed as text in the value column is not taken for a field', () => {
    const profile = countyProfile2023();
    profile.text.proactive = '主动公开';
    const { profile: back } = readProfile(gridOf(buildProfilePlan(profile)), countyData2023());
    expect(back.text.proactive).toBe('主动公开');
  });
});
