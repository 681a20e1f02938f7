import type { ValueKind } from '../formats/types';
import type { CellValue } from '../grid';
import type { Value } from '../model/report';

/**
 * - unit-stripped: a number followed by the cell's unit (“251000元” in a 元 cell, “3件”)
 * - sign: a number written with a sign as text (“+2”, “-3”)
 * - text: text that is not a number; kept as the string
 * - blank-marker: “-”, “/”, “—”, “无” and the like; kept as the string (the rules report CELL-BLANK)
 */
export type ValueNote = 'unit-stripped' | 'sign' | 'text' | 'blank-marker';

export interface ParsedValue {
  value: Value;
  note?: ValueNote;
  /** the unit that was found in the cell (with unit-stripped) */
  unit?: string;
}

const BLANK_MARKERS = new Set(['-', '--', '/', '//', '\\', '—', '——', '–', '―', '无', '空', '…', '……', 'n/a', 'N/A']);
/** quantity words that never change a count */
const COUNT_UNITS = ['件', '项', '个'];
/** every unit the reader knows (used when the caller names no cell unit) */
const KNOWN_UNITS = ['万元', '元', '件', '项', '个'];

const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/u;

function parseNumber(t: string): { n: number; signed: boolean } | undefined {
  const m = NUMBER.exec(t);
  if (!m) return undefined;
  const n = Number(`${m[1] === '-' ? '-' : ''}${m[2].replace(/,/g, '')}${m[3] ?? ''}`);
  if (!Number.isFinite(n)) return undefined;
  return { n: n === 0 ? 0 : n, signed: m[1] !== undefined };
}

/**
 * A cell's raw content as a report value. Numbers stay numbers; number text is parsed
 * (“+2” → 2, “-3” → -3, “1,234” → 1234); a unit is stripped only when it is the cell's unit
 * (`unit`; for counts also 件/项/个): “25.1万元” in a 万元 cell → 25.1, but “251000元” in a
 * 万元 cell stays text so that the checks report it — no silent conversion. Without `unit`
 * any known unit (万元, 元, 件, 项, 个) is stripped. Empty → null; blank markers and other
 * text are kept as the (trimmed) string.
 */
export function parseValue(raw: CellValue, kind: ValueKind, unit?: string): ParsedValue {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { value: String(raw), note: 'text' };
  if (typeof raw === 'boolean') return { value: raw ? 'TRUE' : 'FALSE', note: 'text' };
  const kept = raw.trim();
  const t = raw
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]/gu, '')
    .replace(/^[−–—﹣]+(?=\d)/u, '-');
  if (t === '') return { value: null };
  if (BLANK_MARKERS.has(t)) return { value: kept, note: 'blank-marker' };
  const num = parseNumber(t);
  if (num) return num.signed ? { value: num.n, note: 'sign' } : { value: num.n };
  const units = unit ? (kind === 'amount' ? [unit] : [unit, ...COUNT_UNITS.filter((u) => u !== unit)]) : KNOWN_UNITS;
  for (const u of [...units].sort((a, b) => b.length - a.length)) {
    if (t.length > u.length && t.endsWith(u)) {
      const rest = parseNumber(t.slice(0, -u.length));
      if (rest) return { value: rest.n, note: 'unit-stripped', unit: u };
    }
  }
  return { value: kept, note: 'text' };
}
