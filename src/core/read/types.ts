import type { TableId } from '../formats/types';
import type { ReportData } from '../model/report';

/** Where one value of the report sits in the workbook. */
export interface CellLocation {
  sheet: string;
  /** A1 address on the sheet */
  address: string;
  /** 0-based absolute row / column */
  row: number;
  col: number;
}

export interface LocatedTable {
  table: TableId;
  sheet: string;
  /** A1 range the table was found in */
  range: string;
}

/** Something the reader saw but could not map, or a label that differs from the official one. */
export interface ReadIssue {
  kind: 'unmapped-label' | 'missing-row' | 'missing-column' | 'missing-table' | 'altered-label' | 'unit-in-cell' | 'extra-row';
  sheet: string;
  address?: string;
  table?: TableId;
  /** the text found (or the official label that is missing) */
  text: string;
  /** the official label the text was taken for, if any */
  official?: string;
}

/** One report found on a sheet (or across a workbook's sheets). */
export interface LocatedReport {
  data: ReportData;
  /** how sure the reader is of the format: 'layout' when decided by the table layout, 'year' when only by year */
  formatBy: 'layout' | 'metadata' | 'year' | 'default';
  tables: LocatedTable[];
  /** data key → cell: cells[table][row][col] */
  cells: Partial<Record<TableId, Record<string, Record<string, CellLocation>>>>;
  issues: ReadIssue[];
  /** the sheets whose tables were combined into this report, when there are several (表二/表三/表四 on separate sheets) */
  combinedFrom?: string[];
}
