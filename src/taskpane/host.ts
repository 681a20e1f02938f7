/**
 * Where the pane runs: inside Excel (office.js with an Excel host), in a browser where office.js
 * loaded but has no host, or with no office.js at all (offline, or the script was blocked).
 */

export type HostKind = 'excel' | 'browser' | 'offline';

/** The part of `window.Office` the bootstrap needs. */
export interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  context?: { displayLanguage?: string };
}

export interface HostInfo {
  kind: HostKind;
  /** Office's display language (e.g. 'zh-CN', 'en-US') when in Excel */
  displayLanguage?: string;
}

/** Resolve the host; office.js without a host, or one that never answers, is not Excel. */
export async function detectHost(office: OfficeLike | undefined, timeoutMs = 5000): Promise<HostInfo> {
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
