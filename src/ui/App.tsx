import * as React from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { UiLocale } from '../core/messages/ui';
import type { WorkbookPort } from '../workbook/port';
import { ConfirmDialog } from './components/ConfirmDialog';
import { ErrorBar } from './components/ErrorBar';
import { FilePanel } from './FilePanel';
import type { OpenWorkbook, ReplaceReason } from './FilePanel';
import { downloadBytes, watchChanges, type FileBackend } from './files';
import type { ImportedReport } from './views/ImportSection';
import { StringsProvider, useStrings } from './strings';
import type { ViewId } from './views';
import { VIEW_IDS } from './views';

/*
 * Each view is a chunk of its own: the first render loads only the view the URL names
 * (the bootstrap starts that download early with preloadView), the others load when opened.
 */
const loaders = {
  insert: () => import(/* webpackChunkName: "view-insert" */ './views/InsertView'),
  check: () => import(/* webpackChunkName: "view-check" */ './views/CheckView'),
  report: () => import(/* webpackChunkName: "view-report" */ './views/ReportView'),
};
const InsertView = React.lazy(() => loaders.insert().then((m) => ({ default: m.InsertView })));
const CheckView = React.lazy(() => loaders.check().then((m) => ({ default: m.CheckView })));
const ReportView = React.lazy(() => loaders.report().then((m) => ({ default: m.ReportView })));
const ImportSection = React.lazy(() => loaders.insert().then((m) => ({ default: m.ImportSection })));

/** Start loading a view's code (the bootstrap calls it for the initial view before office.js is ready). */
export function preloadView(id: ViewId): void {
  void loaders[id]().catch(() => undefined); // a failure shows when the view renders
}

/** Calls `onRendered` once, when it mounts: placed after a lazy view, it mounts when the view has rendered. */
function Rendered(props: { onRendered: () => void }): null {
  const done = React.useRef(false);
  React.useEffect(() => {
    if (done.current) return;
    done.current = true;
    props.onRendered();
  });
  return null;
}

/** What shows while a view's code loads, and a message if it cannot be loaded. */
class ViewBoundary extends React.Component<
  { children: React.ReactNode; fallback: React.ReactNode; failed: (error: unknown) => React.ReactNode },
  { error: unknown }
> {
  state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }
  render(): React.ReactNode {
    if (this.state.error !== null) return this.props.failed(this.state.error);
    return <React.Suspense fallback={this.props.fallback}>{this.props.children}</React.Suspense>;
  }
}

export type { ViewId } from './views';
export { VIEW_IDS, viewFromSearch } from './views';

const CJK_FONTS =
  "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', system-ui, sans-serif";

export function paneTheme(locale: UiLocale): Theme {
  return locale === 'zh' ? { ...webLightTheme, fontFamilyBase: CJK_FONTS } : webLightTheme;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM + ' ' + tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  tabs: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

type ReplaceChoice = 'download' | 'discard' | 'cancel';

export interface AppProps {
  locale: UiLocale;
  initialView: ViewId;
  /** inside Excel: the office.js port */
  port?: WorkbookPort;
  /** outside Excel: .xlsx files (ExcelJS loaded on first use) */
  files?: FileBackend;
  /** an already opened workbook (outside Excel) */
  initialWorkbook?: OpenWorkbook;
  /** called once, after the first view has rendered */
  onFirstRender?: (view: ViewId) => void;
}

function Shell(props: AppProps): React.JSX.Element {
  const { t, locale } = useStrings();
  const styles = useStyles();
  const [view, setView] = React.useState<ViewId>(props.initialView);
  // outside Excel: the open workbook has changes not yet downloaded
  const [changed, setChanged] = React.useState(false);
  const watch = (wb: OpenWorkbook): OpenWorkbook => ({ ...wb, port: watchChanges(wb.port, () => setChanged(true)) });
  const [workbook, setWorkbook] = React.useState<OpenWorkbook | null>(() => (props.initialWorkbook ? watch(props.initialWorkbook) : null));
  // outside Excel, before the open workbook is closed for another one: the question, and how to answer it
  const [askReplace, setAskReplace] = React.useState<{ reason: ReplaceReason; answer: (choice: ReplaceChoice) => void } | null>(null);
  // read when a question is due (after awaits, so never a stale render's values)
  const current = React.useRef<{ workbook: OpenWorkbook | null; changed: boolean }>({ workbook: null, changed: false });
  current.current = { workbook, changed };
  // a newly opened workbook starts the views afresh
  const [generation, setGeneration] = React.useState(0);
  // views stay mounted once shown, so results survive switching tabs
  const [visited, setVisited] = React.useState<Set<ViewId>>(() => new Set([props.initialView]));
  const show = (id: ViewId): void => {
    setView(id);
    setVisited((prev) => (prev.has(id) ? prev : new Set([...prev, id])));
  };
  const [notice, setNotice] = React.useState<string | null>(null);
  const open = (wb: OpenWorkbook, next: ViewId, unsaved = false): void => {
    setWorkbook(watch(wb));
    setChanged(unsaved);
    setGeneration((g) => g + 1);
    setView(next);
    setVisited(new Set([next]));
  };
  const onOpen = (wb: OpenWorkbook): void => {
    setNotice(null);
    open(wb, view);
  };
  const inExcel = props.port !== undefined;
  const files = props.files;
  const answerReplace = (choice: ReplaceChoice): void => {
    const pending = askReplace;
    setAskReplace(null);
    pending?.answer(choice);
  };
  /**
   * Outside Excel, the one way the open workbook is closed for another (导入, 新建空白模板, 打开工作簿):
   * asks first when it has changes not yet downloaded (the import always asks), downloads it first
   * when the user says so, then runs `replace` with the notice of that download. On 取消 nothing runs.
   */
  const replaceWorkbook = async (reason: ReplaceReason, replace: (downloaded: string) => Promise<void>): Promise<void> => {
    const { workbook: wb, changed: unsaved } = current.current;
    let downloaded = '';
    if (wb && (unsaved || reason === 'import')) {
      const choice = await new Promise<ReplaceChoice>((answer) => setAskReplace({ reason, answer }));
      if (choice === 'cancel') return;
      if (choice === 'download') {
        downloadBytes(await wb.port.toBuffer(), wb.name);
        setChanged(false);
        downloaded = t.importer.downloaded(wb.name);
      }
    }
    await replace(downloaded);
  };
  /**
   * Outside Excel: a published report's figures in a new workbook (its text on 报告文本), then its
   * check. An open workbook is closed only after the user said so (or downloaded it first).
   */
  const importToNewWorkbook = ({ data, text }: ImportedReport): Promise<void> =>
    replaceWorkbook('import', async (downloaded) => {
      if (!files) return;
      const wb = await files.create();
      const { importIntoWorkbook } = await import(/* webpackChunkName: "app-publish" */ '../app/publish');
      const textSheet = (await importIntoWorkbook(wb, { data, text })).text ?? '';
      const name = t.importer.workbookName(data.year);
      open({ port: wb, name }, 'check', true); // not downloaded yet
      setNotice(`${downloaded}${t.importer.created(name)}${t.importer.textKept(textSheet)}`);
    });
  const onImport = !inExcel && files ? importToNewWorkbook : undefined;
  const port: WorkbookPort | null = props.port ?? workbook?.port ?? null;
  const firstRender = React.useRef(props.onFirstRender);
  const markFirstRender = React.useCallback(() => {
    firstRender.current?.(props.initialView);
    firstRender.current = undefined;
  }, [props.initialView]);
  // with no workbook yet (outside Excel) the shell itself is the first view
  React.useEffect(() => {
    if (port === null) markFirstRender();
  }, [port, markFirstRender]);

  const labels: Record<ViewId, string> = { insert: t.nav.insert, check: t.nav.check, report: t.nav.report };

  return (
    <main className={styles.root} data-testid="pane" data-view={view} data-mode={inExcel ? 'excel' : 'file'} lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <h1 className={styles.header}>{t.appTitle}</h1>
      {!inExcel && props.files && (
        <FilePanel
          backend={props.files}
          current={workbook}
          onOpen={onOpen}
          onDownloaded={() => setChanged(false)}
          replace={replaceWorkbook}
        />
      )}
      {workbook && askReplace && (
        <ConfirmDialog
          open
          id="replace-workbook-ask"
          title={t.importer.workbookTitle}
          choices={[
            { label: t.importer.downloadFirst, primary: true, onClick: () => answerReplace('download'), testId: 'replace-download-first' },
            {
              label: askReplace.reason === 'import' ? t.importer.discard : t.file.replaceDiscard(askReplace.reason),
              onClick: () => answerReplace('discard'),
              testId: 'replace-discard',
            },
          ]}
          onCancel={() => answerReplace('cancel')}
        >
          {askReplace.reason === 'import'
            ? t.importer.workbookBody(workbook.name, changed)
            : t.file.replaceBody(workbook.name, askReplace.reason)}
        </ConfirmDialog>
      )}
      <TabList
        className={styles.tabs}
        selectedValue={view}
        onTabSelect={(_e, d) => show(d.value as ViewId)}
        aria-label={t.nav.label}
      >
        {VIEW_IDS.map((id) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
            {labels[id]}
          </Tab>
        ))}
      </TabList>
      {notice && (
        <MessageBar intent="success" data-testid="app-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {port === null ? (
        <>
          <MessageBar intent="info">
            <MessageBarBody>{t.common.noWorkbook}</MessageBarBody>
          </MessageBar>
          {view === 'insert' && onImport && (
            <ViewBoundary
              fallback={<Spinner size="small" label={t.common.working} />}
              failed={(error) => <ErrorBar error={error} context={{ view: 'import', stage: 'load' }} />}
            >
              <ImportSection onInsert={onImport} />
            </ViewBoundary>
          )}
        </>
      ) : (
        VIEW_IDS.filter((id) => visited.has(id)).map((id) => (
          <div
            key={`${id}-${generation}`}
            role="tabpanel"
            id={`panel-${id}`}
            aria-labelledby={`tab-${id}`}
            hidden={id !== view}
            // a class that sets display would override [hidden]; only the shown panel gets it
            className={id === view ? styles.panel : undefined}
            data-testid={`panel-${id}`}
          >
            <ViewBoundary
              fallback={<Spinner size="small" label={t.common.working} />}
              failed={(error) => <ErrorBar error={error} context={{ view: id, stage: 'load' }} />}
            >
              {id === 'insert' ? (
                <InsertView port={port} canSelectTarget={inExcel} onImport={onImport} />
              ) : id === 'check' ? (
                <CheckView port={port} canSelect={inExcel} autoRun={!inExcel} files={files} />
              ) : (
                <ReportView port={port} locale={locale} />
              )}
              {id === view && <Rendered onRendered={markFirstRender} />}
            </ViewBoundary>
          </div>
        ))
      )}
    </main>
  );
}

/** The task pane: the same views inside Excel and outside it, on an injected WorkbookPort. */
export function App(props: AppProps): React.JSX.Element {
  return (
    <FluentProvider theme={paneTheme(props.locale)} lang={props.locale === 'zh' ? 'zh-CN' : 'en'}>
      <StringsProvider locale={props.locale}>
        <Shell {...props} />
      </StringsProvider>
    </FluentProvider>
  );
}
