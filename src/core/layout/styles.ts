/**
 * How a SheetPlan looks: one style table that both workbook ports apply (office.js through
 * `range.format`, ExcelJS through `cell.font/fill/alignment/border`), so a table inserted in Excel
 * and the same table in the .xlsx file `nianbao init` writes look alike.
 *
 * Plan cells name their style (`PlanCell.style`); `SheetPlan.borders` lists the ranges drawn with
 * TABLE_BORDER. Every property is given (none left to a port's defaults), so what a port writes
 * and what it reads back can be compared with the table as a whole.
 */
import type { CellStyle } from './plan';

/** a colour as '#RRGGBB' (upper case) */
export type Colour = string;

export type HorizontalAlign = 'left' | 'center' | 'right';
export type VerticalAlign = 'top' | 'center' | 'bottom';

export interface FontLook {
  name: string;
  /** points */
  size: number;
  bold: boolean;
  italic: boolean;
  color: Colour;
}

/** The look of one plan style. */
export interface CellLook {
  font: FontLook;
  /** solid fill, or null for none */
  fill: Colour | null;
  horizontal: HorizontalAlign;
  vertical: VerticalAlign;
  wrap: boolean;
}

/** The line of every border the plan draws (SheetPlan.borders). */
export interface BorderLook {
  style: 'thin';
  color: Colour;
}

/** Font of every plan cell: 宋体, the body font of government tables (installed with every Chinese Windows). */
export const FONT_NAME = '宋体';

const BLACK = '#000000';
const GREY_TEXT = '#595959';
/** labels of the tables: Excel's “white, background 1, darker 5%” */
const HEADER_FILL = '#F2F2F2';
/** computed totals: Excel's “blue, accent 1, lighter 80%”, apart from the grey headers and the white input cells */
const TOTAL_FILL = '#DDEBF7';

const font = (size: number, extra: Partial<FontLook> = {}): FontLook => ({ name: FONT_NAME, size, bold: false, italic: false, color: BLACK, ...extra });

export const CELL_STYLES: Readonly<Record<CellStyle, CellLook>> = {
  title: { font: font(16, { bold: true }), fill: null, horizontal: 'center', vertical: 'center', wrap: false },
  subtitle: { font: font(10, { color: GREY_TEXT }), fill: null, horizontal: 'center', vertical: 'center', wrap: false },
  caption: { font: font(12, { bold: true }), fill: null, horizontal: 'left', vertical: 'center', wrap: false },
  header: { font: font(11, { bold: true }), fill: HEADER_FILL, horizontal: 'center', vertical: 'center', wrap: true },
  label: { font: font(11), fill: null, horizontal: 'left', vertical: 'center', wrap: true },
  value: { font: font(11), fill: null, horizontal: 'right', vertical: 'center', wrap: false },
  total: { font: font(11, { bold: true }), fill: TOTAL_FILL, horizontal: 'right', vertical: 'center', wrap: false },
  check: { font: font(10, { color: GREY_TEXT }), fill: null, horizontal: 'center', vertical: 'center', wrap: true },
  note: { font: font(10), fill: null, horizontal: 'left', vertical: 'center', wrap: true },
  // a paragraph typed into a tall cell starts at its top, as in a text box
  text: { font: font(11), fill: null, horizontal: 'left', vertical: 'top', wrap: true },
};

export const TABLE_BORDER: Readonly<BorderLook> = { style: 'thin', color: BLACK };

/** Fills of cells marked by a check: Excel's own “light red” and “light yellow” highlight colours. */
export const MARK_FILLS: Readonly<Record<'error' | 'warning', Colour>> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
};


/** The page around a plan when it is printed (both ports; the paper, orientation and print area are the plan's). */
export interface PageLook {
  /** inches */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** the tables centred between the left and right margins */
  centerHorizontally: boolean;
}

/** Margins a little narrower than the spreadsheet's default (0.7 in left and right), so table 四 prints larger. */
export const PAGE_SETUP: Readonly<PageLook> = {
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  centerHorizontally: true,
};
