/**
 * A small typed fake of the WPS 表格 (ET) object model: the subset WpsWorkbook uses
 * (src/workbook/wps/host.ts), with the behaviour that matters to a port over it:
 *
 * - synchronous and 1-based: `Worksheets.Item(0)`, an index past Count, a name that does not
 *   exist, `Names.Item` of a missing name all throw, as ET does;
 * - `Range(address)` throws on anything that is not an A1 cell, range, column or row range;
 * - `Value2` / `Formula` read a scalar for one cell and a 2-D array for more; written, a scalar
 *   fills the range, a 2-D array must have the range's shape and a 1-D array is refused (the
 *   fake is stricter than ET, which pads with #N/A or cuts: a port must never rely on that);
 * - strings are taken as typed: '=…' a formula (SUM, IF, + - * / & evaluated with core's
 *   evaluator), '123' a number, 'TRUE' a boolean, "'…" text (the apostrophe is not kept);
 * - a sheet name with [ ] : * ? / \, longer than 31 characters, empty, or taken (any case) throws;
 * - `Select()` on a range of a sheet that is not active throws; locked cells of a protected sheet
 *   refuse values; values or Clear on part of a merged area throw; adding validation where there
 *   is some throws;
 * - every property read and write and every method call is recorded (`handle.calls()`), and
 *   'SheetChange' listeners (Application.ApiEvent) are called for every write of values,
 *   formulas or Clear, and for a simulated user edit (`handle.userEdit`).
 *
 * Plain TypeScript without jest: bundled for Chromium by the e2e tests, where
 * `installFakeWps(window, options)` defines `window.Application` and `window.wps`.
 */
import { colIndex, colLetters } from '../../src/core/grid';
import { cellA1, MAX_COLS, MAX_ROWS, NUMBER_RE, type Rect } from './a1';
import type { CellValue } from '../../src/core/grid';
import { evaluateFormula } from '../../src/core/layout/formula';
import type {
  WpsApiEvent,
  WpsApplication,
  WpsBorder,
  WpsBorders,
  WpsCount,
  WpsFont,
  WpsInterior,
  WpsName,
  WpsNames,
  WpsPageSetup,
  WpsRange,
  WpsSheetChangeHandler,
  WpsSheets,
  WpsValidation,
  WpsWorkbook,
  WpsWorksheet,
} from '../../src/workbook/wps/host';

/* ================================================================== public types */

export type WpsFakeScalar = string | number | boolean;

export interface WpsFakeSheetInit {
  name: string;
  /** A1 → value as typed ('=…' a formula, "'…" text) */
  cells?: Record<string, WpsFakeScalar>;
  /** A1 → '#RRGGBB' */
  fills?: Record<string, string>;
}

export interface WpsFakeOptions {
  /** initial sheets (default one empty sheet 'Sheet1') */
  sheets?: WpsFakeSheetInit[];
  /** the active sheet (default the first) */
  activeSheet?: string;
  /** the workbook's name (default '工作簿1') */
  workbookName?: string;
  /** leave Application.ApiEvent out (a host without events) */
  noApiEvent?: boolean;
}

export interface WpsInstallOptions extends WpsFakeOptions {
  /** property under which installFakeWps exposes the handle (default '__fakeWps'; false: none) */
  exposeAs?: string | false;
}

/** One recorded access: 'Range.Value2=' (write), 'Range.Value2' (read), 'Range.Merge()' … */
export interface WpsFakeCall {
  op: string;
  sheet?: string;
  address?: string;
}

export interface WpsFakeEvent {
  event: 'SheetChange';
  sheet: string;
  address: string;
  /** 'api': a write through the object model; 'user': handle.userEdit */
  source: 'api' | 'user';
  /** listeners called */
  listeners: number;
}

export interface WpsFakeBorderSnapshot {
  top: boolean;
  bottom: boolean;
  left: boolean;
  right: boolean;
}

/** A plain, JSON-friendly copy of one cell. */
export interface WpsFakeCellSnapshot {
  value: WpsFakeScalar | null;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  fontName: string;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  horizontalAlignment: number;
  verticalAlignment: number;
  wrapText: boolean;
  locked: boolean;
  borders: WpsFakeBorderSnapshot;
}

export interface WpsFakeNameRecord {
  name: string;
  refersTo: string;
  visible: boolean;
  /** the sheet of a sheet-scoped name, null for a workbook name */
  sheet: string | null;
}

export interface WpsFakeValidationRecord {
  range: string;
  type: number;
  operator: number | null;
  formula1: string | number | null;
  formula2: string | number | null;
  inputTitle: string;
  inputMessage: string;
}

/** What ET throws: a COM-style error with an HRESULT-like number. */
export class WpsFakeError extends Error {
  constructor(
    message: string,
    public readonly number: number = -2146827284,
  ) {
    super(message);
    this.name = 'WpsFakeError';
  }
}

/* ================================================================== addresses */

function rectA1(rect: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  if (rect.r0 === 0 && rect.r1 === MAX_ROWS - 1) return `${d}${colLetters(rect.c0)}:${d}${colLetters(rect.c1)}`;
  if (rect.c0 === 0 && rect.c1 === MAX_COLS - 1) return `${d}${rect.r0 + 1}:${d}${rect.r1 + 1}`;
  const cell = (r: number, c: number): string => `${d}${colLetters(c)}${d}${r + 1}`;
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? cell(rect.r0, rect.c0) : `${cell(rect.r0, rect.c0)}:${cell(rect.r1, rect.c1)}`;
}

/** 'A1', '$B$2:C3', 'B:D', '3:5' → rectangle (0-based, inclusive); throws like ET on anything else. */
export function parseWpsAddress(address: string): Rect {
  const bad = (): WpsFakeError => new WpsFakeError(`Range: invalid address '${address}'`, -2146827284);
  if (typeof address !== 'string') throw bad();
  const a = address.replace(/\$/g, '').trim().toUpperCase();
  let m = /^([A-Z]{1,3})([1-9]\d*)(?::([A-Z]{1,3})([1-9]\d*))?$/.exec(a);
  if (m) {
    const r0 = Number(m[2]) - 1;
    const c0 = colIndex(m[1]);
    const r1 = m[3] ? Number(m[4]) - 1 : r0;
    const c1 = m[3] ? colIndex(m[3]) : c0;
    const rect = { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
    if (rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) throw bad();
    return rect;
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) {
    const c0 = colIndex(m[1]);
    const c1 = colIndex(m[2]);
    if (Math.max(c0, c1) >= MAX_COLS) throw bad();
    return { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
  }
  m = /^([1-9]\d*):([1-9]\d*)$/.exec(a);
  if (m) {
    const r0 = Number(m[1]) - 1;
    const r1 = Number(m[2]) - 1;
    if (Math.max(r0, r1) >= MAX_ROWS) throw bad();
    return { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: 0, c1: MAX_COLS - 1 };
  }
  throw bad();
}

const overlaps = (a: Rect, b: Rect): boolean => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
const inside = (a: Rect, r: number, c: number): boolean => r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
const isWhole = (rect: Rect): boolean => (rect.r0 === 0 && rect.r1 === MAX_ROWS - 1) || (rect.c0 === 0 && rect.c1 === MAX_COLS - 1);

/* ================================================================== state */

interface Line {
  lineStyle: number;
  weight: number;
  color: number;
}

interface CellState {
  value: WpsFakeScalar | null;
  /** with the leading '=' */
  formula: string | null;
  numberFormat: string;
  /** '#RRGGBB' or null */
  fill: string | null;
  fontName: string;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  /** BGR */
  fontColor: number;
  hAlign: number;
  vAlign: number;
  wrap: boolean;
  locked: boolean;
  borders: { top: Line | null; bottom: Line | null; left: Line | null; right: Line | null };
}

const XL_NONE = -4142;
const XL_GENERAL = 1;
const XL_BOTTOM = -4107;
/** WPS's default font in a Chinese workbook */
const DEFAULT_FONT = '宋体';
const DEFAULT_COL_WIDTH = 8.38;
const DEFAULT_ROW_HEIGHT = 13.5;

function newCell(): CellState {
  return {
    value: null,
    formula: null,
    numberFormat: 'General',
    fill: null,
    fontName: DEFAULT_FONT,
    fontSize: 11,
    bold: false,
    italic: false,
    fontColor: 0,
    hAlign: XL_GENERAL,
    vAlign: XL_BOTTOM,
    wrap: false,
    locked: true,
    borders: { top: null, bottom: null, left: null, right: null },
  };
}

function isDefault(c: CellState): boolean {
  const d = newCell();
  return (
    c.value === null &&
    c.formula === null &&
    c.numberFormat === d.numberFormat &&
    c.fill === null &&
    c.fontName === d.fontName &&
    c.fontSize === d.fontSize &&
    !c.bold &&
    !c.italic &&
    c.fontColor === 0 &&
    c.hAlign === d.hAlign &&
    c.vAlign === d.vAlign &&
    !c.wrap &&
    c.locked &&
    !c.borders.top &&
    !c.borders.bottom &&
    !c.borders.left &&
    !c.borders.right
  );
}

interface NameState {
  name: string;
  refersTo: string;
  visible: boolean;
}

interface ValidationState {
  rect: Rect;
  type: number;
  alertStyle: number;
  operator: number | null;
  formula1: string | number | null;
  formula2: string | number | null;
  ignoreBlank: boolean;
  showInput: boolean;
  showError: boolean;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
}

interface SheetState {
  name: string;
  cells: Map<string, CellState>;
  merges: Rect[];
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  validations: ValidationState[];
  names: Map<string, NameState>;
  protected: boolean;
  pageSetup: Record<string, unknown>;
  /** the sheet's selection (A1, no $) */
  selection: string;
}

/** The fake workbook's state, with the listeners and the record of calls. */
export class WpsFakeState {
  readonly sheets: SheetState[] = [];
  readonly names = new Map<string, NameState>();
  readonly calls: WpsFakeCall[] = [];
  readonly events: WpsFakeEvent[] = [];
  readonly listeners = new Map<string, WpsSheetChangeHandler[]>();
  activeSheetName: string;
  readonly workbookName: string;
  private sheetSeq = 0;

  constructor(options: WpsFakeOptions) {
    this.workbookName = options.workbookName ?? '工作簿1';
    const inits = options.sheets && options.sheets.length > 0 ? options.sheets : [{ name: 'Sheet1' }];
    for (const s of inits) {
      const sheet = this.addSheetState(s.name, this.sheets.length);
      for (const [addr, v] of Object.entries(s.cells ?? {})) {
        const rect = parseWpsAddress(addr);
        applyInput(this.cell(sheet, rect.r0, rect.c0, true)!, v);
      }
      for (const [addr, colour] of Object.entries(s.fills ?? {})) {
        const rect = parseWpsAddress(addr);
        this.cell(sheet, rect.r0, rect.c0, true)!.fill = colour.toUpperCase();
      }
    }
    this.activeSheetName = options.activeSheet ?? this.sheets[0].name;
    this.requireSheet(this.activeSheetName);
  }

  record(op: string, sheet?: string, address?: string): void {
    this.calls.push({ op, sheet, address });
  }

  findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  requireSheet(name: string): SheetState {
    const s = this.findSheet(name);
    if (!s) throw new WpsFakeError(`Worksheets.Item: no sheet named '${name}'`, -2147352565);
    return s;
  }

  validateNewName(name: unknown, except?: SheetState): string {
    if (typeof name !== 'string' || name.trim() === '' || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
      throw new WpsFakeError(`Worksheet.Name: invalid sheet name '${String(name)}'`, -2146827284);
    }
    const other = this.findSheet(name);
    if (other && other !== except) throw new WpsFakeError(`Worksheet.Name: the name '${name}' is taken`, -2146827284);
    return name;
  }

  addSheetState(name: string, position: number): SheetState {
    this.validateNewName(name);
    const sheet: SheetState = {
      name,
      cells: new Map(),
      merges: [],
      colWidths: new Map(),
      rowHeights: new Map(),
      validations: [],
      names: new Map(),
      protected: false,
      pageSetup: { Orientation: 1, PaperSize: 9, PrintArea: '', Zoom: 100, FitToPagesWide: 1, FitToPagesTall: 1 },
      selection: 'A1',
    };
    this.sheets.splice(position, 0, sheet);
    return sheet;
  }

  nextSheetName(): string {
    for (;;) {
      const name = `Sheet${this.sheets.length + ++this.sheetSeq}`;
      if (!this.findSheet(name)) return name;
    }
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

  /** the value a cell shows (formulas evaluated), null when empty */
  valueOf(sheet: SheetState, r: number, c: number, stack = new Set<string>()): WpsFakeScalar | null {
    const cell = this.cell(sheet, r, c, false);
    if (!cell) return null;
    if (cell.formula === null) return cell.value;
    const key = `${r},${c}`;
    if (stack.has(key)) return 0; // a circular reference shows 0
    stack.add(key);
    const lookup = (row: number, col: number): CellValue | undefined => this.valueOf(sheet, row, col, stack);
    const v = evaluateFormula(cell.formula, lookup);
    stack.delete(key);
    if (v === undefined) return '#NAME?';
    return v === null ? 0 : v;
  }

  fire(sheet: SheetState, rect: Rect, source: 'api' | 'user'): void {
    const list = [...(this.listeners.get('SheetChange') ?? [])];
    this.events.push({ event: 'SheetChange', sheet: sheet.name, address: rectA1(rect), source, listeners: list.length });
    for (const l of list) l(new FakeWorksheet(this, sheet), new FakeRange(this, sheet, rect));
  }
}

/* ================================================================== input */

/** Store a value as ET does when it is typed (or written through Value2 / Formula). */
function applyInput(cell: CellState, input: unknown): void {
  cell.formula = null;
  if (input === null || input === undefined || input === '') {
    cell.value = null;
    return;
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new WpsFakeError('Value2: not a finite number');
    cell.value = input;
    return;
  }
  if (typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (typeof input !== 'string') throw new WpsFakeError(`Value2: cannot store a ${typeof input}`, -2147352571);
  if (cell.numberFormat === '@') {
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1) === '' ? null : input.slice(1);
    return;
  }
  if (input.startsWith('=') && input.length > 1) {
    cell.formula = input;
    cell.value = null;
    return;
  }
  const t = input.trim();
  if (NUMBER_RE.test(t)) {
    cell.value = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === 'true';
    return;
  }
  cell.value = input;
}

/* ================================================================== colours */

function bgrToHex(n: number): string {
  const v = Math.trunc(n) & 0xffffff;
  const h = (x: number): string => x.toString(16).toUpperCase().padStart(2, '0');
  return `#${h(v & 255)}${h((v >> 8) & 255)}${h((v >> 16) & 255)}`;
}

function hexToBgr(hex: string): number {
  const s = hex.replace(/^#/, '');
  return parseInt(s.slice(0, 2), 16) + parseInt(s.slice(2, 4), 16) * 256 + parseInt(s.slice(4, 6), 16) * 65536;
}

/* ================================================================== the object model */

class FakeRange implements WpsRange {
  constructor(
    private readonly st: WpsFakeState,
    private readonly sheet: SheetState,
    readonly rect: Rect,
  ) {}

  private rec(op: string): void {
    this.st.record(`Range.${op}`, this.sheet.name, rectA1(this.rect));
  }

  private forEach(fn: (cell: CellState, r: number, c: number) => void): void {
    const rect = this.rect;
    if (isWhole(rect)) throw new WpsFakeError('the fake does not write cell by cell into whole rows or columns');
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(this.st.cell(this.sheet, r, c, true)!, r, c);
  }

  private get rows(): number {
    return this.rect.r1 - this.rect.r0 + 1;
  }

  private get cols(): number {
    return this.rect.c1 - this.rect.c0 + 1;
  }

  private checkUnlocked(): void {
    if (!this.sheet.protected) return;
    this.forEach((cell) => {
      if (cell.locked) throw new WpsFakeError('the cell is protected (the sheet is protected)', -2146827284);
    });
  }

  private read(get: (r: number, c: number) => unknown): unknown {
    if (this.rows === 1 && this.cols === 1) return get(this.rect.r0, this.rect.c0);
    if (isWhole(this.rect)) throw new WpsFakeError('the fake does not read whole rows or columns');
    const out: unknown[][] = [];
    for (let r = this.rect.r0; r <= this.rect.r1; r++) {
      const row: unknown[] = [];
      for (let c = this.rect.c0; c <= this.rect.c1; c++) row.push(get(r, c));
      out.push(row);
    }
    return out;
  }

  /** ET refuses to change part of a merged area ("cannot change part of a merged cell") */
  private checkWholeMerges(): void {
    if (this.rows === 1 && this.cols === 1) return; // one cell: its value (the top-left one's is the area's)
    const partial = this.sheet.merges.find(
      (m) => overlaps(m, this.rect) && !(m.r0 >= this.rect.r0 && m.r1 <= this.rect.r1 && m.c0 >= this.rect.c0 && m.c1 <= this.rect.c1),
    );
    if (partial) throw new WpsFakeError(`cannot change part of the merged cell ${rectA1(partial)}`, -2146827284);
  }

  private write(input: unknown): void {
    this.checkUnlocked();
    this.checkWholeMerges();
    if (Array.isArray(input)) {
      if (!input.every((row) => Array.isArray(row))) {
        throw new WpsFakeError(`a 1-D array cannot be written into ${rectA1(this.rect)} (give rows of columns)`, -2147352571);
      }
      const rows = input as unknown[][];
      if (rows.length !== this.rows || rows.some((row) => row.length !== this.cols)) {
        const shape = `${rows.length}×${rows[0]?.length ?? 0}`;
        throw new WpsFakeError(`a ${shape} array does not fit ${rectA1(this.rect)} (${this.rows}×${this.cols})`, -2147352571);
      }
      this.forEach((cell, r, c) => applyInput(cell, rows[r - this.rect.r0][c - this.rect.c0]));
    } else {
      this.forEach((cell) => applyInput(cell, input));
    }
    this.st.fire(this.sheet, this.rect, 'api');
  }

  get Value2(): unknown {
    this.rec('Value2');
    return this.read((r, c) => this.st.valueOf(this.sheet, r, c) ?? undefined);
  }

  set Value2(v: unknown) {
    this.rec('Value2=');
    this.write(v);
  }

  get Formula(): unknown {
    this.rec('Formula');
    return this.read((r, c) => {
      const cell = this.st.cell(this.sheet, r, c, false);
      if (!cell) return '';
      if (cell.formula !== null) return cell.formula;
      if (cell.value === null) return '';
      if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
      return String(cell.value);
    });
  }

  set Formula(v: unknown) {
    this.rec('Formula=');
    this.write(v);
  }

  get NumberFormat(): unknown {
    this.rec('NumberFormat');
    const formats = new Set<string>();
    this.forEach((cell) => formats.add(cell.numberFormat));
    return formats.size === 1 ? [...formats][0] : null;
  }

  set NumberFormat(v: unknown) {
    this.rec('NumberFormat=');
    if (typeof v !== 'string') throw new WpsFakeError('NumberFormat: give one format string for the range', -2147352571);
    this.forEach((cell) => {
      cell.numberFormat = v;
    });
  }

  get Row(): number {
    return this.rect.r0 + 1;
  }

  get Column(): number {
    return this.rect.c0 + 1;
  }

  get Rows(): WpsCount {
    return { Count: this.rows };
  }

  get Columns(): WpsCount {
    return { Count: this.cols };
  }

  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.rec('Address()');
    return rowAbsolute && columnAbsolute ? rectA1(this.rect, true) : rectA1(this.rect);
  }

  get Interior(): WpsInterior {
    const range = { rec: (op: string): void => this.rec(op), forEach: (fn: (cell: CellState) => void): void => this.forEach(fn) };
    const first = (): CellState => this.st.cell(this.sheet, this.rect.r0, this.rect.c0, false) ?? newCell();
    return {
      get Color(): number {
        range.rec('Interior.Color');
        const f = first().fill;
        return f === null ? 16777215 : hexToBgr(f);
      },
      set Color(v: number) {
        range.rec('Interior.Color=');
        range.forEach((cell) => {
          cell.fill = bgrToHex(v);
        });
      },
      get ColorIndex(): number {
        range.rec('Interior.ColorIndex');
        return first().fill === null ? XL_NONE : 0;
      },
      set ColorIndex(v: number) {
        range.rec('Interior.ColorIndex=');
        if (v !== XL_NONE) throw new WpsFakeError('the fake takes only xlNone for Interior.ColorIndex');
        range.forEach((cell) => {
          cell.fill = null;
        });
      },
      get Pattern(): number {
        range.rec('Interior.Pattern');
        return first().fill === null ? XL_NONE : 1;
      },
      set Pattern(v: number) {
        range.rec('Interior.Pattern=');
        if (v === XL_NONE) {
          range.forEach((cell) => {
            cell.fill = null;
          });
        } else if (v === 1) {
          range.forEach((cell) => {
            cell.fill = cell.fill ?? '#FFFFFF';
          });
        } else throw new WpsFakeError('the fake takes only xlNone and xlSolid for Interior.Pattern');
      },
    };
  }

  get Font(): WpsFont {
    const range = { rec: (op: string): void => this.rec(op), forEach: (fn: (cell: CellState) => void): void => this.forEach(fn) };
    const first = (): CellState => this.st.cell(this.sheet, this.rect.r0, this.rect.c0, false) ?? newCell();
    const prop = <K extends 'fontName' | 'fontSize' | 'bold' | 'italic' | 'fontColor'>(key: K, name: string) => ({
      get: (): CellState[K] => {
        range.rec(`Font.${name}`);
        return first()[key];
      },
      set: (v: CellState[K]): void => {
        range.rec(`Font.${name}=`);
        range.forEach((cell) => {
          cell[key] = v;
        });
      },
    });
    const font = {} as WpsFont;
    Object.defineProperties(font, {
      Name: prop('fontName', 'Name'),
      Size: prop('fontSize', 'Size'),
      Bold: prop('bold', 'Bold'),
      Italic: prop('italic', 'Italic'),
      Color: prop('fontColor', 'Color'),
    });
    return font;
  }

  get Borders(): WpsBorders {
    return {
      Item: (index: number): WpsBorder => {
        this.rec(`Borders.Item(${index})`);
        return this.border(index);
      },
    };
  }

  private border(index: number): WpsBorder {
    const rect = this.rect;
    type Side = 'top' | 'bottom' | 'left' | 'right';
    // the cell edges an XlBordersIndex stands for (an inside line is both neighbours' edges)
    const edges = (): { r: number; c: number; side: Side }[] => {
      const out: { r: number; c: number; side: Side }[] = [];
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          if (index === 8 && r === rect.r0) out.push({ r, c, side: 'top' });
          if (index === 9 && r === rect.r1) out.push({ r, c, side: 'bottom' });
          if (index === 7 && c === rect.c0) out.push({ r, c, side: 'left' });
          if (index === 10 && c === rect.c1) out.push({ r, c, side: 'right' });
          if (index === 12 && r < rect.r1) out.push({ r, c, side: 'bottom' }, { r: r + 1, c, side: 'top' });
          if (index === 11 && c < rect.c1) out.push({ r, c, side: 'right' }, { r, c: c + 1, side: 'left' });
        }
      }
      return out;
    };
    if (![7, 8, 9, 10, 11, 12].includes(index)) throw new WpsFakeError(`Borders.Item: the fake knows no edge ${index}`);
    if (isWhole(rect)) throw new WpsFakeError('the fake does not draw borders on whole rows or columns');
    const set = (key: keyof Line, v: number): void => {
      this.rec(`Border.${key}=`);
      for (const e of edges()) {
        const cell = this.st.cell(this.sheet, e.r, e.c, true)!;
        if (key === 'lineStyle' && v === XL_NONE) {
          cell.borders[e.side] = null;
          continue;
        }
        const line = cell.borders[e.side] ?? { lineStyle: 1, weight: 2, color: 0 };
        line[key] = v;
        cell.borders[e.side] = line;
      }
    };
    const get = (key: keyof Line): number => {
      const e = edges()[0];
      const line = e ? this.st.cell(this.sheet, e.r, e.c, false)?.borders[e.side] : null;
      return line ? line[key] : key === 'lineStyle' ? XL_NONE : 0;
    };
    return {
      get LineStyle(): number {
        return get('lineStyle');
      },
      set LineStyle(v: number) {
        set('lineStyle', v);
      },
      get Weight(): number {
        return get('weight');
      },
      set Weight(v: number) {
        set('weight', v);
      },
      get Color(): number {
        return get('color');
      },
      set Color(v: number) {
        set('color', v);
      },
    };
  }

  get Validation(): WpsValidation {
    const range = { rec: (op: string): void => this.rec(op), rect: this.rect };
    const sheet = this.sheet;
    const found = (): ValidationState => {
      const v = sheet.validations.find((x) => overlaps(x.rect, range.rect));
      if (!v) throw new WpsFakeError('Validation: the range has no validation', -2146827284);
      return v;
    };
    const text = (key: 'inputTitle' | 'inputMessage' | 'errorTitle' | 'errorMessage') => ({
      get: (): string => found()[key],
      set: (v: string): void => {
        range.rec(`Validation.${key}=`);
        found()[key] = v;
      },
    });
    const flag = (key: 'ignoreBlank' | 'showInput' | 'showError') => ({
      get: (): boolean => found()[key],
      set: (v: boolean): void => {
        range.rec(`Validation.${key}=`);
        found()[key] = v;
      },
    });
    const dv = {
      Add(type: number, alertStyle?: number, operator?: number, formula1?: string | number, formula2?: string | number): void {
        range.rec('Validation.Add()');
        if (sheet.validations.some((x) => overlaps(x.rect, range.rect))) {
          throw new WpsFakeError('Validation.Add: the range already has validation (Delete it first)', -2146827284);
        }
        sheet.validations.push({
          rect: range.rect,
          type,
          alertStyle: alertStyle ?? 1,
          operator: operator ?? null,
          formula1: formula1 ?? null,
          formula2: formula2 ?? null,
          ignoreBlank: true,
          showInput: true,
          showError: true,
          inputTitle: '',
          inputMessage: '',
          errorTitle: '',
          errorMessage: '',
        });
      },
      Delete(): void {
        range.rec('Validation.Delete()');
        sheet.validations = sheet.validations.filter((x) => !overlaps(x.rect, range.rect));
      },
    } as WpsValidation;
    Object.defineProperties(dv, {
      IgnoreBlank: flag('ignoreBlank'),
      ShowInput: flag('showInput'),
      ShowError: flag('showError'),
      InputTitle: text('inputTitle'),
      InputMessage: text('inputMessage'),
      ErrorTitle: text('errorTitle'),
      ErrorMessage: text('errorMessage'),
    });
    return dv;
  }

  private cellProp<K extends 'hAlign' | 'vAlign' | 'wrap' | 'locked'>(key: K, name: string, v?: CellState[K]): CellState[K] | void {
    if (v === undefined) {
      this.rec(name);
      return (this.st.cell(this.sheet, this.rect.r0, this.rect.c0, false) ?? newCell())[key];
    }
    this.rec(`${name}=`);
    this.forEach((cell) => {
      cell[key] = v;
    });
  }

  get HorizontalAlignment(): number {
    return this.cellProp('hAlign', 'HorizontalAlignment') as number;
  }

  set HorizontalAlignment(v: number) {
    this.cellProp('hAlign', 'HorizontalAlignment', v);
  }

  get VerticalAlignment(): number {
    return this.cellProp('vAlign', 'VerticalAlignment') as number;
  }

  set VerticalAlignment(v: number) {
    this.cellProp('vAlign', 'VerticalAlignment', v);
  }

  get WrapText(): boolean {
    return this.cellProp('wrap', 'WrapText') as boolean;
  }

  set WrapText(v: boolean) {
    this.cellProp('wrap', 'WrapText', v);
  }

  get Locked(): boolean {
    return this.cellProp('locked', 'Locked') as boolean;
  }

  set Locked(v: boolean) {
    this.cellProp('locked', 'Locked', v);
  }

  get ColumnWidth(): number {
    this.rec('ColumnWidth');
    return this.sheet.colWidths.get(this.rect.c0) ?? DEFAULT_COL_WIDTH;
  }

  set ColumnWidth(v: number) {
    this.rec('ColumnWidth=');
    if (!(v >= 0 && v <= 255)) throw new WpsFakeError('ColumnWidth: out of range (0–255)', -2146827284);
    for (let c = this.rect.c0; c <= this.rect.c1; c++) this.sheet.colWidths.set(c, v);
  }

  get RowHeight(): number {
    this.rec('RowHeight');
    return this.sheet.rowHeights.get(this.rect.r0) ?? DEFAULT_ROW_HEIGHT;
  }

  set RowHeight(v: number) {
    this.rec('RowHeight=');
    if (!(v >= 0 && v <= 409)) throw new WpsFakeError('RowHeight: out of range (0–409)', -2146827284);
    for (let r = this.rect.r0; r <= this.rect.r1; r++) this.sheet.rowHeights.set(r, v);
  }

  get MergeCells(): unknown {
    this.rec('MergeCells');
    let merged = 0;
    let total = 0;
    for (let r = this.rect.r0; r <= Math.min(this.rect.r1, this.rect.r0 + 1000); r++) {
      for (let c = this.rect.c0; c <= Math.min(this.rect.c1, this.rect.c0 + 1000); c++) {
        total++;
        if (this.sheet.merges.some((m) => inside(m, r, c))) merged++;
      }
    }
    return merged === 0 ? false : merged === total ? true : null;
  }

  set MergeCells(v: unknown) {
    if (v === true) this.Merge();
    else this.UnMerge();
  }

  get MergeArea(): WpsRange {
    this.rec('MergeArea');
    const m = this.sheet.merges.find((x) => inside(x, this.rect.r0, this.rect.c0));
    return m ? new FakeRange(this.st, this.sheet, m) : this;
  }

  get Worksheet(): WpsWorksheet {
    return new FakeWorksheet(this.st, this.sheet);
  }

  Merge(across?: boolean): void {
    this.rec('Merge()');
    if (across) throw new WpsFakeError('the fake does not merge across');
    if (isWhole(this.rect)) throw new WpsFakeError('the fake does not merge whole rows or columns');
    if (this.rows === 1 && this.cols === 1) return;
    // merging an area that overlaps a merged one makes one area of both (the fake refuses instead)
    if (this.sheet.merges.some((m) => overlaps(m, this.rect))) throw new WpsFakeError('Merge: the range overlaps a merged area (UnMerge it first)');
    // ET keeps the top-left value only (after asking the user): the fake drops the others
    this.forEach((cell, r, c) => {
      if (r !== this.rect.r0 || c !== this.rect.c0) {
        cell.value = null;
        cell.formula = null;
      }
    });
    this.sheet.merges.push({ ...this.rect });
  }

  UnMerge(): void {
    this.rec('UnMerge()');
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.rect));
  }

  Clear(): void {
    this.rec('Clear()');
    this.checkUnlocked();
    this.checkWholeMerges();
    for (const key of [...this.sheet.cells.keys()]) {
      const [r, c] = key.split(',').map(Number);
      if (inside(this.rect, r, c)) this.sheet.cells.delete(key);
    }
    this.st.fire(this.sheet, this.rect, 'api');
  }

  Select(): void {
    this.rec('Select()');
    if (this.st.activeSheetName.toLowerCase() !== this.sheet.name.toLowerCase()) {
      throw new WpsFakeError(`Select: '${this.sheet.name}' is not the active sheet (Activate it first)`, -2146827284);
    }
    this.sheet.selection = rectA1(this.rect);
  }
}

class FakeNames implements WpsNames {
  constructor(
    private readonly st: WpsFakeState,
    private readonly map: Map<string, NameState>,
    private readonly owner: string,
  ) {}

  get Count(): number {
    return this.map.size;
  }

  Item(index: string | number): WpsName {
    this.st.record(`Names.Item(${String(index)})`, this.owner);
    const list = [...this.map.values()];
    const state =
      typeof index === 'number' ? (Number.isInteger(index) && index >= 1 ? list[index - 1] : undefined) : this.map.get(String(index).toLowerCase());
    if (!state) throw new WpsFakeError(`Names.Item: no name '${String(index)}'`, -2147352565);
    const map = this.map;
    const st = this.st;
    const owner = this.owner;
    return {
      get RefersTo(): unknown {
        return state.refersTo;
      },
      set RefersTo(v: unknown) {
        state.refersTo = String(v);
      },
      get Visible(): boolean {
        return state.visible;
      },
      set Visible(v: boolean) {
        state.visible = v;
      },
      Delete(): void {
        st.record('Name.Delete()', owner);
        map.delete(state.name.toLowerCase());
      },
    };
  }

  Add(name: string, refersTo: string, visible = true): WpsName {
    this.st.record('Names.Add()', this.owner);
    if (typeof name !== 'string' || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || name.length > 255) {
      throw new WpsFakeError(`Names.Add: invalid name '${String(name)}'`, -2146827284);
    }
    if (typeof refersTo !== 'string' || !refersTo.startsWith('=')) throw new WpsFakeError('Names.Add: RefersTo must start with =', -2146827284);
    // a formula longer than ET takes (8192 characters), or a string constant over 255 characters
    if (refersTo.length > 8192 || /"(?:[^"]|""){256,}"/.test(refersTo)) throw new WpsFakeError('Names.Add: RefersTo is too long', -2146827284);
    // Add with a name that exists replaces it
    this.map.set(name.toLowerCase(), { name, refersTo, visible: visible !== false });
    return this.Item(name);
  }
}

class FakeWorksheet implements WpsWorksheet {
  constructor(
    private readonly st: WpsFakeState,
    readonly state: SheetState,
  ) {}

  private live(): SheetState {
    if (!this.st.sheets.includes(this.state)) throw new WpsFakeError('the sheet was deleted');
    return this.state;
  }

  get Name(): string {
    return this.live().name;
  }

  set Name(v: string) {
    this.st.record('Worksheet.Name=', this.state.name);
    const s = this.live();
    this.st.validateNewName(v, s);
    if (this.st.activeSheetName === s.name) this.st.activeSheetName = v;
    s.name = v;
  }

  get Index(): number {
    return this.st.sheets.indexOf(this.live()) + 1;
  }

  Range(address: string): WpsRange {
    this.st.record('Worksheet.Range()', this.state.name, address);
    return new FakeRange(this.st, this.live(), parseWpsAddress(address));
  }

  get UsedRange(): WpsRange {
    this.st.record('Worksheet.UsedRange', this.state.name);
    const s = this.live();
    let rect: Rect | null = null;
    for (const [key, cell] of s.cells) {
      if (isDefault(cell)) continue;
      const [r, c] = key.split(',').map(Number);
      rect = rect ? { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    }
    return new FakeRange(this.st, s, rect ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  get Names(): WpsNames {
    return new FakeNames(this.st, this.live().names, this.state.name);
  }

  get PageSetup(): WpsPageSetup {
    const ps = this.live().pageSetup;
    const st = this.st;
    const sheet = this.state.name;
    return new Proxy(ps, {
      set(target, key, value) {
        st.record(`PageSetup.${String(key)}=`, sheet);
        target[String(key)] = value;
        return true;
      },
    }) as unknown as WpsPageSetup;
  }

  get ProtectContents(): boolean {
    return this.live().protected;
  }

  Activate(): void {
    this.st.record('Worksheet.Activate()', this.state.name);
    this.st.activeSheetName = this.live().name;
  }

  Protect(): void {
    this.st.record('Worksheet.Protect()', this.state.name);
    this.live().protected = true;
  }

  Unprotect(): void {
    this.st.record('Worksheet.Unprotect()', this.state.name);
    this.live().protected = false;
  }
}

class FakeSheets implements WpsSheets {
  constructor(private readonly st: WpsFakeState) {}

  get Count(): number {
    return this.st.sheets.length;
  }

  Item(index: number | string): WpsWorksheet {
    this.st.record(`Worksheets.Item(${String(index)})`);
    if (typeof index === 'number') {
      if (!Number.isInteger(index) || index < 1 || index > this.st.sheets.length) {
        throw new WpsFakeError(`Worksheets.Item(${index}): subscript out of range (1–${this.st.sheets.length})`, -2147352565);
      }
      return new FakeWorksheet(this.st, this.st.sheets[index - 1]);
    }
    return new FakeWorksheet(this.st, this.st.requireSheet(index));
  }

  Add(before?: WpsWorksheet | null, after?: WpsWorksheet | null, count?: number, type?: number): WpsWorksheet {
    this.st.record('Worksheets.Add()');
    if (count !== undefined && count !== 1) throw new WpsFakeError('the fake adds one sheet at a time');
    if (type !== undefined && type !== -4167) throw new WpsFakeError('the fake adds worksheets only');
    if (before && after) throw new WpsFakeError('Worksheets.Add: give Before or After, not both', -2146827284);
    const indexOf = (ws: WpsWorksheet): number => {
      const i = this.st.sheets.indexOf((ws as FakeWorksheet).state);
      if (i < 0) throw new WpsFakeError('Worksheets.Add: not a sheet of this workbook');
      return i;
    };
    const position = after ? indexOf(after) + 1 : before ? indexOf(before) : this.st.sheets.indexOf(this.st.requireSheet(this.st.activeSheetName));
    const sheet = this.st.addSheetState(this.st.nextSheetName(), position);
    this.st.activeSheetName = sheet.name; // ET activates the new sheet
    return new FakeWorksheet(this.st, sheet);
  }
}

class FakeWorkbook implements WpsWorkbook {
  constructor(private readonly st: WpsFakeState) {}

  get Name(): string {
    return this.st.workbookName;
  }

  get Worksheets(): WpsSheets {
    return new FakeSheets(this.st);
  }

  get Names(): WpsNames {
    return new FakeNames(this.st, this.st.names, '');
  }

  get ActiveSheet(): WpsWorksheet {
    return new FakeWorksheet(this.st, this.st.requireSheet(this.st.activeSheetName));
  }
}

function fakeApplication(st: WpsFakeState, withEvents: boolean): WpsApplication & { readonly ApiEvent?: WpsApiEvent } {
  const apiEvent: WpsApiEvent = {
    AddApiEventListener(eventName: string, callback: WpsSheetChangeHandler): void {
      st.record(`ApiEvent.AddApiEventListener(${eventName})`);
      if (typeof callback !== 'function') throw new WpsFakeError('AddApiEventListener: the callback is not a function');
      st.listeners.set(eventName, [...(st.listeners.get(eventName) ?? []), callback]);
    },
    RemoveApiEventListener(eventName: string, callback?: WpsSheetChangeHandler): void {
      st.record(`ApiEvent.RemoveApiEventListener(${eventName})`);
      const list = st.listeners.get(eventName) ?? [];
      st.listeners.set(eventName, callback ? list.filter((l) => l !== callback) : []);
    },
  };
  const workbook = new FakeWorkbook(st);
  return {
    get ActiveWorkbook(): WpsWorkbook {
      return workbook;
    },
    get ActiveCell(): WpsRange {
      const sheet = st.requireSheet(st.activeSheetName);
      const rect = parseWpsAddress(sheet.selection);
      return new FakeRange(st, sheet, { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 });
    },
    ...(withEvents ? { ApiEvent: apiEvent } : {}),
  };
}

/* ================================================================== the handle */

/** What tests read and do on the fake; every result is JSON (also from a page: window.__fakeWps). */
export interface WpsFakeHandle {
  sheetNames(): string[];
  activeSheet(): string;
  /** the active sheet and its selection */
  selection(): { sheet: string; address: string };
  /** the value a cell shows (a formula's result), null when empty */
  getValue(sheet: string, address: string): WpsFakeScalar | null;
  /** '=…' or null */
  getFormula(sheet: string, address: string): string | null;
  /** '#RRGGBB' or null (no fill) */
  getFill(sheet: string, address: string): string | null;
  getCell(sheet: string, address: string): WpsFakeCellSnapshot;
  /** the non-empty cells of a sheet: A1 → value shown */
  cells(sheet: string): Record<string, WpsFakeScalar>;
  /** every sheet's non-empty cells */
  allCells(): Record<string, Record<string, WpsFakeScalar>>;
  /** the filled cells of a sheet: A1 → '#RRGGBB' */
  fills(sheet: string): Record<string, string>;
  /** merged areas (A1 ranges, in the order they were merged) */
  merges(sheet: string): string[];
  /** in characters */
  columnWidth(sheet: string, column: string): number;
  /** in points (1-based row) */
  rowHeight(sheet: string, row: number): number;
  /** sheet-scoped names of a sheet, or the workbook's names */
  names(sheet?: string): WpsFakeNameRecord[];
  validations(sheet: string): WpsFakeValidationRecord[];
  isProtected(sheet: string): boolean;
  pageSetup(sheet: string): Record<string, unknown>;
  /** SheetChange events fired so far */
  events(): WpsFakeEvent[];
  /** SheetChange listeners registered now */
  listenerCount(): number;
  calls(): WpsFakeCall[];
  /** how many recorded calls have this op ('Range.Value2=' …) */
  callCount(op: string): number;
  resetCalls(): void;
  /** a user typing into a cell (taken as typed) or clearing it (null): fires SheetChange */
  userEdit(sheet: string, address: string, value: WpsFakeScalar | null): void;
  /** a user filling a cell ('#RRGGBB', null: no fill); fires nothing, as in ET */
  setFill(sheet: string, address: string, colour: string | null): void;
  /** a user switching to a sheet */
  activate(sheet: string): void;
}

function makeHandle(st: WpsFakeState): WpsFakeHandle {
  const at = (sheet: string, address: string): { s: SheetState; r: number; c: number } => {
    const s = st.requireSheet(sheet);
    const rect = parseWpsAddress(address);
    return { s, r: rect.r0, c: rect.c0 };
  };
  const line = (l: Line | null): boolean => l !== null && l.lineStyle !== XL_NONE;
  const each = (s: SheetState, fn: (a1: string, cell: CellState, r: number, c: number) => void): void => {
    const keys = [...s.cells.keys()].map((k) => k.split(',').map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [r, c] of keys) fn(cellA1(r, c), s.cells.get(`${r},${c}`)!, r, c);
  };
  const handle: WpsFakeHandle = {
    sheetNames: () => st.sheets.map((s) => s.name),
    activeSheet: () => st.activeSheetName,
    selection: () => ({ sheet: st.activeSheetName, address: st.requireSheet(st.activeSheetName).selection }),
    getValue: (sheet, address) => {
      const { s, r, c } = at(sheet, address);
      return st.valueOf(s, r, c);
    },
    getFormula: (sheet, address) => {
      const { s, r, c } = at(sheet, address);
      return st.cell(s, r, c, false)?.formula ?? null;
    },
    getFill: (sheet, address) => {
      const { s, r, c } = at(sheet, address);
      return st.cell(s, r, c, false)?.fill ?? null;
    },
    getCell: (sheet, address) => {
      const { s, r, c } = at(sheet, address);
      const cell = st.cell(s, r, c, false) ?? newCell();
      return {
        value: st.valueOf(s, r, c),
        formula: cell.formula,
        numberFormat: cell.numberFormat,
        fill: cell.fill,
        fontName: cell.fontName,
        fontSize: cell.fontSize,
        bold: cell.bold,
        italic: cell.italic,
        fontColor: bgrToHex(cell.fontColor),
        horizontalAlignment: cell.hAlign,
        verticalAlignment: cell.vAlign,
        wrapText: cell.wrap,
        locked: cell.locked,
        borders: { top: line(cell.borders.top), bottom: line(cell.borders.bottom), left: line(cell.borders.left), right: line(cell.borders.right) },
      };
    },
    cells: (sheet) => {
      const s = st.requireSheet(sheet);
      const out: Record<string, WpsFakeScalar> = {};
      each(s, (a, _cell, r, c) => {
        const v = st.valueOf(s, r, c);
        if (v !== null) out[a] = v;
      });
      return out;
    },
    allCells: () => Object.fromEntries(st.sheets.map((s) => [s.name, handle.cells(s.name)])),
    fills: (sheet) => {
      const out: Record<string, string> = {};
      each(st.requireSheet(sheet), (a, cell) => {
        if (cell.fill !== null) out[a] = cell.fill;
      });
      return out;
    },
    merges: (sheet) => st.requireSheet(sheet).merges.map((m) => rectA1(m)),
    columnWidth: (sheet, column) => st.requireSheet(sheet).colWidths.get(colIndex(column)) ?? DEFAULT_COL_WIDTH,
    rowHeight: (sheet, row) => st.requireSheet(sheet).rowHeights.get(row - 1) ?? DEFAULT_ROW_HEIGHT,
    names: (sheet) => {
      const map = sheet === undefined ? st.names : st.requireSheet(sheet).names;
      return [...map.values()].map((n) => ({ name: n.name, refersTo: n.refersTo, visible: n.visible, sheet: sheet ?? null }));
    },
    validations: (sheet) =>
      st.requireSheet(sheet).validations.map((v) => ({
        range: rectA1(v.rect),
        type: v.type,
        operator: v.operator,
        formula1: v.formula1,
        formula2: v.formula2,
        inputTitle: v.inputTitle,
        inputMessage: v.inputMessage,
      })),
    isProtected: (sheet) => st.requireSheet(sheet).protected,
    pageSetup: (sheet) => ({ ...st.requireSheet(sheet).pageSetup }),
    events: () => st.events.map((e) => ({ ...e })),
    listenerCount: () => st.listeners.get('SheetChange')?.length ?? 0,
    calls: () => st.calls.map((c) => ({ ...c })),
    callCount: (op) => st.calls.filter((c) => c.op === op).length,
    resetCalls: () => {
      st.calls.length = 0;
    },
    userEdit: (sheet, address, value) => {
      const s = st.requireSheet(sheet);
      const rect = parseWpsAddress(address);
      for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) applyInput(st.cell(s, r, c, true)!, value);
      st.fire(s, rect, 'user');
    },
    setFill: (sheet, address, colour) => {
      const { s, r, c } = at(sheet, address);
      st.cell(s, r, c, true)!.fill = colour === null ? null : colour.toUpperCase();
    },
    activate: (sheet) => {
      st.activeSheetName = st.requireSheet(sheet).name;
    },
  };
  return handle;
}

/* ================================================================== entry points */

export interface WpsFake {
  /** `window.Application` of a WPS 表格 add-in page */
  app: WpsApplication;
  handle: WpsFakeHandle;
  /** the state behind both (for jest only: not JSON) */
  state: WpsFakeState;
}

/** A fake ET Application for jest: no globals. */
export function createWpsFake(options: WpsFakeOptions = {}): WpsFake {
  const state = new WpsFakeState(options);
  return { app: fakeApplication(state, !options.noApiEvent), handle: makeHandle(state), state };
}

/**
 * Define what a WPS 表格 add-in page has: `window.Application` (the ET Application) and `window.wps`
 * (`wps.EtApplication()`, `wps.ApiEvent`), and put the handle on `window[exposeAs]`.
 */
export function installFakeWps(target: object, options: WpsInstallOptions = {}): WpsFakeHandle {
  const fake = createWpsFake(options);
  const g = target as Record<string, unknown>;
  g.Application = fake.app;
  g.wps = { EtApplication: () => fake.app, ApiEvent: fake.app.ApiEvent };
  const exposeAs = options.exposeAs ?? '__fakeWps';
  if (exposeAs !== false) g[exposeAs] = fake.handle;
  return fake.handle;
}
