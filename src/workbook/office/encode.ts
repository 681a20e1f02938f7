/**
 * Pure helpers of the office.js port, shared with the WPS port (both keep metadata and marks in the
 * same hidden names): how values, widths and remembered state are written, and cell blocks.
 */
import type { CellValue } from '../../core/grid';
import { parseA1, rangeA1 } from '../../core/grid';
import type { SheetPlan } from '../../core/layout/plan';
import type { SheetMetadata } from '../port';

/**
 * A value as it is written into `range.values` / `range.formulas`.
 *
 * Excel parses what it is given as if it were typed: '=1+1' and '@x' become formulas, '+5' and
 * '-3' numbers, '2021年1月' and '3-4' dates, 'TRUE' a boolean. A leading apostrophe makes Excel keep
 * the rest as text (the apostrophe becomes the cell's quote prefix and is neither part of
 * `values` nor of `formulas`). So every non-empty string is written with one: text stays text,
 * whatever it looks like, without giving the cell the '@' (Text) number format (which would turn
 * the numbers a user types later into text as well).
 */
export function asExcelInput(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return value === '' ? '' : `'${value}`;
}

/** A read value: '' (empty cell) → null. */
export function fromExcelValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/**
 * A read formula (without '='), or null when the cell holds a constant. office.js returns a
 * quote-prefixed text such as '=x' without its apostrophe in `formulas` too, so a cell holds a
 * formula only when `formulas` starts with '=' and differs from `values`.
 */
export function fromExcelFormula(formula: unknown, value: unknown): string | null {
  if (typeof formula !== 'string' || !formula.startsWith('=') || formula.length < 2) return null;
  if (formula === value) return null;
  return formula.slice(1);
}

/**
 * Column width in characters (the width unit of the format definitions and of .xlsx files) →
 * points (office.js `format.columnWidth`). Excel: pixels = trunc(chars × max digit width + 5)
 * with a 7-pixel digit for the default Calibri 11 / 等线 11; 1 px = 0.75 pt. 8.43 chars → 48 pt.
 */
export function charsToPoints(chars: number): number {
  const px = Math.trunc(chars * 7 + 5);
  return Math.round(px * 0.75 * 100) / 100;
}

/** Sheet name for a formula or name reference, always quoted: 'My Sheet'!$A$1 */
export function quotedSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** 'B3:D5' → '$B$3:$D$5' */
export function absolute(address: string): string {
  return address.replace(/\$/g, '').replace(/([A-Za-z]{1,3})(\d+)/g, '$$$1$$$2');
}

/** '表格!B3', "'My Sheet'!B3:C4" → { sheet, address } */
export function splitAddress(full: string): { sheet: string; address: string } {
  const bang = full.lastIndexOf('!');
  if (bang < 0) return { sheet: '', address: full };
  let sheet = full.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1) };
}

/* ------------------------------------------------------------ strings kept in defined names */

/** Excel limits a string constant in a formula to 255 characters: split and join with &. */
const CHUNK = 120;
/** keep each defined name's formula well under Excel's 8192-character limit */
export const NAME_FORMULA_BUDGET = 7000;

/** A string as a name formula: ="…"&"…" */
export function stringFormula(s: string): string {
  const parts: string[] = [];
  for (let i = 0; i < s.length; i += CHUNK) parts.push(`"${s.slice(i, i + CHUNK).replace(/"/g, '""')}"`);
  if (parts.length === 0) parts.push('""');
  return `=${parts.join('&')}`;
}

/** The string of a name formula written by stringFormula, or null when it is not one. */
export function parseStringFormula(formula: unknown): string | null {
  if (typeof formula !== 'string') return null;
  const re = /^\s*"((?:[^"]|"")*)"\s*(&|$)/;
  let rest = formula.trim().replace(/^=/, '');
  let out = '';
  for (;;) {
    const m = re.exec(rest);
    if (!m) return null;
    out += m[1].replace(/""/g, '"');
    rest = rest.slice(m[0].length);
    if (m[2] === '') return rest.trim() === '' ? out : null;
  }
}

/** Split a long string into pieces whose formulas each fit in one defined name. */
export function splitForNames(s: string): string[] {
  const out: string[] = [];
  // doubling quotes and the "…"& wrappers at most doubles the length, plus 3 per chunk
  const size = Math.floor(NAME_FORMULA_BUDGET / 2.1);
  for (let i = 0; i < s.length; i += size) out.push(s.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

/* ------------------------------------------------------------ sheet metadata */

export function encodeMetadata(meta: SheetMetadata): string {
  return JSON.stringify({
    v: 1,
    format: meta.format,
    year: meta.year,
    organization: meta.organization,
    manualTotals: meta.manualTotals,
  });
}

export function decodeMetadata(text: string | null | undefined): SheetMetadata | null {
  if (!text) return null;
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null) return null;
  const r = o as Record<string, unknown>;
  if (typeof r.format !== 'string' || typeof r.year !== 'number' || !Number.isInteger(r.year)) return null;
  return {
    format: r.format,
    year: r.year,
    organization: typeof r.organization === 'string' ? r.organization : '',
    manualTotals: r.manualTotals === true,
  };
}

/* ------------------------------------------------------------ highlight marks */

/** A highlighted cell and the fill it had before ('' = no fill). */
export interface MarkRecord {
  sheet: string;
  address: string;
  previous: string;
}

export function encodeMarks(marks: MarkRecord[]): string {
  return JSON.stringify({ v: 1, m: marks.map((m) => [m.sheet, m.address, m.previous]) });
}

export function decodeMarks(text: string): MarkRecord[] | null {
  try {
    const o = JSON.parse(text) as { v?: unknown; m?: unknown };
    if (o.v !== 1 || !Array.isArray(o.m)) return null;
    const out: MarkRecord[] = [];
    for (const e of o.m) {
      if (Array.isArray(e) && e.length === 3 && e.every((x) => typeof x === 'string')) {
        out.push({ sheet: e[0] as string, address: e[1] as string, previous: e[2] as string });
      }
    }
    return out;
  } catch {
    return null;
  }
}

/* ------------------------------------- cell blocks and remembered state (office.js and WPS) */

/** sheet-scoped hidden name holding the same metadata (works from ExcelApi 1.4) */
export const META_NAME = 'nianbao_meta';

/** workbook-scoped hidden names holding the highlighted cells and their previous fills */
export const MARKS_NAME_PREFIX = 'nianbao_marks_';

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const rectAddress = (r: Rect): string => rangeA1(r.r0, r.c0, r.r1 - r.r0 + 1, r.c1 - r.c0 + 1);

export function toRect(address: string): Rect | null {
  const [tl, br] = address.split(':');
  const p = parseA1(tl);
  const q = br ? parseA1(br) : p;
  if (!p || !q) return null;
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

/** the sheet all items are on (to name it when it is missing), or undefined when they differ */
export function onlySheet(items: { sheet: string }[]): string | undefined {
  const names = new Set(items.map((i) => i.sheet));
  return names.size === 1 ? items[0].sheet : undefined;
}

export function boundsAddress(plan: SheetPlan): string {
  const b = plan.bounds;
  return rangeA1(b.r, b.c, b.rows, b.cols);
}

export function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

export const markKey = (sheet: string, address: string): string => `${sheet.toLowerCase()}!${address.replace(/\$/g, '').toUpperCase()}`;

/** marks from the workbook and from this session, each cell once (the workbook's record first) */
export function mergeMarks(a: MarkRecord[], b: MarkRecord[]): MarkRecord[] {
  const out = new Map<string, MarkRecord>();
  for (const m of [...a, ...b]) {
    const key = markKey(m.sheet, m.address);
    if (!out.has(key)) out.set(key, m);
  }
  return [...out.values()];
}

export const inchesToPoints = (inches: number): number => Math.round(inches * 72 * 100) / 100;
