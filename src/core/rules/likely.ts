/**
 * The likely wrong cell of failing equations (issue 10): which single this-year cell, changed alone,
 * makes the failing relations it is in hold and breaks none that holds — with totals whose own
 * relation holds taken as derived from their parts (a formula, or a hand total that was right), so
 * a mistyped input behind a formula total is found in the parts. Candidates are ranked by evidence:
 * the cell that explains the most failing relations (a cell in every one; last year's 结转 among
 * them), then a digit slip that closes the gap exactly (difference divisible by 9: two adjacent
 * digits swapped, or a 0 too many or too few). A value equal to the difference is only a hint.
 * When the evidence leaves several cells, none is named.
 */
import type { FormatDef, Relation } from '../formats/types';
import { numeric } from '../model/report';
import { valueCell, type FormatSlots } from './cells';
import type { CurrentValues, Evaluated } from './relations';
import type { LikelyEvidence } from './types';

/** A this-year cell (by slot) and its coefficient in a relation's left − right. */
interface SlotTerm {
  slot: number;
  coef: number;
}

interface Shape {
  /** this year's terms (last year's are constants here) */
  terms: SlotTerm[];
  /** a total relation: the slot of its total cell and its parts (with their signs) */
  total?: number;
  parts?: SlotTerm[];
}

const shapes = new WeakMap<FormatDef, Map<Relation, Shape | null>>();

function shapeOf(rel: Relation, format: FormatDef, slots: FormatSlots): Shape | null {
  let m = shapes.get(format);
  if (!m) shapes.set(format, (m = new Map()));
  const hit = m.get(rel);
  if (hit !== undefined) return hit;
  const slotOf = (t: Relation['left'][number]): number | undefined => {
    const vc = valueCell(format.tables[t.ref.table], t.ref.row, t.ref.col);
    return vc ? slots.slot.get(vc) : undefined;
  };
  const terms: SlotTerm[] = [];
  let ok = true;
  for (const [side, list] of [
    [1, rel.left],
    [-1, rel.right],
  ] as const) {
    for (const t of list) {
      if (t.previous) continue;
      const s = slotOf(t);
      if (s === undefined) ok = false;
      else terms.push({ slot: s, coef: side * (t.sign ?? 1) });
    }
  }
  let shape: Shape | null = ok ? { terms } : null;
  if (shape && rel.total && rel.left.length === 1 && !rel.left[0].previous && (rel.left[0].sign ?? 1) === 1) {
    const total = slotOf(rel.left[0]);
    const parts = rel.right.filter((t) => !t.previous).map((t) => ({ slot: slotOf(t)!, coef: t.sign ?? 1 }));
    if (total !== undefined && parts.length === rel.right.length && !rel.constant) shape = { ...shape, total, parts };
  }
  m.set(rel, shape);
  return shape;
}

/** What a typed value is of the intended one: two adjacent digits swapped, or a 0 too many / too few. */
export function typoKind(typed: number, intended: number): 'transposition' | 'times-ten' | undefined {
  if (!Number.isInteger(typed) || !Number.isInteger(intended) || typed < 0 || intended < 0 || typed === intended) return undefined;
  if (intended !== 0 && (typed === intended * 10 || typed * 10 === intended)) return 'times-ten';
  const a = String(intended);
  const b = String(typed);
  if (a.length !== b.length || a.length < 2) return undefined;
  let i = 0;
  while (a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? 'transposition' : undefined;
}

/** A cell that, changed alone, explains a failing relation. */
export interface Candidate {
  slot: number;
  value: number;
  /** value − the value that fits */
  delta: number;
  suggested: number;
  /** failing relations it explains (all the failing ones it is in) */
  explains: Evaluated[];
}

export interface Verdict {
  /** candidates of the relation that explain the most failing relations */
  top: Candidate[];
  likely?: { candidate: Candidate; evidence: LikelyEvidence; typo?: 'transposition' | 'times-ten' };
  /** why no cell is named: several candidates (none singled out), several digit slips, or none at all */
  undecided?: 'several' | 'several-slips' | 'none';
  /** the number of this-year cells the relation spans once derived totals are replaced by their parts */
  span: number;
  /** the one candidate whose value equals the difference (entered twice?): a hint, not the likely cell */
  hint?: Candidate;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The verdict for each failing error relation. `evaluated` holds every relation that could be
 * evaluated (holding ones too): a relation that holds is what rules a cell out.
 */
export function analyse(evaluated: Evaluated[], format: FormatDef, known: CurrentValues): Map<Evaluated, Verdict> {
  const out = new Map<Evaluated, Verdict>();
  const errors: { e: Evaluated; shape: Shape }[] = [];
  for (const e of evaluated) {
    if (e.def.severity !== 'error' || e.rel.op !== '=') continue;
    const shape = shapeOf(e.rel, format, known.slots);
    if (shape) errors.push({ e, shape });
  }
  if (!errors.some(({ e }) => !e.holds)) return out;

  // totals whose every evaluated total relation holds are derived from their parts (the first such relation)
  const totalHolds = new Map<number, boolean>();
  const definer = new Map<number, SlotTerm[]>();
  for (const { e, shape } of errors) {
    if (shape.total === undefined) continue;
    totalHolds.set(shape.total, (totalHolds.get(shape.total) ?? true) && e.holds);
    if (e.holds && !definer.has(shape.total)) definer.set(shape.total, shape.parts!);
  }
  const expansion = new Map<number, Map<number, number>>();
  const expand = (slot: number, visiting: Set<number>): Map<number, number> => {
    const hit = expansion.get(slot);
    if (hit) return hit;
    const parts = totalHolds.get(slot) ? definer.get(slot) : undefined;
    if (!parts || visiting.has(slot)) return new Map([[slot, 1]]);
    visiting.add(slot);
    const m = new Map<number, number>();
    for (const p of parts) for (const [s, c] of expand(p.slot, visiting)) m.set(s, (m.get(s) ?? 0) + p.coef * c);
    visiting.delete(slot);
    expansion.set(slot, m);
    return m;
  };
  const effective = (shape: Shape): Map<number, number> => {
    const m = new Map<number, number>();
    for (const t of shape.terms) for (const [s, c] of expand(t.slot, new Set())) m.set(s, (m.get(s) ?? 0) + t.coef * c);
    for (const [s, c] of m) if (c === 0) m.delete(s);
    return m;
  };
  const eff = new Map<Evaluated, Map<number, number>>();
  const index = new Map<number, { e: Evaluated; coef: number }[]>();
  for (const { e, shape } of errors) {
    const m = effective(shape);
    eff.set(e, m);
    for (const [s, coef] of m) {
      let list = index.get(s);
      if (!list) index.set(s, (list = []));
      list.push({ e, coef });
    }
  }

  const candidatesOf = (f: Evaluated): Candidate[] => {
    const cands: Candidate[] = [];
    for (const [slot, c] of eff.get(f)!) {
      const delta = f.diff / c;
      const value = numeric(known.values[slot]);
      if (value === undefined) continue;
      const suggested = value - delta;
      const vc = known.slots.cells[slot].vc;
      if (vc.kind === 'count' && (suggested < 0 || !Number.isInteger(Math.round(suggested * 1e9) / 1e9))) continue;
      const explains: Evaluated[] = [];
      let ok = true;
      for (const { e, coef } of index.get(slot) ?? []) {
        if (e.holds || !near(e.diff / coef, delta)) {
          ok = false;
          break;
        }
        explains.push(e);
      }
      if (ok) cands.push({ slot, value, delta, suggested: Math.round(suggested * 1e9) / 1e9, explains });
    }
    return cands;
  };

  for (const { e } of errors) {
    if (e.holds) continue;
    const span = eff.get(e)!.size;
    const cands = candidatesOf(e);
    if (cands.length === 0) {
      out.set(e, { top: [], undecided: 'none', span });
      continue;
    }
    const most = Math.max(...cands.map((c) => c.explains.length));
    const top = cands.filter((c) => c.explains.length === most);
    if (top.length === 1) {
      const c = top[0];
      const evidence: LikelyEvidence = c.explains.some((x) => x.def.group === 'cross-year')
        ? 'previous-year'
        : c.explains.some((x) => x.def.group === 'narrative')
          ? 'report-text'
          : most >= 2
          ? 'every-relation'
          : 'only-cell';
      out.set(e, { top, likely: { candidate: c, evidence }, span });
      continue;
    }
    const slips = top.map((c) => ({ c, kind: typoKind(c.value, c.suggested) })).filter((x) => x.kind);
    if (slips.length === 1) {
      out.set(e, { top, likely: { candidate: slips[0].c, evidence: slips[0].kind!, typo: slips[0].kind }, span });
      continue;
    }
    if (slips.length > 1) {
      out.set(e, { top: slips.map((x) => x.c), undecided: 'several-slips', span });
      continue;
    }
    // a value equal to the difference (entered twice) is only a hint: measured on random single
    // wrong figures that are no digit slip, naming it named another cell in about one case in seven
    const twice = top.filter((c) => c.suggested === 0 && c.value !== 0);
    out.set(e, { top, undecided: 'several', span, ...(twice.length === 1 ? { hint: twice[0] } : {}) });
  }
  return out;
}
