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

export interface Finding {
  id: string;
  severity: Severity;
  table?: TableId;
  /** every cell involved */
  cells: FindingCell[];
  /** the most likely wrong cell, when one can be named */
  suspect?: FindingCell;
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
}

/* ---------------------------------------------------------------- added by the rules engine */

/** The kind of body that publishes the report (decides the 规章 plausibility check). */
export type OrganizationType = 'government' | 'department' | 'township' | 'ministry' | 'province' | 'city';

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
}

/** Per-table result for the UI. */
export interface TableSummary {
  errors: number;
  warnings: number;
  /** no error finding for the table */
  passed: boolean;
}
