/**
 * The style table of core/layout as ExcelJS cell styles, and back: one map for both directions, so
 * what the port writes into an .xlsx file and what it reads from one are described once.
 */
import type ExcelJS from 'exceljs';
import type { BorderLook, CellLook, Colour, HorizontalAlign, VerticalAlign } from '../../core/layout/styles';
import { MARK_FILLS } from '../../core/layout/styles';

const HORIZONTAL: Record<HorizontalAlign, ExcelJS.Alignment['horizontal']> = { left: 'left', center: 'center', right: 'right' };
const VERTICAL: Record<VerticalAlign, ExcelJS.Alignment['vertical']> = { top: 'top', center: 'middle', bottom: 'bottom' };
const BORDER_STYLES: Record<BorderLook['style'], ExcelJS.BorderStyle> = { thin: 'thin' };

function invert<K extends string, V>(map: Record<K, V>, value: V): K | undefined {
  return (Object.keys(map) as K[]).find((k) => map[k] === value);
}

/** '#F2F2F2' → 'FFF2F2F2' (opaque ARGB, as .xlsx files hold colours) */
export function argb(colour: Colour): string {
  return `FF${colour.replace(/^#/, '').toUpperCase()}`;
}

/** 'FFF2F2F2' → '#F2F2F2'; null for anything else (theme or indexed colours, none) */
export function fromArgb(value: string | undefined): Colour | null {
  return value !== undefined && /^[0-9A-Fa-f]{8}$/.test(value) ? `#${value.slice(2).toUpperCase()}` : null;
}

export function solidFill(colour: Colour): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colour) } };
}

/** Cells marked by a check: the fills of core/layout's MARK_FILLS as ARGB. */
export const HIGHLIGHT_FILLS: Readonly<Record<keyof typeof MARK_FILLS, string>> = {
  error: argb(MARK_FILLS.error),
  warning: argb(MARK_FILLS.warning),
};

/** The font, fill and alignment of a look (fresh objects: ExcelJS shares style objects between merged cells). */
export function excelJsLook(look: CellLook): Pick<Partial<ExcelJS.Style>, 'font' | 'fill' | 'alignment'> {
  const out: Pick<Partial<ExcelJS.Style>, 'font' | 'fill' | 'alignment'> = {
    font: {
      name: look.font.name,
      size: look.font.size,
      bold: look.font.bold,
      italic: look.font.italic,
      color: { argb: argb(look.font.color) },
    },
    alignment: { horizontal: HORIZONTAL[look.horizontal], vertical: VERTICAL[look.vertical], wrapText: look.wrap },
  };
  if (look.fill !== null) out.fill = solidFill(look.fill);
  return out;
}

/** The look an ExcelJS style shows, or null when its alignment is not one the style table uses. */
export function lookOfExcelJs(style: Partial<ExcelJS.Style> | undefined): CellLook | null {
  const font = style?.font;
  const alignment = style?.alignment;
  const horizontal = invert(HORIZONTAL, alignment?.horizontal);
  const vertical = invert(VERTICAL, alignment?.vertical);
  if (!horizontal || !vertical) return null;
  const fill = style?.fill;
  const solid = fill?.type === 'pattern' && fill.pattern === 'solid' ? fromArgb(fill.fgColor?.argb) : null;
  return {
    font: {
      name: font?.name ?? '',
      size: font?.size ?? 0,
      bold: font?.bold === true,
      italic: font?.italic === true,
      color: fromArgb(font?.color?.argb) ?? '',
    },
    fill: solid,
    horizontal,
    vertical,
    wrap: alignment?.wrapText === true,
  };
}

/** All four edges of a cell drawn with this line. */
export function excelJsBorder(line: BorderLook): Partial<ExcelJS.Borders> {
  const edge = (): Partial<ExcelJS.Border> => ({ style: BORDER_STYLES[line.style], color: { argb: argb(line.color) } });
  return { top: edge(), left: edge(), bottom: edge(), right: edge() };
}

/** The line of one edge as the style table names it, or null (no line, or one the table does not use). */
export function borderLookOf(edge: Partial<ExcelJS.Border> | undefined): BorderLook | null {
  const style = invert(BORDER_STYLES, edge?.style);
  const color = fromArgb(edge?.color?.argb);
  return style && color ? { style, color } : null;
}

/** ExcelJS's own default column width: a column of exactly this width is left out of the file. */
const EXCELJS_DEFAULT_WIDTH = 9;

/**
 * A column width in characters as ExcelJS is to be given it. ExcelJS drops a column whose width is
 * exactly 9 (its default) from the file, which then opens at the spreadsheet's default of 8.43:
 * such a width is written a millionth wider (the same pixels in Excel and LibreOffice).
 */
export function excelJsWidth(chars: number): number {
  return chars === EXCELJS_DEFAULT_WIDTH ? chars + 1e-6 : chars;
}
