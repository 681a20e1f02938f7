/**
 * 标记为已核实 / `nianbao note`: a reviewer accepts a finding (“经核实，原始台账如此”). One row on the
 * visible sheet 核实说明 (检查 · 单元格 · 核实时数值 · 说明 · 日期), which a person may read and edit
 * in Excel or WPS. checkWorkbook reads it back: the finding is listed as verified until the numbers
 * it was verified with change (then it comes back, marked 核实后数值已改变).
 */
import { a1, sheetRef } from '../core/grid';
import { VERIFY_HEADERS, VERIFY_SHEET } from '../core/messages/rollup';
import type { Finding } from '../core/rules/types';
import { findingHasCell, findingValues, readVerifications, verificationFor } from '../core/rules/verified';
import type { CellWrite, WorkbookPort } from '../workbook/port';
import { checkWorkbook, type PreviousYear } from './check';
import { targetCell } from './findings';

export { VERIFY_SHEET };
export type { Verification } from '../core/rules/verified';
export { isVerified, openFindings } from '../core/rules/verified';

/** Today as YYYY-MM-DD (local time: the reviewer's date). */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export interface RecordedVerification {
  sheet: string;
  /** the row written, 1-based */
  row: number;
  /** an existing row of the same finding was replaced */
  updated: boolean;
  /** the cell written in 单元格 */
  cell: string;
  /** the numbers written in 核实时数值 */
  values: string;
}

/** The cell a verification names: the one given (when it is the finding's), else the finding's target cell. */
function cellOf(finding: Finding, cell?: string): string {
  const c = (cell && findingHasCell(finding, cell)) || targetCell(finding);
  return c?.address ? (c.sheet ? sheetRef(c.sheet, c.address) : c.address) : cell ?? '';
}

/**
 * 标记为已核实 for a finding the surface holds (the pane's card): writes or replaces its row on
 * 核实说明 (the sheet is added with its header when missing). `cell` picks which of the finding's
 * cells is written (default: the one a click goes to).
 */
export async function recordVerification(
  port: WorkbookPort,
  finding: Finding,
  note: string,
  options: { cell?: string; date?: string } = {},
): Promise<RecordedVerification> {
  const sheets = await port.listSheets();
  const exists = sheets.includes(VERIFY_SHEET);
  const sheet = exists ? VERIFY_SHEET : await port.addSheet(VERIFY_SHEET);
  const grid = exists ? await port.readGrid(sheet) : undefined;
  const existing = grid ? readVerifications(grid) : [];
  const empty = !grid || grid.cells.every((r) => r.every((v) => v === null || v === ''));
  const writes: CellWrite[] = [];
  if (empty) VERIFY_HEADERS.forEach((h, c) => writes.push({ sheet, address: a1(0, c), value: h }));
  const same = verificationFor(finding, existing);
  const row = same ? same.row : empty || !grid ? 2 : grid.origin.row + grid.cells.length + 1;
  const cell = cellOf(finding, options.cell);
  const values = findingValues(finding);
  [finding.id, cell, values, note, options.date ?? today()].forEach((value, c) => writes.push({ sheet, address: a1(row - 1, c), value }));
  await port.writeValues(writes);
  return { sheet, row, updated: !!same, cell, values };
}

export type VerifyResult =
  | ({ kind: 'written'; finding: Finding } & RecordedVerification)
  /** no finding of that check at that cell: nothing written; the workbook's current findings */
  | { kind: 'not-found'; findings: Finding[] };

/**
 * `nianbao note --check ID --cell A1 --text …`: checks the workbook, finds the finding of that check
 * at that cell (any of its cells, the sheet optional) and records it as verified.
 */
export async function verifyFinding(
  port: WorkbookPort,
  request: { check: string; cell: string; note: string; date?: string },
  options: { previous?: PreviousYear } = {},
): Promise<VerifyResult> {
  const outcome = await checkWorkbook(port, options);
  const findings = outcome.reports.flatMap((r) => r.findings);
  const id = request.check.trim().toUpperCase();
  const finding = findings.find((f) => f.id.toUpperCase() === id && findingHasCell(f, request.cell));
  if (!finding) return { kind: 'not-found', findings };
  const recorded = await recordVerification(port, finding, request.note, { cell: request.cell, date: request.date });
  return { kind: 'written', finding, ...recorded };
}
