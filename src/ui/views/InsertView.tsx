import * as React from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { FORMATS, formatForYear, getFormat } from '../../core/formats';
import type { FormatDef } from '../../core/formats';
import { a1, parseA1, sheetRef } from '../../core/grid';
import type { SheetPlan } from '../../core/layout/plan';
import type { Conflict, WorkbookPort } from '../../workbook/port';
import { defaultYear, planTables } from '../plan';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBar } from '../components/ErrorBar';
import { useStrings } from '../strings';
import { ImportSection, type ImportedReport } from './ImportSection';

export { ImportSection } from './ImportSection';

const useStyles = makeStyles({
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  conflicts: { margin: `${tokens.spacingVerticalS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXXL, maxHeight: '10em', overflowY: 'auto' },
});

const SHOWN_CONFLICTS = 8;

interface Pending {
  sheet: string;
  plan: SheetPlan;
  conflicts: Conflict[];
  origin: { row: number; col: number };
  format: FormatDef;
  options: { year: number; organization: string };
  /** a published report being inserted (its figures and text) */
  imported?: ImportedReport;
}

/** Written with import(): the code of 报告正文 and of 报告文本 is not needed before the first insert. */
const loadProfileSheet = () => import(/* webpackChunkName: "profile-sheet" */ '../profileSheet');
const loadTextSheet = () => import(/* webpackChunkName: "text-sheet" */ '../textSheet');

/** 插入表格: year, format (follows the year), body name, totals, target; asks before overwriting anything. */
export function InsertView(props: {
  port: WorkbookPort;
  canSelectTarget?: boolean;
  /** outside Excel: a published report's figures go into a new workbook (else: a new sheet here) */
  onImport?: (imported: ImportedReport) => Promise<void>;
}): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { port } = props;
  const canSelectTarget = props.canSelectTarget ?? true;

  const [yearText, setYearText] = React.useState(String(defaultYear()));
  const [formatChoice, setFormatChoice] = React.useState<string>('auto');
  const [organization, setOrganization] = React.useState('');
  const [manualTotals, setManualTotals] = React.useState(false);
  const [target, setTarget] = React.useState<'new' | 'selection'>('new');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const [done, setDone] = React.useState<string | null>(null);
  const [pending, setPending] = React.useState<Pending | null>(null);
  // which part of the view the last result belongs to: the form, or 导入已发布报告 below it
  const [from, setFrom] = React.useState<'insert' | 'import'>('insert');
  // an imported report's text waiting while the user is asked about the existing 报告文本
  const [textAsk, setTextAsk] = React.useState<{ text: string; done: string; sheet: string } | null>(null);

  const year = Number(yearText);
  const yearValid = Number.isInteger(year) && year >= 2019 && year <= 2100;
  const autoFormat = formatForYear(yearValid ? year : defaultYear());
  const format = formatChoice === 'auto' ? autoFormat : (getFormat(formatChoice) ?? autoFormat);
  const mismatch = yearValid && format.id !== autoFormat.id;

  const write = async (
    sheet: string,
    plan: SheetPlan,
    origin: { row: number; col: number },
    fmt: FormatDef,
    overwrite: boolean,
    imported?: ImportedReport,
    options?: { year: number; organization: string },
  ) => {
    await port.applyPlan(sheet, plan, { overwrite });
    const address = a1(origin.row, origin.col);
    let message: string;
    if (imported) {
      // the published text on 报告文本, where 一键校验 checks it against these tables
      message = t.importer.inserted(sheet);
      const { TEXT_SHEET, writeTextSheet } = await loadTextSheet();
      if ((await port.listSheets()).includes(TEXT_SHEET)) {
        setTextAsk({ text: imported.text, done: message, sheet: TEXT_SHEET });
      } else {
        message += t.importer.textKept(await writeTextSheet(port, imported.text));
      }
    } else {
      // the report's other inputs on a sheet of their own, when the workbook has none yet
      const { addProfileSheet } = await loadProfileSheet();
      const profile = await addProfileSheet(port, { format: fmt, year: options?.year ?? year, organization: options?.organization ?? '' });
      message = t.insert.done(sheet, address, fmt.id) + (profile ? t.insert.profileAdded(profile) : '');
    }
    try {
      await port.select(sheet, address);
    } catch {
      // selecting is a convenience; the tables are written
    }
    setDone(message);
  };

  const answerText = (replace: boolean): void => {
    const ask = textAsk;
    setTextAsk(null);
    if (!ask) return;
    if (!replace) {
      setDone(ask.done + t.importer.textNotKept(ask.sheet));
      return;
    }
    setBusy(true);
    void loadTextSheet()
      .then(({ writeTextSheet }) => writeTextSheet(port, ask.text))
      .then((sheet) => setDone(ask.done + t.importer.textKept(sheet)))
      .catch((e: unknown) => setError(e))
      .finally(() => setBusy(false));
  };

  /** Insert the tables; with `imported`, a published report's figures on a new sheet (totals as published). */
  const run = async (where: 'new' | 'selection', imported?: ImportedReport): Promise<void> => {
    setError(null);
    setDone(null);
    setFrom(imported ? 'import' : 'insert');
    if (!imported && !yearValid) return;
    setBusy(true);
    try {
      const data = imported?.data;
      const fmt = data ? (getFormat(data.format) ?? formatForYear(data.year)) : format;
      const options = data
        ? { format: fmt, year: data.year, organization: data.organization, manualTotals: true, values: data }
        : { format: fmt, year, organization: organization.trim(), manualTotals };
      let sheet: string;
      let origin = { row: 0, col: 0 };
      if (where === 'selection') {
        const cell = await port.activeCell();
        const pos = cell ? parseA1(cell.address.split(':')[0]) : undefined;
        if (!cell || !pos) {
          setError({ code: 'no-selection', message: 'no active cell' });
          return;
        }
        sheet = cell.sheet;
        origin = pos;
      } else {
        sheet = await port.addSheet(t.insert.sheetName(options.year));
      }
      const plan = planTables(options, origin);
      const conflicts = await port.findConflicts(sheet, plan);
      if (conflicts.length > 0) {
        setPending({ sheet, plan, conflicts, origin, format: fmt, imported, options: { year: options.year, organization: options.organization } });
        return;
      }
      await write(sheet, plan, origin, fmt, false, imported, options);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (choice: 'overwrite' | 'new-sheet' | 'cancel'): Promise<void> => {
    const p = pending;
    setPending(null);
    if (!p || choice === 'cancel') return;
    if (choice === 'new-sheet') {
      if (!p.imported) setTarget('new');
      await run('new', p.imported);
      return;
    }
    setBusy(true);
    try {
      await write(p.sheet, p.plan, p.origin, p.format, true, p.imported, p.options);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: React.FormEvent): void => {
    e.preventDefault();
    void run(target);
  };

  const onImport = props.onImport ?? ((imported: ImportedReport) => run('new', imported));

  return (
    <>
    <form className={styles.form} onSubmit={onSubmit} aria-labelledby="insert-title" noValidate>
      <Subtitle2 as="h2" id="insert-title" className={styles.heading}>
        {t.insert.title}
      </Subtitle2>
      <Text>{t.insert.intro}</Text>
      <Field
        label={t.insert.year}
        hint={t.insert.yearHint}
        validationState={yearValid ? 'none' : 'error'}
        validationMessage={yearValid ? undefined : t.insert.yearInvalid}
        required
      >
        <Input
          type="number"
          min={2019}
          max={2100}
          value={yearText}
          onChange={(_e, d) => setYearText(d.value)}
          data-testid="insert-year"
        />
      </Field>
      <Field
        label={t.insert.format}
        hint={t.insert.formatHint(format.name, format.source)}
        validationState={mismatch ? 'warning' : 'none'}
        validationMessage={mismatch ? t.insert.formatMismatch(year, format.id) : undefined}
      >
        <Select value={formatChoice} onChange={(_e, d) => setFormatChoice(d.value)} data-testid="insert-format">
          <option value="auto">{t.insert.formatAuto(autoFormat.id)}</option>
          {FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {t.insert.formatOption(f.id)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.insert.organization}>
        <Input
          value={organization}
          placeholder={t.insert.organizationPlaceholder}
          onChange={(_e, d) => setOrganization(d.value)}
          data-testid="insert-organization"
        />
      </Field>
      <Field label={t.insert.totals}>
        <RadioGroup value={manualTotals ? 'manual' : 'formula'} onChange={(_e, d) => setManualTotals(d.value === 'manual')}>
          <Radio value="formula" label={t.insert.totalsFormula} />
          <Radio value="manual" label={t.insert.totalsManual} />
        </RadioGroup>
      </Field>
      <Field label={t.insert.target}>
        <RadioGroup value={target} onChange={(_e, d) => setTarget(d.value === 'selection' ? 'selection' : 'new')}>
          <Radio value="new" label={t.insert.targetNewSheet} />
          {canSelectTarget && <Radio value="selection" label={t.insert.targetSelection} />}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy || !yearValid}>
          {t.insert.submit}
        </Button>
        {busy && <Spinner size="tiny" label={t.common.working} />}
      </div>
      {done && from === 'insert' && (
        <MessageBar intent="success" data-testid="insert-done">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null && from === 'insert' && (
        isNoSelection(error) ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t.insert.noSelection}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorBar error={error} context={{ view: 'insert', year, format: format.id, target }} onDismiss={() => setError(null)} />
        )
      )}
      <ConfirmDialog
        open={pending !== null}
        id="insert-conflicts"
        title={t.insert.confirmTitle}
        choices={[
          { label: t.insert.useNewSheet, primary: true, onClick: () => void confirm('new-sheet') },
          { label: t.insert.overwrite, onClick: () => void confirm('overwrite') },
        ]}
        onCancel={() => void confirm('cancel')}
      >
        {pending && (
          <>
            <Text>{t.insert.confirmBody(pending.conflicts.length, pending.sheet)}</Text>
            <ul className={styles.conflicts}>
              {pending.conflicts.slice(0, SHOWN_CONFLICTS).map((c) => (
                <li key={`${c.sheet}!${c.address}`}>
                  {sheetRef(c.sheet, c.address)}：{String(c.value)}
                </li>
              ))}
              {pending.conflicts.length > SHOWN_CONFLICTS && <li>{t.insert.confirmMore(pending.conflicts.length - SHOWN_CONFLICTS)}</li>}
            </ul>
          </>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={textAsk !== null}
        id="import-text-replace"
        title={t.textSheet.replaceTitle(textAsk?.sheet ?? '')}
        choices={[
          { label: t.textSheet.replace, primary: true, onClick: () => answerText(true), testId: 'text-replace' },
          { label: t.textSheet.keep, onClick: () => answerText(false), testId: 'text-keep' },
        ]}
        onCancel={() => answerText(false)}
      >
        {t.textSheet.replaceBody(textAsk?.sheet ?? '')}
      </ConfirmDialog>
    </form>
    <ImportSection
      onInsert={onImport}
      busy={busy}
      done={from === 'import' ? done : null}
      error={from === 'import' ? error : null}
      onDismissError={() => setError(null)}
    />
    </>
  );
}

function isNoSelection(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { code?: unknown }).code === 'no-selection';
}
