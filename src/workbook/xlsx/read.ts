/**
 * Opening an .xlsx file only to read it (check, roll-up, last year's figures): the snapshot
 * when it reads the file exactly as ExcelJS would, else the ExcelJS port. Either way the same
 * errors for a file that is not a workbook. No Node APIs.
 */
import type { WorkbookReader } from '../port';
import { XlsxSnapshot } from './snapshot';
import { requireXlsx, XlsxWorkbook } from './xlsx-workbook';

export async function readXlsx(data: Uint8Array | ArrayBuffer, fileName?: string): Promise<WorkbookReader> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  requireXlsx(bytes, fileName);
  return XlsxSnapshot.read(bytes) ?? XlsxWorkbook.open(bytes, fileName);
}
