import type { TableId } from '../formats/types';
import { TABLE_IDS } from '../formats/types';
import type { Finding, TableSummary } from './types';

/**
 * Per table: how many errors and warnings speak of it, and whether it passed (no error).
 * Findings that belong to no table (FORMAT-YEAR) are not counted in any table.
 */
export function summarize<T extends TableId = TableId>(
  findings: readonly Finding[],
  tables: readonly T[] = TABLE_IDS as readonly T[],
): Record<T, TableSummary> {
  const out = {} as Record<T, TableSummary>;
  for (const t of tables) out[t] = { errors: 0, warnings: 0, passed: true };
  for (const f of findings) {
    const t = (f.table ?? f.cells.find((c) => c.table)?.table) as T | undefined;
    if (t === undefined || !(t in out)) continue;
    if (f.unfilled) {
      out[t].unfilled = true;
      continue; // a neutral state, not a warning
    }
    if (f.severity === 'error') out[t].errors++;
    else out[t].warnings++;
  }
  for (const t of tables) out[t].passed = out[t].errors === 0;
  return out;
}
