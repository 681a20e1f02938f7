import type { WorkbookPort } from '../port';
import type { WpsApplication } from './host';
import { WpsWorkbook } from './WpsWorkbook';

export { WpsWorkbook } from './WpsWorkbook';
export type { WpsApplication } from './host';

/** The WorkbookPort over WPS 表格's object model (`window.Application` in a WPS add-in page). */
export function wpsPort(app: WpsApplication): WorkbookPort {
  return new WpsWorkbook(app);
}
