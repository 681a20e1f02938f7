/**
 * The official report formats as data. Everything else (layout, reader, rules, narrative)
 * derives from these definitions; a new format is a new data file, not new code.
 */

export type FormatId = string; // '2019' | '2021' | future ids
export type TableId = 'table2' | 'table3' | 'table4';
export const TABLE_IDS: readonly TableId[] = ['table2', 'table3', 'table4'];

/** whole ≥ 0 · whole with sign (本年增/减) · amount ≥ 0 with at most AMOUNT_DECIMALS decimals */
export type ValueKind = 'count' | 'signed' | 'amount';

/**
 * Decimals an amount in 万元 may carry: six, to the 分 (0.000001 万元 = 0.01 元). The table design
 * shows four, but published reports state amounts to the 分 (190.457379 万元), and an amount
 * published in 元 (75394432.52 元) is 7539.443252 万元 exactly: rounding it, or flagging it, would
 * make a finding out of a faithful figure.
 */
export const AMOUNT_DECIMALS = 6;

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
  /**
   * The row as named in messages, worked out once when the format is built: the parent group and the
   * row (“（三）不予公开 1.属于国家秘密”), else the row's label of spec §7 (“一、本年新收政府信息公开申请数量”,
   * “（一）予以公开”, “行政诉讼·未经复议直接起诉”, “规章”).
   */
  fullRowLabel: string;
  /** The row as named in equations: “一、本年新收”, “（三）1.属于国家秘密”, “（二）部分公开”. */
  shortRowLabel: string;
  /** The cell as named in findings and messages: “表三 （三）不予公开 1.属于国家秘密 · 自然人”. */
  cellLabel: string;
  /**
   * The table quantity this row is a part of, when several rows make one (table 三 results: granted,
   * partial_grant, denied, unable, not_processed, other); the key of the quantity's words in the vocabulary.
   */
  group?: string;
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

/**
 * What differs between formats beyond their tables, as facts the generator and the checks read
 * (never `format.id === '2019'` in code).
 */
export interface FormatFeatures {
  /**
   * 六、其他需要报告的事项 states the 信息处理费 (the amount, or “本年度未收取信息处理费”): 国办函〔2020〕109号,
   * required from the 2021 format on. The generator writes the sentence; the text check asks for it.
   */
  processingFeeStatement: boolean;
  /**
   * 人民政府 must write 工作考核、社会评议和责任追究结果情况 (一（五）) and the 六 items 落实上级年度政务公开工作要点、
   * 人大代表建议和政协提案办理结果公开、年度政务公开工作创新情况 (required parts, not optional ones).
   */
  governmentPartsRequired: boolean;
  /** table 三 （六）其他处理: one row (2019) or three numbered sub-rows (2021) */
  otherProcessing: 'single' | 'split';
  /** the unit of amounts in table 二 (行政事业性收费, 采购总金额) */
  amountUnit: string;
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
  /** what differs between formats outside the tables */
  features: FormatFeatures;
}
