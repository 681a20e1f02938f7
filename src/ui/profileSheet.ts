/**
 * The sheet 报告正文 (the report's inputs other than the tables), added next to the tables. Loaded
 * with import() when tables are inserted, so its code is not part of the pane's first render.
 */
import type { FormatDef } from '../core/formats';
import { buildProfilePlan } from '../core/layout/profile';
import { PROFILE_SHEET } from '../core/messages/narrative';
import { emptyReport } from '../core/model/report';
import { defaultProfile } from '../core/narrative/profile';
import type { WorkbookPort } from '../workbook/port';

/**
 * Adds the sheet 报告正文 with the default inputs for this body and year when the workbook has
 * none; an existing one is never touched. Returns the added sheet's name, or null.
 */
export async function addProfileSheet(
  port: WorkbookPort,
  options: { format: FormatDef; year: number; organization: string },
): Promise<string | null> {
  if ((await port.listSheets()).includes(PROFILE_SHEET)) return null;
  const sheet = await port.addSheet(PROFILE_SHEET);
  await port.applyPlan(sheet, buildProfilePlan(defaultProfile(emptyReport(options.format, options.year, options.organization))));
  return sheet;
}
