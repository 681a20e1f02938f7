/**
 * Inside WPS 表格: the ET object model port (its code is a chunk of its own, loaded only in WPS,
 * so the Excel and browser bundles do not carry it).
 */
import type { WorkbookPort } from '../workbook/port';

export async function wpsWorkbookPort(application: unknown): Promise<WorkbookPort> {
  const { wpsPort } = await import(/* webpackChunkName: "wps-port" */ '../workbook/wps');
  // the host check (isWpsApplication) stood before: this is WPS's ET Application
  return wpsPort(application as Parameters<typeof wpsPort>[0]);
}
