import type { CellStyle } from '../../core/layout/plan';

/** How each plan style looks in Excel. Only non-default properties are written. */
export interface ExcelCellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  horizontal: 'Left' | 'Center' | 'Right';
  vertical: 'Top' | 'Center' | 'Bottom';
  wrap: boolean;
}

export const CELL_STYLES: Record<CellStyle, ExcelCellStyle> = {
  title: { bold: true, size: 16, horizontal: 'Center', vertical: 'Center', wrap: false },
  subtitle: { size: 11, horizontal: 'Center', vertical: 'Center', wrap: false },
  caption: { bold: true, size: 12, horizontal: 'Left', vertical: 'Center', wrap: false },
  header: { bold: true, fill: '#F2F2F2', horizontal: 'Center', vertical: 'Center', wrap: true },
  label: { horizontal: 'Left', vertical: 'Center', wrap: true },
  value: { horizontal: 'Right', vertical: 'Center', wrap: false },
  total: { bold: true, fill: '#F2F2F2', horizontal: 'Right', vertical: 'Center', wrap: false },
  check: { italic: true, fontColor: '#595959', horizontal: 'Center', vertical: 'Center', wrap: true },
  note: { italic: true, size: 10, horizontal: 'Left', vertical: 'Center', wrap: true },
};

/** Fills of marked cells: Excel's own "light red" and "light yellow" highlight colours. */
export const MARK_FILLS: Record<'error' | 'warning', string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
};
