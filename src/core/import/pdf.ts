/**
 * A PDF's pages (words with their positions, and the ruling lines drawn on the page) as the web page
 * the importer reads. Tables are rebuilt from the drawn cell borders: the borders give the columns,
 * rows and merged cells, and each word goes to the cell it lies in, so an empty cell is an empty cell
 * and a wrapped label stays one label. A table continued on the next page (its header repeated) is
 * joined to its first part. A page without ruling lines gives its lines as text, a line's cells
 * separated by tabs where the words are far apart; such rows are matched by their labels and a row
 * whose cells cannot be put in their columns is left blank and named by the importer.
 * Pure: the positions come from the caller (src/app reads them with pdf.js).
 */
import { valueToken } from '../read/value';
import { escapeHtml } from '../render/html';
import { FORMATS } from '../formats';
import { headingIndex } from './sections';
import { labelKey } from './tables';

/** A run of text as the PDF places it: x, y of its baseline's start (PDF units, y upwards), its width and font size. */
export interface PdfTextItem {
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
}

/** A straight ruling line (stroked, or a thin filled rectangle), in the same units. */
export interface PdfSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPage {
  items: PdfTextItem[];
  segments: PdfSegment[];
}

const TOL = 1.5;

interface Line {
  y: number;
  h: number;
  items: PdfTextItem[];
}

/** Items into lines (same baseline within a third of the font size), top to bottom, each left to right. */
function linesOf(items: PdfTextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(2, Math.min(l.h, it.h) / 3));
    if (line) {
      line.items.push(it);
      line.h = Math.max(line.h, it.h);
    } else lines.push({ y: it.y, h: it.h, items: [it] });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

/** A line's text; with `tabs`, words farther apart than most of a character are separate cells. */
function lineText(line: Line, tabs = false): string {
  let out = '';
  let end = -Infinity;
  for (const it of line.items) {
    const gap = it.x - end;
    if (out && tabs && (gap > Math.max(6, line.h * 0.9) || (gap > 0.5 && /\d$/.test(out) && /^\s*[\d+-]/.test(it.text)))) out += '\t';
    else if (out && gap > line.h * 0.25 && /[\w.%]$/.test(out) && /^[\w.%]/.test(it.text)) out += ' ';
    out += it.text;
    end = Math.max(end, it.x + it.w);
  }
  return out;
}

/* ---------------------------------------------------------------- ruling lines → tables */

interface Rule {
  at: number;
  from: number;
  to: number;
}

function rulesOf(segments: PdfSegment[]): { h: Rule[]; v: Rule[] } {
  const h: Rule[] = [];
  const v: Rule[] = [];
  for (const s of segments) {
    const dx = Math.abs(s.x2 - s.x1);
    const dy = Math.abs(s.y2 - s.y1);
    if (dy <= TOL && dx > 2) h.push({ at: (s.y1 + s.y2) / 2, from: Math.min(s.x1, s.x2), to: Math.max(s.x1, s.x2) });
    else if (dx <= TOL && dy > 2) v.push({ at: (s.x1 + s.x2) / 2, from: Math.min(s.y1, s.y2), to: Math.max(s.y1, s.y2) });
  }
  return { h, v };
}

/** Positions within TOL of each other as one (their mean), sorted ascending. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const x of sorted) {
    const g = groups[groups.length - 1];
    if (g && x - g[g.length - 1] <= TOL) g.push(x);
    else groups.push([x]);
  }
  return groups.map((g) => g.reduce((s, x) => s + x, 0) / g.length);
}

/** True when rules at `at` cover [from, to] (their union, small gaps allowed). */
function covered(rules: Rule[], at: number, from: number, to: number): boolean {
  const spans = rules
    .filter((r) => Math.abs(r.at - at) <= TOL && r.to >= from - TOL && r.from <= to + TOL)
    .sort((a, b) => a.from - b.from);
  let reach = from + 2 * TOL;
  const goal = to - 2 * TOL;
  for (const s of spans) {
    if (s.from > reach + TOL) return false;
    reach = Math.max(reach, s.to);
    if (reach >= goal) return true;
  }
  return reach >= goal;
}

interface Cell {
  r: number;
  c: number;
  rs: number;
  cs: number;
  items: PdfTextItem[];
  text: string;
}

interface Table {
  /** column borders, left to right; row borders, top to bottom */
  xs: number[];
  ys: number[];
  cells: Cell[];
  rows: number;
  cols: number;
}

/** Connected groups of rules that cross or touch: one group a table. */
function ruleGroups(h: Rule[], v: Rule[]): { h: Rule[]; v: Rule[] }[] {
  const all = [...h.map((r) => ({ r, hz: true })), ...v.map((r) => ({ r, hz: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      if (a.hz === b.hz) continue;
      const [hr, vr] = a.hz ? [a.r, b.r] : [b.r, a.r];
      if (vr.at >= hr.from - 2 * TOL && vr.at <= hr.to + 2 * TOL && hr.at >= vr.from - 2 * TOL && hr.at <= vr.to + 2 * TOL) {
        parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  all.forEach((x, i) => {
    const k = find(i);
    if (!groups.has(k)) groups.set(k, { h: [], v: [] });
    (x.hz ? groups.get(k)!.h : groups.get(k)!.v).push(x.r);
  });
  return [...groups.values()];
}

function buildTable(g: { h: Rule[]; v: Rule[] }): Table | undefined {
  const xs = cluster(g.v.map((r) => r.at));
  const ys = cluster(g.h.map((r) => r.at)).reverse();
  if (xs.length < 2 || ys.length < 2) return undefined;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(g.v, xs[c + 1], ys[r + 1], ys[r])) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < rows && !covered(g.h, ys[r + 1], xs[c], xs[c + 1])) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  const boxes = new Map<number, Cell>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = find(id(r, c));
      const b = boxes.get(k);
      if (!b) boxes.set(k, { r, c, rs: 1, cs: 1, items: [], text: '' });
      else {
        const r1 = Math.max(b.r + b.rs, r + 1);
        const c1 = Math.max(b.c + b.cs, c + 1);
        b.r = Math.min(b.r, r);
        b.c = Math.min(b.c, c);
        b.rs = r1 - b.r;
        b.cs = c1 - b.c;
      }
    }
  }
  return { xs, ys, cells: [...boxes.values()].sort((a, b) => a.r - b.r || a.c - b.c), rows, cols };
}

/** The cell a point lies in (by the elementary grid), if inside the table. */
function cellAt(t: Table, x: number, y: number): Cell | undefined {
  if (x < t.xs[0] || x > t.xs[t.xs.length - 1] || y > t.ys[0] || y < t.ys[t.ys.length - 1]) return undefined;
  let c = t.xs.findIndex((v, i) => i + 1 < t.xs.length && x >= v && x <= t.xs[i + 1]);
  let r = t.ys.findIndex((v, i) => i + 1 < t.ys.length && y <= v && y >= t.ys[i + 1]);
  if (c < 0) c = 0;
  if (r < 0) r = 0;
  return t.cells.find((k) => r >= k.r && r < k.r + k.rs && c >= k.c && c < k.c + k.cs);
}

function cellText(items: PdfTextItem[]): string {
  return linesOf(items)
    .map((l) => lineText(l))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/* ---------------------------------------------------------------- page → blocks */

type Block = { kind: 'line'; y: number; h: number; right: number; left: number; text: string; line: Line } | { kind: 'table'; y: number; table: Table };

function pageBlocks(page: PdfPage): Block[] {
  const { h, v } = rulesOf(page.segments);
  const tables = ruleGroups(h, v)
    .map(buildTable)
    .filter((t): t is Table => !!t && t.cells.length >= 4);
  const loose: PdfTextItem[] = [];
  for (const it of page.items) {
    if (!it.text.trim()) continue;
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h * 0.3;
    let placed = false;
    for (const t of tables) {
      const cell = cellAt(t, cx, cy);
      if (cell) {
        cell.items.push(it);
        placed = true;
        break;
      }
    }
    if (!placed) loose.push(it);
  }
  for (const t of tables) for (const c of t.cells) c.text = cellText(c.items);
  const blocks: Block[] = tables.map((t) => ({ kind: 'table', y: t.ys[0], table: t }));
  for (const l of linesOf(loose)) {
    const last = l.items[l.items.length - 1];
    blocks.push({ kind: 'line', y: l.y, h: l.h, left: l.items[0].x, right: last.x + last.w, text: lineText(l, tables.length === 0), line: l });
  }
  return blocks.sort((a, b) => b.y - a.y);
}

/** The text of a table's first `n` rows, to recognise a header repeated on the next page. */
function rowTexts(t: Table, r: number): string {
  return t.cells
    .filter((c) => c.r === r)
    .map((c) => `${c.c}:${c.cs}:${c.text}`)
    .join('|');
}

/** A table's cells on other column borders (a superset of its own): column index and span remapped. */
function onColumns(t: Table, xs: number[]): Cell[] | undefined {
  const at = (x: number) => xs.findIndex((v) => Math.abs(v - x) <= 2 * TOL);
  const out: Cell[] = [];
  for (const c of t.cells) {
    const c0 = at(t.xs[c.c]);
    const c1 = at(t.xs[c.c + c.cs]);
    if (c0 < 0 || c1 <= c0) return undefined;
    out.push({ ...c, c: c0, cs: c1 - c0 });
  }
  return out;
}

/**
 * Appends `next` (a table continued on a new page) to `t`: the same outer borders, the columns of
 * both (a part whose rows are all merged across some columns has fewer borders); its header rows
 * repeated from `t` dropped.
 */
function joinTable(t: Table, next: Table): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) <= 2 * TOL;
  if (!near(t.xs[0], next.xs[0]) || !near(t.xs[t.xs.length - 1], next.xs[next.xs.length - 1])) return false;
  const xs = cluster([...t.xs, ...next.xs]);
  const mine = onColumns(t, xs);
  const theirs = onColumns(next, xs);
  if (!mine || !theirs) return false;
  t.cells = mine;
  next.cells = theirs;
  t.xs = xs;
  next.xs = xs;
  t.cols = next.cols = xs.length - 1;
  let skip = 0;
  while (skip < next.rows && skip < t.rows && rowTexts(next, skip) === rowTexts(t, skip) && next.cells.some((c) => c.r === skip && c.text)) skip++;
  for (const c of next.cells) {
    if (c.r < skip) continue;
    t.cells.push({ ...c, r: c.r - skip + t.rows });
  }
  t.rows += next.rows - skip;
  return true;
}

function tableHtml(t: Table): string {
  const rows: string[] = [];
  for (let r = 0; r < t.rows; r++) {
    const cells = t.cells
      .filter((c) => c.r === r)
      .sort((a, b) => a.c - b.c)
      .map((c) => `<td${c.rs > 1 ? ` rowspan="${c.rs}"` : ''}${c.cs > 1 ? ` colspan="${c.cs}"` : ''}>${escapeHtml(c.text)}</td>`);
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<table>${rows.join('')}</table>`;
}

/* ---------------------------------------------------------------- no ruling lines: columns from the figures' positions */

interface Chunk {
  text: string;
  x0: number;
  x1: number;
  value: boolean;
}

/** A line's words in chunks: a new chunk where the gap is wider than most of a character. */
function chunksOf(line: Line): Chunk[] {
  const out: Chunk[] = [];
  for (const it of line.items) {
    const last = out[out.length - 1];
    // two figures are two cells however close they stand (narrow columns)
    const figures = last && /\d$/.test(last.text.trim()) && /^\s*[\d+-]/.test(it.text) && it.x - last.x1 > 0.5;
    if (last && !figures && it.x - last.x1 <= Math.max(6, line.h * 0.9)) {
      last.text += it.text;
      last.x1 = Math.max(last.x1, it.x + it.w);
    } else out.push({ text: it.text, x0: it.x, x1: it.x + it.w, value: false });
  }
  for (const c of out) {
    c.text = c.text.trim();
    const tok = valueToken(c.text);
    c.value = !!tok && tok.kind !== 'text';
  }
  return out.filter((c) => c.text);
}

const center = (c: Chunk) => (c.x0 + c.x1) / 2;

/** Label pieces of one row as its label cells: pieces whose extents overlap are one cell, read top to bottom. */
function labelCells(pieces: (Chunk & { y: number })[]): string[] {
  const cells: (Chunk & { y: number })[][] = [];
  for (const p of [...pieces].sort((a, b) => a.x0 - b.x0)) {
    const cell = cells.find((c) => c.some((q) => p.x0 < q.x1 && q.x0 < p.x1));
    if (cell) cell.push(p);
    else cells.push([p]);
  }
  return cells
    .sort((a, b) => Math.min(...a.map((p) => p.x0)) - Math.min(...b.map((p) => p.x0)))
    .map((c) => c.sort((a, b) => b.y - a.y || a.x0 - b.x0).map((p) => p.text).join(''));
}

let columnLabels: Set<string> | undefined;
/** The column header labels of every official table (labelKey), e.g. 自然人, 商业企业, 结果维持, 本年制发件数. */
function COLUMN_LABELS(): Set<string> {
  columnLabels ??= new Set(FORMATS.flatMap((f) => Object.values(f.tables).flatMap((t) => [...t.colOrder.map((c) => c.label), ...t.values.map((v) => v.colLabel)])).map(labelKey).filter((k) => k));
  return columnLabels;
}

/**
 * Lines of a page without ruling lines as tab-separated rows. Within a run of lines holding figures
 * (up to a section heading or a line of running text), the figures' centres give the columns; each
 * row gets a field per column, empty where it has no figure, so a blank cell stays in its column. A
 * row whose figures do not each fall clearly in one column is given as it is (its fields as found),
 * and the importer leaves it blank and names it when the count does not fit.
 */
function columnLines(lines: Extract<Block, { kind: 'line' }>[]): string[] {
  const out: string[] = [];
  let run: { block: Extract<Block, { kind: 'line' }>; chunks: Chunk[] }[] = [];
  const isValueLine = (chunks: Chunk[]) => chunks.some((c, i) => c.value && (i > 0 || chunks.length > 1));
  const flush = () => {
    if (!run.length) return;
    const centres = run.flatMap((l) => (isValueLine(l.chunks) ? l.chunks.filter((c) => c.value).map(center) : [])).sort((a, b) => a - b);
    const h = Math.max(...run.map((l) => l.block.h));
    const groups: number[][] = [];
    for (const x of centres) {
      const g = groups[groups.length - 1];
      if (g && x - g[g.length - 1] <= Math.max(8, h)) g.push(x);
      else groups.push([x]);
    }
    const anchors = groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
    // a column without a single figure (blank all the way down) is found by its header above the figures
    const first = run.findIndex((l) => isValueLine(l.chunks));
    if (anchors.length >= 2 && first > 0) {
      const gaps = anchors.slice(1).map((a, i) => a - anchors[i]).sort((a, b) => a - b);
      const spacing = gaps[Math.floor(gaps.length / 2)];
      // header cells (a wrapped one joined top to bottom) that name an official column
      const heads = run
        .slice(0, first)
        .flatMap((l) => l.chunks.filter((c) => !c.value))
        .sort((a, b) => center(a) - center(b));
      const clusters: Chunk[][] = [];
      for (const c of heads) {
        const g = clusters[clusters.length - 1];
        if (g && center(c) - center(g[g.length - 1]) <= Math.max(8, h)) g.push(c);
        else clusters.push([c]);
      }
      for (const g of clusters) {
        if (!COLUMN_LABELS().has(labelKey(g.map((c) => c.text).join('')))) continue;
        const x = g.reduce((a, c) => a + center(c), 0) / g.length;
        const near = Math.min(...anchors.map((a) => Math.abs(a - x)));
        if (near > spacing * 0.6 && x > anchors[0] - spacing * 1.5 && x < anchors[anchors.length - 1] + spacing * 1.5) anchors.push(x);
      }
      anchors.sort((a, b) => a - b);
    }
    // a wrapped label's other lines (above and below its row's figures) go with the nearest row of figures
    const valueAt = run.map((l, i) => (isValueLine(l.chunks) ? i : -1)).filter((i) => i >= 0);
    const extra = new Map<number, (Chunk & { y: number })[]>();
    const taken = new Set<number>();
    if (valueAt.length && anchors.length) {
      const lastY = run[valueAt[valueAt.length - 1]].block.y;
      run.forEach((l, j) => {
        if (valueAt.includes(j) || j < valueAt[0]) return;
        if (j > valueAt[valueAt.length - 1] && lastY - l.block.y > h * 1.6) return;
        // label text only, left of the figures
        if (l.chunks.some((c) => c.x1 > anchors[0] - h)) return;
        const near = valueAt.reduce((best, i) => (Math.abs(run[i].block.y - l.block.y) < Math.abs(run[best].block.y - l.block.y) ? i : best), valueAt[0]);
        extra.set(near, [...(extra.get(near) ?? []), ...l.chunks.map((c) => ({ ...c, y: l.block.y }))]);
        taken.add(j);
      });
    }
    run.forEach(({ block, chunks }, j) => {
      if (taken.has(j)) return;
      if (!isValueLine(chunks) || !anchors.length) {
        out.push(block.text);
        return;
      }
      const firstValue = chunks.findIndex((c, i) => c.value && (i > 0 || chunks.length > 1) && chunks.slice(i).every((d) => d.value));
      if (firstValue < 0) {
        out.push(block.text);
        return;
      }
      const fields: string[] = Array<string>(anchors.length).fill('');
      let clear = true;
      for (const c of chunks.slice(firstValue)) {
        const x = center(c);
        const k = anchors.reduce((best, a, i) => (Math.abs(a - x) < Math.abs(anchors[best] - x) ? i : best), 0);
        const gap = Math.min(k > 0 ? anchors[k] - anchors[k - 1] : Infinity, k + 1 < anchors.length ? anchors[k + 1] - anchors[k] : Infinity);
        // a figure belongs to a column only when it stands where the column's figures stand
        if (fields[k] || Math.abs(anchors[k] - x) > Math.min(gap / 3, Math.max(4, h * 0.6))) clear = false;
        fields[k] = c.text;
      }
      const labels = labelCells([...chunks.slice(0, firstValue).map((c) => ({ ...c, y: block.y })), ...(extra.get(j) ?? [])]);
      out.push(clear ? [...labels, ...fields].join('\t') : [...labels, block.text].join('\t'));
    });
    run = [];
  };
  for (const block of lines) {
    const chunks = chunksOf(block.line);
    const breaks = !isValueLine(chunks) && (headingIndex(block.text.replace(/\t/g, '')) >= 0 || block.text.replace(/\t/g, '').length > 30);
    if (breaks) {
      flush();
      out.push(block.text);
      continue;
    }
    run.push({ block, chunks });
  }
  flush();
  return out;
}

export interface PdfLayout {
  /** 'html' when tables were rebuilt from ruling lines, else 'text' (lines, cells separated by tabs) */
  kind: 'html' | 'text';
  content: string;
  /** how many tables were rebuilt from ruling lines (after joining page breaks) */
  tables: number;
}

/**
 * The pages as the importer's input. Lines of running text that reach the right margin are joined
 * with the next line (one paragraph); a table continued at the top of the next page is joined.
 */
export function pdfLayout(pages: PdfPage[]): PdfLayout {
  const blocks = pages.map(pageBlocks);
  const flat: Block[] = [];
  blocks.forEach((page, p) => {
    // a table continues at the top of the next page, after at most a running header (short lines)
    let top = p > 0;
    page.forEach((b) => {
      const prev = [...flat].reverse().find((x) => x.kind === 'table' || x.text.length > 20 || /[一二三四五六]、/.test(x.text));
      if (top && b.kind === 'table' && prev?.kind === 'table' && joinTable(prev.table, b.table)) return;
      if (b.kind === 'table' || b.text.length > 20) top = false;
      flat.push(b);
    });
  });
  const tables = flat.filter((b) => b.kind === 'table').length;
  const lineBlocks = flat.filter((b): b is Extract<Block, { kind: 'line' }> => b.kind === 'line');
  const right = lineBlocks.length ? Math.max(...lineBlocks.map((b) => b.right)) : 0;
  const out: string[] = [];
  let para: string | undefined;
  let paraOpen = false;
  const flush = () => {
    if (para !== undefined) out.push(tables ? `<p>${escapeHtml(para)}</p>` : para);
    para = undefined;
  };
  for (const b of flat) {
    if (b.kind === 'table') {
      flush();
      paraOpen = false;
      out.push(tableHtml(b.table));
      continue;
    }
    if (para !== undefined && paraOpen && !b.text.includes('\t')) para += b.text;
    else {
      flush();
      para = b.text;
    }
    // a line that runs to the right margin continues on the next line
    paraOpen = b.right >= right - b.h * 1.5 && !b.text.includes('\t');
  }
  flush();
  if (!tables) return { kind: 'text', content: columnLines(flat.filter((b): b is Extract<Block, { kind: 'line' }> => b.kind === 'line')).join('\n'), tables };
  return { kind: 'html', content: `<!DOCTYPE html><html><body>\n${out.join('\n')}\n</body></html>`, tables };
}
