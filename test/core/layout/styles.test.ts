/**
 * The style table itself: what a clerk tells apart at a glance (labels, input cells, computed
 * totals, marked cells), and what both ports can store without losing anything.
 */
import { getFormat } from '../../../src/core/formats';
import type { CellStyle } from '../../../src/core/layout/plan';
import { PROFILE_FIRST_ROW, buildProfilePlan } from '../../../src/core/layout/profile';
import { emptyReport } from '../../../src/core/model/report';
import { defaultProfile } from '../../../src/core/narrative';
import { PROFILE_FIELDS } from '../../../src/core/narrative/fields';
import { CELL_STYLES, MARK_FILLS, TABLE_BORDER } from '../../../src/core/layout/styles';

const styles = Object.keys(CELL_STYLES) as CellStyle[];

test('headers are bold on a fill; input cells are plain and white; totals are bold on a fill of their own', () => {
  expect(CELL_STYLES.header.font.bold).toBe(true);
  expect(CELL_STYLES.header.fill).not.toBeNull();
  expect(CELL_STYLES.value.font.bold).toBe(false);
  expect(CELL_STYLES.value.fill).toBeNull();
  expect(CELL_STYLES.total.font.bold).toBe(true);
  expect(CELL_STYLES.total.fill).not.toBeNull();
  expect(CELL_STYLES.total.fill).not.toBe(CELL_STYLES.header.fill);
  // totals and input cells line up the same way, so a column of figures reads straight
  expect(CELL_STYLES.total.horizontal).toBe(CELL_STYLES.value.horizontal);
});

test('the title is bold and the largest text of the sheet; captions larger than the body', () => {
  expect(CELL_STYLES.title.font.bold).toBe(true);
  for (const s of styles.filter((x) => x !== 'title')) expect([s, CELL_STYLES[s].font.size < CELL_STYLES.title.font.size]).toEqual([s, true]);
  expect(CELL_STYLES.caption.font.size).toBeGreaterThan(CELL_STYLES.value.font.size);
});

test('marked cells stand out from every fill of the table, errors from warnings', () => {
  const fills = new Set(styles.map((s) => CELL_STYLES[s].fill));
  expect(MARK_FILLS.error).not.toBe(MARK_FILLS.warning);
  for (const mark of Object.values(MARK_FILLS)) expect(fills.has(mark)).toBe(false);
});

test('every colour is #RRGGBB in upper case and every size a whole point (ExcelJS reads font sizes as integers: a file opened and saved again would lose a half point)', () => {
  const colours = [TABLE_BORDER.color, ...Object.values(MARK_FILLS)];
  for (const s of styles) {
    colours.push(CELL_STYLES[s].font.color);
    if (CELL_STYLES[s].fill !== null) colours.push(CELL_STYLES[s].fill as string);
    expect([s, Number.isInteger(CELL_STYLES[s].font.size)]).toEqual([s, true]);
    expect(CELL_STYLES[s].font.name).not.toBe('');
  }
  for (const c of colours) expect(c).toMatch(/^#[0-9A-F]{6}$/);
});

test('报告正文: the long texts are edited in tall cells that wrap and start at the top', () => {
  const f = getFormat('2021')!;
  const plan = buildProfilePlan(defaultProfile(emptyReport(f, 2023, '某某县人民政府办公室')));
  const longRows = PROFILE_FIELDS.map((field, i) => ({ field, r: PROFILE_FIRST_ROW + i })).filter((x) => x.field.kind === 'longtext');
  expect(longRows.length).toBeGreaterThan(0);
  for (const { field, r } of longRows) {
    const cell = plan.cells.find((c) => c.r === r && c.c === 1)!;
    expect([field.key, cell.style, cell.locked]).toEqual([field.key, 'text', false]);
    expect(plan.rowHeights[r]).toBeGreaterThan(3 * 15);
  }
  expect(CELL_STYLES.text).toMatchObject({ vertical: 'top', horizontal: 'left', wrap: true });
});
