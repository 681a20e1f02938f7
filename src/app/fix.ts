/**
 * Fixes the check can offer, each shown before it is applied and written in one batch:
 *   - zeros:  空白格填 0 — empty value cells get 0; never a total whose parts are not all 0 or blank
 *             (a blank 总计 of a row that adds up to 272 is not 0), never a formula cell;
 *   - totals: 合计按分项重算 — a total typed by hand is set to the sum of its parts (inner totals first);
 *   - likely: 采用建议值 — the likely wrong cell of each error gets the value that makes it fit.
 * `nianbao fix` and the pane use the same plans; `undoFix` writes back what a fix changed.
 */
import { formatOf, type FormatDef, type Relation, type TableId, type ValueCell } from '../core/formats';
import type { Grid } from '../core/grid';
import { getValue, type ReportData, type Value } from '../core/model/report';
import type { LocatedReport } from '../core/read/types';
import { isBlank, totalRelationsByCell } from '../core/rules/blanks';
import type { Finding } from '../core/rules/types';
import type { WorkbookPort } from '../workbook/port';
import { checkSheets } from './check';
import { readSheets, type WorkbookSheets } from './sheets';

export type FixKind = 'zeros' | 'totals' | 'likely';
export const FIX_KINDS: readonly FixKind[] = ['zeros', 'totals', 'likely'];

export interface FixWrite {
  sheet: string;
  address: string;
  /** the cell as named in findings: “表三 一、本年新收… · 自然人” */
  label: string;
  from: Value;
  to: number;
}

export interface FixPlan {
  kind: FixKind;
  writes: FixWrite[];
}

const num = (v: Value | undefined): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Is the cell's value computed by a formula on the sheet (then no fix writes it)? */
function isFormula(grids: Map<string, Grid>, loc: { sheet: string; row: number; col: number }): boolean {
  const g = grids.get(loc.sheet);
  return !!g?.formulas?.[loc.row - g.origin.row]?.[loc.col - g.origin.col];
}

function* valueCells(format: FormatDef): Generator<{ table: TableId; vc: ValueCell }> {
  for (const table of ['table2', 'table3', 'table4'] as const) for (const vc of format.tables[table].values) yield { table, vc };
}

/** The parts of a total relation with this year's values (`values` holds corrected ones). */
function partsSum(rel: Relation, data: ReportData, values: Map<string, number>): { sum: number; allBlank: boolean } {
  let sum = 0;
  let allBlank = true;
  for (const t of rel.right) {
    const key = `${t.ref.table}.${t.ref.row}.${t.ref.col}`;
    const v = values.has(key) ? values.get(key) : getValue(data, t.ref.table, t.ref.row, t.ref.col);
    if (!isBlank(v as Value)) allBlank = false;
    sum += (t.sign ?? 1) * num(v as Value);
  }
  return { sum: sum + (rel.constant ?? 0), allBlank };
}

function zerosFor(report: LocatedReport, format: FormatDef, grids: Map<string, Grid>): FixWrite[] {
  const totals = totalRelationsByCell(format);
  const writes: FixWrite[] = [];
  for (const { table, vc } of valueCells(format)) {
    const loc = report.cells[table]?.[vc.row]?.[vc.col];
    const v = getValue(report.data, table, vc.row, vc.col);
    if (!loc || !isBlank(v ?? null) || isFormula(grids, loc)) continue;
    // a blank total whose parts are not all blank or 0 is the sum of its parts, not 0
    const rels = totals.get(vc);
    if (rels?.some((rel) => partsSum(rel, report.data, new Map()).sum !== 0)) continue;
    writes.push({ sheet: loc.sheet, address: loc.address, label: vc.cellLabel, from: v ?? null, to: 0 });
  }
  return writes;
}

function totalsFor(report: LocatedReport, format: FormatDef, grids: Map<string, Grid>): FixWrite[] {
  const totals = totalRelationsByCell(format);
  const corrected = new Map<string, number>();
  // inner totals first: repeat until nothing changes (a total's parts may be totals themselves)
  for (let pass = 0; pass < 6; pass++) {
    let changed = false;
    for (const [vc, rels] of totals) {
      const table = rels[0].left[0].ref.table;
      const key = `${table}.${vc.row}.${vc.col}`;
      const loc = report.cells[table]?.[vc.row]?.[vc.col];
      if (!loc || isFormula(grids, loc)) continue;
      const { sum, allBlank } = partsSum(rels[0], report.data, corrected);
      if (allBlank) continue;
      const now = corrected.has(key) ? corrected.get(key) : getValue(report.data, table, vc.row, vc.col);
      if (now !== sum) {
        corrected.set(key, sum);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const writes: FixWrite[] = [];
  for (const [vc, rels] of totals) {
    const table = rels[0].left[0].ref.table;
    const to = corrected.get(`${table}.${vc.row}.${vc.col}`);
    const loc = report.cells[table]?.[vc.row]?.[vc.col];
    if (to === undefined || !loc) continue;
    const from = getValue(report.data, table, vc.row, vc.col) ?? null;
    if (from !== to) writes.push({ sheet: loc.sheet, address: loc.address, label: vc.cellLabel, from, to });
  }
  return writes;
}

function likelyFor(findings: Finding[], grids: Map<string, Grid>, report: LocatedReport): FixWrite[] {
  const writes = new Map<string, FixWrite>();
  for (const f of findings) {
    const l = f.likely;
    if (f.severity !== 'error' || !l || l.previous || l.suggested === undefined || !l.sheet || !l.address) continue;
    const loc = l.table && l.row && l.col ? report.cells[l.table]?.[l.row]?.[l.col] : undefined;
    if (loc && isFormula(grids, loc)) continue;
    const key = `${l.sheet}!${l.address}`;
    if (!writes.has(key)) writes.set(key, { sheet: l.sheet, address: l.address, label: l.label, from: l.value ?? null, to: l.suggested });
  }
  return [...writes.values()];
}

/** What a fix would write in a workbook's sheets (nothing is written). */
export function planFixOnSheets(sheets: WorkbookSheets, kind: FixKind): FixPlan {
  const grids = new Map(sheets.grids.map((g) => [g.sheet, g]));
  const writes: FixWrite[] = [];
  for (const { report, findings } of checkSheets(sheets)) {
    const format = formatOf(report.data);
    if (kind === 'zeros') writes.push(...zerosFor(report, format, grids));
    else if (kind === 'totals') writes.push(...totalsFor(report, format, grids));
    else writes.push(...likelyFor(findings, grids, report));
  }
  return { kind, writes };
}

/** What a fix would write in a workbook (nothing is written). */
export async function planFix(port: WorkbookPort, kind: FixKind): Promise<FixPlan> {
  return planFixOnSheets(await readSheets(port), kind);
}

/** Writes a plan the user has seen, in one batch. */
export async function applyFix(port: WorkbookPort, plan: FixPlan): Promise<void> {
  if (plan.writes.length > 0) await port.writeValues(plan.writes.map((w) => ({ sheet: w.sheet, address: w.address, value: w.to })));
}

/** Writes back what an applied plan changed. */
export async function undoFix(port: WorkbookPort, plan: FixPlan): Promise<void> {
  if (plan.writes.length > 0) await port.writeValues(plan.writes.map((w) => ({ sheet: w.sheet, address: w.address, value: w.from })));
}
