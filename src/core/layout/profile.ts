/**
 * The 报告正文 sheet: the report's inputs that are not in the tables, one labelled row per field
 * (label in A, editable value in B, a wide wrapped B column). Read back by labels (core/read/profile).
 */
import { rangeA1 } from '../grid';
import {
  type FieldKey,
  ON_TIME_YES,
  ORG_TYPE_LABELS,
  PROFILE_HEADER,
  PROFILE_SHEET_NOTE,
  PROFILE_SHEET_TITLE,
} from '../messages/narrative';
import { formatOf } from '../formats';
import { PROFILE_FIELDS, type ProfileField } from '../narrative/fields';
import type { ReportProfile } from '../narrative/types';
import type { PlanCell, SheetPlan } from './plan';
import { NUMBER_FORMATS } from './build';

/** The value a field has in a profile, as written into its cell. */
export function fieldValue(profile: ReportProfile, field: ProfileField): string | number | null {
  switch (field.key) {
    case 'organization':
      return profile.organization;
    case 'year':
      return profile.year;
    case 'orgType':
      return ORG_TYPE_LABELS[profile.orgType];
    case 'proactiveItems':
      return profile.proactive.items;
    case 'channels':
      return profile.proactive.channels.join('、');
    case 'feeCases':
      return profile.processingFee.cases;
    case 'feeAmount':
      return profile.processingFee.amountYuan;
    case 'onTime':
      return profile.timeLimit.allOnTime === true
        ? ON_TIME_YES
        : profile.timeLimit.allOnTime === false
          ? profile.timeLimit.explanation || null
          : null;
    case 'signatureUnit':
      return profile.signature.unit;
    case 'signatureDate':
      return profile.signature.date;
    default:
      return profile.text[field.key];
  }
}

/** First data row (0-based) of the field rows: title, note, header come first. */
export const PROFILE_FIRST_ROW = 3;

/** The A1 address of a field's value cell (column B) and of the note beside it (column C) on a 报告正文 we wrote. */
export function profileCellOf(key: FieldKey): { value: string; note: string } | undefined {
  const i = PROFILE_FIELDS.findIndex((f) => f.key === key);
  if (i < 0) return undefined;
  const row = PROFILE_FIRST_ROW + i + 1;
  return { value: `B${row}`, note: `C${row}` };
}

/** Row heights: long texts get room for about five lines. */
const LONG_ROW = 96;

export function buildProfilePlan(profile: ReportProfile): SheetPlan {
  const cells: PlanCell[] = [
    { r: 0, c: 0, value: PROFILE_SHEET_TITLE, style: 'title', locked: true },
    { r: 1, c: 0, value: PROFILE_SHEET_NOTE, style: 'note', locked: true },
    { r: 2, c: 0, value: PROFILE_HEADER[0], style: 'header', locked: true },
    { r: 2, c: 1, value: PROFILE_HEADER[1], style: 'header', locked: true },
  ];
  const rowHeights: Record<number, number> = { 0: 28, 1: 32 };
  PROFILE_FIELDS.forEach((f, i) => {
    const r = PROFILE_FIRST_ROW + i;
    cells.push({ r, c: 0, value: f.label, style: 'label', locked: true });
    const value = fieldValue(profile, f);
    const numeric = f.kind === 'count' || f.kind === 'amount' || f.kind === 'year';
    cells.push({
      r,
      c: 1,
      value: value === '' ? null : value,
      style: numeric ? 'value' : f.kind === 'longtext' || f.kind === 'onTime' ? 'text' : 'label',
      locked: false,
      ...(f.kind === 'count' || f.kind === 'year' ? { kind: 'count' as const, numFmt: '0' } : {}),
      ...(f.kind === 'amount' ? { kind: 'amount' as const, numFmt: NUMBER_FORMATS.amount } : {}),
    });
    if (f.kind === 'longtext' || f.kind === 'onTime') rowHeights[r] = LONG_ROW;
  });
  const rows = PROFILE_FIRST_ROW + PROFILE_FIELDS.length;
  const format = formatOf({ year: profile.year });
  return {
    bounds: { r: 0, c: 0, rows, cols: 2 },
    cells,
    merges: [
      { r: 0, c: 0, rs: 1, cs: 2 },
      { r: 1, c: 0, rs: 1, cs: 2 },
    ],
    borders: [rangeA1(2, 0, rows - 2, 2)],
    colWidths: { 0: 30, 1: 100 },
    rowHeights,
    validations: [],
    names: [],
    print: { paper: 'A4', orientation: 'portrait', fitToWidth: true, area: rangeA1(0, 0, rows, 2) },
    protect: false,
    metadata: { format: format.id, year: profile.year, organization: profile.organization, manualTotals: false },
  };
}
