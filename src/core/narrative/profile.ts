import type { ReportData } from '../model/report';
import { DRAFTS } from '../messages/narrative';
import type { OrgType, ProfileTextKey, ProfileTexts, ReportProfile } from './types';

export const TEXT_KEYS: readonly ProfileTextKey[] = [
  'overview',
  'proactive',
  'application',
  'management',
  'platform',
  'supervision',
  'assessment',
  'problems',
  'superiorTasks',
  'proposals',
  'innovation',
  'other',
];

/** Text parts that only 人民政府 report. */
export const GOVERNMENT_ONLY: readonly ProfileTextKey[] = ['assessment', 'superiorTasks', 'proposals', 'innovation'];

/**
 * The type of body a name suggests: 乡/镇/街道/苏木 → township; a government (人民政府 without 办公室)
 * → government; anything else → department. Only a default: the user sets the type.
 */
export function inferOrgType(organization: string): OrgType {
  const name = organization.replace(/\s+/g, '');
  if (/(乡|镇|街道|苏木)(人民政府|政府|办事处)?$/.test(name)) return 'township';
  if (/人民政府$/.test(name)) return 'government';
  return 'department';
}

/**
 * The text parts of a profile that are still the default draft (whitespace aside), by key: a paragraph the
 * clerk never edited (NARR-DRAFT). `subject` is the name the draft was made with.
 */
export function unchangedDrafts(profile: ReportProfile, subject = profile.organization.trim() || '本机关'): ProfileTextKey[] {
  const norm = (s: string) => s.replace(/\s+/g, '');
  return TEXT_KEYS.filter((k) => {
    const t = norm(profile.text[k]);
    return t !== '' && (t === norm(DRAFTS[k](subject)) || t === norm(DRAFTS[k]('本机关')));
  });
}

/**
 * A draft profile the user edits: organisation and year from the data, generic wording for every part
 * (no figures: 主动公开条数 and 信息处理费 stay empty until the user gives them).
 */
export function defaultProfile(data: ReportData, type: OrgType = inferOrgType(data.organization)): ReportProfile {
  const org = data.organization.trim();
  const subject = org || '本机关';
  const text = {} as ProfileTexts;
  for (const k of TEXT_KEYS) {
    text[k] = type !== 'government' && GOVERNMENT_ONLY.includes(k) ? '' : DRAFTS[k](subject);
  }
  return {
    organization: org,
    year: data.year,
    orgType: type,
    proactive: { items: null, channels: [] },
    processingFee: { cases: null, amountYuan: null },
    timeLimit: { allOnTime: null, explanation: '' },
    signature: { unit: '', date: '' },
    text,
  };
}
