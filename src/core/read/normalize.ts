/**
 * Label normalisation and matching: how the reader decides that a cell typed by a person
 * is an official label.
 */

/** format characters (Unicode Cf): zero-width spaces and joiners, bidi marks, embeddings and isolates, BOM, soft hyphen */
const ZERO_WIDTH = /\p{Cf}/gu;
const WHITESPACE = /\s/gu;
const QUOTES = /["'“”‘’„‟「」『』〝〞〟＂＇]/gu;
const OPEN_BRACKETS = /[【〔［[〖｛{]/gu;
const CLOSE_BRACKETS = /[】〕］\]〗｝}]/gu;
const DASHES = /[‐‑‒–—―−﹣－─━]+/gu;
const CN_NUMERALS = '一二三四五六七八九十';
const CN_MARKER = new RegExp(`^([${CN_NUMERALS}]+)[、.,]`, 'u');

/**
 * Text as read for a person: NFKC (full-width → ASCII, no-break and ideographic spaces → plain
 * spaces), format characters (Unicode Cf: zero-width, bidi controls, soft hyphen) removed. The first step of normalizeLabel; the importer reads
 * headings and titles in this form.
 */
export function cleanText(s: string): string {
  return s.normalize('NFKC').replace(ZERO_WIDTH, '');
}

/**
 * The form labels are compared in: NFKC (full-width → ASCII), no whitespace at all (also
 * full-width spaces and line breaks), one form of list markers (`1.` `1．` `1、` → `1.`,
 * `一、` `一.` → `一.`), no quotes, brackets and dashes unified, `、` → `,`, `。` → `.`,
 * trailing punctuation removed, ASCII letters lower-cased.
 */
export function normalizeLabel(s: string): string {
  return labelText(s).text;
}

/**
 * A normalised label text, once per distinct text, with what the label matchers found for it
 * (the same texts recur in every workbook of a layout: each is normalised and matched once).
 */
export class LabelText {
  /** results by result slot (see resultSlot); undefined = not computed yet */
  readonly results: unknown[] = [];
  constructor(readonly text: string) {}
}

const CACHE_LIMIT = 20000;
const byRaw = new Map<string, LabelText>();
const byNorm = new Map<string, LabelText>();

/** The LabelText of a cell's raw text. */
export function labelText(raw: string): LabelText {
  let l = byRaw.get(raw);
  if (l === undefined) {
    if (byRaw.size >= CACHE_LIMIT) {
      byRaw.clear();
      byNorm.clear();
    }
    l = normalizedText(computeNormalized(raw));
    byRaw.set(raw, l);
  }
  return l;
}

/** The LabelText of an already normalised text. */
function normalizedText(norm: string): LabelText {
  let l = byNorm.get(norm);
  if (l === undefined) {
    if (byNorm.size >= CACHE_LIMIT) {
      byRaw.clear();
      byNorm.clear();
    }
    l = new LabelText(norm);
    byNorm.set(norm, l);
  }
  return l;
}

let slots = 0;

/** A new slot in every LabelText's results, for one kind of per-text result (one matcher …). */
export function resultSlot(): number {
  return slots++;
}

function computeNormalized(s: string): string {
  let t = cleanText(s).replace(WHITESPACE, '');
  t = t.replace(QUOTES, '');
  t = t.replace(OPEN_BRACKETS, '(').replace(CLOSE_BRACKETS, ')');
  t = t.replace(DASHES, '-');
  t = t.replace(CN_MARKER, '$1.');
  t = t.replace(/(\d+)[、.](?!\d)/gu, '$1.');
  t = t.replace(/、/gu, ',').replace(/。/gu, '.');
  t = t.replace(/[.,;:]+$/u, '');
  return t.toLowerCase();
}

const LEADING_MARKER = new RegExp(`^(\\([${CN_NUMERALS}\\d]+\\)|[${CN_NUMERALS}]+\\.|\\d+\\.)`, 'u');
const TRAILING_NOTE = /\([^()]*\)$/u;

/**
 * A normalised label without its list marker and without trailing parenthesised notes:
 * “(二)部分公开(区分处理的,…)” → “部分公开”, “1.属于国家秘密” → “属于国家秘密”.
 */
const coreCache = new Map<string, string>();

export function labelCore(normalized: string): string {
  const hit = coreCache.get(normalized);
  if (hit !== undefined) return hit;
  if (coreCache.size > 20000) coreCache.clear();
  const core = computeCore(normalized);
  coreCache.set(normalized, core);
  return core;
}

function computeCore(normalized: string): string {
  let t = normalized;
  for (let i = 0; i < 2 && LEADING_MARKER.test(t); i++) t = t.replace(LEADING_MARKER, '');
  while (TRAILING_NOTE.test(t) && t.replace(TRAILING_NOTE, '') !== '') t = t.replace(TRAILING_NOTE, '');
  return t;
}

/** Levenshtein distance, capped: returns max+1 as soon as it exceeds max. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > 2 * max) return max + 1;
  const A = [...a];
  const B = [...b];
  if (Math.abs(A.length - B.length) > max) return max + 1;
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= B.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (A[i - 1] === B[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[B.length];
}

/**
 * How a (normalised) cell text matches a (normalised) official label:
 * - exact: the same after normalisation;
 * - annotated: the official label followed by a note, “规章(设区的市,…)”;
 * - core: the same without list marker / trailing note, “属于国家秘密”, “(二)部分公开”;
 * - fuzzy: one character different on a label of 5+ characters, “政府集中釆购”;
 * - truncated: a long label cut short (6+ characters kept).
 * Only exact and annotated count as the official label; the others are reported as altered.
 */
export type MatchLevel = 'exact' | 'annotated' | 'core' | 'fuzzy' | 'truncated';
const RANK: Record<MatchLevel, number> = { exact: 5, annotated: 4, core: 3, fuzzy: 2, truncated: 1 };

function rankOf(level: MatchLevel): number {
  switch (level) {
    case 'exact':
      return 5;
    case 'annotated':
      return 4;
    case 'core':
      return 3;
    case 'fuzzy':
      return 2;
    default:
      return 1;
  }
}

export function isAltered(level: MatchLevel): boolean {
  return RANK[level] < RANK.annotated;
}

/** The start of a note after a label: “规章(设区的市…)”, “总计:”. */
export const NOTE_START = /^[(:,;*注]/u;

/** NOTE_START.test(text.charAt(i)), without a regular expression (asked for every character of many texts). */
export function isNoteStart(text: string, i: number): boolean {
  switch (text.charCodeAt(i)) {
    case 0x28: // (
    case 0x3a: // :
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x2a: // *
    case 0x6ce8: // 注
      return true;
    default:
      return false;
  }
}

export function matchLabel(cell: string, official: string): MatchLevel | undefined {
  if (!cell || !official) return undefined;
  if (cell === official) return 'exact';
  if (cell.startsWith(official) && NOTE_START.test(cell.slice(official.length))) return 'annotated';
  const cc = labelCore(cell);
  const oc = labelCore(official);
  if (cc && cc === oc) return 'core';
  if (official.length >= 5 && editDistance(cell, official, 1) <= 1) return 'fuzzy';
  if (oc.length >= 5 && editDistance(cc, oc, 1) <= 1) return 'fuzzy';
  if (cell.length >= 6 && official.startsWith(cell)) return 'truncated';
  return undefined;
}

export interface LabelMatch {
  /** index into the candidates */
  index: number;
  level: MatchLevel;
}

/**
 * The best candidate for a normalised cell text, or undefined when nothing matches or the
 * best level is shared by different candidates (ambiguous; an annotated match prefers the
 * longest label). `minLevel` drops weaker matches.
 */
export function bestMatch(cell: string, candidates: readonly string[], minLevel: MatchLevel = 'truncated'): LabelMatch | undefined {
  let best: LabelMatch | undefined;
  let tie = false;
  candidates.forEach((cand, index) => {
    const level = matchLabel(cell, cand);
    if (!level || RANK[level] < RANK[minLevel]) return;
    if (!best || RANK[level] > RANK[best.level]) {
      best = { index, level };
      tie = false;
    } else if (RANK[level] === RANK[best.level] && candidates[best.index] !== cand) {
      if (level === 'annotated') {
        if (cand.length > candidates[best.index].length) best = { index, level };
      } else {
        tie = true;
      }
    }
  });
  return tie ? undefined : best;
}

/* ------------------------------------------------------------------ matching against a fixed list */

/** Whether a text holds a UTF-16 surrogate (a character outside the BMP). */
const SURROGATE = /[\ud800-\udfff]/; // no u flag: a pair is two code units here

/** editDistance(a, b, 1) <= 1, without building the table (characters of the BMP only). */
function withinOneEdit(a: string, b: string): boolean {
  if (SURROGATE.test(a) || SURROGATE.test(b)) return editDistance(a, b, 1) <= 1;
  const la = a.length;
  const lb = b.length;
  if (la === lb) {
    let diff = 0;
    for (let i = 0; i < la; i++) if (a.charCodeAt(i) !== b.charCodeAt(i) && ++diff > 1) return false;
    return true;
  }
  if (Math.abs(la - lb) !== 1) return false;
  const [s, l] = la < lb ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === l.charCodeAt(i)) i++;
  for (let j = i; j < s.length; j++) if (s.charCodeAt(j) !== l.charCodeAt(j + 1)) return false;
  return true;
}

/** Characters outside the BMP count once (as editDistance counts them). */
function charCount(s: string): number {
  return SURROGATE.test(s) ? [...s].length : s.length;
}

interface Cand {
  text: string;
  index: number;
  core: string;
  len: number;
  coreLen: number;
}

/**
 * A fixed list of normalised official labels, prepared for matching many cells: the same result
 * as `bestMatch(cell, candidates, minLevel)`, but exact and annotated matches are map look-ups,
 * core matches one look-up of the cell's core, and the edit distance is computed only for labels
 * of about the same length, and only when nothing better matched. Results are remembered in the
 * LabelText of the cell text (the same labels recur in every workbook of a layout).
 */
export class LabelMatcher {
  /** distinct candidate texts (first index of each), empty texts left out */
  private readonly distinct: Cand[] = [];
  private readonly byText = new Map<string, Cand>();
  private readonly byCore = new Map<string, Cand[]>();
  /** where this matcher keeps its result in a LabelText */
  private readonly slot = resultSlot();

  constructor(readonly candidates: readonly string[]) {
    candidates.forEach((text, index) => {
      if (!text || this.byText.has(text)) return;
      const core = labelCore(text);
      const c: Cand = { text, index, core, len: charCount(text), coreLen: charCount(core) };
      this.distinct.push(c);
      this.byText.set(text, c);
      if (core) {
        const list = this.byCore.get(core);
        if (list) list.push(c);
        else this.byCore.set(core, [c]);
      }
    });
  }

  /** The best candidate for a normalised cell text (see bestMatch); the result must not be changed. */
  match(cell: string, minLevel: MatchLevel = 'truncated'): Readonly<LabelMatch> | undefined {
    return this.matchText(normalizedText(cell), minLevel);
  }

  /** match() for a LabelText (a sheet cell's), remembered in it. */
  matchText(label: LabelText, minLevel: MatchLevel = 'truncated'): Readonly<LabelMatch> | undefined {
    let m = label.results[this.slot] as { match: Readonly<LabelMatch>; rank: number } | null | undefined;
    if (m === undefined) {
      const found = this.compute(label.text);
      m = found ? { match: found, rank: RANK[found.level] } : null;
      label.results[this.slot] = m;
    }
    return m && m.rank >= rankOf(minLevel) ? m.match : undefined;
  }

  /**
   * The level of the best match is the highest level any candidate reaches; a level reached by two
   * different texts is a tie (undefined), except that the longest annotated label wins.
   */
  private compute(cell: string): LabelMatch | undefined {
    if (!cell) return undefined;
    const exact = this.byText.get(cell);
    if (exact) return { index: exact.index, level: 'exact' };
    // annotated: the longest candidate that is followed by the start of a note
    for (let i = cell.length - 1; i > 0; i--) {
      if (!isNoteStart(cell, i)) continue;
      const c = this.byText.get(cell.slice(0, i));
      if (c) return { index: c.index, level: 'annotated' };
    }
    const cc = labelCore(cell);
    if (cc) {
      const list = this.byCore.get(cc);
      if (list) return list.length === 1 ? { index: list[0].index, level: 'core' } : undefined;
    }
    const len = charCount(cell);
    const ccLen = charCount(cc);
    let fuzzy: Cand | undefined;
    for (const c of this.distinct) {
      const near =
        (c.text.length >= 5 && Math.abs(c.len - len) <= 1 && withinOneEdit(cell, c.text)) ||
        (c.core.length >= 5 && Math.abs(c.coreLen - ccLen) <= 1 && withinOneEdit(cc, c.core));
      if (!near) continue;
      if (fuzzy) return undefined;
      fuzzy = c;
    }
    if (fuzzy) return { index: fuzzy.index, level: 'fuzzy' };
    if (cell.length < 6) return undefined;
    let truncated: Cand | undefined;
    for (const c of this.distinct) {
      if (!c.text.startsWith(cell)) continue;
      if (truncated) return undefined;
      truncated = c;
    }
    return truncated ? { index: truncated.index, level: 'truncated' } : undefined;
  }
}
