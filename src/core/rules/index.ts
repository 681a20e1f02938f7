/** The rules engine (spec §6): ReportData (+ last year's) → Finding[]. */
export { runChecks, sortFindings, orderFindings, findingRank, lacksRulePower, statedValues } from './engine';
export { cellRanges, isBlank } from './blanks';
export { typoKind } from './likely';
export { checkReviewNarrative } from './narrative';
export { summarize } from './summary';
export { cellLabel } from './cells';
export type { Finding, FindingCell, Likely, LikelyEvidence, OrganizationType, RunChecksOptions, StatedValue, TableSummary, TotalFill } from './types';
