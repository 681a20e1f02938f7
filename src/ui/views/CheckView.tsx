import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { sheetRef } from '../../core/grid';
import type { Finding } from '../../core/rules/types';
import type { WorkbookPort } from '../../workbook/port';
import { targetCell } from '../../app/findings';
import { ErrorBar } from '../components/ErrorBar';
import type { FileBackend } from '../files';
import { useStrings } from '../strings';
import { PreviousSection } from './PreviousSection';
import { ReportResult } from './check/ReportResult';
import { useCheck } from './check/useCheck';

export { RECHECK_DELAY_MS } from './check/useCheck';
export { SHOWN_PER_CHECK } from './check/FindingGroups';

const useStyles = makeStyles({
  heading: { margin: 0 },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  status: { minHeight: '1.4em', fontSize: tokens.fontSizeBase200 },
});

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
  const check = useCheck(port, { canSelect, autoRun: props.autoRun ?? false });
  const { outcome, busy, setStatus, setError } = check;
  const [activeKey, setActiveKey] = React.useState<string | null>(null);

  const goTo = async (finding: Finding, key: string): Promise<void> => {
    setActiveKey(key);
    const cell = targetCell(finding);
    if (!cell) return setStatus(t.check.noCell);
    const ref = sheetRef(cell.sheet, cell.address);
    if (!canSelect) return setStatus(t.check.cellIs(ref));
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

  const focus = { activeKey, onGo: (f: Finding, key: string) => void goTo(f, key) };

  return (
    <div className={styles.root} data-testid="check-view">
      <Subtitle2 as="h2" className={styles.heading}>
        {t.check.title}
      </Subtitle2>
      <Text>{t.check.intro}</Text>
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
      {outcome && port.onChanged && canSelect && <Text size={200}>{t.check.autoNote}</Text>}
      <PreviousSection port={port} files={props.files} recheck={() => check.run('manual')} disabled={busy !== null} />
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
        </Text>
      )}
    </div>
  );
}
