import type { ValueKind } from '../formats/types';

/**
 * What to write into a sheet: a serialisable plan that both workbook ports
 * (office.js and ExcelJS) replay. Rows and columns are 0-based and absolute on the sheet.
 */
/** a style name of the style table (core/layout/styles.ts); 'text' is an editable paragraph (报告正文) */
export type CellStyle = 'title' | 'subtitle' | 'caption' | 'header' | 'label' | 'value' | 'total' | 'check' | 'note' | 'text';

export interface PlanCell {
  r: number;
  c: number;
  /** literal value; text is always written as text (never parsed as a formula) */
  value?: string | number | null;
  /** formula without the leading '=' */
  formula?: string;
  style: CellStyle;
  /** Excel number format, e.g. '0', '+0;-0;0', '0.0000' */
  numFmt?: string;
  /** value cells are unlocked; labels and formulas stay locked */
  locked: boolean;
  kind?: ValueKind;
}

export interface PlanMerge {
  r: number;
  c: number;
  rs: number;
  cs: number;
}

export interface PlanValidation {
  /** A1 range */
  range: string;
  kind: ValueKind;
  /** Chinese prompt/error shown by the spreadsheet */
  title: string;
  message: string;
}

export interface PlanName {
  name: string;
  /** A1 range on the plan's sheet */
  range: string;
}

export interface SheetPlan {
  /** the whole rectangle the plan writes (used to detect conflicts with non-empty cells) */
  bounds: { r: number; c: number; rows: number; cols: number };
  cells: PlanCell[];
  merges: PlanMerge[];
  /** every cell in the bounds that gets a thin border (A1 ranges) */
  borders: string[];
  /** column widths in characters by absolute column index */
  colWidths: Record<number, number>;
  /** row heights in points by absolute row index, where they differ from the default */
  rowHeights: Record<number, number>;
  validations: PlanValidation[];
  names: PlanName[];
  print: { paper: 'A4'; orientation: 'portrait' | 'landscape'; fitToWidth: boolean; area: string };
  /** protect the sheet (without a password) so that only value cells can be edited */
  protect: boolean;
  /** remembered with the sheet: which format and year it holds */
  metadata: { format: string; year: number; organization: string; manualTotals: boolean };
}
