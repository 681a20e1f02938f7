import * as React from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { UiLocale } from '../core/messages/ui';
import type { WorkbookPort } from '../workbook/port';
import { FilePanel } from './FilePanel';
import type { OpenWorkbook } from './FilePanel';
import type { FileBackend } from './files';
import type { ImportedReport } from './views/ImportSection';
import { StringsProvider, useStrings } from './strings';
import { useTask } from './useTask';
import type { ViewId } from './views';
import { VIEW_IDS } from './views';
import { ImportSection, RollupView, preloadView } from './shell/lazyViews';
import { useWorkbook } from './shell/useWorkbook';
import { ViewBoundary } from './shell/ViewBoundary';
import { ViewPanels } from './shell/ViewPanels';
import { PaneTabs } from './shell/PaneTabs';

export { preloadView } from './shell/lazyViews';

// asked only outside Excel, before an open workbook is closed: loaded with the other dialogs, not with the pane
const ReplaceDialog = React.lazy(() => import(/* webpackChunkName: "dialog" */ './shell/ReplaceDialog').then((m) => ({ default: m.ReplaceDialog })));
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
  const file = useWorkbook(props.initialWorkbook);
  const { workbook } = file;
  // a newly opened workbook starts the views afresh
  const [generation, setGeneration] = React.useState(0);
  // views stay mounted once shown, so results survive switching tabs
  const [visited, setVisited] = React.useState<Set<ViewId>>(() => new Set([props.initialView]));
  const show = (id: ViewId): void => {
    setView(id);
    setVisited((prev) => (prev.has(id) ? prev : new Set([...prev, id])));
  };
  const { notice, setNotice } = useTask();
  const open = (wb: OpenWorkbook, next: ViewId, unsaved = false): void => {
    file.adopt(wb, unsaved);
    setGeneration((g) => g + 1);
    setView(next);
    setVisited(new Set([next]));
  };
  const onOpen = (wb: OpenWorkbook): void => {
    setNotice(null);
    open(wb, view);
    // a workbook that holds report tables opens on its check (which runs as the view opens)
    void import(/* webpackChunkName: "view-check" */ '../app/sheets')
      .then(async ({ readSheets, reportsOf }) => reportsOf(await readSheets(wb.port, { tablesOnly: true })).length > 0)
      .then((has) => (has ? show('check') : undefined), () => undefined);
  };
  const inExcel = props.port !== undefined;
  const files = props.files;
  /**
   * Outside Excel: a published report's figures in a new workbook (its text on 报告文本), then its
   * check. An open workbook is closed only after the user said so (or downloaded it first).
   */
  const importToNewWorkbook = ({ data, text }: ImportedReport): Promise<void> =>
    file.replace('import', async (downloaded) => {
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
  // 一键校验 is a click away: its code is fetched and run while the pane is idle after the first view
  React.useEffect(() => {
    if (port === null) return undefined;
    const w = window as Window & { requestIdleCallback?: (cb: () => void) => number; cancelIdleCallback?: (id: number) => void };
    const id = w.requestIdleCallback ? w.requestIdleCallback(() => preloadView('check')) : window.setTimeout(() => preloadView('check'), 500);
    return () => (w.cancelIdleCallback ? w.cancelIdleCallback(id) : window.clearTimeout(id));
  }, [port]);
  // with no workbook yet (outside Excel) the shell itself is the first view
  React.useEffect(() => {
    if (port === null) markFirstRender();
  }, [port, markFirstRender]);

  const labels: Record<ViewId, string> = { insert: t.nav.insert, check: t.nav.check, report: t.nav.report, rollup: t.nav.rollup };

  return (
    <main className={styles.root} data-testid="pane" data-view={view} data-mode={inExcel ? 'excel' : 'file'} lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <h1 className={styles.header}>{t.appTitle}</h1>
      {!inExcel && files && (
        <FilePanel backend={files} current={workbook} onOpen={onOpen} onDownloaded={() => file.setChanged(false)} replace={file.replace} />
      )}
      {workbook && file.ask && (
        <React.Suspense fallback={null}>
          <ReplaceDialog workbook={workbook} changed={file.changed} ask={file.ask} onAnswer={file.answer} />
        </React.Suspense>
      )}
      <PaneTabs
        className={styles.tabs}
        ids={VIEW_IDS}
        labels={labels}
        selected={view}
        onSelect={show}
        label={t.nav.label}
        controls={(id) => (port !== null && visited.has(id) ? `panel-${id}` : undefined)}
      />
      {notice && (
        <MessageBar intent="success" data-testid="app-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {port === null ? (
        <>
          {view !== 'rollup' && (
            <MessageBar intent="info">
              <MessageBarBody>{t.common.noWorkbook}</MessageBarBody>
            </MessageBar>
          )}
          {view === 'rollup' && files && (
            <ViewBoundary view="rollup">
              <RollupView files={files} />
            </ViewBoundary>
          )}
          {view === 'insert' && onImport && (
            <ViewBoundary view="import">
              <ImportSection onInsert={onImport} />
            </ViewBoundary>
          )}
        </>
      ) : (
        <ViewPanels
          view={view}
          visited={visited}
          generation={generation}
          port={port}
          inExcel={inExcel}
          files={files}
          onImport={onImport}
          locale={locale}
          className={styles.panel}
          onRendered={markFirstRender}
        />
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
