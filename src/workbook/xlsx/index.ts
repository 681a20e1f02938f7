export { XlsxWorkbook, META_SHEET, HIGHLIGHT_FILLS } from './xlsx-workbook';
export { sniff } from './sniff';
export type { SniffResult } from './sniff';
export { unsupportedParts } from './parts';
export type { UnsupportedPart } from './parts';
export { readXlsx } from './read';
export { XlsxSnapshot } from './snapshot';
