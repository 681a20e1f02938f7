import { formatOf } from '../formats';
import type { FormatDef, TableDef, TableId, ValueCell } from '../formats/types';
import { TABLE_IDS } from '../formats/types';
import { APPLICANT_WORDS, ITEM_UNIT, plainLabel, resultWords, T2_ITEM_COLUMNS, T4_FIELD_WORDS, T4_GROUP_WORDS } from '../formats/vocabulary';
import type { ReportData } from '../model/report';
import { getValue } from '../model/report';
import * as M from '../messages/narrative';
import { formatNumber } from './figures';
import { buildDocTable } from './tables';
import type { Block, CellRef, DocSection, DocTable, ParagraphBlock, PendingFigure, ReportDocument, ReportProfile } from './types';

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

/** Reads figures from the report data and remembers which cells a paragraph quotes. */
class Figures {
  private used: CellRef[] = [];
  constructor(
    private readonly data: ReportData,
    private readonly format: FormatDef,
  ) {}

  /** the numeric value, or undefined for blank / text */
  num(table: TableId, row: string, col: string): number | undefined {
    const v = getValue(this.data, table, row, col);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
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

const t3 = (row: string, col: string): CellRef => ({ table: 'table3', row, col });
const t4 = (row: string, col: string): CellRef => ({ table: 'table4', row, col });
/** the columns of 法人或其他组织 (the vocabulary's applicant that sums them) */
const ORG_PARTS = APPLICANT_WORDS.find((a) => a.key === 'legal_persons')!.cols;

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

function table2Paragraph(format: FormatDef, fig: Figures): ParagraphBlock {
  const def = format.tables.table2;
  const clauses: string[] = [];
  const zeroRows: string[] = [];
  for (const row of def.rowOrder) {
    const cells = def.values.filter((v) => v.row === row.key);
    const refs = cells.map((v) => ({ table: 'table2' as const, row: v.row, col: v.col }));
    if (fig.allZero(refs)) {
      fig.touch(refs);
      zeroRows.push(row.label);
      continue;
    }
    const parts = cells.map((v) =>
      M.S.table2Part(v.colLabel.replace(/（单位：[^）]*）/, ''), fig.text('table2', v.row, v.col), unitOf(v, format)),
    );
    clauses.push(M.S.table2Row(row.label, parts.join('、')));
  }
  if (zeroRows.length) clauses.push(M.S.table2Zero(zeroRows.join('、')));
  const text = `${M.S.table2Lead}${clauses.join('；')}。`;
  return { kind: 'paragraph', origin: 'figures', text, cells: fig.take() };
}

/** Nonzero parts as “label n件、label n件”; parts that are not numbers are written as 待核实. */
function listParts(fig: Figures, items: { label: string; ref: CellRef }[]): string {
  fig.touch(items.map((it) => it.ref));
  return items
    .filter((it) => !fig.isZero(it.ref))
    .map((it) => M.S.part(it.label, fig.text(it.ref.table, it.ref.row, it.ref.col)))
    .join('、');
}

function applicationsParagraph(format: FormatDef, fig: Figures): ParagraphBlock {
  const t3def = format.tables.table3;
  const allCols = t3def.colOrder.map((c) => c.key);
  const newRefs = allCols.map((c) => t3('new_received', c));
  const carriedOver = t3('carried_over', 'total');
  const processed = t3('total_processed', 'total');
  const forward = t3('carried_forward', 'total');
  const resultKeys = (() => {
    const start = t3def.rowOrder.findIndex((r) => r.key === 'granted');
    const end = t3def.rowOrder.findIndex((r) => r.key === 'total_processed');
    return t3def.rowOrder.slice(start, end).map((r) => r.key);
  })();
  const resultRefs = resultKeys.map((k) => t3(k, 'total'));
  const noNew = fig.allZero(newRefs);

  // nothing at all this year
  if (noNew && fig.allZero([carriedOver, processed, forward, ...resultRefs])) {
    fig.touch([...newRefs, carriedOver, processed, forward, ...resultRefs]);
    return { kind: 'paragraph', origin: 'figures', text: `${M.S.noApplicationsNoCarry}。`, cells: fig.take() };
  }

  const first: string[] = [];
  if (noNew) {
    fig.touch(newRefs);
    first.push(M.S.noApplications);
  } else {
    first.push(M.S.received(fig.text('table3', 'new_received', 'total')));
    const np = t3('new_received', 'natural_person');
    first.push(fig.isZero(np) ? (fig.touch([np]), M.S.noNaturalPerson) : M.S.byNaturalPerson(fig.text('table3', np.row, np.col)));
    const orgRefs = ORG_PARTS.map((c) => t3('new_received', c));
    if (fig.allZero(orgRefs)) {
      fig.touch(orgRefs);
      first.push(M.S.noOrganizations);
    } else {
      const parts = listParts(
        fig,
        ORG_PARTS.map((c) => ({ label: t3def.colOrder.find((x) => x.key === c)?.label ?? c, ref: t3('new_received', c) })),
      );
      first.push(M.S.byOrganizations(fig.sumText(orgRefs), parts));
    }
  }
  if (fig.isZero(carriedOver)) {
    fig.touch([carriedOver]);
    first.push(M.S.noCarriedOver);
  } else {
    first.push(M.S.carriedOver(fig.text('table3', 'carried_over', 'total')));
  }

  // outcomes: groups in the order of the format; a group with sub-rows is stated as their sum
  const second: string[] = [];
  if (fig.isZero(processed) && fig.allZero(resultRefs)) {
    fig.touch([processed, ...resultRefs]);
    second.push(M.S.noneProcessed);
  } else {
    second.push(M.S.processed(fig.text('table3', 'total_processed', 'total')));
    // each result group (ValueCell.group) named with the vocabulary's words; a row without a group is its own
    const groups: { id: string; label: string; rows: { key: string; label: string }[] }[] = [];
    for (const key of resultKeys) {
      const cell = valueCell(t3def, key, 'total');
      if (!cell) continue;
      const id = cell.group ?? key;
      const label = (cell.group && resultWords(cell.group)?.name) || plainLabel(cell.rowLabel);
      const g = groups.find((x) => x.id === id);
      if (g) g.rows.push({ key, label: cell.rowLabel });
      else groups.push({ id, label, rows: [{ key, label: cell.rowLabel }] });
    }
    const outcomes: string[] = [];
    for (const g of groups) {
      const refs = g.rows.map((r) => t3(r.key, 'total'));
      if (fig.allZero(refs)) {
        fig.touch(refs);
        continue;
      }
      if (refs.length === 1) {
        outcomes.push(M.S.outcome(g.label, fig.text('table3', refs[0].row, 'total'), ''));
      } else {
        const parts = listParts(
          fig,
          g.rows.map((r) => ({ label: plainLabel(r.label), ref: t3(r.key, 'total') })),
        );
        outcomes.push(M.S.outcome(g.label, fig.sumText(refs), parts));
      }
    }
    if (outcomes.length) second.push(M.S.outcomesLead + outcomes.join('，'));
  }
  if (fig.isZero(forward)) {
    fig.touch([forward]);
    second.push(M.S.noCarriedForward);
  } else {
    second.push(M.S.carriedForward(fig.text('table3', 'carried_forward', 'total')));
  }
  const text = sentence(first) + sentence(second);
  return { kind: 'paragraph', origin: 'figures', text, cells: fig.take() };
}

function reviewParagraph(format: FormatDef, fig: Figures): ParagraphBlock {
  const t4def = format.tables.table4;
  // the results as the vocabulary words them, for the columns the format has
  const fields = T4_FIELD_WORDS.filter((w) => t4def.colOrder.some((c) => c.key === w.field));
  const groupRefs = (g: string) => t4def.colOrder.map((c) => t4(g, c.key));
  const all = t4def.rowOrder.map((r) => r.key).flatMap(groupRefs);
  if (fig.allZero(all)) {
    fig.touch(all);
    return { kind: 'paragraph', origin: 'figures', text: `${M.S.noReviewNoLitigation}。`, cells: fig.take() };
  }
  const partsOf = (g: string) => listParts(fig, fields.map((f) => ({ label: f.name, ref: t4(g, f.field) })));
  const out: string[] = [];
  if (fig.allZero(groupRefs('admin_review'))) {
    fig.touch(groupRefs('admin_review'));
    out.push(M.S.noReview);
  } else {
    out.push(M.S.review(fig.text('table4', 'admin_review', 'total'), partsOf('admin_review')));
  }
  const lit = ['litigation_direct', 'litigation_after_review'];
  if (fig.allZero(lit.flatMap(groupRefs))) {
    fig.touch(lit.flatMap(groupRefs));
    out.push(M.S.noLitigation);
  } else {
    const groups = lit.map((g) => {
      const words = T4_GROUP_WORDS.find((w) => w.key === g);
      return M.S.litigationGroup(words?.short ?? words?.name ?? g, fig.text('table4', g, 'total'), partsOf(g));
    });
    out.push(M.S.litigation(fig.sumText(lit.map((g) => t4(g, 'total'))), groups.join('，')));
  }
  return { kind: 'paragraph', origin: 'figures', text: sentence(out), cells: fig.take() };
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
export function generateReport(data: ReportData, profile: ReportProfile): ReportDocument {
  const format = formatOf(data);
  const org = profile.organization.trim() || data.organization.trim();
  const year = profile.year || data.year;
  const missing: string[] = [];
  const pending: PendingFigure[] = [];
  const tables = {} as Record<TableId, DocTable>;
  for (const id of TABLE_IDS) tables[id] = buildDocTable(format.tables[id], data, pending);
  const fig = new Figures(data, format);
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
    applicationsParagraph(format, fig),
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
  };
}
