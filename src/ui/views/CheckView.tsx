import * as React from 'react';
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { sheetRef } from '../../core/grid';
import type { Finding } from '../../core/rules/types';
import type { CellChange, WorkbookPort } from '../../workbook/port';
import type { CheckOutcome, ReportCheck } from '../../app/findings';
import { checkTitle, targetCell } from '../../app/findings';
import { checkWorkbook } from '../../app/check';
import { ErrorBar } from '../components/ErrorBar';
import type { FileBackend } from '../files';
import { PreviousSection } from './PreviousSection';
import { useStrings } from '../strings';

/** Wait this long after the last edit before checking again. */
export const RECHECK_DELAY_MS = 800;

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  report: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  reportHeading: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyle: 'none' },
  checkGroup: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  checkHeading: { margin: `${tokens.spacingVerticalXS} 0 0 0`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  more: { alignSelf: 'flex-start' },
  groupHeading: { margin: `${tokens.spacingVerticalS} 0 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  finding: {
    display: 'block',
    padding: tokens.spacingVerticalS + ' ' + tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorder2}` },
  active: { backgroundColor: tokens.colorNeutralBackground1Selected },
  title: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  line: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, marginTop: '2px' },
  message: { display: 'block', marginTop: '2px' },
  sentence: {
    display: 'block',
    marginTop: tokens.spacingVerticalXS,
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  status: { minHeight: '1.4em', fontSize: tokens.fontSizeBase200 },
  table: { tableLayout: 'auto' },
});

/** Findings shown per check before "显示其余…" (a new blank table has one finding per cell). */
export const SHOWN_PER_CHECK = 5;

/** Findings of one severity grouped by check, in the order the checks first appear. */
function byCheck(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.id);
    if (list) list.push(f);
    else groups.set(f.id, [f]);
  }
  return [...groups.entries()];
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** 一键校验: one button; a summary per table; findings by severity; click or Enter goes to the cell. */
export function CheckView(props: {
  port: WorkbookPort;
  /** false outside Excel: a click shows the address instead of selecting */
  canSelect?: boolean;
  /** run the check as soon as the view opens */
  autoRun?: boolean;
  /** reads last year's .xlsx for 载入上年数据 */
  files?: FileBackend;
}): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { port } = props;
  const canSelect = props.canSelect ?? true;

  const [outcome, setOutcome] = React.useState<CheckOutcome | null>(null);
  const [busy, setBusy] = React.useState<'manual' | 'auto' | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const [status, setStatus] = React.useState('');
  const [activeKey, setActiveKey] = React.useState<string | null>(null);
  const [expanded, setExpanded] = React.useState<Set<string>>(() => new Set());
  const toggle = (key: string): void =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const runId = React.useRef(0);
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const watched = React.useRef<Set<string> | null>(null);

  const run = React.useCallback(
    async (mode: 'manual' | 'auto') => {
      const id = ++runId.current;
      setBusy(mode);
      setError(null);
      if (mode === 'manual') setStatus('');
      try {
        const result = await checkWorkbook(port);
        if (id !== runId.current) return;
        setOutcome(result);
        watched.current = new Set(result.reports.flatMap((r) => r.sheets));
        // in Excel the cells are marked; outside Excel the file is left as it was opened
        if (canSelect) await port.highlight(result.highlights);
      } catch (e) {
        if (id === runId.current) setError(e);
      } finally {
        if (id === runId.current) setBusy(null);
      }
    },
    [port, canSelect],
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

  // outside Excel the check runs when the view opens (on the workbook just opened)
  const autoRun = props.autoRun ?? false;
  React.useEffect(() => {
    if (autoRun) void run('manual');
  }, [autoRun, run]);

  const goTo = async (finding: Finding, key: string): Promise<void> => {
    setActiveKey(key);
    const cell = targetCell(finding);
    if (!cell) {
      setStatus(t.check.noCell);
      return;
    }
    const ref = sheetRef(cell.sheet, cell.address);
    if (!canSelect) {
      setStatus(t.check.cellIs(ref));
      return;
    }
    try {
      await port.select(cell.sheet, cell.address);
      setStatus(t.check.selected(ref));
    } catch (e) {
      setError(e);
    }
  };

  const clearMarks = async (): Promise<void> => {
    try {
      await port.clearHighlights();
      setStatus(t.check.marksCleared);
    } catch (e) {
      setError(e);
    }
  };

  const renderFinding = (f: Finding, key: string, formatId: string): React.JSX.Element => {
    const title = checkTitle(formatId, f.id);
    const cell = targetCell(f);
    const ref = cell ? sheetRef(cell.sheet, cell.address) : undefined;
    const named = [f.suspect, ...f.cells].find((c) => c?.sheet === cell?.sheet && c?.address === cell?.address);
    const onKeyDown = (e: React.KeyboardEvent): void => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        void goTo(f, key);
      }
    };
    return (
      <li key={key}>
        <div
          role="button"
          tabIndex={0}
          data-testid="finding"
          data-check={f.id}
          data-severity={f.severity}
          data-cell={ref}
          aria-label={`${title}${ref ? `，${t.check.goToCell(ref)}` : ''}`}
          className={mergeClasses(styles.finding, f.severity === 'error' ? styles.error : styles.warning, activeKey === key && styles.active)}
          onClick={() => void goTo(f, key)}
          onKeyDown={onKeyDown}
        >
          <span className={styles.title}>
            {ref ? `${ref}${named?.label ? `\u3000${named.label}` : ''}` : title}
          </span>
          <span className={styles.message}>{f.message}</span>
          {f.sentence && (
            <span className={styles.sentence} data-testid="finding-sentence">
              {t.check.sentence(f.sentence)}
            </span>
          )}
          {f.difference !== undefined && f.difference !== 0 && (
            <span className={styles.line}>
              {f.expected !== undefined && f.actual !== undefined
                ? `${t.check.expected} ${formatNumber(f.expected)}，${t.check.actual} ${formatNumber(f.actual)}，`
                : ''}
              {t.check.difference} {formatNumber(Math.abs(f.difference))}
            </span>
          )}
          {f.suggestion && (
            <span className={styles.line}>
              {t.check.suggestion}：{f.suggestion}
            </span>
          )}
          <span className={styles.line}>
            {t.check.basis}：{f.basis}
          </span>
        </div>
      </li>
    );
  };

  const renderSeverity = (
    list: Finding[],
    severity: 'error' | 'warning',
    headingId: string,
    formatId: string,
    ri: number,
  ): React.JSX.Element | null => {
    if (list.length === 0) return null;
    const id = `${headingId}-${severity}s`;
    return (
      <>
        <h4 className={styles.groupHeading} id={id}>
          {severity === 'error' ? t.check.errors(list.length) : t.check.warnings(list.length)}
        </h4>
        <div className={styles.checkGroup} data-testid={`group-${severity}`}>
          {byCheck(list).map(([checkId, items]) => {
            const groupKey = `${ri}-${severity}-${checkId}`;
            const open = expanded.has(groupKey);
            const shown = open ? items : items.slice(0, SHOWN_PER_CHECK);
            const groupId = `${groupKey}-title`;
            return (
              <div key={checkId} className={styles.checkGroup} data-testid="check-group" data-check={checkId}>
                <h5 className={styles.checkHeading} id={groupId}>
                  {t.check.groupCount(checkTitle(formatId, checkId), items.length)}
                </h5>
                <ul className={styles.group} aria-labelledby={groupId}>
                  {shown.map((f, i) => renderFinding(f, `${groupKey}-${i}`, formatId))}
                </ul>
                {items.length > SHOWN_PER_CHECK && (
                  <Button
                    size="small"
                    appearance="subtle"
                    className={styles.more}
                    aria-expanded={open}
                    onClick={() => toggle(groupKey)}
                  >
                    {open ? t.check.showFewer : t.check.showAll(items.length - SHOWN_PER_CHECK)}
                  </Button>
                )}
              </div>
            );
          })}
        </div>
      </>
    );
  };

  const renderReport = (r: ReportCheck, ri: number): React.JSX.Element => {
    const errors = r.findings.filter((f) => f.severity === 'error');
    const warnings = r.findings.filter((f) => f.severity === 'warning');
    const headingId = `report-${ri}`;
    return (
      <section key={`${r.sheet}-${ri}`} className={styles.report} aria-labelledby={headingId} data-testid="report-result">
        <h3 id={headingId} className={styles.reportHeading}>
          {t.check.reportHeading(r.sheet, r.year, r.formatId, r.organization)}
        </h3>
        <Table size="small" aria-label={t.check.summaryCaption} className={styles.table} data-testid="summary">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.check.colTable}</TableHeaderCell>
              <TableHeaderCell>{t.check.colStatus}</TableHeaderCell>
              <TableHeaderCell>{t.check.colErrors}</TableHeaderCell>
              <TableHeaderCell>{t.check.colWarnings}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.summary.map((s) => {
              return (
                <TableRow key={s.table} data-table={s.table}>
                  <TableCell>{s.table === 'other' ? t.check.otherTable : t.check.tableNames[s.table]}</TableCell>
                  <TableCell>
                    <Badge
                      appearance="tint"
                      color={s.errors > 0 ? 'danger' : s.warnings > 0 ? 'warning' : 'success'}
                      data-testid="summary-status"
                    >
                      {s.errors > 0 ? t.check.notPassed : s.warnings > 0 ? t.check.passedWithWarnings : t.check.passed}
                    </Badge>
                  </TableCell>
                  <TableCell>{s.errors}</TableCell>
                  <TableCell>{s.warnings}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {r.previousYear !== undefined && (
          <Text size={200} data-testid="previous-used">
            {r.previousSource === 'kept'
              ? t.check.previousKept(r.previousYear)
              : r.previousSource === 'file'
                ? t.check.previousFile(r.previousYear)
                : t.check.previousUsed(r.previousYear)}
          </Text>
        )}
        {r.text && (
          <Text size={200} data-testid="text-checked">
            {t.check.textChecked(r.text)}
          </Text>
        )}
        {r.findings.length === 0 && (
          <MessageBar intent="success">
            <MessageBarBody>{t.check.allPassed}</MessageBarBody>
          </MessageBar>
        )}
        {renderSeverity(errors, 'error', headingId, r.formatId, ri)}
        {renderSeverity(warnings, 'warning', headingId, r.formatId, ri)}
      </section>
    );
  };

  return (
    <div className={styles.root} data-testid="check-view">
      <Subtitle2 as="h2" className={styles.heading}>
        {t.check.title}
      </Subtitle2>
      <Text>{t.check.intro}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void run('manual')} disabled={busy !== null} data-testid="run-check">
          {outcome ? t.check.rerun : t.check.run}
        </Button>
        {canSelect && outcome && outcome.highlights.length > 0 && (
          <Button onClick={() => void clearMarks()} disabled={busy !== null}>
            {t.check.clearMarks}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={busy === 'auto' ? t.check.autoRechecking : t.check.running} />}
      </div>
      {outcome && port.onChanged && canSelect && <Text size={200}>{t.check.autoNote}</Text>}
      <PreviousSection port={port} files={props.files} recheck={() => run('manual')} disabled={busy !== null} />
      <div role="status" aria-live="polite" className={styles.status} data-testid="check-status">
        {status}
      </div>
      {error !== null && <ErrorBar error={error} context={{ view: 'check' }} onDismiss={() => setError(null)} />}
      {outcome && outcome.reports.length === 0 && (
        <MessageBar intent="info" data-testid="no-tables">
          <MessageBarBody>{t.check.noTables}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.reports.map(renderReport)}
      {outcome && (
        <Text size={200} data-testid="checked-at">
          {t.check.checkedAt(outcome.checkedAt.toLocaleTimeString())}
        </Text>
      )}
    </div>
  );
}
