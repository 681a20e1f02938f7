/** Inside Excel: the office.js port (its code is a chunk of its own, loaded only in Excel). */
import type { WorkbookPort } from '../workbook/port';

export async function officePort(): Promise<WorkbookPort> {
  const { OfficeWorkbook } = await import(/* webpackChunkName: "office-port" */ '../workbook/office');
  return new OfficeWorkbook(Excel, (name: string, version?: string) =>
    Office.context.requirements.isSetSupported(name, version),
  );
}
