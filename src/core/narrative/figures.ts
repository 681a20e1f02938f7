import { AMOUNT_DECIMALS, type ValueKind } from '../formats/types';
import type { Value } from '../model/report';

/** A number as written in the report: counts as integers, 本年增/减 with sign, amounts to the 分 (≤ AMOUNT_DECIMALS decimals). */
export function formatNumber(v: number, kind: ValueKind = 'count'): string {
  if (kind === 'amount') {
    const s = v.toFixed(AMOUNT_DECIMALS).replace(/\.?0+$/, '');
    return s === '-0' ? '0' : s;
  }
  const s = Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)));
  if (kind === 'signed' && v > 0) return `+${s}`;
  return s;
}

/** The text of a value in a table cell: the number, the text as found, or '' for a blank cell. */
export function cellText(v: Value | undefined, kind: ValueKind): string {
  if (typeof v === 'number' && Number.isFinite(v)) return formatNumber(v, kind);
  if (v === null || v === undefined) return '';
  return String(v);
}
