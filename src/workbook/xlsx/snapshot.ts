/**
 * A read-only snapshot of an .xlsx file, for reading without ExcelJS: `nianbao check`, the
 * roll-up and last year's figures only read, and ExcelJS builds a whole object model (every
 * style, every cell object) before the first value can be read — most of a check's time.
 *
 * The snapshot reads what the reading half of the port needs (sheet names, cell values and
 * formulas, merges, the metadata rows) straight from the parts, and gives the same Grids as
 * XlsxWorkbook.readAllGrids, value for value. It reads only the files it can read exactly as
 * ExcelJS would: anything else (a date-formatted number, a shared formula without its text,
 * hyperlinks, phonetic runs, CDATA, prefixed XML, a large merge, a part it cannot inflate …)
 * makes `readSnapshot` return undefined and the caller opens the file with ExcelJS as before.
 * test/workbook/xlsx/snapshot.test.ts compares the two readers on real and generated files.
 * No Node APIs (the page outside Excel may use it too).
 */
import type { CellValue, Grid } from '../../core/grid';
import { colIndex, colLetters } from '../../core/grid';
import type { SheetMetadata, WorkbookReader } from '../port';
import { WorkbookError } from '../port';
import { buildGrid, type FoundCell } from './grid';
import { LIMITS } from './preflight';
import { META_SHEET, metadataOf } from './xlsx-workbook';
import { InflateLimit, readEntry, zipEntries, type ZipEntry } from './zip';


/** Merges up to this many cells are read here; larger ones go through ExcelJS and preflight's clipping. */
const SMALL_MERGE = 10_000;

/** Thrown inside the snapshot when the file needs ExcelJS; never leaves this module. */
class NeedsExcelJs extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}

function bail(why: string): never {
  throw new NeedsExcelJs(why);
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const UNKNOWN_ENTITY = /&(?!(?:#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);)/;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text or attribute value as an XML parser gives it (ExcelJS's saxes): entities decoded. */
function decode(s: string): string {
  if (s.indexOf('\r') >= 0) bail('carriage return'); // line-end normalisation: leave it to the parser
  if (s.indexOf('&') < 0) return s;
  if (UNKNOWN_ENTITY.test(s)) bail('entity');
  return s.replace(ENTITY, (_m, e: string) => {
    if (e.charCodeAt(0) !== 35 /* # */) return NAMED[e];
    const code = e.charCodeAt(1) === 120 /* x */ ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff)) bail('character reference');
    return String.fromCodePoint(code);
  });
}

/** ExcelJS decodes the five named entities once more in t="str" values (utils.xmlDecode). */
function decodeAgain(s: string): string {
  return s.indexOf('&') < 0 ? s : s.replace(/&([a-z]*);/g, (m) => (m in AGAIN ? AGAIN[m] : m));
}
const AGAIN: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' };

/** An attribute of a start tag's text (`<c r="A1" t="s">`), decoded; undefined when absent. */
function attr(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) {
    if (tag.indexOf(` ${name}='`) >= 0 || tag.indexOf(`\t${name}=`) >= 0 || tag.indexOf(`\n${name}=`) >= 0) bail('attribute quoting');
    return undefined;
  }
  const start = at + name.length + 3;
  const end = tag.indexOf('"', start);
  if (end < 0) bail('attribute');
  return decode(tag.slice(start, end));
}

/** The text between `<name …>` and `</name>` of the first such element in `xml` from `from`; '' for `<name/>`. */
function elementText(xml: string, name: string, from = 0): string | undefined {
  const open = `<${name}`;
  let at = xml.indexOf(open, from);
  while (at >= 0) {
    const next = xml.charCodeAt(at + open.length);
    if (next === 62 /* > */ || next === 32 || next === 47 /* / */) break;
    at = xml.indexOf(open, at + 1);
  }
  if (at < 0) return undefined;
  const close = xml.indexOf('>', at);
  if (close < 0) bail('tag');
  if (xml.charCodeAt(close - 1) === 47) return '';
  const end = xml.indexOf(`</${name}>`, close);
  if (end < 0) bail('element');
  return xml.slice(close + 1, end);
}

/** The texts of the `<t>` elements in `xml`, in order ('' for `<t/>`). */
function texts(xml: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const t = xml.indexOf('<t', at);
    if (t < 0) return out;
    const c = xml.charCodeAt(t + 2);
    if (c !== 62 && c !== 32 && c !== 47) {
      at = t + 2;
      continue;
    }
    const close = xml.indexOf('>', t);
    if (close < 0) bail('tag');
    if (xml.charCodeAt(close - 1) === 47) {
      out.push('');
      at = close + 1;
      continue;
    }
    const end = xml.indexOf('</t>', close);
    if (end < 0) bail('text');
    out.push(decode(xml.slice(close + 1, end)));
    at = end + 4;
  }
}

/** ExcelJS decodes _xHHHH_ escapes in shared strings' <t> (TextXform). */
function unescapeX(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The shared strings, as ExcelJS reads them: plain text, or the runs' texts joined. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const si = xml.indexOf('<si', at);
    if (si < 0) return out;
    const c = xml.charCodeAt(si + 3);
    if (c !== 62 && c !== 32) {
      if (c === 47) bail('empty shared string');
      at = si + 3;
      continue;
    }
    const close = xml.indexOf('>', si);
    const end = xml.indexOf('</si>', close);
    if (close < 0 || end < 0) bail('shared string');
    // phonetic runs and properties are ignored by ExcelJS: drop them (and their <t>) first
    let body = xml.slice(close + 1, end);
    if (body.indexOf('<rPh') >= 0) body = body.replace(/<rPh\b[^>]*>[\s\S]*?<\/rPh>|<rPh\b[^>]*\/>/g, '');
    if (body.indexOf('<phoneticPr') >= 0) body = body.replace(/<phoneticPr\b[^>]*\/>/g, '');
    if (body.indexOf('<r>') >= 0 || body.indexOf('<r ') >= 0) {
      // rich text: each run's <t>; a <t> outside the runs would be read differently
      const runs = body.match(/<r[\s>][\s\S]*?<\/r>/g) ?? [];
      if (body.replace(/<r[\s>][\s\S]*?<\/r>/g, '').indexOf('<t') >= 0) bail('mixed rich text');
      out.push(runs.map((r) => texts(r).map(unescapeX).join('')).join(''));
    } else {
      const ts = texts(body);
      if (ts.length !== 1) bail('shared string without one text');
      out.push(unescapeX(ts[0]));
    }
    at = end + 5;
  }
}

/** ExcelJS's test for a date number format (utils.isDateFmt). */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Built-in number formats that show a number as a number (all the others may be dates). */
const PLAIN_BUILTIN = new Set([1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 41, 42, 43, 44, 48, 49]);

/** For each cell style index, whether ExcelJS would read a number in it as a date. */
function dateStyles(xml: string | undefined): boolean[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const fmts = elementText(xml, 'numFmts');
  if (fmts) {
    for (const m of fmts.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
      const id = Number(attr(m[1], 'numFmtId'));
      custom.set(id, attr(m[1], 'formatCode') ?? '');
    }
  }
  const xfs = elementText(xml, 'cellXfs');
  if (xfs === undefined) return [];
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? '0');
    if (!id) out.push(false);
    else if (custom.has(id)) out.push(isDateFormat(custom.get(id)!));
    else out.push(!PLAIN_BUILTIN.has(id));
  }
  return out;
}

interface SheetEntry {
  name: string;
  part: string;
}

/** The bounds of a merge reference (`A1:C2`), 0-based; bails on what ExcelJS would read differently. */
function mergeBox(ref: string): { top: number; left: number; bottom: number; right: number } {
  const m = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) bail('merge reference');
  const box = { top: Number(m[2]) - 1, left: colIndex(m[1]), bottom: Number(m[4]) - 1, right: colIndex(m[3]) };
  if (box.bottom < box.top || box.right < box.left) bail('merge order');
  const area = (box.bottom - box.top + 1) * (box.right - box.left + 1);
  if (area < 2 || area > SMALL_MERGE) bail('merge size');
  return box;
}

/** A sheet's merges (as ExcelJS lists them) and a test for the cells a merge hides. */
function readMerges(xml: string): { ranges: string[]; hidden: (r: number, c: number) => boolean } {
  const at = xml.lastIndexOf('<mergeCells');
  if (at < 0) return { ranges: [], hidden: () => false };
  const boxes: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const m of xml.slice(at).matchAll(/<mergeCell\b([^>]*?)\/?>/g)) boxes.push(mergeBox(attr(m[1], 'ref') ?? bail('merge')));
  if (boxes.length > 2000) bail('many merges');
  for (let i = 0; i < boxes.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right) bail('overlapping merges');
    }
  }
  const ranges = boxes.map((b) => `${colLetters(b.left)}${b.top + 1}:${colLetters(b.right)}${b.bottom + 1}`);
  return {
    ranges,
    hidden: (r, c) => boxes.some((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right && (r !== b.top || c !== b.left)),
  };
}

/** The position of an A1 cell reference, 0-based; bails on anything else. */
function cellPosition(ref: string): { r: number; c: number } {
  let i = 0;
  let c = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
  }
  const digits = ref.slice(i);
  if (i === 0 || i > 3 || !/^[1-9]\d{0,6}$/.test(digits)) bail('cell reference');
  return { r: Number(digits) - 1, c: c - 1 };
}

/** The cells of a sheet as XlsxWorkbook's grid reader finds them (FoundCell order: rows, then columns). */
function readCells(xml: string, strings: () => string[], dates: () => boolean[], meta: boolean): { found: FoundCell[]; merges: string[] } {
  if (xml.indexOf('<![CDATA[') >= 0) bail('CDATA');
  if (xml.indexOf('<hyperlinks') >= 0) bail('hyperlinks');
  if (!/^(?:<\?xml[^>]*>\s*)?<worksheet[\s>]/.test(xml)) bail('worksheet element');
  const start = xml.indexOf('<sheetData');
  if (start < 0) bail('no sheetData');
  const open = xml.indexOf('>', start);
  const end = xml.charCodeAt(open - 1) === 47 ? open : xml.indexOf('</sheetData>', open);
  if (end < 0) bail('sheetData');
  const { ranges, hidden } = readMerges(xml);
  const found: FoundCell[] = [];
  let sorted = true;
  let lastR = -1;
  let lastC = -1;
  let at = open;
  for (;;) {
    at = xml.indexOf('<c', at);
    if (at < 0 || at >= end) break;
    const next = xml.charCodeAt(at + 2);
    if (next !== 32 && next !== 62 && next !== 47) {
      at += 2;
      continue;
    }
    const tagEnd = xml.indexOf('>', at);
    const tag = xml.slice(at + 2, tagEnd);
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    const ref = attr(tag, 'r') ?? bail('cell without reference');
    const { r, c } = cellPosition(ref);
    let inner = '';
    if (selfClosing) at = tagEnd + 1;
    else {
      const close = xml.indexOf('</c>', tagEnd);
      if (close < 0) bail('cell');
      inner = xml.slice(tagEnd + 1, close);
      at = close + 4;
    }
    if (r < lastR || (r === lastR && c <= lastC)) {
      if (r === lastR && c === lastC) bail('cell twice');
      sorted = false;
    }
    lastR = r;
    lastC = c;
    const t = attr(tag, 't');
    const s = Number(attr(tag, 's') ?? '0');
    let formula: string | undefined;
    let raw: string | undefined;
    if (inner) {
      if (inner.indexOf('<rPh') >= 0 || inner.indexOf('<extLst') >= 0) bail('cell content');
      const fAt = inner.indexOf('<f');
      if (fAt >= 0) {
        const fClose = inner.indexOf('>', fAt);
        const fTag = inner.slice(fAt + 2, fClose);
        const shareType = attr(fTag, 't');
        const fEnd = inner.charCodeAt(fClose - 1) === 47 ? fClose : inner.indexOf('</f>', fClose);
        if (fClose < 0 || fEnd < 0) bail('formula');
        const text = fEnd === fClose ? '' : decode(inner.slice(fClose + 1, fEnd));
        if (shareType && shareType !== 'shared' && shareType !== 'array') bail('formula type');
        if (!text && shareType) bail('shared formula');
        if (text) formula = text;
      }
      // an empty <v></v> gives the parser no text: no value, as if it were absent
      const v = elementText(inner, 'v');
      if (v) raw = decode(v);
      if (t === 'inlineStr') {
        const is = elementText(inner, 'is');
        if (is !== undefined) {
          if (is.indexOf('<r>') >= 0 || is.indexOf('<r ') >= 0) bail('inline rich text');
          const text = texts(is).join('');
          if (text) raw = (raw ?? '') + text;
          if (/_x[0-9A-Fa-f]{4}_/.test(raw ?? '')) bail('inline escape');
        }
      }
    }
    let value: CellValue | undefined;
    const dateStyled = s > 0 && dates()[s] === true;
    if (formula !== undefined) {
      if (dateStyled) bail('date formula');
      if (!raw) value = undefined; // no result: evaluated by buildGrid
      else if (t === 'str') value = decodeAgain(raw); else if (t === 'b') value = parseInt(raw, 10) !== 0;
      else if (t === 'e') value = raw;
      else if (t === 's' || t === 'inlineStr' || t === 'd') bail('formula result type');
      else value = parseFloat(raw);
      // ExcelJS's formula value keeps only a truthy result (Cell FormulaValue._copyModel): 0, false
      // and '' read as no result, and the grid evaluates the formula instead
      if (!value) value = undefined;
    } else if (raw !== undefined) {
      switch (t) {
        case 's': {
          const list = strings();
          const i = parseInt(raw, 10);
          if (!(i >= 0 && i < list.length)) bail('shared string index');
          value = list[i];
          break;
        }
        case 'str':
          value = decodeAgain(raw);
          break;
        case 'inlineStr':
          value = raw;
          break;
        case 'b':
          value = parseInt(raw, 10) !== 0;
          break;
        case 'e':
          value = raw;
          break;
        case 'd':
          bail('date cell');
          break;
        default:
          if (dateStyled) bail('date number');
          value = parseFloat(raw);
      }
    } else continue; // no value, no formula: an empty (perhaps styled) cell
    if (hidden(r, c)) continue;
    const f = formula === undefined ? undefined : formula.charCodeAt(0) === 61 ? formula.slice(1) : formula;
    if (!meta && (value === null || (typeof value === 'string' && value.trim() === '')) && !f) continue;
    found.push({ r, c, v: value, f });
  }
  if (!sorted) found.sort((a, b) => a.r - b.r || a.c - b.c);
  return { found, merges: ranges };
}

/** The sheets of workbook.xml in their order, with their parts. */
function sheetList(workbookXml: string, relsXml: string): SheetEntry[] {
  if (/<workbookPr\b[^>]*date1904="(1|true)"/.test(workbookXml)) bail('1904 dates');
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) targets.set(id, target);
  }
  const sheets = elementText(workbookXml, 'sheets') ?? bail('no sheets');
  const out: SheetEntry[] = [];
  const ids = new Set<string>();
  for (const m of sheets.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = attr(m[1], 'name');
    const sheetId = attr(m[1], 'sheetId');
    const rid = attr(m[1], 'r:id');
    if (!name || !sheetId || !rid || ids.has(sheetId)) bail('sheet entry');
    ids.add(sheetId);
    const target = targets.get(rid) ?? bail('sheet target');
    if (!/^worksheets\/[^/]+\.xml$/.test(target)) bail('sheet part');
    out.push({ name, part: `xl/${target}` });
  }
  if (out.length === 0) bail('no sheets');
  return out;
}

/** A workbook file read without ExcelJS: sheet names, grids and metadata. */
export class XlsxSnapshot implements WorkbookReader {
  private constructor(
    private readonly sheets: { name: string; grid: Grid }[],
    private readonly metaRows: string[][],
  ) {}

  /**
   * The snapshot of a zip that sniffed as .xlsx, or undefined when the file needs ExcelJS
   * (see the module comment). Never throws for a file's content: what is wrong with a file is
   * for ExcelJS's path to say.
   */
  static read(bytes: Uint8Array): XlsxSnapshot | undefined {
    try {
      return XlsxSnapshot.readOrBail(bytes);
    } catch (e) {
      if (e instanceof NeedsExcelJs || e instanceof InflateLimit || e instanceof RangeError || e instanceof TypeError) return undefined;
      throw e;
    }
  }

  private static readOrBail(bytes: Uint8Array): XlsxSnapshot {
    const entries = zipEntries(bytes) ?? bail('zip');
    if (entries.reduce((s, e) => s + e.size, 0) > LIMITS.inflated) bail('size');
    const byName = new Map<string, ZipEntry>();
    for (const e of entries) {
      if (byName.has(e.name)) bail('part twice');
      byName.set(e.name, e);
    }
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const part = (name: string): string | undefined => {
      const e = byName.get(name);
      if (!e) return undefined;
      const data = readEntry(bytes, e, e.size) ?? bail('part');
      return decoder.decode(data);
    };
    const workbookXml = part('xl/workbook.xml') ?? bail('workbook part');
    const relsXml = part('xl/_rels/workbook.xml.rels') ?? bail('rels');
    const list = sheetList(workbookXml, relsXml);
    let strings: string[] | undefined;
    const sharedList = (): string[] => (strings ??= sharedStrings(part('xl/sharedStrings.xml') ?? bail('no shared strings')));
    let dates: boolean[] | undefined;
    const dateList = (): boolean[] => (dates ??= dateStyles(part('xl/styles.xml')));
    const sheets: { name: string; grid: Grid }[] = [];
    let metaRows: string[][] = [];
    for (const entry of list) {
      const xml = part(entry.part) ?? bail('sheet missing');
      const meta = entry.name === META_SHEET;
      const { found, merges } = readCells(xml, sharedList, dateList, meta);
      if (meta) metaRows = metaRowsOf(found);
      else sheets.push({ name: entry.name, grid: buildGrid(entry.name, found, merges) });
    }
    return new XlsxSnapshot(sheets, metaRows);
  }

  async listSheets(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async readGrid(sheet: string): Promise<Grid> {
    const s = this.sheets.find((x) => x.name === sheet);
    if (!s) throw new WorkbookError('no-sheet', { sheet });
    return s.grid;
  }

  async readAllGrids(): Promise<Grid[]> {
    return this.sheets.map((s) => s.grid);
  }

  async getMetadata(sheet: string): Promise<SheetMetadata | null> {
    return metadataOf(this.metaRows, sheet);
  }
}

/** The metadata sheet's rows as XlsxWorkbook reads them: columns A–F as text, rows with a value. */
function metaRowsOf(found: FoundCell[]): string[][] {
  const rows = new Map<number, string[]>();
  for (const cell of found) {
    let row = rows.get(cell.r);
    if (!row) rows.set(cell.r, (row = ['', '', '', '', '', '']));
    if (cell.c <= 5) row[cell.c] = cell.v === null || cell.v === undefined ? '' : String(cell.v);
  }
  return [...rows.keys()].sort((a, b) => a - b).map((r) => rows.get(r)!);
}
