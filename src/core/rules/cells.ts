/** Naming cells for findings, and the CELL-VALUE / CELL-BLANK classification of one value. */
import type { FormatDef, TableDef, TableId, ValueCell } from '../formats/types';
import { AMOUNT_DECIMALS, TABLE_IDS } from '../formats/types';
import type { ReportData, Value } from '../model/report';
import type { LocatedReport } from '../read/types';
import { RULES } from '../messages/rules';
import type { FindingCell } from './types';

/** What a rule needs to name a cell of one report (this year's or last year's). */
export interface CellContext {
  format: FormatDef;
  data: ReportData;
  cells?: LocatedReport['cells'];
  sheetOf?: string;
  /** set for last year's report: labels say so */
  previousYear?: number | true;
}

const valueIndex = new WeakMap<TableDef, Map<string, Map<string, ValueCell>>>();

/** The table's value cell of a row and column key (the first one, as the format lists them). */
export function valueCell(table: TableDef, row: string, col: string): ValueCell | undefined {
  let index = valueIndex.get(table);
  if (!index) {
    index = new Map();
    for (const v of table.values) {
      let cols = index.get(v.row);
      if (!cols) index.set(v.row, (cols = new Map()));
      if (!cols.has(v.col)) cols.set(v.col, v);
    }
    valueIndex.set(table, index);
  }
  return index.get(row)?.get(col);
}

/** Every value cell of a format in order (表二, 表三, 表四, each as listed), numbered. */
export interface FormatSlots {
  cells: { table: TableId; vc: ValueCell }[];
  /** the number of a table's value cell (the one valueCell finds) */
  slot: Map<ValueCell, number>;
}

const slotCache = new WeakMap<FormatDef, FormatSlots>();

export function formatSlots(format: FormatDef): FormatSlots {
  let s = slotCache.get(format);
  if (!s) {
    s = { cells: [], slot: new Map() };
    for (const table of TABLE_IDS) {
      for (const vc of format.tables[table].values) {
        s.slot.set(vc, s.cells.length);
        s.cells.push({ table, vc });
      }
    }
    slotCache.set(format, s);
  }
  return s;
}

/** The values of a report by slot number (undefined where the data has no such cell). */
export function slotValues(slots: FormatSlots, data: ReportData): (Value | undefined)[] {
  return slots.cells.map(({ table, vc }) => data[table]?.[vc.row]?.[vc.col]);
}

/** Short row name for equations: “一、本年新收”, “（三）1.属于国家秘密”, “（二）部分公开” (from the format). */
export function shortRow(_table: TableDef, vc: ValueCell): string {
  return vc.shortRowLabel;
}

/** “表三 一、本年新收政府信息公开申请数量 · 自然人” (from the format). */
export function cellLabel(_table: TableDef, vc: ValueCell): string {
  return vc.cellLabel;
}

/** The FindingCell of one value cell of the report in `ctx`. */
export function describeCell(ctx: CellContext, tableId: TableId, vc: ValueCell): FindingCell {
  const table = ctx.format.tables[tableId];
  const loc = ctx.cells?.[tableId]?.[vc.row]?.[vc.col];
  const raw = ctx.data[tableId]?.[vc.row]?.[vc.col];
  const base = cellLabel(table, vc);
  const cell: FindingCell = {
    table: tableId,
    row: vc.row,
    col: vc.col,
    label:
      ctx.previousYear === undefined
        ? base
        : RULES.previousCellLabel(base, ctx.previousYear === true ? undefined : ctx.previousYear),
    value: raw === undefined ? null : raw,
  };
  const sheet = loc?.sheet ?? (ctx.previousYear === undefined ? ctx.sheetOf : undefined);
  if (sheet !== undefined) cell.sheet = sheet;
  if (loc) cell.address = loc.address;
  if (ctx.previousYear !== undefined) cell.previous = true;
  return cell;
}

/* ---------------------------------------------------------------- CELL-VALUE / CELL-BLANK */

/** Text that people put in a value cell for “nothing”. */
const PLACEHOLDERS = new Set(['-', '--', '/', '//', '\\', '—', '——', '–', '―', '─', '无', '空', '暂无', '没有', 'n/a', 'na', 'null']);
const NUMERIC_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

export interface CellProblem {
  id: 'CELL-BLANK' | 'CELL-VALUE';
  message: string;
  suggestion: string;
}

function hasAtMostDecimals(v: number, places: number): boolean {
  const scale = 10 ** places;
  return Math.abs(v * scale - Math.round(v * scale)) <= 1e-6 * Math.max(1, Math.abs(v));
}

/**
 * True when cellProblem finds nothing: a finite number the cell's kind accepts. Lets the checks
 * skip naming the cells that are fine (most of them).
 */
export function valueAccepted(vc: ValueCell, value: Value | undefined): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return false;
  switch (vc.kind) {
    case 'count':
      return value >= 0 && Number.isInteger(value);
    case 'signed':
      return Number.isInteger(value);
    case 'amount':
      return value >= 0 && hasAtMostDecimals(value, AMOUNT_DECIMALS);
    default:
      return true;
  }
}

/** What is wrong with the value of one cell, if anything (nothing exactly when valueAccepted). */
export function cellProblem(vc: ValueCell, value: Value | undefined, label: string, address?: string): CellProblem | undefined {
  if (value === null || value === undefined) return { id: 'CELL-BLANK', message: RULES.blank(label, address), suggestion: RULES.fillZero };
  if (typeof value === 'string') {
    const t = value.normalize('NFKC').trim();
    if (t === '') return { id: 'CELL-BLANK', message: RULES.blank(label, address), suggestion: RULES.fillZero };
    if (PLACEHOLDERS.has(t.toLowerCase()))
      return { id: 'CELL-BLANK', message: RULES.placeholder(label, value.trim(), address), suggestion: RULES.fillZero };
    if (NUMERIC_TEXT.test(t))
      return { id: 'CELL-VALUE', message: RULES.numericText(label, value.trim(), address), suggestion: RULES.fixNumber };
    return { id: 'CELL-BLANK', message: RULES.text(label, value.trim(), address), suggestion: RULES.fixNumber };
  }
  if (!Number.isFinite(value)) return { id: 'CELL-VALUE', message: RULES.notFinite(label, address), suggestion: RULES.fixNumber };
  // above 2^53 whole numbers are no longer exact (2^53 + 1 reads as 2^53): no count or amount is that large
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) return { id: 'CELL-VALUE', message: RULES.tooLarge(label, value, address), suggestion: RULES.fixNumber };
  switch (vc.kind) {
    case 'count':
      if (value < 0) return { id: 'CELL-VALUE', message: RULES.negativeCount(label, value, address), suggestion: RULES.fixCount };
      if (!Number.isInteger(value))
        return { id: 'CELL-VALUE', message: RULES.fractionCount(label, value, address), suggestion: RULES.fixCount };
      return undefined;
    case 'signed':
      if (!Number.isInteger(value))
        return { id: 'CELL-VALUE', message: RULES.fractionSigned(label, value, address), suggestion: RULES.fixSigned };
      return undefined;
    case 'amount':
      if (value < 0)
        return { id: 'CELL-VALUE', message: RULES.negativeAmount(label, value, address), suggestion: RULES.fixAmount(vc.unit) };
      if (!hasAtMostDecimals(value, AMOUNT_DECIMALS))
        return {
          id: 'CELL-VALUE',
          message: RULES.tooManyDecimals(label, value, vc.unit, address),
          suggestion: RULES.fixAmount(vc.unit),
        };
      return undefined;
    default:
      return undefined;
  }
}
