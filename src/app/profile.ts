/** The profile as the pane edits it: one string per field, parsed exactly as the 报告正文 sheet is read. */
import type { Grid } from '../core/grid';
import type { WorkbookPort } from '../workbook/port';
import { fieldValue } from '../core/layout/profile';
import { PROFILE_SHEET, type FieldKey } from '../core/messages/narrative';
import type { ReportData } from '../core/model/report';
import { PROFILE_FIELDS, type ProfileField } from '../core/narrative/fields';
import type { ReportProfile } from '../core/narrative/types';
import { readProfile, type ProfileIssue } from '../core/read/profile';

export type ProfileValues = Record<FieldKey, string>;

export function valuesOf(profile: ReportProfile): ProfileValues {
  const out = {} as ProfileValues;
  for (const f of PROFILE_FIELDS) {
    const v = fieldValue(profile, f);
    out[f.key] = v === null ? '' : String(v);
  }
  return out;
}

export function profileFrom(values: ProfileValues, data: ReportData): { profile: ReportProfile; issues: ProfileIssue[] } {
  const grid: Grid = {
    sheet: PROFILE_SHEET,
    origin: { row: 0, col: 0 },
    cells: PROFILE_FIELDS.map((f) => [f.label, values[f.key] === '' ? null : values[f.key]]),
  };
  const { profile, issues } = readProfile(grid, data);
  return { profile, issues: issues.filter((i) => i.kind !== 'missing-field') };
}

/** The value written into the sheet: numbers as numbers, everything else as text. */
export function cellValueOf(key: FieldKey, value: string): string | number | null {
  const f = PROFILE_FIELDS.find((x) => x.key === key);
  const t = value.trim();
  if (t === '') return null;
  if (f && (f.kind === 'count' || f.kind === 'amount' || f.kind === 'year') && /^\d+(\.\d+)?$/.test(t)) return Number(t);
  return value;
}

/** 保存到“报告正文”: each edited field into its value cell on the sheet (fields without a cell are left out). */
export async function saveProfile(
  port: WorkbookPort,
  sheet: { sheet: string; cells: Partial<Record<FieldKey, string>> },
  values: ProfileValues,
): Promise<void> {
  const writes = PROFILE_FIELDS.filter((f) => sheet.cells[f.key]).map((f) => ({
    sheet: sheet.sheet,
    address: sheet.cells[f.key] as string,
    value: cellValueOf(f.key, values[f.key]),
  }));
  await port.writeValues(writes);
}

/** The fields of 报告正文 and the kinds of body, as the pane's form lists them. */
export { PROFILE_FIELDS } from '../core/narrative/fields';
export { ORG_TYPES } from '../core/narrative/types';

export type { ProfileField } from '../core/narrative/fields';

/** The fields the pane lets the user edit, in the sheet's order: the government-only ones only for a government. */
export function editableFields(government: boolean): readonly ProfileField[] {
  return PROFILE_FIELDS.filter((f) => !f.governmentOnly || government);
}
