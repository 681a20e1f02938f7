/**
 * Outside Excel: .xlsx files through the ExcelJS port, loaded with import() on first use so the
 * pane's first render does not wait for ExcelJS.
 */
import type { FileBackend, FileWorkbook, LostPart } from '../ui/files';
import type { WorkbookReader } from '../workbook/port';

export function xlsxBackend(): FileBackend {
  const load = () => import(/* webpackChunkName: "xlsx-port" */ '../workbook/xlsx');
  return {
    async create(): Promise<FileWorkbook> {
      const { XlsxWorkbook } = await load();
      return XlsxWorkbook.create();
    },
    async open(data: ArrayBuffer, fileName: string): Promise<FileWorkbook> {
      const { XlsxWorkbook } = await load();
      return XlsxWorkbook.open(new Uint8Array(data), fileName);
    },
    async read(data: ArrayBuffer, fileName: string): Promise<WorkbookReader> {
      const { readXlsx } = await load();
      return readXlsx(new Uint8Array(data), fileName);
    },
    async unsupportedParts(data: ArrayBuffer): Promise<LostPart[]> {
      const { unsupportedParts } = await load();
      return unsupportedParts(new Uint8Array(data));
    },
  };
}
