/**
 * Operations over any WorkbookPort (Excel or an .xlsx file), shared by the pane and the command
 * line: they write our own auxiliary sheets, replacing what an earlier run wrote there.
 */
import { textSheetCells } from '../core/check/workbook';
import { a1, type Grid } from '../core/grid';
import { TEXT_SHEET } from '../core/messages/narrative';
import type { ReportData } from '../core/model/report';
import { PREVIOUS_SHEET, previousToGrid } from '../core/previous';
import type { CellWrite, WorkbookPort } from './port';

/**
 * Writes `cells` on the sheet `name` (created when missing); on an existing sheet every other
 * non-empty cell is cleared, so nothing of an earlier version is left behind. Returns the sheet.
 */
async function replaceSheet(port: WorkbookPort, name: string, cells: { address: string; value: string | number | null }[]): Promise<string> {
  const exists = (await port.listSheets()).includes(name);
  const sheet = exists ? name : await port.addSheet(name);
  const writes = new Map<string, CellWrite>();
  if (exists) {
    const old: Grid = await port.readGrid(sheet);
    old.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        const address = a1(old.origin.row + r, old.origin.col + c);
        writes.set(address, { sheet, address, value: null });
      }),
    );
  }
  for (const { address, value } of cells) writes.set(address, { sheet, address, value });
  await port.writeValues([...writes.values()]);
  return sheet;
}

/** Keeps last year's figures with this year's workbook, on the sheet 上年数据. */
export async function storePrevious(port: WorkbookPort, previous: ReportData): Promise<string> {
  const cells: { address: string; value: string | number | null }[] = [];
  previousToGrid(previous).forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      cells.push({ address: a1(r, c), value: typeof v === 'boolean' ? String(v) : v });
    }),
  );
  return replaceSheet(port, PREVIOUS_SHEET, cells);
}

/** Writes a report's text on the sheet 报告文本, one line a row, where 一键校验 reads it back. */
export async function writeTextSheet(port: WorkbookPort, text: string | string[]): Promise<string> {
  return replaceSheet(port, TEXT_SHEET, textSheetCells(text));
}
