/** Inside Excel: the office.js port (its code is a chunk of its own, loaded only in Excel). */
import type { WorkbookPort } from '../workbook/port';

export async function officePort(): Promise<WorkbookPort> {
  const { createOfficeWorkbook } = await import(/* webpackChunkName: "office-port" */ '../workbook/office');
  return createOfficeWorkbook();
}
