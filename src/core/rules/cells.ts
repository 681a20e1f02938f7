/** Naming cells for findings, and the CELL-VALUE / CELL-BLANK classification of one value. */
import type { FormatDef, TableDef, TableId, ValueCell } from '../formats/types';
import type { ReportData, Value } from '../model/report';
import type { LocatedReport } from '../read/types';
import { RULES, T3_SHORT_ROWS } from '../messages/rules';
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

export function valueCell(table: TableDef, row: string, col: string): ValueCell | undefined {
  return table.values.find((v) => v.row === row && v.col === col);
}

const PARENT_MARK = /^（[一二三四五六七八九十]+）/;

/** The row part of a cell description: “（三）不予公开 1.属于国家秘密”, “行政诉讼·未经复议直接起诉”, “规章”. */
export function rowPart(table: TableDef, vc: ValueCell): string {
  if (vc.parentLabel && PARENT_MARK.test(vc.parentLabel)) return `${vc.parentLabel} ${vc.rowLabel}`;
  return table.rowOrder.find((r) => r.key === vc.row)?.label ?? vc.rowLabel;
}

/** Short row name for equations: “一、本年新收”, “（三）1.属于国家秘密”, “（二）部分公开”. */
export function shortRow(table: TableDef, vc: ValueCell): string {
  if (table.id === 'table3' && T3_SHORT_ROWS[vc.row]) return T3_SHORT_ROWS[vc.row];
  const mark = vc.parentLabel ? PARENT_MARK.exec(vc.parentLabel) : null;
  if (mark) return `${mark[0]}${vc.rowLabel}`;
  const label = table.rowOrder.find((r) => r.key === vc.row)?.label ?? vc.rowLabel;
  // drop an explanatory note in brackets at the end: （二）部分公开（区分处理的…）
  return label.replace(/(.)（[^（）]*）$/u, '$1');
}

/** “表三 一、本年新收政府信息公开申请数量 · 自然人” */
export function cellLabel(table: TableDef, vc: ValueCell): string {
  return RULES.cellLabel(table.shortName, rowPart(table, vc), vc.colLabel);
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

/** What is wrong with the value of one cell, if anything. */
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
      if (!hasAtMostDecimals(value, 4))
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
