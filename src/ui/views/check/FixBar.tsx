import * as React from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { sheetRef } from '../../../core/grid';
import type { Value } from '../../../core/model/report';
import type { WorkbookPort } from '../../../workbook/port';
import { applyFix, planFix, undoFix, type FixKind, type FixPlan } from '../../../app/fix';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useStrings } from '../../strings';
import { formatNumber } from './FindingCard';

const useStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: { margin: `${tokens.spacingVerticalS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXXL, maxHeight: '14em', overflowY: 'auto' },
});

const KINDS: FixKind[] = ['zeros', 'totals', 'likely'];

/**
 * 空白格填 0 / 合计按分项重算 / 采用建议值 (src/app/fix): each plan is shown as the list of cells it
 * would write, written in one batch only after 写入, then checked again; 撤销 writes back what it changed.
 */
export function FixBar(props: {
  port: WorkbookPort;
  disabled: boolean;
  /** the fixes worth offering (the others are not shown) */
  kinds: ReadonlySet<FixKind>;
  recheck: () => Promise<void>;
  onStatus: (text: string) => void;
  onError: (error: unknown) => void;
}): React.JSX.Element | null {
  const { t } = useStrings();
  const styles = useStyles();
  const { port } = props;
  const [ask, setAsk] = React.useState<FixPlan | null>(null);
  const [applied, setApplied] = React.useState<FixPlan | null>(null);
  const [working, setWorking] = React.useState(false);
  const labels: Record<FixKind, string> = { zeros: t.check.fixZeros, totals: t.check.fixTotals, likely: t.check.fixLikely };
  const shown = (v: Value): string => (v === null || v === '' ? t.check.emptyValue : typeof v === 'number' ? formatNumber(v) : String(v));

  const work = async (fn: () => Promise<void>): Promise<void> => {
    setWorking(true);
    try {
      await fn();
    } catch (e) {
      props.onError(e);
    } finally {
      setWorking(false);
    }
  };

  const preview = (kind: FixKind) =>
    work(async () => {
      const plan = await planFix(port, kind);
      if (plan.writes.length === 0) return props.onStatus(t.check.fixNone(kind));
      setAsk(plan);
    });

  const apply = () => {
    const plan = ask;
    setAsk(null);
    if (!plan) return;
    void work(async () => {
      await applyFix(port, plan);
      setApplied(plan);
      await props.recheck();
      props.onStatus(t.check.fixDone(plan.writes.length));
    });
  };

  const undo = () =>
    work(async () => {
      const plan = applied;
      if (!plan) return;
      await undoFix(port, plan);
      setApplied(null);
      await props.recheck();
      props.onStatus(t.check.undone(plan.writes.length));
    });

  const off = props.disabled || working;
  if (props.kinds.size === 0 && !applied) return null;
  return (
    <div className={styles.root} role="group" aria-label={t.check.fixesLabel} data-testid="fix-bar">
      <span className={styles.label}>{t.check.fixesLabel}</span>
      {KINDS.filter((k) => props.kinds.has(k)).map((k) => (
        <Button key={k} size="small" onClick={() => void preview(k)} disabled={off} data-testid={`fix-${k}`}>
          {labels[k]}
        </Button>
      ))}
      {applied && (
        <Button size="small" appearance="outline" onClick={() => void undo()} disabled={off} data-testid="fix-undo">
          {`${t.check.undo}“${labels[applied.kind]}”`}
        </Button>
      )}
      <ConfirmDialog
        open={ask !== null}
        id="fix-ask"
        title={ask ? t.check.fixTitle(ask.kind) : ''}
        choices={ask ? [{ label: t.check.fixApply(ask.writes.length), primary: true, onClick: apply, testId: 'fix-apply' }] : []}
        onCancel={() => setAsk(null)}
      >
        {ask && (
          <>
            <Text>{t.check.fixBody(ask.writes.length)}</Text>
            <ul className={styles.list} tabIndex={0} aria-label={t.check.fixTitle(ask.kind)} data-testid="fix-list">
              {ask.writes.map((w) => (
                <li key={`${w.sheet}!${w.address}`} data-cell={sheetRef(w.sheet, w.address)}>
                  {t.check.fixItem(sheetRef(w.sheet, w.address), w.label, shown(w.from), formatNumber(w.to))}
                </li>
              ))}
            </ul>
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
