import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
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
import type { ReportData } from '../../core/model/report';
import type { Conflict, WorkbookPort } from '../../workbook/port';
import { defaultYear, planTables } from '../plan';
import { ErrorBar } from '../components/ErrorBar';
import { useStrings } from '../strings';
import { ImportSection } from './ImportSection';

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
  /** the figures of a published report being inserted */
  imported?: ReportData;
}

/** 插入表格: year, format (follows the year), body name, totals, target; asks before overwriting anything. */
export function InsertView(props: {
  port: WorkbookPort;
  canSelectTarget?: boolean;
  /** outside Excel: a published report's figures go into a new workbook (else: a new sheet here) */
  onImport?: (data: ReportData) => Promise<void>;
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
    imported?: ReportData,
  ) => {
    await port.applyPlan(sheet, plan, { overwrite });
    const address = a1(origin.row, origin.col);
    try {
      await port.select(sheet, address);
    } catch {
      // selecting is a convenience; the tables are written
    }
    setDone(imported ? t.importer.inserted(sheet) : t.insert.done(sheet, address, fmt.id));
  };

  /** Insert the tables; with `imported`, a published report's figures on a new sheet (totals as published). */
  const run = async (where: 'new' | 'selection', imported?: ReportData): Promise<void> => {
    setError(null);
    setDone(null);
    setFrom(imported ? 'import' : 'insert');
    if (!imported && !yearValid) return;
    setBusy(true);
    try {
      const fmt = imported ? (getFormat(imported.format) ?? formatForYear(imported.year)) : format;
      const options = imported
        ? { format: fmt, year: imported.year, organization: imported.organization, manualTotals: true, values: imported }
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
        setPending({ sheet, plan, conflicts, origin, format: fmt, imported });
        return;
      }
      await write(sheet, plan, origin, fmt, false, imported);
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
      await write(p.sheet, p.plan, p.origin, p.format, true, p.imported);
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

  const onImport = props.onImport ?? ((data: ReportData) => run('new', data));

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
      <Dialog open={pending !== null} onOpenChange={(_e, d) => (!d.open ? void confirm('cancel') : undefined)}>
        <DialogSurface aria-describedby="insert-conflicts">
          <DialogBody>
            <DialogTitle>{t.insert.confirmTitle}</DialogTitle>
            <DialogContent id="insert-conflicts">
              {pending && (
                <>
                  <Text>{t.insert.confirmBody(pending.conflicts.length, pending.sheet)}</Text>
                  <ul className={styles.conflicts}>
                    {pending.conflicts.slice(0, SHOWN_CONFLICTS).map((c) => (
                      <li key={`${c.sheet}!${c.address}`}>
                        {sheetRef(c.sheet, c.address)}：{String(c.value)}
                      </li>
                    ))}
                    {pending.conflicts.length > SHOWN_CONFLICTS && (
                      <li>{t.insert.confirmMore(pending.conflicts.length - SHOWN_CONFLICTS)}</li>
                    )}
                  </ul>
                </>
              )}
            </DialogContent>
            <DialogActions fluid>
              <Button appearance="primary" onClick={() => void confirm('new-sheet')}>
                {t.insert.useNewSheet}
              </Button>
              <Button onClick={() => void confirm('overwrite')}>{t.insert.overwrite}</Button>
              <Button onClick={() => void confirm('cancel')}>{t.common.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
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
