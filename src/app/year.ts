import { formatForYear, getFormat, type FormatDef } from '../core/formats';

/** The reporting year people usually prepare in January: last year. */
export function defaultYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

/** A reporting year typed by the user: a whole number from 2019 (the first official format) to 2100; else null. */
export function reportYear(text: string): number | null {
  const year = Number(text);
  return text.trim() !== '' && Number.isInteger(year) && year >= 2019 && year <= 2100 ? year : null;
}

/**
 * The format a report is made in: the one chosen (a format id), or with 'auto' the year's own
 * (the default year's while the year is not valid). `mismatch` when the chosen one is not the year's.
 */
export function chooseFormat(year: number | null, choice: string): { format: FormatDef; auto: FormatDef; mismatch: boolean } {
  const auto = formatForYear(year ?? defaultYear());
  const format = choice === 'auto' ? auto : (getFormat(choice) ?? auto);
  return { format, auto, mismatch: year !== null && format.id !== auto.id };
}
