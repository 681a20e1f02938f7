/**
 * Equations and inequalities of the format (`FormatDef.relations`): evaluation, messages, and the
 * most likely wrong cell (the cell that appears in two or more failing relations).
 */
import { sheetRef } from '../grid';
import type { CheckDef, FormatDef, Relation, TableDef, Term, ValueCell } from '../formats/types';
import { numeric, type Value } from '../model/report';
import { RULES } from '../messages/rules';
import { describeCell, shortRow, valueCell, type CellContext, type FormatSlots } from './cells';
import { analyse, type Verdict } from './likely';
import type { Finding, FindingCell, Likely } from './types';

interface EvalTerm {
  term: Term;
  /** identity of the cell: 'cur|table3|granted|total' or 'prev|…' */
  key: string;
  value: number;
  cell: FindingCell;
  name: string;
  side: 'left' | 'right';
}

/** A term's number and where it comes from; named (EvalTerm) only when its relation fails. */
interface TermValue {
  term: Term;
  side: 'left' | 'right';
  ctx: CellContext;
  table: TableDef;
  vc: ValueCell;
  value: number;
}

export interface Evaluated {
  rel: Relation;
  def: CheckDef;
  /** the terms with their numbers; left empty for a relation that holds (nothing to name) */
  values: TermValue[];
  left: number;
  right: number;
  /** left − right */
  diff: number;
  holds: boolean;
}

const cellKey = (t: Term): string => `${t.previous ? 'prev' : 'cur'}|${t.ref.table}|${t.ref.row}|${t.ref.col}`;

/** The current report's values by slot of its format (see formatSlots), read once for all relations. */
export interface CurrentValues {
  slots: FormatSlots;
  values: (Value | undefined)[];
}

/**
 * Evaluates one relation; undefined when it cannot be evaluated as an equation (a term is not a
 * number — the CELL-* checks report those — or it needs last year's report and there is none).
 * `known` (the current report's values, read once) saves looking each term up in the data.
 */
export function evaluate(rel: Relation, def: CheckDef, current: CellContext, previous?: CellContext, known?: CurrentValues): Evaluated | undefined {
  if (known) {
    // a relation of this year's cells only: the sums from the values by slot; terms named only when it fails
    const slots = termSlots(rel, current.format, known.slots);
    if (slots === null) return undefined; // a term names no value cell of the format
    if (slots) {
      let left = 0;
      let sumRight = 0;
      for (let i = 0; i < slots.length; i++) {
        const isLeft = i < rel.left.length;
        const t = isLeft ? rel.left[i] : rel.right[i - rel.left.length];
        const value = numeric(known.values[slots[i]]);
        if (value === undefined) return undefined;
        if (isLeft) left += (t.sign ?? 1) * value;
        else sumRight += (t.sign ?? 1) * value;
      }
      const right = sumRight + (rel.constant ?? 0);
      const diff = left - right;
      if (holdsFor(rel, left, right, diff)) return { rel, def, values: [], left, right, diff, holds: true };
    }
  }
  const values: TermValue[] = [];
  for (let i = 0; i < rel.left.length + rel.right.length; i++) {
    const isLeft = i < rel.left.length;
    const t = isLeft ? rel.left[i] : rel.right[i - rel.left.length];
    const ctx = t.previous ? previous : current;
    if (!ctx) return undefined;
    const table = ctx.format.tables[t.ref.table] ?? current.format.tables[t.ref.table];
    const vc = valueCell(table, t.ref.row, t.ref.col) ?? valueCell(current.format.tables[t.ref.table], t.ref.row, t.ref.col);
    if (!vc) return undefined;
    const slot = !t.previous && known ? known.slots.slot.get(vc) : undefined;
    const value = numeric(slot !== undefined ? known!.values[slot] : ctx.data[t.ref.table]?.[t.ref.row]?.[t.ref.col]);
    if (value === undefined) return undefined;
    values.push({ term: t, side: isLeft ? 'left' : 'right', ctx, table, vc, value });
  }
  // each side summed in the order of its terms, then the constant added
  let left = 0;
  let sumRight = 0;
  for (const v of values) {
    if (v.side === 'left') left += (v.term.sign ?? 1) * v.value;
    else sumRight += (v.term.sign ?? 1) * v.value;
  }
  const right = sumRight + (rel.constant ?? 0);
  const diff = left - right;
  return { rel, def, values, left, right, diff, holds: holdsFor(rel, left, right, diff) };
}

function holdsFor(rel: Relation, left: number, right: number, diff: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(left), Math.abs(right));
  return rel.op === '=' ? Math.abs(diff) <= eps : rel.op === '<=' ? diff <= eps : diff >= -eps;
}

const slotsOfTerms = new WeakMap<Relation, { format: FormatDef; slots: number[] | null | undefined }>();

/**
 * The slots of a relation's terms (left, then right) in the format: undefined when a term is taken
 * from last year's report, null when a term names no value cell of the format.
 */
function termSlots(rel: Relation, format: FormatDef, slots: FormatSlots): number[] | null | undefined {
  const hit = slotsOfTerms.get(rel);
  if (hit && hit.format === format) return hit.slots;
  let out: number[] | null | undefined = [];
  for (const t of [...rel.left, ...rel.right]) {
    if (t.previous) {
      out = undefined;
      break;
    }
    const vc = valueCell(format.tables[t.ref.table], t.ref.row, t.ref.col);
    const slot = vc ? slots.slot.get(vc) : undefined;
    if (slot === undefined) {
      out = null;
      break;
    }
    out.push(slot);
  }
  slotsOfTerms.set(rel, { format, slots: out });
  return out;
}

/** The terms of a relation with their cells and names, for its finding. */
function nameTerms(e: Evaluated): EvalTerm[] {
  const rows = new Set(e.values.map(({ term: t }) => `${t.ref.table}|${t.ref.row}`));
  const cols = new Set(e.values.map(({ term: t }) => `${t.ref.table}|${t.ref.col}`));
  return e.values.map(({ term: t, side, ctx, table, vc, value }) => {
    const bare = rows.size === 1 ? vc.colLabel : cols.size === 1 ? shortRow(table, vc) : describeCell({ ...ctx, previousYear: undefined }, t.ref.table, vc).label;
    return {
      term: t,
      key: cellKey(t),
      value,
      cell: describeCell(ctx, t.ref.table, vc),
      name: t.previous ? RULES.previousTerm(bare, typeof ctx.previousYear === 'number' ? ctx.previousYear : undefined) : bare,
      side,
    };
  });
}

/** “一、本年新收（D4=12）+ 二、上年结转（D5=3）= 15”, compact for long sums. */
function side(terms: EvalTerm[], constant: number | undefined, total: number): string {
  if (terms.length === 0) return ` ${RULES.num(constant ?? 0)}`;
  const compact = terms.length > 7;
  const shown = compact ? terms.filter((t) => t.value !== 0) : terms;
  if (shown.length === 0) return RULES.allZero(terms.length);
  let s = '';
  shown.forEach((t, i) => {
    const neg = (t.term.sign ?? 1) < 0;
    if (i > 0) s += neg ? RULES.minus : RULES.plus;
    else if (neg) s += RULES.minus;
    // last year's cell sits on another sheet or in another file: name it with its sheet
    const where = t.term.previous && t.cell.address && t.cell.sheet ? sheetRef(t.cell.sheet, t.cell.address) : t.cell.address;
    s += RULES.term(t.name, t.value, where);
  });
  if (constant) s += `${constant < 0 ? RULES.minus : RULES.plus}${RULES.num(Math.abs(constant))}`;
  const many = terms.length > 1 || !!constant;
  if (many) s += `${RULES.equals}${RULES.num(total)}`;
  if (compact && shown.length < terms.length) s += RULES.restZero(terms.length - shown.length);
  return s;
}

function message(e: Evaluated, terms: EvalTerm[], tableShort: string): string {
  const head = `${tableShort}${e.rel.scope}`;
  const l = side(
    terms.filter((t) => t.side === 'left'),
    undefined,
    e.left,
  );
  const r = side(
    terms.filter((t) => t.side === 'right'),
    e.rel.constant,
    e.right,
  );
  const leftIsSum = e.rel.left.length > 1;
  if (e.rel.op === '<=') return RULES.notGreater(head, l, r, e.diff, leftIsSum);
  if (e.rel.op === '>=') return RULES.notLess(head, l, r, e.diff, leftIsSum);
  if (e.rel.total) return RULES.totalEquation(head, l, r, e.diff);
  if (e.rel.left.length === 1 && e.rel.right.length === 1 && !e.rel.constant) return RULES.pairEquation(head, l, r, e.diff);
  return RULES.equation(head, l, r, e.diff);
}

/** The value the term's cell would need for the relation to hold, all other cells unchanged. */
function fixValue(e: Evaluated, t: EvalTerm): number {
  const s = t.term.sign ?? 1;
  return t.side === 'left' ? t.value - s * e.diff : t.value + s * e.diff;
}

const names = (terms: EvalTerm[]): string =>
  terms.map((t, i) => ((t.term.sign ?? 1) < 0 ? RULES.minus : i > 0 ? RULES.plus : '') + t.name).join(' ');

/** The card title: the relation, both sides and the difference. */
function title(e: Evaluated, tableShort: string): string {
  const head = `${tableShort}${e.rel.scope}`;
  if (e.rel.op === '<=') return RULES.titleNotGreater(head, e.left, e.right, e.diff);
  if (e.rel.op === '>=') return RULES.titleNotLess(head, e.left, e.right, e.diff);
  if (e.rel.total) return RULES.titleTotal(head, e.left, e.right, e.diff);
  if (e.def.group === 'cross-year') return RULES.titleCrossYear(head, e.left, e.right, e.diff);
  return RULES.titleEquation(head, e.left, e.right, e.diff);
}

/** What the rules need to name the likely wrong cell: the format, this year's values and how to name a cell. */
export interface LikelyContext {
  format: FormatDef;
  known: CurrentValues;
  current: CellContext;
}

const sameCell = (a: FindingCell, b: FindingCell): boolean =>
  !!a.previous === !!b.previous &&
  (a.address !== undefined && b.address !== undefined
    ? a.sheet === b.sheet && a.address === b.address
    : a.table === b.table && a.row === b.row && a.col === b.col && a.label === b.label);

function likelyOf(cell: FindingCell, value: number, suggested: number, reason: string, evidence: Likely['evidence']): Likely {
  return { ...cell, value, suggested, reason, evidence };
}

function reasonOf(v: Verdict, diff: number): string {
  const l = v.likely!;
  const c = l.candidate;
  switch (l.evidence) {
    case 'transposition':
      return RULES.reasonTransposition(Math.abs(diff), c.value, c.suggested);
    case 'times-ten':
      return c.value > c.suggested ? RULES.reasonTimesTen(c.value, c.suggested) : RULES.reasonTenth(c.value, c.suggested);
    case 'equals-difference':
      return RULES.reasonEqualsDifference(c.value);
    case 'previous-year':
      return RULES.reasonPreviousYear(c.explains.length);
    case 'report-text': {
      const stated = c.explains.find((x) => x.def.group === 'narrative');
      return RULES.reasonReportText(stated?.right ?? 0);
    }
    case 'every-relation':
      return RULES.reasonEveryRelation(c.explains.length);
    default:
      return RULES.reasonOnlyCell;
  }
}

/**
 * Findings for the failing relations. For a failing error relation: the likely wrong cell from the
 * evidence (see likely.ts) when the context is given; else the cell of it that appears in the most
 * (at least two) failing error relations. Where no cell is singled out, `noLikelyReason` says why.
 * Failing error relations with one cause (the same likely cell, or the same candidates, and the
 * same change) are one finding: the first by relation (same-year before cross-year, the narrowest
 * first) with the others as `consequences`.
 */
export function relationFindings(evaluated: Evaluated[], tableShort: (e: Evaluated) => string, lc?: LikelyContext): Finding[] {
  // numbers the report's text states are evidence only (the narrative check reports them)
  const failing = evaluated.filter((e) => !e.holds && e.def.group !== 'narrative');
  const verdicts = lc ? analyse(evaluated, lc.format, lc.known) : new Map<Evaluated, Verdict>();
  const counts = new Map<string, number>();
  for (const e of failing) {
    if (e.def.severity !== 'error' || e.def.group === 'narrative') continue;
    for (const k of new Set(e.values.filter((v) => !v.term.previous).map((v) => cellKey(v.term)))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const slotCell = (slot: number): FindingCell => {
    const { table, vc } = lc!.known.slots.cells[slot];
    return describeCell(lc!.current, table, vc);
  };
  const built = failing.map((e) => {
    const terms = nameTerms(e);
    const finding: Finding = {
      id: e.rel.check,
      severity: e.def.severity,
      table: e.rel.left[0]?.ref.table ?? e.rel.right[0]?.ref.table,
      cells: terms.map((t) => t.cell),
      expected: e.right,
      actual: e.left,
      difference: e.diff,
      basis: e.def.basis,
      title: title(e, tableShort(e)),
      message: message(e, terms, tableShort(e)),
    };
    const leftTerms = terms.filter((t) => t.side === 'left');
    const rightTerms = terms.filter((t) => t.side === 'right');
    const recount = (): string =>
      RULES.errorSuggestion[e.rel.check] ?? RULES.recountSides(names(leftTerms), names(rightTerms) || RULES.num(e.rel.constant ?? 0), e.diff);
    const verdict = verdicts.get(e);
    if (e.def.severity !== 'error') {
      const key = e.rel.check === 'T2-2019' ? `T2-2019-${e.rel.op === '<=' ? 'le' : 'ge'}` : e.rel.check;
      finding.suggestion =
        RULES.warningSuggestion[key] ?? RULES.recountSides(names(leftTerms), names(rightTerms) || RULES.num(e.rel.constant ?? 0), e.diff);
      return { e, finding, verdict };
    }
    if (verdict?.likely) {
      const c = verdict.likely.candidate;
      const cell = slotCell(c.slot);
      const reason = reasonOf(verdict, e.diff);
      finding.likely = likelyOf(cell, c.value, c.suggested, reason, verdict.likely.evidence);
      finding.suspect = cell;
      finding.suggestion =
        verdict.likely.evidence === 'every-relation'
          ? RULES.suspectTwice(cell.label, cell.address, c.explains.length, c.suggested)
          : RULES.likelySuggestion(cell.label, cell.address, reason, c.suggested);
      return { e, finding, verdict };
    }
    // no single explanation: the cells in the most failing relations (more than one cell is wrong)
    const current = terms.filter((t) => !t.term.previous);
    const best = Math.max(0, ...current.map((t) => counts.get(t.key) ?? 0));
    const top = best >= 2 ? current.filter((t) => (counts.get(t.key) ?? 0) === best) : [];
    if (top.length === 1 && (!verdict || verdict.undecided === 'none')) {
      const fix = fixValue(e, top[0]);
      finding.suspect = top[0].cell;
      finding.likely = likelyOf(top[0].cell, top[0].value, fix, RULES.reasonEveryRelation(best), 'most-relations');
      finding.suggestion = RULES.suspectTwice(top[0].cell.label, top[0].cell.address, best, fix);
      return { e, finding, verdict };
    }
    if (verdict && verdict.top.length > 1) {
      const cells = verdict.top.map((c) => slotCell(c.slot));
      finding.candidates = cells;
      const total = e.rel.total && e.rel.left.length === 1 ? terms.find((t) => t.side === 'left')?.cell : undefined;
      const list = cells.map((c) => c.address ?? c.label);
      finding.noLikelyReason =
        verdict.undecided === 'several-slips'
          ? RULES.noLikelySlips(Math.abs(verdict.top[0].delta), list)
          : total && cells.some((c) => sameCell(c, total))
            ? RULES.noLikelyTotal(total.address ?? total.label, cells.length - 1, Math.abs(verdict.top[0].delta))
            : RULES.noLikelySeveral(list, Math.abs(verdict.top[0].delta));
      if (verdict.hint) {
        const h = slotCell(verdict.hint.slot);
        finding.noLikelyReason += RULES.hintEqualsDifference(h.address ?? h.label, verdict.hint.value);
      }
    } else {
      finding.noLikelyReason = e.def.group === 'cross-year' && failing.every((x) => x.def.group === 'cross-year' || x.def.severity !== 'error') ? RULES.noLikelyCrossYear : RULES.noLikelyNone;
    }
    finding.suggestion = top.length > 1 ? RULES.candidates(top.map((t) => t.cell.label + RULES.at(t.cell.address)).join('；')) : recount();
    return { e, finding, verdict };
  });

  // one finding per cause
  const groupKey = (v: Verdict | undefined): string | undefined => {
    if (!v) return undefined;
    if (v.likely) return `L|${v.likely.candidate.slot}|${v.likely.candidate.delta}`;
    if (v.top.length > 1) return `C|${v.top.map((c) => c.slot).sort((a, b) => a - b).join(',')}|${v.top[0].delta}`;
    return undefined;
  };
  const groups = new Map<string, typeof built>();
  for (const b of built) {
    const key = b.finding.severity === 'error' ? groupKey(b.verdict) : undefined;
    if (!key) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(b);
  }
  const folded = new Set<Finding>();
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const rank = (b: (typeof built)[number]): [number, number] => [b.e.def.group === 'cross-year' ? 1 : 0, b.verdict?.span ?? 0];
    const sorted = [...g].sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
    const head = sorted[0].finding;
    head.consequences = [];
    head.consequenceIds = [];
    for (const b of sorted.slice(1)) {
      head.consequences.push(b.finding.title ?? b.finding.message);
      head.consequenceIds.push(b.finding.id);
      for (const c of b.finding.cells) if (!head.cells.some((x) => sameCell(x, c))) head.cells.push(c);
      folded.add(b.finding);
    }
  }
  return built.map((b) => b.finding).filter((f) => !folded.has(f));
}
