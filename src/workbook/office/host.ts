/**
 * The subset of the office.js Excel object model that OfficeWorkbook uses, as structural types.
 * The real `Excel` namespace (from @types/office-js) satisfies these interfaces (checked by a
 * type-level test), and so does the fake in test/fakes/excel-fake.ts. Enum-valued properties are
 * typed `string`: the port writes the string literals office.js accepts ('Continuous', 'Center' …)
 * so it never needs the runtime `Excel.*` enums.
 */

export type LoadArg = string | string[];

export interface HostLoadable {
  load(propertyNames?: LoadArg): unknown;
}

export interface HostNullable {
  readonly isNullObject: boolean;
}

export interface HostRangeBorder {
  style: string;
  weight: string;
  color: string;
}

export interface HostRangeFormat extends HostLoadable {
  readonly fill: HostRangeFill;
  readonly font: HostRangeFont;
  readonly borders: { getItem(index: string): HostRangeBorder };
  readonly protection: { locked: boolean };
  columnWidth: number;
  rowHeight: number;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
}

export interface HostRangeFill extends HostLoadable {
  color: string;
  clear(): void;
}

export interface HostRangeFont {
  name: string;
  bold: boolean;
  italic: boolean;
  size: number;
  color: string;
}

export interface HostValidationCriterion {
  formula1: unknown;
  formula2?: unknown;
  operator: string;
}

export interface HostDataValidationRule {
  wholeNumber?: HostValidationCriterion;
  decimal?: HostValidationCriterion;
}

export interface HostDataValidation {
  rule: HostDataValidationRule;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
  clear(): void;
}

export interface HostRange extends HostLoadable, HostNullable {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly text: string[][];
  readonly format: HostRangeFormat;
  readonly dataValidation: HostDataValidation;
  readonly worksheet: HostWorksheet;
  merge(across?: boolean): void;
  unmerge(): void;
  clear(applyTo?: string): void;
  select(): void;
}

export interface HostNamedItem extends HostLoadable, HostNullable {
  readonly name: string;
  formula: unknown;
  comment: string;
  visible: boolean;
  delete(): void;
}

export interface HostNamedItemCollection extends HostLoadable {
  readonly items: HostNamedItem[];
  add(name: string, reference: string, comment?: string): HostNamedItem;
  getItemOrNullObject(name: string): HostNamedItem;
}

export interface HostCustomProperty extends HostLoadable, HostNullable {
  readonly key: string;
  value: string;
}

export interface HostWorksheetProtection extends HostLoadable {
  readonly protected: boolean;
  protect(options?: HostProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
}

export interface HostProtectionOptions {
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
}

export interface HostPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** points */
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  setPrintArea(printArea: string): void;
}

/** WorksheetChangedEventArgs (the fields the port uses) */
export interface HostWorksheetChangedEventArgs {
  worksheetId: string;
  address: string;
}

export interface HostEventHandlerResult {
  /** the request context the handler was added in (remove it there) */
  readonly context: object;
  remove(): void;
}

export interface HostChangedEvent {
  add(handler: (args: HostWorksheetChangedEventArgs) => Promise<unknown>): HostEventHandlerResult;
}

/** Chart.series item (ExcelApi 1.1) */
export interface HostChartSeries {
  name: string;
}

/** A chart on a worksheet (ExcelApi 1.1: title, legend, data labels, series names, position and size). */
export interface HostChart extends HostLoadable {
  name: string;
  readonly title: { text: string };
  readonly legend: { position: string; visible: boolean };
  readonly dataLabels: { showValue: boolean };
  readonly series: { getItemAt(index: number): HostChartSeries };
  /** categoryAxis.reversePlotOrder: ExcelApi 1.7 */
  readonly axes: { readonly categoryAxis: { reversePlotOrder: boolean } };
  /** points */
  width: number;
  height: number;
  setPosition(startCell: HostRange | string, endCell?: HostRange | string): void;
  delete(): void;
}

/** Worksheet.charts (ExcelApi 1.1) */
export interface HostChartCollection extends HostLoadable {
  readonly items: HostChart[];
  add(type: string, sourceData: HostRange, seriesBy?: string): HostChart;
}

export interface HostWorksheet extends HostLoadable, HostNullable {
  readonly name: string;
  /** ExcelApi 1.1 */
  readonly charts: HostChartCollection;
  /** ExcelApi 1.7 */
  readonly onChanged: HostChangedEvent;
  readonly protection: HostWorksheetProtection;
  readonly names: HostNamedItemCollection;
  /** ExcelApi 1.12 */
  readonly customProperties: {
    add(key: string, value: string): unknown;
    getItemOrNullObject(key: string): HostCustomProperty;
  };
  /** ExcelApi 1.9 */
  readonly pageLayout: HostPageLayout;
  getRange(address?: string): HostRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange;
  activate(): void;
}

export interface HostWorksheetCollection extends HostLoadable {
  readonly items: HostWorksheet[];
  /** ExcelApi 1.9 */
  readonly onChanged: HostChangedEvent;
  getItem(key: string): HostWorksheet;
  getItemOrNullObject(key: string): HostWorksheet;
  add(name?: string): HostWorksheet;
  getActiveWorksheet(): HostWorksheet;
}

export interface HostWorkbook {
  readonly worksheets: HostWorksheetCollection;
  readonly names: HostNamedItemCollection;
  getActiveCell(): HostRange;
}

export interface HostContext {
  readonly workbook: HostWorkbook;
  sync(): Promise<unknown>;
}

/** `Excel` as the port needs it: run a batch in a request context. */
export interface ExcelHost {
  run<T>(batch: (context: HostContext) => Promise<T>): Promise<T>;
  /** a batch in an existing request context (to remove an event handler where it was added) */
  run<T>(context: object, batch: (context: HostContext) => Promise<T>): Promise<T>;
}

/** `Office.context.requirements.isSetSupported` */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** The shape of an office.js error (OfficeExtension.Error). */
export interface HostErrorLike {
  code?: string;
  message?: string;
  debugInfo?: { code?: string; message?: string; errorLocation?: string; statement?: string };
}
