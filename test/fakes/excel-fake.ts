/**
 * A small typed fake of the office.js Excel object model: the subset OfficeWorkbook uses
 * (src/workbook/office/host.ts), with the batching semantics that matter:
 *
 * - every method call and property write is queued on the RequestContext and runs at
 *   `context.sync()`, in order; a failing command rejects the sync with an office.js-like error
 *   ({ code, message, debugInfo }) and the commands after it are dropped;
 * - a property is readable only after `load()` and a `sync()` (else it throws
 *   PropertyNotLoaded, as office.js does), so sync counts measured on the fake are meaningful;
 * - values are interpreted the way Excel interprets typed input: '=…' becomes a formula, '+5' a
 *   number, '@x' / '+x' a formula, a leading apostrophe keeps the rest as text (and is not part of
 *   the value or of `formulas`), a cell formatted '@' keeps strings as text; `null` leaves a cell
 *   unchanged; small formulas (SUM, IF, arithmetic, comparisons) are evaluated;
 * - `range.select()` on a sheet that is not active fails; locked cells of a protected sheet refuse
 *   writes; APIs newer than the configured ExcelApi version fail with ApiNotFound.
 *
 * Plain TypeScript without jest, so it can be bundled as the office.js stub of the e2e tests:
 * `installFakeOffice(window, options)` defines `Office` and `Excel` on the global.
 */
import { colIndex, colLetters } from '../../src/core/grid';
import { cellA1, MAX_COLS, MAX_ROWS, NUMBER_RE, type Rect } from './a1';
import type {
  ExcelHost,
  HostChart,
  HostChartCollection,
  HostChartSeries,
  HostContext,
  HostCustomProperty,
  HostChangedEvent,
  HostDataValidation,
  HostDataValidationRule,
  HostEventHandlerResult,
  HostNamedItem,
  HostNamedItemCollection,
  HostPageLayout,
  HostProtectionOptions,
  HostRange,
  HostRangeBorder,
  HostRangeFill,
  HostRangeFont,
  HostRangeFormat,
  HostWorkbook,
  HostWorksheet,
  HostWorksheetChangedEventArgs,
  HostWorksheetCollection,
  HostWorksheetProtection,
  LoadArg,
} from '../../src/workbook/office/host';

/* ================================================================== public types */

export type FakeScalar = string | number | boolean;

export interface FakeSheetInit {
  name: string;
  /** A1 → value; a string starting with '=' is a formula (as typed) */
  cells?: Record<string, FakeScalar>;
}

export interface FakeOfficeOptions {
  /** highest ExcelApi requirement set the fake host supports (default '1.12') */
  excelApi?: string;
  /** Office.context.displayLanguage (default 'zh-CN') */
  displayLanguage?: string;
  /** initial sheets (default one empty sheet 'Sheet1') */
  sheets?: FakeSheetInit[];
  /** the active sheet (default the first) */
  activeSheet?: string;
  /** property name under which installFakeOffice also exposes the handle (default '__fakeOffice'; false: none) */
  exposeAs?: string | false;
  /** what Office.onReady reports as host (default 'Excel'; null: office.js loaded outside Office) */
  host?: 'Excel' | null;
}

export interface FakeCallRecord {
  /** 1-based number of the sync that ran (or will run) this command */
  sync: number;
  /** e.g. 'range.values', 'range.merge', 'worksheet.activate', 'load' */
  op: string;
  sheet?: string;
  address?: string;
  args?: unknown;
}

export interface FakeChangedEventArgs extends HostWorksheetChangedEventArgs {
  changeType: string;
  source: 'Local' | 'Remote';
  type: 'WorksheetChanged';
}

export interface FakeBorders {
  top: string | null;
  bottom: string | null;
  left: string | null;
  right: string | null;
}

/** A plain, JSON-friendly copy of one cell. */
export interface FakeCellSnapshot {
  value: FakeScalar;
  formula: string | null;
  text: string;
  numberFormat: string;
  quotePrefix: boolean;
  fill: string | null;
  fontName: string;
  bold: boolean;
  italic: boolean;
  fontSize: number;
  fontColor: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  locked: boolean;
  borders: FakeBorders;
}

export interface FakeValidationRecord {
  range: string;
  rule: HostDataValidationRule;
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
}

export interface FakeNameRecord {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
  /** the sheet of a sheet-scoped name */
  sheet: string | null;
}

/** A chart on a sheet as a test reads it (`workbook.charts(sheet)`): its data read from the cells now. */
export interface FakeChartSnapshot {
  name: string;
  /** Excel's ChartType ('ColumnClustered', 'Pie' …) */
  type: string;
  title: string;
  /** the source range (A1 on the chart's sheet) and how series run in it */
  source: string;
  seriesBy: string;
  /** the category labels (the source's first column when it holds text, with seriesBy 'Columns') */
  categories: FakeScalar[];
  series: { name: string; values: FakeScalar[] }[];
  legend: { position: string; visible: boolean };
  showValues: boolean;
  /** categoryAxis.reversePlotOrder: the first category at the top of a bar chart */
  reversed: boolean;
  /** top-left cell (A1) and size in points */
  position: string | null;
  width: number;
  height: number;
}

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    public readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

/* ================================================================== addresses */

function rectA1(rect: Rect): string {
  if (rect.r0 === 0 && rect.r1 === MAX_ROWS - 1) return `${colLetters(rect.c0)}:${colLetters(rect.c1)}`;
  if (rect.c0 === 0 && rect.c1 === MAX_COLS - 1) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  const tl = cellA1(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? tl : `${tl}:${cellA1(rect.r1, rect.c1)}`;
}

function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

function invalidAddress(address: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: address '${address}'.`);
}

/** 'A1', '$B$2:C3', 'B:D', '3:5' → rectangle (0-based, inclusive). */
export function parseRect(address: string): Rect {
  const a = address.replace(/\$/g, '').trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const r0 = Number(m[2]) - 1;
    const c0 = colIndex(m[1]);
    const r1 = m[3] ? Number(m[4]) - 1 : r0;
    const c1 = m[3] ? colIndex(m[3]) : c0;
    const rect = { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
    if (rect.r0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) throw invalidAddress(address);
    return rect;
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) {
    const c0 = colIndex(m[1]);
    const c1 = colIndex(m[2]);
    return { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) {
    const r0 = Number(m[1]) - 1;
    const r1 = Number(m[2]) - 1;
    if (r0 < 0 || r1 < 0) throw invalidAddress(address);
    return { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: 0, c1: MAX_COLS - 1 };
  }
  throw invalidAddress(address);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function contains(a: Rect, r: number, c: number): boolean {
  return r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
}

function cellCount(rect: Rect): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}

function versionAtLeast(have: string, want: string): boolean {
  const h = have.split('.').map(Number);
  const w = want.split('.').map(Number);
  for (let i = 0; i < Math.max(h.length, w.length); i++) {
    const d = (h[i] ?? 0) - (w[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/* ================================================================== workbook state */

interface CellState {
  value: FakeScalar;
  /** with the leading '=' */
  formula: string | null;
  numberFormat: string;
  quotePrefix: boolean;
  fill: string | null;
  fontName: string;
  bold: boolean;
  italic: boolean;
  fontSize: number;
  fontColor: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  locked: boolean;
  borders: FakeBorders;
}

/** Excel's default font of a new workbook (Office 2016 and later, non-East-Asian UI) */
const DEFAULT_FONT = 'Calibri';

function newCell(): CellState {
  return {
    value: '',
    formula: null,
    numberFormat: 'General',
    quotePrefix: false,
    fill: null,
    fontName: DEFAULT_FONT,
    bold: false,
    italic: false,
    fontSize: 11,
    fontColor: '#000000',
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    locked: true,
    borders: { top: null, bottom: null, left: null, right: null },
  };
}

function isDefaultFormat(c: CellState): boolean {
  const d = newCell();
  return (
    c.numberFormat === d.numberFormat &&
    c.fill === null &&
    c.fontName === d.fontName &&
    !c.bold &&
    !c.italic &&
    c.fontSize === d.fontSize &&
    c.horizontalAlignment === d.horizontalAlignment &&
    !c.wrapText &&
    c.locked &&
    !c.borders.top &&
    !c.borders.bottom &&
    !c.borders.left &&
    !c.borders.right
  );
}

/** A sheet's page layout (margins in points). */
export interface FakePageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: Record<string, number>;
  printArea: string | null;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
}

interface SheetState {
  /** stable id, as Worksheet.id */
  id: string;
  name: string;
  cells: Map<string, CellState>;
  merges: Rect[];
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  validations: { rect: Rect; record: FakeValidationRecord }[];
  protection: { protected: boolean; options: HostProtectionOptions; password?: string };
  names: Map<string, FakeNameRecord>;
  customProperties: Map<string, string>;
  pageLayout: FakePageLayoutState;
  /** the sheet's charts (worksheet.charts), in the order added */
  charts: ChartState[];
  /** the sheet's selection (A1) */
  selection: string;
}

interface ChartState {
  /** stable id (Chart.id) */
  id: string;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  /** series names set through series.getItemAt(i).name (else Excel's default 系列1 …) */
  seriesNames: Map<number, string>;
  legend: { position: string; visible: boolean };
  showValues: boolean;
  reversed: boolean;
  position: string | null;
  width: number;
  height: number;
}

/** Excel's default chart size, in points */
const DEFAULT_CHART_SIZE = { width: 360, height: 216 };

const DEFAULT_COL_WIDTH = 48; // points (8.43 characters)
const DEFAULT_ROW_HEIGHT = 14.25;

/** The fake workbook: state plus JSON-friendly accessors for assertions (also from a browser page). */
export class FakeWorkbook {
  readonly sheets: SheetState[] = [];
  readonly names = new Map<string, FakeNameRecord>();
  readonly calls: FakeCallRecord[] = [];
  /** number of context.sync() round trips so far (including the implicit one at the end of Excel.run) */
  syncCount = 0;
  /** number of Excel.run calls so far */
  runCount = 0;
  activeSheetName: string;
  readonly excelApi: string;
  /** values changed since the last recalculation */
  dirty = false;
  private sheetSeq = 0;
  private changeHandlers: { sheetId: string | null; handler: (args: FakeChangedEventArgs) => Promise<unknown> }[] = [];

  constructor(options: FakeOfficeOptions = {}) {
    this.excelApi = options.excelApi ?? '1.12';
    const inits = options.sheets && options.sheets.length > 0 ? options.sheets : [{ name: 'Sheet1' }];
    for (const s of inits) {
      const sheet = this.addSheetState(s.name);
      for (const [addr, v] of Object.entries(s.cells ?? {})) {
        const rect = parseRect(addr);
        applyInput(this.cell(sheet, rect.r0, rect.c0, true) as CellState, v);
      }
    }
    this.activeSheetName = options.activeSheet ?? this.sheets[0].name;
    this.recalculate();
  }

  /* ---------- accessors for tests (JSON-friendly) */

  isSetSupported(name: string, minVersion?: string): boolean {
    if (name.toLowerCase() !== 'excelapi') return false;
    return versionAtLeast(this.excelApi, minVersion ?? '1.1');
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  activeSheet(): string {
    return this.activeSheetName;
  }

  /** the active sheet and its selection */
  selection(): { sheet: string; address: string } {
    return { sheet: this.activeSheetName, address: this.requireSheet(this.activeSheetName).selection };
  }

  getCell(sheet: string, address: string): FakeCellSnapshot {
    const rect = parseRect(address);
    const c = this.cell(this.requireSheet(sheet), rect.r0, rect.c0, false) ?? newCell();
    return { ...c, borders: { ...c.borders }, text: displayText(c) };
  }

  getValue(sheet: string, address: string): FakeScalar {
    return this.getCell(sheet, address).value;
  }

  getFormula(sheet: string, address: string): string | null {
    return this.getCell(sheet, address).formula;
  }

  getFill(sheet: string, address: string): string | null {
    return this.getCell(sheet, address).fill;
  }

  /** values of a rectangle ('' for empty cells) */
  getValues(sheet: string, address: string): FakeScalar[][] {
    const s = this.requireSheet(sheet);
    const rect = parseRect(address);
    const out: FakeScalar[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: FakeScalar[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(this.cell(s, r, c, false)?.value ?? '');
      out.push(row);
    }
    return out;
  }

  merges(sheet: string): string[] {
    return this.requireSheet(sheet).merges.map(rectA1);
  }

  /** column width in points */
  columnWidth(sheet: string, column: string): number {
    return this.requireSheet(sheet).colWidths.get(colIndex(column)) ?? DEFAULT_COL_WIDTH;
  }

  /** row height in points (row is 1-based, as in A1) */
  rowHeight(sheet: string, row: number): number {
    return this.requireSheet(sheet).rowHeights.get(row - 1) ?? DEFAULT_ROW_HEIGHT;
  }

  validations(sheet: string): FakeValidationRecord[] {
    return this.requireSheet(sheet).validations.map((v) => v.record);
  }

  validationAt(sheet: string, address: string): FakeValidationRecord | null {
    const rect = parseRect(address);
    const v = this.requireSheet(sheet).validations.find((x) => contains(x.rect, rect.r0, rect.c0));
    return v ? v.record : null;
  }

  protection(sheet: string): { protected: boolean; options: HostProtectionOptions } {
    const p = this.requireSheet(sheet).protection;
    return { protected: p.protected, options: { ...p.options } };
  }

  /** workbook-scoped names, or the names of one sheet */
  nameList(sheet?: string): FakeNameRecord[] {
    const map = sheet === undefined ? this.names : this.requireSheet(sheet).names;
    return [...map.values()].map((n) => ({ ...n }));
  }

  customProperties(sheet: string): Record<string, string> {
    return Object.fromEntries(this.requireSheet(sheet).customProperties);
  }

  pageLayout(sheet: string): FakePageLayoutState {
    const p = this.requireSheet(sheet).pageLayout;
    return { ...p, zoom: { ...p.zoom }, margins: { ...p.margins } };
  }

  /** the charts on a sheet, their categories and series read from the cells now */
  charts(sheet: string): FakeChartSnapshot[] {
    const s = this.requireSheet(sheet);
    return s.charts.map((c) => {
      const { categories, series } = chartSeries(this, s, c);
      return {
        name: c.name,
        type: c.type,
        title: c.title,
        source: rectA1(c.source),
        seriesBy: c.seriesBy,
        categories,
        series: series.map((values, i) => ({ name: c.seriesNames.get(i) ?? `系列${i + 1}`, values })),
        legend: { ...c.legend },
        showValues: c.showValues,
        reversed: c.reversed,
        position: c.position,
        width: c.width,
        height: c.height,
      };
    });
  }

  /** the used range (values only) of a sheet, or null */
  usedRange(sheet: string): string | null {
    const rect = usedRect(this.requireSheet(sheet), true);
    return rect ? rectA1(rect) : null;
  }

  /* ---------- changes from outside the add-in (the user typing, another add-in …) */

  /** type a value into a cell as a user would (ignores protection) */
  setValue(sheet: string, address: string, value: FakeScalar): void {
    const rect = parseRect(address);
    applyInput(this.cell(this.requireSheet(sheet), rect.r0, rect.c0, true) as CellState, value);
    this.recalculate();
    this.emitChanged(sheet, cellA1(rect.r0, rect.c0));
  }

  setFill(sheet: string, address: string, color: string | null): void {
    const rect = parseRect(address);
    (this.cell(this.requireSheet(sheet), rect.r0, rect.c0, true) as CellState).fill = color;
  }

  addSheet(name: string): void {
    this.addSheetState(name);
  }

  activate(sheet: string): void {
    this.activeSheetName = this.requireSheet(sheet).name;
  }

  /** make the next context.sync() fail with this office.js error code (e.g. 'GeneralException') */
  failNextSync(code: string, message = `Simulated host error (${code}).`): void {
    this.pendingFailure = { code, message };
  }

  /** taken by the next sync */
  pendingFailure: { code: string; message: string } | null = null;

  /** reset the call log and the counters (e.g. between the steps of a test) */
  resetCounters(): void {
    this.calls.length = 0;
    this.syncCount = 0;
    this.runCount = 0;
  }

  /** calls made during one Excel.run → sync counts are derived from `sync` numbers */
  callsOf(op: string): FakeCallRecord[] {
    return this.calls.filter((c) => c.op === op);
  }

  /* ---------- internals */

  /** a sheet by name (case-insensitive) or by id */
  findSheet(name: string): SheetState | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key) ?? this.sheets.find((s) => s.id === name);
  }

  /* ---------- onChanged events */

  addChangeHandler(sheetId: string | null, handler: (args: FakeChangedEventArgs) => Promise<unknown>): void {
    this.changeHandlers.push({ sheetId, handler });
  }

  removeChangeHandler(handler: (args: FakeChangedEventArgs) => Promise<unknown>): void {
    this.changeHandlers = this.changeHandlers.filter((h) => h.handler !== handler);
  }

  /** number of registered onChanged handlers (workbook-wide and per sheet) */
  changeHandlerCount(): number {
    return this.changeHandlers.length;
  }

  /** call the onChanged handlers (asynchronously, as Excel does) for a change of sheet!address */
  emitChanged(sheet: string, address: string): void {
    const s = this.requireSheet(sheet);
    const args: FakeChangedEventArgs = { worksheetId: s.id, address, changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged' };
    for (const h of this.changeHandlers) {
      if (h.sheetId !== null && h.sheetId !== s.id) continue;
      setTimeout(() => void h.handler(args), 0);
    }
  }

  requireSheet(name: string): SheetState {
    const s = this.findSheet(name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: worksheet '${name}'.`);
    return s;
  }

  addSheetState(name: string): SheetState {
    validateSheetName(name);
    if (this.findSheet(name)) {
      throw new FakeOfficeError('ItemAlreadyExists', `The resource with the specified name or ID already exists: '${name}'.`);
    }
    const sheet: SheetState = {
      name,
      cells: new Map(),
      merges: [],
      colWidths: new Map(),
      rowHeights: new Map(),
      validations: [],
      protection: { protected: false, options: {} },
      names: new Map(),
      customProperties: new Map(),
      pageLayout: {
        orientation: 'Portrait',
        paperSize: 'Letter',
        zoom: { scale: 100 },
        printArea: null,
        // Excel's “Normal” margins, in points
        margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
        centerHorizontally: false,
      },
      charts: [],
      selection: 'A1',
      id: `{FA4E0000-0000-4000-8000-${String(++this.sheetSeq).padStart(12, '0')}}`,
    };
    this.sheets.push(sheet);
    return sheet;
  }

  cell(sheet: SheetState, r: number, c: number, create: boolean): CellState | undefined {
    const key = `${r},${c}`;
    let cell = sheet.cells.get(key);
    if (!cell && create) {
      cell = newCell();
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  recalculate(): void {
    this.dirty = false;
    const memo = new Map<string, FakeScalar>();
    for (const s of this.sheets) {
      for (const [key, cell] of s.cells) {
        if (cell.formula === null) continue;
        const [r, c] = key.split(',').map(Number);
        cell.value = evaluateCell(this, s, r, c, memo, new Set());
      }
    }
  }
}

function validateSheetName(name: string): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: sheet name '${name}'.`);
  }
}

function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  for (const [key, cell] of sheet.cells) {
    const hasValue = cell.value !== '' || cell.formula !== null;
    if (!hasValue && (valuesOnly || isDefaultFormat(cell))) continue;
    const [r, c] = key.split(',').map(Number);
    rect = rect
      ? { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) }
      : { r0: r, c0: c, r1: r, c1: c };
  }
  return rect;
}

/* ================================================================== input and display */

/** Store a value as Excel does when it is typed (or written via range.values / range.formulas). */
function applyInput(cell: CellState, input: unknown): void {
  if (input === null || input === undefined) return; // office.js: null leaves the cell unchanged
  cell.quotePrefix = false;
  cell.formula = null;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new FakeOfficeError('InvalidArgument', 'The argument is invalid: number');
    cell.value = input;
    return;
  }
  if (typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (typeof input !== 'string') throw new FakeOfficeError('InvalidArgument', `The argument is invalid: ${typeof input}`);
  const s = input;
  if (s === '') {
    cell.value = '';
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = s;
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (s.startsWith('=') && s.length > 1) {
    parseFormula(s.slice(1)); // throws InvalidArgument on a syntax error, as Excel refuses the input
    cell.formula = s;
    cell.value = 0;
    return;
  }
  if (NUMBER_RE.test(s.trim())) {
    const t = s.trim();
    cell.value = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
    return;
  }
  if (/^(true|false)$/i.test(s.trim())) {
    cell.value = s.trim().toLowerCase() === 'true';
    return;
  }
  if (/^[+\-@]./.test(s)) {
    // Excel reads '+x', '-x' and '@x' as a formula
    cell.formula = `=${s}`;
    cell.value = '#NAME?';
    return;
  }
  cell.value = s;
}

function displayText(cell: CellState): string {
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const nf = cell.numberFormat;
  if (nf === 'General' || nf === '@') return String(v);
  const sections = nf.split(';');
  const section = v > 0 || sections.length === 1 ? sections[0] : v < 0 ? sections[1] : (sections[2] ?? sections[0]);
  const m = /0(?:\.(0+))?/.exec(section);
  if (!m) return String(v);
  const digits = m[1]?.length ?? 0;
  const abs = sections.length > 1 && v < 0 ? Math.abs(v) : v;
  const num = abs.toFixed(digits);
  return section.replace(/0(?:\.0+)?/, num).replace(/["\\]/g, '');
}

/* ================================================================== formulas */

type Token = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string };

type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; sheet: string | null; rect: Rect }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'neg'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

function syntaxError(f: string): FakeOfficeError {
  return new FakeOfficeError('InvalidArgument', `There's a problem with this formula: =${f}`);
}

function tokenize(f: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const refRe = /^(?:(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/u;
  while (i < f.length) {
    const rest = f.slice(i);
    const ch = f[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= f.length) throw syntaxError(f);
        if (f[j] === '"') {
          if (f[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += f[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const ref = refRe.exec(rest);
    if (ref && !/^\(/.test(rest.slice(ref[0].length).trimStart())) {
      const sheet = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : (ref[2] ?? null);
      out.push({ t: 'ref', v: `${sheet ?? ''}\u0000${ref[3]}` });
      i += ref[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (id) {
      out.push({ t: 'id', v: id[0].toUpperCase() });
      i += id[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/&=<>(),@%])/.exec(rest);
    if (op) {
      out.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    throw syntaxError(f);
  }
  return out;
}

function parseFormula(f: string): Node {
  const toks = tokenize(f);
  let p = 0;
  const peek = (): Token | undefined => toks[p];
  const isOp = (v: string): boolean => {
    const t = toks[p];
    return !!t && t.t === 'op' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw syntaxError(f);
    p++;
  };
  const levels = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];
  const binary = (level: number): Node => {
    if (level >= levels.length) return unary();
    let a = binary(level + 1);
    for (;;) {
      const t = peek();
      if (t && t.t === 'op' && levels[level].includes(t.v)) {
        p++;
        a = { k: 'bin', op: t.v, a, b: binary(level + 1) };
      } else return a;
    }
  };
  const unary = (): Node => {
    if (isOp('-')) {
      p++;
      return { k: 'neg', a: unary() };
    }
    if (isOp('+') || isOp('@')) {
      p++;
      return unary();
    }
    return primary();
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw syntaxError(f);
    if (t.t === 'num') return { k: 'num', v: t.v };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 'ref') {
      const [sheet, addr] = t.v.split('\u0000');
      return { k: 'ref', sheet: sheet === '' ? null : sheet, rect: parseRect(addr) };
    }
    if (t.t === 'id') {
      if (t.v === 'TRUE' || t.v === 'FALSE') return { k: 'num', v: t.v === 'TRUE' ? 1 : 0 };
      if (!isOp('(')) return { k: 'call', name: `#NAME:${t.v}`, args: [] };
      p++;
      const args: Node[] = [];
      if (!isOp(')')) {
        for (;;) {
          args.push(binary(0));
          if (isOp(',')) {
            p++;
            continue;
          }
          break;
        }
      }
      expect(')');
      return { k: 'call', name: t.v, args };
    }
    if (t.t === 'op' && t.v === '(') {
      const e = binary(0);
      expect(')');
      return e;
    }
    throw syntaxError(f);
  };
  const node = binary(0);
  if (p !== toks.length) throw syntaxError(f);
  return node;
}

class FormulaError {
  constructor(public readonly code: string) {}
}

type EvalValue = FakeScalar | FakeScalar[];

function evaluateCell(
  wb: FakeWorkbook,
  sheet: SheetState,
  r: number,
  c: number,
  memo: Map<string, FakeScalar>,
  stack: Set<string>,
): FakeScalar {
  const key = `${sheet.name}!${r},${c}`;
  const cached = memo.get(key);
  if (cached !== undefined) return cached;
  const cell = wb.cell(sheet, r, c, false);
  if (!cell) return '';
  if (cell.formula === null) return cell.value;
  if (stack.has(key)) return 0; // circular reference: Excel shows 0 and warns
  stack.add(key);
  let result: FakeScalar;
  try {
    const v = evalNode(wb, sheet, parseFormula(cell.formula.slice(1)), memo, stack);
    result = Array.isArray(v) ? (v[0] ?? 0) : v;
    if (result === '') result = 0;
  } catch (e) {
    if (e instanceof FormulaError) result = e.code;
    else if (e instanceof FakeOfficeError) result = '#REF!';
    else throw e;
  }
  stack.delete(key);
  memo.set(key, result);
  return result;
}

function toNumber(v: FakeScalar): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  if (v.startsWith('#')) throw new FormulaError(v);
  if (NUMBER_RE.test(v.trim())) return Number(v.trim().replace(/%$/, ''));
  throw new FormulaError('#VALUE!');
}

function scalar(v: EvalValue): FakeScalar {
  if (Array.isArray(v)) throw new FormulaError('#VALUE!');
  if (typeof v === 'string' && v.startsWith('#')) throw new FormulaError(v);
  return v;
}

function evalNode(wb: FakeWorkbook, sheet: SheetState, n: Node, memo: Map<string, FakeScalar>, stack: Set<string>): EvalValue {
  switch (n.k) {
    case 'num':
      return n.v;
    case 'str':
      return n.v;
    case 'ref': {
      const target = n.sheet === null ? sheet : wb.findSheet(n.sheet);
      if (!target) throw new FormulaError('#REF!');
      if (cellCount(n.rect) === 1) return evaluateCell(wb, target, n.rect.r0, n.rect.c0, memo, stack);
      const out: FakeScalar[] = [];
      for (let r = n.rect.r0; r <= n.rect.r1; r++)
        for (let c = n.rect.c0; c <= n.rect.c1; c++) out.push(evaluateCell(wb, target, r, c, memo, stack));
      return out;
    }
    case 'neg':
      return -toNumber(scalar(evalNode(wb, sheet, n.a, memo, stack)));
    case 'bin': {
      const a = scalar(evalNode(wb, sheet, n.a, memo, stack));
      const b = scalar(evalNode(wb, sheet, n.b, memo, stack));
      switch (n.op) {
        case '+':
          return toNumber(a) + toNumber(b);
        case '-':
          return toNumber(a) - toNumber(b);
        case '*':
          return toNumber(a) * toNumber(b);
        case '/': {
          const d = toNumber(b);
          if (d === 0) throw new FormulaError('#DIV/0!');
          return toNumber(a) / d;
        }
        case '&':
          return `${a}${b}`;
        default: {
          const x = typeof a === 'string' || typeof b === 'string' ? String(a) : toNumber(a);
          const y = typeof a === 'string' || typeof b === 'string' ? String(b) : toNumber(b);
          const cmp = x < y ? -1 : x > y ? 1 : 0;
          return { '=': cmp === 0, '<>': cmp !== 0, '<': cmp < 0, '>': cmp > 0, '<=': cmp <= 0, '>=': cmp >= 0 }[n.op] ?? false;
        }
      }
    }
    case 'call': {
      const flat = (): FakeScalar[] => n.args.flatMap((a) => {
        const v = evalNode(wb, sheet, a, memo, stack);
        return Array.isArray(v) ? v : [v];
      });
      switch (n.name) {
        case 'SUM':
          return flat().reduce<number>((s, v) => s + (typeof v === 'number' ? v : typeof v === 'string' && v.startsWith('#') ? toNumber(v) : 0), 0);
        case 'ABS':
          return Math.abs(toNumber(scalar(evalNode(wb, sheet, n.args[0], memo, stack))));
        case 'ROUND': {
          const x = toNumber(scalar(evalNode(wb, sheet, n.args[0], memo, stack)));
          const d = n.args[1] ? toNumber(scalar(evalNode(wb, sheet, n.args[1], memo, stack))) : 0;
          return Math.round(x * 10 ** d) / 10 ** d;
        }
        case 'IF': {
          const cond = toNumber(scalar(evalNode(wb, sheet, n.args[0], memo, stack)));
          const branch = cond !== 0 ? n.args[1] : n.args[2];
          return branch ? scalar(evalNode(wb, sheet, branch, memo, stack)) : false;
        }
        case 'AND':
          return flat().every((v) => toNumber(v) !== 0);
        case 'OR':
          return flat().some((v) => toNumber(v) !== 0);
        case 'ISNUMBER':
          return typeof evalNode(wb, sheet, n.args[0], memo, stack) === 'number';
        case 'COUNT':
          return flat().filter((v) => typeof v === 'number').length;
        case 'COUNTBLANK':
          return flat().filter((v) => v === '').length;
        default:
          throw new FormulaError('#NAME?');
      }
    }
  }
}

/* ================================================================== request context and proxies */

const NOT_LOADED = (prop: string): FakeOfficeError =>
  new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export class FakeRequestContext implements HostContext {
  private queue: { label: string; run: () => void }[] = [];
  readonly workbook: FakeWorkbookProxy;

  constructor(readonly state: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(record: Omit<FakeCallRecord, 'sync'>, run: () => void): void {
    this.state.calls.push({ ...record, sync: this.state.syncCount + 1 });
    this.queue.push({ label: record.op, run });
  }

  async sync(): Promise<void> {
    this.state.syncCount++;
    const queue = this.queue;
    this.queue = [];
    await Promise.resolve();
    const failure = this.state.pendingFailure;
    if (failure) {
      this.state.pendingFailure = null;
      throw new FakeOfficeError(failure.code, failure.message, 'sync');
    }
    for (const cmd of queue) {
      try {
        cmd.run();
      } catch (e) {
        if (e instanceof FakeOfficeError && !e.debugInfo.errorLocation) e.debugInfo.errorLocation = cmd.label;
        this.state.recalculate();
        throw e;
      }
      if (this.state.dirty) this.state.recalculate();
    }
  }
}

/** Base of proxies: queued loads, readable properties after sync, null objects. */
abstract class FakeProxy {
  private loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly ctx: FakeRequestContext,
    /** whether the object came from an *OrNullObject method */
    protected readonly nullable = false,
  ) {}

  protected abstract readonly kind: string;
  protected abstract exists(): boolean;
  protected abstract readProp(prop: string): unknown;
  protected abstract defaultProps(): string[];
  protected describe(): { sheet?: string; address?: string } {
    return {};
  }
  /** the key a loaded property is kept under (collections keep everything under 'items') */
  protected propKey(prop: string): string {
    return prop;
  }

  /** whether the object belongs to this request context (office.js refuses objects of another one) */
  inContext(ctx: FakeRequestContext): boolean {
    return this.ctx === ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw NOT_LOADED('isNullObject');
    return this.nullState;
  }

  protected read<T>(prop: string): T {
    if (this.nullState === true) {
      throw new FakeOfficeError('InvalidObjectPath', `The object is a null object: cannot read '${prop}'.`);
    }
    if (!this.loaded.has(prop)) throw NOT_LOADED(prop);
    return this.loaded.get(prop) as T;
  }

  load(propertyNames?: LoadArg): this {
    const props =
      propertyNames === undefined
        ? this.defaultProps()
        : (Array.isArray(propertyNames) ? propertyNames : propertyNames.split(',')).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue({ op: `${this.kind}.load`, ...this.describe(), args: props }, () => {
      const exists = this.exists();
      if (!exists && !this.nullable) throw this.notFound();
      this.nullState = !exists;
      if (!exists) return;
      for (const p of props) this.loaded.set(this.propKey(p), this.readProp(p));
    });
    return this;
  }

  /** queue a command that needs the object to exist */
  protected command(op: string, args: unknown, run: () => void): void {
    this.ctx.enqueue({ op: `${this.kind}.${op}`, ...this.describe(), args }, () => {
      if (!this.exists()) throw this.notFound();
      run();
    });
  }

  protected notFound(): FakeOfficeError {
    const d = this.describe();
    return new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: ${this.kind} ${d.sheet ?? ''} ${d.address ?? ''}`.trim());
  }
}

function requireApi(state: FakeWorkbook, version: string, what: string): void {
  if (!state.isSetSupported('ExcelApi', version)) {
    throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found (${what}, ExcelApi ${version}).`);
  }
}

/** worksheets.onChanged / worksheet.onChanged: handlers are added and removed at sync */
class FakeChangedEvent implements HostChangedEvent {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheetId: () => string | null,
    private readonly apiVersion: string,
  ) {}
  add(handler: (args: HostWorksheetChangedEventArgs) => Promise<unknown>): HostEventHandlerResult {
    const ctx = this.ctx;
    ctx.enqueue({ op: 'onChanged.add' }, () => {
      requireApi(ctx.state, this.apiVersion, 'onChanged');
      ctx.state.addChangeHandler(this.sheetId(), handler);
    });
    return {
      context: ctx,
      remove: () => {
        ctx.enqueue({ op: 'onChanged.remove' }, () => ctx.state.removeChangeHandler(handler));
      },
    };
  }
}

class FakeWorkbookProxy implements HostWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx, () => ctx.state.names, null);
  }

  getActiveCell(): FakeRange {
    const st = this.ctx.state;
    let resolved: { sheet: SheetState; rect: Rect } | undefined;
    const resolve = () => {
      if (!resolved) {
        const sheet = st.requireSheet(st.activeSheetName);
        const rect = parseRect(sheet.selection);
        resolved = { sheet, rect: { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 } };
      }
      return resolved;
    };
    return new FakeRange(this.ctx, () => resolve().sheet, () => resolve().rect, false, 'activeCell');
  }
}

class FakeWorksheetCollection extends FakeProxy implements HostWorksheetCollection {
  protected readonly kind = 'worksheets';
  private snapshot: FakeWorksheet[] | undefined;
  readonly onChanged = new FakeChangedEvent(this.ctx, () => null, '1.9');

  protected exists(): boolean {
    return true;
  }
  protected defaultProps(): string[] {
    return ['items'];
  }
  protected override propKey(): string {
    return 'items';
  }
  /** 'items', 'items/name', 'name' …: the names of the sheets at sync time */
  protected readProp(): unknown {
    this.snapshot = undefined;
    return this.ctx.state.sheets.map((s) => s.name);
  }

  get items(): FakeWorksheet[] {
    const names = this.read<string[]>('items');
    this.snapshot ??= names.map((n) => {
      const ws = new FakeWorksheet(this.ctx, () => this.ctx.state.findSheet(n), false, n);
      ws.preloadName(n);
      return ws;
    });
    return this.snapshot;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.findSheet(key), false, key);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.findSheet(key), true, key);
  }

  getActiveWorksheet(): FakeWorksheet {
    let name: string | undefined;
    return new FakeWorksheet(this.ctx, () => {
      name ??= this.ctx.state.activeSheetName;
      return this.ctx.state.findSheet(name);
    });
  }

  add(name?: string): FakeWorksheet {
    let added: SheetState | undefined;
    const ws = new FakeWorksheet(this.ctx, () => added, false, name);
    this.ctx.enqueue({ op: 'worksheets.add', args: name }, () => {
      const st = this.ctx.state;
      let n = name;
      if (n === undefined) {
        let i = st.sheets.length + 1;
        while (st.findSheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      added = st.addSheetState(n);
      st.dirty = true;
    });
    return ws;
  }
}

function readSheetProp(state: FakeWorkbook, s: SheetState, prop: string): unknown {
  switch (prop) {
    case 'name':
      return s.name;
    case 'position':
      return state.sheets.indexOf(s);
    case 'visibility':
      return 'Visible';
    case 'id':
      return s.id;
    default:
      throw new FakeOfficeError('InvalidArgument', `The fake does not model worksheet property '${prop}'.`);
  }
}

class FakeWorksheet extends FakeProxy implements HostWorksheet {
  protected readonly kind = 'worksheet';
  private cached: SheetState | undefined;
  readonly protection: FakeProtection;
  readonly names: FakeNamedItemCollection;
  readonly customProperties: FakeCustomPropertyCollection;
  readonly pageLayout: FakePageLayout;
  readonly onChanged: FakeChangedEvent;
  readonly charts: FakeChartCollection;
  private preloadedName: string | undefined;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: () => SheetState | undefined,
    nullable = false,
    private readonly label?: string,
  ) {
    super(ctx, nullable);
    this.protection = new FakeProtection(ctx, () => this.sheet());
    this.names = new FakeNamedItemCollection(ctx, () => this.sheet().names, () => this.sheet());
    this.customProperties = new FakeCustomPropertyCollection(ctx, () => this.sheet());
    this.pageLayout = new FakePageLayout(ctx, () => this.sheet());
    this.onChanged = new FakeChangedEvent(ctx, () => this.sheet().id, '1.7');
    this.charts = new FakeChartCollection(ctx, () => this.sheet());
  }

  /** item of a loaded collection: its name is readable */
  preloadName(name: string): void {
    this.preloadedName = name;
  }

  sheet(): SheetState {
    const s = this.cached ?? this.resolver();
    if (!s) throw this.notFound();
    this.cached = s;
    return s;
  }

  protected exists(): boolean {
    return (this.cached ?? this.resolver()) !== undefined;
  }

  protected defaultProps(): string[] {
    return ['name', 'position', 'visibility', 'id'];
  }

  protected readProp(prop: string): unknown {
    return readSheetProp(this.ctx.state, this.sheet(), prop);
  }

  protected override describe(): { sheet?: string } {
    return { sheet: this.cached?.name ?? this.label };
  }

  get name(): string {
    if (this.preloadedName !== undefined) return this.preloadedName;
    return this.read<string>('name');
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) {
      return new FakeRange(this.ctx, () => this.sheet(), () => ({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 }), false);
    }
    return new FakeRange(this.ctx, () => this.sheet(), () => parseRect(address), false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    let rect: Rect | null | undefined;
    return new FakeRange(
      this.ctx,
      () => this.sheet(),
      () => {
        if (rect === undefined) rect = usedRect(this.sheet(), valuesOnly === true);
        return rect;
      },
      true,
      'usedRange',
    );
  }

  activate(): void {
    this.command('activate', undefined, () => {
      this.ctx.state.activeSheetName = this.sheet().name;
    });
  }
}

class FakeProtection extends FakeProxy implements HostWorksheetProtection {
  protected readonly kind = 'protection';
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    try {
      this.sheet();
      return true;
    } catch {
      return false;
    }
  }
  protected defaultProps(): string[] {
    return ['protected'];
  }
  protected readProp(prop: string): unknown {
    if (prop === 'protected') return this.sheet().protection.protected;
    if (prop === 'options') return { ...this.sheet().protection.options };
    throw new FakeOfficeError('InvalidArgument', `unknown property ${prop}`);
  }
  protected override describe(): { sheet?: string } {
    return {};
  }
  get protected(): boolean {
    return this.read<boolean>('protected');
  }
  protect(options?: HostProtectionOptions, password?: string): void {
    this.command('protect', options, () => {
      const p = this.sheet().protection;
      if (p.protected) throw new FakeOfficeError('InvalidOperation', 'The worksheet is already protected.');
      p.protected = true;
      p.options = { ...(options ?? {}) };
      p.password = password;
    });
  }
  unprotect(password?: string): void {
    this.command('unprotect', undefined, () => {
      const p = this.sheet().protection;
      if (p.protected && p.password !== undefined && p.password !== password) {
        throw new FakeOfficeError('InvalidOperation', 'The password is incorrect.');
      }
      p.protected = false;
      p.options = {};
      p.password = undefined;
    });
  }
}

class FakeCustomPropertyCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {}
  add(key: string, value: string): void {
    this.ctx.enqueue({ op: 'customProperties.add', args: { key, value } }, () => {
      requireApi(this.ctx.state, '1.12', 'worksheet.customProperties');
      if (key.length > 255 || value.length > 32767) throw new FakeOfficeError('InvalidArgument', 'custom property too long');
      this.sheet().customProperties.set(key, value);
    });
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.ctx, this.sheet, key);
  }
}

class FakeCustomProperty extends FakeProxy implements HostCustomProperty {
  protected readonly kind = 'customProperty';
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
    readonly keyName: string,
  ) {
    super(ctx, true);
  }
  protected exists(): boolean {
    requireApi(this.ctx.state, '1.12', 'worksheet.customProperties');
    return this.sheet().customProperties.has(this.keyName);
  }
  protected defaultProps(): string[] {
    return ['key', 'value'];
  }
  protected readProp(prop: string): unknown {
    return prop === 'key' ? this.keyName : this.sheet().customProperties.get(this.keyName);
  }
  get key(): string {
    return this.read<string>('key');
  }
  get value(): string {
    return this.read<string>('value');
  }
  set value(v: string) {
    this.command('value', v, () => this.sheet().customProperties.set(this.keyName, v));
  }
}

class FakePageLayout implements HostPageLayout {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {}
  private set(prop: 'orientation' | 'paperSize' | 'zoom' | 'centerHorizontally' | `${keyof FakePageLayoutState['margins']}Margin`, v: unknown): void {
    this.ctx.enqueue({ op: `pageLayout.${prop}`, args: v }, () => {
      requireApi(this.ctx.state, '1.9', 'worksheet.pageLayout');
      const pl = this.sheet().pageLayout;
      if (prop === 'zoom') pl.zoom = { ...(v as Record<string, number>) };
      else if (prop === 'centerHorizontally') pl.centerHorizontally = v === true;
      else if (prop.endsWith('Margin')) {
        if (typeof v !== 'number' || !(v >= 0)) throw new FakeOfficeError('InvalidArgument', `${prop} ${String(v)}`);
        pl.margins[prop.slice(0, -'Margin'.length) as keyof FakePageLayoutState['margins']] = v;
      } else pl[prop as 'orientation' | 'paperSize'] = String(v);
    });
  }
  private margin(): number {
    throw NOT_LOADED('margin');
  }
  get leftMargin(): number {
    return this.margin();
  }
  set leftMargin(v: number) {
    this.set('leftMargin', v);
  }
  get rightMargin(): number {
    return this.margin();
  }
  set rightMargin(v: number) {
    this.set('rightMargin', v);
  }
  get topMargin(): number {
    return this.margin();
  }
  set topMargin(v: number) {
    this.set('topMargin', v);
  }
  get bottomMargin(): number {
    return this.margin();
  }
  set bottomMargin(v: number) {
    this.set('bottomMargin', v);
  }
  get headerMargin(): number {
    return this.margin();
  }
  set headerMargin(v: number) {
    this.set('headerMargin', v);
  }
  get footerMargin(): number {
    return this.margin();
  }
  set footerMargin(v: number) {
    this.set('footerMargin', v);
  }
  get centerHorizontally(): boolean {
    throw NOT_LOADED('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this.set('centerHorizontally', v);
  }
  get orientation(): string {
    throw NOT_LOADED('orientation');
  }
  set orientation(v: string) {
    this.set('orientation', v);
  }
  get paperSize(): string {
    throw NOT_LOADED('paperSize');
  }
  set paperSize(v: string) {
    this.set('paperSize', v);
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    throw NOT_LOADED('zoom');
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set('zoom', v);
  }
  setPrintArea(printArea: string): void {
    this.ctx.enqueue({ op: 'pageLayout.setPrintArea', args: printArea }, () => {
      requireApi(this.ctx.state, '1.9', 'worksheet.pageLayout');
      this.sheet().pageLayout.printArea = rectA1(parseRect(printArea));
    });
  }
}

/* ---------------------------------------------------------------- names */

const NAME_RE = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

function validateName(name: string): void {
  if (!NAME_RE.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: name '${name}'.`);
  }
}

class FakeNamedItemCollection extends FakeProxy implements HostNamedItemCollection {
  protected readonly kind = 'names';
  private itemProxies: FakeNamedItem[] | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly map: () => Map<string, FakeNameRecord>,
    private readonly sheet: (() => SheetState) | null,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    try {
      this.map();
      return true;
    } catch {
      return false;
    }
  }
  protected defaultProps(): string[] {
    return ['items'];
  }
  protected override propKey(): string {
    return 'items';
  }
  /** any load of the collection ('items', 'items/name', 'name, formula' …) snapshots the items */
  protected readProp(): unknown {
    this.itemProxies = undefined;
    return [...this.map().values()].map((n) => ({ ...n }));
  }
  get items(): FakeNamedItem[] {
    const recs = this.read<FakeNameRecord[]>('items');
    this.itemProxies ??= recs.map((r) => new FakeNamedItem(this.ctx, this.map, r.name, false, r));
    return this.itemProxies;
  }
  add(name: string, reference: string, comment?: string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, this.map, name, false);
    this.ctx.enqueue({ op: 'names.add', sheet: undefined, args: { name, reference, comment } }, () => {
      const map = this.map();
      validateName(name);
      if (map.has(name.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `The resource with the specified name or ID already exists: '${name}'.`);
      }
      let formula: string;
      if (reference.startsWith('=')) {
        parseFormula(reference.slice(1));
        formula = reference;
      } else {
        const bang = reference.lastIndexOf('!');
        const sheetPart = bang >= 0 ? reference.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : null;
        const target = sheetPart !== null ? this.ctx.state.requireSheet(sheetPart) : this.sheet?.();
        if (!target) throw new FakeOfficeError('InvalidArgument', `The reference '${reference}' needs a sheet.`);
        const rect = parseRect(bang >= 0 ? reference.slice(bang + 1) : reference);
        formula = `=${quoteSheet(target.name)}!${rectA1(rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
      }
      map.set(name.toLowerCase(), { name, formula, comment: comment ?? '', visible: true, sheet: this.sheet?.().name ?? null });
    });
    return item;
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, this.map, name, true);
  }
}

class FakeNamedItem extends FakeProxy implements HostNamedItem {
  protected readonly kind = 'namedItem';
  constructor(
    ctx: FakeRequestContext,
    private readonly map: () => Map<string, FakeNameRecord>,
    private readonly key: string,
    nullable: boolean,
    private readonly snapshot?: FakeNameRecord,
  ) {
    super(ctx, nullable);
  }
  private rec(): FakeNameRecord | undefined {
    return this.map().get(this.key.toLowerCase());
  }
  protected exists(): boolean {
    return this.rec() !== undefined;
  }
  protected defaultProps(): string[] {
    return ['name', 'formula', 'comment', 'visible', 'value'];
  }
  protected readProp(prop: string): unknown {
    const r = this.rec() as FakeNameRecord;
    return this.propOf(r, prop);
  }
  private propOf(r: FakeNameRecord, prop: string): unknown {
    switch (prop) {
      case 'name':
        return r.name;
      case 'formula':
        return r.formula;
      case 'comment':
        return r.comment;
      case 'visible':
        return r.visible;
      case 'value': {
        const st = this.ctx.state;
        const sheet = st.sheets[0];
        try {
          const v = evalNode(st, sheet, parseFormula(r.formula.slice(1)), new Map(), new Set());
          return Array.isArray(v) ? v[0] : v;
        } catch (e) {
          return e instanceof FormulaError ? e.code : '#REF!';
        }
      }
      default:
        throw new FakeOfficeError('InvalidArgument', `unknown property ${prop}`);
    }
  }
  private get_(prop: string): unknown {
    if (this.snapshot) return this.propOf(this.snapshot, prop);
    return this.read(prop);
  }
  get name(): string {
    return this.get_('name') as string;
  }
  get formula(): unknown {
    return this.get_('formula');
  }
  set formula(v: unknown) {
    this.command('formula', v, () => {
      const s = String(v);
      parseFormula(s.replace(/^=/, ''));
      (this.rec() as FakeNameRecord).formula = s.startsWith('=') ? s : `=${s}`;
    });
  }
  get comment(): string {
    return this.get_('comment') as string;
  }
  set comment(v: string) {
    this.command('comment', v, () => {
      (this.rec() as FakeNameRecord).comment = v;
    });
  }
  get visible(): boolean {
    return this.get_('visible') as boolean;
  }
  set visible(v: boolean) {
    this.command('visible', v, () => {
      (this.rec() as FakeNameRecord).visible = v;
    });
  }
  delete(): void {
    this.command('delete', undefined, () => {
      this.map().delete(this.key.toLowerCase());
    });
  }
}

/* ---------------------------------------------------------------- charts */

/** the chart types the fake knows (office.js ChartType values; others fail as Excel fails on 'Invalid') */
const CHART_TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'BarStacked100',
  'Line',
  'LineMarkers',
  'LineStacked',
  'Pie',
  'PieExploded',
  'Doughnut',
  'Area',
  'AreaStacked',
  'XYScatter',
  'Radar',
]);
const SERIES_BY = ['Auto', 'Columns', 'Rows'];

/**
 * A chart's data as Excel lays out a source range: series in columns ('Columns', or 'Auto' when the
 * range is at least as tall as wide) or in rows; the first column (row) is the categories when its
 * cells hold text; a first row (column) of text over the series is their names.
 */
function chartSeries(wb: FakeWorkbook, sheet: SheetState, c: ChartState): { categories: FakeScalar[]; series: FakeScalar[][]; headers: (string | null)[] } {
  const r = c.source;
  const rows = r.r1 - r.r0 + 1;
  const cols = r.c1 - r.c0 + 1;
  const byColumns = c.seriesBy === 'Columns' || (c.seriesBy === 'Auto' && rows >= cols);
  // the block as lines (one line a potential series) of cells
  const value = (i: number, j: number) => wb.cell(sheet, r.r0 + i, r.c0 + j, false)?.value ?? '';
  const lines: FakeScalar[][] = byColumns
    ? Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => value(i, j)))
    : Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => value(i, j)));
  const isText = (v: FakeScalar) => typeof v === 'string' && v !== '';
  const hasCategories = lines.length > 1 && lines[0].some(isText);
  const valueLines = hasCategories ? lines.slice(1) : lines;
  const hasHeaders = valueLines.length > 0 && valueLines.every((l) => isText(l[0])) && lines[0].length > 1;
  const at = hasHeaders ? 1 : 0;
  return {
    categories: hasCategories ? lines[0].slice(at) : Array.from({ length: lines[0]?.length - at || 0 }, (_, i) => i + 1),
    series: valueLines.map((l) => l.slice(at)),
    headers: valueLines.map((l) => (hasHeaders ? String(l[0]) : null)),
  };
}

class FakeChartCollection extends FakeProxy implements HostChartCollection {
  protected readonly kind = 'charts';
  private itemProxies: FakeChart[] | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    try {
      this.sheet();
      return true;
    } catch {
      return false;
    }
  }
  protected defaultProps(): string[] {
    return ['items'];
  }
  protected override propKey(): string {
    return 'items';
  }
  /** any load of the collection ('items', 'items/name' …) snapshots the charts (by id) */
  protected readProp(): unknown {
    requireApi(this.ctx.state, '1.1', 'worksheet.charts');
    this.itemProxies = undefined;
    return this.sheet().charts.map((c) => ({ id: c.id, name: c.name }));
  }
  get items(): FakeChart[] {
    const recs = this.read<{ id: string; name: string }[]>('items');
    this.itemProxies ??= recs.map((r) => new FakeChart(this.ctx, this.sheet, () => this.sheet().charts.find((c) => c.id === r.id), r.name));
    return this.itemProxies;
  }
  add(type: string, sourceData: HostRange, seriesBy?: string): FakeChart {
    let added: ChartState | undefined;
    const chart = new FakeChart(this.ctx, this.sheet, () => added);
    this.ctx.enqueue({ op: 'charts.add', sheet: undefined, args: { type, seriesBy } }, () => {
      requireApi(this.ctx.state, '1.1', 'worksheet.charts');
      const sheet = this.sheet();
      if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: chart type '${type}'.`);
      const by = seriesBy ?? 'Auto';
      if (!SERIES_BY.includes(by)) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: seriesBy '${by}'.`);
      if (!(sourceData instanceof FakeRange) || !sourceData.inContext(this.ctx)) {
        throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing: sourceData must be a range of this request context.');
      }
      // the range must exist (a bad address fails here) and be on the chart's own sheet
      const rect = sourceData.rect();
      if (sourceData.sheetOf() !== sheet) {
        throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: sourceData is on '${sourceData.sheetOf().name}', not on '${sheet.name}'.`);
      }
      const st = this.ctx.state;
      added = {
        id: `{C4A70000-0000-4000-8000-${String(st.sheets.reduce((n, s) => n + s.charts.length, 0) + 1).padStart(12, '0')}}`,
        name: `图表 ${sheet.charts.length + 1}`,
        type,
        source: rect,
        seriesBy: by,
        title: '',
        seriesNames: new Map(),
        legend: { position: 'Right', visible: true },
        showValues: false,
        reversed: false,
        position: null,
        ...DEFAULT_CHART_SIZE,
      };
      // a chart's series come from its header row when it has one
      chartSeries(st, sheet, added).headers.forEach((h, i) => h !== null && added!.seriesNames.set(i, h));
      sheet.charts.push(added);
    });
    return chart;
  }
}

class FakeChart extends FakeProxy implements HostChart {
  protected readonly kind = 'chart';
  readonly title: { text: string };
  readonly legend: { position: string; visible: boolean };
  readonly dataLabels: { showValue: boolean };
  readonly series: { getItemAt(index: number): HostChartSeries };
  readonly axes: { readonly categoryAxis: { reversePlotOrder: boolean } };
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
    private readonly state: () => ChartState | undefined,
    private readonly snapshotName?: string,
  ) {
    super(ctx);
    const set = (op: string, v: unknown, f: (c: ChartState) => void) => this.command(op, v, () => f(this.chart()));
    const seriesCount = (c: ChartState) => chartSeries(this.ctx.state, this.sheet(), c).series.length;
    const unreadable = (prop: string): never => {
      throw NOT_LOADED(prop);
    };
    this.title = {
      get text() {
        return unreadable('title/text');
      },
      set text(v: string) {
        set('title.text', v, (c) => (c.title = String(v)));
      },
    };
    this.legend = {
      get position() {
        return unreadable('legend/position');
      },
      set position(v: string) {
        set('legend.position', v, (c) => {
          checkEnum(v, ['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom']);
          c.legend.position = v;
        });
      },
      get visible() {
        return unreadable('legend/visible');
      },
      set visible(v: boolean) {
        set('legend.visible', v, (c) => (c.legend.visible = v === true));
      },
    };
    this.dataLabels = {
      get showValue() {
        return unreadable('dataLabels/showValue');
      },
      set showValue(v: boolean) {
        set('dataLabels.showValue', v, (c) => (c.showValues = v === true));
      },
    };
    const categoryAxis = {
      get reversePlotOrder(): boolean {
        return unreadable('axes/categoryAxis/reversePlotOrder');
      },
      set reversePlotOrder(v: boolean) {
        set('axes.categoryAxis.reversePlotOrder', v, (c) => {
          requireApi(ctx.state, '1.7', 'chart.axes.categoryAxis.reversePlotOrder');
          c.reversed = v === true;
        });
      },
    };
    this.axes = { categoryAxis };
    this.series = {
      getItemAt(index: number): HostChartSeries {
        return {
          get name(): string {
            return unreadable('series/name');
          },
          set name(v: string) {
            set('series.name', { index, name: v }, (c) => {
              const count = seriesCount(c);
              if (!Number.isInteger(index) || index < 0 || index >= count) {
                throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: series ${index} (the chart has ${count}).`);
              }
              c.seriesNames.set(index, String(v));
            });
          },
        };
      },
    };
  }
  chart(): ChartState {
    const c = this.state();
    if (!c) throw this.notFound();
    return c;
  }
  protected exists(): boolean {
    try {
      return this.state() !== undefined && this.sheet().charts.includes(this.state()!);
    } catch {
      return false;
    }
  }
  protected defaultProps(): string[] {
    return ['name', 'width', 'height'];
  }
  protected readProp(prop: string): unknown {
    const c = this.chart();
    switch (prop) {
      case 'name':
        return c.name;
      case 'width':
        return c.width;
      case 'height':
        return c.height;
      case 'id':
        return c.id;
      default:
        throw new FakeOfficeError('InvalidArgument', `The fake does not model chart property '${prop}'.`);
    }
  }
  protected override describe(): { sheet?: string } {
    try {
      return { sheet: this.sheet().name };
    } catch {
      return {};
    }
  }
  get name(): string {
    return this.snapshotName ?? this.read<string>('name');
  }
  set name(v: string) {
    this.command('name', v, () => {
      const c = this.chart();
      if (!v || v.length > 255) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: chart name '${v}'.`);
      if (this.sheet().charts.some((o) => o !== c && o.name.toLowerCase() === v.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `The resource with the specified name or ID already exists: chart '${v}'.`);
      }
      c.name = v;
    });
  }
  get width(): number {
    return this.read<number>('width');
  }
  set width(v: number) {
    this.command('width', v, () => {
      if (!(typeof v === 'number' && v > 0)) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: width ${v}.`);
      this.chart().width = v;
    });
  }
  get height(): number {
    return this.read<number>('height');
  }
  set height(v: number) {
    this.command('height', v, () => {
      if (!(typeof v === 'number' && v > 0)) throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing: height ${v}.`);
      this.chart().height = v;
    });
  }
  setPosition(startCell: HostRange | string, endCell?: HostRange | string): void {
    this.command('setPosition', { startCell: typeof startCell === 'string' ? startCell : 'range', endCell: typeof endCell === 'string' ? endCell : undefined }, () => {
      const where = (cell: HostRange | string): Rect => (typeof cell === 'string' ? parseRect(cell) : (cell as FakeRange).rect());
      const tl = where(startCell);
      const c = this.chart();
      c.position = cellA1(tl.r0, tl.c0);
      if (endCell !== undefined) {
        const br = where(endCell);
        c.width = (br.c1 - tl.c0 + 1) * DEFAULT_COL_WIDTH;
        c.height = (br.r1 - tl.r0 + 1) * DEFAULT_ROW_HEIGHT;
      }
    });
  }
  delete(): void {
    this.command('delete', undefined, () => {
      const list = this.sheet().charts;
      list.splice(list.indexOf(this.chart()), 1);
    });
  }
}

/* ---------------------------------------------------------------- ranges */

class FakeRange extends FakeProxy implements HostRange {
  protected readonly kind = 'range';
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  private wsProxy: FakeWorksheet | undefined;

  constructor(
    ctx: FakeRequestContext,
    readonly sheetOf: () => SheetState,
    private readonly rectOf: () => Rect | null,
    nullable: boolean,
    private readonly label?: string,
  ) {
    super(ctx, nullable);
    this.format = new FakeRangeFormat(ctx, this);
    this.dataValidation = new FakeDataValidation(ctx, this);
  }

  rect(): Rect {
    const r = this.rectOf();
    if (!r) throw this.notFound();
    return r;
  }

  protected exists(): boolean {
    return this.rectOf() !== null;
  }

  protected override describe(): { sheet?: string; address?: string } {
    try {
      const r = this.rectOf();
      return { sheet: this.sheetOf().name, address: r ? rectA1(r) : this.label };
    } catch {
      return { address: this.label };
    }
  }

  protected defaultProps(): string[] {
    return ['address', 'values', 'formulas', 'numberFormat', 'text', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
  }

  /** the cells of the range, row by row (throws on whole-column/row ranges of values) */
  private matrix<T>(f: (cell: CellState | undefined, r: number, c: number) => T): T[][] {
    const rect = this.rect();
    if (cellCount(rect) > 5_000_000) throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', 'The range is too large.');
    const sheet = this.sheetOf();
    const out: T[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: T[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(f(this.ctx.state.cell(sheet, r, c, false), r, c));
      out.push(row);
    }
    return out;
  }

  protected readProp(prop: string): unknown {
    const rect = this.rect();
    switch (prop) {
      case 'address':
        return `${quoteSheet(this.sheetOf().name)}!${rectA1(rect)}`;
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'rowCount':
        return rect.r1 - rect.r0 + 1;
      case 'columnCount':
        return rect.c1 - rect.c0 + 1;
      case 'values':
        return this.matrix((c) => c?.value ?? '');
      case 'formulas':
        // office.js returns the formula, else the constant (a quote-prefixed text without its apostrophe)
        return this.matrix((c) => (c ? (c.formula ?? c.value) : ''));
      case 'numberFormat':
        return this.matrix((c) => c?.numberFormat ?? 'General');
      case 'text':
        return this.matrix((c) => (c ? displayText(c) : ''));
      case 'worksheet':
        return this.sheetOf().name;
      default:
        throw new FakeOfficeError('InvalidArgument', `The fake does not model range property '${prop}'.`);
    }
  }

  get address(): string {
    return this.read<string>('address');
  }
  get rowIndex(): number {
    return this.read<number>('rowIndex');
  }
  get columnIndex(): number {
    return this.read<number>('columnIndex');
  }
  get rowCount(): number {
    return this.read<number>('rowCount');
  }
  get columnCount(): number {
    return this.read<number>('columnCount');
  }
  get values(): unknown[][] {
    return this.read<unknown[][]>('values');
  }
  set values(v: unknown[][]) {
    this.writeMatrix('values', v);
  }
  get formulas(): unknown[][] {
    return this.read<unknown[][]>('formulas');
  }
  set formulas(v: unknown[][]) {
    this.writeMatrix('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this.read<unknown[][]>('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.writeMatrix('numberFormat', v);
  }
  get text(): string[][] {
    return this.read<string[][]>('text');
  }

  get worksheet(): FakeWorksheet {
    this.wsProxy ??= new FakeWorksheet(this.ctx, () => this.sheetOf());
    return this.wsProxy;
  }

  /** fail when the sheet is protected and the range holds a locked cell */
  assertEditable(what: 'content' | 'format' | 'columns' | 'rows'): void {
    const sheet = this.sheetOf();
    const p = sheet.protection;
    if (!p.protected) return;
    if (what === 'format' && p.options.allowFormatCells) return;
    if (what === 'columns' && p.options.allowFormatColumns) return;
    if (what === 'rows' && p.options.allowFormatRows) return;
    const rect = this.rect();
    if (what === 'content' && cellCount(rect) <= 1_000_000) {
      let allUnlocked = true;
      for (let r = rect.r0; r <= rect.r1 && allUnlocked; r++)
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = this.ctx.state.cell(sheet, r, c, false);
          if (!cell || cell.locked) {
            allUnlocked = false;
            break;
          }
        }
      if (allUnlocked) return;
    }
    throw new FakeOfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}!${rectA1(rect)}).`);
  }

  private writeMatrix(prop: 'values' | 'formulas' | 'numberFormat', v: unknown[][]): void {
    this.command(prop, v, () => {
      const rect = this.rect();
      const rows = rect.r1 - rect.r0 + 1;
      const cols = rect.c1 - rect.c0 + 1;
      if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new FakeOfficeError(
          'InvalidArgument',
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
        );
      }
      this.assertEditable('content');
      const sheet = this.sheetOf();
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const input = v[i][j];
          if (input === null || input === undefined) continue;
          const r = rect.r0 + i;
          const c = rect.c0 + j;
          const merged = sheet.merges.find((m) => contains(m, r, c));
          if (prop !== 'numberFormat' && merged && (merged.r0 !== r || merged.c0 !== c) && input !== '') {
            throw new FakeOfficeError('InvalidOperation', `Cannot change part of a merged cell (${cellA1(r, c)}).`);
          }
          const cell = this.ctx.state.cell(sheet, r, c, true) as CellState;
          if (prop === 'numberFormat') cell.numberFormat = String(input);
          else applyInput(cell, input);
          this.ctx.state.dirty = true;
        }
      if (prop !== 'numberFormat') this.ctx.state.emitChanged(sheet.name, rectA1(rect));
    });
  }

  /** apply f to every cell of the range (format writes) */
  eachCell(f: (cell: CellState, r: number, c: number, rect: Rect) => void): void {
    const rect = this.rect();
    if (cellCount(rect) > 1_000_000) {
      throw new FakeOfficeError('InvalidArgument', 'The fake does not format whole rows or columns cell by cell.');
    }
    const sheet = this.sheetOf();
    for (let r = rect.r0; r <= rect.r1; r++)
      for (let c = rect.c0; c <= rect.c1; c++) f(this.ctx.state.cell(sheet, r, c, true) as CellState, r, c, rect);
  }

  /** apply f to every cell of the range without creating cells (reads) */
  eachCellRead(f: (cell: CellState | undefined) => void): void {
    const rect = this.rect();
    const sheet = this.sheetOf();
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) f(this.ctx.state.cell(sheet, r, c, false));
  }

  merge(across?: boolean): void {
    this.command('merge', { across: across ?? false }, () => {
      this.assertEditable('format');
      const rect = this.rect();
      const sheet = this.sheetOf();
      const parts: Rect[] = across
        ? Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => ({ r0: rect.r0 + i, r1: rect.r0 + i, c0: rect.c0, c1: rect.c1 }))
        : [rect];
      for (const part of parts) {
        if (cellCount(part) < 2) continue;
        // Excel keeps the top-left value and clears the others
        sheet.merges = sheet.merges.filter((m) => !overlaps(m, part));
        for (let r = part.r0; r <= part.r1; r++)
          for (let c = part.c0; c <= part.c1; c++) {
            if (r === part.r0 && c === part.c0) continue;
            const cell = this.ctx.state.cell(sheet, r, c, false);
            if (cell) {
              cell.value = '';
              cell.formula = null;
            }
          }
        sheet.merges.push(part);
      }
      this.ctx.state.dirty = true;
    });
  }

  unmerge(): void {
    this.command('unmerge', undefined, () => {
      this.assertEditable('format');
      const rect = this.rect();
      const sheet = this.sheetOf();
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, rect));
    });
  }

  clear(applyTo?: string): void {
    this.command('clear', applyTo ?? 'All', () => {
      const what = applyTo ?? 'All';
      const contents = what === 'All' || what === 'Contents';
      const formats = what === 'All' || what === 'Formats';
      this.assertEditable(contents ? 'content' : 'format');
      const rect = this.rect();
      const sheet = this.sheetOf();
      for (const [key, cell] of [...sheet.cells]) {
        const [r, c] = key.split(',').map(Number);
        if (!contains(rect, r, c)) continue;
        if (contents) {
          cell.value = '';
          cell.formula = null;
          cell.quotePrefix = false;
        }
        if (formats) {
          const fresh = newCell();
          fresh.value = cell.value;
          fresh.formula = cell.formula;
          sheet.cells.set(key, fresh);
        }
      }
      if (formats) sheet.merges = sheet.merges.filter((m) => !overlaps(m, rect));
      this.ctx.state.dirty = true;
    });
  }

  select(): void {
    this.command('select', undefined, () => {
      const sheet = this.sheetOf();
      const st = this.ctx.state;
      if (sheet.name !== st.activeSheetName) {
        throw new FakeOfficeError(
          'InvalidSelection',
          `The current selection is invalid for this operation: ${sheet.name} is not the active sheet (activate it first).`,
        );
      }
      sheet.selection = rectA1(this.rect());
    });
  }
}

class FakeRangeFormat implements HostRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: { getItem(index: string): HostRangeBorder };
  readonly protection: { locked: boolean };

  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    this.fill = new FakeRangeFill(ctx, range);
    this.font = new FakeRangeFont(ctx, range);
    this.borders = { getItem: (index: string) => new FakeBorder(ctx, range, index) };
    const cellCommand = this.cellCommand.bind(this);
    this.protection = {
      get locked(): boolean {
        throw NOT_LOADED('locked');
      },
      set locked(v: boolean) {
        cellCommand('protection.locked', v, (cell) => {
          cell.locked = v;
        });
      },
    };
  }

  cellCommand(op: string, v: unknown, f: (cell: CellState) => void, what: 'format' | 'columns' | 'rows' = 'format'): void {
    this.ctx.enqueue({ op: `format.${op}`, ...rangeDesc(this.range), args: v }, () => {
      this.range.assertEditable(what === 'format' && op === 'protection.locked' ? 'format' : what);
      this.range.eachCell((cell) => f(cell));
    });
  }

  load(): this {
    throw new FakeOfficeError('InvalidArgument', 'The fake loads format properties through format.fill.load(…) only.');
  }

  get columnWidth(): number {
    throw NOT_LOADED('columnWidth');
  }
  set columnWidth(v: number) {
    this.ctx.enqueue({ op: 'format.columnWidth', ...rangeDesc(this.range), args: v }, () => {
      this.range.assertEditable('columns');
      const rect = this.range.rect();
      if (!(v >= 0 && v <= 255 * 7.5)) throw new FakeOfficeError('InvalidArgument', `columnWidth ${v}`);
      for (let c = rect.c0; c <= rect.c1; c++) this.range.sheetOf().colWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    throw NOT_LOADED('rowHeight');
  }
  set rowHeight(v: number) {
    this.ctx.enqueue({ op: 'format.rowHeight', ...rangeDesc(this.range), args: v }, () => {
      this.range.assertEditable('rows');
      const rect = this.range.rect();
      if (!(v >= 0 && v <= 409)) throw new FakeOfficeError('InvalidArgument', `rowHeight ${v}`);
      for (let r = rect.r0; r <= rect.r1; r++) this.range.sheetOf().rowHeights.set(r, v);
    });
  }
  get wrapText(): boolean {
    throw NOT_LOADED('wrapText');
  }
  set wrapText(v: boolean) {
    this.cellCommand('wrapText', v, (c) => {
      c.wrapText = v;
    });
  }
  get horizontalAlignment(): string {
    throw NOT_LOADED('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    checkEnum(v, ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed']);
    this.cellCommand('horizontalAlignment', v, (c) => {
      c.horizontalAlignment = v;
    });
  }
  get verticalAlignment(): string {
    throw NOT_LOADED('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    checkEnum(v, ['Top', 'Center', 'Bottom', 'Justify', 'Distributed']);
    this.cellCommand('verticalAlignment', v, (c) => {
      c.verticalAlignment = v;
    });
  }
}

function checkEnum(v: string, allowed: string[]): void {
  if (!allowed.includes(v)) throw new FakeOfficeError('InvalidArgument', `The argument is invalid: '${v}'.`);
}

function rangeDesc(range: FakeRange): { sheet?: string; address?: string } {
  try {
    return { sheet: range.sheetOf().name, address: rectA1(range.rect()) };
  } catch {
    return {};
  }
}

class FakeRangeFill extends FakeProxy implements HostRangeFill {
  protected readonly kind = 'fill';
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected exists(): boolean {
    return true;
  }
  protected defaultProps(): string[] {
    return ['color'];
  }
  protected readProp(prop: string): unknown {
    if (prop !== 'color') throw new FakeOfficeError('InvalidArgument', `unknown property ${prop}`);
    // office.js: '#FFFFFF' for no fill, null when the cells differ
    const colors = new Set<string>();
    this.range.eachCellRead((cell) => colors.add(cell?.fill ?? '#FFFFFF'));
    return colors.size === 1 ? [...colors][0] : null;
  }
  protected override describe(): { sheet?: string; address?: string } {
    return rangeDesc(this.range);
  }
  get color(): string {
    return this.read<string>('color');
  }
  set color(v: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(v) && !/^[A-Za-z]+$/.test(v)) throw new FakeOfficeError('InvalidArgument', `color ${v}`);
    this.command('color', v, () => {
      this.range.assertEditable('format');
      this.range.eachCell((cell) => {
        cell.fill = v.toUpperCase();
      });
    });
  }
  clear(): void {
    this.command('clear', undefined, () => {
      this.range.assertEditable('format');
      this.range.eachCell((cell) => {
        cell.fill = null;
      });
    });
  }
}

class FakeRangeFont implements HostRangeFont {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}
  private set_(op: 'fontName' | 'bold' | 'italic' | 'fontSize' | 'fontColor', v: boolean | number | string): void {
    this.range.format.cellCommand(`font.${op}`, v, (cell) => {
      (cell as unknown as Record<string, unknown>)[op] = v;
    });
  }
  get name(): string {
    throw NOT_LOADED('name');
  }
  set name(v: string) {
    if (v.trim() === '') throw new FakeOfficeError('InvalidArgument', 'font name');
    this.set_('fontName', v);
  }
  get bold(): boolean {
    throw NOT_LOADED('bold');
  }
  set bold(v: boolean) {
    this.set_('bold', v);
  }
  get italic(): boolean {
    throw NOT_LOADED('italic');
  }
  set italic(v: boolean) {
    this.set_('italic', v);
  }
  get size(): number {
    throw NOT_LOADED('size');
  }
  set size(v: number) {
    this.set_('fontSize', v);
  }
  get color(): string {
    throw NOT_LOADED('color');
  }
  set color(v: string) {
    this.set_('fontColor', v);
  }
}

class FakeBorder implements HostRangeBorder {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
    private readonly index: string,
  ) {
    checkEnum(index, ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp']);
  }
  private apply(prop: string, v: string): void {
    this.range.format.cellCommand(`borders.${this.index}.${prop}`, v, () => undefined);
    // the cellCommand above checks protection; the edges are set here, in the same queue order
    this.ctx.enqueue({ op: 'borders.apply', ...rangeDesc(this.range), args: { index: this.index, prop, v } }, () => {
      if (prop !== 'style') return;
      const style = v === 'None' ? null : v;
      this.range.eachCell((cell, r, c, rect) => {
        const b = cell.borders;
        switch (this.index) {
          case 'EdgeTop':
            if (r === rect.r0) b.top = style;
            break;
          case 'EdgeBottom':
            if (r === rect.r1) b.bottom = style;
            break;
          case 'EdgeLeft':
            if (c === rect.c0) b.left = style;
            break;
          case 'EdgeRight':
            if (c === rect.c1) b.right = style;
            break;
          case 'InsideHorizontal':
            if (r > rect.r0) b.top = style;
            if (r < rect.r1) b.bottom = style;
            break;
          case 'InsideVertical':
            if (c > rect.c0) b.left = style;
            if (c < rect.c1) b.right = style;
            break;
        }
      });
    });
  }
  get style(): string {
    throw NOT_LOADED('style');
  }
  set style(v: string) {
    checkEnum(v, ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot']);
    this.apply('style', v);
  }
  get weight(): string {
    throw NOT_LOADED('weight');
  }
  set weight(v: string) {
    checkEnum(v, ['Hairline', 'Thin', 'Medium', 'Thick']);
    this.apply('weight', v);
  }
  get color(): string {
    throw NOT_LOADED('color');
  }
  set color(v: string) {
    this.apply('color', v);
  }
}

class FakeDataValidation implements HostDataValidation {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}
  private upsert(f: (rec: FakeValidationRecord) => void, op: string, v: unknown): void {
    this.ctx.enqueue({ op: `dataValidation.${op}`, ...rangeDesc(this.range), args: v }, () => {
      this.range.assertEditable('format');
      const rect = this.range.rect();
      const sheet = this.range.sheetOf();
      let entry = sheet.validations.find((x) => x.rect.r0 === rect.r0 && x.rect.c0 === rect.c0 && x.rect.r1 === rect.r1 && x.rect.c1 === rect.c1);
      if (!entry) {
        if (op === 'rule' && sheet.validations.some((x) => overlaps(x.rect, rect))) {
          throw new FakeOfficeError('InvalidOperation', 'The range already has a different data validation rule; clear it first.');
        }
        entry = { rect, record: { range: rectA1(rect), rule: {} } };
        sheet.validations.push(entry);
      }
      f(entry.record);
    });
  }
  get rule(): HostDataValidationRule {
    throw NOT_LOADED('rule');
  }
  set rule(v: HostDataValidationRule) {
    const keys = Object.keys(v);
    if (keys.length !== 1) throw new FakeOfficeError('InvalidArgument', 'A data validation rule has exactly one type.');
    this.upsert((rec) => {
      rec.rule = JSON.parse(JSON.stringify(v)) as HostDataValidationRule;
    }, 'rule', v);
  }
  get prompt(): { showPrompt: boolean; title: string; message: string } {
    throw NOT_LOADED('prompt');
  }
  set prompt(v: { showPrompt: boolean; title: string; message: string }) {
    if (v.title.length > 32 || v.message.length > 255) throw new FakeOfficeError('InvalidArgument', 'prompt too long');
    this.upsert((rec) => {
      rec.prompt = { ...v };
    }, 'prompt', v);
  }
  get errorAlert(): { showAlert: boolean; style: string; title: string; message: string } {
    throw NOT_LOADED('errorAlert');
  }
  set errorAlert(v: { showAlert: boolean; style: string; title: string; message: string }) {
    if (v.title.length > 32 || v.message.length > 225) throw new FakeOfficeError('InvalidArgument', 'error alert too long');
    this.upsert((rec) => {
      rec.errorAlert = { ...v };
    }, 'errorAlert', v);
  }
  get ignoreBlanks(): boolean {
    throw NOT_LOADED('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean) {
    this.upsert(() => undefined, 'ignoreBlanks', v);
  }
  clear(): void {
    this.ctx.enqueue({ op: 'dataValidation.clear', ...rangeDesc(this.range) }, () => {
      this.range.assertEditable('format');
      const rect = this.range.rect();
      const sheet = this.range.sheetOf();
      sheet.validations = sheet.validations.filter((x) => !overlaps(x.rect, rect));
    });
  }
}

/* ================================================================== Excel / Office globals */

export interface FakeExcelGlobal extends ExcelHost {
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  /** a batch in the context of an earlier run (e.g. to remove an event handler) */
  run<T>(context: object, batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
}

export interface FakeOfficeGlobal {
  onReady(
    callback?: (info: { host: string | null; platform: string | null }) => void,
  ): Promise<{ host: string | null; platform: string | null }>;
  HostType: { Excel: 'Excel' };
  PlatformType: { OfficeOnline: 'OfficeOnline'; PC: 'PC' };
  context: {
    displayLanguage: string;
    host: string;
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  actions: { associate(name: string, handler: (...args: unknown[]) => unknown): void };
}

export interface FakeOfficeHandle {
  /** the workbook state: accessors for assertions and simulated user edits */
  workbook: FakeWorkbook;
  Excel: FakeExcelGlobal;
  Office: FakeOfficeGlobal;
  /** functions registered with Office.actions.associate (ribbon commands) */
  actions: Map<string, (...args: unknown[]) => unknown>;
}

/** The fake `Excel` namespace over a workbook state. */
export function createFakeExcel(workbook: FakeWorkbook): FakeExcelGlobal {
  return {
    async run<T>(
      first: ((context: FakeRequestContext) => Promise<T>) | object,
      second?: (context: FakeRequestContext) => Promise<T>,
    ): Promise<T> {
      workbook.runCount++;
      const batch = (typeof first === 'function' ? first : second) as (context: FakeRequestContext) => Promise<T>;
      if (typeof batch !== 'function') throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function.');
      const ctx = first instanceof FakeRequestContext ? first : new FakeRequestContext(workbook);
      const result = await batch(ctx);
      // Excel.run flushes commands still queued when the batch resolves
      if (ctx.pending > 0) await ctx.sync();
      return result;
    },
  };
}

/** A workbook state with its `Excel` and `Office` objects, not installed anywhere. */
export function createFakeOffice(options: FakeOfficeOptions = {}): FakeOfficeHandle {
  const workbook = new FakeWorkbook(options);
  const actions = new Map<string, (...args: unknown[]) => unknown>();
  const info = options.host === null ? { host: null, platform: null } : { host: 'Excel', platform: 'OfficeOnline' };
  const office: FakeOfficeGlobal = {
    onReady(callback) {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC' },
    context: {
      displayLanguage: options.displayLanguage ?? 'zh-CN',
      host: 'Excel',
      requirements: { isSetSupported: (name, minVersion) => workbook.isSetSupported(name, minVersion) },
    },
    actions: {
      associate(name, handler) {
        actions.set(name, handler);
      },
    },
  };
  return { workbook, Excel: createFakeExcel(workbook), Office: office, actions };
}

/**
 * Define `Office` and `Excel` on a global object (a browser `window`, or `globalThis` in a test)
 * and return the handle. The handle is also put on `globalObject[options.exposeAs ?? '__fakeOffice']`
 * so that a test driving a browser page can read the workbook state
 * (`window.__fakeOffice.workbook.getValue('表格', 'B4')`).
 */
export function installFakeOffice(globalObject: object, options: FakeOfficeOptions = {}): FakeOfficeHandle {
  const handle = createFakeOffice(options);
  const g = globalObject as Record<string, unknown>;
  g.Office = handle.Office;
  g.Excel = handle.Excel;
  if (options.exposeAs !== false) g[options.exposeAs ?? '__fakeOffice'] = handle;
  return handle;
}
