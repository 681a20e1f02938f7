import { FORMATS } from '../formats';
import type { FormatDef, TableId } from '../formats/types';
import type { Grid } from '../grid';
import { locateTablesWithFormat, type TableRead } from './locate';
import { formatByLayout } from './read';
import { SheetView } from './sheet';

export type { TableRead } from './locate';

export interface SheetTables {
  sheet: string;
  format: FormatDef;
  /** 'given' when the caller named the format, 'layout' when the sheet's labels decided, 'default' otherwise */
  formatBy: 'given' | 'layout' | 'default';
  tables: Partial<Record<TableId, TableRead>>;
}

/**
 * The official tables on one sheet, read with `format` (default: the format the sheet's
 * labels show, else the newest format). Lower-level than readReports: no year, no metadata.
 */
export function locateTables(grid: Grid, format?: FormatDef): SheetTables {
  const view = new SheetView(grid);
  let formatBy: SheetTables['formatBy'] = 'given';
  let f = format;
  if (!f) {
    f = formatByLayout([view]);
    formatBy = f ? 'layout' : 'default';
    f ??= FORMATS[FORMATS.length - 1];
  }
  return { sheet: grid.sheet, format: f, formatBy, tables: locateTablesWithFormat(view, f) };
}
