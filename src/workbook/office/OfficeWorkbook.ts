/**
 * WorkbookPort on office.js (Excel). Every operation is one `Excel.run`: reads are loaded and
 * fetched with one `context.sync()`, writes are queued and sent with one more; no operation
 * syncs more than twice and none syncs in a loop.
 */
import type { CellValue, Grid } from '../../core/grid';
import { a1, parseA1 } from '../../core/grid';
import type { CellStyle, PlanCell, SheetPlan } from '../../core/layout/plan';
import type { ValueKind } from '../../core/formats/types';
import type { CellChange, CellWrite, Conflict, HighlightCell, NativeChart, NativeChartKind, SheetMetadata, WorkbookPort } from '../port';
import { META_SHEET_NAME, WorkbookError } from '../port';
import {
  absolute,
  asExcelInput,
  charsToPoints,
  decodeMarks,
  decodeMetadata,
  encodeMarks,
  encodeMetadata,
  fromExcelFormula,
  fromExcelValue,
  parseStringFormula,
  quotedSheet,
  splitAddress,
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
} from './encode';

export { MARKS_NAME_PREFIX, META_NAME };
import type {
  ExcelHost,
  HostContext,
  HostErrorLike,
  HostEventHandlerResult,
  HostNamedItem,
  HostRange,
  HostRangeFill,
  HostWorksheet,
  HostWorksheetChangedEventArgs,
  IsSetSupported,
} from './host';
import { BORDER_LINES, CELL_STYLES, MARK_FILLS, NO_FILL, PAGE_SETUP, TABLE_BORDER, applyLook } from './styles';

/** worksheet custom property (ExcelApi 1.12) holding the sheet's metadata */
export const META_PROPERTY = 'nianbao';
/** sheet-scoped print area name Excel uses when the PageLayout API (ExcelApi 1.9) is missing */
export const PRINT_AREA_NAME = 'Print_Area';
/** the charts addCharts makes are named with this prefix and the chart's id (to replace them on the next run) */
export const CHART_NAME_PREFIX = 'nianbao_';

/** office.js ChartType of each NativeChart kind */
const CHART_TYPES: Record<NativeChartKind, string> = { column: 'ColumnClustered', bar: 'BarClustered', pie: 'Pie', line: 'LineMarkers' };

export interface OfficeWorkbookOptions {
  /** the `Excel` namespace of office.js (or a fake) */
  excel: ExcelHost;
  /** `Office.context.requirements.isSetSupported`; without it only the ExcelApi 1.8 minimum is used */
  isSetSupported?: IsSetSupported;
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly excel: ExcelHost;
  private readonly supports: IsSetSupported;
  /** the marks of the last highlight() in this session (also kept in hidden names) */
  private marks: MarkRecord[] = [];

  constructor(options: OfficeWorkbookOptions) {
    this.excel = options.excel;
    this.supports = options.isSetSupported ?? (() => false);
  }

  /* ------------------------------------------------------------------ plumbing */

  private api(version: string): boolean {
    try {
      return this.supports('ExcelApi', version);
    } catch {
      return false;
    }
  }

  /** one Excel.run; host errors become WorkbookError('host' | 'no-sheet') */
  private async run<T>(operation: string, sheet: string | undefined, batch: (context: HostContext) => Promise<T>): Promise<T> {
    try {
      return await this.excel.run(batch);
    } catch (e) {
      throw toWorkbookError(e, operation, sheet);
    }
  }

  /* ------------------------------------------------------------------ sheets */

  async listSheets(): Promise<string[]> {
    return this.run('listSheets', undefined, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name).filter((n) => n !== META_SHEET_NAME);
    });
  }

  async activeCell(): Promise<{ sheet: string; address: string } | null> {
    return this.run('activeCell', undefined, async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load('address');
      await context.sync();
      const { sheet, address } = splitAddress(cell.address);
      return sheet ? { sheet, address } : null;
    });
  }

  async addSheet(preferredName: string): Promise<string> {
    return this.run('addSheet', undefined, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const name = uniqueSheetName(
        preferredName,
        sheets.items.map((s) => s.name),
      );
      sheets.add(name);
      await context.sync();
      return name;
    });
  }

  /* ------------------------------------------------------------------ reading */

  async readGrid(sheet: string): Promise<Grid> {
    return this.run('readGrid', sheet, async (context) => {
      const used = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
      used.load('address,values,formulas');
      await context.sync();
      return toGrid(sheet, used);
    });
  }

  async readAllGrids(): Promise<Grid[]> {
    return this.run('readAllGrids', undefined, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const names = sheets.items.map((s) => s.name).filter((n) => n !== META_SHEET_NAME);
      const used = names.map((n) => {
        const r = context.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true);
        r.load('address,values,formulas');
        return r;
      });
      await context.sync();
      return names.map((n, i) => toGrid(n, used[i]));
    });
  }

  async findConflicts(sheet: string, plan: SheetPlan): Promise<Conflict[]> {
    return this.run('findConflicts', sheet, async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(boundsAddress(plan));
      range.load('values,formulas');
      await context.sync();
      return conflictsOf(sheet, plan, range);
    });
  }

  /* ------------------------------------------------------------------ writing a plan */

  async applyPlan(sheet: string, plan: SheetPlan, options: { overwrite?: boolean } = {}): Promise<void> {
    await this.run('applyPlan', sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const bounds = ws.getRange(boundsAddress(plan));
      bounds.load('values,formulas');
      ws.protection.load('protected');
      ws.names.load('items/name');
      await context.sync();

      if (!options.overwrite) {
        const conflicts = conflictsOf(sheet, plan, bounds);
        if (conflicts.length > 0) throw new WorkbookError('conflict', { sheet, cells: conflicts });
      }
      const existingNames = new Set(ws.names.items.map((n) => n.name.toLowerCase()));
      const replaceName = (name: string, reference: string, hidden = false): void => {
        if (existingNames.has(name.toLowerCase())) ws.names.getItemOrNullObject(name).delete();
        const item = ws.names.add(name, reference);
        if (hidden) item.visible = false;
      };

      // loaded above through ws.protection.load (the rule only follows loads made on `ws` itself)
      // eslint-disable-next-line office-addins/load-object-before-read
      if (ws.protection.protected) ws.protection.unprotect();
      this.queuePlan(ws, sheet, plan, replaceName);
      this.queueMetadata(ws, plan.metadata, replaceName);
      if (plan.protect) ws.protection.protect({ allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true });
      await context.sync();
    });
  }

  private queuePlan(
    ws: HostWorksheet,
    sheet: string,
    plan: SheetPlan,
    replaceName: (name: string, reference: string, hidden?: boolean) => void,
  ): void {
    const b = plan.bounds;
    const bounds = ws.getRange(boundsAddress(plan));
    // start from a clean rectangle: old merges would split the 2-D writes, old rules would clash
    bounds.unmerge();
    bounds.clear('All');
    bounds.dataValidation.clear();

    const mergeRects: Rect[] = plan.merges.map((m) => ({ r0: m.r, c0: m.c, r1: m.r + m.rs - 1, c1: m.c + m.cs - 1 }));
    const areaOf = (cell: PlanCell): Rect =>
      mergeRects.find((m) => m.r0 === cell.r && m.c0 === cell.c) ?? { r0: cell.r, c0: cell.c, r1: cell.r, c1: cell.c };

    // values, formulas and number formats: one 2-D array each for the whole block
    const formulas: (string | number)[][] = [];
    const formats: string[][] = [];
    for (let i = 0; i < b.rows; i++) {
      formulas.push(new Array<string | number>(b.cols).fill(''));
      formats.push(new Array<string>(b.cols).fill('General'));
    }
    for (const cell of plan.cells) {
      const i = cell.r - b.r;
      const j = cell.c - b.c;
      if (i < 0 || j < 0 || i >= b.rows || j >= b.cols) continue;
      formulas[i][j] = cell.formula !== undefined ? `=${cell.formula}` : asExcelInput(cell.value);
      if (!cell.numFmt) continue;
      // the number format covers a merged cell's whole area, as its look does (and as in the .xlsx file)
      const area = areaOf(cell);
      for (let r = area.r0; r <= area.r1; r++) {
        for (let c = area.c0; c <= area.c1; c++) {
          if (r - b.r < b.rows && c - b.c < b.cols) formats[r - b.r][c - b.c] = cell.numFmt;
        }
      }
    }
    bounds.numberFormat = formats;
    bounds.formulas = formulas;

    for (const m of mergeRects) ws.getRange(rectAddress(m)).merge(false);

    // styles: each plan cell covers its merged area; neighbours of one style in a row form one range
    const byStyle = new Map<CellStyle, Rect[]>();
    for (const cell of plan.cells) {
      const list = byStyle.get(cell.style) ?? [];
      list.push(areaOf(cell));
      byStyle.set(cell.style, list);
    }
    for (const [style, rects] of byStyle) {
      const look = CELL_STYLES[style];
      for (const rect of joinRuns(rects)) applyLook(ws.getRange(rectAddress(rect)).format, look);
    }

    const line = BORDER_LINES[TABLE_BORDER.style];
    for (const address of plan.borders) {
      const rect = toRect(address);
      const borders = ws.getRange(address).format.borders;
      const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
      if (rect && rect.r1 > rect.r0) edges.push('InsideHorizontal');
      if (rect && rect.c1 > rect.c0) edges.push('InsideVertical');
      for (const edge of edges) {
        const border = borders.getItem(edge);
        border.style = line.style;
        border.weight = line.weight;
        border.color = TABLE_BORDER.color;
      }
    }

    for (const [col, chars] of Object.entries(plan.colWidths)) {
      const letters = a1(0, Number(col)).replace(/\d+$/, '');
      ws.getRange(`${letters}:${letters}`).format.columnWidth = charsToPoints(chars);
    }
    for (const [row, points] of Object.entries(plan.rowHeights)) {
      const n = Number(row) + 1;
      ws.getRange(`${n}:${n}`).format.rowHeight = points;
    }

    // value cells stay editable when the sheet is protected (a merged value cell as a whole)
    const unlocked = plan.cells.filter((c) => !c.locked).map(areaOf);
    for (const rect of joinRuns(unlocked)) ws.getRange(rectAddress(rect)).format.protection.locked = false;

    for (const v of plan.validations) {
      const dv = ws.getRange(v.range).dataValidation;
      dv.rule = validationRule(v.kind);
      dv.ignoreBlanks = true;
      dv.prompt = { showPrompt: true, title: clip(v.title, 32), message: clip(v.message, 255) };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: clip(v.title, 32), message: clip(v.message, 225) };
    }

    for (const n of plan.names) replaceName(n.name, `=${quotedSheet(sheet)}!${absolute(n.range)}`);

    // print setup: PageLayout needs ExcelApi 1.9; without it only the print area can be set (by name)
    const area = `=${quotedSheet(sheet)}!${absolute(plan.print.area)}`;
    if (this.api('1.9')) {
      const pl = ws.pageLayout;
      pl.paperSize = plan.print.paper;
      pl.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      // fit to the page width by scale: 'fit 1 page wide' would also fix the height to one page
      const m = PAGE_SETUP.margins;
      pl.leftMargin = inchesToPoints(m.left);
      pl.rightMargin = inchesToPoints(m.right);
      pl.topMargin = inchesToPoints(m.top);
      pl.bottomMargin = inchesToPoints(m.bottom);
      pl.headerMargin = inchesToPoints(m.header);
      pl.footerMargin = inchesToPoints(m.footer);
      pl.centerHorizontally = PAGE_SETUP.centerHorizontally;
      if (plan.print.fitToWidth) pl.zoom = { scale: fitToWidthScale(plan, plan.print.orientation) };
      pl.setPrintArea(plan.print.area);
    } else {
      replaceName(PRINT_AREA_NAME, area);
    }
  }

  /* ------------------------------------------------------------------ single values */

  async writeValues(cells: CellWrite[]): Promise<void> {
    if (cells.length === 0) return;
    await this.run('writeValues', onlySheet(cells), async (context) => {
      const sheets = new Map<string, HostWorksheet>();
      for (const c of cells) {
        let ws = sheets.get(c.sheet);
        if (!ws) {
          ws = context.workbook.worksheets.getItem(c.sheet);
          sheets.set(c.sheet, ws);
        }
        ws.getRange(c.address).values = [[asExcelInput(c.value)]];
      }
      await context.sync();
    });
  }

  /* ------------------------------------------------------------------ metadata */

  async getMetadata(sheet: string): Promise<SheetMetadata | null> {
    return this.run('getMetadata', sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const name = ws.names.getItemOrNullObject(META_NAME);
      name.load('formula');
      const prop = this.api('1.12') ? ws.customProperties.getItemOrNullObject(META_PROPERTY) : null;
      prop?.load('value');
      await context.sync();
      const fromProp = prop && !prop.isNullObject ? decodeMetadata(prop.value) : null;
      if (fromProp) return fromProp;
      return name.isNullObject ? null : decodeMetadata(parseStringFormula(name.formula));
    });
  }

  async setMetadata(sheet: string, meta: SheetMetadata): Promise<void> {
    await this.run('setMetadata', sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const existing = ws.names.getItemOrNullObject(META_NAME);
      existing.load('name');
      await context.sync();
      this.queueMetadata(ws, meta, (name, reference, hidden) => {
        if (!existing.isNullObject) existing.delete();
        const item = ws.names.add(name, reference);
        if (hidden) item.visible = false;
      });
      await context.sync();
    });
  }

  private queueMetadata(
    ws: HostWorksheet,
    meta: SheetMetadata,
    replaceName: (name: string, reference: string, hidden?: boolean) => void,
  ): void {
    const text = encodeMetadata(meta);
    if (this.api('1.12')) ws.customProperties.add(META_PROPERTY, text);
    replaceName(META_NAME, stringFormula(text), true);
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
    const targets = [...wanted.values()];
    await this.run('highlight', onlySheet(targets), async (context) => {
      const wb = context.workbook;
      wb.worksheets.load('items/name');
      wb.names.load('items/name,items/formula');
      const fills = new Map<string, HostRangeFill>();
      for (const t of targets) {
        const fill = wb.worksheets.getItem(t.sheet).getRange(t.address).format.fill;
        fill.load('color');
        fills.set(markKey(t.sheet, t.address), fill);
      }
      await context.sync();

      const sheetNames = new Set(wb.worksheets.items.map((s) => s.name.toLowerCase()));
      const stored = storedMarks(wb.names.items);
      const old = mergeMarks(stored.marks, this.marks);
      const oldByKey = new Map(old.map((m) => [markKey(m.sheet, m.address), m]));

      // give the old marks back their fills, except cells that are marked again
      for (const m of old) {
        if (wanted.has(markKey(m.sheet, m.address)) || !sheetNames.has(m.sheet.toLowerCase())) continue;
        restoreFill(wb.worksheets.getItem(m.sheet).getRange(m.address), m.previous);
      }
      const next: MarkRecord[] = [];
      for (const t of targets) {
        const key = markKey(t.sheet, t.address);
        const current = fills.get(key)?.color ?? null;
        const previous = oldByKey.get(key)?.previous ?? (current === null || current.toUpperCase() === NO_FILL ? '' : current);
        next.push({ sheet: t.sheet, address: t.address, previous });
        wb.worksheets.getItem(t.sheet).getRange(t.address).format.fill.color = MARK_FILLS[t.severity];
      }
      for (const item of stored.items) item.delete();
      writeMarkNames(context, next);
      await context.sync();
      this.marks = next;
    });
  }

  async clearHighlights(): Promise<void> {
    await this.run('clearHighlights', undefined, async (context) => {
      const wb = context.workbook;
      wb.worksheets.load('items/name');
      wb.names.load('items/name,items/formula');
      await context.sync();
      const sheetNames = new Set(wb.worksheets.items.map((s) => s.name.toLowerCase()));
      const stored = storedMarks(wb.names.items);
      for (const m of mergeMarks(stored.marks, this.marks)) {
        if (!sheetNames.has(m.sheet.toLowerCase())) continue;
        restoreFill(wb.worksheets.getItem(m.sheet).getRange(m.address), m.previous);
      }
      for (const item of stored.items) item.delete();
      await context.sync();
      this.marks = [];
    });
  }

  /* ------------------------------------------------------------------ edits */

  /**
   * Call `handler` after cells change on any sheet (the user typing, pasting, another add-in, and
   * this port's own writes). ExcelApi 1.9: one workbook-wide handler; 1.8: one handler per sheet
   * that exists now. The returned function removes the handlers. When the host cannot register
   * them the handler is simply never called (the user re-checks by hand).
   */
  onChanged(handler: (change: CellChange) => void): () => void {
    let removed = false;
    let results: HostEventHandlerResult[] = [];
    const dispatch = async (args: HostWorksheetChangedEventArgs): Promise<void> => {
      if (removed) return;
      try {
        const sheet = await this.excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItemOrNullObject(args.worksheetId);
          ws.load('name');
          await context.sync();
          return ws.isNullObject ? null : ws.name;
        });
        if (sheet !== null && !removed) handler({ sheet, address: splitAddress(args.address).address });
      } catch {
        // the sheet went away between the edit and this call: nothing to re-check
      }
    };
    const removeAll = (): void => {
      const list = results;
      results = [];
      for (const r of list) {
        void this.excel
          .run(r.context, async (context) => {
            r.remove();
            // each handler was added in a context of its own (one per worksheet event): one sync per context
            // eslint-disable-next-line office-addins/no-context-sync-in-loop
            await context.sync();
          })
          .catch(() => undefined); // the context is gone with the document: nothing left to remove
      }
    };
    void this.excel
      .run(async (context) => {
        const sheets = context.workbook.worksheets;
        if (this.api('1.9')) {
          const r = sheets.onChanged.add(dispatch);
          await context.sync();
          return [r];
        }
        sheets.load('items/name');
        await context.sync();
        const list = sheets.items.map((ws) => ws.onChanged.add(dispatch));
        await context.sync();
        return list;
      })
      .then((list) => {
        results = list;
        if (removed) removeAll();
      })
      .catch(() => undefined); // no change events on this host: automatic re-checks stay off
    return () => {
      if (removed) return;
      removed = true;
      removeAll();
    };
  }

  /* ------------------------------------------------------------------ charts */

  /**
   * Excel's own charts on a sheet, drawn from its cells (Worksheet.charts, ExcelApi 1.1, below the
   * manifest's minimum 1.8: no isSetSupported check, as for the port's other 1.1–1.8 calls). The
   * charts made here before on that sheet (named nianbao_…) are deleted first, so a second run
   * replaces them; the user's own charts stay. One Excel.run, two syncs.
   */
  async addCharts(sheet: string, charts: NativeChart[]): Promise<void> {
    await this.run('addCharts', sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.charts.load('items/name');
      await context.sync();
      // loaded above through ws.charts.load (the rule only follows loads made on `ws` itself)
      // eslint-disable-next-line office-addins/load-object-before-read
      for (const old of ws.charts.items) if (old.name.startsWith(CHART_NAME_PREFIX)) old.delete();
      for (const spec of charts) {
        // the source block: categories in its first column, one column a series
        const chart = ws.charts.add(CHART_TYPES[spec.kind], ws.getRange(spec.source), 'Columns');
        chart.name = `${CHART_NAME_PREFIX}${spec.id}`;
        chart.title.text = spec.title;
        spec.seriesNames.forEach((name, i) => (chart.series.getItemAt(i).name = name));
        chart.legend.visible = true;
        chart.legend.position = spec.kind === 'pie' ? 'Right' : 'Top';
        if (spec.showValues) chart.dataLabels.showValue = true;
        // a bar chart draws its first category at the bottom: reversed, the units read top-down as on the board (ExcelApi 1.7)
        if (spec.kind === 'bar') chart.axes.categoryAxis.reversePlotOrder = true;
        chart.setPosition(spec.at.cell);
        chart.width = spec.at.width;
        chart.height = spec.at.height;
      }
      await context.sync();
    });
  }

  /* ------------------------------------------------------------------ selection */

  async select(sheet: string, address: string): Promise<void> {
    await this.run('select', sheet, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      // a range on another sheet can only be selected once its sheet is active
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }
}

/** OfficeWorkbook on the globals office.js defines (`Excel`, `Office`). */
export function createOfficeWorkbook(): OfficeWorkbook {
  const g = globalThis as unknown as {
    Excel?: ExcelHost;
    Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } };
  };
  if (!g.Excel) throw new WorkbookError('host', { message: 'office.js (Excel) is not loaded' });
  const requirements = g.Office?.context?.requirements;
  return new OfficeWorkbook({
    excel: g.Excel,
    isSetSupported: requirements?.isSetSupported ? (name, version) => requirements.isSetSupported!(name, version) : undefined,
  });
}

/* ====================================================================== helpers */

function toWorkbookError(e: unknown, operation: string, sheet: string | undefined): WorkbookError {
  if (e instanceof WorkbookError) return e;
  const err = (typeof e === 'object' && e !== null ? e : {}) as HostErrorLike;
  const code = err.code ?? err.debugInfo?.code;
  const message = err.message ?? (typeof e === 'string' ? e : undefined);
  if (code === 'ItemNotFound' && sheet !== undefined) {
    return new WorkbookError('no-sheet', { sheet, operation, hostCode: code, hostMessage: message }, message);
  }
  return new WorkbookError(
    'host',
    { operation, sheet, hostCode: code, message, location: err.debugInfo?.errorLocation, statement: err.debugInfo?.statement },
    message,
  );
}

/** printable width of A4 in points between the margins of the page setup (core/layout/styles) */
const A4_PRINTABLE_WIDTH = {
  portrait: 595 - inchesToPoints(PAGE_SETUP.margins.left + PAGE_SETUP.margins.right),
  landscape: 842 - inchesToPoints(PAGE_SETUP.margins.left + PAGE_SETUP.margins.right),
};

/** print scale (10–100 %) at which the plan's columns fit the page width */
export function fitToWidthScale(plan: SheetPlan, orientation: 'portrait' | 'landscape'): number {
  let width = 0;
  for (let c = plan.bounds.c; c < plan.bounds.c + plan.bounds.cols; c++) width += charsToPoints(plan.colWidths[c] ?? 8.43);
  const scale = Math.floor((A4_PRINTABLE_WIDTH[orientation] / Math.max(width, 1)) * 100);
  return Math.max(10, Math.min(100, scale));
}

/** join 1-row rectangles that touch in a row into one rectangle (merged areas stay as they are) */
function joinRuns(rects: Rect[]): Rect[] {
  const singles = rects.filter((r) => r.r0 === r.r1).sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  const out: Rect[] = rects.filter((r) => r.r0 !== r.r1);
  for (const r of singles) {
    const last = out[out.length - 1];
    if (last && last.r0 === r.r0 && last.r1 === r.r1 && last.c1 + 1 === r.c0) last.c1 = r.c1;
    else out.push({ ...r });
  }
  return out;
}

function conflictsOf(sheet: string, plan: SheetPlan, range: HostRange): Conflict[] {
  const values = range.values;
  const formulas = range.formulas;
  const out: Conflict[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values[i].length; j++) {
      const v = values[i][j];
      const f = formulas[i]?.[j];
      const hasFormula = typeof f === 'string' && f.startsWith('=') && f !== v;
      if (v === '' && !hasFormula) continue;
      const value = typeof v === 'number' || typeof v === 'boolean' ? v : v === '' ? String(f) : String(v);
      out.push({ sheet, address: a1(plan.bounds.r + i, plan.bounds.c + j), value });
    }
  }
  return out;
}

function toGrid(sheet: string, used: HostRange): Grid {
  if (used.isNullObject) return { sheet, origin: { row: 0, col: 0 }, cells: [], formulas: [] };
  const { address } = splitAddress(used.address);
  const origin = parseA1(address.split(':')[0]) ?? { row: 0, col: 0 };
  const values = used.values;
  const formulas = used.formulas;
  const cells: CellValue[][] = values.map((row) => row.map(fromExcelValue));
  const f = values.map((row, i) => row.map((v, j) => fromExcelFormula(formulas[i]?.[j], v)));
  return { sheet, origin, cells, formulas: f };
}

/** Excel sheet names: ≤ 31 characters, none of [ ] : * ? / \, not starting or ending with ' */
export function uniqueSheetName(preferred: string, taken: string[]): string {
  let base = preferred.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim();
  if (!base) base = 'Sheet';
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const fit = (s: string, suffix: string) => `${s.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
  let name = fit(base, '');
  for (let n = 2; used.has(name.toLowerCase()); n++) name = fit(base, ` (${n})`);
  return name;
}

function validationRule(kind: ValueKind): { wholeNumber?: { formula1: number; formula2?: number; operator: string }; decimal?: { formula1: number; operator: string } } {
  switch (kind) {
    case 'count':
      return { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
    case 'signed':
      return { wholeNumber: { formula1: -999999999, formula2: 999999999, operator: 'Between' } };
    case 'amount':
      return { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
  }
}

function restoreFill(range: HostRange, previous: string): void {
  if (previous === '' || previous.toUpperCase() === NO_FILL) range.format.fill.clear();
  else range.format.fill.color = previous;
}

/** the marks kept in hidden names (nianbao_marks_0, _1 …) and those name items */
function storedMarks(items: HostNamedItem[]): { marks: MarkRecord[]; items: HostNamedItem[] } {
  const own = items
    .filter((n) => n.name.toLowerCase().startsWith(MARKS_NAME_PREFIX))
    .sort((a, b) => Number(a.name.slice(MARKS_NAME_PREFIX.length)) - Number(b.name.slice(MARKS_NAME_PREFIX.length)));
  const text = own.map((n) => parseStringFormula(n.formula) ?? '').join('');
  return { marks: (text && decodeMarks(text)) || [], items: own };
}

function writeMarkNames(context: HostContext, marks: MarkRecord[]): void {
  if (marks.length === 0) return;
  splitForNames(encodeMarks(marks)).forEach((piece, i) => {
    const item = context.workbook.names.add(`${MARKS_NAME_PREFIX}${i}`, stringFormula(piece));
    item.visible = false;
  });
}
