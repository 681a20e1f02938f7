/** Node-only file access for the ExcelJS port (CLI). Not part of the browser bundle. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { WorkbookError } from '../port';
import { XlsxWorkbook } from './xlsx-workbook';

function ioError(e: unknown, filePath: string, op: 'read' | 'write'): WorkbookError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const reason = code === 'ENOENT' ? 'missing' : code ?? (e instanceof Error ? e.message : String(e));
  return new WorkbookError('io', { file: path.basename(filePath), path: filePath, op, reason });
}

/** Open an .xlsx file. Throws WorkbookError 'io' (data.reason 'missing', 'EACCES' …) or the codes of XlsxWorkbook.open. */
export async function openFile(filePath: string): Promise<XlsxWorkbook> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(filePath));
  } catch (e) {
    throw ioError(e, filePath, 'read');
  }
  return XlsxWorkbook.open(bytes, path.basename(filePath));
}

/** Save a workbook: written to a temporary file next to the target, then renamed over it. */
export async function saveFile(wb: XlsxWorkbook, filePath: string): Promise<void> {
  const bytes = await wb.toBuffer();
  const tmp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, filePath);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw ioError(e, filePath, 'write');
  }
}
