import { FIELD_LABELS, type FieldKey } from '../messages/narrative';
import type { ProfileTextKey } from './types';

/** One input row of the 报告正文 sheet. */
export interface ProfileField {
  key: FieldKey;
  label: string;
  /** how the value is written and read */
  kind: 'text' | 'longtext' | 'year' | 'count' | 'amount' | 'orgType' | 'channels' | 'onTime';
  /** may stay empty: nothing is missing then (落款) */
  optional?: boolean;
  /** 人民政府 only */
  governmentOnly?: boolean;
}

const long = (key: ProfileTextKey & FieldKey, governmentOnly = false): ProfileField => ({
  key,
  label: FIELD_LABELS[key],
  kind: 'longtext',
  governmentOnly: governmentOnly || undefined,
});

/** The fields in sheet order. */
export const PROFILE_FIELDS: readonly ProfileField[] = [
  { key: 'organization', label: FIELD_LABELS.organization, kind: 'text' },
  { key: 'year', label: FIELD_LABELS.year, kind: 'year' },
  { key: 'orgType', label: FIELD_LABELS.orgType, kind: 'orgType' },
  { key: 'proactiveItems', label: FIELD_LABELS.proactiveItems, kind: 'count' },
  { key: 'channels', label: FIELD_LABELS.channels, kind: 'channels' },
  { key: 'feeCases', label: FIELD_LABELS.feeCases, kind: 'count' },
  { key: 'feeAmount', label: FIELD_LABELS.feeAmount, kind: 'amount' },
  long('overview'),
  long('proactive'),
  { key: 'onTime', label: FIELD_LABELS.onTime, kind: 'onTime' },
  long('application'),
  long('management'),
  long('platform'),
  long('supervision'),
  long('assessment', true),
  long('problems'),
  long('superiorTasks', true),
  long('proposals', true),
  long('innovation', true),
  long('other'),
  { key: 'signatureUnit', label: FIELD_LABELS.signatureUnit, kind: 'text', optional: true },
  { key: 'signatureDate', label: FIELD_LABELS.signatureDate, kind: 'text', optional: true },
];
