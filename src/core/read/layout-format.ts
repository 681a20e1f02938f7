/**
 * Which official format a sheet's layout shows: first by the labels only one format has, else by
 * which format's tables fit the sheets best.
 */
import { FORMATS } from '../formats';
import type { FormatDef } from '../formats/types';
import { TABLE_IDS } from '../formats/types';
import { locateTablesWithFormat } from './locate';
import { isNoteStart, type LabelText, normalizeLabel, resultSlot } from './normalize';
import type { SheetView } from './sheet';

/* ------------------------------------------------------------------ format by layout */

const distinctCache = new Map<string, string[]>();

/** Normalised labels that only this format has (e.g. 本年制发件数 vs 本年新制作数量). */
export function distinctiveLabels(format: FormatDef): string[] {
  const hit = distinctCache.get(format.id);
  if (hit) return hit;
  const labelsOf = (f: FormatDef): Set<string> => {
    const s = new Set<string>();
    for (const t of TABLE_IDS) {
      for (const l of f.tables[t].labels) s.add(normalizeLabel(l.text));
      for (const v of f.tables[t].values) {
        s.add(normalizeLabel(v.rowLabel));
        if (v.colLabel) s.add(normalizeLabel(v.colLabel));
      }
    }
    return s;
  };
  const own = labelsOf(format);
  for (const other of FORMATS) {
    if (other.id === format.id) continue;
    for (const l of labelsOf(other)) own.delete(l);
  }
  own.delete('');
  const list = [...own];
  distinctCache.set(format.id, list);
  return list;
}

interface Evidence {
  labels: Set<string>;
  /** where a LabelText keeps the labels it shows */
  slot: number;
}

const evidenceCache = new WeakMap<FormatDef, Evidence>();
const NONE: readonly string[] = [];

function evidenceOf(format: FormatDef): Evidence {
  let ev = evidenceCache.get(format);
  if (!ev) {
    ev = { labels: new Set(distinctiveLabels(format)), slot: resultSlot() };
    evidenceCache.set(format, ev);
  }
  return ev;
}

/**
 * The distinctive labels of a format that a normalised cell text shows exactly or annotated
 * (the label followed by a note: matchLabel's 'exact' and 'annotated').
 */
function evidenceIn(label: LabelText, ev: Evidence): readonly string[] {
  const hit = label.results[ev.slot] as readonly string[] | undefined;
  if (hit) return hit;
  const text = label.text;
  let out: string[] | undefined;
  if (ev.labels.has(text)) out = [text];
  for (let i = 1; i < text.length; i++) {
    if (!isNoteStart(text, i)) continue;
    const prefix = text.slice(0, i);
    if (ev.labels.has(prefix)) (out ??= []).push(prefix);
  }
  label.results[ev.slot] = out ?? NONE;
  return out ?? NONE;
}

/** How many of each format's distinctive labels the sheets show (exact or annotated only). */
export function formatEvidence(views: SheetView[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of FORMATS) {
    const found = new Set<string>();
    for (const view of views) {
      const own = view.memo(f, 'evidence', () => {
        const ev = evidenceOf(f);
        const hits = new Set<string>();
        for (const cell of view.textCells()) for (const l of evidenceIn(cell.label, ev)) hits.add(l);
        return hits;
      });
      for (const l of own) found.add(l);
    }
    out.set(f.id, found.size);
  }
  return out;
}

/** The single best format by a score (higher is better), or undefined on a tie or when none scores above `floor`. */
function unique(scores: { f: FormatDef; score: number }[], floor: number): FormatDef | undefined {
  const best = Math.max(...scores.map((x) => x.score));
  if (best <= floor) return undefined;
  const top = scores.filter((x) => x.score === best);
  return top.length === 1 ? top[0].f : undefined;
}

const FORMAT_TAG = 'format-by-layout';

/**
 * The format the layout shows: first by labels only one format has (本年制发件数, 本年新制作数量,
 * the three （六）其他处理 sub-rows …); when that does not decide (e.g. a 2019 table 三 alone,
 * whose labels are all in the 2021 format too), by which format's tables the sheets fit with
 * the fewest unmapped or missing rows and columns.
 */
export function formatByLayout(views: SheetView[]): FormatDef | undefined {
  // one sheet on its own is asked about more than once (which tables it holds, then its report)
  if (views.length === 1) return views[0].memo(FORMATS, FORMAT_TAG, () => layoutFormat(views));
  return layoutFormat(views);
}

function layoutFormat(views: SheetView[]): FormatDef | undefined {
  const byLabels = formatByLabels(views);
  if (byLabels) return byLabels;
  const fits = FORMATS.map((f) => {
    let tables = 0;
    let misfits = 0;
    for (const v of views) {
      const found = locateTablesWithFormat(v, f);
      for (const t of TABLE_IDS) {
        const read = found[t];
        if (!read) continue;
        tables++;
        misfits += read.issues.filter((i) => i.kind !== 'unit-in-cell' && i.kind !== 'altered-label').length;
      }
    }
    return { f, tables, misfits };
  });
  const most = Math.max(...fits.map((x) => x.tables));
  if (most === 0) return undefined;
  const candidates = fits.filter((x) => x.tables === most);
  return unique(candidates.map((x) => ({ f: x.f, score: -x.misfits })), -Infinity);
}

/** Whether a cell text shows one of the distinctive labels of any format (counts as evidence). */
export function showsFormatEvidence(label: LabelText): boolean {
  return FORMATS.some((f) => evidenceIn(label, evidenceOf(f)).length > 0);
}

/** Tells a sheet the format its layout shows, known without reading it (see own-layout.ts). */
export function rememberFormat(view: SheetView, format: FormatDef): void {
  view.memo(FORMATS, FORMAT_TAG, () => format);
}

/** The format the sheets' distinctive labels alone decide, if they do. */
export function formatByLabels(views: SheetView[]): FormatDef | undefined {
  const ev = formatEvidence(views);
  return unique(FORMATS.map((f) => ({ f, score: ev.get(f.id) ?? 0 })), 0);
}
