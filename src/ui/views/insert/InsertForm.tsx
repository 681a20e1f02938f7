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
import { FORMATS } from '../../../core/formats';
import { chooseFormat, reportYear } from '../../../app/year';
import { ErrorBar } from '../../components/ErrorBar';
import { useStrings } from '../../strings';

const useStyles = makeStyles({
  heading: { margin: 0 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** What the 插入表格 form holds, as typed. */
export interface InsertFields {
  yearText: string;
  /** 'auto' (the year's format) or a format id */
  formatChoice: string;
  organization: string;
  manualTotals: boolean;
  target: 'new' | 'selection';
}

/** The form's year and format as chosen (the year is null while not valid). */
export function insertChoice(fields: InsertFields): { year: number | null } & ReturnType<typeof chooseFormat> {
  const year = reportYear(fields.yearText);
  return { year, ...chooseFormat(year, fields.formatChoice) };
}

function isNoSelection(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { code?: unknown }).code === 'no-selection';
}

/** The 插入表格 form: year, format (follows the year), body name, totals, target; the result below it. */
export function InsertForm(props: {
  fields: InsertFields;
  onChange: (patch: Partial<InsertFields>) => void;
  onSubmit: () => void;
  canSelectTarget: boolean;
  busy: boolean;
  done: string | null;
  error: unknown;
  onDismissError: () => void;
  /** the questions asked about this form's insert */
  children?: React.ReactNode;
}): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { fields, onChange, error } = props;
  const { year, format, auto, mismatch } = insertChoice(fields);
  const yearValid = year !== null;

  const onSubmit = (e: React.FormEvent): void => {
    e.preventDefault();
    props.onSubmit();
  };

  return (
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
        <Input type="number" min={2019} max={2100} value={fields.yearText} onChange={(_e, d) => onChange({ yearText: d.value })} data-testid="insert-year" />
      </Field>
      <Field
        label={t.insert.format}
        hint={t.insert.formatHint(format.name, format.source)}
        validationState={mismatch ? 'warning' : 'none'}
        validationMessage={mismatch && year !== null ? t.insert.formatMismatch(year, format.id) : undefined}
      >
        <Select value={fields.formatChoice} onChange={(_e, d) => onChange({ formatChoice: d.value })} data-testid="insert-format">
          <option value="auto">{t.insert.formatAuto(auto.id)}</option>
          {FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {t.insert.formatOption(f.id)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.insert.organization}>
        <Input
          value={fields.organization}
          placeholder={t.insert.organizationPlaceholder}
          onChange={(_e, d) => onChange({ organization: d.value })}
          data-testid="insert-organization"
        />
      </Field>
      <Field label={t.insert.totals}>
        <RadioGroup value={fields.manualTotals ? 'manual' : 'formula'} onChange={(_e, d) => onChange({ manualTotals: d.value === 'manual' })}>
          <Radio value="formula" label={t.insert.totalsFormula} />
          <Radio value="manual" label={t.insert.totalsManual} />
        </RadioGroup>
      </Field>
      <Field label={t.insert.target}>
        <RadioGroup value={fields.target} onChange={(_e, d) => onChange({ target: d.value === 'selection' ? 'selection' : 'new' })}>
          <Radio value="new" label={t.insert.targetNewSheet} />
          {props.canSelectTarget && <Radio value="selection" label={t.insert.targetSelection} />}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={props.busy || !yearValid}>
          {t.insert.submit}
        </Button>
        {props.busy && <Spinner size="tiny" label={t.common.working} />}
      </div>
      {props.done && (
        <MessageBar intent="success" data-testid="insert-done">
          <MessageBarBody>{props.done}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null &&
        (isNoSelection(error) ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t.insert.noSelection}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorBar error={error} context={{ view: 'insert', year, format: format.id, target: fields.target }} onDismiss={props.onDismissError} />
        ))}
      {props.children}
    </form>
  );
}
