/**
 * An in-memory WorkbookPort for the pane's tests: sheets of cells, a selection, highlights,
 * and change events. Records what the pane asked for.
 */
import type { CellValue, Grid } from '../../src/core/grid';
import { a1, parseA1 } from '../../src/core/grid';
import type { SheetPlan } from '../../src/core/layout/plan';
import type { CellChange, CellWrite, Conflict, HighlightCell, SheetMetadata, WorkbookPort } from '../../src/workbook/port';
import { WorkbookError } from '../../src/workbook/port';

export class FakePort implements WorkbookPort {
  /** sheet → "A1" → value */
  sheets = new Map<string, Map<string, CellValue>>();
  formulas = new Map<string, Map<string, string>>();
  meta = new Map<string, SheetMetadata>();
  selection: { sheet: string; address: string } | null = null;
  highlights: HighlightCell[] = [];
  applied: { sheet: string; overwrite: boolean }[] = [];
  selectCalls: { sheet: string; address: string }[] = [];
  private listeners = new Set<(c: CellChange) => void>();
  /** make the next call of this method fail */
  failNext: { method: keyof WorkbookPort; error: unknown } | null = null;

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const s of sheetNames) this.sheets.set(s, new Map());
    this.selection = { sheet: sheetNames[0], address: 'A1' };
  }

  private maybeFail(method: keyof WorkbookPort): void {
    if (this.failNext && this.failNext.method === method) {
      const e = this.failNext.error;
      this.failNext = null;
      throw e;
    }
  }

  private sheet(name: string): Map<string, CellValue> {
    const s = this.sheets.get(name);
    if (!s) throw new WorkbookError('no-sheet', { sheet: name });
    return s;
  }

  /** what a user typing into a cell does: change it and fire the change event */
  edit(sheet: string, address: string, value: CellValue): void {
    this.sheet(sheet).set(address, value);
    this.formulas.get(sheet)?.delete(address);
    for (const l of this.listeners) l({ sheet, address });
  }

  value(sheet: string, address: string): CellValue {
    return this.sheet(sheet).get(address) ?? null;
  }

  async listSheets(): Promise<string[]> {
    return [...this.sheets.keys()];
  }
  async activeCell(): Promise<{ sheet: string; address: string } | null> {
    return this.selection;
  }
  async addSheet(preferredName: string): Promise<string> {
    let name = preferredName;
    for (let i = 2; this.sheets.has(name); i++) name = `${preferredName}(${i})`;
    this.sheets.set(name, new Map());
    return name;
  }
  async readGrid(sheet: string): Promise<Grid> {
    this.maybeFail('readGrid');
    const cells = this.sheet(sheet);
    let maxR = -1;
    let maxC = -1;
    for (const addr of cells.keys()) {
      const p = parseA1(addr)!;
      maxR = Math.max(maxR, p.row);
      maxC = Math.max(maxC, p.col);
    }
    const grid: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    const f = this.formulas.get(sheet);
    for (let r = 0; r <= maxR; r++) {
      grid.push([]);
      formulas.push([]);
      for (let c = 0; c <= maxC; c++) {
        grid[r].push(cells.get(a1(r, c)) ?? null);
        formulas[r].push(f?.get(a1(r, c)) ?? null);
      }
    }
    return { sheet, origin: { row: 0, col: 0 }, cells: grid, formulas };
  }
  async readAllGrids(): Promise<Grid[]> {
    this.maybeFail('readAllGrids');
    return Promise.all([...this.sheets.keys()].map((s) => this.readGrid(s)));
  }
  async findConflicts(sheet: string, plan: SheetPlan): Promise<Conflict[]> {
    const cells = this.sheet(sheet);
    const out: Conflict[] = [];
    const { r, c, rows, cols } = plan.bounds;
    for (const [addr, v] of cells) {
      const p = parseA1(addr)!;
      if (v !== null && v !== '' && p.row >= r && p.row < r + rows && p.col >= c && p.col < c + cols) {
        out.push({ sheet, address: addr, value: v });
      }
    }
    return out;
  }
  async applyPlan(sheet: string, plan: SheetPlan, options?: { overwrite?: boolean }): Promise<void> {
    this.maybeFail('applyPlan');
    const conflicts = await this.findConflicts(sheet, plan);
    if (conflicts.length > 0 && !options?.overwrite) throw new WorkbookError('conflict', { sheet, count: conflicts.length });
    const cells = this.sheet(sheet);
    const f = this.formulas.get(sheet) ?? new Map<string, string>();
    this.formulas.set(sheet, f);
    for (const cell of plan.cells) {
      const addr = a1(cell.r, cell.c);
      if (cell.formula) {
        f.set(addr, cell.formula);
        cells.set(addr, null);
      } else {
        cells.set(addr, cell.value ?? null);
      }
    }
    this.meta.set(sheet, plan.metadata);
    this.applied.push({ sheet, overwrite: !!options?.overwrite });
  }
  async writeValues(writes: CellWrite[]): Promise<void> {
    for (const w of writes) this.sheet(w.sheet).set(w.address, w.value);
  }
  async getMetadata(sheet: string): Promise<SheetMetadata | null> {
    return this.meta.get(sheet) ?? null;
  }
  async setMetadata(sheet: string, meta: SheetMetadata): Promise<void> {
    this.meta.set(sheet, meta);
  }
  async highlight(cells: HighlightCell[]): Promise<void> {
    this.highlights = cells;
  }
  async clearHighlights(): Promise<void> {
    this.highlights = [];
  }
  async select(sheet: string, address: string): Promise<void> {
    this.maybeFail('select');
    this.sheet(sheet);
    this.selection = { sheet, address };
    this.selectCalls.push({ sheet, address });
  }
  onChanged(handler: (c: CellChange) => void): () => void {
    this.listeners.add(handler);
    return () => this.listeners.delete(handler);
  }
  get listenerCount(): number {
    return this.listeners.size;
  }
}
