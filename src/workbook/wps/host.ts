/**
 * The subset of the WPS 表格 (ET) object model that WpsWorkbook uses, as structural types.
 *
 * ET is the VBA object model (Application → Workbook → Sheets → Worksheet → Range) reached from
 * JavaScript in a WPS add-in page as `window.Application`: synchronous, 1-based (`Sheets.Item(1)`),
 * enum values as numbers (the port names the ones it writes in ./styles.ts), colours as BGR
 * numbers (VBA's RGB(r, g, b) = r + g·256 + b·65536).
 *
 * Derived from the wps-jsapi package (node_modules/wps-jsapi/src/lib.et.d.ts, Kingsoft's
 * TypeScript descriptions). Those descriptions are generated from the COM type library: a
 * parameterised property or a method returning an object is described as `(…, RHS?: T) => void`
 * (the result's type is the last parameter's), and a few properties carry a wrong type
 * (`Range.Value2: number`, `Worksheet.UsedRange: number`). The type-level test
 * test/workbook/wps/host-types.test.ts reads the descriptions that way and checks that they fit
 * these interfaces; where they do not, it names the difference.
 */

/** What `Range.Value2` holds for one cell: empty cells read as undefined (or null, or '') */
export type WpsCellValue = string | number | boolean | null | undefined;

/** Range.Interior: the cell fill. No fill: Pattern and ColorIndex read xlNone (-4142). */
export interface WpsInterior {
  /** BGR */
  Color: number;
  ColorIndex: number;
  Pattern: number;
}

export interface WpsFont {
  Name: string;
  Size: number;
  Bold: boolean;
  Italic: boolean;
  /** BGR */
  Color: number;
}

export interface WpsBorder {
  /** XlLineStyle: 1 continuous, -4142 none */
  LineStyle: number;
  /** XlBorderWeight: 2 thin */
  Weight: number;
  /** BGR */
  Color: number;
}

export interface WpsBorders {
  /** XlBordersIndex: 7 left, 8 top, 9 bottom, 10 right, 11 inside vertical, 12 inside horizontal */
  Item(index: number): WpsBorder;
}

export interface WpsValidation {
  /** XlDVType, XlDVAlertStyle, XlFormatConditionOperator */
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string | number, formula2?: string | number): void;
  Delete(): void;
  IgnoreBlank: boolean;
  ShowInput: boolean;
  ShowError: boolean;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
}

export interface WpsCount {
  readonly Count: number;
}

export interface WpsRange {
  /**
   * A one-cell range reads a scalar, a larger one a 2-D array (rows of columns, 0-based in
   * JavaScript). Written: a scalar fills every cell; a 2-D array must have the range's shape.
   */
  Value2: unknown;
  /** as Value2, but formulas as typed ('=SUM(B2:C2)'); constants read as their text */
  Formula: unknown;
  /** one format for the whole range (a range of mixed formats reads null) */
  NumberFormat: unknown;
  /** 1-based */
  readonly Row: number;
  /** 1-based */
  readonly Column: number;
  readonly Rows: WpsCount;
  readonly Columns: WpsCount;
  /** 'A1:C3' without '$' when both arguments are false */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Interior: WpsInterior;
  readonly Font: WpsFont;
  readonly Borders: WpsBorders;
  readonly Validation: WpsValidation;
  /** XlHAlign / XlVAlign numbers */
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  /** in characters of the standard font's digit, as .xlsx files hold it */
  ColumnWidth: number;
  /** points */
  RowHeight: number;
  Locked: boolean;
  /** true when the range is (inside) a merged area */
  MergeCells: unknown;
  readonly MergeArea: WpsRange;
  readonly Worksheet: WpsWorksheet;
  Merge(across?: boolean): void;
  UnMerge(): void;
  /** values, formulas and formats */
  Clear(): void;
  Select(): void;
}

/** a defined name; `RefersTo` reads as typed ('="…"' or "='Sheet'!$A$1") */
export interface WpsName {
  RefersTo: unknown;
  Visible: boolean;
  Delete(): void;
}

export interface WpsNames {
  readonly Count: number;
  /** by name (or 1-based index); throws when there is none */
  Item(index: string | number): WpsName;
  Add(name: string, refersTo: string, visible?: boolean): WpsName;
}

export interface WpsPageSetup {
  /** XlPageOrientation: 1 portrait, 2 landscape */
  Orientation: number;
  /** XlPaperSize: 9 A4 */
  PaperSize: number;
  PrintArea: string;
  /** points */
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  CenterHorizontally: boolean;
  /** a percentage, or false when FitToPages* apply */
  Zoom: unknown;
  FitToPagesWide: unknown;
  FitToPagesTall: unknown;
}

export interface WpsWorksheet {
  Name: string;
  /** 1-based position among the sheets */
  readonly Index: number;
  /** 'A1', 'B2:D5', 'B:B', '3:3' */
  Range(address: string): WpsRange;
  readonly UsedRange: WpsRange;
  readonly Names: WpsNames;
  readonly PageSetup: WpsPageSetup;
  /** true (or -1) when the sheet's contents are protected */
  readonly ProtectContents: boolean | number;
  Activate(): void;
  Protect(
    password?: string,
    drawingObjects?: boolean,
    contents?: boolean,
    scenarios?: boolean,
    userInterfaceOnly?: boolean,
    allowFormattingCells?: boolean,
    allowFormattingColumns?: boolean,
    allowFormattingRows?: boolean,
  ): void;
  Unprotect(password?: string): void;
}

export interface WpsSheets {
  readonly Count: number;
  /** 1-based index or the sheet's name; throws when there is none */
  Item(index: number | string): WpsWorksheet;
  /** a new worksheet before or after the given one (the active one when neither is given) */
  Add(before?: WpsWorksheet | null, after?: WpsWorksheet | null, count?: number, type?: number): WpsWorksheet;
}

export interface WpsWorkbook {
  readonly Name: string;
  /** the worksheets (Sheets would also hold chart sheets) */
  readonly Worksheets: WpsSheets;
  readonly Names: WpsNames;
  readonly ActiveSheet: WpsWorksheet;
}

/** Callback of the ET event 'SheetChange': the sheet and the range that changed (VBA's Sh, Target). */
export type WpsSheetChangeHandler = (sheet: WpsWorksheet, target: WpsRange) => void;

/** `Application.ApiEvent` (also `wps.ApiEvent`): the add-in's event registry. */
export interface WpsApiEvent {
  AddApiEventListener(eventName: 'SheetChange', callback: WpsSheetChangeHandler): void;
  /** the callback argument is taken by current WPS (the toolkit's template passes it); older descriptions have the name only */
  RemoveApiEventListener(eventName: 'SheetChange', callback?: WpsSheetChangeHandler): void;
}

/** `window.Application` in a WPS 表格 add-in page, as the port needs it. */
export interface WpsApplication {
  /** null when no workbook is open */
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveCell: WpsRange | null;
  /** not in wps-jsapi's EtApplication description; present in WPS add-in pages (see the toolkit's template) */
  readonly ApiEvent?: WpsApiEvent;
}
