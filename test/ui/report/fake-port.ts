/** A small in-memory WorkbookPort for the 生成报告 view: sheets of values, with the calls recorded. */
import type { CellValue, Grid } from '../../../src/core/grid';
import { a1, parseA1 } from '../../../src/core/grid';
import type { SheetPlan } from '../../../src/core/layout/plan';
import type { CellWrite, Conflict, HighlightCell, SheetMetadata, WorkbookPort } from '../../../src/workbook/port';
import { WorkbookError } from '../../../src/workbook/port';

export class MemoryPort implements WorkbookPort {
  sheets = new Map<string, Map<string, CellValue>>();
  calls: string[] = [];
  failReadAll: unknown = null;

  constructor(sheets: Record<string, Map<string, CellValue>> = {}) {
    for (const [k, v] of Object.entries(sheets)) this.sheets.set(k, v);
  }

  value(sheet: string, address: string): CellValue {
    return this.sheets.get(sheet)?.get(address) ?? null;
  }

  async listSheets(): Promise<string[]> {
    return [...this.sheets.keys()];
  }
  async activeCell(): Promise<null> {
    return null;
  }
  async addSheet(preferredName: string): Promise<string> {
    this.calls.push(`addSheet:${preferredName}`);
    let name = preferredName;
    for (let i = 2; this.sheets.has(name); i++) name = `${preferredName}(${i})`;
    this.sheets.set(name, new Map());
    return name;
  }
  async readGrid(sheet: string): Promise<Grid> {
    const cells = this.sheets.get(sheet);
    if (!cells) throw new WorkbookError('no-sheet', { sheet });
    let rows = 0;
    let cols = 0;
    for (const addr of cells.keys()) {
      const p = parseA1(addr)!;
      rows = Math.max(rows, p.row + 1);
      cols = Math.max(cols, p.col + 1);
    }
    const grid: CellValue[][] = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => cells.get(a1(r, c)) ?? null),
    );
    return { sheet, origin: { row: 0, col: 0 }, cells: grid };
  }
  async readAllGrids(): Promise<Grid[]> {
    this.calls.push('readAllGrids');
    if (this.failReadAll) {
      const e = this.failReadAll;
      this.failReadAll = null;
      throw e;
    }
    return Promise.all([...this.sheets.keys()].map((s) => this.readGrid(s)));
  }
  async findConflicts(): Promise<Conflict[]> {
    return [];
  }
  async applyPlan(sheet: string, plan: SheetPlan): Promise<void> {
    this.calls.push(`applyPlan:${sheet}`);
    const cells = this.sheets.get(sheet);
    if (!cells) throw new WorkbookError('no-sheet', { sheet });
    for (const [addr, v] of cells) if (v !== null && v !== '') throw new WorkbookError('conflict', { sheet, address: addr });
    for (const c of plan.cells) cells.set(a1(c.r, c.c), c.formula ? null : (c.value ?? null));
  }
  async writeValues(writes: CellWrite[]): Promise<void> {
    this.calls.push(`writeValues:${writes.length}`);
    for (const w of writes) {
      const cells = this.sheets.get(w.sheet);
      if (!cells) throw new WorkbookError('no-sheet', { sheet: w.sheet });
      cells.set(w.address, w.value);
    }
  }
  async getMetadata(): Promise<SheetMetadata | null> {
    return null;
  }
  async setMetadata(): Promise<void> {}
  async highlight(_cells: HighlightCell[]): Promise<void> {}
  async clearHighlights(): Promise<void> {}
  async select(): Promise<void> {}
}
