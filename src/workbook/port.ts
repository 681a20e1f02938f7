import type { Grid } from '../core/grid';
import type { SheetPlan } from '../core/layout/plan';

/**
 * The hidden sheet the .xlsx port keeps its metadata and marks on. It is the product's own: no
 * port lists it or reads it as a grid (a file made by the command line, opened in Excel or WPS,
 * shows the user's sheets only).
 */
export const META_SHEET_NAME = '_nianbao_meta';

export interface CellWrite {
  sheet: string;
  /** A1 address */
  address: string;
  value: string | number | null;
}

export interface Conflict {
  sheet: string;
  address: string;
  value: string | number | boolean;
}

export interface SheetMetadata {
  format: string;
  year: number;
  organization: string;
  manualTotals: boolean;
}

export interface HighlightCell {
  sheet: string;
  address: string;
  severity: 'error' | 'warning';
}

/**
 * What reading a workbook needs: the reading half of WorkbookPort. Checking, the roll-up and last
 * year's figures only read; a read-only snapshot of a file (workbook/xlsx/snapshot) is one.
 */
export interface WorkbookReader {
  listSheets(): Promise<string[]>;
  /** the used range of a sheet as a grid */
  readGrid(sheet: string): Promise<Grid>;
  /** every sheet's grid */
  readAllGrids(): Promise<Grid[]>;
  getMetadata(sheet: string): Promise<SheetMetadata | null>;
}

/**
 * The only door to a spreadsheet. The office.js port (in Excel) and the ExcelJS port
 * (.xlsx files: CLI and the page outside Excel) implement it; everything else uses it.
 */
export interface WorkbookPort extends WorkbookReader {
  listSheets(): Promise<string[]>;
  /** the active sheet and selected cell, where the host has one */
  activeCell(): Promise<{ sheet: string; address: string } | null>;
  /** create a sheet with a name not yet taken (adds (2), (3) …); returns the name used */
  addSheet(preferredName: string): Promise<string>;
  /** the used range of a sheet as a grid */
  readGrid(sheet: string): Promise<Grid>;
  /** every sheet's grid */
  readAllGrids(): Promise<Grid[]>;
  /** non-empty cells the plan would write over */
  findConflicts(sheet: string, plan: SheetPlan): Promise<Conflict[]>;
  /**
   * Write a plan. Refuses (throws WorkbookError 'conflict') when non-empty cells would be
   * overwritten and `overwrite` is not true.
   */
  applyPlan(sheet: string, plan: SheetPlan, options?: { overwrite?: boolean }): Promise<void>;
  /** write single values (fill); text is written as text */
  writeValues(cells: CellWrite[]): Promise<void>;
  getMetadata(sheet: string): Promise<SheetMetadata | null>;
  setMetadata(sheet: string, meta: SheetMetadata): Promise<void>;
  /** mark the cells of findings (clearing the previous marks) */
  highlight(cells: HighlightCell[]): Promise<void>;
  clearHighlights(): Promise<void>;
  /** activate the sheet and select the cell */
  select(sheet: string, address: string): Promise<void>;
  /**
   * Optional (Excel only): call `handler` after the user edits cells on any sheet.
   * Returns a function that removes the handler. Ports that cannot observe edits leave it out.
   */
  onChanged?(handler: (change: CellChange) => void): () => void;
  /**
   * Optional (Excel only; ExcelJS cannot make charts): put the host's own charts on a sheet, drawn
   * from cells of that sheet. Replaces the charts this method put on that sheet before (re-running
   * does not pile them up); charts made by the user stay.
   */
  addCharts?(sheet: string, charts: NativeChart[]): Promise<void>;
}

/** The kinds of native chart a port can make. */
export type NativeChartKind = 'column' | 'bar' | 'pie' | 'line';

/**
 * A native chart as plain data: what it shows (ranges of cells on the sheet it is put on) and where.
 * `source` is one block: the category labels in its first column, one column a series after it (no
 * header row); `seriesNames` names those series in order.
 */
export interface NativeChart {
  /** a name unique on the sheet (the port keeps it to find its own charts again) */
  id: string;
  kind: NativeChartKind;
  title: string;
  /** A1 range on the sheet, e.g. `K2:M6` (categories K, series L and M) */
  source: string;
  seriesNames: string[];
  /** show each point's value on the chart */
  showValues?: boolean;
  /** the chart's top-left cell (A1) and its size in points */
  at: { cell: string; width: number; height: number };
}

/** An edit the host reported: the sheet and the A1 address or range that changed. */
export interface CellChange {
  sheet: string;
  address: string;
}

export type WorkbookErrorCode =
  | 'conflict'
  | 'not-xlsx'
  | 'corrupt'
  | 'empty-file'
  | 'encrypted'
  | 'no-sheet'
  | 'no-tables'
  | 'io'
  | 'host'
  /** a file that inflates to more than the reader allows (data: file, size, limit) */
  | 'too-large'
  /** a file could not be written (data: path, reason: missing-folder | is-folder | read-only | interrupted | …) */
  | 'write-failed'
  /** the workbook holds parts ExcelJS would drop on saving (data: file, parts: { part, label }[]) */
  | 'unsupported-parts';

/** Errors carry a code and data; the UI and CLI map codes to Chinese text in core/messages. */
export class WorkbookError extends Error {
  constructor(
    public readonly code: WorkbookErrorCode,
    public readonly data: Record<string, unknown> = {},
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'WorkbookError';
  }
}
