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
import type { Grid } from '../../core/grid';
import { buildProfilePlan } from '../../core/layout/profile';
import { ORG_TYPE_LABELS, PROFILE_SHEET, TEXT_SHEET, UI, type FieldKey } from '../../core/messages/narrative';
import { PROFILE_FIELDS } from '../../core/narrative/fields';
import { generateReport } from '../../core/narrative/generate';
import { defaultProfile } from '../../core/narrative/profile';
import { ORG_TYPES, type ReportProfile } from '../../core/narrative/types';
import { readReports, type LocatedReport } from '../../core/read';
import { readProfile, type ProfileIssue } from '../../core/read/profile';
import { renderHtml } from '../../core/render/html';
import { renderText, textLines } from '../../core/render/text';
import type { WorkbookPort } from '../../workbook/port';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBar } from '../components/ErrorBar';
import { copyText } from '../diagnostics';
import { downloadBlob } from '../files';
import { fileName, MIME } from '../report/download';
import { useStrings } from '../strings';
import { cellValueOf, profileFrom, valuesOf, type ProfileValues } from '../report/profileForm';

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

interface Loaded {
  reports: LocatedReport[];
  /** the 报告正文 sheet, when the workbook has one */
  profileSheet: string | null;
  /** value cell of each field on the 报告正文 sheet */
  cells: Partial<Record<FieldKey, string>>;
  sheetIssues: ProfileIssue[];
  /** the 报告正文 grid, kept to read the profile again for another report */
  profileGrid: Grid | null;
}

/** The grid of the 报告正文 sheet: by its name, else the sheet where most profile labels are found. */
function findProfileGrid(grids: Grid[]): Grid | null {
  const byName = grids.find((g) => g.sheet === PROFILE_SHEET);
  if (byName) return byName;
  let best: { grid: Grid; n: number } | null = null;
  for (const g of grids) {
    const n = Object.keys(readProfile(g).cells).length;
    if (n >= 5 && (!best || n > best.n)) best = { grid: g, n };
  }
  return best?.grid ?? null;
}

function initialProfile(loaded: Loaded, report: LocatedReport): ReportProfile {
  return loaded.profileGrid ? readProfile(loaded.profileGrid, report.data).profile : defaultProfile(report.data);
}

export function ReportView(props: { port: WorkbookPort; locale: 'zh' | 'en' }): React.JSX.Element {
  const { port } = props;
  const { t } = useStrings();
  const styles = useStyles();
  /** the lines waiting for 替换 while the user is asked about the existing 报告文本 */
  const [replacing, setReplacing] = React.useState<string[] | null>(null);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [selected, setSelected] = React.useState(0);
  const [values, setValues] = React.useState<ProfileValues | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState('');
  const [error, setError] = React.useState<unknown>(null);

  const load = React.useCallback(
    async (keepSelection = false): Promise<void> => {
      setError(null);
      try {
        const grids = await port.readAllGrids();
        const profileGrid = findProfileGrid(grids);
        const reports = readReports(grids.filter((g) => g !== profileGrid));
        const read = profileGrid ? readProfile(profileGrid, reports[0]?.data) : null;
        const next: Loaded = {
          reports,
          profileSheet: profileGrid?.sheet ?? null,
          cells: read?.cells ?? {},
          sheetIssues: read?.issues ?? [],
          profileGrid,
        };
        const index = keepSelection ? Math.min(selected, Math.max(0, reports.length - 1)) : 0;
        setLoaded(next);
        setSelected(index);
        setValues(reports[index] ? valuesOf(initialProfile(next, reports[index])) : null);
      } catch (e) {
        setError(e);
        setLoaded((prev) => prev ?? { reports: [], profileSheet: null, cells: {}, sheetIssues: [], profileGrid: null });
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
  const doc = React.useMemo(() => (report && parsed ? generateReport(report.data, parsed.profile) : null), [report, parsed]);
  const html = React.useMemo(() => (doc ? renderHtml(doc) : ''), [doc]);

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
      if (!parsed) return;
      const sheet = await port.addSheet(PROFILE_SHEET);
      await port.applyPlan(sheet, buildProfilePlan(parsed.profile));
      await load(true);
      return UI.inserted(sheet);
    });

  const onSave = () =>
    run('save', async () => {
      if (!values || !loaded.profileSheet) return;
      const sheet = loaded.profileSheet;
      const writes = PROFILE_FIELDS.filter((f) => loaded.cells[f.key]).map((f) => ({
        sheet,
        address: loaded.cells[f.key] as string,
        value: cellValueOf(f.key, values[f.key]),
      }));
      await port.writeValues(writes);
      return UI.saved;
    });

  const onCopy = () =>
    run('copy', async () => {
      if (!doc) return;
      return (await copyText(renderText(doc))) ? UI.copied : UI.copyFailed;
    });

  const onDownload = (ext: 'docx' | 'html' | 'txt') =>
    run(ext, async () => {
      if (!doc) return;
      let blob: Blob;
      if (ext === 'docx') {
        const { renderDocx } = await import('../../export/docx');
        const bytes = await renderDocx(doc);
        blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME.docx });
      } else if (ext === 'html') {
        blob = new Blob([renderHtml(doc, { standalone: true })], { type: MIME.html });
      } else {
        blob = new Blob([renderText(doc)], { type: MIME.txt });
      }
      downloadBlob(fileName(doc.title, ext), blob);
    });

  /** writeTextSheet with import(): it carries the check code's cell layout, not needed to show the view */
  const writeText = async (lines: string[]): Promise<string> => {
    const { writeTextSheet } = await import(/* webpackChunkName: "text-sheet" */ '../textSheet');
    return UI.written(await writeTextSheet(port, lines));
  };
  const writeLines = (lines: string[]) => run('write', () => writeText(lines));

  /** 写入“报告文本”: the one sheet 一键校验 reads; an existing one is replaced only after asking. */
  const onWriteSheet = () =>
    run('write', async () => {
      if (!doc) return;
      const lines = textLines(doc, { compactTables: true });
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
                  setValues(valuesOf(initialProfile(loaded, loaded.reports[i])));
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
          {!loaded.profileSheet ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                {UI.noProfileSheet}{' '}
                <Button size="small" appearance="primary" onClick={() => void onInsertProfile()} disabled={busy !== null}>
                  {UI.insertProfile}
                </Button>
              </MessageBarBody>
            </MessageBar>
          ) : (
            loaded.sheetIssues.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  {UI.profileIssues}
                  <ul className={styles.issues}>
                    {loaded.sheetIssues.map((i, k) => (
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
              {loaded.profileSheet && (
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
