/**
 * Test helpers for the style table: the plans a report workbook gets (both formats' tables, also
 * away from A1, and 报告正文), every cell a plan styles, and what each port holds for a cell, in
 * port-neutral terms (the style table's words, through each port's own map).
 */
import ExcelJS from 'exceljs';
import { getFormat } from '../../src/core/formats';
import { parseA1 } from '../../src/core/grid';
import { buildSheetPlan } from '../../src/core/layout/build';
import type { CellStyle, SheetPlan } from '../../src/core/layout/plan';
import { buildProfilePlan } from '../../src/core/layout/profile';
import type { BorderLook, CellLook } from '../../src/core/layout/styles';
import { emptyReport } from '../../src/core/model/report';
import { defaultProfile } from '../../src/core/narrative';
import { BORDER_LINES, fromOfficeLook } from '../../src/workbook/office/styles';
import { borderLookOf, lookOfExcelJs } from '../../src/workbook/xlsx/styles';
import type { FakeCellSnapshot } from '../fakes/excel-fake';

const ORG = '某某县人民政府办公室';

/** name → plan: the tables of both formats (one of them at C4) and 报告正文 */
export function reportPlans(): [string, SheetPlan][] {
  const f2019 = getFormat('2019')!;
  const f2021 = getFormat('2021')!;
  return [
    ['2021 tables at A1', buildSheetPlan(f2021, { year: 2023, organization: ORG })],
    ['2019 tables at A1', buildSheetPlan(f2019, { year: 2020, organization: ORG })],
    ['2021 tables at C4, manual totals', buildSheetPlan(f2021, { year: 2023, organization: ORG, origin: { row: 3, col: 2 }, manualTotals: true })],
    ['报告正文', buildProfilePlan(defaultProfile(emptyReport(f2021, 2023, ORG)))],
  ];
}

export interface StyledCell {
  r: number;
  c: number;
  style: CellStyle;
  /** the plan cell this one belongs to (itself, or the top-left of its merged area) */
  owner: { r: number; c: number };
}

/** Every cell a plan gives a style: each plan cell and the rest of its merged area. */
export function styledCells(plan: SheetPlan): StyledCell[] {
  const out: StyledCell[] = [];
  for (const cell of plan.cells) {
    const m = plan.merges.find((x) => x.r === cell.r && x.c === cell.c) ?? { r: cell.r, c: cell.c, rs: 1, cs: 1 };
    for (let r = m.r; r < m.r + m.rs; r++) {
      for (let c = m.c; c < m.c + m.cs; c++) out.push({ r, c, style: cell.style, owner: { r: cell.r, c: cell.c } });
    }
  }
  return out;
}

/** Every cell inside the plan's border ranges (0-based). */
export function borderedCells(plan: SheetPlan): { r: number; c: number }[] {
  const out: { r: number; c: number }[] = [];
  for (const range of plan.borders) {
    const [a, b] = range.split(':').map((x) => parseA1(x)!);
    const q = b ?? a;
    for (let r = a.row; r <= q.row; r++) for (let c = a.col; c <= q.col; c++) out.push({ r, c });
  }
  return out;
}

type Edges = { top: BorderLook | null; left: BorderLook | null; bottom: BorderLook | null; right: BorderLook | null };

/** One cell as a port holds it, in the style table's words. */
export interface CellView {
  look: CellLook | null;
  numFmt: string;
  locked: boolean;
  /** the line style of each edge ('thin'), null for none */
  borders: { top: string | null; left: string | null; bottom: string | null; right: string | null };
}

/** A cell of an .xlsx file, read with ExcelJS, through the xlsx port's map. */
export function xlsxView(ws: ExcelJS.Worksheet, r: number, c: number): CellView & { edges: Edges } {
  const cell = ws.getCell(r + 1, c + 1);
  const style = cell.style ?? {};
  const edges: Edges = {
    top: borderLookOf(style.border?.top),
    left: borderLookOf(style.border?.left),
    bottom: borderLookOf(style.border?.bottom),
    right: borderLookOf(style.border?.right),
  };
  return {
    look: lookOfExcelJs(style),
    numFmt: style.numFmt ?? 'General',
    locked: style.protection?.locked !== false,
    borders: { top: edges.top?.style ?? null, left: edges.left?.style ?? null, bottom: edges.bottom?.style ?? null, right: edges.right?.style ?? null },
    edges,
  };
}

const lineOf = (officeStyle: string | null): string | null => {
  if (officeStyle === null) return null;
  const found = (Object.keys(BORDER_LINES) as (keyof typeof BORDER_LINES)[]).find((k) => BORDER_LINES[k].style === officeStyle);
  return found ?? `office:${officeStyle}`;
};

/** A cell of the fake Excel, through the office port's map. */
export function officeView(cell: FakeCellSnapshot): CellView {
  return {
    look: fromOfficeLook(cell),
    numFmt: cell.numberFormat,
    locked: cell.locked,
    borders: { top: lineOf(cell.borders.top), left: lineOf(cell.borders.left), bottom: lineOf(cell.borders.bottom), right: lineOf(cell.borders.right) },
  };
}

/** .xlsx bytes read back with ExcelJS itself: the named sheet. */
export async function reload(bytes: Uint8Array, sheet: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb.getWorksheet(sheet)!;
}
