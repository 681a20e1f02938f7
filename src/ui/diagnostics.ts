/**
 * Failures shown to the user: one Chinese (or English) sentence per error code, and the
 * diagnostic text (code + data + stack) behind the "复制诊断信息" button.
 */
import { errorText, KNOWN_ERROR_CODES } from '../core/messages/errors';
import { HOST_NAMES } from '../core/messages/host';
import type { HostKindName } from '../core/messages/host';
import type { UiLocale, UiStrings } from '../core/messages/ui';
import { AppError } from '../app/errors';
import { WorkbookError } from '../workbook/port';

export interface ErrorReport {
  code: string;
  /** the sentence shown to the user */
  text: string;
  /** JSON text copied by 复制诊断信息 */
  diagnostics: string;
}

/** Where the pane runs, as the bootstrap found it (src/taskpane): 复制诊断信息 says it. */
export interface DiagnosticsHost {
  kind: HostKindName;
  /** in WPS: Application.Name and Build as WPS reports them */
  application?: { name?: string; build?: string };
}

let paneHost: DiagnosticsHost | undefined;

/** Called once by the bootstrap when it knows the host. */
export function setDiagnosticsHost(host: DiagnosticsHost | undefined): void {
  paneHost = host;
}

/** The host in the user's words (在 Excel 中 / 在 WPS 表格中 / 在浏览器中), or undefined before the bootstrap said. */
export function hostText(): string | undefined {
  return paneHost ? HOST_NAMES[paneHost.kind] : undefined;
}

function errorCode(error: unknown): string {
  if (error instanceof WorkbookError || error instanceof AppError) return error.code;
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && code) return code;
  }
  return 'unexpected';
}

function errorData(error: unknown): Record<string, unknown> | undefined {
  if (error instanceof WorkbookError || error instanceof AppError) return error.data;
  if (error && typeof error === 'object' && 'data' in error) {
    const data = (error as { data: unknown }).data;
    if (data && typeof data === 'object') return data as Record<string, unknown>;
  }
  return undefined;
}

function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'bigint') return v.toString();
      if (v && typeof v === 'object') {
        if (seen.has(v)) return '[circular]';
        seen.add(v);
      }
      return v;
    },
    2,
  );
}

export function describeError(
  error: unknown,
  strings: UiStrings,
  context: Record<string, unknown> = {},
  locale: UiLocale = 'zh',
): ErrorReport {
  const code = errorCode(error);
  // one sentence per code, the same the command line prints (core/messages/errors)
  const text = KNOWN_ERROR_CODES.includes(code) ? errorText({ code, data: errorData(error) }, locale) : strings.unexpected;
  const err = error instanceof Error ? error : undefined;
  const diagnostics = safeJson({
    app: 'nianbao-taskpane',
    host: hostText(),
    hostKind: paneHost?.kind,
    hostApplication: paneHost?.application,
    code,
    message: err?.message ?? String(error),
    name: err?.name,
    data: errorData(error),
    // office.js errors carry debugInfo with the failing API
    debugInfo:
      error && typeof error === 'object' && 'debugInfo' in error ? (error as { debugInfo: unknown }).debugInfo : undefined,
    stack: err?.stack,
    context,
    time: new Date().toISOString(),
    userAgent: typeof navigator !== 'undefined' ? navigator.userAgent : undefined,
  });
  return { code, text, diagnostics };
}

/** Copy text to the clipboard; the Clipboard API first, then the older execCommand way. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through: Office webviews may refuse the Clipboard API
  }
  if (typeof document === 'undefined') return false;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
