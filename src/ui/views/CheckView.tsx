import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { sheetRef } from '../../core/grid';
import type { Finding } from '../../core/rules/types';
import type { WorkbookPort } from '../../workbook/port';
import { targetCell } from '../../app/findings';
import type { FixKind } from '../../app/fix';
import { recordVerification } from '../../app/verify';
import { ErrorBar } from '../components/ErrorBar';
import type { FileBackend } from '../files';
import { useStrings } from '../strings';
import { PreviousSection } from './PreviousSection';
import { FixBar } from './check/FixBar';
import { ReportResult } from './check/ReportResult';
import { useCheck } from './check/useCheck';

export { RECHECK_DELAY_MS } from './check/useCheck';
export { SHOWN_PER_CHECK } from './check/FindingGroups';

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  status: { minHeight: '1.4em', fontSize: tokens.fontSizeBase200 },
  intro: { color: tokens.colorNeutralForeground2 },
});

/** The fixes worth offering for these findings (those not verified). */
function fixKinds(findings: Finding[]): Set<FixKind> {
  const open = findings.filter((f) => !(f.disposition && !f.disposition.stale));
  const kinds = new Set<FixKind>();
  if (open.some((f) => f.unfilled || f.id === 'CELL-BLANK')) kinds.add('zeros');
  if (open.some((f) => f.severity === 'error' && f.table !== undefined)) kinds.add('totals');
  if (open.some((f) => f.severity === 'error' && f.likely?.suggested !== undefined && !f.likely.previous)) kinds.add('likely');
  return kinds;
}

/**
 * 一键校验: runs when the view opens (in Excel too); the results first (a summary per table, findings
 * by severity, verified ones apart), the fixes, then 上年数据 collapsed below. A click or Enter on a
 * card goes to its cell and says so inside the card (cleared by the next check).
 */
export function CheckView(props: {
  port: WorkbookPort;
  /** false outside Excel: a click shows the address instead of selecting */
  canSelect?: boolean;
  /** run the check as soon as the view opens (default: yes) */
  autoRun?: boolean;
  /** reads last year's .xlsx for 载入上年数据 */
  files?: FileBackend;
}): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { port } = props;
  const canSelect = props.canSelect ?? true;
  const check = useCheck(port, { canSelect, autoRun: props.autoRun ?? true });
  const { outcome, busy, setStatus, setError } = check;
  const [activeKey, setActiveKey] = React.useState<string | null>(null);
  const [feedback, setFeedback] = React.useState<{ key: string; text: string } | null>(null);
  // a new result: the click feedback of the old one is stale
  React.useEffect(() => {
    setFeedback(null);
    setActiveKey(null);
  }, [outcome]);

  const goTo = async (finding: Finding, key: string): Promise<void> => {
    setActiveKey(key);
    const cell = targetCell(finding);
    if (!cell) return setFeedback({ key, text: t.check.noCell });
    const ref = sheetRef(cell.sheet, cell.address);
    if (!canSelect) return setFeedback({ key, text: t.check.cellIs(ref) });
    try {
      await port.select(cell.sheet, cell.address);
      setFeedback({ key, text: t.check.selected(ref) });
    } catch (e) {
      setError(e);
    }
  };

  const verify = async (finding: Finding, note: string): Promise<boolean> => {
    try {
      const recorded = await recordVerification(port, finding, note);
      await check.run('manual');
      setStatus(t.check.verifyDone(recorded.sheet));
      return true;
    } catch (e) {
      setError(e);
      return false;
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

  const focus = { activeKey, feedback, busy: busy !== null, onGo: (f: Finding, key: string) => void goTo(f, key), onVerify: verify };
  const findings = outcome ? outcome.reports.flatMap((r) => r.findings) : [];

  return (
    <div className={styles.root} data-testid="check-view">
      <Subtitle2 as="h2" className={styles.heading}>
        {t.check.title}
      </Subtitle2>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void check.run('manual')} disabled={busy !== null} data-testid="run-check">
          {outcome ? t.check.rerun : t.check.run}
        </Button>
        {canSelect && outcome && outcome.highlights.length > 0 && (
          <Button onClick={() => void clearMarks()} disabled={busy !== null}>
            {t.check.clearMarks}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={busy === 'auto' ? t.check.autoRechecking : t.check.running} />}
      </div>
      {outcome && findings.length > 0 && (
        <FixBar port={port} disabled={busy !== null} kinds={fixKinds(findings)} recheck={() => check.run('manual')} onStatus={setStatus} onError={setError} />
      )}
      <div role="status" aria-live="polite" className={styles.status} data-testid="check-status">
        {check.status}
      </div>
      {check.error !== null && <ErrorBar error={check.error} context={{ view: 'check' }} onDismiss={check.clearError} />}
      {outcome && outcome.reports.length === 0 && (
        <MessageBar intent="info" data-testid="no-tables">
          <MessageBarBody>{t.check.noTables}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.reports.map((r, i) => <ReportResult key={`${r.sheet}-${i}`} report={r} index={i} focus={focus} />)}
      {outcome && (
        <Text size={200} data-testid="checked-at">
          {t.check.checkedAt(outcome.checkedAt.toLocaleTimeString())}
          {port.onChanged && canSelect ? ` ${t.check.autoNote}` : ''}
        </Text>
      )}
      <PreviousSection
        port={port}
        files={props.files}
        recheck={() => check.run('manual')}
        disabled={busy !== null}
        hasPrevious={!!outcome?.reports.some((r) => r.previous !== undefined)}
      />
      <Text size={200} className={styles.intro}>
        {t.check.intro}
      </Text>
    </div>
  );
}
