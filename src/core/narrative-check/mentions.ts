/**
 * Finding the table quantities a report's sentences speak of: “共收到政府信息公开申请10件”,
 * “办结9件”, “其中自然人6件”, “行政复议1件”. Conservative: a number counts only with a unit and a
 * keyword that names a table quantity; dates, article numbers (第二十条), document numbers
 * (〔2019〕60号), information items (“主动公开政府信息65条”) and comparisons (“较2020年增长”) are not.
 */
import type { FormatDef, TableId } from '../formats/types';
import {
  APPLICANT_WORDS,
  PROCESSING_FEE,
  T2_DECISION_UNITS,
  T2_DECISION_WORDS,
  T2_DOC_COL_WORDS,
  T2_DOC_UNITS,
  T2_NOT_DECISIONS,
  T2_ROW_WORDS,
  T3_COMBINED_WORDS,
  T3_RESULT_GROUPS,
  T3_WORDS,
  T4_FIELD_WORDS,
  T4_GROUP_WORDS,
} from '../formats/vocabulary';

export interface CellRef {
  table: TableId;
  row: string;
  col: string;
}

/** A quantity of the tables the text may state. */
export interface Quantity {
  /** stable key: e.g. t3:new_received:total */
  id: string;
  /** NARRATIVE_WHAT key for messages */
  what: string;
  /** the cells whose sum the quantity is */
  cells: CellRef[];
  kind: 'applications' | 'cases' | 'count' | 'amount';
  /** which breakdown this quantity is a part of, if any */
  dimension?: 'applicant' | 'result' | 't4field';
  /** the part's key within the dimension (natural_person, legal_persons, granted, upheld …) */
  part?: string;
}

export interface Mention {
  sentence: number;
  start: number;
  end: number;
  /** the text “10件” */
  text: string;
  value: number;
  unit: string;
  /** the clause before the number contains a comparison word (较、同比、增长 …) */
  comparison: boolean;
  /** the clause names a year (not inside 《》〔〕) */
  years: number[];
  quantity?: Quantity;
  /** for parts: index (in the sentence's mention list) of the total they belong to */
  parent?: number;
  /** a statement of zero without a number (“没有收到政府信息公开申请”) */
  zeroClaim?: boolean;
  /** “共”“共计”“合计”“总计” right before the number or its keyword */
  total?: boolean;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Chinese numerals up to 999 (“十二”, “一百零五”); undefined when not one. */
export function chineseNumber(s: string): number | undefined {
  let total = 0;
  let cur = 0;
  let seen = false;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      cur = CN_DIGITS[ch];
      seen = true;
    } else if (ch === '十') {
      total += (seen ? cur : 1) * 10;
      cur = 0;
      seen = false;
    } else if (ch === '百') {
      total += (seen ? cur : 1) * 100;
      cur = 0;
      seen = false;
    } else return undefined;
  }
  return total + cur;
}

/** a clause separator ，,、；;：:（）() (by UTF-16 code unit) */
function isSep(ch: number): boolean {
  switch (ch) {
    case 0xff0c: // ，
    case 0x2c: // ,
    case 0x3001: // 、
    case 0xff1b: // ；
    case 0x3b: // ;
    case 0xff1a: // ：
    case 0x3a: // :
    case 0xff08: // （
    case 0xff09: // ）
    case 0x28: // (
    case 0x29: // )
      return true;
    default:
      return false;
  }
}
/* Module-level /g regexes below are only run with exec loops that start at lastIndex 0 and run to the end (lastIndex back at 0), never re-entrantly. */
const MENTION = /(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)\s*(万条|万元|万件|人次|件|条|起|宗|项|个|元|部|份)/g;
const COMPARISON = /较|同比|环比|相比|比上年|比去年|增长|增加|减少|下降|上升|持平|去年|上年同期|上一年同期/;
const YEAR = /(?<!\d)(20\d{2})\s*年(?!\s*(?:修订|修正|版))/g;
const DOC_TITLE = /《[^》]*》/g;
const SENTENCE_END = /[。！？!?]/g;
const DOC_NUMBER = /[〔［[][^〕］\]]*[〕］\]]/g;
const DIGIT_OR_DOT = /[\d.]/;
const NOT_COUNTED_AFTER = /^事/;
const NOT_COUNTED_BEFORE = /[每逐同统唯进]/;
const PERIOD_UNIT = /^(工作日|月|小时|季度|年|自然日)/;
const TOTAL_BEFORE = /(?:共|共计|合计|总计|累计)[^，,、；;]{0,20}$/;
const TOTAL_AFTER = /^[^，,、；;]{0,4}(?:其中)/;

/** Sentences of a text: split at 。！？ and line breaks; empty ones dropped. */
export function splitSentences(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  // lines split at \n only: a \r left at a line's end is removed by trim() like the rest of the whitespace
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // a part ends after each 。！？!? (as line.split(/(?<=[。！？!?])/))
    let from = 0;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(line); m; m = SENTENCE_END.exec(line)) {
      const t = line.slice(from, m.index + 1).trim();
      if (t) out.push({ text: t, line: i });
      from = m.index + 1;
    }
    const t = (from ? line.slice(from) : line).trim();
    if (t) out.push({ text: t, line: i });
  }
  return out;
}

/** Years named in a piece of text, ignoring titles of documents (《…》) and document numbers (〔…〕). */
export function yearsIn(s: string): number[] {
  // every year is written with 年
  if (s.indexOf('年') < 0) return [];
  let bare = s;
  if (bare.indexOf('《') >= 0) bare = bare.replace(DOC_TITLE, '');
  if (bare.indexOf('〔') >= 0 || bare.indexOf('［') >= 0 || bare.indexOf('[') >= 0) bare = bare.replace(DOC_NUMBER, '');
  const out: number[] = [];
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(bare); m; m = YEAR.exec(bare)) out.push(Number(m[1]));
  return out;
}

function clauseBounds(s: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && !isSep(s.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < s.length && !isSep(s.charCodeAt(b))) b++;
  return [a, b];
}

/* ---------------------------------------------------------------- the quantity lexicon */

const NOT_APPLICATIONS = /建议|提案|来信|来访|热线|留言|咨询|诉求|工单|12345|意见征集/;
/** units a number of applications may be written in (NARR-UNIT names the wrong ones) */
const APPLICATION_UNITS = /^(件|条|起|个)$/;

type Applicant = (typeof APPLICANT_WORDS)[number];
type T4Group = (typeof T4_GROUP_WORDS)[number];
type T4Field = (typeof T4_FIELD_WORDS)[number];
const T4_LITIGATION = T4_GROUP_WORDS.find((g) => g.key === 'litigation')!;
const T4_REVIEW = T4_GROUP_WORDS.find((g) => g.key === 'admin_review')!;

/** t3Rows per format and quantity (the rows depend on the format only); callers do not change the arrays */
const T3_ROWS = new WeakMap<FormatDef, Map<string, string[]>>();

function t3Rows(format: FormatDef, what: string): string[] {
  let byWhat = T3_ROWS.get(format);
  if (!byWhat) T3_ROWS.set(format, (byWhat = new Map()));
  let rows = byWhat.get(what);
  if (!rows) byWhat.set(what, (rows = t3RowsOf(format, what)));
  return rows;
}

/** The rows of a table 三 quantity: the rows of a result group (ValueCell.group), else the row itself. */
function t3RowsOf(format: FormatDef, what: string): string[] {
  const t3 = format.tables.table3;
  if (T3_RESULT_GROUPS.has(what)) {
    const rows = new Set(t3.values.filter((v) => v.group === what).map((v) => v.row));
    return t3.rowOrder.map((r) => r.key).filter((k) => rows.has(k));
  }
  return t3.rowOrder.some((r) => r.key === what) ? [what] : [];
}

function t3Quantity(format: FormatDef, what: string, applicant?: Applicant): Quantity {
  const rows = t3Rows(format, what);
  const cols = applicant ? applicant.cols : ['total'];
  return {
    id: `t3:${what}:${applicant?.key ?? 'total'}`,
    what: applicant ? `${what}|${applicant.key}` : what,
    cells: rows.flatMap((row) => cols.map((col) => ({ table: 'table3' as const, row, col }))),
    kind: 'applications',
    dimension: applicant ? 'applicant' : T3_RESULT_GROUPS.has(what) ? 'result' : undefined,
    part: applicant ? applicant.key : T3_RESULT_GROUPS.has(what) ? what : undefined,
  };
}

/** “予以公开及部分公开”: the result groups stated as one figure (a part of 办结 like each of them). */
function t3Combined(format: FormatDef, words: (typeof T3_COMBINED_WORDS)[number]): Quantity {
  const rows = words.keys.flatMap((k) => t3Rows(format, k));
  return {
    id: `t3:${words.key}:total`,
    what: words.key,
    cells: rows.map((row) => ({ table: 'table3' as const, row, col: 'total' })),
    kind: 'applications',
    dimension: 'result',
    part: words.key,
  };
}

function t4Quantity(group: T4Group, field?: T4Field): Quantity {
  const col = field?.field ?? 'total';
  return {
    id: `t4:${group.key}:${col}`,
    what: field ? `${group.key}|${field.key}` : group.key,
    cells: group.groups.map((row) => ({ table: 'table4' as const, row, col })),
    kind: 'cases',
    dimension: field ? 't4field' : undefined,
    part: field?.field,
  };
}

const T2_ROW = Object.fromEntries(T2_ROW_WORDS.map((w) => [w.key, w])) as Record<string, (typeof T2_ROW_WORDS)[number]>;
/** rows counted in documents (规章, 规范性文件) and in decisions (行政许可, 行政处罚, 行政强制), in the order tried */
const T2_DOC_ROWS = ['regulations', 'normative_documents'].map((k) => T2_ROW[k]);
const T2_DECISION_ROWS = ['administrative_licensing', 'administrative_penalty', 'administrative_coercion'].map((k) => T2_ROW[k]);

/** “row|col” of every value cell of table 二, per format */
const T2_CELLS = new WeakMap<FormatDef, Set<string>>();

function hasCell(format: FormatDef, row: string, col: string): boolean {
  let cells = T2_CELLS.get(format);
  if (!cells) T2_CELLS.set(format, (cells = new Set(format.tables.table2.values.map((v) => `${v.row}|${v.col}`))));
  return cells.has(`${row}|${col}`);
}

function t2Quantity(format: FormatDef, seg: string, unit: string): Quantity | undefined {
  if (PROCESSING_FEE.pattern.test(seg)) return undefined;
  const q = (row: string, col: string, kind: Quantity['kind']): Quantity | undefined =>
    hasCell(format, row, col) ? { id: `t2:${row}:${col}`, what: row, cells: [{ table: 'table2', row, col }], kind } : undefined;
  if (T2_ROW.administrative_fees.pattern.test(seg)) {
    return unit === '万元' || unit === '元' ? q('administrative_fees', 'amount', 'amount') : undefined;
  }
  const docUnit = T2_DOC_UNITS.has(unit);
  for (const row of T2_DOC_ROWS) {
    if (!row.pattern.test(seg) || !docUnit) continue;
    const col = T2_DOC_COL_WORDS.find((c) => c.pattern.test(seg));
    if (!col) return undefined;
    for (const c of col.cols) {
      const hit = q(row.key, c, 'count');
      if (hit) return hit;
    }
    return undefined;
  }
  for (const row of T2_DECISION_ROWS) {
    if (!row.pattern.test(seg)) continue;
    if (!T2_DECISION_UNITS.has(unit) || T2_NOT_DECISIONS.test(seg)) return undefined;
    // 2019: 上一年项目数量/本年增减 are item counts; only 处理决定数量 is a number of decisions
    if (!hasCell(format, row.key, 'prev_year_items') || T2_DECISION_WORDS.pattern.test(seg)) return q(row.key, 'decisions', 'count');
    return undefined;
  }
  return undefined;
}

function resolve(
  format: FormatDef,
  pre: string,
  post: string,
  unit: string,
  previous: Mention[],
  sentence = '',
  at = 0,
): { quantity?: Quantity; parent?: number } {
  const both = `${pre}|${post}`;
  // a figure inside brackets closed before this one (“行政诉讼4件（直接起诉1件、复议后起诉3件），其中维持…”) is not its total
  const lastIndex = (pred: (m: Mention) => boolean): number => {
    for (let i = previous.length - 1; i >= 0; i--) if (pred(previous[i]) && !closesBracket(sentence.slice(previous[i].end, at))) return i;
    return -1;
  };
  // table 四 first: “收到行政复议申请” is not a disclosure application
  for (const seg of [pre, both]) {
    if (PROCESSING_FEE.pattern.test(seg)) return {};
    const group = T4_GROUP_WORDS.find((g) => g.pattern.test(seg));
    const field = T4_FIELD_WORDS.find((f) => f.pattern.test(seg));
    if (group) return { quantity: t4Quantity(group, field) };
    if (field) {
      const p = lastIndex((m) => m.quantity?.kind === 'cases' && !m.quantity.dimension);
      if (p >= 0) {
        const g = T4_GROUP_WORDS.find((x) => x.key === previous[p].quantity!.what)!;
        return { quantity: t4Quantity(g, field), parent: p };
      }
    }
  }
  for (const seg of [pre, both]) {
    // 人大代表建议、政协提案、咨询、热线… are counted in 件 too but are not disclosure applications
    if (NOT_APPLICATIONS.test(seg)) return {};
    const combined = T3_COMBINED_WORDS.find((w) => w.pattern.test(seg));
    if (combined && !APPLICANT_WORDS.some((a) => a.pattern.test(seg))) {
      if (!APPLICATION_UNITS.test(unit)) return {};
      const p = lastIndex((m) => m.quantity?.kind === 'applications' && !m.quantity.dimension);
      return { quantity: t3Combined(format, combined), parent: p >= 0 ? p : undefined };
    }
    const main = T3_WORDS.find((m) => m.pattern.test(seg) && (!m.requires || m.requires.test(both)));
    const applicant = APPLICANT_WORDS.find((a) => a.pattern.test(seg));
    if (main) {
      if (!APPLICATION_UNITS.test(unit)) return {};
      const quantity = t3Quantity(format, main.key, applicant);
      let parent: number | undefined;
      if (!applicant && T3_RESULT_GROUPS.has(main.key)) {
        const p = lastIndex((m) => m.quantity?.kind === 'applications' && !m.quantity.dimension);
        if (p >= 0) parent = p;
      }
      return { quantity, parent };
    }
    if (applicant && APPLICATION_UNITS.test(unit)) {
      const p = lastIndex((m) => m.quantity?.kind === 'applications' && !m.quantity.part);
      if (p < 0) return {};
      const mainWhat = previous[p].quantity!.what;
      return { quantity: t3Quantity(format, mainWhat, applicant), parent: p };
    }
  }
  const t2 = t2Quantity(format, pre, unit) ?? t2Quantity(format, both, unit);
  if (t2) return { quantity: t2 };
  // “现行有效393件，本年制发77件” / “制发规章3件、行政规范性文件5件”: a clause naming only the column (or only the
  // row) of a table 二 document figure takes the other from the figure stated just before it in the sentence
  const last = previous[previous.length - 1];
  const lastT2 = last?.quantity?.cells.length === 1 && last.quantity.cells[0].table === 'table2' ? last.quantity.cells[0] : undefined;
  if (lastT2 && T2_DOC_UNITS.has(unit) && T2_DOC_ROWS.some((r) => r.key === lastT2.row) && !PROCESSING_FEE.pattern.test(pre)) {
    const rowWords = T2_DOC_ROWS.find((r) => r.pattern.test(pre));
    const colWords = T2_DOC_COL_WORDS.find((c) => c.pattern.test(pre));
    if (rowWords && !colWords) return pick(format, rowWords.key, [lastT2.col]);
    if (colWords && !rowWords && !T2_ROW_WORDS.some((r) => r.pattern.test(pre))) return pick(format, lastT2.row, colWords.cols);
  }
  return {};
}

function pick(format: FormatDef, row: string, cols: readonly string[]): { quantity?: Quantity } {
  const col = cols.find((c) => hasCell(format, row, c));
  return col ? { quantity: { id: `t2:${row}:${col}`, what: row, cells: [{ table: 'table2', row, col }], kind: 'count' } } : {};
}

/** the text closes a bracket it did not open */
export function closesBracket(t: string): boolean {
  let depth = 0;
  for (const ch of t) {
    if (ch === '（' || ch === '(') depth++;
    else if (ch === '）' || ch === ')') {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

/** Statements of zero without a number: “没有收到政府信息公开申请”, “未发生行政复议、行政诉讼”. */
const ZERO_CLAIM = /(?:没有|未)(?:收到|受理|接到|发生|出现|涉及|产生)[^，。；,;]{0,24}/g;

function zeroClaims(format: FormatDef, s: string, sentence: number): Mention[] {
  const out: Mention[] = [];
  if (s.indexOf('未') < 0 && s.indexOf('没有') < 0) return out;
  const base = { sentence, value: 0, unit: '件', comparison: false, zeroClaim: true };
  const found: RegExpExecArray[] = [];
  ZERO_CLAIM.lastIndex = 0;
  for (let m = ZERO_CLAIM.exec(s); m; m = ZERO_CLAIM.exec(s)) found.push(m);
  for (const m of found) {
    const seg = m[0];
    const start = m.index;
    const years = yearsIn(s.slice(0, start));
    if (/复议|诉讼/.test(seg)) {
      if (/复议/.test(seg.replace(/复议后(?:提起)?(?:行政)?(?:起诉|诉讼)/, ''))) {
        out.push({ ...base, start, end: start + seg.length, text: seg, years, quantity: t4Quantity(T4_REVIEW) });
      }
      if (/诉讼|起诉/.test(seg)) out.push({ ...base, start, end: start + seg.length, text: seg, years, quantity: t4Quantity(T4_LITIGATION) });
    } else if (/申请/.test(seg) && /收到|受理|接到/.test(seg)) {
      out.push({ ...base, start, end: start + seg.length, text: seg, years, quantity: t3Quantity(format, 'new_received') });
    }
  }
  return out;
}

/** All number mentions of one sentence, with the table quantity each names (if any). */
export function mentionsOf(format: FormatDef, s: string, sentence: number): Mention[] {
  const out: Mention[] = [];
  const found: RegExpExecArray[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(s); m; m = MENTION.exec(s)) found.push(m);
  for (let k = 0; k < found.length; k++) {
    const m = found[k];
    const start = m.index;
    const end = start + m[0].length;
    const numText = m[1];
    const unit = m[2];
    const before = s[start - 1] ?? '';
    const after = s.slice(end, end + 3);
    if (before === '第' || DIGIT_OR_DOT.test(before)) continue;
    let value: number | undefined;
    const c0 = numText.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57) value = Number(numText);
    else {
      if (unit !== '件' || NOT_COUNTED_AFTER.test(after) || NOT_COUNTED_BEFORE.test(before)) continue;
      value = chineseNumber(numText);
    }
    if (value === undefined || !Number.isFinite(value)) continue;
    if (unit === '个' && PERIOD_UNIT.test(after)) continue;
    const [a, b] = clauseBounds(s, start, end);
    const prevEnd = out.length ? Math.max(a, out[out.length - 1].end) : a;
    // the next number with a unit in the clause: the next match (from `end` on), when it starts before the
    // clause ends (a match cannot run across a separator)
    const next = found[k + 1];
    const nextStart = next && next.index < b ? next.index : b;
    const pre = s.slice(prevEnd, start);
    const post = s.slice(end, nextStart);
    const clausePre = s.slice(a, start);
    const { quantity, parent } = resolve(format, pre, post, unit, out, s, start);
    out.push({
      sentence,
      start,
      end,
      text: m[0],
      value,
      unit,
      comparison: COMPARISON.test(clausePre),
      years: yearsIn(clausePre),
      quantity,
      parent,
      total:
        ((pre.indexOf('共') >= 0 || pre.indexOf('计') >= 0) && TOTAL_BEFORE.test(pre)) || TOTAL_AFTER.test(s.slice(end, end + 6)),
    });
  }
  for (const z of zeroClaims(format, s, sentence)) out.push(z);
  return out;
}
