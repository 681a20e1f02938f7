import type { Severity, TableId } from '../formats/types';

/** A cell a finding speaks of. */
export interface FindingCell {
  sheet?: string;
  /** A1 address; absent when the report was not read from a sheet */
  address?: string;
  table?: TableId;
  row?: string;
  col?: string;
  /** Chinese description: “表三 一、本年新收…/自然人” */
  label: string;
  value?: number | string | null;
  /** the cell is in last year's report (cross-year checks) */
  previous?: boolean;
}

/** What singles out the likely wrong cell (Likely.evidence). */
export type LikelyEvidence =
  /** the one cell that can explain every failing relation it is in (and breaks none that holds) */
  | 'every-relation'
  /** the only cell that can explain the relation */
  | 'only-cell'
  /** its value with two adjacent digits swapped closes the gap exactly (difference divisible by 9) */
  | 'transposition'
  /** its value is ten times (or a tenth of) the value that closes the gap: a 0 typed too many or too few */
  | 'times-ten'
  /** its value equals the difference (entered twice); kept for the type, used only as a hint in noLikelyReason */
  | 'equals-difference'
  /** it disagrees with last year's report (this year's 上年结转 against last year's 结转下年度) */
  | 'previous-year'
  /** corrected, the table agrees with a number the report's text states */
  | 'report-text'
  /** it appears in more failing relations than any other cell (more than one cell is wrong) */
  | 'most-relations'
  /** a blank total whose parts are filled: the sum of its parts */
  | 'blank-total'
  /** the cell itself holds something that is not a valid number */
  | 'cell-value';

/**
 * The cell the evidence names as the likely wrong one (the click target), the value it holds, and
 * the value that would make its relations hold (when one can be computed).
 */
export interface Likely extends FindingCell {
  /** the value that fits, all other cells unchanged */
  suggested?: number;
  /** Chinese: why this cell (“差 45 可被 9 整除，783 与 738 只是相邻两位数字颠倒”) */
  reason: string;
  evidence: LikelyEvidence;
}

/** A blank total cell and the value its parts add up to. */
export interface TotalFill {
  cell: FindingCell;
  /** the sum of its parts; absent when some parts are blank too */
  value?: number;
}

export interface Finding {
  id: string;
  severity: Severity;
  table?: TableId;
  /** every cell involved */
  cells: FindingCell[];
  /**
   * The click target: the likely wrong cell when there is one (then equal to `likely` without its
   * extra fields), else a cell the finding is about (the first blank cell, a label cell).
   */
  suspect?: FindingCell;
  /** error findings: the cell the evidence names as the likely wrong one */
  likely?: Likely;
  /** error findings of relations without `likely`: why no single cell can be named (Chinese) */
  noLikelyReason?: string;
  /** cells that could each explain the finding alone, when the evidence does not decide between them */
  candidates?: FindingCell[];
  /** short Chinese title naming the relation: “表三“自然人”列不平衡：左边 14147，右边 14102，差 45” */
  title?: string;
  /**
   * Failing relations with the same cause, folded into this finding (the 总计 column that is off
   * by the same amount because of the 自然人 column): one Chinese line each (their titles).
   */
  consequences?: string[];
  /** the check ids of the folded relations, in the order of `consequences` */
  consequenceIds?: string[];
  /** TABLE-UNFILLED: the table has no values at all (a neutral state, not an error) */
  unfilled?: boolean;
  /** CELL-BLANK (grouped): the blank cells as A1 ranges, “D24:I30, D33” (sheet-qualified when on several sheets) */
  ranges?: string;
  /** CELL-BLANK of totals: each blank total with what its parts add up to */
  fills?: TotalFill[];
  /** for equations: left side and right side values */
  expected?: number;
  actual?: number;
  difference?: number;
  /** the official wording / basis of the check */
  basis: string;
  /** full Chinese explanation with the numbers */
  message: string;
  /** suggested fix naming the most likely wrong cell */
  suggestion?: string;
  /** narrative checks: the sentence quoted */
  sentence?: string;
  /** a reviewer verified this finding (the sheet 核实说明); `stale` when the numbers changed since */
  disposition?: FindingDisposition;
}

/** A reviewer's verification of a finding: the note, the date, and whether its numbers changed since. */
export interface FindingDisposition {
  note: string;
  date: string;
  /** the finding's numbers are no longer those it was verified with (核实后数值已改变) */
  stale: boolean;
}

/* ---------------------------------------------------------------- added by the rules engine */

/** The kind of body that publishes the report (decides the 规章 plausibility check). */
export type OrganizationType = 'government' | 'department' | 'township' | 'ministry' | 'province' | 'city';

/** A number the report's text states for a table quantity: the sum of `cells` (this year's) should be `value`. */
export interface StatedValue {
  cells: { table: TableId; row: string; col: string }[];
  value: number;
  /** the sentence that states it */
  sentence?: string;
}

/** Options of runChecks. */
export interface RunChecksOptions {
  /** where each value sits in the workbook (from the reader): findings then name sheet and A1 address */
  cells?: import('../read/types').LocatedReport['cells'];
  /** sheet name to put on findings when `cells` does not locate a value */
  sheetOf?: string;
  /** last year's report: enables the cross-year checks XY-CARRY and XY-INFORCE */
  previous?: import('../model/report').ReportData;
  previousCells?: import('../read/types').LocatedReport['cells'];
  /** what the reader saw (altered labels, missing rows/columns/tables) */
  readIssues?: import('../read/types').ReadIssue[];
  /**
   * government = a county-level 人民政府; township = 乡镇/街道; department = a local department;
   * ministry / province / city have rule-making power (国务院部门, 省级政府, 设区的市/自治州政府).
   */
  organizationType?: OrganizationType;
  /**
   * Numbers the report's text states for table quantities (statedValues of the narrative check's
   * NARR-TABLE findings): evidence for the likely wrong cell only, they give no finding here.
   */
  stated?: StatedValue[];
}

/** Per-table result for the UI. */
export interface TableSummary {
  errors: number;
  warnings: number;
  /** no error finding for the table */
  passed: boolean;
  /** the table has no values at all yet (尚未填写): show that instead of 通过 */
  unfilled?: boolean;
}
