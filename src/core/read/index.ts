/** The reader: sheets (Grid) → located tables → ReportData, with what could not be mapped. */
export type { CellLocation, LocatedReport, LocatedTable, ReadIssue } from './types';
export { cleanText, normalizeLabel, labelCore, LabelMatcher, matchLabel, bestMatch, editDistance, isAltered } from './normalize';
export type { MatchLevel, LabelMatch } from './normalize';
export { BLANK_MARKERS, COUNT_UNITS, UNITS, compactValueText, isBlankMarker, parseValue, tokenValue, unitFits, valueToken } from './value';
export type { ParsedValue, ValueNote, ValueToken } from './value';
export { SheetView } from './sheet';
export { locateTables } from './tables';
export type { SheetTables, TableRead } from './tables';
export { readReports, parseTitle, findTitle, formatByLayout, formatEvidence, distinctiveLabels } from './read';
export type { ReadOptions, SheetMetadata } from './read';
