import type { CellValue, Grid } from '../grid';
import { a1 } from '../grid';
import { normalizeLabel } from './normalize';

/** A grid with sheet-absolute coordinates and cached normalised label texts. */
export class SheetView {
  readonly grid: Grid;
  readonly sheet: string;
  /** inclusive bounds, 0-based, sheet-absolute */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly norms = new Map<number, string>();
  private cellList?: { r: number; c: number; text: string }[];
  private readonly memos = new WeakMap<object, Map<string, unknown>>();

  constructor(grid: Grid) {
    this.grid = grid;
    this.sheet = grid.sheet;
    this.top = grid.origin.row;
    this.left = grid.origin.col;
    this.bottom = grid.origin.row + grid.cells.length - 1;
    const width = grid.cells.reduce((m, row) => Math.max(m, row?.length ?? 0), 0);
    this.right = grid.origin.col + width - 1;
  }

  raw(r: number, c: number): CellValue {
    const v = this.grid.cells[r - this.top]?.[c - this.left];
    return v === undefined ? null : v;
  }

  isEmpty(r: number, c: number): boolean {
    const v = this.raw(r, c);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }

  /** normalised label text of a text cell; '' for numbers, booleans and empty cells */
  text(r: number, c: number): string {
    const v = this.raw(r, c);
    if (typeof v !== 'string') return '';
    const key = r * 100000 + c;
    let n = this.norms.get(key);
    if (n === undefined) {
      n = normalizeLabel(v);
      this.norms.set(key, n);
    }
    return n;
  }

  /** the raw text of a text cell, trimmed */
  rawText(r: number, c: number): string {
    const v = this.raw(r, c);
    return typeof v === 'string' ? v.trim() : v === null ? '' : String(v);
  }

  address(r: number, c: number): string {
    return a1(r, c);
  }

  /** true when every cell of row r in [c0, c1] is empty */
  rowBlank(r: number, c0: number, c1: number): boolean {
    for (let c = Math.max(c0, this.left); c <= Math.min(c1, this.right); c++) if (!this.isEmpty(r, c)) return false;
    return true;
  }

  /** every non-empty text cell, row by row */
  textCells(): readonly { r: number; c: number; text: string }[] {
    if (!this.cellList) {
      const list: { r: number; c: number; text: string }[] = [];
      for (let r = this.top; r <= this.bottom; r++) {
        for (let c = this.left; c <= this.right; c++) {
          const text = this.text(r, c);
          if (text) list.push({ r, c, text });
        }
      }
      this.cellList = list;
    }
    return this.cellList;
  }

  /** a result computed once per sheet for an object (a table definition, a format) and a tag */
  memo<T>(owner: object, tag: string, compute: () => T): T {
    let m = this.memos.get(owner);
    if (!m) {
      m = new Map();
      this.memos.set(owner, m);
    }
    if (!m.has(tag)) m.set(tag, compute());
    return m.get(tag) as T;
  }
}
