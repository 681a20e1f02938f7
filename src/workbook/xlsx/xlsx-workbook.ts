/**
 * WorkbookPort on ExcelJS: .xlsx files for the CLI and for the page outside Excel.
 * No Node APIs here (works in a browser bundle); file access lives in ./node.ts.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../../core/grid';
import { a1, colLetters, parseA1 } from '../../core/grid';
import type { CellStyle, PlanCell, SheetPlan } from '../../core/layout/plan';
import { CELL_STYLES, PAGE_SETUP, TABLE_BORDER } from '../../core/layout/styles';
import type { ValueKind } from '../../core/formats/types';
import type { CellWrite, Conflict, HighlightCell, SheetMetadata, WorkbookPort } from '../port';
import { META_SHEET_NAME, WorkbookError } from '../port';
import { buildGrid, type FoundCell } from './grid';
import { preflight } from './preflight';
import { sniff } from './sniff';
import { HIGHLIGHT_FILLS, excelJsBorder, excelJsLook, excelJsWidth } from './styles';

/** The hidden sheet that remembers which sheet holds which format, and the highlight marks. */
export const META_SHEET = META_SHEET_NAME;

export { HIGHLIGHT_FILLS };
const INVALID_SHEET_CHARS = /[\\/?*[\]:]/g;

interface HighlightRecord {
  sheet: string;
  address: string;
  /** the cell's fill before it was marked (JSON), '' when it had none */
  fill: string;
}

interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function parseRange(range: string): RangeBox {
  const [x, y] = range.replace(/^.*!/, '').split(':');
  const p = parseA1(x);
  const q = y ? parseA1(y) : p;
  if (!p || !q) throw new Error(`bad range ${range}`);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function dateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return day;
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function richText(v: unknown): string | undefined {
  if (v && typeof v === 'object' && 'richText' in v && Array.isArray((v as ExcelJS.CellRichTextValue).richText)) {
    return (v as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join('');
  }
  return undefined;
}

/** A plain value (text, number, boolean, null) of an ExcelJS value; undefined = a formula without a result. */
function plainValue(v: ExcelJS.CellValue): CellValue | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateText(v);
  const rt = richText(v);
  if (rt !== undefined) return rt;
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined || r === null) return undefined;
      return plainValue(r as ExcelJS.CellValue) ?? null;
    }
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
    if ('text' in v) {
      const t = (v as ExcelJS.CellHyperlinkValue).text as unknown;
      return typeof t === 'string' ? t : richText(t) ?? '';
    }
  }
  return String(v);
}

function isEmptyValue(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A plan cell's style: the look of its plan style (core/layout/styles), its number format and lock. */
function styleOf(style: CellStyle, numFmt: string | undefined, locked: boolean): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = { ...excelJsLook(CELL_STYLES[style]), protection: { locked } };
  if (numFmt) s.numFmt = numFmt;
  return s;
}

function validationOf(kind: ValueKind, title: string, message: string): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    promptTitle: title,
    prompt: message,
    errorTitle: title,
    error: message,
  };
  switch (kind) {
    case 'count':
      return { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], ...common };
    case 'signed':
      return { type: 'whole', operator: 'between', formulae: [-999999999, 999999999], ...common };
    case 'amount':
      return { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], ...common };
  }
}

/** A table sheet's metadata from the rows of the metadata sheet (columns A–F as text), or null. */
export function metadataOf(rows: string[][], sheet: string): SheetMetadata | null {
  const row = rows.find((r) => r[0] === 'meta' && r[1] === sheet);
  if (!row) return null;
  const year = Number(row[3]);
  if (!row[2] || !Number.isInteger(year)) return null;
  return { format: row[2], year, organization: row[4], manualTotals: row[5] === '1' };
}

/**
 * Throws WorkbookError 'empty-file', 'encrypted', 'not-xlsx' or 'corrupt' (data: { file,
 * detected?, reason? }) unless the bytes look like an .xlsx package.
 */
export function requireXlsx(bytes: Uint8Array, file?: string): void {
  const kind = sniff(bytes);
  switch (kind.kind) {
    case 'empty':
      throw new WorkbookError('empty-file', { file });
    case 'encrypted':
      throw new WorkbookError('encrypted', { file });
    case 'cfb':
      throw new WorkbookError('not-xlsx', { file, detected: 'xls' });
    case 'other':
      throw new WorkbookError('not-xlsx', { file, detected: kind.detected });
    case 'truncated-zip':
      throw new WorkbookError('corrupt', { file, reason: 'truncated' });
    case 'zip':
      if (kind.detected !== 'xlsx') throw new WorkbookError('corrupt', { file, detected: kind.detected });
  }
}

export class XlsxWorkbook implements WorkbookPort {
  private highlights: HighlightRecord[];

  private constructor(
    /** the ExcelJS workbook (for tests and advanced callers) */
    readonly workbook: ExcelJS.Workbook,
    /** the file name it was opened from, used in error data */
    readonly fileName?: string,
  ) {
    this.highlights = this.readMetaRows()
      .filter((r) => r[0] === 'highlight')
      .map((r) => ({ sheet: r[1], address: r[2], fill: r[3] ?? '' }));
  }

  /** A new, empty workbook. */
  static create(): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = '政务公开年报助手';
    return new XlsxWorkbook(wb);
  }

  /**
   * Open .xlsx bytes. Throws WorkbookError 'empty-file', 'encrypted', 'not-xlsx' or 'corrupt'
   * (data: { file, detected?, reason? }).
   */
  static async open(data: Uint8Array | ArrayBuffer, fileName?: string): Promise<XlsxWorkbook> {
    const bytes = toBytes(data);
    const file = fileName;
    requireXlsx(bytes, file);
    // sizes checked before inflating, merges clipped to the cells in use (./preflight)
    const safe = preflight(bytes, file);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(safe as unknown as ExcelJS.Buffer);
    } catch (e) {
      throw new WorkbookError('corrupt', { file, reason: e instanceof Error ? e.message : String(e) });
    }
    if (wb.worksheets.length === 0) throw new WorkbookError('corrupt', { file, reason: 'no worksheets' });
    return new XlsxWorkbook(wb, fileName);
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Uint8Array> {
    const buf = await this.workbook.xlsx.writeBuffer();
    const u = buf as unknown as Uint8Array;
    return new Uint8Array(u.buffer, u.byteOffset, u.byteLength);
  }

  /* ------------------------------------------------------------ sheets */

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = name === META_SHEET ? undefined : this.workbook.getWorksheet(name);
    if (!ws) throw new WorkbookError('no-sheet', { sheet: name, file: this.fileName });
    return ws;
  }

  private userSheets(): ExcelJS.Worksheet[] {
    return this.workbook.worksheets.filter((ws) => ws.name !== META_SHEET);
  }

  async listSheets(): Promise<string[]> {
    return this.userSheets().map((ws) => ws.name);
  }

  async activeCell(): Promise<{ sheet: string; address: string } | null> {
    const all = this.workbook.worksheets;
    if (all.length === 0) return null;
    const tab = this.workbook.views?.[0]?.activeTab ?? 0;
    const ws = all[tab] && all[tab].name !== META_SHEET ? all[tab] : this.userSheets()[0];
    if (!ws) return null;
    const address = ws.views?.[0]?.activeCell ?? 'A1';
    return { sheet: ws.name, address };
  }

  async addSheet(preferredName: string): Promise<string> {
    // an apostrophe is legal in Excel but ExcelJS writes it unescaped in print areas: use ’ instead
    let base = preferredName.replace(INVALID_SHEET_CHARS, '_').replace(/'/g, '’').trim() || 'Sheet';
    base = base.slice(0, 31);
    const taken = new Set(this.workbook.worksheets.map((ws) => ws.name.toLowerCase()));
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()) || name === META_SHEET; i++) {
      const suffix = `(${i})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    this.workbook.addWorksheet(name);
    return name;
  }

  /* ------------------------------------------------------------ reading */

  /** The merged ranges of a sheet (A1, in the order they were merged). */
  private merges(ws: ExcelJS.Worksheet): string[] {
    // ws.model would also build the model of every row and cell: read the merges directly
    const merges = (ws as unknown as { _merges?: Record<string, { range: string } | undefined> })._merges;
    if (!merges || typeof merges !== 'object') return [...(ws.model.merges ?? [])];
    const out: string[] = [];
    for (const key of Object.keys(merges)) {
      const m = merges[key];
      if (m) out.push(m.range);
    }
    return out;
  }

  async readGrid(sheet: string): Promise<Grid> {
    return this.gridOf(this.sheet(sheet));
  }

  async readAllGrids(): Promise<Grid[]> {
    return this.userSheets().map((ws) => this.gridOf(ws));
  }

  private gridOf(ws: ExcelJS.Worksheet): Grid {
    // the cells that hold something (value, formula, or a formula without a result: undefined)
    const found: FoundCell[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = plainValue(cell.value);
        const formula = cell.formula;
        const f = formula ? (formula.charCodeAt(0) === 61 /* = */ ? formula.slice(1) : formula) : undefined;
        if (isEmptyValue(v) && v !== undefined && !f) return;
        found.push({ r: Number(cell.row) - 1, c: Number(cell.col) - 1, v, f });
      });
    });
    // sparse over the cells found, formulas without a cached result evaluated within a budget (./grid)
    return buildGrid(ws.name, found, this.merges(ws));
  }

  /* ------------------------------------------------------------ writing */

  async findConflicts(sheet: string, plan: SheetPlan): Promise<Conflict[]> {
    const ws = this.sheet(sheet);
    const { r, c, rows, cols } = plan.bounds;
    const out: Conflict[] = [];
    for (let i = r; i < r + rows; i++) {
      const row = ws.findRow(i + 1);
      if (!row) continue;
      for (let j = c; j < c + cols; j++) {
        const cell = row.findCell(j + 1);
        if (!cell) continue;
        if (cell.isMerged && cell.master.address !== cell.address) {
          // a merged area whose content lies outside the bounds would be cut
          const m = parseA1(cell.master.address);
          if (m && m.row >= r && m.row < r + rows && m.col >= c && m.col < c + cols) continue;
        }
        const v = cell.formula ? `=${cell.formula}` : plainValue(cell.value);
        if (isEmptyValue(v ?? null)) continue;
        out.push({ sheet, address: a1(i, j), value: v as string | number | boolean });
      }
    }
    return out;
  }

  async applyPlan(sheet: string, plan: SheetPlan, options: { overwrite?: boolean } = {}): Promise<void> {
    const ws = this.sheet(sheet);
    const conflicts = await this.findConflicts(sheet, plan);
    if (conflicts.length > 0 && !options.overwrite) {
      throw new WorkbookError('conflict', { sheet, file: this.fileName, cells: conflicts });
    }
    const b = plan.bounds;
    const inBounds = (box: RangeBox) =>
      box.top < b.r + b.rows && box.bottom >= b.r && box.left < b.c + b.cols && box.right >= b.c;

    // make room: undo merges that touch the bounds, clear cells and validations inside them
    if (ws.unprotect) ws.unprotect();
    for (const m of this.merges(ws)) if (inBounds(parseRange(m))) ws.unMergeCells(m);
    const dv = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
    for (let i = b.r; i < b.r + b.rows; i++) {
      for (let j = b.c; j < b.c + b.cols; j++) {
        const addr = a1(i, j);
        delete dv[addr];
        const row = ws.findRow(i + 1);
        const cell = row?.findCell(j + 1);
        if (cell) {
          cell.value = null;
          cell.style = {};
        }
      }
    }

    for (const pc of plan.cells) this.writePlanCell(ws, pc);
    for (const m of plan.merges) ws.mergeCells(m.r + 1, m.c + 1, m.r + m.rs, m.c + m.cs);
    for (const range of plan.borders) {
      const box = parseRange(range);
      for (let i = box.top; i <= box.bottom; i++) {
        for (let j = box.left; j <= box.right; j++) {
          const cell = ws.getCell(i + 1, j + 1);
          cell.style = { ...cell.style, border: excelJsBorder(TABLE_BORDER) };
        }
      }
    }
    for (const [col, w] of Object.entries(plan.colWidths)) ws.getColumn(Number(col) + 1).width = excelJsWidth(w);
    for (const [row, h] of Object.entries(plan.rowHeights)) ws.getRow(Number(row) + 1).height = h;
    for (const v of plan.validations) {
      const box = parseRange(v.range);
      const rule = validationOf(v.kind, v.title, v.message);
      for (let i = box.top; i <= box.bottom; i++) {
        for (let j = box.left; j <= box.right; j++) ws.getCell(i + 1, j + 1).dataValidation = rule;
      }
    }
    // ExcelJS does not escape an apostrophe in a sheet name inside names and print areas (the file
    // would not open again): such a sheet (made elsewhere) gets no table names and no print area
    const quotable = !ws.name.includes("'");
    if (quotable) this.applyNames(ws, plan);
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: plan.print.orientation,
      fitToPage: plan.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: PAGE_SETUP.centerHorizontally,
      printArea: quotable ? plan.print.area : undefined,
      margins: { ...PAGE_SETUP.margins },
    };
    if (plan.protect) {
      await ws.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
      });
    }
    // formulas are written without cached results: ask Excel/WPS to calculate them on opening
    this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
    await this.setMetadata(sheet, plan.metadata);
  }

  private writePlanCell(ws: ExcelJS.Worksheet, pc: PlanCell): void {
    const cell = ws.getCell(pc.r + 1, pc.c + 1);
    if (pc.formula !== undefined) cell.value = { formula: pc.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
    else cell.value = pc.value ?? null; // strings are always stored as text by ExcelJS
    cell.style = styleOf(pc.style, pc.numFmt, pc.locked);
  }

  /** Workbook names for the plan's ranges; a name already used on another sheet is left to that sheet. */
  private applyNames(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
    const names = this.workbook.definedNames;
    const quoted = `'${ws.name.replace(/'/g, "''")}'`;
    const model = names.model as unknown as { name: string; ranges: string[] }[];
    for (const n of plan.names) {
      const existing = model.find((m) => m.name === n.name);
      if (existing) {
        const elsewhere = existing.ranges.some((r) => !r.replace(/'/g, '').startsWith(`${ws.name}!`));
        if (elsewhere) continue;
        for (const r of existing.ranges) names.remove(r, n.name);
      }
      const box = parseRange(n.range);
      const abs = `${quoted}!$${colLetters(box.left)}$${box.top + 1}:$${colLetters(box.right)}$${box.bottom + 1}`;
      names.add(abs, n.name);
    }
  }

  async writeValues(cells: CellWrite[]): Promise<void> {
    const targets = cells.map((w) => {
      const ws = this.sheet(w.sheet);
      const p = parseA1(w.address);
      if (!p) throw new Error(`writeValues: not an A1 address: ${w.address}`);
      return { ws, p, value: w.value };
    });
    for (const { ws, p, value } of targets) {
      const cell = ws.getCell(p.row + 1, p.col + 1);
      const target = cell.isMerged ? cell.master : cell;
      target.value = value ?? null;
    }
  }

  /* ------------------------------------------------------------ metadata */

  private metaSheet(create: boolean): ExcelJS.Worksheet | undefined {
    const existing = this.workbook.getWorksheet(META_SHEET);
    if (existing || !create) return existing;
    const ws = this.workbook.addWorksheet(META_SHEET, { state: 'hidden' });
    return ws;
  }

  private readMetaRows(): string[][] {
    const ws = this.metaSheet(false);
    if (!ws) return [];
    const out: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const vals: string[] = [];
      for (let c = 1; c <= 6; c++) {
        const v = plainValue(row.getCell(c).value);
        vals.push(v === null || v === undefined ? '' : String(v));
      }
      out.push(vals);
    });
    return out;
  }

  private writeMetaRows(rows: string[][]): void {
    const ws = this.metaSheet(rows.length > 0);
    if (!ws) return;
    if (ws.rowCount > 0) ws.spliceRows(1, ws.rowCount);
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        ws.getCell(i + 1, j + 1).value = v;
      });
    });
  }

  async getMetadata(sheet: string): Promise<SheetMetadata | null> {
    return metadataOf(this.readMetaRows(), sheet);
  }

  async setMetadata(sheet: string, meta: SheetMetadata): Promise<void> {
    this.sheet(sheet);
    const rows = this.readMetaRows().filter((r) => !(r[0] === 'meta' && r[1] === sheet));
    rows.push(['meta', sheet, meta.format, String(meta.year), meta.organization, meta.manualTotals ? '1' : '0']);
    this.writeMetaRows(rows);
  }

  /* ------------------------------------------------------------ highlights and selection */

  private saveHighlights(): void {
    const rows = this.readMetaRows().filter((r) => r[0] !== 'highlight');
    for (const h of this.highlights) rows.push(['highlight', h.sheet, h.address, h.fill, '', '']);
    this.writeMetaRows(rows);
  }

  async highlight(cells: HighlightCell[]): Promise<void> {
    await this.clearHighlights();
    const done = new Map<string, HighlightCell['severity']>();
    for (const h of cells) {
      const ws = this.workbook.getWorksheet(h.sheet);
      if (!ws || h.sheet === META_SHEET) continue;
      let box: RangeBox;
      try {
        box = parseRange(h.address); // a cell or a range
      } catch {
        continue;
      }
      for (let i = box.top; i <= box.bottom; i++) {
        for (let j = box.left; j <= box.right; j++) {
          let cell = ws.getCell(i + 1, j + 1);
          if (cell.isMerged) cell = cell.master;
          const key = `${h.sheet}!${cell.address}`;
          if (done.get(key) === 'error') continue; // an error mark wins over a warning
          if (!done.has(key)) {
            this.highlights.push({ sheet: h.sheet, address: cell.address, fill: cell.style?.fill ? JSON.stringify(cell.style.fill) : '' });
          }
          done.set(key, h.severity);
          const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT_FILLS[h.severity] } };
          cell.style = { ...cell.style, fill };
        }
      }
    }
    this.saveHighlights();
  }

  async clearHighlights(): Promise<void> {
    if (this.highlights.length === 0) return;
    for (const h of this.highlights) {
      const ws = this.workbook.getWorksheet(h.sheet);
      if (!ws) continue;
      const cell = ws.getCell(h.address);
      const style = { ...cell.style };
      if (h.fill) style.fill = JSON.parse(h.fill) as ExcelJS.Fill;
      else delete style.fill;
      cell.style = style;
    }
    this.highlights = [];
    this.saveHighlights();
  }

  async select(sheet: string, address: string): Promise<void> {
    const ws = this.sheet(sheet);
    const index = this.workbook.worksheets.indexOf(ws);
    const view = this.workbook.views?.[0];
    this.workbook.views = [
      {
        x: view?.x ?? 0,
        y: view?.y ?? 0,
        width: view?.width ?? 20000,
        height: view?.height ?? 12000,
        firstSheet: 0,
        activeTab: index,
        visibility: 'visible',
      },
    ];
    const current = ws.views?.[0] ?? {};
    const activeCell = address.replace(/^.*!/, '').replace(/\$/g, '');
    ws.views = [{ ...current, state: current.state ?? 'normal', activeCell } as Partial<ExcelJS.WorksheetView>];
  }
}
