import type { BorderLook, CellLook, HorizontalAlign, VerticalAlign } from '../../core/layout/styles';
import type { HostRangeFormat } from './host';

/** The style table of core/layout, applied here to office.js ranges. */
export { CELL_STYLES, MARK_FILLS, PAGE_SETUP, TABLE_BORDER } from '../../core/layout/styles';

/* One map, both directions: the style table's words as office.js spells them. */
const HORIZONTAL: Record<HorizontalAlign, string> = { left: 'Left', center: 'Center', right: 'Right' };
const VERTICAL: Record<VerticalAlign, string> = { top: 'Top', center: 'Center', bottom: 'Bottom' };
/** a border line as `format.borders.getItem(edge)` takes it */
export const BORDER_LINES: Record<BorderLook['style'], { style: string; weight: string }> = {
  thin: { style: 'Continuous', weight: 'Thin' },
};

/** what office.js reports for a cell without fill */
export const NO_FILL = '#FFFFFF';

/** A cell's look as office.js holds it (`range.format`, flattened). */
export interface OfficeLook {
  fontName: string;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  /** null: no fill */
  fill: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
}

export function toOfficeLook(look: CellLook): OfficeLook {
  return {
    fontName: look.font.name,
    fontSize: look.font.size,
    bold: look.font.bold,
    italic: look.font.italic,
    fontColor: look.font.color,
    fill: look.fill,
    horizontalAlignment: HORIZONTAL[look.horizontal],
    verticalAlignment: VERTICAL[look.vertical],
    wrapText: look.wrap,
  };
}

function invert<K extends string>(map: Record<K, string>, value: string): K | undefined {
  return (Object.keys(map) as K[]).find((k) => map[k] === value);
}

/** The style-table look of what office.js holds, or null when an alignment is not one the table uses. */
export function fromOfficeLook(o: OfficeLook): CellLook | null {
  const horizontal = invert(HORIZONTAL, o.horizontalAlignment);
  const vertical = invert(VERTICAL, o.verticalAlignment);
  if (!horizontal || !vertical) return null;
  const fill = o.fill === null || o.fill.toUpperCase() === NO_FILL ? null : o.fill.toUpperCase();
  return {
    font: { name: o.fontName, size: o.fontSize, bold: o.bold, italic: o.italic, color: o.fontColor.toUpperCase() },
    fill,
    horizontal,
    vertical,
    wrap: o.wrapText,
  };
}

/** Queue the writes that give a range this look (on a range cleared before: no fill stays no fill). */
export function applyLook(format: HostRangeFormat, look: CellLook): void {
  const o = toOfficeLook(look);
  format.font.name = o.fontName;
  format.font.size = o.fontSize;
  format.font.bold = o.bold;
  format.font.italic = o.italic;
  format.font.color = o.fontColor;
  if (o.fill !== null) format.fill.color = o.fill;
  format.horizontalAlignment = o.horizontalAlignment;
  format.verticalAlignment = o.verticalAlignment;
  format.wrapText = o.wrapText;
}
