/**
 * Narrative checks (spec §6): the report's text against its own tables — numbers the text states
 * for table quantities, parts against totals, units, the reporting year and 统计期限, the six
 * sections and the 信息处理费 sentence, unfilled placeholders, and the body the text names.
 * Each finding quotes the sentence and names the table cells it contradicts.
 */
import { formatForYear, formatOf, SECTIONS } from '../formats';
import type { FormatDef, TableDef, TableId, ValueCell } from '../formats/types';
import { APPLICANT_WORDS, CHANGE_WORDS, PROCESSING_FEE, quantityName, SHARE_WORDS, T3_WORDS, T4_FIELD_WORDS } from '../formats/vocabulary';
import { DRAFTS, FIELD_LABELS, PROFILE_SHEET, SUMMARY_CHECK } from '../messages/narrative';
import type { ProfileTextKey } from '../narrative/types';
import type { ReportData } from '../model/report';
import { numeric } from '../model/report';
import { IMPORT, NARRATIVE_CHECK as M } from '../messages/import';
import type { LocatedReport } from '../read/types';
import type { Finding, FindingCell } from '../rules/types';
import { findTitle, splitSections } from '../import/sections';
import { narrativeCheck } from './checks';
import { closesBracket, mentionsOf, splitSentences, yearsIn, type CellRef, type Mention, type Quantity } from './mentions';

export { NARRATIVE_CHECKS } from './checks';
export { splitSentences, mentionsOf, chineseNumber } from './mentions';
export type { Mention, Quantity, CellRef } from './mentions';

export interface NarrativeCheckOptions {
  /** the reporting body (else data.organization, else the title's) */
  organization?: string;
  /** where each value sits in the workbook: findings then carry sheet and A1 address */
  cells?: LocatedReport['cells'];
  /** last year's figures: a stated change from last year is checked against them (NARR-CHANGE) */
  previous?: ReportData;
}

function finding(id: string, message: string, extra: Partial<Finding> = {}): Finding {
  const d = narrativeCheck(id);
  return { id, severity: d.severity, cells: [], basis: d.basis, message, ...extra };
}

/** Per table of a format: value cells (“row|col”), looked up once. */
interface TableIndex {
  /** the first value cell of each “row|col” (as values.find) */
  cells: Map<string, ValueCell>;
}
const TABLE_INDEX = new WeakMap<TableDef, TableIndex>();

function tableIndex(table: TableDef): TableIndex {
  let ix = TABLE_INDEX.get(table);
  if (!ix) {
    const cells = new Map<string, ValueCell>();
    for (const v of table.values) {
      const k = `${v.row}|${v.col}`;
      if (!cells.has(k)) cells.set(k, v);
    }
    ix = { cells };
    TABLE_INDEX.set(table, ix);
  }
  return ix;
}

function describe(format: FormatDef, data: ReportData, ref: CellRef, cells?: LocatedReport['cells']): FindingCell {
  const table = format.tables[ref.table];
  const vc = tableIndex(table).cells.get(`${ref.row}|${ref.col}`);
  const raw = data[ref.table]?.[ref.row]?.[ref.col];
  const cell: FindingCell = {
    table: ref.table,
    row: ref.row,
    col: ref.col,
    label: vc ? vc.cellLabel : IMPORT.cellLabel(table.shortName, table.rowOrder.find((r) => r.key === ref.row)?.label ?? ref.row, ref.col),
    value: raw === undefined ? null : raw,
  };
  const loc = cells?.[ref.table]?.[ref.row]?.[ref.col];
  if (loc) {
    cell.sheet = loc.sheet;
    cell.address = loc.address;
  }
  return cell;
}

/** The sum of a quantity's cells, or undefined when a cell is blank or text. */
function tableValue(data: ReportData, q: Quantity): number | undefined {
  let sum = 0;
  for (const c of q.cells) {
    const v = numeric(data[c.table]?.[c.row]?.[c.col]);
    if (v === undefined) return undefined;
    sum += v;
  }
  // an integer reads back from toFixed unchanged
  return Number.isInteger(sum) ? sum : Number(sum.toFixed(6));
}

function whatOf(q: Quantity): string {
  const [main, part] = q.what.split('|');
  const a = quantityName(main) ?? main;
  return part ? `${a}中${quantityName(part) ?? part}` : a;
}

/** A part's name in its breakdown: 商业企业 (applicant), 其他处理 (table 三 result), 其他结果 (table 四 result). */
function partName(q: Quantity): string {
  const part = q.part ?? '';
  const words =
    q.dimension === 'applicant'
      ? APPLICANT_WORDS.find((w) => w.key === part)
      : q.dimension === 't4field'
        ? T4_FIELD_WORDS.find((w) => w.field === part)
        : T3_WORDS.find((w) => w.key === part);
  return words?.name ?? part;
}

function cellsText(cells: FindingCell[]): string {
  if (cells.length === 1) return cells[0].label;
  const first = cells[0].label;
  return M.sumLabel(first, cells.length);
}

/* ---------------------------------------------------------------- placeholders */

/* The /g regexes here are run only with exec loops from lastIndex 0 to the end (never re-entrantly). */
const PLACEHOLDERS: RegExp[] = [
  /20[XxＸｘ×]{2}/g,
  /(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])/g,
  /×{2,}/g,
  /待补充|待填写|待定稿/g,
  /……|\.{6}/g,
  /TODO/gi,
  /(?<![A-Za-z0-9])[XＸ](?=\s*[件条项个年月日%])/g,
];
/** a character every placeholder above contains (TODO/i: T or t); a sentence without one has none */
const PLACEHOLDER_CHARS = /[XxＸｘ×待….Tt]/;
/** the placeholders above as one pattern (TODO/i written out): it finds something when one of them does */
const ANY_PLACEHOLDER =
  /20[XxＸｘ×]{2}|(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])|×{2,}|待补充|待填写|待定稿|……|\.{6}|[Tt][Oo][Dd][Oo]|(?<![A-Za-z0-9])[XＸ](?=\s*[件条项个年月日%])/;

/** 统计期限 “2020年1月1日至2020年12月31日” (global: exec loops from lastIndex 0 only) */
const PERIOD = /((\d{4})\s*年\s*0?1\s*月\s*0?1\s*日)\s*(?:起)?\s*(?:至|到|—+|-|－|~|～)\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日/g;

const YEAR_NAMED = new Map<number, RegExp>();
/** /2020\s*年/ for a year */
function yearNamed(year: number): RegExp {
  let re = YEAR_NAMED.get(year);
  if (!re) YEAR_NAMED.set(year, (re = new RegExp(`${year}\\s*年`)));
  return re;
}

/* ---------------------------------------------------------------- subject */

const LEVELS = ['街道', '镇', '乡', '县', '区', '市'];
const FIRST_PERSON = /^(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]\s*)?(?:[^，。]{0,12}[，,])?\s*(?:我|本)(?:镇|乡|街道|县|区|市|局|委|办|厅|机关|单位|部门|政府|中心|院|所)/;
const GENERIC_BEFORE = new Set([...'我本全各该此乡县市区省镇州村级']);
/** characters that end a phrase rather than a place name (“主要为镇…”, “报送至县…”) */
const FUNCTION_CHARS = new Set([...'为是在由向对和与及将把被从于了的等到给至以或并即']);
const GENERIC_PAIRS = /^(按照|根据|配合|依照|遵照|参照|对照|经过|通过|报送|上报|报请|协助|联合|会同|全县|全区|全市|全镇|全乡|向上|上级|指导|要求|接受|组织|召开|督促|推动|结合|围绕|落实|参加)$/;

/** The lowest-level place named in a body's name: “哭泉镇”, “某某县人民政府办公室” → 某某县. */
export function placeOf(org: string): { name: string; level: string } | undefined {
  const parts = org.match(/[^省市县区镇乡]*?(?:街道|省|市|县|区|镇|乡)/g) ?? [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    const level = LEVELS.find((l) => p.endsWith(l));
    if (level && p.length > level.length + 1) return { name: p, level };
  }
  return undefined;
}

function otherBodies(sentence: string, own: { name: string; level: string }): string[] {
  const out: string[] = [];
  const re = new RegExp(`(${own.level})(人民政府|街道办事处)`, 'g');
  for (const m of sentence.matchAll(re)) {
    const at = m.index ?? 0;
    const before = sentence.slice(Math.max(0, at - 2), at);
    if (before.length < 2 || !/^[\u4e00-\u9fa5]{2}$/.test(before)) continue;
    if (GENERIC_BEFORE.has(before[1]) || GENERIC_PAIRS.test(before)) continue;
    if (FUNCTION_CHARS.has(before[0]) || FUNCTION_CHARS.has(before[1])) continue;
    const ownCore = own.name.slice(0, own.name.length - own.level.length);
    if (sentence.slice(0, at).endsWith(ownCore)) continue;
    out.push(`${before}${m[1]}${m[2]}`);
  }
  return out;
}

/* ---------------------------------------------------------------- shares and changes */

const squash = (t: string): string => t.replace(/\s+/g, '');

/** the number as stated may differ from the exact value by one unit of its last decimal (rounded or cut) */
function close(stated: string, value: number): boolean {
  const dec = stated.includes('.') ? stated.split('.')[1].length : 0;
  return Math.abs(Number(stated) - value) <= Math.pow(10, -dec) + 1e-9;
}

/** the figure a share or change stated at `at` speaks of: the last table quantity stated before it, not a change itself */
function figureBefore(s: string, ms: Mention[], at: number): Mention | undefined {
  for (let i = ms.length - 1; i >= 0; i--) {
    const m = ms[i];
    if (m.end > at || !m.quantity || m.comparison || m.zeroClaim) continue;
    // a part inside brackets closed before the share (“7件（予以公开6件、部分公开1件），占53.8%”) is not the figure
    if (closesBracket(s.slice(m.end, at))) continue;
    return m;
  }
  return undefined;
}

function sharesAndChanges(
  format: FormatDef,
  data: ReportData,
  s: string,
  ms: Mention[],
  previous: ReportData | undefined,
  cellsOf: (q: Quantity) => FindingCell[],
): Finding[] {
  const out: Finding[] = [];
  if (s.indexOf('%') < 0 && s.indexOf('％') < 0 && s.indexOf('较') < 0 && s.indexOf('比') < 0 && s.indexOf('持平') < 0) return out;
  const t3total = (row: string): Quantity => ({ id: `t3:${row}:total`, what: row, cells: [{ table: 'table3', row, col: 'total' }], kind: 'applications' });
  /* shares: “占33.9%” of 办结 (results), of 新收 (applicants, results too: reports use either) */
  for (const m of s.matchAll(SHARE_WORDS)) {
    const fig = figureBefore(s, ms, m.index ?? 0);
    const q = fig?.quantity;
    if (!q || !q.dimension) continue;
    const value = tableValue(data, q);
    if (value === undefined) continue;
    const bases: { name: string; q: Quantity }[] =
      q.dimension === 'result'
        ? [
            { name: SUMMARY_CHECK.baseProcessed, q: t3total('total_processed') },
            { name: SUMMARY_CHECK.baseReceived, q: t3total('new_received') },
          ]
        : q.dimension === 'applicant'
          ? [{ name: SUMMARY_CHECK.baseReceived, q: t3total(q.what.split('|')[0]) }]
          : [{ name: SUMMARY_CHECK.baseGroup, q: { ...q, id: `${q.id}:total`, cells: q.cells.map((c) => ({ ...c, col: 'total' })), dimension: undefined } }];
    const known = bases.map((b) => ({ ...b, v: tableValue(data, b.q) })).filter((b) => b.v !== undefined && b.v > 0);
    if (!known.length || known.some((b) => close(m[1], (value / b.v!) * 100))) continue;
    const b = known[0];
    out.push(
      finding('NARR-SHARE', SUMMARY_CHECK.share(whatOf(q), Number(m[1]), value, b.name, b.v!, (value / b.v!) * 100), {
        sentence: s,
        cells: cellsOf(q),
        expected: Math.round((value / b.v!) * 1000) / 10,
        actual: Number(m[1]),
        suggestion: SUMMARY_CHECK.shareSuggestion,
      }),
    );
  }
  if (!previous) return out;
  /* changes from last year: “较上年增加137件”, “，增长169.1%”, “与上年持平” */
  const changes: { at: number; sign: number; n: number | null; unit: string; text: string }[] = [];
  for (const m of s.matchAll(CHANGE_WORDS.change)) {
    changes.push({ at: m.index ?? 0, sign: CHANGE_WORDS.down.test(m[1]) ? -1 : 1, n: Number(m[2]), unit: m[3] === '件' ? '件' : '%', text: m[0] });
  }
  for (const m of s.matchAll(CHANGE_WORDS.percent)) {
    changes.push({ at: m.index ?? 0, sign: CHANGE_WORDS.down.test(m[1]) ? -1 : 1, n: Number(m[2]), unit: '%', text: m[0] });
  }
  for (const m of s.matchAll(CHANGE_WORDS.same)) changes.push({ at: m.index ?? 0, sign: 0, n: 0, unit: '件', text: m[0] });
  for (const c of changes) {
    const fig = figureBefore(s, ms, c.at);
    const q = fig?.quantity;
    if (!q || q.kind === 'amount') continue;
    const now = tableValue(data, q);
    const before = tableValue(previous, q);
    if (now === undefined || before === undefined) continue;
    const d = now - before;
    let ok: boolean;
    let expected: string;
    if (c.unit === '件') {
      ok = c.sign === 0 ? d === 0 : Math.abs(c.sign * (c.n ?? 0) - d) < 1e-9;
      expected = d === 0 ? SUMMARY_CHECK.changeSame : d > 0 ? SUMMARY_CHECK.changeMore(d, '件') : SUMMARY_CHECK.changeLess(-d, '件');
    } else {
      if (before === 0) continue;
      const rate = (d / before) * 100;
      ok = Math.sign(rate) === c.sign && close(String(c.n), Math.abs(rate));
      expected = d === 0 ? SUMMARY_CHECK.changeSame : `${d > 0 ? '增长' : '下降'}${Number(Math.abs(rate).toFixed(1))}%`;
    }
    if (ok) continue;
    out.push(
      finding('NARR-CHANGE', SUMMARY_CHECK.change(whatOf(q), c.text.replace(/^[，,]\s*/, '').replace(/^(?:较|比|与)(?:上年|去年|上一年|上年度)?/, ''), expected, now, before, previous.year), {
        sentence: s,
        cells: cellsOf(q),
        suggestion: SUMMARY_CHECK.changeSuggestion,
      }),
    );
  }
  return out;
}

/* ---------------------------------------------------------------- main */

/** Checks a report's text against its tables (spec §6 narrative checks). */
export function checkNarrative(text: string, data: ReportData, options: NarrativeCheckOptions = {}): Finding[] {
  const format = formatOf(data);
  const findings: Finding[] = [];
  const sentences = splitSentences(text);
  const split = splitSections(text);
  const title = findTitle(split.preamble);
  const cellsOf = (q: Quantity) => q.cells.map((c) => describe(format, data, c, options.cells));

  /* ---- mentions: NARR-TABLE, NARR-UNIT, NARR-SUM, NARR-YEAR (other years' figures) */
  const seen = new Map<string, { m: Mention; sentence: string }>();
  sentences.forEach((s, si) => {
    const ms = mentionsOf(format, s.text, si);
    const sentenceYears = yearsIn(s.text);
    // “2020年结转的申请” in a 2021 report speaks of this year's 上年结转
    const carry = s.text.indexOf('结转') >= 0;
    const otherYears = data.year
      ? sentenceYears.filter((y) => y !== data.year && !(carry && Math.abs(y - data.year) === 1))
      : [];
    const comparison = ms.some((m) => m.comparison);
    const hasQuantity = ms.some((m) => m.quantity && !m.zeroClaim);
    if (hasQuantity && otherYears.length && !comparison && !sentenceYears.includes(data.year)) {
      findings.push(
        finding('NARR-YEAR', M.otherYearFigures(otherYears[0], data.year), {
          sentence: s.text,
          suggestion: M.otherYearSuggestion(data.year),
        }),
      );
    }
    ms.forEach((m) => {
      const q = m.quantity;
      if (!q || m.comparison) return;
      if (data.year && m.years.some((y) => y !== data.year)) return;
      // a sentence about another year only (its figures are that year's, see NARR-YEAR above)
      if (otherYears.length && !sentenceYears.includes(data.year)) return;
      // the cells as named in findings, made when the first finding needs them
      let described: FindingCell[] | undefined;
      const mentionCells = (): FindingCell[] => (described ??= cellsOf(q));
      // units
      if (q.kind === 'applications' && (m.unit === '条' || m.unit === '起')) {
        const cells = mentionCells();
        findings.push(
          finding('NARR-UNIT', M.unitApplications(m.unit), {
            sentence: s.text,
            cells,
            suggestion: M.unitApplicationsSuggestion,
          }),
        );
      }
      const tv = tableValue(data, q);
      // one quantity, one value
      const key = q.id;
      const prior = seen.get(key);
      const textValue = q.kind === 'amount' && m.unit === '元' ? m.value / 10000 : m.value;
      if (prior) {
        const pv = q.kind === 'amount' && prior.m.unit === '元' ? prior.m.value / 10000 : prior.m.value;
        if (pv !== textValue) {
          const cells = mentionCells();
          findings.push(
            finding('NARR-SUM', M.twoValues(whatOf(q), pv, textValue, prior.sentence), {
              sentence: s.text,
              cells,
              suggestion: M.twoValuesSuggestion,
            }),
          );
        }
      } else seen.set(key, { m, sentence: s.text });
      if (tv === undefined) return;
      if (q.kind === 'amount') {
        if (Math.abs(textValue - tv) < 1e-9) return;
        const unitSwap = (m.unit === '元' && Math.abs(m.value - tv) < 1e-9) || (m.unit === '万元' && Math.abs(m.value - tv * 10000) < 1e-6);
        if (unitSwap) {
          const cells = mentionCells();
          findings.push(
            finding('NARR-UNIT', M.unitAmount(m.text, cellsText(cells), tv), {
              sentence: s.text,
              cells,
              suggestion: M.unitAmountSuggestion,
            }),
          );
          return;
        }
      }
      if (Math.abs(textValue - tv) < 1e-9) return;
      const cells = mentionCells();
      const message = m.zeroClaim
        ? M.zeroClaim(whatOf(q), cellsText(cells), tv)
        : M.tableMismatch(whatOf(q), textValue, q.kind === 'amount' ? '万元' : m.unit, cellsText(cells), tv);
      findings.push(
        finding('NARR-TABLE', message, {
          sentence: s.text,
          cells,
          suspect: cells.length === 1 ? cells[0] : undefined,
          expected: tv,
          actual: textValue,
          difference: textValue - tv,
          table: q.cells[0]?.table as TableId | undefined,
          suggestion: M.tableSuggestion(cellsText(cells)),
        }),
      );
    });

    /* parts against the total stated with them */
    const byParent = new Map<number, Mention[]>();
    ms.forEach((m) => {
      if (m.parent === undefined || !m.quantity?.dimension || m.comparison) return;
      const list = byParent.get(m.parent) ?? [];
      list.push(m);
      byParent.set(m.parent, list);
    });
    for (const [pi, parts] of byParent) {
      const total = ms[pi];
      if (!total?.quantity || total.comparison) continue;
      const dims = new Set(parts.map((p) => p.quantity!.dimension));
      for (const dim of dims) {
        const ps = parts.filter((p) => p.quantity!.dimension === dim);
        // a part named twice (or nested: 法人 and 商业企业) is not a partition
        const keys = new Set(ps.map((p) => p.quantity!.part));
        if (keys.size !== ps.length) continue;
        // “予以公开及部分公开7件（予以公开6件、部分公开1件）”: the joined figure and its own parts
        const joined = [...keys].filter((k): k is string => !!k && k.includes('+'));
        if (joined.some((k) => k.split('+').some((x) => keys.has(x)))) continue;
        const covered = new Set([...keys].flatMap((k) => (k ? k.split('+') : [])));
        if (dim === 'applicant' && keys.has('legal_persons') && ps.length > 2) continue;
        if (dim === 'result' && total.quantity.what !== 'total_processed') continue;
        const sum = ps.reduce((a, p) => a + p.value, 0);
        const complete =
          (dim === 'applicant' &&
            keys.has('natural_person') &&
            (keys.has('legal_persons') ||
              ['commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org'].every((k) => keys.has(k)))) ||
          (dim === 'result' && covered.size === 6) ||
          (dim === 't4field' && keys.size === 4);
        const partsText = ps.map((p) => `${partName(p.quantity!)}${p.text}`).join('、');
        const what = whatOf(total.quantity);
        let message: string | undefined;
        if (complete && Math.abs(sum - total.value) > 1e-9) message = M.sumMismatch(what, total.value, partsText, sum);
        else if (!complete && sum > total.value + 1e-9) message = M.sumExceeds(what, total.value, partsText, sum);
        if (message) {
          findings.push(
            finding('NARR-SUM', message, {
              sentence: s.text,
              cells: cellsOf(total.quantity),
              expected: total.value,
              actual: sum,
              difference: sum - total.value,
              suggestion: M.sumSuggestion,
            }),
          );
        }
      }
    }

    /* “万条” where the parts listed with it add up in 条 */
    const wan = ms.find((m) => m.unit === '万条' && m.total);
    if (wan) {
      const parts = ms.filter((m) => m.unit === '条' && m.start > wan.start);
      const sum = parts.reduce((a, p) => a + p.value, 0);
      if (parts.length >= 2 && Math.abs(sum - wan.value) < 1e-9) {
        findings.push(finding('NARR-UNIT', M.unitWan(wan.text, sum), { sentence: s.text, suggestion: M.unitWanSuggestion }));
      }
    }

    /* shares and changes from last year stated after a figure */
    findings.push(...sharesAndChanges(format, data, s.text, ms, options.previous, cellsOf));

    /* placeholders */
    if (!PLACEHOLDER_CHARS.test(s.text) || !ANY_PLACEHOLDER.test(s.text)) return;
    const spans: { a: number; b: number; t: string }[] = [];
    for (const re of PLACEHOLDERS) {
      re.lastIndex = 0;
      for (let m = re.exec(s.text); m; m = re.exec(s.text)) {
        const a = m.index;
        const b = a + m[0].length;
        if (spans.some((x) => x.a <= a && b <= x.b)) continue;
        for (let i = spans.length - 1; i >= 0; i--) if (a <= spans[i].a && spans[i].b <= b) spans.splice(i, 1);
        spans.push({ a, b, t: m[0] });
      }
    }
    const hits = new Set(spans.sort((x, y) => x.a - y.a).map((x) => x.t));
    for (const h of hits) {
      findings.push(finding('NARR-PLACEHOLDER', M.placeholder(h), { sentence: s.text, suggestion: M.placeholderSuggestion }));
    }
  });

  /* ---- NARR-YEAR: title, 统计期限, the year named at all */
  if (data.year) {
    if (title?.year !== undefined && title.year !== data.year) {
      findings.push(finding('NARR-YEAR', M.titleYear(title.year, data.year), { sentence: title.title, suggestion: M.titleYearSuggestion }));
    }
    sentences.forEach((s) => {
      // every 统计期限 ends with 31日
      if (s.text.indexOf('31') < 0) return;
      const found: RegExpExecArray[] = [];
      PERIOD.lastIndex = 0;
      for (let m = PERIOD.exec(s.text); m; m = PERIOD.exec(s.text)) found.push(m);
      for (const m of found) {
        const a = Number(m[2]);
        const b = m[3] ? Number(m[3]) : a;
        if (a !== data.year || b !== data.year) {
          findings.push(finding('NARR-YEAR', M.periodYear(m[0], data.year), { sentence: s.text, suggestion: M.periodSuggestion(data.year) }));
        }
      }
    });
    if (!yearNamed(data.year).test(text)) {
      findings.push(finding('NARR-YEAR', M.yearAbsent(data.year), { suggestion: M.yearAbsentSuggestion(data.year) }));
    }
  }

  /* ---- NARR-DRAFT: a default paragraph of 报告正文 left as it was */
  const subjects = [...new Set([options.organization, data.organization, title?.organization, '本机关'].filter((x): x is string => !!x && !!x.trim()))];
  const drafts = new Map<string, ProfileTextKey>();
  for (const [k, draft] of Object.entries(DRAFTS) as [ProfileTextKey, (org: string) => string][]) {
    for (const who of subjects) {
      const t = squash(draft(who));
      if (t) drafts.set(t, k);
    }
  }
  const draftSeen = new Set<ProfileTextKey>();
  for (const line of text.split('\n')) {
    const k = drafts.get(squash(line));
    if (!k || draftSeen.has(k)) continue;
    draftSeen.add(k);
    findings.push(
      finding('NARR-DRAFT', SUMMARY_CHECK.draft(FIELD_LABELS[k]), {
        sentence: line.trim(),
        suggestion: SUMMARY_CHECK.draftSuggestion(PROFILE_SHEET, FIELD_LABELS[k]),
      }),
    );
  }

  /* ---- NARR-SECTIONS */
  const found = split.sections;
  SECTIONS.forEach((h, i) => {
    if (!found.some((s) => s.index === i)) {
      findings.push(finding('NARR-SECTIONS', M.sectionMissing(h), { suggestion: M.sectionMissingSuggestion(h) }));
    }
  });
  let maxIndex = -1;
  let maxHeading = '';
  for (const s of found) {
    if (s.index < maxIndex) {
      findings.push(finding('NARR-SECTIONS', M.sectionOrder(s.heading, maxHeading), { sentence: s.heading, suggestion: M.sectionOrderSuggestion }));
    } else {
      maxIndex = s.index;
      maxHeading = s.heading;
    }
    if ((s.index === 4 || s.index === 5) && !s.text.trim()) {
      findings.push(finding('NARR-SECTIONS', M.sectionEmpty(s.heading), { sentence: s.heading, suggestion: M.sectionEmptySuggestion }));
    }
  }
  // the 信息处理费 statement: asked by the data's format, or by the format prescribed for its year (a 2021
  // report in the 2019 layout still owes it; FORMAT-YEAR flags the layout)
  const yearFormat = Number.isInteger(data.year) && data.year > 0 ? formatForYear(data.year) : undefined;
  if (format.features.processingFeeStatement || yearFormat?.features.processingFeeStatement) {
    const six = found.find((s) => s.index === 5);
    const where = six ? six.text : text;
    if (!PROCESSING_FEE.pattern.test(where)) {
      const quote = six ? (six.text.trim() ? six.text.trim().slice(0, 200) : six.heading) : undefined;
      findings.push(finding('NARR-SECTIONS', M.feeMissing, { sentence: quote, suggestion: M.feeMissingSuggestion }));
    }
  }

  /* ---- NARR-SUBJECT */
  const org = options.organization || data.organization || title?.organization || '';
  const own = placeOf(org);
  if (own) {
    sentences.forEach((s) => {
      // FIRST_PERSON names 我 or 本
      if ((s.text.indexOf('我') < 0 && s.text.indexOf('本') < 0) || !FIRST_PERSON.test(s.text)) return;
      for (const other of otherBodies(s.text, own)) {
        findings.push(finding('NARR-SUBJECT', M.subject(other, org), { sentence: s.text, suggestion: M.subjectSuggestion(org) }));
      }
    });
    // a title naming another body of the same level
    if (title?.organization) {
      const tp = placeOf(title.organization);
      if (tp && tp.level === own.level && tp.name !== own.name && !org.includes(tp.name) && !title.organization.includes(own.name)) {
        findings.push(finding('NARR-SUBJECT', M.subject(title.organization, org), { sentence: title.title, suggestion: M.subjectSuggestion(org) }));
      }
    }
  }

  return findings;
}
