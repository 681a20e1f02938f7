import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReportData } from '../../core/model/report';
import type { WorkbookPort } from '../../workbook/port';
import { ErrorBar } from '../components/ErrorBar';
import type { FileBackend } from '../files';
import type { CarryPlan, CarryWrite, OpenXlsx } from '../../app/previous';
import { carryRef, keptPreviousYear, loadPrevious, planCarryOver, storePrevious, writeCarry } from '../../app/previous';
import { AppError } from '../../app/errors';
import { errorText } from '../../core/messages/errors';
import { WorkbookError } from '../../workbook/port';
import { readBytes } from '../files';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useFilePicker } from '../components/FilePicker';
import { useStrings } from '../strings';
import { useTask } from '../useTask';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, display: 'inline' },
  summary: { cursor: 'pointer', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: { margin: `${tokens.spacingVerticalS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXXL, maxHeight: '10em', overflowY: 'auto' },
  button: { maxWidth: '100%', height: 'auto', textAlign: 'left' },
});

type Ask =
  | { kind: 'replace'; data: ReportData; unread: number; oldYear: number | null }
  | { kind: 'overwrite'; plan: CarryPlan };


/**
 * 上年数据 in 一键校验, a collapsed section below the results: load last year's figures into the sheet
 * 上年数据; prefill 二、上年结转 from them (disabled until last year's figures are there).
 */
export function PreviousSection(props: {
  port: WorkbookPort;
  files?: FileBackend;
  /** check again after the workbook changed */
  recheck: () => Promise<void>;
  disabled?: boolean;
  /** last year's figures are known (the check used them): 预填 is possible */
  hasPrevious?: boolean;
}): React.JSX.Element {
  const { t, locale } = useStrings();
  const styles = useStyles();
  const { port } = props;
  const [ask, setAsk] = React.useState<Ask | null>(null);
  const [expanded, setExpanded] = React.useState(false);
  // a file that holds no figures to take is a warning in the user's words (the same sentence as the CLI's)
  const task = useTask({
    failure: (e) => (e instanceof AppError || (e instanceof WorkbookError && e.code !== 'host') ? { intent: 'warning', text: errorText(e, locale) } : null),
  });
  const { run, setNotice, busy, notice, error } = task;

  const store = async (data: ReportData, unread: number): Promise<void> => {
    const sheet = await storePrevious(port, data);
    await props.recheck();
    setNotice({ intent: unread > 0 ? 'warning' : 'success', text: `${t.previous.loaded(data.year, sheet)}${unread > 0 ? t.previous.unread(unread) : ''}` });
  };

  const load = (file: File) =>
    run(async () => {
      const files = props.files;
      const open: OpenXlsx = async (bytes, name) => {
        if (!files) throw new AppError('unsupported-file', { file: name, accepted: '.json、.txt、.html' });
        return files.open(bytes instanceof Uint8Array ? (bytes.slice().buffer as ArrayBuffer) : bytes, name);
      };
      const { data, unread } = await loadPrevious({ name: file.name, bytes: await readBytes(file) }, open);
      const oldYear = await keptPreviousYear(port);
      if (oldYear !== undefined) {
        setAsk({ kind: 'replace', data, unread, oldYear });
        return;
      }
      await store(data, unread);
    });

  const picker = useFilePicker({ accept: '.xlsx,.xlsm,.json,.txt,.html,.htm', testId: 'previous-file', onPick: (file) => void load(file) });

  const write = async (writes: CarryWrite[], formulas: number): Promise<void> => {
    await writeCarry(port, writes);
    await props.recheck();
    setNotice({ intent: 'success', text: `${t.previous.prefilled(writes.length)}${formulas > 0 ? t.previous.formulaSkipped(formulas) : ''}` });
  };

  const prefill = () =>
    run(async () => {
      const r = await planCarryOver(port);
      if (r.kind === 'no-report') return setNotice({ intent: 'warning', text: t.previous.prefillNone });
      if (r.kind === 'no-previous') return setNotice({ intent: 'warning', text: t.previous.prefillNoPrevious });
      const { plan } = r;
      if (plan.safe.length + plan.differing.length === 0) {
        return setNotice({ intent: 'info', text: `${t.previous.prefillSame}${plan.formulas > 0 ? t.previous.formulaSkipped(plan.formulas) : ''}` });
      }
      if (plan.differing.length > 0) return setAsk({ kind: 'overwrite', plan });
      await write(plan.safe, plan.formulas);
    });

  const answer = (choice: 'yes' | 'only-empty' | 'cancel') => {
    const a = ask;
    setAsk(null);
    if (!a || choice === 'cancel') return;
    void run(async () => {
      if (a.kind === 'replace') await store(a.data, a.unread);
      else if (choice === 'yes') await write([...a.plan.safe, ...a.plan.differing], a.plan.formulas);
      else if (a.plan.safe.length > 0) await write(a.plan.safe, a.plan.formulas);
    });
  };

  const off = busy !== null || !!props.disabled;
  // a result or a question of this section opens it
  const open = expanded || notice !== null || error !== null || ask !== null;
  return (
    <section className={styles.root} aria-labelledby="previous-title" data-testid="previous-section">
      <details open={open} onToggle={(e) => setExpanded((e.currentTarget as HTMLDetailsElement).open)} data-testid="previous-details">
      <summary className={styles.summary}>
        <h3 id="previous-title" className={styles.heading}>
          {t.previous.title}
        </h3>
      </summary>
      <div className={styles.body}>
      <Text size={200}>{t.previous.intro}</Text>
      <div className={styles.actions}>
        <Button onClick={picker.open} disabled={off} data-testid="previous-load">
          {t.previous.load}
        </Button>
        <Button className={styles.button} onClick={() => void prefill()} disabled={off || !props.hasPrevious} data-testid="previous-prefill">
          {t.previous.prefill}
        </Button>
        {busy && <Spinner size="tiny" label={t.common.working} />}
      </div>
      <Text size={200}>{props.hasPrevious ? t.previous.prefillHint : t.previous.prefillNeedsPrevious}</Text>
      {picker.input}
      {notice && (
        <MessageBar intent={notice.intent} data-testid="previous-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null && <ErrorBar error={error} context={{ view: 'check', part: 'previous' }} onDismiss={task.clearError} />}
      <ConfirmDialog
        open={ask !== null}
        id="previous-ask"
        title={ask?.kind === 'replace' ? t.previous.replaceTitle : t.previous.overwriteTitle}
        choices={
          ask?.kind === 'replace'
            ? [{ label: t.previous.replace, primary: true, onClick: () => answer('yes') }]
            : [
                { label: t.previous.overwriteAll, primary: true, onClick: () => answer('yes') },
                ...(ask?.kind === 'overwrite' && ask.plan.safe.length > 0 ? [{ label: t.previous.onlyEmpty, onClick: () => answer('only-empty') }] : []),
              ]
        }
        onCancel={() => answer('cancel')}
      >
        {ask?.kind === 'replace' && <Text>{t.previous.replaceBody(ask.oldYear, ask.data.year)}</Text>}
        {ask?.kind === 'overwrite' && (
          <>
            <Text>{t.previous.overwriteBody(ask.plan.differing.length)}</Text>
            <ul className={styles.list} tabIndex={0} aria-label={t.previous.overwriteTitle}>
              {ask.plan.differing.map((w) => (
                <li key={carryRef(w)}>{t.previous.overwriteItem(carryRef(w), w.label, w.from === null || w.from === '' ? t.previous.emptyValue : String(w.from), w.to)}</li>
              ))}
            </ul>
          </>
        )}
      </ConfirmDialog>
      </div>
      </details>
    </section>
  );
}
