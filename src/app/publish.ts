/**
 * A published report (the text copied from a government web page, or the page itself) read back
 * into figures, and made into a workbook: `nianbao import`, the pane's 导入已发布报告, and last year's
 * figures from a published report all read it here.
 */
import { importPublishedReport, looksLikeHtml, type ImportResult } from '../core/import';
import type { WorkbookPort } from '../workbook/port';
import { createReportSheets, importedOptions, type CreatedSheets } from './create';
import { decodeText } from './text';

export type { ImportResult };

/** A file that holds a published report's text or web page. */
export function isPublishedReportFile(name: string): boolean {
  return /\.(txt|html?)$/i.test(name);
}

/** How a published report's file is read: .html/.htm as a web page, anything else as text. */
export function publishedKind(name: string): 'text' | 'html' {
  return /\.html?$/i.test(name) ? 'html' : 'text';
}

/** Reads a published report's text or HTML (HTML recognised by its markup when `kind` is not given). */
export function readPublished(input: string, kind?: 'text' | 'html', options: { year?: number; organization?: string } = {}): ImportResult {
  return importPublishedReport(input, { kind: kind ?? (looksLikeHtml(input) ? 'html' : 'text'), ...options });
}

/** Reads a published report from a file's bytes (.html/.htm as a web page, anything else as text). */
export function readPublishedFile(
  file: { name: string; bytes: Uint8Array | ArrayBuffer },
  options: { year?: number; organization?: string } = {},
): ImportResult {
  return readPublished(decodeText(file.bytes), publishedKind(file.name), options);
}

/**
 * An imported report's sheets in a workbook: its figures as tables with the totals as published
 * (typed, not formulas, so the check can find the published report's errors), 报告正文, and its
 * text on 报告文本, where the check reads it.
 */
export function importIntoWorkbook(port: WorkbookPort, imported: Pick<ImportResult, 'data' | 'text'>, options: { keepText?: boolean } = {}): Promise<CreatedSheets> {
  const { data, text } = imported;
  return createReportSheets(port, { ...importedOptions(data), text: options.keepText === false ? undefined : text });
}
