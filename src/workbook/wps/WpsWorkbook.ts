/**
 * WorkbookPort on the WPS 表格 (ET) object model: `window.Application` in a WPS add-in page.
 *
 * ET is synchronous and VBA-like; the port keeps that inside: its methods stay async (the
 * WorkbookPort interface), sheets are found by name (`Worksheets.Item(name)`, 1-based when by
 * index), blocks are read and written as 2-D arrays through one `Range(…).Value2` / `.Formula`
 * call each, never cell by cell. The plan is replayed with the same style table as the other two
 * ports (core/layout/styles.ts), and metadata and highlight marks are kept in hidden defined
 * names encoded exactly as the office.js port keeps them, so a workbook moves between Excel and
 * WPS with both.
 */
import type { CellValue, Grid } from '../../core/grid';
import { a1, colLetters } from '../../core/grid';
import type { CellStyle, PlanCell, SheetPlan } from '../../core/layout/plan';
import type { ValueKind } from '../../core/formats/types';
import type { CellChange, CellWrite, Conflict, HighlightCell, SheetMetadata, WorkbookPort } from '../port';
import { META_SHEET_NAME, WorkbookError } from '../port';
import {
  absolute,
  asExcelInput,
  decodeMarks,
  decodeMetadata,
  encodeMarks,
  encodeMetadata,
  fromExcelFormula,
  fromExcelValue,
  parseStringFormula,
  quotedSheet,
  splitForNames,
  stringFormula,
  type MarkRecord,
  boundsAddress,
  clip,
  inchesToPoints,
  markKey,
  MARKS_NAME_PREFIX,
  mergeMarks,
  META_NAME,
  onlySheet,
  rectAddress,
  toRect,
  type Rect,
} from '../office/encode';

export { MARKS_NAME_PREFIX, META_NAME };
import { uniqueSheetName } from '../office/OfficeWorkbook';
import type { WpsApplication, WpsRange, WpsSheetChangeHandler, WpsWorkbook as EtWorkbook, WpsWorksheet } from './host';
import {
  CELL_STYLES,
  MARK_FILLS,
  PAGE_SETUP,
  TABLE_BORDER,
  XL_ALERT_STOP,
  XL_BETWEEN,
  XL_EDGE,
  XL_GREATER_EQUAL,
  XL_LANDSCAPE,
  XL_LINES,
  XL_PAPER_A4,
  XL_PORTRAIT,
  XL_VALIDATE_DECIMAL,
  XL_VALIDATE_WHOLE,
  applyLook,
  fillOf,
  setFill,
  toBgr,
} from './styles';

/** the hidden sheet in which the ExcelJS port (nianbao init) keeps metadata: read when no name is there */
export const XLSX_META_SHEET = META_SHEET_NAME;

export class WpsWorkbook implements WorkbookPort {
  /** the marks of the last highlight() in this session (also kept in hidden names) */
  private marks: MarkRecord[] = [];
  private readonly changeHandlers = new Set<(change: CellChange) => void>();
  private changeListener: WpsSheetChangeHandler | null = null;

  constructor(private readonly app: WpsApplication) {}

  /* ------------------------------------------------------------------ plumbing */

  /** one port operation: ET errors become WorkbookError('host'), the result a promise */
  private async op<T>(operation: string, sheet: string | undefined, body: () => T): Promise<T> {
    await Promise.resolve();
    try {
      return body();
    } catch (e) {
      if (e instanceof WorkbookError) throw e;
      const message = e instanceof Error ? e.message : String(e);
      throw new WorkbookError('host', { operation, sheet, message }, message);
    }
  }

  private book(): EtWorkbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new WorkbookError('host', { message: 'no workbook is open in WPS' });
    return wb;
  }

  private sheet(name: string, operation: string): WpsWorksheet {
    const ws = this.sheetOrNull(name);
    if (!ws) throw new WorkbookError('no-sheet', { sheet: name, operation });
    return ws;
  }

  /** the sheet of that name, or null: ET throws for a missing name (some add-in code expects null: both are taken) */
  private sheetOrNull(name: string): WpsWorksheet | null {
    const sheets = this.book().Worksheets;
    try {
      return sheets.Item(name) ?? null;
    } catch {
      return null;
    }
  }

  private sheetNames(): string[] {
    const sheets = this.book().Worksheets;
    const out: string[] = [];
    for (let i = 1; i <= sheets.Count; i++) {
      const name = sheets.Item(i).Name;
      if (name !== XLSX_META_SHEET) out.push(name);
    }
    return out;
  }

  /* ------------------------------------------------------------------ sheets */

  async listSheets(): Promise<string[]> {
    return this.op('listSheets', undefined, () => this.sheetNames());
  }

  async activeCell(): Promise<{ sheet: string; address: string } | null> {
    return this.op('activeCell', undefined, () => {
      const cell = this.app.ActiveCell;
      if (!cell) return null;
      return { sheet: cell.Worksheet.Name, address: addressOf(cell) };
    });
  }

  async addSheet(preferredName: string): Promise<string> {
    return this.op('addSheet', undefined, () => {
      const wb = this.book();
      const name = uniqueSheetName(preferredName, this.sheetNames());
      const sheets = wb.Worksheets;
      const active = wb.ActiveSheet;
      // at the end, as the other ports add it; ET activates a new sheet: the user's sheet stays active
      const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
      ws.Name = name;
      if (active) active.Activate();
      return name;
    });
  }

  /* ------------------------------------------------------------------ reading */

  async readGrid(sheet: string): Promise<Grid> {
    return this.op('readGrid', sheet, () => gridOf(sheet, this.sheet(sheet, 'readGrid')));
  }

  async readAllGrids(): Promise<Grid[]> {
    return this.op('readAllGrids', undefined, () => {
      const sheets = this.book().Worksheets;
      const out: Grid[] = [];
      for (let i = 1; i <= sheets.Count; i++) {
        const ws = sheets.Item(i);
        if (ws.Name !== XLSX_META_SHEET) out.push(gridOf(ws.Name, ws));
      }
      return out;
    });
  }

  async findConflicts(sheet: string, plan: SheetPlan): Promise<Conflict[]> {
    return this.op('findConflicts', sheet, () => conflictsOf(sheet, plan, this.sheet(sheet, 'findConflicts').Range(boundsAddress(plan))));
  }

  /* ------------------------------------------------------------------ writing a plan */

  async applyPlan(sheet: string, plan: SheetPlan, options: { overwrite?: boolean } = {}): Promise<void> {
    await this.op('applyPlan', sheet, () => {
      const ws = this.sheet(sheet, 'applyPlan');
      const bounds = ws.Range(boundsAddress(plan));
      if (!options.overwrite) {
        const conflicts = conflictsOf(sheet, plan, bounds);
        if (conflicts.length > 0) throw new WorkbookError('conflict', { sheet, cells: conflicts });
      }
      if (isTrue(ws.ProtectContents)) ws.Unprotect();
      writePlan(ws, sheet, plan, bounds);
      writeMetadata(ws, plan.metadata);
      // contents protected, formatting allowed (as the other ports): only the value cells take input
      if (plan.protect) ws.Protect('', true, true, true, false, true, true, true);
    });
  }

  /* ------------------------------------------------------------------ single values */

  async writeValues(cells: CellWrite[]): Promise<void> {
    if (cells.length === 0) return;
    await this.op('writeValues', onlySheet(cells), () => {
      const sheets = new Map<string, WpsWorksheet>();
      for (const c of cells) {
        let ws = sheets.get(c.sheet);
        if (!ws) {
          ws = this.sheet(c.sheet, 'writeValues');
          sheets.set(c.sheet, ws);
        }
        let range = ws.Range(c.address);
        // a value typed into a merged area goes into its top-left cell
        if (isTrue(range.MergeCells)) range = ws.Range(a1(range.MergeArea.Row - 1, range.MergeArea.Column - 1));
        range.Value2 = asExcelInput(c.value);
      }
    });
  }

  /* ------------------------------------------------------------------ metadata */

  async getMetadata(sheet: string): Promise<SheetMetadata | null> {
    return this.op('getMetadata', sheet, () => {
      const ws = this.sheet(sheet, 'getMetadata');
      const own = nameFormula(() => ws.Names.Item(META_NAME));
      if (own !== null) return decodeMetadata(parseStringFormula(own));
      return this.xlsxMetadata(sheet);
    });
  }

  /** metadata the ExcelJS port (nianbao init) left in its hidden sheet */
  private xlsxMetadata(sheet: string): SheetMetadata | null {
    const meta = this.sheetOrNull(XLSX_META_SHEET);
    if (!meta) return null;
    const rows = blockOf(meta.UsedRange.Value2);
    const row = rows.find((r) => r[0] === 'meta' && r[1] === sheet);
    if (!row) return null;
    const format = row[2] === null || row[2] === undefined ? '' : String(row[2]);
    const year = Number(row[3]);
    if (format === '' || !Number.isInteger(year)) return null;
    return { format, year, organization: row[4] === null || row[4] === undefined ? '' : String(row[4]), manualTotals: String(row[5]) === '1' };
  }

  async setMetadata(sheet: string, meta: SheetMetadata): Promise<void> {
    await this.op('setMetadata', sheet, () => writeMetadata(this.sheet(sheet, 'setMetadata'), meta));
  }

  /* ------------------------------------------------------------------ highlights */

  async highlight(cells: HighlightCell[]): Promise<void> {
    // one mark per cell, errors win over warnings
    const wanted = new Map<string, HighlightCell>();
    for (const c of cells) {
      const key = markKey(c.sheet, c.address);
      const prev = wanted.get(key);
      if (!prev || (prev.severity === 'warning' && c.severity === 'error')) wanted.set(key, c);
    }
    await this.op('highlight', onlySheet([...wanted.values()]), () => {
      const wb = this.book();
      const stored = storedMarks(wb);
      const old = mergeMarks(stored.marks, this.marks);
      const oldByKey = new Map(old.map((m) => [markKey(m.sheet, m.address), m]));
      // give the old marks back their fills, except cells that are marked again
      for (const m of old) {
        if (wanted.has(markKey(m.sheet, m.address))) continue;
        const ws = this.sheetOrNull(m.sheet);
        if (ws) setFill(ws.Range(m.address), m.previous);
      }
      const next: MarkRecord[] = [];
      for (const t of wanted.values()) {
        const range = this.sheet(t.sheet, 'highlight').Range(t.address);
        const previous = oldByKey.get(markKey(t.sheet, t.address))?.previous ?? fillOf(range);
        next.push({ sheet: t.sheet, address: t.address, previous });
        range.Interior.Color = toBgr(MARK_FILLS[t.severity]);
      }
      deleteNames(stored.names);
      writeMarkNames(wb, next);
      this.marks = next;
    });
  }

  async clearHighlights(): Promise<void> {
    await this.op('clearHighlights', undefined, () => {
      const wb = this.book();
      const stored = storedMarks(wb);
      for (const m of mergeMarks(stored.marks, this.marks)) {
        const ws = this.sheetOrNull(m.sheet);
        if (ws) setFill(ws.Range(m.address), m.previous);
      }
      deleteNames(stored.names);
      this.marks = [];
    });
  }

  /* ------------------------------------------------------------------ selection */

  async select(sheet: string, address: string): Promise<void> {
    await this.op('select', sheet, () => {
      const ws = this.sheet(sheet, 'select');
      // a range can only be selected on the active sheet
      ws.Activate();
      ws.Range(address).Select();
    });
  }

  /* ------------------------------------------------------------------ edits */

  /**
   * Call `handler` after cells change on any sheet, through ET's 'SheetChange' event (the user
   * typing or pasting, and this port's own writes). One listener per port is registered with
   * ApiEvent while any handler is active (RemoveApiEventListener may remove by event name only).
   * The handler runs after the ET call that fired the event has returned. Without ApiEvent the
   * handler is never called.
   */
  onChanged(handler: (change: CellChange) => void): () => void {
    const events = this.app.ApiEvent;
    if (!events) return () => undefined;
    this.changeHandlers.add(handler);
    if (!this.changeListener) {
      const listener: WpsSheetChangeHandler = (sh, target) => {
        let change: CellChange;
        try {
          change = { sheet: sh.Name, address: addressOf(target) };
        } catch {
          return; // the sheet went away: nothing to re-check
        }
        void Promise.resolve().then(() => {
          for (const h of [...this.changeHandlers]) {
            try {
              h(change);
            } catch {
              // one handler's failure does not stop the others
            }
          }
        });
      };
      try {
        events.AddApiEventListener('SheetChange', listener);
        this.changeListener = listener;
      } catch {
        this.changeHandlers.delete(handler);
        return () => undefined; // no change events on this host: automatic re-checks stay off
      }
    }
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      this.changeHandlers.delete(handler);
      if (this.changeHandlers.size === 0 && this.changeListener) {
        const listener = this.changeListener;
        this.changeListener = null;
        try {
          events.RemoveApiEventListener('SheetChange', listener);
        } catch {
          // the page is going away with WPS: nothing left to remove
        }
      }
    };
  }
}

/* ====================================================================== helpers */

/**
 * A range's A1 address without '$'. ET describes Address as a method taking (RowAbsolute,
 * ColumnAbsolute); some WPS add-in code reads it as a string property: both are accepted.
 */
function addressOf(range: WpsRange): string {
  const address: unknown = (range as unknown as { Address: unknown }).Address;
  const text = typeof address === 'function' ? range.Address(false, false) : String(address);
  return text.replace(/^.*!/, '').replace(/\$/g, '');
}

const isTrue = (v: unknown): boolean => v === true || v === -1 || v === 1;

/** Value2 / Formula of a range as rows of cells (a one-cell range reads a scalar). */
function blockOf(v: unknown): unknown[][] {
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? (row as unknown[]) : [row]));
  return [[v]];
}

/**
 * Fewer, larger rectangles covering the same cells (each ET call crosses into WPS): 1-row
 * rectangles touching in a row are joined, then rectangles of the same columns touching
 * vertically (merged areas stay whole).
 */
function joinRuns(rects: Rect[]): Rect[] {
  const singles = rects.filter((r) => r.r0 === r.r1).sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const rows: Rect[] = [];
  for (const r of singles) {
    const last = rows[rows.length - 1];
    if (last && last.r0 === r.r0 && last.c1 + 1 === r.c0) last.c1 = r.c1;
    else rows.push({ ...r });
  }
  const all = [...rows, ...rects.filter((r) => r.r0 !== r.r1).map((r) => ({ ...r }))].sort((a, b) => a.c0 - b.c0 || a.c1 - b.c1 || a.r0 - b.r0);
  const out: Rect[] = [];
  for (const r of all) {
    const last = out[out.length - 1];
    if (last && last.c0 === r.c0 && last.c1 === r.c1 && last.r1 + 1 === r.r0) last.r1 = r.r1;
    else out.push(r);
  }
  return out;
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || v === '';

function conflictsOf(sheet: string, plan: SheetPlan, range: WpsRange): Conflict[] {
  const values = blockOf(range.Value2);
  const formulas = blockOf(range.Formula);
  const out: Conflict[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values[i].length; j++) {
      const v = values[i][j];
      const f = formulas[i]?.[j];
      const hasFormula = typeof f === 'string' && f.startsWith('=') && f !== v;
      if (isBlank(v) && !hasFormula) continue;
      const value = typeof v === 'number' || typeof v === 'boolean' ? v : isBlank(v) ? String(f) : String(v);
      out.push({ sheet, address: a1(plan.bounds.r + i, plan.bounds.c + j), value });
    }
  }
  return out;
}

/** The used range as a grid, without the empty rows and columns ET may count (formatted cells). */
function gridOf(sheet: string, ws: WpsWorksheet): Grid {
  const used = ws.UsedRange;
  const values = blockOf(used.Value2);
  const formulas = blockOf(used.Formula);
  const cells: CellValue[][] = values.map((row) => row.map(fromExcelValue));
  const f = values.map((row, i) => row.map((v, j) => fromExcelFormula(formulas[i]?.[j], v)));
  const filled = (i: number, j: number): boolean => cells[i][j] !== null || f[i][j] !== null;
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  for (let i = 0; i < cells.length; i++) {
    for (let j = 0; j < cells[i].length; j++) {
      if (!filled(i, j)) continue;
      r0 = Math.min(r0, i);
      r1 = Math.max(r1, i);
      c0 = Math.min(c0, j);
      c1 = Math.max(c1, j);
    }
  }
  if (r1 < 0) return { sheet, origin: { row: 0, col: 0 }, cells: [], formulas: [] };
  return {
    sheet,
    origin: { row: used.Row - 1 + r0, col: used.Column - 1 + c0 },
    cells: cells.slice(r0, r1 + 1).map((row) => row.slice(c0, c1 + 1)),
    formulas: f.slice(r0, r1 + 1).map((row) => row.slice(c0, c1 + 1)),
  };
}

function writePlan(ws: WpsWorksheet, sheet: string, plan: SheetPlan, bounds: WpsRange): void {
  const b = plan.bounds;
  // start from a clean rectangle: old merges would split the 2-D writes, old rules would clash
  bounds.UnMerge();
  bounds.Clear();
  bounds.Validation.Delete();

  const mergeRects: Rect[] = plan.merges.map((m) => ({ r0: m.r, c0: m.c, r1: m.r + m.rs - 1, c1: m.c + m.cs - 1 }));
  const areaOf = (cell: PlanCell): Rect =>
    mergeRects.find((m) => m.r0 === cell.r && m.c0 === cell.c) ?? { r0: cell.r, c0: cell.c, r1: cell.r, c1: cell.c };

  // number formats (one per run of cells of one format; a merged cell's whole area), then one
  // 2-D block of formulas and values: text with an apostrophe so that it stays text
  const byFormat = new Map<string, Rect[]>();
  const block: (string | number)[][] = [];
  for (let i = 0; i < b.rows; i++) block.push(new Array<string | number>(b.cols).fill(''));
  for (const cell of plan.cells) {
    const i = cell.r - b.r;
    const j = cell.c - b.c;
    if (i < 0 || j < 0 || i >= b.rows || j >= b.cols) continue;
    block[i][j] = cell.formula !== undefined ? `=${cell.formula}` : asExcelInput(cell.value);
    if (cell.numFmt) byFormat.set(cell.numFmt, [...(byFormat.get(cell.numFmt) ?? []), areaOf(cell)]);
  }
  for (const [format, rects] of byFormat) for (const rect of joinRuns(rects)) ws.Range(rectAddress(rect)).NumberFormat = format;
  bounds.Formula = block;

  for (const m of mergeRects) ws.Range(rectAddress(m)).Merge();

  // styles: each plan cell covers its merged area; neighbours of one style in a row form one range
  const byStyle = new Map<CellStyle, Rect[]>();
  for (const cell of plan.cells) byStyle.set(cell.style, [...(byStyle.get(cell.style) ?? []), areaOf(cell)]);
  for (const [style, rects] of byStyle) for (const rect of joinRuns(rects)) applyLook(ws.Range(rectAddress(rect)), CELL_STYLES[style]);

  const line = XL_LINES[TABLE_BORDER.style];
  const colour = toBgr(TABLE_BORDER.color);
  for (const address of plan.borders) {
    const rect = toRect(address);
    const borders = ws.Range(address).Borders;
    const edges: number[] = [XL_EDGE.top, XL_EDGE.bottom, XL_EDGE.left, XL_EDGE.right];
    if (rect && rect.r1 > rect.r0) edges.push(XL_EDGE.insideHorizontal);
    if (rect && rect.c1 > rect.c0) edges.push(XL_EDGE.insideVertical);
    for (const edge of edges) {
      const border = borders.Item(edge);
      border.LineStyle = line.lineStyle;
      border.Weight = line.weight;
      border.Color = colour;
    }
  }

  // ET's ColumnWidth is in characters, the plan's unit
  for (const [col, chars] of Object.entries(plan.colWidths)) {
    const letters = colLetters(Number(col));
    ws.Range(`${letters}:${letters}`).ColumnWidth = chars;
  }
  for (const [row, points] of Object.entries(plan.rowHeights)) {
    const n = Number(row) + 1;
    ws.Range(`${n}:${n}`).RowHeight = points;
  }

  // value cells stay editable when the sheet is protected (a merged value cell as a whole)
  for (const rect of joinRuns(plan.cells.filter((c) => !c.locked).map(areaOf))) ws.Range(rectAddress(rect)).Locked = false;

  // one rule per block of cells with the same rule and texts
  const byRule = new Map<string, { v: SheetPlan['validations'][number]; rects: Rect[] }>();
  for (const v of plan.validations) {
    const rect = toRect(v.range);
    if (!rect) continue;
    const key = JSON.stringify([v.kind, v.title, v.message]);
    const entry = byRule.get(key) ?? { v, rects: [] };
    entry.rects.push(rect);
    byRule.set(key, entry);
  }
  for (const { v, rects } of byRule.values()) for (const rect of joinRuns(rects)) addValidation(ws.Range(rectAddress(rect)), v);

  for (const n of plan.names) replaceName(ws, n.name, `=${quotedSheet(sheet)}!${absolute(n.range)}`);

  const ps = ws.PageSetup;
  ps.PaperSize = XL_PAPER_A4;
  ps.Orientation = plan.print.orientation === 'landscape' ? XL_LANDSCAPE : XL_PORTRAIT;
  const m = PAGE_SETUP.margins;
  ps.LeftMargin = inchesToPoints(m.left);
  ps.RightMargin = inchesToPoints(m.right);
  ps.TopMargin = inchesToPoints(m.top);
  ps.BottomMargin = inchesToPoints(m.bottom);
  ps.HeaderMargin = inchesToPoints(m.header);
  ps.FooterMargin = inchesToPoints(m.footer);
  ps.CenterHorizontally = PAGE_SETUP.centerHorizontally;
  if (plan.print.fitToWidth) {
    // one page wide, as many tall as needed (as the ExcelJS port writes it)
    ps.Zoom = false;
    ps.FitToPagesWide = 1;
    ps.FitToPagesTall = false;
  }
  ps.PrintArea = absolute(plan.print.area);
}

function addValidation(range: WpsRange, v: SheetPlan['validations'][number]): void {
  const dv = range.Validation;
  const rule = validationRule(v.kind);
  // no trailing undefined argument: ET takes a missing argument as missing, not as undefined
  if (rule.formula2 === undefined) dv.Add(rule.type, XL_ALERT_STOP, rule.operator, rule.formula1);
  else dv.Add(rule.type, XL_ALERT_STOP, rule.operator, rule.formula1, rule.formula2);
  dv.IgnoreBlank = true;
  dv.ShowInput = true;
  dv.ShowError = true;
  dv.InputTitle = clip(v.title, 32);
  dv.InputMessage = clip(v.message, 255);
  dv.ErrorTitle = clip(v.title, 32);
  dv.ErrorMessage = clip(v.message, 225);
}

function validationRule(kind: ValueKind): { type: number; operator: number; formula1: number; formula2?: number } {
  switch (kind) {
    case 'count':
      return { type: XL_VALIDATE_WHOLE, operator: XL_GREATER_EQUAL, formula1: 0 };
    case 'signed':
      return { type: XL_VALIDATE_WHOLE, operator: XL_BETWEEN, formula1: -999999999, formula2: 999999999 };
    case 'amount':
      return { type: XL_VALIDATE_DECIMAL, operator: XL_GREATER_EQUAL, formula1: 0 };
  }
}

/** the RefersTo of a name, or null when there is none (Names.Item throws for a missing name) */
function nameFormula(find: () => { RefersTo: unknown } | null | undefined): string | null {
  let refersTo: unknown;
  try {
    refersTo = find()?.RefersTo;
  } catch {
    return null;
  }
  return typeof refersTo === 'string' ? refersTo : null;
}

function replaceName(ws: WpsWorksheet, name: string, refersTo: string, visible = true): void {
  try {
    ws.Names.Item(name)?.Delete();
  } catch {
    // no such name yet
  }
  ws.Names.Add(name, refersTo, visible);
}

function writeMetadata(ws: WpsWorksheet, meta: SheetMetadata): void {
  replaceName(ws, META_NAME, stringFormula(encodeMetadata(meta)), false);
}

interface NameRef {
  Delete(): void;
}

/** the marks kept in hidden names nianbao_marks_0, _1 … (read until one is missing) and those names */
function storedMarks(wb: EtWorkbook): { marks: MarkRecord[]; names: NameRef[] } {
  const names: NameRef[] = [];
  let text = '';
  for (let i = 0; ; i++) {
    let item: { RefersTo: unknown; Delete(): void } | null | undefined;
    try {
      item = wb.Names.Item(`${MARKS_NAME_PREFIX}${i}`);
    } catch {
      item = null;
    }
    if (!item) break;
    names.push(item);
    text += parseStringFormula(item.RefersTo) ?? '';
  }
  return { marks: (text && decodeMarks(text)) || [], names };
}

function deleteNames(names: NameRef[]): void {
  for (const n of names) n.Delete();
}

function writeMarkNames(wb: EtWorkbook, marks: MarkRecord[]): void {
  if (marks.length === 0) return;
  splitForNames(encodeMarks(marks)).forEach((piece, i) => wb.Names.Add(`${MARKS_NAME_PREFIX}${i}`, stringFormula(piece), false));
}
