/**
 * The style table of core/layout as ET (WPS 表格) writes it, and the ET enum values the port uses
 * (the VBA constants: ET takes them as plain numbers).
 */
import type { BorderLook, CellLook, Colour, HorizontalAlign, VerticalAlign } from '../../core/layout/styles';
import type { WpsRange } from './host';

export { CELL_STYLES, MARK_FILLS, PAGE_SETUP, TABLE_BORDER } from '../../core/layout/styles';

/** xlNone / xlColorIndexNone / xlLineStyleNone */
export const XL_NONE = -4142;
/** XlPattern.xlPatternSolid */
export const XL_SOLID = 1;

export const XL_HALIGN: Record<HorizontalAlign, number> = { left: -4131, center: -4108, right: -4152 };
export const XL_VALIGN: Record<VerticalAlign, number> = { top: -4160, center: -4108, bottom: -4107 };

/** XlBordersIndex */
export const XL_EDGE = { left: 7, top: 8, bottom: 9, right: 10, insideVertical: 11, insideHorizontal: 12 } as const;

/** a border line as Borders.Item(edge) takes it: XlLineStyle and XlBorderWeight */
export const XL_LINES: Record<BorderLook['style'], { lineStyle: number; weight: number }> = {
  thin: { lineStyle: 1 /* xlContinuous */, weight: 2 /* xlThin */ },
};

/** XlPageOrientation, XlPaperSize */
export const XL_PORTRAIT = 1;
export const XL_LANDSCAPE = 2;
export const XL_PAPER_A4 = 9;

/** XlDVType, XlDVAlertStyle, XlFormatConditionOperator */
export const XL_VALIDATE_WHOLE = 1;
export const XL_VALIDATE_DECIMAL = 2;
export const XL_ALERT_STOP = 1;
export const XL_BETWEEN = 1;
export const XL_GREATER_EQUAL = 7;

/** '#F2F2F2' → BGR number (VBA's RGB(0xF2, 0xF2, 0xF2)) */
export function toBgr(colour: Colour): number {
  const hex = colour.replace(/^#/, '');
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}

/** BGR number → '#RRGGBB' */
export function fromBgr(n: number): Colour {
  const v = Math.trunc(n) & 0xffffff;
  const hex = (x: number): string => x.toString(16).toUpperCase().padStart(2, '0');
  return `#${hex(v & 255)}${hex((v >> 8) & 255)}${hex((v >> 16) & 255)}`;
}

/** The fill of a range as '#RRGGBB', or '' when it has none (Pattern or ColorIndex xlNone). */
export function fillOf(range: WpsRange): string {
  const interior = range.Interior;
  if (interior.Pattern === XL_NONE || interior.ColorIndex === XL_NONE) return '';
  return typeof interior.Color === 'number' ? fromBgr(interior.Color) : '';
}

/** Give a range a fill ('' = none). */
export function setFill(range: WpsRange, colour: string): void {
  if (colour === '') range.Interior.ColorIndex = XL_NONE;
  else range.Interior.Color = toBgr(colour);
}

/** Write a look onto a range cleared before (no fill stays no fill). */
export function applyLook(range: WpsRange, look: CellLook): void {
  const font = range.Font;
  font.Name = look.font.name;
  font.Size = look.font.size;
  font.Bold = look.font.bold;
  font.Italic = look.font.italic;
  font.Color = toBgr(look.font.color);
  if (look.fill !== null) range.Interior.Color = toBgr(look.fill);
  range.HorizontalAlignment = XL_HALIGN[look.horizontal];
  range.VerticalAlignment = XL_VALIGN[look.vertical];
  range.WrapText = look.wrap;
}
