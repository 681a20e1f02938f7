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
import { parseA1, sheetRef } from '../../core/grid';
import { TEXT_SHEET } from '../../core/messages/narrative';
import type { CreatedSheets, CreateOptions, InsertTarget } from '../../app/create';
import type { Conflict, WorkbookPort } from '../../workbook/port';
import { defaultYear } from '../../app/year';
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
  conflicts: Conflict[];
  target: InsertTarget;
  options: CreateOptions;
  /** a published report being inserted (its figures and text) */
  imported?: ImportedReport;
}

/** Loaded with import(): the code that writes the sheets is not needed before the first insert. */
const loadCreate = () => import(/* webpackChunkName: "app-create" */ '../../app/create');
const loadAuxiliary = () => import(/* webpackChunkName: "app-create" */ '../../app/auxiliary');

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

  /** After the tables: where they are, 报告正文 when added; an imported text on 报告文本 (asking before replacing one). */
  const finish = async (sheets: CreatedSheets, options: CreateOptions, imported?: ImportedReport) => {
    let message: string;
    if (imported) {
      // the published text on 报告文本, where 一键校验 checks it against these tables
      message = t.importer.inserted(sheets.tables);
      if ((await port.listSheets()).includes(TEXT_SHEET)) {
        setTextAsk({ text: imported.text, done: message, sheet: TEXT_SHEET });
      } else {
        const { writeTextSheet } = await loadAuxiliary();
        message += t.importer.textKept(await writeTextSheet(port, imported.text));
      }
    } else {
      message = t.insert.done(sheets.tables, sheets.address, options.format.id) + (sheets.profile ? t.insert.profileAdded(sheets.profile) : '');
    }
    try {
      await port.select(sheets.tables, sheets.address);
    } catch {
      // selecting is a convenience; the tables are written
    }
    setDone(message);
  };

  /** Writes the report at the target; a conflict is asked about first (nothing written until the answer). */
  const insert = async (target: InsertTarget, options: CreateOptions, imported: ImportedReport | undefined, overwrite: boolean) => {
    const { insertReport } = await loadCreate();
    const result = await insertReport(port, options, target, overwrite);
    if (result.kind === 'conflict') {
      setPending({ sheet: result.sheet, conflicts: result.conflicts, target, options, imported });
      return;
    }
    await finish(result.sheets, options, imported);
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
    void loadAuxiliary()
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
      const options: CreateOptions = data
        ? { format: getFormat(data.format) ?? formatForYear(data.year), year: data.year, organization: data.organization, manualTotals: true, data }
        : { format, year, organization: organization.trim(), manualTotals };
      let target: InsertTarget = { kind: 'new-sheet' };
      if (where === 'selection') {
        const cell = await port.activeCell();
        const pos = cell ? parseA1(cell.address.split(':')[0]) : undefined;
        if (!cell || !pos) {
          setError({ code: 'no-selection', message: 'no active cell' });
          return;
        }
        target = { kind: 'at', sheet: cell.sheet, row: pos.row, col: pos.col };
      }
      await insert(target, options, imported, false);
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
      await insert(p.target, p.options, p.imported, true);
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
