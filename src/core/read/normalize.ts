/**
 * Label normalisation and matching: how the reader decides that a cell typed by a person
 * is an official label.
 */

const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/gu;
const QUOTES = /["'“”‘’„‟「」『』〝〞〟＂＇]/gu;
const OPEN_BRACKETS = /[【〔［\[〖｛{]/gu;
const CLOSE_BRACKETS = /[】〕］\]〗｝}]/gu;
const DASHES = /[‐‑‒–—―−﹣－─━]+/gu;
const CN_NUMERALS = '一二三四五六七八九十';

/**
 * The form labels are compared in: NFKC (full-width → ASCII), no whitespace at all (also
 * full-width spaces and line breaks), one form of list markers (`1.` `1．` `1、` → `1.`,
 * `一、` `一.` → `一.`), no quotes, brackets and dashes unified, `、` → `,`, `。` → `.`,
 * trailing punctuation removed, ASCII letters lower-cased.
 */
export function normalizeLabel(s: string): string {
  let t = s.normalize('NFKC');
  t = t.replace(INVISIBLE, '');
  t = t.replace(QUOTES, '');
  t = t.replace(OPEN_BRACKETS, '(').replace(CLOSE_BRACKETS, ')');
  t = t.replace(DASHES, '-');
  t = t.replace(new RegExp(`^([${CN_NUMERALS}]+)[、.,]`, 'u'), '$1.');
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

export function isAltered(level: MatchLevel): boolean {
  return RANK[level] < RANK.annotated;
}

const NOTE_START = /^[(:,;*注]/u;

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
