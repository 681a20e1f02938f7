/**
 * Where the pane runs: inside Excel (office.js with an Excel host), inside WPS 表格 (the WPS
 * add-in's `window.Application`, the ET object model), in a browser where office.js loaded but
 * has no host, or with no office.js at all (offline, or the script was blocked).
 */

export type HostKind = 'excel' | 'wps' | 'browser' | 'offline';

/** The part of `window.Office` the bootstrap needs. */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context?: { displayLanguage?: string };
}

export interface HostInfo {
  kind: HostKind;
  /** Office's display language (e.g. 'zh-CN', 'en-US') when in Excel */
  displayLanguage?: string;
  /** in WPS: Application.Name and Application.Build / Version as WPS reports them (for 复制诊断信息) */
  application?: { name?: string; build?: string };
}

/**
 * The WPS add-in's `window.Application` in 表格 (ET): an object with a workbook API
 * (ActiveWorkbook / Workbooks) and something only WPS has: its add-in API (CreateTaskPane,
 * PluginStorage), the global `wps` object of add-in pages, or a name that says WPS / ET.
 * In Excel there is no `window.Application` (office.js works through `Excel.run`).
 */
export function isWpsApplication(application: unknown, wpsGlobal?: unknown): boolean {
  if (application === null || (typeof application !== 'object' && typeof application !== 'function')) return false;
  const app = application as Record<string, unknown>;
  const has = (key: string): boolean => {
    try {
      return key in app;
    } catch {
      return false;
    }
  };
  if (!has('ActiveWorkbook') && !has('Workbooks')) return false;
  if (typeof app.CreateTaskPane === 'function' || (has('PluginStorage') && app.PluginStorage)) return true;
  if (wpsGlobal !== undefined && wpsGlobal !== null) return true;
  const name = readString(app, 'Name');
  return name !== undefined && /WPS|^ET\b|表格|Kingsoft|金山/i.test(name);
}

function readString(app: Record<string, unknown>, key: string): string | undefined {
  try {
    const v = app[key];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolve the host. WPS first (its Application is there synchronously; the WPS build loads no
 * office.js). office.js without a host, or one that never answers, is not Excel.
 */
export async function detectHost(
  office: OfficeLike | undefined,
  timeoutMs = 5000,
  wps?: { application: unknown; wpsGlobal?: unknown },
): Promise<HostInfo> {
  if (wps && isWpsApplication(wps.application, wps.wpsGlobal)) {
    const app = wps.application as Record<string, unknown>;
    return { kind: 'wps', application: { name: readString(app, 'Name'), build: readString(app, 'Build') ?? readString(app, 'Version') } };
  }
  if (!office || typeof office.onReady !== 'function') return { kind: 'offline' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady().catch(() => null), timeout]);
    if (info && info.host === 'Excel') {
      return { kind: 'excel', displayLanguage: office.context?.displayLanguage };
    }
    return { kind: 'browser' };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
