/**
 * The 报告正文 sheet → ReportProfile, by labels (a row may move, a label may carry a note such as
 * “（仅人民政府填写）”): a label is the first non-empty cell of a row, the value of its field is the next
 * non-empty cell to its right (or the cell right of the label when there is none).
 */
import { a1, type CellValue, type Grid } from '../grid';
import { ON_TIME_WORDS, ORG_TYPE_LABELS, PROFILE_ISSUES, type FieldKey } from '../messages/narrative';
import type { ReportData } from '../model/report';
import { PROFILE_FIELDS, type ProfileField } from '../narrative/fields';
import { defaultProfile, inferOrgType } from '../narrative/profile';
import type { OrgType, ReportProfile } from '../narrative/types';
import { ORG_TYPES } from '../narrative/types';
import { labelCore, normalizeLabel } from './normalize';

export interface ProfileIssue {
  kind: 'missing-field' | 'invalid-number' | 'invalid-type' | 'duplicate-field';
  field: FieldKey;
  /** A1 address of the cell concerned (sheet-absolute) */
  address?: string;
  text?: string;
  /** Chinese message */
  message: string;
}

export interface ProfileRead {
  profile: ReportProfile;
  issues: ProfileIssue[];
  /** A1 address (on grid.sheet) of each field's value cell that was found */
  cells: Partial<Record<FieldKey, string>>;
}

const key = (s: string): string => labelCore(normalizeLabel(s));
const FIELD_BY_KEY = new Map(PROFILE_FIELDS.map((f) => [key(f.label), f]));

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function parseNumber(v: CellValue): number | null | 'invalid' {
  if (v === null || isEmpty(v)) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : 'invalid';
  if (typeof v === 'boolean') return 'invalid';
  const t = v.normalize('NFKC').replace(/[\s,，]/g, '').replace(/(条|件|元|年)$/u, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return 'invalid';
  return Number(t);
}

function parseOrgType(v: string): OrgType | undefined {
  const t = v.normalize('NFKC').replace(/\s/g, '');
  const hit = ORG_TYPES.find((k) => normalizeLabel(ORG_TYPE_LABELS[k]) === normalizeLabel(t) || k === t.toLowerCase());
  if (hit) return hit;
  if (/乡|镇|街道/.test(t)) return 'township';
  if (/部门/.test(t)) return 'department';
  if (/人民政府|政府/.test(t)) return 'government';
  return undefined;
}

/**
 * 是否均在法定期限内答复: “是” (or words saying so) → all on time; any other text is the clerk's explanation;
 * empty → not given.
 */
export function parseOnTime(v: CellValue): ReportProfile['timeLimit'] {
  if (isEmpty(v)) return { allOnTime: null, explanation: '' };
  const t = String(v).trim();
  if (ON_TIME_WORDS.test(t.normalize('NFKC').replace(/\s|[。.]/g, ''))) return { allOnTime: true, explanation: '' };
  return { allOnTime: false, explanation: t };
}

/**
 * Reads a profile sheet. Fields the sheet lacks keep the values of `defaultProfile(data)` (or empty values
 * without data) and are reported as issues.
 */
export function readProfile(grid: Grid, data?: ReportData): ProfileRead {
  const found = new Map<FieldKey, { value: CellValue; address: string; labelText: string }>();
  const issues: ProfileIssue[] = [];
  grid.cells.forEach((row, i) => {
    // a label is the first non-empty cell of its row (a text in the value column is never taken for a label)
    const j = row.findIndex((v) => !isEmpty(v));
    if (j >= 0) {
      const cell = row[j];
      if (typeof cell !== 'string') return;
      const field = FIELD_BY_KEY.get(key(cell));
      if (!field) return;
      const r = grid.origin.row + i;
      let c = j + 1;
      while (c < row.length && isEmpty(row[c])) c++;
      // the value cell is the next non-empty cell; an empty value is the cell right of the label
      const vc = c < row.length ? c : j + 1;
      const address = a1(r, grid.origin.col + vc);
      if (found.has(field.key)) {
        issues.push({
          kind: 'duplicate-field',
          field: field.key,
          address: a1(r, grid.origin.col + j),
          message: PROFILE_ISSUES.duplicateField(field.label, a1(r, grid.origin.col + j)),
        });
        return;
      }
      found.set(field.key, { value: row[vc] ?? null, address, labelText: cell });
    }
  });

  const base: ReportData = data ?? { format: '', year: 0, organization: '', table2: {}, table3: {}, table4: {} };
  const orgCell = found.get('organization');
  const organization = orgCell && !isEmpty(orgCell.value) ? String(orgCell.value).trim() : base.organization;
  const typeCell = found.get('orgType');
  let orgType: OrgType = inferOrgType(organization);
  if (typeCell && !isEmpty(typeCell.value)) {
    const t = parseOrgType(String(typeCell.value));
    if (t) orgType = t;
    else {
      orgType = 'department';
      issues.push({
        kind: 'invalid-type',
        field: 'orgType',
        address: typeCell.address,
        text: String(typeCell.value),
        message: PROFILE_ISSUES.invalidType(typeCell.address, String(typeCell.value)),
      });
    }
  }
  const profile = data
    ? defaultProfile({ ...data, organization }, orgType)
    : defaultProfile({ ...base, organization }, orgType);
  if (!data) {
    // without report data there is nothing to draft from: fields the sheet lacks stay empty
    for (const k of Object.keys(profile.text) as (keyof ReportProfile['text'])[]) profile.text[k] = '';
  }
  profile.organization = organization;

  const num = (field: ProfileField): number | null | undefined => {
    const cell = found.get(field.key);
    if (!cell) return undefined;
    const n = parseNumber(cell.value);
    if (n === 'invalid') {
      issues.push({
        kind: 'invalid-number',
        field: field.key,
        address: cell.address,
        text: String(cell.value),
        message: PROFILE_ISSUES.invalidNumber(field.label, cell.address, String(cell.value)),
      });
      return null;
    }
    // a label changed to 万元 by the user: the amount is kept in 元
    if (field.kind === 'amount' && n !== null && /万元/.test(cell.labelText)) return Math.round(n * 10000 * 10000) / 10000;
    return n;
  };

  for (const f of PROFILE_FIELDS) {
    const cell = found.get(f.key);
    if (!cell) {
      issues.push({ kind: 'missing-field', field: f.key, message: PROFILE_ISSUES.missingField(f.label) });
      continue;
    }
    switch (f.kind) {
      case 'orgType':
        break;
      case 'text':
        if (f.key === 'signatureUnit') profile.signature.unit = isEmpty(cell.value) ? '' : String(cell.value).trim();
        else if (f.key === 'signatureDate') profile.signature.date = isEmpty(cell.value) ? '' : String(cell.value).trim();
        break;
      case 'onTime':
        profile.timeLimit = parseOnTime(cell.value);
        break;
      case 'year': {
        const n = num(f);
        if (typeof n === 'number' && Number.isInteger(n)) profile.year = n;
        break;
      }
      case 'count':
      case 'amount': {
        const n = num(f);
        if (n === undefined) break;
        if (f.key === 'proactiveItems') profile.proactive.items = n;
        else if (f.key === 'feeCases') profile.processingFee.cases = n;
        else if (f.key === 'feeAmount') profile.processingFee.amountYuan = n;
        break;
      }
      case 'channels':
        profile.proactive.channels = isEmpty(cell.value)
          ? []
          : String(cell.value)
              .split(/[、,，;；\n]+/)
              .map((s) => s.trim())
              .filter((s) => s);
        break;
      case 'longtext':
        (profile.text as unknown as Record<string, string>)[f.key] = isEmpty(cell.value) ? '' : String(cell.value).trim();
        break;
    }
  }
  const cells: Partial<Record<FieldKey, string>> = {};
  for (const [k, v] of found) cells[k] = v.address;
  return { profile, issues, cells };
}
