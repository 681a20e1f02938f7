import type { FormatDef, TableId } from '../formats/types';
import { TABLE_IDS } from '../formats/types';

/** A cell's value in report data: a number, null for a blank cell, or the text found in a value cell. */
export type Value = number | null | string;

/** The interchange JSON of spec §7 (`report.json`). */
export interface ReportData {
  format: string;
  year: number;
  organization: string;
  table2: Record<string, Record<string, Value>>;
  table3: Record<string, Record<string, Value>>;
  table4: Record<string, Record<string, Value>>;
}

/** A report with every value cell of the format present, all set to `fill` (default null). */
export function emptyReport(format: FormatDef, year: number, organization = '', fill: Value = null): ReportData {
  const data: ReportData = { format: format.id, year, organization, table2: {}, table3: {}, table4: {} };
  for (const t of TABLE_IDS) {
    for (const v of format.tables[t].values) {
      (data[t][v.row] ??= {})[v.col] = fill;
    }
  }
  return data;
}

export function getValue(data: ReportData, table: TableId, row: string, col: string): Value | undefined {
  return data[table]?.[row]?.[col];
}

export function setValue(data: ReportData, table: TableId, row: string, col: string, value: Value): void {
  (data[table][row] ??= {})[col] = value;
}

/** The value as a number when it is one, else undefined (blank, text). */
export function numeric(v: Value | undefined): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
