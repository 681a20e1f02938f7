import * as React from 'react';
import { Button, Field, MessageBar, MessageBarBody, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { ImportResult } from '../../app/publish';
import type { ReportData } from '../../core/model/report';
import { reportYear } from '../../app/year';
import { ErrorBar } from '../components/ErrorBar';
import { useFilePicker } from '../components/FilePicker';
import { readBytes } from '../files';
import { useStrings } from '../strings';
import { useTask } from '../useTask';
import { ImportResultPanel } from './import/ImportResultPanel';

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
/** the picker's file types (as PUBLISHED_FILE_TYPES in src/app/publish, not imported here: that module loads on use) */
const PUBLISHED_ACCEPT = '.txt,.html,.htm,.md,.markdown,.docx,.pdf';
const loadReader = () => import(/* webpackChunkName: "app-publish" */ '../../app/publish');
type Reader = Awaited<ReturnType<typeof loadReader>>;

/**
 * 导入已发布报告: paste the text (a browser's copy too) or open a saved file (.txt/.html/.htm/.md/.docx/.pdf) → what was read, and what could not be
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
  const task = useTask<'read' | 'insert'>();
  const year = reportYear(yearText);

  /** Reads a report (or gives the warning why there is none to read); the result replaces the last one. */
  const read = (work: (reader: Reader) => Promise<ImportResult | string>) =>
    task.run('read', async () => {
      try {
        const r = await work(await loadReader());
        if (typeof r === 'string') {
          setResult(null);
          return { intent: 'warning', text: r };
        }
        setResult(r);
        setYearText(r.data.year > 0 ? String(r.data.year) : '');
        setOrganization(r.data.organization);
      } catch (e) {
        setResult(null);
        throw e;
      }
    });

  const show = (input: string) => read(async (reader) => (input.trim() === '' ? t.importer.empty : reader.readPublished(input)));

  /** A saved report in any form `nianbao import` takes (web page, text in any encoding, markdown, Word, PDF), read by its bytes. */
  const openFile = (file: File) =>
    read(async (reader) => {
      if (!reader.isPublishedReportFile(file.name)) return t.importer.notText(file.name);
      const r = await reader.readPublishedBytes({ name: file.name, bytes: await readBytes(file) });
      setText(r.text);
      return r;
    });

  const insert = () =>
    task.run('insert', async () => {
      if (!result || year === null) return;
      await props.onInsert({ data: { ...result.data, year, organization: organization.trim() }, text: result.text });
    });

  const picker = useFilePicker({ accept: `${PUBLISHED_ACCEPT},text/plain,text/html`, testId: 'import-file', onPick: (file) => void openFile(file) });
  const busy = task.busy !== null || !!props.busy;

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
      {task.notice && (
        <MessageBar intent={task.notice.intent}>
          <MessageBarBody>{task.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <ImportResultPanel
          result={result}
          yearText={yearText}
          onYearText={setYearText}
          yearValid={year !== null}
          organization={organization}
          onOrganization={setOrganization}
          busy={busy}
          onInsert={() => void insert()}
        />
      )}
      {props.done && (
        <MessageBar intent="success" data-testid="import-done">
          <MessageBarBody>{props.done}</MessageBarBody>
        </MessageBar>
      )}
      {task.error !== null && <ErrorBar error={task.error} context={{ view: 'import' }} onDismiss={task.clearError} />}
      {props.error !== null && props.error !== undefined && (
        <ErrorBar error={props.error} context={{ view: 'import', stage: 'insert' }} onDismiss={props.onDismissError} />
      )}
    </section>
  );
}
