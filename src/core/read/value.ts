import type { ValueKind } from '../formats/types';
import type { CellValue } from '../grid';
import type { Value } from '../model/report';

/**
 * The one reading of a value cell's text, for the sheet reader (a cell of a Grid) and the importer
 * (a cell of a published table, a line of copied text): one list of blank markers, one list of
 * units, one number grammar.
 */

/**
 * Text that people put in a value cell for “nothing”, compared after compactValueText and with
 * ASCII letters lower-cased: dashes (- -- — —— – ― − ─, full-width and small forms become “-”
 * under NFKC), slashes (/ // \), ellipses (… …… become “...” under NFKC), crosses (x xx ×),
 * 无 空 暂无 没有, n/a na null.
 */
export const BLANK_MARKERS: readonly string[] = [
  '-', '--', '—', '——', '–', '――', '―', '−', '─',
  '/', '//', '\\',
  '...', '......', '…', '……',
  'x', 'xx', '×',
  '无', '空', '暂无', '没有',
  'n/a', 'na', 'null',
];
const BLANK_SET = new Set(BLANK_MARKERS);

/** Every unit a figure may be written with, longest first where one ends another (万元 before 元). */
export const UNITS: readonly string[] = ['万元', '元', '件', '项', '个', '条', '宗', '起', '次'];
/** Quantity words that never change a count: stripped from a count (or signed count) in any count cell. */
export const COUNT_UNITS: readonly string[] = ['件', '项', '个', '条', '宗', '起', '次'];

const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/gu;
/** dash-like characters NFKC leaves alone, written before a figure as its minus sign */
const LEADING_DASHES = /^[−–—﹣―─]+(?=\d)/u;

/**
 * The form a value text is read in: NFKC (full-width digits, signs and commas → ASCII), no
 * whitespace or zero-width characters, a dash before a figure written as “-”.
 */
export function compactValueText(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').replace(LEADING_DASHES, '-');
}

/** Whether a (compacted) text is a blank marker. */
export function isBlankMarker(compact: string): boolean {
  return BLANK_SET.has(compact) || BLANK_SET.has(compact.toLowerCase());
}

const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/u;

/** A number with an optional sign and thousands separators (only in groups of three: “1,23” is no number). */
function parseNumber(t: string): { n: number; signed: boolean } | undefined {
  const m = NUMBER.exec(t);
  if (!m) return undefined;
  const n = Number(`${m[1] === '-' ? '-' : ''}${m[2].replace(/,/g, '')}${m[3] ?? ''}`);
  if (!Number.isFinite(n)) return undefined;
  return { n: n === 0 ? 0 : n, signed: m[1] !== undefined };
}

/** What a value text is, before knowing the cell it belongs to. */
export type ValueToken =
  | { kind: 'number'; value: number; signed: boolean; unit?: string; text: string }
  | { kind: 'blank'; text: string }
  /** a short text with a figure that is not a plain number (“约156”, “156（件）”, “1,23”) */
  | { kind: 'text'; text: string };

/** a list marker at the start of a label: “1.属于国家秘密”, “（一）”, “一、” */
const LIST_MARKER =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.,，．]|\d{1,2}(?:[、.,，．)）](?!\d)))/u;

function withoutListMarkers(s: string): string {
  let t = s;
  for (let i = 0; i < 3; i++) {
    const m = LIST_MARKER.exec(t);
    if (!m || m[0].length === t.length) break;
    t = t.slice(m[0].length);
  }
  return t;
}

/**
 * Reads a text as a table value: a number (sign, thousands separators, a unit of UNITS), a blank
 * marker (BLANK_MARKERS), or a short text holding a figure (“约156”); anything else is no value (a
 * label: labels carry no digits except their list marker, “1.属于国家秘密”, “第二十条第（一）项”).
 * `allowEmpty`: an empty text is a blank value (an empty table cell), else it is no value.
 */
export function valueToken(raw: string, allowEmpty = false): ValueToken | undefined {
  const t = compactValueText(raw);
  if (t === '') return allowEmpty ? { kind: 'blank', text: '' } : undefined;
  if (isBlankMarker(t)) return { kind: 'blank', text: t };
  const num = parseNumber(t);
  if (num) return { kind: 'number', value: num.n, signed: num.signed, text: t };
  for (const u of UNITS) {
    if (t.length > u.length && t.endsWith(u)) {
      const rest = parseNumber(t.slice(0, -u.length));
      if (rest) return { kind: 'number', value: rest.n, signed: rest.signed, unit: u, text: t };
    }
  }
  const bare = withoutListMarkers(t);
  if (bare.length <= 12 && /\d/u.test(bare) && !/^\d+[.、．,，]\D/u.test(t) && !/年|月|日|条第|第/u.test(bare)) {
    return { kind: 'text', text: t };
  }
  return undefined;
}

/**
 * - unit-stripped: a number followed by the cell's unit (“251000元” in a 元 cell, “3件”)
 * - sign: a number written with a sign as text (“+2”, “-3”)
 * - text: text that is not a number; kept as the string
 * - blank-marker: one of BLANK_MARKERS (“-”, “/”, “—”, “无” …); kept as the string (the rules report CELL-BLANK)
 */
export type ValueNote = 'unit-stripped' | 'sign' | 'text' | 'blank-marker';

export interface ParsedValue {
  value: Value;
  note?: ValueNote;
  /** the unit that was found in the cell (with unit-stripped) */
  unit?: string;
}

/** Whether a unit written after a figure may be stripped in a cell of this kind and unit. */
export function unitFits(written: string, kind: ValueKind, unit?: string): boolean {
  if (!unit) return true;
  if (written === unit) return true;
  return kind !== 'amount' && COUNT_UNITS.includes(written);
}

/**
 * A cell's raw content as a report value. Numbers stay numbers; number text is parsed
 * (“+2” → 2, “-3” → -3, “1,234” → 1234); a unit is stripped only when it fits the cell
 * (unitFits: the cell's `unit`, and for counts any of COUNT_UNITS): “25.1万元” in a 万元 cell →
 * 25.1, but “251000元” in a 万元 cell stays text so that the checks report it — no silent
 * conversion. Without `unit` any of UNITS is stripped. Empty → null; blank markers and other
 * text are kept as the (trimmed) string.
 */
export function parseValue(raw: CellValue, kind: ValueKind, unit?: string): ParsedValue {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { value: String(raw), note: 'text' };
  if (typeof raw === 'boolean') return { value: raw ? 'TRUE' : 'FALSE', note: 'text' };
  const tok = valueToken(raw, true);
  if (!tok) return { value: raw.trim(), note: 'text' };
  return tokenValue(tok, raw, kind, unit);
}

/** parseValue for a text already read as a token. */
export function tokenValue(tok: ValueToken, raw: string, kind: ValueKind, unit?: string): ParsedValue {
  if (tok.kind === 'blank') return tok.text === '' ? { value: null } : { value: raw.trim(), note: 'blank-marker' };
  if (tok.kind === 'text') return { value: raw.trim(), note: 'text' };
  if (tok.unit === undefined) return tok.signed ? { value: tok.value, note: 'sign' } : { value: tok.value };
  if (unitFits(tok.unit, kind, unit)) return { value: tok.value, note: 'unit-stripped', unit: tok.unit };
  return { value: raw.trim(), note: 'text' };
}
