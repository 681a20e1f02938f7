import type { WorkbookPort } from '../workbook/port';

/** A workbook held in memory outside Excel (.xlsx through ExcelJS). */
export interface FileWorkbook extends WorkbookPort {
  /** the workbook as .xlsx bytes */
  toBuffer(): Promise<Uint8Array | ArrayBuffer>;
}

/** How the page outside Excel creates and opens workbooks; the ExcelJS code is loaded on first use. */
export interface FileBackend {
  create(): Promise<FileWorkbook>;
  open(data: ArrayBuffer, fileName: string): Promise<FileWorkbook>;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Offer bytes as a file download (Blob + a[download]). */
export function downloadBytes(bytes: Uint8Array | ArrayBuffer, fileName: string, mime = XLSX_MIME): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function looksLikeXlsx(fileName: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(fileName);
}
