/** A rectangular block of cell values read from a sheet (its used range). */
export type CellValue = string | number | boolean | null;

export interface Grid {
  /** the sheet's name */
  sheet: string;
  /** 0-based row and column of cells[0][0] on the sheet */
  origin: { row: number; col: number };
  /** values (formula results where known); rows may be ragged */
  cells: CellValue[][];
  /** formulas by the same index, where the cell holds one (without the leading '=') */
  formulas?: (string | null)[][];
  /** merged ranges in A1 notation, sheet-absolute */
  merges?: string[];
}

/** 0-based column index → letters (0 → A, 26 → AA). */
export function colLetters(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based sheet row/col → A1 address. */
export function a1(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

/** A1 address → 0-based row/col; undefined when it is not one. */
export function parseA1(addr: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(addr.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

/** A1 range of a block: top-left and size (rows, cols). */
export function rangeA1(row: number, col: number, rows = 1, cols = 1): string {
  const tl = a1(row, col);
  return rows === 1 && cols === 1 ? tl : `${tl}:${a1(row + rows - 1, col + cols - 1)}`;
}

/** The value at a sheet-absolute position of a grid, or null. */
export function gridValue(grid: Grid, row: number, col: number): CellValue {
  return grid.cells[row - grid.origin.row]?.[col - grid.origin.col] ?? null;
}

/** Sheet name quoted for an address when it needs it: 'My Sheet'!A1 */
export function sheetRef(sheet: string, address: string): string {
  const quoted = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${address}`;
}
