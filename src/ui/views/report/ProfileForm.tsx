import * as React from 'react';
import { Button, Field, Input, Select, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ORG_TYPE_LABELS, UI, type FieldKey } from '../../../core/messages/narrative';
import { ORG_TYPES, editableFields, type ProfileField, type ProfileValues } from '../../../app/profile';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** One input of 报告正文: the kind of body as a choice, long texts as text areas, the rest as one line. */
function ProfileInput(props: { field: ProfileField; value: string; issue?: string; onChange: (value: string) => void }): React.JSX.Element {
  const { field: f, value, onChange } = props;
  const common = { label: f.label, validationState: props.issue ? ('error' as const) : undefined, validationMessage: props.issue };
  if (f.kind === 'orgType') {
    return (
      <Field {...common}>
        <Select value={value} onChange={(_, d) => onChange(d.value)}>
          {ORG_TYPES.map((t) => (
            <option key={t} value={ORG_TYPE_LABELS[t]}>
              {ORG_TYPE_LABELS[t]}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  if (f.kind === 'longtext') {
    return (
      <Field {...common}>
        <Textarea value={value} resize="vertical" rows={4} onChange={(_, d) => onChange(d.value)} />
      </Field>
    );
  }
  return (
    <Field {...common}>
      <Input value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

/**
 * 报告正文 as a form: the fields for this kind of body, each with its problem; 保存 when the workbook has
 * the sheet. Each field sits in [data-profile-field=key], where 尚未填写's links take the focus.
 */
export function ProfileForm(props: {
  /** null while there is no report to edit it for */
  values: ProfileValues | null;
  government: boolean;
  /** the problem of each field, by key */
  issues: Map<FieldKey, string>;
  onField: (key: FieldKey, value: string) => void;
  /** saving needs the sheet 报告正文; without it there is no 保存 */
  onSave?: () => void;
  busy: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const { values } = props;
  return (
    <>
      <Subtitle2 as="h3">{UI.fields}</Subtitle2>
      {values && (
        <div className={styles.fields}>
          {editableFields(props.government).map((f) => (
            <div key={f.key} data-profile-field={f.key}>
              <ProfileInput field={f} value={values[f.key]} issue={props.issues.get(f.key)} onChange={(v) => props.onField(f.key, v)} />
            </div>
          ))}
          {props.onSave && (
            <div className={styles.actions}>
              <Button appearance="primary" onClick={props.onSave} disabled={props.busy}>
                {UI.saveProfile}
              </Button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
