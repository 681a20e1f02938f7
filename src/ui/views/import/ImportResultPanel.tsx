import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ImportResult } from '../../../app/publish';
import { useStrings } from '../../strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  unread: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXL, maxHeight: '12em', overflowY: 'auto' },
});

/** What a published report gave: title, format, year and body (editable), what could not be read, what was read from other wording, 插入为统计表. */
export function ImportResultPanel(props: {
  result: ImportResult;
  yearText: string;
  onYearText: (text: string) => void;
  yearValid: boolean;
  organization: string;
  onOrganization: (text: string) => void;
  busy: boolean;
  onInsert: () => void;
}): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const { result, yearValid } = props;
  // read, only written otherwise than the official wording (a mapped label, 元 as 万元): said, not missing
  const notes = result.issues.filter((i) => i.note);
  const unread = result.issues.filter((i) => !i.note);
  return (
    <div className={styles.root} data-testid="import-result" aria-labelledby="import-result-title">
      <Text weight="semibold" id="import-result-title">
        {t.importer.resultTitle}
      </Text>
      <dl className={styles.facts}>
        {result.title && (
          <>
            <dt className={styles.term}>{t.importer.titleFound}</dt>
            <dd className={styles.value} data-testid="import-title">
              {result.title}
            </dd>
          </>
        )}
        <dt className={styles.term}>{t.importer.formatLabel}</dt>
        <dd className={styles.value} data-testid="import-format">
          {t.importer.format(result.data.format, result.formatBy)}
        </dd>
      </dl>
      <Field label={t.importer.year} validationState={yearValid ? 'none' : 'error'} validationMessage={yearValid ? undefined : t.importer.yearInvalid}>
        <Input type="number" value={props.yearText} onChange={(_e, d) => props.onYearText(d.value)} data-testid="import-year" />
      </Field>
      <Field label={t.importer.organization}>
        <Input value={props.organization} onChange={(_e, d) => props.onOrganization(d.value)} data-testid="import-organization" />
      </Field>
      {unread.length === 0 ? (
        <MessageBar intent="success" data-testid="import-all-read">
          <MessageBarBody>{t.importer.allRead}</MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="warning" layout="multiline" data-testid="import-unread">
          <MessageBarBody>
            {t.importer.unread(unread.length)}
            <ul className={styles.unread}>
              {unread.map((i, k) => (
                <li key={k} data-testid="import-unread-item">
                  {i.label}：{i.message}
                </li>
              ))}
            </ul>
            {t.importer.unreadNote}
          </MessageBarBody>
        </MessageBar>
      )}
      {notes.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="import-notes">
          <MessageBarBody>
            {t.importer.readDifferently(notes.length)}
            <ul className={styles.unread}>
              {notes.map((i, k) => (
                <li key={k} data-testid="import-note-item">
                  {i.label}：{i.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={props.onInsert} disabled={props.busy || !yearValid} data-testid="import-insert">
          {t.importer.insert}
        </Button>
        {props.busy && <Spinner size="tiny" label={t.common.working} />}
      </div>
    </div>
  );
}
