/**
 * 生成报告: the narrative report from the workbook's tables and the 报告正文 sheet.
 * Reads every sheet once per refresh (port.readAllGrids), finds the report tables (readReports) and the
 * 报告正文 sheet (readProfile, by labels), lets the user edit the profile, previews the generated report
 * (our own HTML, every text escaped by renderHtml), copies the text, downloads .docx/.html/.txt and writes
 * the text on the sheet 报告文本 (replacing its content, after asking when it exists). The docx exporter
 * is loaded only when a .docx is asked for.
 */
import * as React from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ORG_TYPE_LABELS, PROFILE_SHEET, TEXT_SHEET, UI, type FieldKey } from '../../core/messages/narrative';
import { PROFILE_FIELDS } from '../../core/narrative/fields';
import { ORG_TYPES } from '../../core/narrative/types';
import { formatForYear, getFormat } from '../../core/formats';
import type { WorkbookPort } from '../../workbook/port';
import { addProfileSheet } from '../../app/auxiliary';
import { fileName, MIME } from '../../app/download';
import { cellValueOf, profileFrom, valuesOf, type ProfileValues } from '../../app/profile';
import { previewHtml, profileFor, readReportInputs, renderReport, reportDocument, reportText, reportTextLines, writeReportText, type ReportInputs } from '../../app/report';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBar } from '../components/ErrorBar';
import { copyText } from '../diagnostics';
import { downloadBlob } from '../files';
import { useStrings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  preview: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS + ' ' + tokens.spacingHorizontalM,
    maxHeight: '60vh',
    overflow: 'auto',
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
    '& table': { fontSize: '11px !important' },
    '& h1': { fontSize: tokens.fontSizeBase400 },
    '& h2': { fontSize: tokens.fontSizeBase300 },
    '& h3': { fontSize: tokens.fontSizeBase200 },
  },
  status: { minHeight: '1.4em', fontSize: tokens.fontSizeBase200 },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function ReportView(props: { port: WorkbookPort; locale: 'zh' | 'en' }): React.JSX.Element {
  const { port } = props;
  const { t } = useStrings();
  const styles = useStyles();
  /** the lines waiting for 替换 while the user is asked about the existing 报告文本 */
  const [replacing, setReplacing] = React.useState<string[] | null>(null);
  const [loaded, setLoaded] = React.useState<ReportInputs | null>(null);
  const [selected, setSelected] = React.useState(0);
  const [values, setValues] = React.useState<ProfileValues | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState('');
  const [error, setError] = React.useState<unknown>(null);

  const load = React.useCallback(
    async (keepSelection = false): Promise<void> => {
      setError(null);
      try {
        const next = await readReportInputs(port);
        const reports = next.reports;
        const index = keepSelection ? Math.min(selected, Math.max(0, reports.length - 1)) : 0;
        setLoaded(next);
        setSelected(index);
        setValues(reports[index] ? valuesOf(profileFor(next, reports[index])) : null);
      } catch (e) {
        setError(e);
        setLoaded((prev) => prev ?? { reports: [], profile: null });
      }
    },
    [port, selected],
  );

  React.useEffect(() => {
    void load();
    // load once per port; later loads are explicit (重新读取, after inserting the sheet)
  }, [port]);

  const report = loaded?.reports[selected];
  const parsed = React.useMemo(() => (report && values ? profileFrom(values, report.data) : null), [report, values]);
  const doc = React.useMemo(() => (report && parsed ? reportDocument(report, parsed.profile) : null), [report, parsed]);
  const html = React.useMemo(() => (doc ? previewHtml(doc) : ''), [doc]);

  const run = async (label: string, action: () => Promise<string | void>): Promise<void> => {
    setBusy(label);
    setError(null);
    setStatus('');
    try {
      const msg = await action();
      if (msg) setStatus(msg);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

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
      const sheet = await addProfileSheet(port, { format: getFormat(report.data.format) ?? formatForYear(report.data.year), year: report.data.year, organization: report.data.organization, profile: parsed.profile });
      await load(true);
      return UI.inserted(sheet ?? PROFILE_SHEET);
    });

  const onSave = () =>
    run('save', async () => {
      const profile = loaded.profile;
      if (!values || !profile) return;
      const sheet = profile.sheet;
      const writes = PROFILE_FIELDS.filter((f) => profile.cells[f.key]).map((f) => ({
        sheet,
        address: profile.cells[f.key] as string,
        value: cellValueOf(f.key, values[f.key]),
      }));
      await port.writeValues(writes);
      return UI.saved;
    });

  const onCopy = () =>
    run('copy', async () => {
      if (!doc) return;
      return (await copyText(reportText(doc))) ? UI.copied : UI.copyFailed;
    });

  const onDownload = (ext: 'docx' | 'html' | 'txt') =>
    run(ext, async () => {
      if (!doc) return;
      const content = await renderReport(doc, ext);
      downloadBlob(fileName(doc.title, ext), new Blob([content as BlobPart], { type: MIME[ext] }));
    });

  /** writeTextSheet with import(): it carries the check code's cell layout, not needed to show the view */
  const writeText = async (lines: string[]): Promise<string> => {
    return UI.written(await writeReportText(port, lines));
  };
  const writeLines = (lines: string[]) => run('write', () => writeText(lines));

  /** 写入“报告文本”: the one sheet 一键校验 reads; an existing one is replaced only after asking. */
  const onWriteSheet = () =>
    run('write', async () => {
      if (!doc) return;
      const lines = reportTextLines(doc);
      if ((await port.listSheets()).includes(TEXT_SHEET)) {
        setReplacing(lines);
        return;
      }
      return writeText(lines);
    });

  const answerReplace = (replace: boolean): void => {
    const lines = replacing;
    setReplacing(null);
    if (replace && lines) void writeLines(lines);
  };

  const setField = (key: FieldKey, value: string): void => setValues((prev) => (prev ? { ...prev, [key]: value } : prev));
  const invalid = new Map((parsed?.issues ?? []).map((i) => [i.field, i]));
  const isGov = parsed?.profile.orgType === 'government';

  return (
    <div className={styles.root} data-testid="report-view">
      <div className={styles.actions}>
        <Subtitle2>{UI.title}</Subtitle2>
        <Button size="small" onClick={() => void run('refresh', () => load(true))} disabled={busy !== null}>
          {UI.refresh}
        </Button>
      </div>
      {error !== null && <ErrorBar error={error} context={{ view: 'report' }} onDismiss={() => setError(null)} />}
      {!report ? (
        <MessageBar intent="info">
          <MessageBarBody>{UI.noReport}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {loaded.reports.length > 1 && (
            <Field label={UI.chooseReport}>
              <Select
                value={String(selected)}
                onChange={(_, d) => {
                  const i = Number(d.value);
                  setSelected(i);
                  setValues(valuesOf(profileFor(loaded, loaded.reports[i])));
                }}
              >
                {loaded.reports.map((r, i) => (
                  <option key={i} value={i}>
                    {UI.reportOption(r.data.organization, r.data.year, r.data.format)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {!loaded.profile ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                {UI.noProfileSheet}{' '}
                <Button size="small" appearance="primary" onClick={() => void onInsertProfile()} disabled={busy !== null}>
                  {UI.insertProfile}
                </Button>
              </MessageBarBody>
            </MessageBar>
          ) : (
            (loaded.profile?.issues.length ?? 0) > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  {UI.profileIssues}
                  <ul className={styles.issues}>
                    {(loaded.profile?.issues ?? []).map((i, k) => (
                      <li key={k}>{i.message}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )
          )}
          {doc && doc.pending.length > 0 && (
            <MessageBar intent="warning" data-testid="pending">
              <MessageBarBody>{UI.pending(doc.pending.length)}</MessageBarBody>
            </MessageBar>
          )}
          {doc && doc.missing.length > 0 && (
            <MessageBar intent="info" data-testid="missing">
              <MessageBarBody>{UI.missing(doc.missing.join('、'))}</MessageBarBody>
            </MessageBar>
          )}

          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void onDownload('docx')} disabled={busy !== null}>
              {busy === 'docx' ? <Spinner size="tiny" /> : null}
              {UI.downloadDocx}
            </Button>
            <Button onClick={() => void onDownload('html')} disabled={busy !== null}>
              {UI.downloadHtml}
            </Button>
            <Button onClick={() => void onDownload('txt')} disabled={busy !== null}>
              {UI.downloadTxt}
            </Button>
            <Button onClick={() => void onCopy()} disabled={busy !== null}>
              {UI.copyText}
            </Button>
            <Button onClick={() => void onWriteSheet()} disabled={busy !== null}>
              {UI.writeSheet}
            </Button>
          </div>
          <div role="status" aria-live="polite" className={styles.status}>
            {status}
          </div>
          <ConfirmDialog
            open={replacing !== null}
            id="report-text-replace"
            title={t.textSheet.replaceTitle(TEXT_SHEET)}
            choices={[{ label: t.textSheet.replace, primary: true, onClick: () => answerReplace(true), testId: 'text-replace' }]}
            onCancel={() => answerReplace(false)}
          >
            {t.textSheet.replaceBody(TEXT_SHEET)}
          </ConfirmDialog>

          <Subtitle2 as="h3">{UI.preview}</Subtitle2>
          {/* our own HTML: renderHtml escapes every text and writes no script, handler or external asset */}
          <div className={styles.preview} data-testid="report-preview" dangerouslySetInnerHTML={{ __html: html }} />

          <Subtitle2 as="h3">{UI.fields}</Subtitle2>
          {values && (
            <div className={styles.fields}>
              {PROFILE_FIELDS.filter((f) => !f.governmentOnly || isGov).map((f) => {
                const issue = invalid.get(f.key);
                const common = { validationState: issue ? ('error' as const) : undefined, validationMessage: issue?.message };
                if (f.kind === 'orgType') {
                  return (
                    <Field key={f.key} label={f.label} {...common}>
                      <Select value={values[f.key]} onChange={(_, d) => setField(f.key, d.value)}>
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
                    <Field key={f.key} label={f.label} {...common}>
                      <Textarea value={values[f.key]} resize="vertical" rows={4} onChange={(_, d) => setField(f.key, d.value)} />
                    </Field>
                  );
                }
                return (
                  <Field key={f.key} label={f.label} {...common}>
                    <Input value={values[f.key]} onChange={(_, d) => setField(f.key, d.value)} />
                  </Field>
                );
              })}
              {loaded.profile && (
                <div className={styles.actions}>
                  <Button appearance="primary" onClick={() => void onSave()} disabled={busy !== null}>
                    {UI.saveProfile}
                  </Button>
                </div>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
