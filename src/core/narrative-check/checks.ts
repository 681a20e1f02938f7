import type { CheckDef } from '../formats/types';
import { NARRATIVE_CHECK } from '../messages/import';
import { SUMMARY_CHECK } from '../messages/narrative';

const def = (id: string, severity: CheckDef['severity']): CheckDef => ({
  id,
  severity,
  group: 'narrative',
  title: NARRATIVE_CHECK.titles[id] ?? SUMMARY_CHECK.titles[id],
  basis: NARRATIVE_CHECK.basis[id] ?? SUMMARY_CHECK.basis[id],
});

/** The narrative checks of spec §6 (text against tables). */
export const NARRATIVE_CHECKS: CheckDef[] = [
  def('NARR-TABLE', 'error'),
  def('NARR-SUM', 'error'),
  def('NARR-UNIT', 'warning'),
  def('NARR-YEAR', 'error'),
  def('NARR-SECTIONS', 'warning'),
  def('NARR-PLACEHOLDER', 'error'),
  def('NARR-SUBJECT', 'warning'),
  def('NARR-SHARE', 'error'),
  def('NARR-CHANGE', 'error'),
  def('NARR-DRAFT', 'warning'),
];

export function narrativeCheck(id: string): CheckDef {
  const d = NARRATIVE_CHECKS.find((c) => c.id === id);
  if (!d) throw new Error(`unknown narrative check ${id}`);
  return d;
}
