/**
 * The WPS add-in's entry page script (index.html): the callbacks ribbon.xml names, as globals
 * (WPS calls them by name): OnAddinLoad, OnAction, GetImage. A composition root like
 * src/taskpane: it uses only window.Application (the WPS add-in API) and the pane's URLs.
 *
 * The three buttons open the one task pane (taskpane.html, the same pane as in Excel) on their
 * view (?view=insert|check|report). The pane is created once with Application.CreateTaskPane and
 * its ID kept in PluginStorage (as wpsjs's template does); later clicks navigate it to the view
 * asked for and make it visible. A hidden pane asked for the view it already shows is only shown
 * again, so what it holds stays.
 */
import { WPS_ADDIN } from '../core/messages/host';

type PaneView = 'insert' | 'check' | 'report';

/** The ribbon's buttons (ribbon.xml ids) → the pane's views and icons (assets/, the Excel add-in's icons). */
export const BUTTONS: Record<string, { view: PaneView; image: string }> = {
  nianbaoInsert: { view: 'insert', image: 'assets/insert-32.png' },
  nianbaoCheck: { view: 'check', image: 'assets/check-32.png' },
  nianbaoReport: { view: 'report', image: 'assets/report-32.png' },
};

/** The parts of WPS's task pane and Application this page uses (wps-jsapi: CustomTaskpane). */
interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  Navigate(url: string): void;
}

interface WpsAddinApplication {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null | undefined;
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
  ribbonUI?: unknown;
}

/** A ribbon control as WPS passes it to callbacks */
interface RibbonControl {
  Id?: string;
  id?: string;
}

const PANE_ID = 'nianbao_taskpane_id';
const PANE_VIEW = 'nianbao_taskpane_view';

function application(): WpsAddinApplication {
  return (window as unknown as { Application: WpsAddinApplication }).Application;
}

/** The folder this page was loaded from, decoded, as wpsjs's template's GetUrlPath() gives it. */
export function addinBase(href: string): string {
  const decoded = decodeURI(href).replace(/[?#].*$/, '');
  return decoded.includes('/') ? decoded.substring(0, decoded.lastIndexOf('/')) : decoded;
}

export function paneUrl(view: PaneView, href: string = document.location.toString()): string {
  return `${addinBase(href)}/taskpane.html?view=${view}`;
}

function controlId(control: RibbonControl | undefined): string {
  return String(control?.Id ?? control?.id ?? '');
}

/** The pane made earlier, if WPS still has it. */
function existingPane(app: WpsAddinApplication): WpsTaskPane | undefined {
  const id = app.PluginStorage.getItem(PANE_ID);
  if (id === null || id === undefined || id === '' || id === false) return undefined;
  try {
    return app.GetTaskPane(Number(id)) ?? undefined;
  } catch {
    return undefined; // closed with its window: make a new one
  }
}

/** Show the pane on `view`: one pane, navigated and made visible; created only the first time. */
export function openPane(view: PaneView): WpsTaskPane {
  const app = application();
  const url = paneUrl(view);
  const pane = existingPane(app);
  if (pane) {
    const shown = app.PluginStorage.getItem(PANE_VIEW);
    if (!(shown === view && !pane.Visible)) pane.Navigate(url);
    pane.Visible = true;
    app.PluginStorage.setItem(PANE_VIEW, view);
    return pane;
  }
  const created = app.CreateTaskPane(url, WPS_ADDIN.taskPaneTitle);
  app.PluginStorage.setItem(PANE_ID, created.ID);
  app.PluginStorage.setItem(PANE_VIEW, view);
  created.Visible = true;
  return created;
}

/** ribbon.xml customUI onLoad: the first call WPS makes into the add-in. */
export function OnAddinLoad(ribbonUI: unknown): boolean {
  const app = application();
  if (typeof app.ribbonUI !== 'object') app.ribbonUI = ribbonUI;
  return true;
}

/** ribbon.xml button onAction */
export function OnAction(control: RibbonControl): boolean {
  const button = BUTTONS[controlId(control)];
  if (!button) return false;
  try {
    openPane(button.view);
  } catch (e) {
    window.alert(WPS_ADDIN.paneFailed(e instanceof Error ? e.message : String(e)));
    return false;
  }
  return true;
}

/** ribbon.xml button getImage: a path relative to the add-in's folder */
export function GetImage(control: RibbonControl): string {
  return BUTTONS[controlId(control)]?.image ?? 'assets/icon-32.png';
}

// WPS finds the callbacks by their names on the page's global object
Object.assign(window, { OnAddinLoad, OnAction, GetImage });
