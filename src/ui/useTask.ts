import * as React from 'react';

/** A short result line in the user's words (a MessageBar or a status line shows it). */
export interface Notice {
  intent: 'success' | 'warning' | 'info';
  text: string;
}

/**
 * The work of one button: returns the notice to show (a plain string is a success), or nothing.
 * `current()` is false once a newer run started: its results are then left unshown.
 */
export type Work = (current: () => boolean) => Promise<Notice | string | void>;

export interface Task<Label extends string> {
  /** what is running (its label, or 'busy' when run without one); null when idle */
  busy: Label | 'busy' | null;
  /** the last run's failure, for ErrorBar; null when none */
  error: unknown;
  notice: Notice | null;
  /** clears error and notice, marks busy, runs the work; a failure ends as `error` (or as a notice, see useTask) */
  run: {
    (work: Work): Promise<void>;
    (label: Label, work: Work): Promise<void>;
  };
  setNotice: (notice: Notice | string | null) => void;
  setError: (error: unknown) => void;
  clearError: () => void;
}

function asNotice(value: Notice | string | null | void): Notice | null {
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? { intent: 'success', text: value } : value;
}

/**
 * The busy / error / notice state of a view or section. `options.failure` turns some failures into
 * a notice (e.g. a file with nothing to take is a warning, not an error); it returns null for the rest.
 */
export function useTask<Label extends string = string>(options: { failure?: (error: unknown) => Notice | null } = {}): Task<Label> {
  const [busy, setBusy] = React.useState<Label | 'busy' | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const [notice, setNoticeState] = React.useState<Notice | null>(null);
  const runId = React.useRef(0);
  const failure = React.useRef(options.failure);
  failure.current = options.failure;

  const run = React.useCallback(async (first: Label | Work, second?: Work): Promise<void> => {
    const label = typeof first === 'function' ? 'busy' : first;
    const work = typeof first === 'function' ? first : second;
    if (!work) return;
    const id = ++runId.current;
    const current = (): boolean => id === runId.current;
    setBusy(label);
    setError(null);
    setNoticeState(null);
    try {
      const result = await work(current);
      if (current() && result !== undefined) setNoticeState(asNotice(result));
    } catch (e) {
      if (!current()) return;
      const asWarning = failure.current?.(e) ?? null;
      if (asWarning) setNoticeState(asWarning);
      else setError(e);
    } finally {
      if (current()) setBusy(null);
    }
  }, []) as Task<Label>['run'];

  const setNotice = React.useCallback((n: Notice | string | null) => setNoticeState(asNotice(n)), []);
  const clearError = React.useCallback(() => setError(null), []);
  return { busy, error, notice, run, setNotice, setError, clearError };
}
