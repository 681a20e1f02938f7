/**
 * 生成报告: the narrative report from the workbook's tables and the 报告正文 sheet.
 * Reads the workbook once per refresh (readReportInputs: the report tables and 报告正文, by labels),
 * lets the user edit the profile, previews the generated report (our own HTML, every text escaped by
 * renderHtml), copies the text, downloads .docx/.html/.txt and writes the text on the sheet 报告文本
 * (replacing its content, after asking when it exists). The docx exporter is loaded only when a .docx
 * is asked for. Issue 11: the tables' open errors first (一键校验's, read with the inputs), what is still to
 * fill in above the preview with a link to each, the preview, then 导出 — a download asks first while
 * anything is pending; 复制（网页格式） puts HTML and text on the clipboard.
 */
import * as React from 'react';
import { Field, MessageBar, MessageBarBody, Select, Spinner, Subtitle2, Button, makeStyles, tokens } from '@fluentui/react-components';
import { PROFILE_SHEET, TEXT_SHEET, UI, type FieldKey } from '../../core/messages/narrative';
import type { WorkbookPort } from '../../workbook/port';
import { hasTextSheet } from '../../app/auxiliary';
import { checkWorkbook } from '../../app/check';
import type { CheckOutcome } from '../../app/findings';
import { profileFrom, saveProfile, valuesOf, type ProfileValues } from '../../app/profile';
import type { ReportInputs } from '../../app/report';
import { addReportProfile, previewHtml, profileFor, readReportInputs, reportDocument, reportReadiness, reportTextLines, writeReportText } from '../../app/report';
import { ErrorBar } from '../components/ErrorBar';
import { TextReplaceDialog } from '../components/TextReplaceDialog';
import { useTask } from '../useTask';
import { ProfileForm } from './report/ProfileForm';
import { ReportActions } from './report/ReportActions';
import { ReportNotices } from './report/ReportNotices';
import { ReportPreview } from './report/ReportPreview';
import { focusField } from './report/focus';
import { ReportErrors, ReportTodos } from './report/ReportReadinessPanel';
import { useReportExport, type ReportDownload } from './report/useReportExport';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

type Busy = 'refresh' | 'insert' | 'save' | 'copy' | 'write' | ReportDownload;

export function ReportView(props: { port: WorkbookPort; locale: 'zh' | 'en' }): React.JSX.Element {
  const { port } = props;
  const styles = useStyles();
  /** the lines waiting for 替换 while the user is asked about the existing 报告文本 */
  const [replacing, setReplacing] = React.useState<string[] | null>(null);
  const [loaded, setLoaded] = React.useState<ReportInputs | null>(null);
  /** 一键校验 of the workbook, read with the inputs: the tables' open errors and last year's figures */
  const [checked, setChecked] = React.useState<CheckOutcome | null>(null);
  const [selected, setSelected] = React.useState(0);
  const [values, setValues] = React.useState<ProfileValues | null>(null);
  const task = useTask<Busy>();
  const { run, busy } = task;

  const choose = (inputs: ReportInputs, index: number): void => {
    setSelected(index);
    const chosen = inputs.reports[index];
    setValues(chosen ? valuesOf(profileFor(inputs, chosen)) : null);
  };

  const load = async (keepSelection = false): Promise<void> => {
    task.clearError();
    try {
      const next = await readReportInputs(port);
      setChecked(await checkWorkbook(port).catch(() => null)); // without it: no errors shown, the report without last year
      setLoaded(next);
      choose(next, keepSelection ? Math.min(selected, Math.max(0, next.reports.length - 1)) : 0);
    } catch (e) {
      task.setError(e);
      setLoaded((prev) => prev ?? { reports: [], profile: null });
    }
  };

  React.useEffect(() => {
    void load();
    // load once per port; later loads are explicit (重新读取, after inserting the sheet)
  }, [port]);

  const report = loaded?.reports[selected];
  const parsed = React.useMemo(() => (report && values ? profileFrom(values, report.data) : null), [report, values]);
  const check = checked?.reports.find((r) => r.sheet === report?.tables[0]?.sheet);
  const doc = React.useMemo(() => (report && parsed ? reportDocument(report, parsed.profile, check?.previous) : null), [report, parsed, check]);
  const html = React.useMemo(() => (doc ? previewHtml(doc) : ''), [doc]);
  const readiness = React.useMemo(() => (doc && report && loaded ? reportReadiness(doc, report, loaded, check?.findings ?? []) : null), [doc, report, loaded, check]);
  const exporter = useReportExport({ doc, readiness, run });

  if (!loaded) {
    return (
      <div className={styles.root}>
        <Spinner size="small" label={UI.loading} />
      </div>
    );
  }

  const onInsertProfile = () =>
    run('insert', async () => {
      if (!parsed || !report) return;
      const sheet = await addReportProfile(port, report, parsed.profile);
      await load(true);
      return UI.inserted(sheet ?? PROFILE_SHEET);
    });

  const onSave = (profile: NonNullable<ReportInputs['profile']>) =>
    run('save', async () => {
      if (!values) return;
      await saveProfile(port, profile, values);
      return UI.saved;
    });

  const writeLines = (lines: string[]) => run('write', async () => UI.written(await writeReportText(port, lines)));

  /** 写入“报告文本”: the one sheet 一键校验 reads; an existing one is replaced only after asking. */
  const onWriteSheet = () =>
    run('write', async () => {
      if (!doc) return;
      const lines = reportTextLines(doc);
      if (await hasTextSheet(port)) return setReplacing(lines);
      return UI.written(await writeReportText(port, lines));
    });

  const answerReplace = (replace: boolean): void => {
    const lines = replacing;
    setReplacing(null);
    if (replace && lines) void writeLines(lines);
  };

  const setField = (key: FieldKey, value: string): void => setValues((prev) => (prev ? { ...prev, [key]: value } : prev));
  const { profile } = loaded;

  return (
    <div className={styles.root} data-testid="report-view">
      <div className={styles.actions}>
        <Subtitle2>{UI.title}</Subtitle2>
        <Button size="small" onClick={() => void run('refresh', () => load(true))} disabled={busy !== null}>
          {UI.refresh}
        </Button>
      </div>
      {task.error !== null && <ErrorBar error={task.error} context={{ view: 'report' }} onDismiss={task.clearError} />}
      {!report ? (
        <MessageBar intent="info">
          <MessageBarBody>{UI.noReport}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {loaded.reports.length > 1 && (
            <Field label={UI.chooseReport}>
              <Select value={String(selected)} onChange={(_, d) => choose(loaded, Number(d.value))}>
                {loaded.reports.map((r, i) => (
                  <option key={i} value={i}>
                    {UI.reportOption(r.data.organization, r.data.year, r.data.format)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <ReportErrors readiness={readiness} />
          <ReportNotices profile={profile} onInsertProfile={() => void onInsertProfile()} busy={busy !== null} />
          <ReportTodos readiness={readiness} onInput={focusField} onCell={(c) => void port.select(c.sheet!, c.address!).catch(() => undefined)} />
          <ReportPreview title={doc?.title ?? ''} html={html} />
          <ReportActions
            busy={busy}
            status={task.notice?.text ?? ''}
            ready={readiness?.ready ?? false}
            onDownload={exporter.onDownload}
            onCopy={exporter.onCopy}
            onWriteSheet={() => void onWriteSheet()}
          />
          {exporter.question}
          <TextReplaceDialog open={replacing !== null} id="report-text-replace" sheet={TEXT_SHEET} onReplace={() => answerReplace(true)} onCancel={() => answerReplace(false)} />
          <ProfileForm
            values={values}
            government={parsed?.profile.orgType === 'government'}
            issues={new Map((parsed?.issues ?? []).map((i) => [i.field, i.message]))}
            onField={setField}
            onSave={profile ? () => void onSave(profile) : undefined}
            busy={busy !== null}
          />
        </>
      )}
    </div>
  );
}
