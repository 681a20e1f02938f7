/** The reader: sheets (Grid) → located tables → ReportData, with what could not be mapped. */
export type { CellLocation, LocatedReport, LocatedTable, ReadIssue } from './types';
export { normalizeLabel, labelCore, matchLabel, bestMatch, editDistance, isAltered } from './normalize';
export type { MatchLevel, LabelMatch } from './normalize';
export { parseValue } from './value';
export type { ParsedValue, ValueNote } from './value';
export { SheetView } from './sheet';
export { locateTables } from './tables';
export type { SheetTables, TableRead } from './tables';
export { readReports, parseTitle, findTitle, formatByLayout, formatEvidence, distinctiveLabels } from './read';
export type { ReadOptions, SheetMetadata } from './read';
