/**
 * Text normalisation for reading published reports: width (NFKC), whitespace, list markers,
 * quotes and the common typo 釆 (for 采). Kept local to the importer; the sheet reader
 * (src/core/read) has its own `normalizeLabel` with the same intent.
 */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** NFKC, zero-width characters removed, nbsp and ideographic space made plain spaces. */
export function cleanText(s: string): string {
  return s.normalize('NFKC').replace(ZERO_WIDTH, '').replace(/[\u00a0\u3000]/g, ' ');
}

const MARKER =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.,，．]|\d{1,2}(?:[、.,，．)）](?!\d)))/;

/** Strips leading list markers (一、 （一） (1) 1. 1、 1．) repeatedly. */
export function stripMarkers(s: string): string {
  let t = s;
  for (let i = 0; i < 3; i++) {
    const m = MARKER.exec(t);
    if (!m || m[0].length === t.length) break;
    t = t.slice(m[0].length);
  }
  return t;
}

/** Comparable form of a label: NFKC, no whitespace, no quotes, no list markers, 釆→采. */
export function labelKey(s: string): string {
  const t = cleanText(s)
    .replace(/\s+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/釆/g, '采');
  return stripMarkers(t);
}

/** labelKey without parenthesised annotations (“（区分处理的…）”, “（单位：万元）”). */
export function coreKey(s: string): string {
  return labelKey(s).replace(/\([^()]*\)/g, '');
}

/** A value token as it appears in a published table cell. */
export type ValueToken =
  | { kind: 'number'; value: number; unit?: string; text: string }
  | { kind: 'blank'; text: string }
  /** a short text with a number that is not a plain number (“约156”, “156（件）”): kept as text */
  | { kind: 'text'; text: string };

const BLANKS = new Set(['-', '--', '—', '——', '―', '/', '\\', '无', '空', 'x', 'X', 'XX', '×']);

/**
 * Reads a cell's text as a table value: a number (with sign, thousands separators, unit) or a
 * blank marker (“-”, “/”, “—”, “无”). Anything else is not a value (a label).
 * `allowEmpty`: an empty string counts as a blank value (HTML cells), else it is not a value.
 */
export function valueToken(raw: string, allowEmpty = false): ValueToken | undefined {
  const t = cleanText(raw).replace(/[\s,]/g, '').replace(/[−–]/g, '-');
  if (t === '') return allowEmpty ? { kind: 'blank', text: '' } : undefined;
  if (BLANKS.has(t)) return { kind: 'blank', text: t };
  const m = /^([+-]?)(\d+(?:\.\d+)?)(万元|元|件|条|个|项|宗|起|次)?$/.exec(t);
  if (!m) {
    // “约156”, “156（件）”, “12项”: a figure written with words, not a label (labels carry no digits
    // except their list marker: “1.属于国家秘密”, “第二十条第（一）项”)
    const bare = stripMarkers(t);
    if (bare.length <= 12 && /\d/.test(bare) && !/^\d+[.、．,，]\D/.test(t) && !/年|月|日|条第|第/.test(bare)) {
      return { kind: 'text', text: t };
    }
    return undefined;
  }
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  return { kind: 'number', value: n === 0 ? 0 : n, unit: m[3], text: t };
}
