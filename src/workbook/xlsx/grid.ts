/**
 * A sheet's Grid from the cells a file holds, bounded by those cells rather than by the range
 * they span: one value in XFD1048576 beside a table costs one row more, not 17 billion cells.
 * - a used range of up to DENSE_CELLS cells is a full rectangle, as before; beyond that, rows
 *   the sheet does not have are holes in `cells` (read as empty), and a row is a dense array
 *   when its cells fill it well enough, else a sparse one;
 * - formulas without a cached result are evaluated without recursion (dependencies first, with
 *   an explicit stack), ranges are read over the cells that exist, and the work has a budget.
 * No Node APIs.
 */
import type { CellValue, Grid } from '../../core/grid';
import { evaluateFormula, formulaRanges } from '../../core/layout/formula';

/** A cell a sheet holds: 0-based position, value (undefined = a formula without a result), formula. */
export interface FoundCell {
  r: number;
  c: number;
  v: CellValue | undefined;
  f: string | undefined;
}

/** Used ranges up to this many cells are read as a full rectangle, as small sheets always are. */
export const DENSE_CELLS = 1 << 21;

/** Cells looked at (dependencies found plus range cells read) before evaluation gives up. */
export const EVALUATION_BUDGET = 2_000_000;

/** Positions by row, for range queries: rows ascending, and each row's columns ascending. */
class PositionIndex {
  private readonly rows: number[] = [];
  private readonly cols = new Map<number, number[]>();

  add(r: number, c: number): void {
    let list = this.cols.get(r);
    if (!list) {
      list = [];
      this.cols.set(r, list);
      this.rows.push(r);
    }
    list.push(c);
  }

  /** call after the last add when positions were not added in row/column order */
  sort(): void {
    this.rows.sort((a, b) => a - b);
    for (const list of this.cols.values()) list.sort((a, b) => a - b);
  }

  /** every position in the box, row by row; stops when `visit` returns false */
  each(r1: number, c1: number, r2: number, c2: number, visit: (r: number, c: number) => boolean): void {
    for (let i = lowerBound(this.rows, r1); i < this.rows.length && this.rows[i] <= r2; i++) {
      const r = this.rows[i];
      const list = this.cols.get(r)!;
      for (let j = lowerBound(list, c1); j < list.length && list[j] <= c2; j++) if (!visit(r, list[j])) return;
    }
  }
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The Grid of a sheet from its cells (in row, then column order, as ExcelJS walks them).
 * `merges` are passed through (already clipped when the file was opened).
 */
export function buildGrid(sheet: string, found: FoundCell[], merges: string[]): Grid {
  if (found.length === 0) return { sheet, origin: { row: 0, col: 0 }, cells: [], merges };
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const { r, c } of found) {
    if (r < top) top = r;
    if (c < left) left = c;
    if (r > bottom) bottom = r;
    if (c > right) right = c;
  }
  const height = bottom - top + 1;
  /** a used range this small is read as a full rectangle (every row as wide as the widest) */
  const rectangle = height * (right - left + 1) <= DENSE_CELLS;

  // rows: dense where the cells fill them, sparse (holes) where they do not
  const cells: (CellValue | undefined)[][] = [];
  const formulas: (string | null)[][] = [];
  let hasFormulas = false;
  const all = new PositionIndex();
  const pending = new PositionIndex();
  const unresolved: FoundCell[] = [];
  let rowsPresent = 0;
  for (let k = 0; k < found.length; ) {
    const r = found[k].r;
    let end = k;
    let last = found[k].c;
    while (end < found.length && found[end].r === r) last = Math.max(last, found[end++].c);
    const width = rectangle ? right - left + 1 : last - left + 1;
    const count = end - k;
    const dense = rectangle || width <= 4 * count + 64;
    const i = r - top;
    const row: (CellValue | undefined)[] = dense ? new Array<CellValue | undefined>(width).fill(null) : [];
    let frow: (string | null)[] | undefined;
    for (; k < end; k++) {
      const cell = found[k];
      row[cell.c - left] = cell.v;
      all.add(cell.r, cell.c);
      if (cell.f) {
        frow ??= dense ? new Array<string | null>(width).fill(null) : [];
        frow[cell.c - left] = cell.f;
        hasFormulas = true;
      }
      if (cell.v === undefined) {
        unresolved.push(cell);
        pending.add(cell.r, cell.c);
      }
    }
    cells[i] = row;
    if (frow) formulas[i] = frow;
    rowsPresent++;
  }
  if (rectangle) {
    const width = right - left + 1;
    for (let i = 0; i < height; i++) cells[i] ??= new Array<CellValue | undefined>(width).fill(null);
    if (hasFormulas) for (let i = 0; i < height; i++) formulas[i] ??= new Array<string | null>(width).fill(null);
  } else if (height <= 4 * rowsPresent + 64) {
    for (let i = 0; i < height; i++) cells[i] ??= [];
  } else cells.length = height;
  if (hasFormulas) formulas.length = height;
  all.sort();
  pending.sort();

  if (unresolved.length > 0) evaluate(unresolved, cells, top, left, all, pending);
  // what could not be evaluated reads as empty
  for (const cell of unresolved) {
    const row = cells[cell.r - top];
    if (row[cell.c - left] === undefined) row[cell.c - left] = null;
  }

  const grid: Grid = { sheet, origin: { row: top, col: left }, cells: cells as CellValue[][], merges };
  if (hasFormulas) grid.formulas = formulas;
  return grid;
}

/** Evaluate the formulas without a result, dependencies first, within EVALUATION_BUDGET. */
function evaluate(
  unresolved: FoundCell[],
  cells: (CellValue | undefined)[][],
  top: number,
  left: number,
  all: PositionIndex,
  pending: PositionIndex,
): void {
  let budget = EVALUATION_BUDGET;
  const byKey = new Map<string, FoundCell>();
  for (const cell of unresolved) byKey.set(`${cell.r},${cell.c}`, cell);
  /** a cell's value: undefined while it is a formula not evaluated yet, null where the sheet has no cell */
  const value = (r: number, c: number): CellValue | undefined => {
    const v = cells[r - top]?.[c - left];
    return v === undefined && !byKey.has(`${r},${c}`) ? null : v;
  };
  /** 1: dependencies pushed, 2: evaluated */
  const state = new Map<FoundCell, 1 | 2>();
  const rangeCells = (r1: number, c1: number, r2: number, c2: number): (CellValue | undefined)[] => {
    const out: (CellValue | undefined)[] = [];
    all.each(r1, c1, r2, c2, (r, c) => {
      if (--budget < 0) {
        out.push(undefined);
        return false;
      }
      out.push(cells[r - top]?.[c - left]);
      return true;
    });
    return out;
  };
  for (const start of unresolved) {
    if (state.has(start)) continue;
    const stack: FoundCell[] = [start];
    while (stack.length > 0) {
      if (budget < 0) return;
      const x = stack[stack.length - 1];
      const st = state.get(x);
      if (st === undefined) {
        state.set(x, 1);
        for (const b of formulaRanges(x.f ?? '') ?? []) {
          pending.each(b.r1, b.c1, b.r2, b.c2, (r, c) => {
            const y = byKey.get(`${r},${c}`);
            if (y && !state.has(y)) stack.push(y);
            return --budget >= 0;
          });
        }
      } else {
        stack.pop();
        if (st === 1) {
          state.set(x, 2);
          const result = x.f ? evaluateFormula(x.f, value, rangeCells) : undefined;
          cells[x.r - top][x.c - left] = result ?? null;
        }
      }
    }
  }
}
