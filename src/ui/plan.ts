import type { FormatDef } from '../core/formats';
import { buildSheetPlan } from '../core/layout/build';
import type { SheetPlan } from '../core/layout/plan';
import type { ReportData } from '../core/model/report';

export interface InsertOptions {
  format: FormatDef;
  year: number;
  organization: string;
  manualTotals: boolean;
  /** figures to fill in (a published report read back in) */
  values?: ReportData;
}

/** The plan for the tables with their top-left corner at `origin` (0-based, sheet-absolute). */
export function planTables(options: InsertOptions, origin: { row: number; col: number }): SheetPlan {
  return buildSheetPlan(options.format, {
    year: options.year,
    organization: options.organization,
    manualTotals: options.manualTotals,
    origin,
    values: options.values,
  });
}

/** The reporting year people usually prepare in January: last year. */
export function defaultYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}
