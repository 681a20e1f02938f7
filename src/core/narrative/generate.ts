import { formatOf } from '../formats';
import type { FormatDef, TableDef, TableId, ValueCell } from '../formats/types';
import { TABLE_IDS } from '../formats/types';
import {
  APPLICANT_WORDS,
  ITEM_UNIT,
  plainLabel,
  resultWords,
  T2_COLUMN_PHRASES,
  T2_ITEM_COLUMNS,
  T3_COMBINED_WORDS,
  T4_FIELD_WORDS,
  T4_GROUP_WORDS,
} from '../formats/vocabulary';

const APPLICANT_NAME = {
  natural_person: APPLICANT_WORDS.find((a) => a.key === 'natural_person')!.name,
  legal_persons: APPLICANT_WORDS.find((a) => a.key === 'legal_persons')!.name,
};
import type { ReportData } from '../model/report';
import { getValue } from '../model/report';
import * as M from '../messages/narrative';
import { formatNumber } from './figures';
import { buildDocTable } from './tables';
import { GOVERNMENT_ONLY, unchangedDrafts } from './profile';
import type { Block, CellRef, DocSection, DocTable, GenerateOptions, ParagraphBlock, PendingFigure, ReportDocument, ReportProfile } from './types';

/** A table's value cells by row and column (the first of each, as values.find), once per table of a format. */
const VALUE_CELLS = new WeakMap<TableDef, Map<string, Map<string, ValueCell>>>();

function valueCell(def: TableDef, row: string, col: string): ValueCell | undefined {
  let rows = VALUE_CELLS.get(def);
  if (!rows) {
    rows = new Map();
    for (const v of def.values) {
      let cols = rows.get(v.row);
      if (!cols) rows.set(v.row, (cols = new Map()));
      if (!cols.has(v.col)) cols.set(v.col, v);
    }
    VALUE_CELLS.set(def, rows);
  }
  return rows.get(row)?.get(col);
}

/** The total cells of a format (left side of a `total` relation) with the cells they sum, once per format. */
const TOTAL_PARTS = new WeakMap<FormatDef, Map<string, CellRef[]>>();

function totalParts(format: FormatDef): Map<string, CellRef[]> {
  let m = TOTAL_PARTS.get(format);
  if (!m) {
    m = new Map();
    for (const rel of format.relations) {
      if (!rel.total || rel.left.length !== 1 || rel.left[0].previous) continue;
      const l = rel.left[0].ref;
      const parts = rel.right.filter((t) => !t.previous).map((t) => t.ref);
      const k = `${l.table}|${l.row}|${l.col}`;
      m.set(k, [...(m.get(k) ?? []), ...parts]);
    }
    TOTAL_PARTS.set(format, m);
  }
  return m;
}

/** Reads figures from the report data and remembers which cells a paragraph quotes. */
class Figures {
  private used: CellRef[] = [];
  constructor(
    private readonly data: ReportData,
    private readonly format: FormatDef,
    private readonly previous?: ReportData,
  ) {}

  /**
   * the numeric value, or undefined for blank / text — and for a total one of whose parts is not a number
   * (a formula over blank cells shows 0: the text says 待核实, never 0)
   */
  num(table: TableId, row: string, col: string, depth = 0): number | undefined {
    const v = getValue(this.data, table, row, col);
    if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
    const parts = depth < 4 ? totalParts(this.format).get(`${table}|${row}|${col}`) : undefined;
    if (parts && parts.some((p) => this.num(p.table, p.row, p.col, depth + 1) === undefined)) return undefined;
    return v;
  }

  /** last year's figure (sum of cells), undefined when unknown */
  prev(refs: CellRef[]): number | undefined {
    if (!this.previous) return undefined;
    let s = 0;
    for (const r of refs) {
      const v = getValue(this.previous, r.table, r.row, r.col);
      if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
      s += v;
    }
    return s;
  }

  /** the figure as written in a sentence (marks the cell as quoted) */
  text(table: TableId, row: string, col: string): string {
    this.used.push({ table, row, col });
    const v = this.num(table, row, col);
    const cell = valueCell(this.format.tables[table], row, col);
    return v === undefined ? M.PENDING_FIGURE : formatNumber(v, cell?.kind ?? 'count');
  }

  /** sum of cells, undefined when one of them is not a number */
  sum(refs: CellRef[]): number | undefined {
    let s = 0;
    for (const r of refs) {
      const v = this.num(r.table, r.row, r.col);
      if (v === undefined) return undefined;
      s += v;
    }
    return s;
  }

  /** a stated sum (marks every part as quoted) */
  sumText(refs: CellRef[]): string {
    this.used.push(...refs);
    const s = this.sum(refs);
    return s === undefined ? M.PENDING_FIGURE : formatNumber(s);
  }

  /**
   * “，较上年增加137件，增长169.1%” / “，较上年减少…，下降…%” / “，与上年持平” when both years' figures are
   * numbers; '' otherwise (no previous figures, or a figure to verify).
   */
  change(refs: CellRef[]): string {
    const now = this.sum(refs);
    const before = this.prev(refs);
    if (now === undefined || before === undefined) return '';
    const d = now - before;
    if (d === 0) return M.S.changeSame;
    const pct = before === 0 ? null : formatPercent(Math.abs(d) / before);
    return d > 0 ? M.S.changeMore(formatNumber(d), pct) : M.S.changeLess(formatNumber(-d), pct ?? '');
  }

  /** every cell is the number 0 */
  allZero(refs: CellRef[]): boolean {
    return refs.every((r) => this.num(r.table, r.row, r.col) === 0);
  }

  /** zero as far as the sentence goes: the number 0 (a blank or text is not zero) */
  isZero(ref: CellRef): boolean {
    return this.num(ref.table, ref.row, ref.col) === 0;
  }

  /** marks cells as quoted without writing them (their being 0 decided the wording) */
  touch(refs: CellRef[]): void {
    this.used.push(...refs);
  }

  /** the cells quoted since the last call */
  take(): CellRef[] {
    // table → row → columns seen
    const seen = new Map<TableId, Map<string, Set<string>>>();
    const out: CellRef[] = [];
    for (const r of this.used) {
      let rows = seen.get(r.table);
      if (!rows) seen.set(r.table, (rows = new Map()));
      let cols = rows.get(r.row);
      if (!cols) rows.set(r.row, (cols = new Set()));
      if (!cols.has(r.col)) {
        cols.add(r.col);
        out.push(r);
      }
    }
    this.used = [];
    return out;
  }
}

/** A share or a rate as written: rounded to 0.1 % (“33.9%”). */
export function formatPercent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

const t3 = (row: string, col: string): CellRef => ({ table: 'table3', row, col });
const t4 = (row: string, col: string): CellRef => ({ table: 'table4', row, col });
/** the columns of 法人或其他组织 (the vocabulary's applicant that sums them) */
const ORG_PARTS = APPLICANT_WORDS.find((a) => a.key === 'legal_persons')!.cols;
/** a category is broken down in the text only when it has at most this many non-zero parts */
const MAX_PARTS = 3;

function sentence(parts: string[]): string {
  const body = parts.filter((p) => p).join('，');
  return body ? `${body}。` : '';
}

/** The unit written after a table 二 figure: the cell's unit, 项 for item counts (vocabulary). */
function unitOf(v: ValueCell, format: FormatDef): string {
  if (v.kind === 'amount') return v.unit ?? format.features.amountUnit;
  if (T2_ITEM_COLUMNS.has(v.col)) return ITEM_UNIT;
  return v.unit ?? '件';
}

/* ------------------------------------------------------------------ paragraphs with figures */

function proactiveParagraph(profile: ReportProfile, org: string, year: number, missing: string[]): ParagraphBlock {
  const items = profile.proactive.items;
  let itemsText: string;
  if (items === null || !Number.isFinite(items)) {
    itemsText = M.missingInput(M.FIELD_LABELS.proactiveItems);
    missing.push(M.FIELD_LABELS.proactiveItems);
  } else {
    itemsText = formatNumber(items);
  }
  const channels = profile.proactive.channels.map((c) => c.trim()).filter((c) => c);
  const text = M.S.proactiveItems(year, org, itemsText) + (channels.length ? M.S.proactiveChannels(channels.join('、')) : '') + '。';
  return { kind: 'paragraph', origin: 'figures', text, cells: [] };
}

/**
 * Table 二 in plain nouns, column by column as the vocabulary phrases them (“本年制发规章3件、行政规范性文件564件，
 * 废止……”), zero figures left out; a figure that is not a number is written 待核实. Every figure is in the table.
 */
function table2Paragraph(format: FormatDef, fig: Figures): ParagraphBlock {
  const def = format.tables.table2;
  const clauses: string[] = [];
  const stated = new Set(T2_COLUMN_PHRASES.map((p) => p.col));
  const all = def.values.filter((v) => stated.has(v.col)).map((v) => ({ table: 'table2' as const, row: v.row, col: v.col }));
  // the row of the clause before when it stated one row only: a clause of that row alone names just its column
  let lastRow: string | undefined;
  for (const phrase of T2_COLUMN_PHRASES) {
    const parts: string[] = [];
    const rows: string[] = [];
    for (const row of def.rowOrder) {
      const v = valueCell(def, row.key, phrase.col);
      if (!v) continue;
      const ref = { table: 'table2' as const, row: v.row, col: v.col };
      if (fig.isZero(ref)) continue;
      rows.push(row.key);
      parts.push(`${parts.length ? phrase.again(row.label) : phrase.first(row.label)}${fig.text('table2', v.row, v.col)}${unitOf(v, format)}`);
    }
    if (!parts.length) continue;
    if (rows.length === 1 && rows[0] === lastRow && phrase.alone) {
      const v = valueCell(def, rows[0], phrase.col)!;
      clauses.push(`${phrase.alone}${fig.text('table2', v.row, v.col)}${unitOf(v, format)}`);
    } else clauses.push(parts.join('、'));
    lastRow = rows.length === 1 && phrase.alone ? rows[0] : undefined;
  }
  fig.touch(all.filter((r) => fig.isZero(r)));
  const text = clauses.length ? `${M.S.table2Lead}${M.S.table2Clauses(clauses.join('，'))}` : M.S.table2AllZero;
  return { kind: 'paragraph', origin: 'figures', text, cells: fig.take() };
}

/**
 * The non-zero parts of a category, written only when there are at most MAX_PARTS of them; a single part is
 * named without its figure (“不予公开1件（属于四类过程性信息）”). '' when none is written.
 */
function detailOf(fig: Figures, items: { label: string; ref: CellRef }[], single: (label: string) => string = (l) => l): string {
  const nonZero = items.filter((it) => !fig.isZero(it.ref));
  if (!nonZero.length || nonZero.length > MAX_PARTS) return '';
  fig.touch(items.map((it) => it.ref));
  if (nonZero.length === 1 && items.length > 1) return single(nonZero[0].label);
  if (nonZero.length === 1) return '';
  return nonZero.map((it) => M.S.detailPart(it.label, fig.text(it.ref.table, it.ref.row, it.ref.col))).join('、');
}

/** result groups of table 三 in the order of the format, each with its rows and the vocabulary's name */
function resultGroups(format: FormatDef): { id: string; label: string; rows: { key: string; label: string }[] }[] {
  const t3def = format.tables.table3;
  const start = t3def.rowOrder.findIndex((r) => r.key === 'granted');
  const end = t3def.rowOrder.findIndex((r) => r.key === 'total_processed');
  const groups: { id: string; label: string; rows: { key: string; label: string }[] }[] = [];
  for (const { key } of t3def.rowOrder.slice(start, end)) {
    const cell = valueCell(t3def, key, 'total');
    if (!cell) continue;
    const id = cell.group ?? key;
    const label = (cell.group && resultWords(cell.group)?.name) || plainLabel(cell.rowLabel);
    const g = groups.find((x) => x.id === id);
    if (g) g.rows.push({ key, label: plainLabel(cell.rowLabel) });
    else groups.push({ id, label, rows: [{ key, label: plainLabel(cell.rowLabel) }] });
  }
  return groups;
}

function applicationsParagraph(format: FormatDef, profile: ReportProfile, fig: Figures, missing: string[]): ParagraphBlock {
  const t3def = format.tables.table3;
  const allCols = t3def.colOrder.map((c) => c.key);
  const newRefs = allCols.map((c) => t3('new_received', c));
  const received = t3('new_received', 'total');
  const carriedOver = t3('carried_over', 'total');
  const processed = t3('total_processed', 'total');
  const forward = t3('carried_forward', 'total');
  const groups = resultGroups(format);
  const resultRefs = groups.flatMap((g) => g.rows.map((r) => t3(r.key, 'total')));
  const noNew = fig.allZero(newRefs);

  // nothing at all this year
  if (noNew && fig.allZero([carriedOver, processed, forward, ...resultRefs])) {
    fig.touch([...newRefs, carriedOver, processed, forward, ...resultRefs]);
    return { kind: 'paragraph', origin: 'figures', text: `${M.S.noApplicationsNoCarry}。`, cells: fig.take() };
  }

  // 1. received (with the change from last year), by applicant, carried over
  const first: string[] = [];
  if (noNew) {
    fig.touch(newRefs);
    first.push(M.S.noApplications + fig.change([received]));
  } else {
    first.push(M.S.receivedSum(fig.text('table3', 'new_received', 'total'), fig.change([received])));
    const np = t3('new_received', 'natural_person');
    const orgRefs = ORG_PARTS.map((c) => t3('new_received', c));
    const applicants: string[] = [];
    if (!fig.isZero(np)) applicants.push(M.S.applicant(APPLICANT_NAME.natural_person, fig.text('table3', np.row, np.col), ''));
    else fig.touch([np]);
    if (!fig.allZero(orgRefs)) {
      const detail = detailOf(
        fig,
        ORG_PARTS.map((c) => ({ label: t3def.colOrder.find((x) => x.key === c)?.label ?? c, ref: t3('new_received', c) })),
        M.S.onlyPart,
      );
      applicants.push(M.S.applicant(APPLICANT_NAME.legal_persons, fig.sumText(orgRefs), detail));
    } else fig.touch(orgRefs);
    if (applicants.length) first.push(M.S.applicants(applicants.join('、')));
  }
  if (fig.isZero(carriedOver)) fig.touch([carriedOver]);
  else first.push(M.S.carriedOverShort(fig.text('table3', 'carried_over', 'total')));

  // 2. processed (with the change), carried forward, answered in time
  const second: string[] = [];
  const third: string[] = [];
  if (fig.isZero(processed) && fig.allZero(resultRefs)) {
    fig.touch([processed, ...resultRefs]);
    second.push(M.S.noneProcessed);
  } else {
    second.push(M.S.processedSum(fig.text('table3', 'total_processed', 'total'), fig.change([processed])));
    if (profile.timeLimit.allOnTime === true) second.push(M.S.onTime);
    else if (profile.timeLimit.allOnTime === null) {
      second.push(M.missingInput(M.FIELD_LABELS.onTime));
      missing.push(M.FIELD_LABELS.onTime);
    }
    // 3. the results with shares, largest first; 予以公开 and 部分公开 together as published reports do
    const total = fig.num('table3', 'total_processed', 'total');
    const cats: { label: string; refs: CellRef[]; detail: string; value: number | undefined; order: number }[] = [];
    const combined = T3_COMBINED_WORDS[0];
    groups.forEach((g, order) => {
      const refs = g.rows.map((r) => t3(r.key, 'total'));
      if (fig.allZero(refs)) {
        fig.touch(refs);
        return;
      }
      const detail = g.rows.length > 1 ? detailOf(fig, g.rows.map((r) => ({ label: r.label, ref: t3(r.key, 'total') }))) : '';
      cats.push({ label: g.label, refs, detail, value: fig.sum(refs), order });
    });
    // 予以公开 and 部分公开 stated as one figure when both are there
    const gi = cats.findIndex((c) => groups[c.order].id === combined.keys[0]);
    const pi = cats.findIndex((c) => groups[c.order].id === combined.keys[1]);
    if (gi >= 0 && pi >= 0) {
      const g = cats[gi];
      const p = cats[pi];
      const value = g.value === undefined || p.value === undefined ? undefined : g.value + p.value;
      const detail = `${M.S.detailPart(g.label, fig.sumText(g.refs))}、${M.S.detailPart(p.label, fig.sumText(p.refs))}`;
      cats.splice(Math.max(gi, pi), 1);
      cats.splice(Math.min(gi, pi), 1, { label: combined.name, refs: [...g.refs, ...p.refs], detail, value, order: g.order });
    }
    cats.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.order - b.order);
    const results = cats.map((c) => {
      const n = fig.sumText(c.refs);
      const share = total && c.value !== undefined ? formatPercent(c.value / total) : '';
      return M.S.result(c.label, n, share, c.detail);
    });
    if (results.length) third.push(M.S.resultLead + results.join('；'));
  }
  if (fig.isZero(forward)) {
    fig.touch([forward]);
    second.push(M.S.noCarriedForward);
  } else {
    second.splice(1, 0, M.S.forwardAside(fig.text('table3', 'carried_forward', 'total')));
  }
  const explanation = profile.timeLimit.allOnTime === false ? profile.timeLimit.explanation.trim() : '';
  const text =
    sentence(first) + sentence(second) + (explanation ? (/[。！？]$/.test(explanation) ? explanation : `${explanation}。`) : '') + (third.length ? `${third.join('')}。` : '');
  return { kind: 'paragraph', origin: 'figures', text, cells: fig.take() };
}

/** “均获维持” when every case was upheld, else “其中结果纠正97件、…” (non-zero results), '' when none */
function outcomeOf(fig: Figures, fields: readonly { field: string; name: string }[], rows: string[]): string {
  const refsOf = (field: string) => rows.map((r) => t4(r, field));
  const nonZero = fields.filter((f) => !fig.allZero(refsOf(f.field)));
  // the other results being 0 make “均获维持” (the number upheld is the total stated before it)
  fig.touch(fields.filter((f) => f.field !== 'upheld').flatMap((f) => refsOf(f.field)));
  if (!nonZero.length) return '';
  if (nonZero.length === 1 && nonZero[0].field === 'upheld') return M.S.allUpheld;
  fig.touch(refsOf('upheld'));
  return M.S.outcomeParts(nonZero.map((f) => `${f.name}${fig.sumText(refsOf(f.field))}件`).join('、'));
}

function reviewParagraph(format: FormatDef, fig: Figures): ParagraphBlock {
  const t4def = format.tables.table4;
  // the results as the vocabulary words them, for the columns the format has
  const fields = T4_FIELD_WORDS.filter((w) => t4def.colOrder.some((c) => c.key === w.field));
  const groupRefs = (g: string) => t4def.colOrder.map((c) => t4(g, c.key));
  const all = t4def.rowOrder.map((r) => r.key).flatMap(groupRefs);
  const review = t4('admin_review', 'total');
  const lit = ['litigation_direct', 'litigation_after_review'];
  const litTotals = lit.map((g) => t4(g, 'total'));
  if (fig.allZero(all)) {
    fig.touch(all);
    return { kind: 'paragraph', origin: 'figures', text: `${M.S.noReviewNoLitigation}。`, cells: fig.take() };
  }
  const out: string[] = [];
  if (fig.allZero(groupRefs('admin_review'))) {
    fig.touch(groupRefs('admin_review'));
    out.push(M.S.noReview);
  } else {
    out.push(M.S.reviewSum(fig.text('table4', 'admin_review', 'total'), fig.change([review]), outcomeOf(fig, fields, ['admin_review'])));
  }
  if (fig.allZero(lit.flatMap(groupRefs))) {
    fig.touch(lit.flatMap(groupRefs));
    out.push(M.S.noLitigation);
  } else {
    const nonZero = lit.filter((g) => !fig.isZero(t4(g, 'total')));
    const words = (g: string) => T4_GROUP_WORDS.find((w) => w.key === g);
    const detail =
      nonZero.length === 2
        ? lit.map((g) => `${words(g)?.short ?? g}${fig.text('table4', g, 'total')}件`).join('、')
        : nonZero.length === 1
          ? M.S.onlyPart(words(nonZero[0])?.short ?? nonZero[0])
          : '';
    fig.touch(litTotals);
    out.push(M.S.litigationSum(fig.sumText(litTotals), fig.change(litTotals), detail, outcomeOf(fig, fields, lit)));
  }
  return { kind: 'paragraph', origin: 'figures', text: out.map((x) => `${x}。`).join(''), cells: fig.take() };
}

function feeParagraph(profile: ReportProfile, missing: string[]): ParagraphBlock {
  const { cases, amountYuan } = profile.processingFee;
  if (amountYuan === null || !Number.isFinite(amountYuan)) {
    missing.push(M.FIELD_LABELS.feeAmount);
    return { kind: 'paragraph', origin: 'figures', text: `${M.missingInput(M.S.feeMissing)}。`, cells: [] };
  }
  if (amountYuan === 0 && (cases === null || cases === 0)) {
    return { kind: 'paragraph', origin: 'figures', text: M.S.feeNone, cells: [] };
  }
  const casesText = cases === null || !Number.isFinite(cases) ? null : formatNumber(cases);
  return { kind: 'paragraph', origin: 'figures', text: M.S.feeCharged(casesText, formatNumber(amountYuan, 'amount')), cells: [] };
}

/* ------------------------------------------------------------------ the document */

function textBlocks(text: string, label: string, missing: string[], required: boolean): ParagraphBlock[] {
  const paras = text
    .split(/\r?\n+/)
    .map((p) => p.trim())
    .filter((p) => p);
  if (paras.length) return paras.map((p) => ({ kind: 'paragraph', origin: 'text', text: p }));
  if (!required) return [];
  missing.push(label);
  return [{ kind: 'paragraph', origin: 'text', text: M.missingInput(label) }];
}

/**
 * The annual report as a document: the six official sections in order, the three tables in 二, 三 and 四,
 * figure sentences written from the cells and inputs only. Deterministic.
 */
export function generateReport(data: ReportData, profile: ReportProfile, options: GenerateOptions = {}): ReportDocument {
  const format = formatOf(data);
  const org = profile.organization.trim() || data.organization.trim();
  const year = profile.year || data.year;
  const missing: string[] = [];
  const pending: PendingFigure[] = [];
  const tables = {} as Record<TableId, DocTable>;
  for (const id of TABLE_IDS) tables[id] = buildDocTable(format.tables[id], data, pending);
  // last year's figures count when they are the year before's (or a year is unknown)
  const previous = options.previous && (!data.year || !options.previous.year || options.previous.year === data.year - 1) ? options.previous : undefined;
  const fig = new Figures(data, format, previous);
  const T = profile.text;
  const L = M.FIELD_LABELS;
  const isGov = profile.orgType === 'government';
  // what the format asks besides the tables (FormatFeatures)
  const { processingFeeStatement, governmentPartsRequired } = format.features;

  const s1: Block[] = [
    ...textBlocks(T.overview, L.overview, missing, false),
    { kind: 'subheading', text: M.SUBHEADINGS.proactive },
    proactiveParagraph(profile, org, year, missing),
    table2Paragraph(format, fig),
    ...textBlocks(T.proactive, L.proactive, missing, false),
    { kind: 'subheading', text: M.SUBHEADINGS.application },
    applicationsParagraph(format, profile, fig, missing),
    reviewParagraph(format, fig),
    ...textBlocks(T.application, L.application, missing, false),
    { kind: 'subheading', text: M.SUBHEADINGS.management },
    ...textBlocks(T.management, L.management, missing, true),
    { kind: 'subheading', text: M.SUBHEADINGS.platform },
    ...textBlocks(T.platform, L.platform, missing, true),
    { kind: 'subheading', text: M.SUBHEADINGS.supervision },
    ...textBlocks(T.supervision, L.supervision, missing, true),
    ...(isGov ? textBlocks(T.assessment, L.assessment, missing, governmentPartsRequired) : []),
  ];

  const s6: Block[] = [];
  if (isGov) {
    const parts: { heading: string; blocks: Block[] }[] = [];
    if (processingFeeStatement) parts.push({ heading: M.GOV_SECTION6.fee, blocks: [feeParagraph(profile, missing)] });
    for (const key of ['superiorTasks', 'proposals', 'innovation'] as const) {
      const blocks = textBlocks(T[key], L[key], missing, governmentPartsRequired);
      if (blocks.length) parts.push({ heading: M.GOV_SECTION6[key], blocks });
    }
    const other = textBlocks(T.other, L.other, missing, false);
    if (other.length) parts.push({ heading: M.GOV_SECTION6.other, blocks: other });
    parts.forEach((p, i) => s6.push({ kind: 'subheading', text: `${M.ORDINALS[i]}${p.heading}` }, ...p.blocks));
  } else {
    if (processingFeeStatement) s6.push(feeParagraph(profile, missing));
    s6.push(...textBlocks(T.other, L.other, missing, false));
  }
  if (!s6.length) s6.push({ kind: 'paragraph', origin: 'fixed', text: M.S.nothingElse });

  const sections: DocSection[] = [
    { heading: format.sections[0], blocks: s1 },
    { heading: format.sections[1], blocks: [{ kind: 'table', table: 'table2' }] },
    { heading: format.sections[2], blocks: [{ kind: 'table', table: 'table3' }] },
    { heading: format.sections[3], blocks: [{ kind: 'table', table: 'table4' }] },
    { heading: format.sections[4], blocks: textBlocks(T.problems, L.problems, missing, true) },
    { heading: format.sections[5], blocks: s6 },
  ];
  return {
    title: M.TITLE(org, year),
    year,
    organization: org,
    format: format.id,
    preamble: [{ kind: 'paragraph', origin: 'fixed', text: M.PREAMBLE(year) }],
    sections,
    tables,
    pending,
    missing: [...new Set(missing)],
    previousYear: previous?.year || undefined,
    signature: profile.signature.unit.trim() || profile.signature.date.trim() ? { unit: profile.signature.unit.trim(), date: profile.signature.date.trim() } : undefined,
    drafts: unchangedDrafts(profile).filter((k) => k !== 'other' && (isGov || !GOVERNMENT_ONLY.includes(k))).map((k) => L[k]),
  };
}
