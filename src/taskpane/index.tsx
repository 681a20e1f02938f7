/**
 * Task pane bootstrap: inside Excel → the office.js port; inside WPS 表格 (the WPS add-in's
 * window.Application) → the ET port; office.js without a host, or no office.js at all → the
 * page works on .xlsx files (ExcelJS loaded on demand).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { localeFromLanguage } from '../core/messages/ui';
import type { UiLocale } from '../core/messages/ui';
import { App, preloadView } from '../ui/App';
import type { ViewId } from '../ui/views';
import { viewFromSearch } from '../ui/views';
import type { OfficeLike } from './host';
import { detectHost } from './host';
import { xlsxBackend } from './files';
import { officePort } from './office';
import { wpsWorkbookPort } from './wps';
import { setDiagnosticsHost } from '../ui/diagnostics';

/** A marker for tests and the benchmark: the first view has rendered. */
function markRendered(view: ViewId): void {
  performance.mark('pane-first-render');
  document.documentElement.setAttribute('data-pane-ready', view);
}

function bootFailed(error: unknown): void {
  const el = document.getElementById('root');
  if (el) {
    el.textContent = `政务公开年报助手未能启动。请关闭后重新打开任务窗格。（${error instanceof Error ? error.message : String(error)}）`;
  }
  document.documentElement.setAttribute('data-pane-ready', 'failed');
}

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing');
  const params = new URLSearchParams(window.location.search);
  const initialView = viewFromSearch(window.location.search);
  preloadView(initialView); // in parallel with office.js becoming ready
  const globals = window as unknown as { Office?: OfficeLike; Application?: unknown; wps?: unknown };
  const host = await detectHost(globals.Office, undefined, { application: globals.Application, wpsGlobal: globals.wps });
  setDiagnosticsHost({ kind: host.kind, application: host.application });
  document.documentElement.setAttribute('data-host', host.kind);
  const root = createRoot(container);

  if (host.kind === 'wps') {
    const locale: UiLocale = localeFromLanguage(params.get('lang'));
    const port = await wpsWorkbookPort(globals.Application);
    root.render(<App locale={locale} initialView={initialView} port={port} files={xlsxBackend()} onFirstRender={markRendered} />);
    return;
  }

  if (host.kind === 'excel') {
    const locale: UiLocale = localeFromLanguage(params.get('lang') ?? host.displayLanguage);
    const port = await officePort();
    // the ExcelJS backend here only reads last year's .xlsx (载入上年数据); loaded on first use
    root.render(<App locale={locale} initialView={initialView} port={port} files={xlsxBackend()} onFirstRender={markRendered} />);
    return;
  }
  const locale: UiLocale = localeFromLanguage(params.get('lang'));
  root.render(<App locale={locale} initialView={initialView} files={xlsxBackend()} onFirstRender={markRendered} />);
}

main().catch(bootFailed);
