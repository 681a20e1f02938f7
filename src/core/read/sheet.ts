import type { CellValue, Grid } from '../grid';
import { a1, colLetters } from '../grid';
import { labelText, type LabelText } from './normalize';

/** A non-empty text cell: position, normalised text and its LabelText. */
export interface TextCell {
  r: number;
  c: number;
  text: string;
  label: LabelText;
}

/** Column letters of the first columns (A … ZZ), for addresses. */
const COLUMN_LETTERS = Array.from({ length: 702 }, (_, c) => colLetters(c));

/** A1 addresses of the first rows, made once */
const ADDRESS_ROWS = 2000;
const ADDRESSES: string[][] = [];

/** Positions of a used range up to which label texts are cached in an array (beyond: a Map) */
const LABEL_ARRAY_LIMIT = 1 << 22;

/** A grid with sheet-absolute coordinates and cached normalised label texts. */
export class SheetView {
  readonly grid: Grid;
  readonly sheet: string;
  /** inclusive bounds, 0-based, sheet-absolute */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly width: number;
  /** label texts by position in the used range, filled as they are asked for (a Map for a sparse, far-reaching grid) */
  private readonly labels: (LabelText | undefined)[] | Map<number, LabelText>;
  private cellList?: TextCell[];
  private readonly memos = new WeakMap<object, Map<string, unknown>>();

  constructor(grid: Grid) {
    this.grid = grid;
    this.sheet = grid.sheet;
    this.top = grid.origin.row;
    this.left = grid.origin.col;
    this.bottom = grid.origin.row + grid.cells.length - 1;
    const width = grid.cells.reduce((m, row) => Math.max(m, row?.length ?? 0), 0);
    this.right = grid.origin.col + width - 1;
    this.width = width;
    const size = grid.cells.length * width;
    this.labels = size <= LABEL_ARRAY_LIMIT ? new Array<LabelText | undefined>(size) : new Map<number, LabelText>();
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
    return this.label(r, c)?.text ?? '';
  }

  /** the LabelText of a text cell (its text may be ''); undefined for numbers, booleans and empty cells */
  label(r: number, c: number): LabelText | undefined {
    const v = this.raw(r, c);
    if (typeof v !== 'string') return undefined;
    const key = (r - this.top) * this.width + (c - this.left);
    const labels = this.labels;
    if (labels instanceof Map) {
      let m = labels.get(key);
      if (m === undefined) labels.set(key, (m = labelText(v)));
      return m;
    }
    let l = labels[key];
    if (l === undefined) {
      l = labelText(v);
      labels[key] = l;
    }
    return l;
  }

  /** the raw text of a text cell, trimmed */
  rawText(r: number, c: number): string {
    const v = this.raw(r, c);
    return typeof v === 'string' ? v.trim() : v === null ? '' : String(v);
  }

  address(r: number, c: number): string {
    if (r >= ADDRESS_ROWS || c >= COLUMN_LETTERS.length) return a1(r, c);
    const row = (ADDRESSES[r] ??= []);
    return (row[c] ??= `${COLUMN_LETTERS[c]}${r + 1}`);
  }

  /** true when every cell of row r in [c0, c1] is empty */
  rowBlank(r: number, c0: number, c1: number): boolean {
    for (let c = Math.max(c0, this.left); c <= Math.min(c1, this.right); c++) if (!this.isEmpty(r, c)) return false;
    return true;
  }

  /** every non-empty text cell, row by row */
  textCells(): readonly TextCell[] {
    if (!this.cellList) {
      const list: TextCell[] = [];
      const cells = this.grid.cells;
      for (let i = 0; i < cells.length; i++) {
        const row = cells[i];
        if (!row) continue;
        for (let j = 0; j < row.length; j++) {
          // only text cells have a label: numbers, booleans and empty cells are passed over here
          if (typeof row[j] !== 'string') continue;
          const r = this.top + i;
          const c = this.left + j;
          const label = this.label(r, c);
          if (label?.text) list.push({ r, c, text: label.text, label });
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
