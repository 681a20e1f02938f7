import { FORMAT_2019 } from './f2019';
import { FORMAT_2021 } from './f2021';
import type { FormatDef, FormatId, TableDef, ValueCell } from './types';

export * from './types';
export { SECTIONS, T3_COLUMNS, T4_FIELDS, T4_GROUPS, TABLE_SHORT_NAMES, table3ResultRows } from './common';

/** Known formats, oldest first. A new national revision is one more entry here. */
export const FORMATS: readonly FormatDef[] = [FORMAT_2019, FORMAT_2021];

export function getFormat(id: FormatId): FormatDef | undefined {
  return FORMATS.find((f) => f.id === id);
}

/**
 * The format the official notices prescribe for a reporting year (2019/2020 → 2019, 2021+ → 2021);
 * years before the first format take the first. For the format a report's data is in, use formatOf.
 */
export function formatForYear(year: number): FormatDef {
  const hit = FORMATS.find((f) => year >= f.years.from && (f.years.to === undefined || year <= f.years.to));
  if (hit) return hit;
  return year < FORMATS[0].years.from ? FORMATS[0] : FORMATS[FORMATS.length - 1];
}

export function findValueCell(table: TableDef, row: string, col: string): ValueCell | undefined {
  return table.values.find((v) => v.row === row && v.col === col);
}

/**
 * The format of a report's data — the one way to decide it: the data's format id when it is a known
 * one; else the format prescribed for its reporting year when that is a year (a whole number > 0);
 * else the newest format.
 */
export function formatOf(data: { format?: FormatId; year: number }): FormatDef {
  const known = data.format ? getFormat(data.format) : undefined;
  if (known) return known;
  return Number.isInteger(data.year) && data.year > 0 ? formatForYear(data.year) : FORMATS[FORMATS.length - 1];
}
