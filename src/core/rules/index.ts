/** The rules engine (spec §6): ReportData (+ last year's) → Finding[]. */
export { runChecks, sortFindings, lacksRulePower } from './engine';
export { checkReviewNarrative } from './narrative';
export { summarize } from './summary';
export { cellLabel } from './cells';
export type { Finding, FindingCell, OrganizationType, RunChecksOptions, TableSummary } from './types';
