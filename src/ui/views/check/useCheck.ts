import * as React from 'react';
import type { CellChange, WorkbookPort } from '../../../workbook/port';
import type { CheckOutcome } from '../../../app/findings';
import { checkWorkbook } from '../../../app/check';
import { useTask } from '../../useTask';

/** Wait this long after the last edit before checking again. */
export const RECHECK_DELAY_MS = 800;

export type CheckMode = 'manual' | 'auto';

/**
 * 一键校验's state: the last outcome, the run (a newer one supersedes an older one), the status line,
 * and in Excel a re-check after edits to a checked report's sheets (debounced).
 */
export function useCheck(port: WorkbookPort, options: { canSelect: boolean; autoRun: boolean }) {
  const { canSelect, autoRun } = options;
  const [outcome, setOutcome] = React.useState<CheckOutcome | null>(null);
  const [status, setStatus] = React.useState('');
  const task = useTask<CheckMode>();
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const watched = React.useRef<Set<string> | null>(null);
  const { run: runTask } = task;

  const run = React.useCallback(
    (mode: CheckMode): Promise<void> => {
      if (mode === 'manual') setStatus('');
      return runTask(mode, async (current) => {
        const result = await checkWorkbook(port);
        if (!current()) return;
        setOutcome(result);
        watched.current = new Set(result.reports.flatMap((r) => r.sheets));
        // in Excel the cells are marked; outside Excel the file is left as it was opened
        if (canSelect) await port.highlight(result.highlights);
      });
    },
    [port, canSelect, runTask],
  );

  // re-check after edits to a checked report's sheets (Excel only), debounced
  const hasRun = outcome !== null;
  React.useEffect(() => {
    if (!hasRun || !port.onChanged) return undefined;
    const off = port.onChanged((change: CellChange) => {
      const sheets = watched.current;
      if (sheets && sheets.size > 0 && !sheets.has(change.sheet)) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void run('auto');
      }, RECHECK_DELAY_MS);
    });
    return () => {
      off();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [hasRun, port, run]);

  // the check runs when the view opens (in Excel from the ribbon's 一键校验; outside it on the workbook just opened)
  React.useEffect(() => {
    if (autoRun) void run('manual');
  }, [autoRun, run]);

  return { outcome, status, setStatus, run, busy: task.busy, error: task.error, setError: task.setError, clearError: task.clearError };
}
