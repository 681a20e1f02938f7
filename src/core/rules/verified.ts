/**
 * Findings a reviewer has verified, kept on the visible sheet 核实说明 (检查 · 单元格 · 核实时数值 ·
 * 说明 · 日期). A verified finding stays verified while the numbers it was verified with stay the
 * same; when one of them changes it comes back, marked stale (核实后数值已改变).
 */
import { parseA1, sheetRef, type CellValue, type Grid } from '../grid';
import { VERIFY_HEADERS } from '../messages/rollup';
import type { Finding, FindingCell } from './types';

/** One row of 核实说明. */
export interface Verification {
  /** the check's id (NARR-TABLE, T3-COL …) */
  check: string;
  /** the cell as written: `年报统计表!D12` or `D12` */
  cell: string;
  /** the finding's numbers when it was verified (findingValues) */
  values: string;
  note: string;
  /** YYYY-MM-DD */
  date: string;
  /** the row on the sheet, 1-based */
  row: number;
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());

/** An Excel date serial (a date cell a person typed) as YYYY-MM-DD; other values as text. */
function dateText(v: CellValue | undefined): string {
  if (typeof v === 'number' && v > 20000 && v < 80000) {
    const d = new Date(Math.round((v - 25569) * 86400000));
    return d.toISOString().slice(0, 10);
  }
  return text(v);
}

/**
 * The rows of 核实说明. The columns are found by their headers (a person may have moved them);
 * without a header row they are A–E. Rows without a check or a cell are left out.
 */
export function readVerifications(grid: Grid | undefined): Verification[] {
  if (!grid) return [];
  let cols = [0, 1, 2, 3, 4];
  let start = 0;
  const headerAt = grid.cells.findIndex((row) => row.some((v) => text(v) === VERIFY_HEADERS[0]) && row.some((v) => text(v) === VERIFY_HEADERS[1]));
  if (headerAt >= 0) {
    const row = grid.cells[headerAt];
    cols = VERIFY_HEADERS.map((h, i) => {
      const at = row.findIndex((v) => text(v) === h);
      return at >= 0 ? at : i;
    });
    start = headerAt + 1;
  }
  const out: Verification[] = [];
  for (let r = start; r < grid.cells.length; r++) {
    const row = grid.cells[r];
    const [check, cell, values, note] = cols.slice(0, 4).map((c) => text(row[c]));
    if (!check || !cell) continue;
    out.push({ check, cell, values, note, date: dateText(row[cols[4]]), row: grid.origin.row + r + 1 });
  }
  return out;
}

/** A cell reference split into its sheet (when given) and its A1 address, normalised. */
export function parseCellRef(ref: string): { sheet?: string; address: string } | undefined {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]?.trim();
  const address = `${m[3].toUpperCase()}${m[4]}`;
  return parseA1(address) ? { sheet: sheet || undefined, address } : undefined;
}

/** The finding's cells that have an address (the click target first). */
function locatedCells(f: Finding): FindingCell[] {
  return [f.suspect, f.likely, ...f.cells].filter((c): c is FindingCell => !!c?.address);
}

/** Whether the cell reference names one of the finding's cells (the sheet, when given, must agree). */
export function findingHasCell(f: Finding, ref: string): FindingCell | undefined {
  const want = parseCellRef(ref);
  if (!want) return undefined;
  return locatedCells(f).find(
    (c) => c.address?.replace(/\$/g, '').toUpperCase() === want.address && (!want.sheet || !c.sheet || c.sheet === want.sheet),
  );
}

function valueText(v: FindingCell['value']): string {
  if (v === null || v === undefined || v === '') return '空';
  return typeof v === 'number' ? String(v) : `“${v}”`;
}

/**
 * The numbers a finding stands on, as written in 核实时数值: every cell of the finding with its value
 * (`D12=5；E12=7`, sheet-qualified when the cells are on several sheets); for a finding without cells,
 * its two sides. Equal numbers give the same text.
 */
export function findingValues(f: Finding): string {
  const cells = f.cells.filter((c) => c.address);
  if (cells.length === 0) {
    const sides = [f.expected, f.actual].filter((v) => v !== undefined);
    return sides.length ? sides.join(' / ') : f.sentence ?? f.message;
  }
  const sheets = new Set(cells.map((c) => c.sheet ?? ''));
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const c of cells) {
    const ref = sheets.size > 1 && c.sheet ? sheetRef(c.sheet, c.address as string) : (c.address as string);
    const key = `${ref}=${valueText(c.value)}`;
    if (!seen.has(key)) parts.push(key);
    seen.add(key);
  }
  return parts.join('；');
}

/** The row of 核实说明 that speaks of this finding: the same check at one of its cells. */
export function verificationFor(f: Finding, verifications: readonly Verification[]): Verification | undefined {
  return verifications.find((v) => v.check === f.id && findingHasCell(f, v.cell));
}

/**
 * The findings with their disposition where a reviewer verified them: the note and date, and
 * `stale` when the numbers are no longer those written in 核实时数值.
 */
export function applyDispositions(findings: Finding[], verifications: readonly Verification[]): Finding[] {
  if (verifications.length === 0) return findings;
  return findings.map((f) => {
    const v = verificationFor(f, verifications);
    if (!v) return f;
    return { ...f, disposition: { note: v.note, date: v.date, stale: v.values !== findingValues(f) } };
  });
}

/** Verified and still standing on the same numbers: listed under 已核实, not counted as an error. */
export function isVerified(f: Finding): boolean {
  return !!f.disposition && !f.disposition.stale;
}

/** The findings that count (errors for exit 1, counts on a board): all with `strict`, else those not verified. */
export function openFindings(findings: Finding[], strict = false): Finding[] {
  return strict ? findings : findings.filter((f) => !isVerified(f));
}
