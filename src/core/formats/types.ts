/**
 * The official report formats as data. Everything else (layout, reader, rules, narrative)
 * derives from these definitions; a new format is a new data file, not new code.
 */

export type FormatId = string; // '2019' | '2021' | future ids
export type TableId = 'table2' | 'table3' | 'table4';
export const TABLE_IDS: readonly TableId[] = ['table2', 'table3', 'table4'];

/** whole ≥ 0 · whole with sign (本年增/减) · amount ≥ 0 with at most 4 decimals */
export type ValueKind = 'count' | 'signed' | 'amount';

/** A label cell of a table's template; r/c are 0-based within the table's grid. */
export interface LabelCell {
  r: number;
  c: number;
  rs?: number;
  cs?: number;
  text: string;
  /** heading: a section heading row (第二十条第（一）项); header: a column header; row: a row label; note: explanatory text */
  role: 'heading' | 'header' | 'row' | 'note';
}

/** A value cell: where it is in the template and what it means. */
export interface ValueCell {
  r: number;
  c: number;
  cs?: number;
  /** row key of the interchange JSON (table4: the group key) */
  row: string;
  /** column / field key of the interchange JSON */
  col: string;
  kind: ValueKind;
  unit?: string;
  /** label of the row (table3: the innermost label, e.g. “1.属于国家秘密”) */
  rowLabel: string;
  /** label of the column header (e.g. “自然人”, “本年制发件数”, “结果维持”) */
  colLabel: string;
  /** the enclosing label: table2 section heading, table3 parent row label, table4 group label */
  parentLabel?: string;
}

export interface TableDef {
  id: TableId;
  /** the section heading the table belongs to, e.g. “二、主动公开政府信息情况” */
  caption: string;
  /** short name for messages: 表二 / 表三 / 表四 */
  shortName: string;
  rows: number;
  cols: number;
  labels: LabelCell[];
  values: ValueCell[];
  /** column widths in characters, one per column */
  widths: number[];
  /** text written under the table (units the header does not state) */
  notes?: string[];
  /** row keys in official order with their labels (spec §7) */
  rowOrder: { key: string; label: string }[];
  /** column keys in order with their labels */
  colOrder: { key: string; label: string }[];
}

export interface Ref {
  table: TableId;
  row: string;
  col: string;
}

export interface Term {
  ref: Ref;
  /** -1 subtracts the term */
  sign?: 1 | -1;
  /** the term is taken from last year's report (cross-year checks) */
  previous?: boolean;
}

/**
 * A relation between cells: sum(left) op sum(right).
 * When `total` is set, left is a single total cell that equals the sum of right;
 * the layout writes it as a formula unless the user asks for manual totals.
 */
export interface Relation {
  check: string;
  op: '=' | '<=' | '>=';
  left: Term[];
  right: Term[];
  /** right may be a constant when empty (e.g. ≥ 0) */
  constant?: number;
  total?: boolean;
  /** Chinese description of what this instance checks, e.g. “自然人列” or “一、本年新收…行” */
  scope: string;
}

export type Severity = 'error' | 'warning';

export interface CheckDef {
  id: string;
  severity: Severity;
  /** error | cross-year | warning | narrative (spec §6 groups) */
  group: 'error' | 'cross-year' | 'warning' | 'narrative';
  title: string;
  /** the official wording or basis the check rests on */
  basis: string;
}

export interface FormatDef {
  id: FormatId;
  name: string;
  /** the notice that fixes the format */
  source: string;
  /** reporting years the format applies to (inclusive); `to` undefined = open-ended */
  years: { from: number; to?: number };
  sections: string[];
  tables: Record<TableId, TableDef>;
  relations: Relation[];
  checks: CheckDef[];
}
