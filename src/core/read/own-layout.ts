/**
 * Sheets laid out by this product and then only filled in — the common case — are read without
 * searching: what the reader finds on them is known from the layout.
 *
 * For each format and title position, the layout (buildSheetPlan) is read once the long way, on a
 * copy with every value cell 0. A sheet takes that result when it matches the
 * layout exactly: every label the same text at the same cell, value cells holding numbers or
 * nothing, the title and the check row's results holding numbers or texts no label matcher could
 * take for a label, and nothing anywhere else. On such a sheet the long way finds the same tables
 * at the same cells with no issue (tests compare the two on random sheets); only the values are
 * read from the sheet. Anything else — an edited label, a moved row, text in a number cell, a
 * note beside the table — is read the long way.
 */
import { FORMATS, getFormat } from '../formats';
import type { FormatDef, TableId } from '../formats/types';
import { TABLE_IDS } from '../formats/types';
import type { CellValue, Grid } from '../grid';
import { buildSheetPlan } from '../layout/build';
import type { Value } from '../model/report';
import { formatByLabels, rememberFormat, showsFormatEvidence } from './layout-format';
import { locateTablesWithFormat, rememberTables, takenForLabel, type TableRead } from './locate';
import { labelText } from './normalize';
import { SheetView } from './sheet';
import type { CellLocation } from './types';

const EMPTY = 0;
const LABEL = 1;
const VALUE = 2;
/** the title and the check row's formula results: their text is the user's or the sheet's */
const FREE = 3;

interface TableTemplate {
  read: Omit<TableRead, 'values' | 'issues'>;
  /** value cells by row */
  rows: { row: string; cells: { col: string; r: number; c: number }[] }[];
}

interface Template {
  format: FormatDef;
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** what each cell of the layout holds, row by row */
  kinds: Uint8Array;
  /** label texts by the same index */
  texts: (string | undefined)[];
  labelCount: number;
  /** the tables as read on the copy (sheet name '') */
  tables: TableTemplate[];
  /** the same tables on sheets of other names */
  bySheet: Map<string, TableTemplate[]>;
}

const CACHE_LIMIT = 100;
const templates = new Map<string, Template | null>();

function templateFor(format: FormatDef, top: number, left: number): Template | undefined {
  const key = `${format.id}|${top}|${left}`;
  let t = templates.get(key);
  if (t === undefined) {
    if (templates.size >= CACHE_LIMIT) templates.clear();
    t = buildTemplate(format, top, left) ?? null;
    templates.set(key, t);
  }
  return t ?? undefined;
}

/** The template's tables with cell locations on a sheet of this name. */
function tablesOn(t: Template, sheet: string): TableTemplate[] {
  let tables = t.bySheet.get(sheet);
  if (!tables) {
    if (t.bySheet.size >= CACHE_LIMIT) t.bySheet.clear();
    tables = t.tables.map(({ read, rows }) => {
      const cells: Record<string, Record<string, CellLocation>> = {};
      for (const [row, cols] of Object.entries(read.cells)) {
        const out: Record<string, CellLocation> = {};
        for (const [col, loc] of Object.entries(cols)) out[col] = { ...loc, sheet };
        cells[row] = out;
      }
      return { read: { ...read, sheet, cells: freezeCells(cells) }, rows };
    });
    t.bySheet.set(sheet, tables);
  }
  return tables;
}

function buildTemplate(format: FormatDef, top: number, left: number): Template | undefined {
  const sheet = '';
  const plan = buildSheetPlan(format, { year: 2000, organization: '', origin: { row: top, col: left } });
  const { rows, cols } = plan.bounds;
  if (plan.bounds.r !== top || plan.bounds.c !== left) return undefined;
  const kinds = new Uint8Array(rows * cols);
  const texts: (string | undefined)[] = new Array<string | undefined>(rows * cols);
  const cells: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  let labelCount = 0;
  for (const p of plan.cells) {
    const i = (p.r - top) * cols + (p.c - left);
    if (p.style === 'value' || p.style === 'total') {
      kinds[i] = VALUE;
      cells[p.r - top][p.c - left] = 0;
    } else if (p.style === 'title' || p.formula !== undefined) {
      kinds[i] = FREE;
      cells[p.r - top][p.c - left] = p.style === 'title' ? String(p.value ?? '') : '平衡';
    } else if (typeof p.value === 'string' && p.value !== '') {
      kinds[i] = LABEL;
      texts[i] = p.value;
      cells[p.r - top][p.c - left] = p.value;
      labelCount++;
    } else if (p.value !== undefined && p.value !== null) {
      return undefined; // a layout cell of a kind this shortcut does not know
    }
  }
  const view = new SheetView({ sheet, origin: { row: top, col: left }, cells });
  if (formatByLabels([view]) !== format) return undefined;
  const found = locateTablesWithFormat(view, format);
  const tables: TableTemplate[] = [];
  for (const id of TABLE_IDS) {
    const read = found[id];
    if (!read || read.issues.length > 0) return undefined;
    const rows = Object.entries(read.cells).map(([row, colsOf]) => ({
      row,
      cells: Object.entries(colsOf).map(([col, loc]) => ({ col, r: loc.row, c: loc.col })),
    }));
    tables.push({ read: { table: id, sheet, range: read.range, top: read.top, bottom: read.bottom, cells: freezeCells(read.cells) }, rows });
  }
  return { format, top, left, rows, cols, kinds, texts, labelCount, tables, bySheet: new Map() };
}

function freezeCells(cells: Record<string, Record<string, CellLocation>>): Record<string, Record<string, CellLocation>> {
  for (const row of Object.values(cells)) {
    for (const loc of Object.values(row)) Object.freeze(loc);
    Object.freeze(row);
  }
  return Object.freeze(cells);
}

/** A text in a free cell that no step of the reader could take for a label. */
function inert(raw: string): boolean {
  const label = labelText(raw);
  if (!label.text) return false;
  return !showsFormatEvidence(label) && FORMATS.every((f) => !takenForLabel(label, f));
}

function matches(view: SheetView, t: Template): boolean {
  const cells = view.grid.cells;
  let labels = 0;
  for (let i = 0; i < cells.length; i++) {
    const row = cells[i];
    if (!row) continue;
    const r = view.top + i - t.top;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      const c = view.left + j - t.left;
      const at = r < t.rows && c < t.cols ? r * t.cols + c : -1;
      switch (at < 0 ? EMPTY : t.kinds[at]) {
        case EMPTY:
          if (v !== null && v !== undefined) return false;
          break;
        case LABEL:
          if (v !== t.texts[at]) return false;
          labels++;
          break;
        case VALUE:
          if (v !== null && v !== undefined && !(typeof v === 'number' && Number.isFinite(v))) return false;
          break;
        default:
          if (typeof v === 'string' ? !inert(v) : typeof v === 'number' ? !Number.isFinite(v) : v !== null && v !== undefined) return false;
      }
    }
  }
  return labels === t.labelCount;
}

function tablesOf(view: SheetView, t: Template): Partial<Record<TableId, TableRead>> {
  const out: Partial<Record<TableId, TableRead>> = {};
  for (const { read, rows } of tablesOn(t, view.sheet)) {
    const values: Record<string, Record<string, Value>> = {};
    for (const { row, cells } of rows) {
      const out: Record<string, Value> = {};
      for (const { col, r, c } of cells) {
        const v = view.raw(r, c);
        out[col] = typeof v === 'number' ? v : null;
      }
      values[row] = out;
    }
    out[read.table] = { ...read, values, issues: [] };
  }
  return out;
}

/**
 * A SheetView of a grid; when the sheet is one of our layouts, filled in and otherwise
 * unchanged, its format and tables are already known to it (see above).
 */
export function ownLayoutView(grid: Grid, preferredFormat?: string): SheetView {
  const view = new SheetView(grid);
  const t = ownLayoutOf(view, preferredFormat);
  if (t) {
    rememberFormat(view, t.format);
    rememberTables(view, t.format, tablesOf(view, t));
  }
  return view;
}

/** The format of our layout that a sheet matches exactly (see above), if any. */
export function ownLayoutFormat(grid: Grid): FormatDef | undefined {
  return ownLayoutOf(new SheetView(grid))?.format;
}

function ownLayoutOf(view: SheetView, preferredFormat?: string): Template | undefined {
  if (view.bottom < view.top || view.right < view.left) return undefined;
  const preferred = preferredFormat ? getFormat(preferredFormat) : undefined;
  const order = preferred ? [preferred, ...FORMATS.filter((f) => f !== preferred)] : FORMATS;
  for (const format of order) {
    const t = templateFor(format, view.top, view.left);
    if (t && matches(view, t)) return t;
  }
  return undefined;
}
