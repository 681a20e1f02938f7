import { FORMAT_2019 } from './f2019';
import { FORMAT_2021 } from './f2021';
import type { FormatDef, FormatId, TableDef, ValueCell } from './types';

export * from './types';
export { SECTIONS, T3_COLUMNS, T4_FIELDS, T4_GROUPS, table3ResultRows } from './common';

/** Known formats, oldest first. A new national revision is one more entry here. */
export const FORMATS: readonly FormatDef[] = [FORMAT_2019, FORMAT_2021];

export function getFormat(id: FormatId): FormatDef | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** The format that applies to a reporting year (2019/2020 → 2019, 2021+ → 2021). */
export function formatForYear(year: number): FormatDef {
  const hit = FORMATS.find((f) => year >= f.years.from && (f.years.to === undefined || year <= f.years.to));
  if (hit) return hit;
  return year < FORMATS[0].years.from ? FORMATS[0] : FORMATS[FORMATS.length - 1];
}

export function findValueCell(table: TableDef, row: string, col: string): ValueCell | undefined {
  return table.values.find((v) => v.row === row && v.col === col);
}
