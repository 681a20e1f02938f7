/**
 * Grid[] → LocatedReport[]: one report per sheet that holds report tables; tables spread one
 * per sheet (表二 / 表三 / 表四) are combined into one report.
 */
import { FORMATS, formatForYear, getFormat } from '../formats';
import type { FormatDef, TableDef, TableId } from '../formats/types';
import { TABLE_IDS } from '../formats/types';
import type { Grid } from '../grid';
import type { ReportData, Value } from '../model/report';
import type { LocatedReport, ReadIssue } from './types';
import { locateTablesWithFormat, type TableRead, toLocatedTable } from './locate';
import { formatByLayout } from './layout-format';
import { cleanText } from './normalize';
import { ownLayoutView } from './own-layout';
import { SheetView } from './sheet';

export { distinctiveLabels, formatByLayout, formatEvidence } from './layout-format';

export interface SheetMetadata {
  format: string;
  year: number;
  organization: string;
}

export interface ReadOptions {
  /** what the workbook remembers per sheet name (written by our layout) */
  metadata?: Record<string, SheetMetadata>;
  /**
   * Sheets in our own layout, only filled in, are read without searching (own-layout.ts), with
   * the same result. false reads every sheet the long way (the tests compare the two).
   */
  shortcut?: boolean;
}

/* ------------------------------------------------------------------ title */

const YEAR = /(\d{4})\s*年/u;

/**
 * Year and organization from a title cell above the tables: “某某县人民政府办公室2023年政府信息公开
 * 工作年度报告统计表”, “关于2020年度…”, “2020年度哭泉镇政府信息公开工作年度报告”.
 */
export function parseTitle(text: string): { year: number; organization: string } | undefined {
  const t = cleanText(text).replace(/\s/gu, '');
  const m = YEAR.exec(t);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1990 || year > 2100) return undefined;
  const clean = (s: string) =>
    s
      .replace(/关于/gu, '')
      .replace(/年度/gu, '')
      .replace(/^[《“"'([【,，、:：.。\-—]+|[》”"'),，、:：.。\-—]+$/gu, '');
  let organization = clean(t.slice(0, m.index));
  if (!organization) {
    const after = t.slice(m.index + m[0].length).replace(/^度/u, '');
    const end = after.indexOf('政府信息公开工作');
    if (end > 0) organization = clean(after.slice(0, end));
  }
  return { year, organization };
}

const titleCache = new Map<string, { year: number; organization: string } | null>();

/** parseTitle, once per distinct cell text (the same texts recur in every workbook of a layout). */
function cachedTitle(raw: string): { year: number; organization: string } | undefined {
  let t = titleCache.get(raw);
  if (t === undefined) {
    if (titleCache.size >= 5000) titleCache.clear();
    t = parseTitle(raw) ?? null;
    titleCache.set(raw, t);
  }
  return t ?? undefined;
}

/** The nearest title cell above row `above` (a cell naming a year; preferring one that names a report). */
export function findTitle(view: SheetView, above: number): { year: number; organization: string; address: string } | undefined {
  let fallback: { year: number; organization: string; address: string } | undefined;
  for (let r = Math.min(above - 1, view.bottom); r >= view.top; r--) {
    for (let c = view.left; c <= view.right; c++) {
      const raw = view.raw(r, c);
      if (typeof raw !== 'string' || raw.length > 80) continue;
      const t = cachedTitle(raw);
      if (!t) continue;
      const hit = { year: t.year, organization: t.organization, address: view.address(r, c) };
      if (/报告|统计表|政府信息公开/u.test(raw)) return hit;
      fallback ??= hit;
    }
  }
  return fallback;
}

/* ------------------------------------------------------------------ reports */

interface RowKeys {
  row: string;
  cols: string[];
}

const rowCache = new WeakMap<TableDef, RowKeys[]>();

/** A table's value keys by row, rows and columns in the order of its value cells (emptyReport's order). */
function rowsOf(def: TableDef): RowKeys[] {
  let out = rowCache.get(def);
  if (!out) {
    const byRow = new Map<string, string[]>();
    for (const v of def.values) {
      const cols = byRow.get(v.row);
      if (cols) cols.push(v.col);
      else byRow.set(v.row, [v.col]);
    }
    out = [...byRow].map(([row, cols]) => ({ row, cols }));
    rowCache.set(def, out);
  }
  return out;
}

interface GroupSheet {
  view: SheetView;
  tables: Partial<Record<TableId, TableRead>>;
}

function tableCount(s: GroupSheet): number {
  return TABLE_IDS.filter((t) => s.tables[t]).length;
}

function buildReport(group: SheetView[], options: ReadOptions): LocatedReport | undefined {
  const meta = group.map((v) => options.metadata?.[v.sheet]).find((m) => m);
  const byLayout = formatByLayout(group);
  // the layout decides the format; else the sheet's metadata; else (below) the year from the title
  let format: FormatDef;
  let formatBy: LocatedReport['formatBy'];
  let title: { year: number; organization: string } | undefined;
  const metaFormat = meta ? getFormat(meta.format) : undefined;
  if (byLayout) {
    format = byLayout;
    formatBy = 'layout';
  } else if (metaFormat) {
    format = metaFormat;
    formatBy = 'metadata';
  } else {
    format = FORMATS[FORMATS.length - 1];
    formatBy = 'default';
  }
  let sheets = group.map((view) => ({ view, tables: locateTablesWithFormat(view, format) }));
  if (!meta?.year || !meta.organization) {
    for (const s of sheets) {
      const tops = TABLE_IDS.map((t) => s.tables[t]?.top).filter((x): x is number => x !== undefined);
      if (tops.length === 0) continue;
      title = findTitle(s.view, Math.min(...tops));
      if (title) break;
    }
  }
  // metadata first, then the title above the tables
  const year = meta?.year || title?.year || 0;
  const organization = meta?.organization || title?.organization || '';
  if (formatBy === 'default' && year > 0) {
    const byYear = formatForYear(year);
    formatBy = 'year';
    if (byYear.id !== format.id) {
      format = byYear;
      sheets = group.map((view) => ({ view, tables: locateTablesWithFormat(view, format) }));
    }
  }
  if (sheets.every((s) => tableCount(s) === 0)) return undefined;

  // as emptyReport(format, year, organization) (same keys, same order), filled with what was read in one pass
  const data: ReportData = { format: format.id, year, organization, table2: {}, table3: {}, table4: {} };
  const report: LocatedReport = { data, formatBy, tables: [], cells: {}, issues: [] };
  const issues: ReadIssue[] = [];
  for (const t of TABLE_IDS) {
    const found = sheets.find((s) => s.tables[t]);
    const read = found?.tables[t];
    const rows = data[t];
    const byRow = rowsOf(format.tables[t]);
    if (!read) {
      for (const { row, cols } of byRow) {
        const out: Record<string, Value> = {};
        for (const col of cols) out[col] = null;
        rows[row] = out;
      }
      const sheet = sheets.find((s) => tableCount(s) > 0)?.view.sheet ?? group[0].sheet;
      issues.push({ kind: 'missing-table', sheet, table: t, text: format.tables[t].caption, official: format.tables[t].caption });
      continue;
    }
    report.tables.push(toLocatedTable(read));
    report.cells[t] = read.cells;
    // read.values holds keys of this format's value cells only
    for (const { row, cols } of byRow) {
      const from = read.values[row];
      const out: Record<string, Value> = {};
      for (const col of cols) {
        const value = from?.[col]; // a Value is never undefined: undefined = not read
        out[col] = value === undefined ? null : value;
      }
      rows[row] = out;
    }
    for (const i of read.issues) issues.push(i);
  }
  report.issues = issues;
  const used = sheets.filter((s) => tableCount(s) > 0).map((s) => s.view.sheet);
  if (used.length > 1) report.combinedFrom = used;
  return report;
}

/**
 * Every report in a workbook's sheets. A sheet with all three tables is one report; sheets
 * with some of the tables are combined, in sheet order, as long as no table repeats (the
 * report's `combinedFrom` names them). A sheet without report tables yields nothing.
 */
export function readReports(grids: Grid[], options: ReadOptions = {}): LocatedReport[] {
  const views = grids.map((g) =>
    options.shortcut === false ? new SheetView(g) : ownLayoutView(g, options.metadata?.[g.sheet]?.format),
  );
  // which tables each sheet holds (by its own layout, else its metadata, else any format)
  const present: { view: SheetView; tables: Set<TableId> }[] = [];
  for (const view of views) {
    const own = formatByLayout([view]) ?? getFormat(options.metadata?.[view.sheet]?.format ?? '');
    const candidates = own ? [own] : [...FORMATS].reverse();
    let tables = new Set<TableId>();
    for (const f of candidates) {
      const found = locateTablesWithFormat(view, f);
      const set = new Set(TABLE_IDS.filter((t) => found[t]));
      if (set.size > tables.size) tables = set;
    }
    if (tables.size > 0) present.push({ view, tables });
  }
  const groups: SheetView[][] = [];
  let partial: { views: SheetView[]; tables: Set<TableId> } | undefined;
  for (const p of present) {
    if (p.tables.size === TABLE_IDS.length) {
      groups.push([p.view]);
      continue;
    }
    if (partial && [...p.tables].every((t) => !partial!.tables.has(t))) {
      partial.views.push(p.view);
      for (const t of p.tables) partial.tables.add(t);
    } else {
      if (partial) groups.push(partial.views);
      partial = { views: [p.view], tables: new Set(p.tables) };
    }
  }
  if (partial) groups.push(partial.views);
  groups.sort((a, b) => views.indexOf(a[0]) - views.indexOf(b[0]));
  const out: LocatedReport[] = [];
  for (const g of groups) {
    const r = buildReport(g, options);
    if (r) out.push(r);
  }
  return out;
}
