/**
 * Our own auxiliary sheets, written the same way from every surface: 报告正文 (the report's text
 * inputs), 报告文本 (the report's text), 上年数据 (last year's figures). 报告文本 and 上年数据 are
 * replaced whole, so nothing of an earlier version is left behind; 报告正文 is added only when missing.
 */
import type { FormatDef } from '../core/formats';
import { a1, type Grid } from '../core/grid';
import { buildProfilePlan } from '../core/layout/profile';
import { PROFILE_SHEET, TEXT_SHEET } from '../core/messages/narrative';
import { emptyReport, type ReportData } from '../core/model/report';
import { defaultProfile } from '../core/narrative/profile';
import type { ReportProfile } from '../core/narrative/types';
import { PREVIOUS_SHEET, previousToGrid } from '../core/previous';
import type { CellWrite, WorkbookPort } from '../workbook/port';

/**
 * The cells of the sheet 报告文本 for a report's text: one line a row in column A, blank lines
 * left empty. The ports write text as text.
 */
export function textSheetCells(text: string | string[]): { address: string; value: string | null }[] {
  const lines = Array.isArray(text) ? text : text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line, i) => ({ address: `A${i + 1}`, value: line.trim() === '' ? null : line }));
}

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

/**
 * Adds the sheet 报告正文 when the workbook has none: with `profile` (inputs already given) or the
 * default draft for this body and year. An existing one is never touched. Returns the added sheet, or null.
 */
export async function addProfileSheet(
  port: WorkbookPort,
  options: { format: FormatDef; year: number; organization: string; data?: ReportData; profile?: ReportProfile },
): Promise<string | null> {
  if ((await port.listSheets()).includes(PROFILE_SHEET)) return null;
  const sheet = await port.addSheet(PROFILE_SHEET);
  const profile = options.profile ?? defaultProfile(options.data ?? emptyReport(options.format, options.year, options.organization));
  await port.applyPlan(sheet, buildProfilePlan(profile));
  return sheet;
}

/** Whether the workbook has a sheet 报告文本 already (the pane asks before replacing it). */
export async function hasTextSheet(port: WorkbookPort): Promise<boolean> {
  return (await port.listSheets()).includes(TEXT_SHEET);
}
