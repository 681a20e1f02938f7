import * as React from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ImportResult } from '../../core/import';
import type { ReportData } from '../../core/model/report';
import { ErrorBar } from '../components/ErrorBar';
import { useFilePicker } from '../components/FilePicker';
import { decodeText, isTextReport, readBytes } from '../files';
import { useStrings } from '../strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: '2px', margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  unread: { margin: `${tokens.spacingVerticalXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXL, maxHeight: '12em', overflowY: 'auto' },
  text: { width: '100%' },
});

/**
 * What 插入为统计表 receives: the figures read, with the year and body as the user confirmed them,
 * and the published text (kept on 报告文本, where 一键校验 checks it against the tables).
 */
export interface ImportedReport {
  data: ReportData;
  text: string;
}

/** The reader of published reports, loaded when the user first reads one (not with the pane). */
const loadReader = () => import(/* webpackChunkName: "importer" */ '../../core/import');

/**
 * 导入已发布报告: paste the text (or open .txt/.html) → what was read, and what could not be
 * (by label, never guessed) → 插入为统计表 (the caller decides where: a new sheet in Excel, a new
 * workbook outside it).
 */
export function ImportSection(props: {
  onInsert: (data: ImportedReport) => Promise<void>;
  /** the caller is writing */
  busy?: boolean;
  /** the caller's result of 插入为统计表, shown here */
  done?: string | null;
  error?: unknown;
  onDismissError?: () => void;
}): React.JSX.Element {
  const { t } = useStrings();
  const styles = useStyles();
  const [text, setText] = React.useState('');
  const [result, setResult] = React.useState<ImportResult | null>(null);
  const [yearText, setYearText] = React.useState('');
  const [organization, setOrganization] = React.useState('');
  const [notice, setNotice] = React.useState<string | null>(null);
  const [error, setError] = React.useState<unknown>(null);
  const [working, setWorking] = React.useState(false);

  const year = Number(yearText);
  const yearValid = Number.isInteger(year) && year >= 2019 && year <= 2100;

  const show = async (input: string, kind?: 'text' | 'html'): Promise<void> => {
    setNotice(null);
    setError(null);
    if (input.trim() === '') {
      setResult(null);
      setNotice(t.importer.empty);
      return;
    }
    try {
      const { importPublishedReport, looksLikeHtml } = await loadReader();
      const r = importPublishedReport(input, { kind: kind ?? (looksLikeHtml(input) ? 'html' : 'text') });
      setResult(r);
      setYearText(r.data.year > 0 ? String(r.data.year) : '');
      setOrganization(r.data.organization);
    } catch (e) {
      setResult(null);
      setError(e);
    }
  };

  const openFile = async (file: File): Promise<void> => {
    if (!isTextReport(file.name)) {
      setResult(null);
      setNotice(t.importer.notText(file.name));
      return;
    }
    try {
      const content = decodeText(await readBytes(file));
      setText(content);
      await show(content, /\.html?$/i.test(file.name) ? 'html' : 'text');
    } catch (e) {
      setError(e);
    }
  };

  const insert = async (): Promise<void> => {
    if (!result || !yearValid) return;
    setWorking(true);
    setError(null);
    try {
      await props.onInsert({ data: { ...result.data, year, organization: organization.trim() }, text: result.text });
    } catch (e) {
      setError(e);
    } finally {
      setWorking(false);
    }
  };

  const picker = useFilePicker({ accept: '.txt,.html,.htm,text/plain,text/html', testId: 'import-file', onPick: (file) => void openFile(file) });
  const busy = working || !!props.busy;

  return (
    <section className={styles.root} aria-labelledby="import-title" data-testid="import-section">
      <Subtitle2 as="h2" id="import-title" className={styles.heading}>
        {t.importer.title}
      </Subtitle2>
      <Text size={200}>{t.importer.intro}</Text>
      <Field label={t.importer.pasteLabel}>
        <Textarea
          className={styles.text}
          value={text}
          rows={5}
          resize="vertical"
          placeholder={t.importer.pastePlaceholder}
          onChange={(_e, d) => setText(d.value)}
          data-testid="import-text"
        />
      </Field>
      <div className={styles.actions}>
        <Button onClick={() => void show(text)} disabled={busy} data-testid="import-read">
          {t.importer.read}
        </Button>
        <Button onClick={picker.open} disabled={busy}>
          {t.importer.openFile}
        </Button>
      </div>
      {picker.input}
      {notice && (
        <MessageBar intent="warning">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
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
          <Field
            label={t.importer.year}
            validationState={yearValid ? 'none' : 'error'}
            validationMessage={yearValid ? undefined : t.importer.yearInvalid}
          >
            <Input type="number" value={yearText} onChange={(_e, d) => setYearText(d.value)} data-testid="import-year" />
          </Field>
          <Field label={t.importer.organization}>
            <Input value={organization} onChange={(_e, d) => setOrganization(d.value)} data-testid="import-organization" />
          </Field>
          {result.issues.length === 0 ? (
            <MessageBar intent="success" data-testid="import-all-read">
              <MessageBarBody>{t.importer.allRead}</MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="warning" layout="multiline" data-testid="import-unread">
              <MessageBarBody>
                {t.importer.unread(result.issues.length)}
                <ul className={styles.unread}>
                  {result.issues.map((i, k) => (
                    <li key={k} data-testid="import-unread-item">
                      {i.label}：{i.message}
                    </li>
                  ))}
                </ul>
                {t.importer.unreadNote}
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void insert()} disabled={busy || !yearValid} data-testid="import-insert">
              {t.importer.insert}
            </Button>
            {busy && <Spinner size="tiny" label={t.common.working} />}
          </div>
        </div>
      )}
      {props.done && (
        <MessageBar intent="success" data-testid="import-done">
          <MessageBarBody>{props.done}</MessageBarBody>
        </MessageBar>
      )}
      {error !== null && <ErrorBar error={error} context={{ view: 'import' }} onDismiss={() => setError(null)} />}
      {props.error !== null && props.error !== undefined && (
        <ErrorBar error={props.error} context={{ view: 'import', stage: 'insert' }} onDismiss={props.onDismissError} />
      )}
    </section>
  );
}
