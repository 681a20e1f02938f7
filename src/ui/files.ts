import type { WorkbookPort, WorkbookReader } from '../workbook/port';

/** A workbook held in memory outside Excel (.xlsx through ExcelJS). */
export interface FileWorkbook extends WorkbookPort {
  /** the workbook as .xlsx bytes */
  toBuffer(): Promise<Uint8Array | ArrayBuffer>;
}

/** Content of an .xlsx file that rewriting it outside Excel (ExcelJS) does not carry: charts, pivot tables, images… */
export interface LostPart {
  kind: string;
  /** what it is, in the user's words (图表, 数据透视表, …) */
  label: string;
}

/** How the page outside Excel creates and opens workbooks; the ExcelJS code is loaded on first use. */
export interface FileBackend {
  create(): Promise<FileWorkbook>;
  open(data: ArrayBuffer, fileName: string): Promise<FileWorkbook>;
  /** open a file only to read it (the roll-up): faster where the backend can; else `open` is used */
  read?(data: ArrayBuffer, fileName: string): Promise<WorkbookReader>;
  /** what a download of this file, once opened here, would not contain (empty: nothing is lost) */
  unsupportedParts?(data: ArrayBuffer): Promise<LostPart[]>;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Offer a Blob as a file download (a temporary a[download]; nothing leaves the machine). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // long enough for a slow disk to take a large workbook
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** Offer bytes as a file download. */
export function downloadBytes(bytes: Uint8Array | ArrayBuffer, fileName: string, mime = XLSX_MIME): void {
  downloadBlob(fileName, new Blob([bytes as BlobPart], { type: mime }));
}

export function looksLikeXlsx(fileName: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(fileName);
}

/** A published report saved as text or a web page. */
export function isTextReport(name: string): boolean {
  return /\.(txt|html?)$/i.test(name);
}

/** A file the user picked (the DOM File, or anything with a name and bytes). */
export interface PickedFile {
  name: string;
  arrayBuffer?(): Promise<ArrayBuffer>;
}

/** A file's bytes (Blob.arrayBuffer where there is one, else FileReader). */
export function readBytes(file: PickedFile | Blob): Promise<ArrayBuffer> {
  const read = (file as { arrayBuffer?: () => Promise<ArrayBuffer> }).arrayBuffer;
  if (typeof read === 'function') return read.call(file);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file as Blob);
  });
}

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (a .txt saved by Notepad on a Chinese Windows). */
export function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const CHANGING: ReadonlySet<PropertyKey> = new Set<PropertyKey>(['addSheet', 'applyPlan', 'writeValues', 'setMetadata']);

/**
 * The same workbook, telling `changed` before each call that changes its content (a new sheet,
 * written cells, metadata), so the page knows there is something not yet downloaded.
 */
export function watchChanges<T extends WorkbookPort>(port: T, changed: () => void): T {
  return new Proxy(port, {
    get(target, prop) {
      const v: unknown = Reflect.get(target, prop, target);
      if (typeof v !== 'function') return v;
      if (!CHANGING.has(prop)) return v.bind(target);
      return (...args: unknown[]) => {
        changed();
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
