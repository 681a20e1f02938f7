/**
 * The six official sections of a report's text and its title (year, body).
 * Headings are recognised with any list marker (“一、” “（一）” “(一)” “1.”) or none, in any width.
 */
import { SECTIONS } from '../formats';
import { cleanText } from '../read/normalize';

/** Patterns for a heading's text once marker, whitespace and punctuation are removed. */
const HEADING_PATTERNS: RegExp[] = [
  /^(?:总体|基本)情况$/,
  /^(?:行政机关)?主动公开政府信息(?:的)?情况$/,
  /^(?:行政机关)?收到和处理政府信息公开申请(?:的)?情况$/,
  // the official wording and its common rewordings: 因政府信息公开工作被申请行政复议和提起行政诉讼情况, 因政府信息公开申请行政复议、提起行政诉讼情况
  /^(?:因)?政府信息公开(?:工作|申请)?(?:被申请|被提起|申请)?行政复议(?:和|及|与)?(?:提起|被提起)?行政诉讼(?:的)?情况$/,
  /^(?:政府信息公开工作)?存在的?主要问题(?:及|和|与)改进(?:情况|措施)$/,
  /^其[他它]需要报告的事项$/,
];

const HEADING_MARKER =
  /^(?:[（(]\s*[一二三四五六七八九十]{1,2}\s*[）)]|[一二三四五六七八九十]{1,2}\s*[、.,，．]|\d{1,2}\s*[、.,，．]|第[一二三四五六七八九十]{1,2}部分[、:：]?)/;

export interface FoundSection {
  /** 0..5: index into the official SECTIONS */
  index: number;
  /** the heading line as written */
  heading: string;
  /** 0-based line of the heading */
  line: number;
  /** the section's text (lines after the heading up to the next heading) */
  text: string;
}

export interface SectionSplit {
  /** text before the first heading (title, date, preface) */
  preamble: string;
  /** found sections in text order */
  sections: FoundSection[];
  lines: string[];
}

/**
 * Every heading pattern ends with 况, 施 or 项, so a heading line contains one of them once cleaned. The
 * only other characters NFKC turns into one of them are the compatibility ideographs U+FA71 and U+2F81B
 * (况); a line with none of these is no heading.
 */
const HEADING_LAST_CHARS = /[况施项\uFA71]|\uD87E\uDC1B/;

/**
 * More than 40 CJK ideographs (U+4E00–U+9FA5): too long for a heading. NFKC leaves each of them as it
 * is (none decomposes or composes with a neighbour) and cleanText/trim remove none of them, so the
 * cleaned line is longer than 40 too.
 */
function tooLong(line: string): boolean {
  if (line.length <= 40) return false;
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch >= 0x4e00 && ch <= 0x9fa5 && ++n > 40) return true;
  }
  return false;
}

function headingOf(line: string): { index: number; style: string } | undefined {
  if (!HEADING_LAST_CHARS.test(line) || tooLong(line)) return undefined;
  const t = cleanText(line).trim();
  if (!t || t.length > 40) return undefined;
  const m = HEADING_MARKER.exec(t);
  const rest = (m ? t.slice(m[0].length) : t).replace(/[\s、,，.。:：;；!！"“”]/g, '');
  const style = !m ? 'none' : /^[（(]/.test(m[0]) ? 'paren' : /^\d/.test(m[0]) ? 'digit' : /^第/.test(m[0]) ? 'part' : 'numeral';
  for (let i = 0; i < HEADING_PATTERNS.length; i++) if (HEADING_PATTERNS[i].test(rest)) return { index: i, style };
  return undefined;
}

/** The official section a line is the heading of, or -1. */
export function headingIndex(line: string): number {
  return headingOf(line)?.index ?? -1;
}

/**
 * Splits a report's text at the six headings. When a heading's words occur more than once
 * (“（二）主动公开政府信息情况” as a sub-heading of 一 and “二、主动公开政府信息情况”), the
 * marker style most headings share wins, then the first occurrence.
 */
export function splitSections(text: string): SectionSplit {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const candidates: { index: number; line: number; style: string }[] = [];
  lines.forEach((l, i) => {
    const h = headingOf(l);
    if (h) candidates.push({ ...h, line: i });
  });
  const styleCount = new Map<string, number>();
  for (const style of new Set(candidates.map((c) => c.style))) {
    styleCount.set(style, new Set(candidates.filter((c) => c.style === style).map((c) => c.index)).size);
  }
  const main = [...styleCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const heads: { index: number; line: number }[] = [];
  for (let k = 0; k < HEADING_PATTERNS.length; k++) {
    const own = candidates.filter((c) => c.index === k);
    const pick = own.find((c) => c.style === main) ?? own[0];
    if (pick) heads.push({ index: k, line: pick.line });
  }
  heads.sort((a, b) => a.line - b.line);
  const sections = heads.map((h, j) => {
    const end = j + 1 < heads.length ? heads[j + 1].line : lines.length;
    return {
      index: h.index,
      heading: lines[h.line].trim(),
      line: h.line,
      text: lines.slice(h.line + 1, end).join('\n').trim(),
    };
  });
  const preamble = lines.slice(0, heads.length ? heads[0].line : Math.min(lines.length, 8)).join('\n');
  return { preamble, sections, lines };
}

export interface TitleInfo {
  title: string;
  year?: number;
  organization?: string;
}

const TITLE_A = /^(.*?)(\d{4})\s*年度?(.*?)政府信息公开(?:工作)?年度报告/;
const TITLE_B = /^(.*?)政府信息公开(?:工作)?年度报告[（(]?(\d{4})\s*年度?/;

/** Markup and labels a title is found with in converted text: `#` headings, `**bold**`, “标题：”, “Title:”. */
const TITLE_MARKUP = /^(?:[#>*_=\s]+|(?:标题|题目|文章标题|title)\s*[:：])+/i;

function cleanOrg(s: string): string | undefined {
  const t = s
    .replace(TITLE_MARKUP, '')
    .replace(/[*_`#]+/g, '')
    .replace(/^[\s:：,，。、]+|[\s:：,，。、]+$/g, '')
    .replace(/^关于/, '')
    .replace(/关于$/, '')
    .replace(/的$/, '')
    .replace(/[《》“”"]/g, '')
    .trim();
  return t.length >= 2 ? t : undefined;
}

/** Title, year and body from the lines before the first heading (a title may be split across lines). */
export function findTitle(preamble: string, fallbackTitle = ''): TitleInfo | undefined {
  const lines = preamble
    .split('\n')
    .map((l) => cleanText(l).replace(TITLE_MARKUP, '').replace(/[*_`]+/g, '').replace(/\s+/g, ''))
    .filter((l) => l);
  const candidates: string[] = [];
  for (const span of [1, 2, 3]) for (let i = 0; i + span <= lines.length; i++) candidates.push(lines.slice(i, i + span).join(''));
  if (fallbackTitle) candidates.push(cleanText(fallbackTitle).replace(/\s+/g, ''));
  for (const c of candidates) {
    const a = TITLE_A.exec(c);
    if (a) {
      return { title: a[0], year: Number(a[2]), organization: cleanOrg(a[1]) ?? cleanOrg(a[3]) };
    }
    const b = TITLE_B.exec(c);
    if (b) return { title: b[0], year: Number(b[2]), organization: cleanOrg(b[1]) };
  }
  return undefined;
}

export { SECTIONS };
