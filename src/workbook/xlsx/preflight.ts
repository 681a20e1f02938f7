/**
 * What an .xlsx file's bytes go through before ExcelJS sees them, so that no file can take the
 * reader's memory or time:
 * - the inflated size its directory declares is checked before anything is inflated, and every
 *   part is inflated with a cap (a part inflating to more than it declares stops at once);
 * - merged ranges are clipped to the cells the sheet holds (ExcelJS makes an object for every
 *   cell of a merge: A1:XFD1048576 would be 17 billion of them); a merge that still covers more
 *   than MERGE_CELLS cells, or holds no cell, is dropped (its top-left cell keeps its value).
 * No Node APIs (the page outside Excel uses this too).
 */
import { zipSync } from 'fflate';
import { colIndex, colLetters } from '../../core/grid';
import { WorkbookError } from '../port';
import { InflateLimit, readEntry, zipEntries, type ZipEntry } from './zip';

export const LIMITS = {
  /** bytes of all parts together, inflated (a report workbook is well under 10 MB) */
  inflated: 200 * 1024 * 1024,
  /** cells of one merged range after clipping */
  mergeCells: 100_000,
};

/** WorkbookError 'too-large': data { file, size (declared or reached), limit } */
function tooLarge(file: string | undefined, size: number): WorkbookError {
  return new WorkbookError('too-large', { file, size, limit: LIMITS.inflated });
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/** The most deflate can inflate one byte into (a run of one repeated byte). */
const MAX_DEFLATE_RATIO = 1032;

/** Merges this small (in cells) are harmless as they are: only larger ones are clipped to the cells in use. */
const SMALL_MERGE = 10_000;

/** The bounds of the cells a sheet's XML holds (1-based), or undefined when it holds none. */
function usedBox(xml: string): Box | undefined {
  let box: Box | undefined;
  const re = /<c\b[^>]*?\sr="([A-Z]{1,3})(\d+)"/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const c = colIndex(m[1]) + 1;
    const r = Number(m[2]);
    if (!box) box = { top: r, left: c, bottom: r, right: c };
    else {
      if (r < box.top) box.top = r;
      if (r > box.bottom) box.bottom = r;
      if (c < box.left) box.left = c;
      if (c > box.right) box.right = c;
    }
  }
  // cells written without an address: the rows' numbers and the widest possible sheet
  if (!box && /<c[\s>]/.test(xml)) {
    const rows = [...xml.matchAll(/<row\b[^>]*?\sr="(\d+)"/g)].map((m) => Number(m[1]));
    if (rows.length) box = { top: Math.min(...rows), left: 1, bottom: Math.max(...rows), right: 16384 };
  }
  return box;
}

function parseRef(ref: string): Box | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  const c1 = colIndex(m[1]) + 1;
  const r1 = Number(m[2]);
  const c2 = m[3] ? colIndex(m[3]) + 1 : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

function refOf(b: Box): string {
  return `${colLetters(b.left - 1)}${b.top}:${colLetters(b.right - 1)}${b.bottom}`;
}

/** The sheet XML with its merges clipped, or undefined when no merge needed it. */
const MERGES = new TextEncoder().encode('<mergeCells');

/** The bytes from the last occurrence of `marker` on (the sheet's merges come after its cells); empty when none. */
function tail(data: Uint8Array, marker: Uint8Array): Uint8Array {
  outer: for (let i = data.length - marker.length; i >= 0; i--) {
    for (let j = 0; j < marker.length; j++) if (data[i + j] !== marker[j]) continue outer;
    return data.subarray(i);
  }
  return data.subarray(data.length);
}

/** Whether the sheet's merges (the text from <mergeCells on) hold one larger than SMALL_MERGE cells. */
function hasLargeMerge(merges: string): boolean {
  for (const m of merges.matchAll(/<mergeCell\b[^>]*?\sref="([^"]*)"/g)) {
    const b = parseRef(m[1]);
    if (!b || (b.bottom - b.top + 1) * (b.right - b.left + 1) > SMALL_MERGE) return true;
  }
  return false;
}

export function clipMerges(xml: string): string | undefined {
  const at = xml.lastIndexOf('<mergeCells');
  if (at < 0 || !xml.includes('<mergeCell ', at)) return undefined;
  // the common case (a report's merged headers): every merge small, nothing to clip
  if (!hasLargeMerge(xml.slice(at))) return undefined;
  const used = usedBox(xml);
  let changed = false;
  let kept = 0;
  const clipped = xml.replace(/<mergeCell\b[^>]*?\sref="([^"]*)"[^>]*?\/>/g, (whole, ref: string) => {
    const b = parseRef(ref);
    if (!b) return whole;
    // the merge's top-left cell must be a cell in use, else the merge holds nothing
    const inside = used && b.top >= used.top && b.left >= used.left && b.top <= used.bottom && b.left <= used.right;
    const c: Box | undefined = inside ? { top: b.top, left: b.left, bottom: Math.min(b.bottom, used.bottom), right: Math.min(b.right, used.right) } : undefined;
    const area = c ? (c.bottom - c.top + 1) * (c.right - c.left + 1) : 0;
    if (!c || area > LIMITS.mergeCells || area < 2) {
      changed = true;
      return '';
    }
    kept++;
    if (c.bottom === b.bottom && c.right === b.right) return whole;
    changed = true;
    return `<mergeCell ref="${refOf(c)}"/>`;
  });
  if (!changed) return undefined;
  return kept === 0
    ? clipped.replace(/<mergeCells\b[^>]*>\s*<\/mergeCells>|<mergeCells\b[^>]*\/>/, '')
    : clipped.replace(/<mergeCells\b[^>]*?count="\d+"/, (m) => m.replace(/count="\d+"/, `count="${kept}"`));
}

/**
 * The bytes to give ExcelJS: `bytes` itself, or a copy with clipped merges. Throws WorkbookError
 * 'too-large' (data: file, size, limit) before inflating a file that declares more than
 * LIMITS.inflated, or as soon as a part inflates to more than it declared.
 */
export function preflight(bytes: Uint8Array, file?: string): Uint8Array {
  const entries = zipEntries(bytes);
  if (!entries) return bytes; // not a zip this reader understands: ExcelJS says what is wrong
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > LIMITS.inflated) throw tooLarge(file, declared);
  const parts = new Map<ZipEntry, Uint8Array | undefined>();
  let rewritten = false;
  const decoder = new TextDecoder('utf-8');
  // deflate inflates at most 1032:1, so when even that could not pass the limit no part can lie
  // its way past it: only the sheets are inflated then (for their merges), not every part
  const bombProof = entries.reduce((s, e) => s + (e.method === 0 ? e.size : e.compressedSize * MAX_DEFLATE_RATIO), 0) <= LIMITS.inflated;
  for (const e of entries) {
    if (bombProof && !SHEET_PART.test(e.name)) {
      parts.set(e, undefined);
      continue;
    }
    let data: Uint8Array | undefined;
    try {
      data = readEntry(bytes, e, e.size);
    } catch (err) {
      if (err instanceof InflateLimit) throw tooLarge(file, LIMITS.inflated);
      throw err;
    }
    if (data && SHEET_PART.test(e.name) && hasLargeMerge(decoder.decode(tail(data, MERGES)))) {
      const xml = clipMerges(decoder.decode(data));
      if (xml !== undefined) {
        data = new TextEncoder().encode(xml);
        rewritten = true;
      }
    }
    parts.set(e, data);
  }
  if (!rewritten) return bytes;
  const files: Record<string, Uint8Array> = {};
  for (const [e, part] of parts) {
    const data = part ?? (bombProof ? readEntry(bytes, e, e.size) : undefined);
    if (!data) throw new WorkbookError('corrupt', { file, reason: `unreadable part ${e.name}` });
    if (!e.name.endsWith('/')) files[e.name] = data;
  }
  return zipSync(files, { level: 0 });
}
