/**
 * The WorkbookPort contract: what every port (ExcelJS, office.js, WPS) must do the same way,
 * registered as jest tests for one port by `portContract(factory)`.
 *
 * The factory makes a fresh port over a fresh model with the given sheets, and gives a view of the
 * model underneath (values, fills, borders, merges, and where the host has them the selection and
 * a simulated user edit). A case that needs something a port legitimately lacks (ExcelJS has no
 * selection and no change events) is registered only when the factory declares the capability.
 */
import { getFormat } from '../../../src/core/formats';
import type { FormatDef } from '../../../src/core/formats';
import { a1, gridValue, parseA1 } from '../../../src/core/grid';
import type { SheetPlan } from '../../../src/core/layout/plan';
import { CELL_STYLES, MARK_FILLS } from '../../../src/core/layout/styles';
import { emptyReport } from '../../../src/core/model/report';
import { planTables } from '../../../src/app/create';
import type { CellChange, WorkbookPort } from '../../../src/workbook/port';
import { META_SHEET_NAME, WorkbookError } from '../../../src/workbook/port';

export type ContractScalar = string | number | boolean;

export interface ContractSheet {
  name: string;
  /** A1 → value ('=…' a formula) */
  cells?: Record<string, ContractScalar>;
  /** A1 → '#RRGGBB' */
  fills?: Record<string, string>;
  /** merged areas (A1 ranges), merged after the cells are written */
  merges?: string[];
}

/** The model under the port, as the contract reads it back. */
export interface ContractModel {
  /** the value a cell holds (a formula's result where the model has one), null when empty */
  value(sheet: string, address: string): ContractScalar | null;
  /** '#RRGGBB' (upper case) or null when the cell has no fill */
  fill(sheet: string, address: string): string | null;
  /** which edges of a cell have a line */
  borders(sheet: string, address: string): { top: boolean; bottom: boolean; left: boolean; right: boolean };
  /** merged areas as A1 ranges */
  merges(sheet: string): string[];
  /** the host's active sheet and selected range (capability `selection`) */
  selection?(): { sheet: string; address: string };
  /** a user typing into a cell (capability `changeEvents`) */
  userEdit?(sheet: string, address: string, value: ContractScalar): void;
}

export interface ContractFactory {
  /** the port's name in the test titles */
  name: string;
  capabilities: {
    /** the host has a selection the model can show */
    selection: boolean;
    /** port.onChanged reports user edits */
    changeEvents: boolean;
  };
  /**
   * A fresh port over a fresh model; `reopen` gives a new port over the same workbook (the pane
   * reloaded; for a file, saved and opened again), after which `model` reads that workbook.
   */
  make(sheets: ContractSheet[]): Promise<{ port: WorkbookPort; model: ContractModel; reopen(): Promise<WorkbookPort> }>;
}

const ORG = '某某县人民政府办公室';

/** the tables of a format as 插入表格 writes them, every figure 1 */
function realPlan(format: FormatDef, year: number): SheetPlan {
  return planTables({ format, year, organization: ORG, manualTotals: false, data: emptyReport(format, year, ORG, 1) });
}

const FORMATS: [string, number][] = [
  ['2019', 2020],
  ['2021', 2023],
];

/** every cell of an A1 range */
function cellsOf(range: string): string[] {
  const [p, q] = range.split(':').map((s) => parseA1(s)!);
  const end = q ?? p;
  const out: string[] = [];
  for (let r = p.row; r <= end.row; r++) for (let c = p.col; c <= end.col; c++) out.push(a1(r, c));
  return out;
}

/** let handlers scheduled by the port (promises, host batches) run */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to be rejected');
}

export function portContract(factory: ContractFactory): void {
  const { name, capabilities } = factory;

  describe(`WorkbookPort contract: ${name}`, () => {
    describe.each(FORMATS)('the %s format', (formatId, year) => {
      const format = getFormat(formatId as '2019' | '2021')!;
      const plan = realPlan(format, year);

      test('applyPlan on an empty sheet, then readGrid reads the same labels, values and formulas', async () => {
        const { port } = await factory.make([{ name: '年报统计表' }]);
        await port.applyPlan('年报统计表', plan);
        const grid = await port.readGrid('年报统计表');
        let literals = 0;
        let formulas = 0;
        for (const cell of plan.cells) {
          if (cell.formula !== undefined) {
            const f = grid.formulas?.[cell.r - grid.origin.row]?.[cell.c - grid.origin.col];
            expect({ at: a1(cell.r, cell.c), formula: f }).toEqual({ at: a1(cell.r, cell.c), formula: cell.formula });
            formulas++;
          } else if (cell.value !== undefined && cell.value !== null && cell.value !== '') {
            expect({ at: a1(cell.r, cell.c), value: gridValue(grid, cell.r, cell.c) }).toEqual({ at: a1(cell.r, cell.c), value: cell.value });
            literals++;
          }
        }
        // the tables were really there: labels and figures, and the totals as formulas
        expect(literals).toBeGreaterThan(100);
        expect(formulas).toBeGreaterThan(5);
        expect(await port.getMetadata('年报统计表')).toEqual(plan.metadata);
      });

      test('fills, borders and merges are written as the plan and the style table say', async () => {
        const { port, model } = await factory.make([{ name: '年报统计表' }]);
        await port.applyPlan('年报统计表', plan);
        for (const cell of plan.cells) {
          const want = CELL_STYLES[cell.style].fill;
          expect({ at: a1(cell.r, cell.c), fill: model.fill('年报统计表', a1(cell.r, cell.c)) }).toEqual({ at: a1(cell.r, cell.c), fill: want });
        }
        for (const range of plan.borders) {
          for (const address of cellsOf(range)) {
            expect({ at: address, edges: model.borders('年报统计表', address) }).toEqual({
              at: address,
              edges: { top: true, bottom: true, left: true, right: true },
            });
          }
        }
        const want = plan.merges.map((m) => (m.rs === 1 && m.cs === 1 ? a1(m.r, m.c) : `${a1(m.r, m.c)}:${a1(m.r + m.rs - 1, m.c + m.cs - 1)}`));
        expect(model.merges('年报统计表').sort()).toEqual(want.sort());
      });
    });

    describe('conflicts', () => {
      const plan = realPlan(getFormat('2021')!, 2023);
      const b = plan.bounds;
      const first = a1(b.r, b.c);
      const inner = a1(b.r + 3, b.c + 2);
      const outside = a1(b.r + b.rows + 2, b.c);
      const sheets = (): ContractSheet[] => [{ name: 'S', cells: { [first]: '旧标题', [inner]: 42, [outside]: '表外' } }];

      test('findConflicts lists the non-empty cells inside the plan, and only those', async () => {
        const { port } = await factory.make(sheets());
        const conflicts = await port.findConflicts('S', plan);
        expect(conflicts.map((c) => ({ sheet: c.sheet, address: c.address, value: c.value })).sort((x, y) => x.address.localeCompare(y.address))).toEqual(
          [
            { sheet: 'S', address: first, value: '旧标题' },
            { sheet: 'S', address: inner, value: 42 },
          ].sort((x, y) => x.address.localeCompare(y.address)),
        );
      });

      test("applyPlan without overwrite refuses with WorkbookError 'conflict' and leaves every cell as it was", async () => {
        const { port, model } = await factory.make(sheets());
        const e = await rejection(port.applyPlan('S', plan));
        expect(e).toBeInstanceOf(WorkbookError);
        expect((e as WorkbookError).code).toBe('conflict');
        expect(((e as WorkbookError).data.cells as { address: string }[]).map((c) => c.address).sort()).toEqual([first, inner].sort());
        expect([model.value('S', first), model.value('S', inner), model.value('S', outside)]).toEqual(['旧标题', 42, '表外']);
        // nothing of the plan was written either
        const probe = plan.cells.find((c) => typeof c.value === 'string' && c.value !== '' && ![first, inner].includes(a1(c.r, c.c)))!;
        expect(model.value('S', a1(probe.r, probe.c))).toBeNull();
      });

      test('with overwrite, a merged area straddling the plan’s edge is undone: the sheet then has exactly the plan’s merges', async () => {
        const straddle = `${a1(b.r + 2, b.c + b.cols - 1)}:${a1(b.r + 2, b.c + b.cols)}`;
        const start = straddle.split(':')[0];
        const { port, model } = await factory.make([{ name: 'S', cells: { [start]: '用户的合并单元格' }, merges: [straddle] }]);
        expect(model.merges('S')).toEqual([straddle]);
        await port.applyPlan('S', plan, { overwrite: true });
        const want = plan.merges.map((m) => `${a1(m.r, m.c)}:${a1(m.r + m.rs - 1, m.c + m.cs - 1)}`);
        expect(model.merges('S').sort()).toEqual(want.sort());
      });

      test('applyPlan with overwrite: true writes the plan over them and keeps cells outside it', async () => {
        const { port, model } = await factory.make(sheets());
        await port.applyPlan('S', plan, { overwrite: true });
        const title = plan.cells.find((c) => c.r === b.r && c.c === b.c)!;
        expect(model.value('S', first)).toBe(title.value);
        expect(model.value('S', outside)).toBe('表外');
        expect(await port.findConflicts('S', plan)).not.toHaveLength(0);
      });
    });

    describe('highlights', () => {
      const sheets = (): ContractSheet[] => [
        { name: 'S', cells: { A1: 1, B2: 2, C3: 3, D4: 4 }, fills: { B2: '#00B050', D4: '#FFFF00' } },
        { name: 'T', cells: { A1: 'x' } },
      ];

      test('highlight marks cells by severity; a new highlight gives the old marks back their fills; clearHighlights restores all', async () => {
        const { port, model } = await factory.make(sheets());
        await port.highlight([
          { sheet: 'S', address: 'A1', severity: 'error' },
          { sheet: 'S', address: 'B2', severity: 'warning' },
          { sheet: 'T', address: 'A1', severity: 'warning' },
        ]);
        expect([model.fill('S', 'A1'), model.fill('S', 'B2'), model.fill('T', 'A1')]).toEqual([MARK_FILLS.error, MARK_FILLS.warning, MARK_FILLS.warning]);
        expect(model.fill('S', 'D4')).toBe('#FFFF00');

        await port.highlight([
          { sheet: 'S', address: 'C3', severity: 'error' },
          { sheet: 'S', address: 'B2', severity: 'error' },
        ]);
        expect([model.fill('S', 'A1'), model.fill('S', 'B2'), model.fill('S', 'C3'), model.fill('T', 'A1')]).toEqual([null, MARK_FILLS.error, MARK_FILLS.error, null]);

        await port.clearHighlights();
        expect([model.fill('S', 'A1'), model.fill('S', 'B2'), model.fill('S', 'C3'), model.fill('S', 'D4'), model.fill('T', 'A1')]).toEqual([
          null,
          '#00B050',
          null,
          '#FFFF00',
          null,
        ]);
        // values are untouched by marking
        expect([model.value('S', 'A1'), model.value('S', 'B2'), model.value('S', 'C3')]).toEqual([1, 2, 3]);
      });

      test('marks are kept with the workbook: a new port on it gives the fills back', async () => {
        const { port, model, reopen } = await factory.make(sheets());
        await port.highlight([
          { sheet: 'S', address: 'A1', severity: 'error' },
          { sheet: 'S', address: 'B2', severity: 'warning' },
        ]);
        const again = await reopen();
        expect([model.fill('S', 'A1'), model.fill('S', 'B2')]).toEqual([MARK_FILLS.error, MARK_FILLS.warning]);
        await again.highlight([{ sheet: 'S', address: 'C3', severity: 'warning' }]);
        expect([model.fill('S', 'A1'), model.fill('S', 'B2'), model.fill('S', 'C3')]).toEqual([null, '#00B050', MARK_FILLS.warning]);
        await again.clearHighlights();
        expect([model.fill('S', 'A1'), model.fill('S', 'B2'), model.fill('S', 'C3'), model.fill('S', 'D4')]).toEqual([null, '#00B050', null, '#FFFF00']);
      });

      test('an error mark wins over a warning on the same cell', async () => {
        const { port, model } = await factory.make(sheets());
        await port.highlight([
          { sheet: 'S', address: 'A1', severity: 'warning' },
          { sheet: 'S', address: 'A1', severity: 'error' },
        ]);
        expect(model.fill('S', 'A1')).toBe(MARK_FILLS.error);
        await port.clearHighlights();
        expect(model.fill('S', 'A1')).toBeNull();
      });
    });

    test('select makes the sheet active and the cell the active cell', async () => {
      const { port, model } = await factory.make([{ name: 'S' }, { name: '其他' }]);
      await port.select('其他', 'C5');
      expect(await port.activeCell()).toEqual({ sheet: '其他', address: 'C5' });
      if (capabilities.selection) expect(model.selection!()).toEqual({ sheet: '其他', address: 'C5' });
      await port.select('S', 'B2');
      expect(await port.activeCell()).toEqual({ sheet: 'S', address: 'B2' });
    });

    test('addSheet takes the name when free, else adds (2), (3) …; never longer than 31 characters, no illegal characters', async () => {
      const { port } = await factory.make([{ name: '年报统计表' }]);
      const second = await port.addSheet('年报统计表');
      const third = await port.addSheet('年报统计表');
      expect(second).toMatch(/^年报统计表 ?\(2\)$/);
      expect(third).toMatch(/^年报统计表 ?\(3\)$/);
      expect(await port.addSheet('报告正文')).toBe('报告正文');
      const long = await port.addSheet('很长的名字'.repeat(10));
      const longAgain = await port.addSheet('很长的名字'.repeat(10));
      expect(long.length).toBeLessThanOrEqual(31);
      expect(longAgain.length).toBeLessThanOrEqual(31);
      expect(longAgain).not.toBe(long);
      const odd = await port.addSheet('a/b:c*d?[e]\\f');
      expect(odd).not.toMatch(/[/:*?[\]\\]/);
      expect(await port.listSheets()).toEqual(['年报统计表', second, third, '报告正文', long, longAgain, odd]);
    });

    test('addSheet compares names in any case and leaves the active sheet as it was', async () => {
      const { port } = await factory.make([{ name: 'Data' }, { name: 'S' }]);
      await port.select('S', 'B2');
      const added = await port.addSheet('data');
      expect(added).toMatch(/^data ?\(2\)$/);
      expect(await port.activeCell()).toEqual({ sheet: 'S', address: 'B2' });
    });

    test("a sheet that does not exist: reading, writing, selecting and metadata reject with WorkbookError 'no-sheet'", async () => {
      const { port } = await factory.make([{ name: 'S' }]);
      const plan = realPlan(getFormat('2021')!, 2023);
      const meta = { format: '2021', year: 2023, organization: ORG, manualTotals: false };
      const codes: Record<string, unknown> = {};
      const attempts: [string, () => Promise<unknown>][] = [
        ['readGrid', () => port.readGrid('缺少')],
        ['findConflicts', () => port.findConflicts('缺少', plan)],
        ['applyPlan', () => port.applyPlan('缺少', plan)],
        ['writeValues', () => port.writeValues([{ sheet: '缺少', address: 'A1', value: 1 }])],
        ['select', () => port.select('缺少', 'A1')],
        ['setMetadata', () => port.setMetadata('缺少', meta)],
      ];
      for (const [op, run] of attempts) {
        const e = await rejection(run()).catch((x: unknown) => x);
        codes[op] = e instanceof WorkbookError ? e.code : e instanceof Error ? `not rejected (${e.message})` : e;
      }
      expect(codes).toEqual({
        readGrid: 'no-sheet',
        findConflicts: 'no-sheet',
        applyPlan: 'no-sheet',
        writeValues: 'no-sheet',
        select: 'no-sheet',
        setMetadata: 'no-sheet',
      });
      // getMetadata: the ExcelJS port answers null (no metadata), the others reject with 'no-sheet'
      const got = await port.getMetadata('缺少').then(
        (m) => m,
        (e: unknown) => (e instanceof WorkbookError ? e.code : e),
      );
      expect([null, 'no-sheet']).toContain(got);
    });

    test('metadata round trip: a sheet remembers its own, another sheet has none, and it is kept with the workbook', async () => {
      const { port, reopen } = await factory.make([{ name: 'S' }, { name: 'T' }]);
      const meta = { format: '2021', year: 2023, organization: '某某县"人民政府"办公室', manualTotals: true };
      expect(await port.getMetadata('S')).toBeNull();
      await port.setMetadata('S', meta);
      expect(await port.getMetadata('S')).toEqual(meta);
      expect(await port.getMetadata('T')).toBeNull();
      await port.setMetadata('S', { ...meta, year: 2024, manualTotals: false });
      expect(await port.getMetadata('S')).toEqual({ ...meta, year: 2024, manualTotals: false });
      const again = await reopen();
      expect(await again.getMetadata('S')).toEqual({ ...meta, year: 2024, manualTotals: false });
      expect(await again.getMetadata('T')).toBeNull();
    });

    test("the .xlsx port's hidden metadata sheet (a file made by the command line) is neither listed nor read", async () => {
      const { port } = await factory.make([{ name: '年报' , cells: { A1: '表' } }, { name: META_SHEET_NAME, cells: { A1: 'meta', B1: '年报' } }]);
      expect(await port.listSheets()).toEqual(['年报']);
      expect((await port.readAllGrids()).map((g) => g.sheet)).toEqual(['年报']);
    });

    test('writeValues writes numbers as numbers and text as text, whatever the text looks like', async () => {
      const { port, model } = await factory.make([{ name: 'S', cells: { A6: '旧' } }]);
      await port.writeValues([
        { sheet: 'S', address: 'A1', value: 42 },
        { sheet: 'S', address: 'A2', value: '0012' },
        { sheet: 'S', address: 'A3', value: '=1+1' },
        { sheet: 'S', address: 'A4', value: '3-4' },
        { sheet: 'S', address: 'A5', value: 'TRUE' },
        { sheet: 'S', address: 'A6', value: null },
        { sheet: 'S', address: 'B1', value: -1.5 },
      ]);
      expect(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1'].map((a) => model.value('S', a))).toEqual([42, '0012', '=1+1', '3-4', 'TRUE', null, -1.5]);
      const grid = await port.readGrid('S');
      expect(gridValue(grid, 0, 0)).toBe(42);
      expect(gridValue(grid, 2, 0)).toBe('=1+1');
      expect(grid.formulas?.[2 - grid.origin.row]?.[0 - grid.origin.col] ?? null).toBeNull();
    });

    if (capabilities.changeEvents) {
      test('onChanged reports a user edit with its sheet and address, and stops after it is removed', async () => {
        const { port, model } = await factory.make([{ name: 'S' }, { name: 'T' }]);
        const seen: CellChange[] = [];
        const off = port.onChanged!((c) => seen.push(c));
        await settle();
        model.userEdit!('T', 'B2', 5);
        await settle();
        expect(seen).toEqual([{ sheet: 'T', address: 'B2' }]);
        off();
        await settle();
        model.userEdit!('T', 'B3', 6);
        await settle();
        expect(seen).toHaveLength(1);
      });
    }
  });
}
