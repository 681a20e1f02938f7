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
