/** The reporting year people usually prepare in January: last year. */
export function defaultYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}
