/**
 * Finding the official tables on a sheet by their labels and mapping every value cell.
 * Tables 二 and 三 are read row by row (label columns on the left, header blocks above);
 * table 四 column by column (three groups of five header cells over one value row).
 */
import type { FormatDef, TableDef, TableId, ValueCell } from '../formats/types';
import { SECTIONS } from '../formats/common';
import { rangeA1 } from '../grid';
import type { Value } from '../model/report';
import type { CellLocation, LocatedTable, ReadIssue } from './types';
import { isAltered, type LabelMatch, LabelMatcher, type LabelText, type MatchLevel, normalizeLabel, resultSlot } from './normalize';
import { SheetView } from './sheet';
import { compactValueText, parseValue, UNITS } from './value';

/** One table found on a sheet, with its cells, values and what could not be mapped. */
export interface TableRead {
  table: TableId;
  sheet: string;
  /** A1 range of the rows and columns the reader used */
  range: string;
  /** 0-based absolute first and last row */
  top: number;
  bottom: number;
  cells: Record<string, Record<string, CellLocation>>;
  values: Record<string, Record<string, Value>>;
  issues: ReadIssue[];
}

export function toLocatedTable(t: TableRead): LocatedTable {
  return { table: t.table, sheet: t.sheet, range: t.range };
}

/* ------------------------------------------------------------------ helpers */

const STRONG: MatchLevel[] = ['exact', 'annotated', 'fuzzy'];
const CAPTIONS = new LabelMatcher(SECTIONS.map(normalizeLabel));

class Issues {
  readonly list: ReadIssue[] = [];
  private readonly seen = new Set<string>();
  add(issue: ReadIssue): void {
    const k = `${issue.kind}|${issue.table ?? ''}|${issue.address ?? ''}|${issue.text}|${issue.official ?? ''}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.list.push(issue);
  }
}

interface Sink {
  view: SheetView;
  table: TableId;
  issues: Issues;
  cells: Record<string, Record<string, CellLocation>>;
  values: Record<string, Record<string, Value>>;
}

const UNIT_TEXT = new RegExp(`^[+-]?[\\d,.]+(${UNITS.join('|')})$`, 'u');

/** Reads the value of one value cell at (r, c) into the sink. */
function putValue(s: Sink, def: ValueCell, r: number, c: number): void {
  const address = s.view.address(r, c);
  (s.cells[def.row] ??= {})[def.col] = { sheet: s.view.sheet, address, row: r, col: c };
  const raw = s.view.raw(r, c);
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    (s.values[def.row] ??= {})[def.col] = raw; // parseValue keeps a finite number as it is
    return;
  }
  const parsed = parseValue(raw, def.kind, def.unit);
  (s.values[def.row] ??= {})[def.col] = parsed.value;
  const compact = typeof raw === 'string' ? compactValueText(raw) : '';
  if (parsed.note === 'unit-stripped' || (parsed.note === 'text' && UNIT_TEXT.test(compact))) {
    s.issues.add({ kind: 'unit-in-cell', sheet: s.view.sheet, address, table: s.table, text: String(raw).trim(), official: def.unit });
  }
}

function alteredIssue(s: Sink, r: number, c: number, official: string): void {
  s.issues.add({
    kind: 'altered-label',
    sheet: s.view.sheet,
    address: s.view.address(r, c),
    table: s.table,
    text: s.view.rawText(r, c),
    official,
  });
}

/* ------------------------------------------------------------------ table specs */

type SideKind = 'row' | 'parent' | 'heading' | 'header' | 'note';

interface SideCand {
  norm: string;
  label: string;
  kind: SideKind;
  /** row key for kind 'row' */
  key?: string;
}

interface RightCand {
  norm: string;
  label: string;
  /** a column label of value cells (else a decorative header such as 申请人情况) */
  isCol: boolean;
}

interface RowTableSpec {
  def: TableDef;
  side: SideCand[];
  sideMatcher: LabelMatcher;
  parents: SideCand[];
  rows: SideCand[];
  rowMatcher: LabelMatcher;
  right: RightCand[];
  rightNorms: string[];
  rightMatcher: LabelMatcher;
  /** header/note labels of the label columns (信息内容, the 勾稽关系 note) */
  sideHeaderMatcher: LabelMatcher;
  /** the value cells of each row key, with their normalised column labels */
  valuesByRow: Map<string, { v: ValueCell; colNorm: string }[]>;
}

const specCache = new WeakMap<TableDef, RowTableSpec>();

function rowTableSpec(def: TableDef): RowTableSpec {
  const cached = specCache.get(def);
  if (cached) return cached;
  const firstValueCol = Math.min(...def.values.map((v) => v.c));
  const rowLabels = new Set(def.values.map((v) => v.rowLabel));
  const side: SideCand[] = [];
  const push = (label: string, kind: SideKind, key?: string) => {
    const norm = normalizeLabel(label);
    if (!side.some((x) => x.norm === norm && x.kind === kind)) side.push({ norm, label, kind, key });
  };
  for (const v of def.values) push(v.rowLabel, 'row', v.row);
  for (const l of def.labels) {
    if (l.role === 'heading') push(l.text, 'heading');
    // 三、本年度办理结果, （三）不予公开 …: labels that group value rows
    else if (l.role === 'row' && !rowLabels.has(l.text)) push(l.text, 'parent');
    else if ((l.role === 'header' || l.role === 'note') && l.c < firstValueCol) push(l.text, l.role);
  }
  const right: RightCand[] = [];
  const colLabels = new Set(def.values.map((v) => v.colLabel));
  for (const label of colLabels) right.push({ norm: normalizeLabel(label), label, isCol: true });
  for (const l of def.labels) {
    if ((l.role === 'header' || l.role === 'note') && l.c >= firstValueCol && !colLabels.has(l.text)) {
      const norm = normalizeLabel(l.text);
      if (!right.some((x) => x.norm === norm)) right.push({ norm, label: l.text, isCol: false });
    }
  }
  const rows = side.filter((x) => x.kind === 'row');
  const valuesByRow = new Map<string, { v: ValueCell; colNorm: string }[]>();
  for (const v of def.values) {
    const list = valuesByRow.get(v.row) ?? [];
    list.push({ v, colNorm: normalizeLabel(v.colLabel) });
    valuesByRow.set(v.row, list);
  }
  const rightNorms = right.map((x) => x.norm);
  const spec: RowTableSpec = {
    def,
    side,
    sideMatcher: new LabelMatcher(side.map((x) => x.norm)),
    parents: side.filter((x) => x.kind === 'parent'),
    rows,
    rowMatcher: new LabelMatcher(rows.map((x) => x.norm)),
    right,
    rightNorms,
    rightMatcher: new LabelMatcher(rightNorms),
    sideHeaderMatcher: new LabelMatcher(side.filter((x) => x.kind === 'header' || x.kind === 'note').map((x) => x.norm)),
    valuesByRow,
  };
  specCache.set(def, spec);
  return spec;
}

interface T4Spec {
  def: TableDef;
  groups: { key: string; label: string; norm: string }[];
  fields: { key: string; label: string; norm: string }[];
  /** decorative header labels (行政诉讼) */
  others: string[];
  groupMatcher: LabelMatcher;
  fieldMatcher: LabelMatcher;
  otherMatcher: LabelMatcher;
}

const t4Cache = new WeakMap<TableDef, T4Spec>();

function t4Spec(def: TableDef): T4Spec {
  const cached = t4Cache.get(def);
  if (cached) return cached;
  const spec = computeT4Spec(def);
  t4Cache.set(def, spec);
  return spec;
}

function computeT4Spec(def: TableDef): T4Spec {
  const groups: T4Spec['groups'] = [];
  const fields: T4Spec['fields'] = [];
  for (const v of def.values) {
    if (!groups.some((g) => g.key === v.row)) groups.push({ key: v.row, label: v.rowLabel, norm: normalizeLabel(v.rowLabel) });
    if (!fields.some((f) => f.key === v.col)) fields.push({ key: v.col, label: v.colLabel, norm: normalizeLabel(v.colLabel) });
  }
  const known = new Set([...groups.map((g) => g.norm), ...fields.map((f) => f.norm)]);
  const others = [...new Set(def.labels.map((l) => normalizeLabel(l.text)))].filter((n) => !known.has(n));
  return {
    def,
    groups,
    fields,
    others,
    groupMatcher: new LabelMatcher(groups.map((g) => g.norm)),
    fieldMatcher: new LabelMatcher(fields.map((f) => f.norm)),
    otherMatcher: new LabelMatcher(others),
  };
}

/* ------------------------------------------------------------------ anchors */

interface Anchor {
  r: number;
  c: number;
  cand: SideCand;
}

function strongAnchors(view: SheetView, spec: RowTableSpec): Anchor[] {
  return view.memo(spec, 'anchors', () => computeAnchors(view, spec));
}

function computeAnchors(view: SheetView, spec: RowTableSpec): Anchor[] {
  const out: Anchor[] = [];
  for (const cell of view.textCells()) {
    const m = spec.sideMatcher.matchText(cell.label, 'fuzzy');
    if (m && STRONG.includes(m.level)) out.push({ r: cell.r, c: cell.c, cand: spec.side[m.index] });
  }
  return out;
}

/** Rows that hold a section caption (二、主动公开政府信息情况 …, also “（三）收到和处理…”). */
function captionRows(view: SheetView): Set<number> {
  return new Set(view.memo(CAPTIONS, 'captions', () => computeCaptionRows(view)));
}

function computeCaptionRows(view: SheetView): Set<number> {
  const rows = new Set<number>();
  for (const cell of view.textCells()) {
    const m = CAPTIONS.matchText(cell.label, 'core');
    if (m) rows.add(cell.r);
  }
  return rows;
}

/** Rows holding a strong label of another table: where a table's walk must stop. */
function foreignRows(view: SheetView, format: FormatDef, own: TableId): Set<number> {
  return view.memo(format, `foreign:${own}`, () => computeForeignRows(view, format, own));
}

function computeForeignRows(view: SheetView, format: FormatDef, own: TableId): Set<number> {
  const rows = captionRows(view);
  for (const id of ['table2', 'table3', 'table4'] as TableId[]) {
    if (id === own) continue;
    const def = format.tables[id];
    if (id === 'table4') {
      const s = t4Spec(def);
      for (const cell of view.textCells()) {
        const m = s.groupMatcher.matchText(cell.label, 'annotated');
        if (m) rows.add(cell.r);
      }
    } else {
      for (const a of strongAnchors(view, rowTableSpec(def))) if (a.cand.kind === 'row') rows.add(a.r);
    }
  }
  return rows;
}

/* ------------------------------------------------------------------ tables 二 and 三 */

interface HeaderEntry {
  r: number;
  c: number;
  /** index into spec.right, undefined when the text is not a known header */
  match?: Readonly<LabelMatch>;
}

interface SideHit {
  c: number;
  cand: SideCand;
  level: MatchLevel;
}

/** Match the label cells of a row; a text that starts with a parent label is split (“（三）不予公开1.属于国家秘密”). */
function sideHits(view: SheetView, spec: RowTableSpec, r: number, L0: number, L1: number): { hits: SideHit[]; unknown: number[] } {
  const hits: SideHit[] = [];
  const unknown: number[] = [];
  for (let c = L0; c <= L1; c++) {
    const label = view.label(r, c);
    if (!label?.text) continue;
    const text = label.text;
    const m = spec.sideMatcher.matchText(label);
    if (m) {
      hits.push({ c, cand: spec.side[m.index], level: m.level });
      continue;
    }
    let split = false;
    for (const p of spec.parents) {
      if (text.startsWith(p.norm) && text.length > p.norm.length) {
        const rm = spec.rowMatcher.match(text.slice(p.norm.length));
        if (rm) {
          hits.push({ c, cand: p, level: 'exact' });
          hits.push({ c, cand: spec.rows[rm.index], level: rm.level });
          split = true;
          break;
        }
      }
    }
    if (!split) unknown.push(c);
  }
  return { hits, unknown };
}

/** The known header cells of a block by normalised label, in block order. */
function headersByNorm(spec: RowTableSpec, block: HeaderEntry[]): Map<string, HeaderEntry[]> {
  const out = new Map<string, HeaderEntry[]>();
  for (const e of block) {
    if (!e.match) continue;
    const norm = spec.rightNorms[e.match.index];
    const list = out.get(norm);
    if (list) list.push(e);
    else out.set(norm, [e]);
  }
  return out;
}

function distinctRows(anchors: Anchor[]): number {
  const keys = new Set<string | undefined>();
  for (const a of anchors) if (a.cand.kind === 'row') keys.add(a.cand.key);
  return keys.size;
}

/**
 * The anchors of one table: those around the most common anchor column, split into runs of
 * rows (a gap of more than 6 rows starts a new run); the run with the most row labels wins.
 * A stray “规章” or “行政许可” elsewhere on the sheet does not move the table.
 */
function anchorCluster(all: Anchor[]): Anchor[] | undefined {
  if (distinctRows(all) < 2) return undefined;
  const counts = new Map<number, number>();
  for (const a of all) if (a.cand.kind === 'row') counts.set(a.c, (counts.get(a.c) ?? 0) + 1);
  let mode = -1;
  for (const [c, n] of counts) if (mode < 0 || n > (counts.get(mode) ?? 0) || (n === counts.get(mode) && c < mode)) mode = c;
  const near = all.filter((a) => Math.abs(a.c - mode) <= 4).sort((a, b) => a.r - b.r || a.c - b.c);
  const runs: Anchor[][] = [];
  for (const a of near) {
    const run = runs[runs.length - 1];
    if (run && a.r - run[run.length - 1].r <= 6) run.push(a);
    else runs.push([a]);
  }
  let best: Anchor[] | undefined;
  for (const run of runs) if (!best || distinctRows(run) > distinctRows(best)) best = run;
  if (!best || distinctRows(best) < 2) return undefined;
  return best;
}

function locateRowTable(view: SheetView, format: FormatDef, id: 'table2' | 'table3'): TableRead | undefined {
  const def = format.tables[id];
  const spec = rowTableSpec(def);
  const kept = anchorCluster(strongAnchors(view, spec));
  if (!kept) return undefined;
  const L0 = Math.min(...kept.map((a) => a.c));
  // headings and notes may span the value columns (merged, or repeated in every cell): row labels bound the label columns
  const L1 = Math.max(...kept.filter((a) => a.cand.kind === 'row' || a.cand.kind === 'parent').map((a) => a.c));
  const R = Math.min(view.right, L1 + def.cols + 3);
  const anchorTop = Math.min(...kept.map((a) => a.r));
  const anchorBottom = Math.max(...kept.map((a) => a.r));
  const foreign = foreignRows(view, format, id);

  const isHeaderRow = (r: number): boolean => {
    for (let c = L0; c <= R; c++) {
      const label = view.label(r, c);
      if (!label?.text) continue;
      if (c > L1 ? spec.rightMatcher.matchText(label) : spec.sideHeaderMatcher.matchText(label, 'core')) return true;
    }
    return false;
  };

  // extend upward over the header rows above the first anchor
  let top = anchorTop;
  for (let r = anchorTop - 1, blanks = 0; r >= view.top && anchorTop - r <= 6; r--) {
    if (foreign.has(r)) break;
    if (isHeaderRow(r)) {
      top = r;
      blanks = 0;
    } else if (view.rowBlank(r, L0, R)) {
      if (++blanks > 1) break;
    } else break;
  }

  const issues = new Issues();
  const sink: Sink = { view, table: id, issues, cells: {}, values: {} };
  const seen = new Set<string>();
  let block: HeaderEntry[] = [];
  /** the block's known headers by normalised label, built when a row needs it */
  let blockByNorm: Map<string, HeaderEntry[]> | undefined;
  let blockOpen = false;
  let last = top;
  let maxCol = L1;
  let pending: { r: number; c: number; hasValues: boolean; afterBlank: boolean }[] = [];
  let blankAfterLast = false;

  const blockValueCols = () => block.filter((e) => e.match && spec.right[e.match.index].isCol).map((e) => e.c);
  /** rows the table did not know: extra rows when more of the table follows; at the end only those holding figures right under it */
  const flushPending = (atEnd: boolean) => {
    for (const p of pending) {
      if (atEnd && (!p.hasValues || p.afterBlank)) continue;
      issues.add({ kind: 'extra-row', sheet: view.sheet, address: view.address(p.r, p.c), table: id, text: view.rawText(p.r, p.c) });
      last = Math.max(last, p.r);
    }
    pending = [];
  };

  for (let r = top; r <= view.bottom; r++) {
    if (r > Math.max(anchorBottom, last) + 3) break;
    if (r > anchorTop && foreign.has(r)) break;
    const { hits, unknown } = sideHits(view, spec, r, L0, L1);
    for (const h of hits) if (isAltered(h.level)) alteredIssue(sink, r, h.c, h.cand.label);

    if (hits.some((h) => h.cand.kind === 'heading')) {
      block = [];
      blockByNorm = undefined;
      blockOpen = false;
      flushPending(false);
      last = r;
      blankAfterLast = false;
      continue;
    }
    let rowHit: SideHit | undefined;
    for (let i = hits.length - 1; i >= 0 && !rowHit; i--) if (hits[i].cand.kind === 'row') rowHit = hits[i];
    if (rowHit) {
      flushPending(false);
      blockOpen = false;
      blankAfterLast = false;
      last = r;
      const key = rowHit.cand.key as string;
      if (seen.has(key)) {
        issues.add({ kind: 'extra-row', sheet: view.sheet, address: view.address(r, rowHit.c), table: id, text: view.rawText(r, rowHit.c), official: rowHit.cand.label });
        continue;
      }
      seen.add(key);
      const used: number[] = [];
      for (const { v, colNorm } of spec.valuesByRow.get(key) ?? []) {
        // the leftmost header cell of this column label not yet used
        let entry: HeaderEntry | undefined;
        for (const e of (blockByNorm ??= headersByNorm(spec, block)).get(colNorm) ?? []) {
          if (!used.includes(e.c) && (!entry || e.c < entry.c)) entry = e;
        }
        if (!entry) {
          issues.add({ kind: 'missing-column', sheet: view.sheet, table: id, text: v.colLabel, official: v.colLabel });
          continue;
        }
        used.push(entry.c);
        maxCol = Math.max(maxCol, entry.c);
        putValue(sink, v, r, entry.c);
      }
      // after the table's last official row come notes and check rows, not data
      if (key === spec.rows[spec.rows.length - 1].key) break;
      continue;
    }
    if (isHeaderRow(r)) {
      flushPending(false);
      if (!blockOpen) block = [];
      blockByNorm = undefined;
      blockOpen = true;
      last = Math.max(last, r);
      for (let c = L1 + 1; c <= R; c++) {
        const label = view.label(r, c);
        if (!label?.text) continue;
        const m = spec.rightMatcher.matchText(label);
        block.push({ r, c, match: m });
        if (!m) {
          issues.add({ kind: 'unmapped-label', sheet: view.sheet, address: view.address(r, c), table: id, text: view.rawText(r, c) });
        } else if (isAltered(m.level)) {
          alteredIssue(sink, r, c, spec.right[m.index].label);
        }
      }
      continue;
    }
    if (view.rowBlank(r, L0, R)) {
      if (seen.size > 0) blankAfterLast = true;
      continue;
    }
    const valueCols = blockValueCols();
    const hasValues = valueCols.some((c) => !view.isEmpty(r, c));
    if (unknown.length === 0 && hits.length > 0) {
      // a row with only a parent label or a note is structure, unless it holds figures
      if (hasValues && seen.size > 0) {
        const h = hits[hits.length - 1];
        issues.add({ kind: 'extra-row', sheet: view.sheet, address: view.address(r, h.c), table: id, text: view.rawText(r, h.c) });
        last = r;
      }
      continue;
    }
    const labelCol = unknown[0] ?? L0;
    pending.push({ r, c: labelCol, hasValues, afterBlank: blankAfterLast });
  }
  flushPending(true);

  if (seen.size < 2) return undefined;
  for (const row of spec.rows) {
    if (!seen.has(row.key as string)) {
      issues.add({ kind: 'missing-row', sheet: view.sheet, table: id, text: row.label, official: row.label });
    }
  }
  return {
    table: id,
    sheet: view.sheet,
    range: rangeA1(top, L0, last - top + 1, maxCol - L0 + 1),
    top,
    bottom: last,
    cells: sink.cells,
    values: sink.values,
    issues: issues.list,
  };
}

/* ------------------------------------------------------------------ table 四 */

/** whether parseValue(text, 'count') finds a number or a blank marker, by cell text */
const countLike = new Map<string, boolean>();

function isCountLike(v: string | boolean): boolean {
  if (typeof v !== 'string') return false; // parseValue: a boolean is text
  let hit = countLike.get(v);
  if (hit === undefined) {
    if (countLike.size >= 5000) countLike.clear();
    const p = parseValue(v, 'count');
    hit = typeof p.value === 'number' || p.note === 'blank-marker';
    countLike.set(v, hit);
  }
  return hit;
}

function rowHasNumbers(view: SheetView, r: number, c0: number, c1: number): boolean {
  for (let c = c0; c <= c1; c++) {
    const v = view.raw(r, c);
    if (v === null) continue;
    // parseValue keeps a finite number as it is (NaN and Infinity become text)
    if (typeof v === 'number' ? Number.isFinite(v) : isCountLike(v)) return true;
  }
  return false;
}

function locateTable4(view: SheetView, format: FormatDef): TableRead | undefined {
  const spec = t4Spec(format.tables.table4);
  const hits: { r: number; c: number; i: number; level: MatchLevel }[] = [];
  for (const cell of view.textCells()) {
    const m = spec.groupMatcher.matchText(cell.label, 'core') ?? combinedGroup(cell.text, spec);
    if (m) hits.push({ r: cell.r, c: cell.c, i: m.index, level: m.level });
  }
  // try each group label as the table's corner: a stray “行政复议” elsewhere is passed over
  for (const start of hits) {
    const found: ({ r: number; c: number; level: MatchLevel } | undefined)[] = spec.groups.map(() => undefined);
    found[start.i] = start;
    for (const h of hits) {
      if (found[h.i] || h.r < start.r || h.r > start.r + 3 || h.c < start.c) continue;
      found[h.i] = h;
    }
    const read = readTable4At(view, spec, found);
    if (read) return read;
  }
  return undefined;
}

/** “行政诉讼（未经复议直接起诉）”, “行政诉讼-复议后起诉”: the two header levels written in one cell. */
function combinedGroup(text: string, spec: T4Spec): LabelMatch | undefined {
  for (const o of spec.others) {
    if (!text.startsWith(o) || text.length === o.length) continue;
    const rest = text.slice(o.length).replace(/^[(\-:·,]+|\)+$/gu, '');
    const m = spec.groupMatcher.match(rest, 'core');
    if (m) return { index: m.index, level: 'exact' };
  }
  return undefined;
}

function readTable4At(view: SheetView, spec: T4Spec, found: ({ r: number; c: number; level: MatchLevel } | undefined)[]): TableRead | undefined {
  const def = spec.def;
  const present = found.map((f, i) => (f ? { ...f, i } : undefined)).filter((x): x is { r: number; c: number; level: MatchLevel; i: number } => !!x);
  if (present.length === 0) return undefined;
  const r0 = Math.min(...present.map((p) => p.r));
  const c0 = Math.min(...present.map((p) => p.c));
  const starts = [...present].sort((a, b) => a.c - b.c);
  const right = Math.min(view.right, c0 + def.cols + 5);

  // the field header cells under the groups, each assigned to the group to its left
  const byGroup = new Map<number, { r: number; c: number; field: number; level: MatchLevel }[]>();
  const issues = new Issues();
  const sink: Sink = { view, table: 'table4', issues, cells: {}, values: {} };
  let headerBottom = Math.max(...present.map((p) => p.r));
  for (let r = r0; r <= Math.min(view.bottom, r0 + 3); r++) {
    if (r > r0 + 1 && rowHasNumbers(view, r, c0, right)) break;
    for (let c = c0; c <= right; c++) {
      const label = view.label(r, c);
      if (!label?.text) continue;
      if (spec.groupMatcher.matchText(label, 'core') || spec.otherMatcher.matchText(label, 'core')) continue;
      const m = spec.fieldMatcher.matchText(label, 'core');
      if (!m) {
        if (r > r0) issues.add({ kind: 'unmapped-label', sheet: view.sheet, address: view.address(r, c), table: 'table4', text: view.rawText(r, c) });
        continue;
      }
      const owner = [...starts].reverse().find((s) => s.c <= c);
      if (!owner) continue;
      if (isAltered(m.level)) alteredIssue(sink, r, c, spec.fields[m.index].label);
      const list = byGroup.get(owner.i) ?? [];
      list.push({ r, c, field: m.index, level: m.level });
      byGroup.set(owner.i, list);
      headerBottom = Math.max(headerBottom, r);
    }
  }
  const fieldCount = [...byGroup.values()].reduce((n, l) => n + l.length, 0);
  if (fieldCount < 3) return undefined;
  for (const p of present) if (isAltered(p.level)) alteredIssue(sink, p.r, p.c, spec.groups[p.i].label);

  // the value row: the first row below the headers with something in the field columns
  const fieldCols: number[] = [];
  for (const list of byGroup.values()) for (const f of list) fieldCols.push(f.c);
  let vr = headerBottom + 1;
  for (let r = headerBottom + 1; r <= Math.min(view.bottom, headerBottom + 3); r++) {
    if (fieldCols.some((c) => !view.isEmpty(r, c))) {
      vr = r;
      break;
    }
  }
  let maxCol = c0;
  spec.groups.forEach((g, gi) => {
    const list = (byGroup.get(gi) ?? []).sort((a, b) => a.c - b.c);
    for (const [fi, f] of spec.fields.entries()) {
      const v = def.values.find((x) => x.row === g.key && x.col === f.key);
      if (!v) continue;
      const hit = list.find((x) => x.field === fi);
      if (!hit) {
        issues.add({ kind: 'missing-column', sheet: view.sheet, table: 'table4', text: `${g.label}·${f.label}`, official: f.label });
        continue;
      }
      maxCol = Math.max(maxCol, hit.c);
      putValue(sink, v, vr, hit.c);
    }
  });
  return {
    table: 'table4',
    sheet: view.sheet,
    range: rangeA1(r0, c0, vr - r0 + 1, maxCol - c0 + 1),
    top: r0,
    bottom: vr,
    cells: sink.cells,
    values: sink.values,
    issues: issues.list,
  };
}

/* ------------------------------------------------------------------ texts the tables ignore */

const takenSlot = new WeakMap<FormatDef, number>();

/**
 * Whether any matcher of the format's tables (or the section captions) could take a cell text for
 * a label, at any level, as a whole or in part (a parent label followed by a row label, the two
 * header levels of table 四 in one cell). A text for which this is false is passed over by every
 * step above, wherever it stands outside the tables' rows: its content cannot change what is found.
 */
export function takenForLabel(label: LabelText, format: FormatDef): boolean {
  let slot = takenSlot.get(format);
  if (slot === undefined) {
    slot = resultSlot();
    takenSlot.set(format, slot);
  }
  let hit = label.results[slot] as boolean | undefined;
  if (hit === undefined) {
    hit = computeTaken(label, format);
    label.results[slot] = hit;
  }
  return hit;
}

function computeTaken(label: LabelText, format: FormatDef): boolean {
  const text = label.text;
  if (!text) return false;
  if (CAPTIONS.matchText(label)) return true;
  for (const id of ['table2', 'table3'] as const) {
    const spec = rowTableSpec(format.tables[id]);
    if (spec.sideMatcher.matchText(label) || spec.rowMatcher.matchText(label)) return true;
    if (spec.rightMatcher.matchText(label) || spec.sideHeaderMatcher.matchText(label)) return true;
    if (spec.parents.some((p) => text.startsWith(p.norm))) return true;
  }
  const t4 = t4Spec(format.tables.table4);
  if (t4.groupMatcher.matchText(label) || t4.fieldMatcher.matchText(label) || t4.otherMatcher.matchText(label)) return true;
  return t4.others.some((o) => text.startsWith(o));
}

/* ------------------------------------------------------------------ per sheet */

/** The tables of one format found on one sheet (absent when not found). */
export function locateTablesWithFormat(view: SheetView, format: FormatDef): Partial<Record<TableId, TableRead>> {
  return view.memo(format, TABLES_TAG, () => computeTables(view, format));
}

const TABLES_TAG = 'tables';

/** Tells a sheet the tables of a format on it, known without reading it (see own-layout.ts). */
export function rememberTables(view: SheetView, format: FormatDef, tables: Partial<Record<TableId, TableRead>>): void {
  view.memo(format, TABLES_TAG, () => tables);
}

function computeTables(view: SheetView, format: FormatDef): Partial<Record<TableId, TableRead>> {
  const out: Partial<Record<TableId, TableRead>> = {};
  const t2 = locateRowTable(view, format, 'table2');
  if (t2) out.table2 = t2;
  const t3 = locateRowTable(view, format, 'table3');
  if (t3) out.table3 = t3;
  const t4 = locateTable4(view, format);
  if (t4) out.table4 = t4;
  return out;
}
