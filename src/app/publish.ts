/**
 * A published report read back into figures, and made into a workbook: `nianbao import`, the pane's
 * 导入已发布报告, and last year's figures from a published report all read it here, in every form it
 * comes in: the web page (.html), a browser's copy (text, tables tab-separated), a Notepad .txt
 * (UTF-8, UTF-16 or GBK), markdown (.md), Word (.docx) and PDF.
 */
import { importPublishedReport, looksLikeHtml, type ImportResult } from '../core/import';
import { looksLikeMarkdown, markdownToText } from '../core/import/markdown';
import { pdfLayout } from '../core/import/pdf';
import type { WorkbookPort } from '../workbook/port';
import { createReportSheets, importedOptions, type CreatedSheets } from './create';
import { AppError } from './errors';
import { docxToHtml, pdfPages, sniffKind } from './published-forms';
import { decodeTextFile } from './text';
import { publishedProfileWrites } from './report';

export type { ImportResult };

/** The file types a published report is read from (for a file picker's accept and for messages). */
export const PUBLISHED_FILE_TYPES = ['.txt', '.html', '.htm', '.md', '.markdown', '.docx', '.pdf'] as const;

/** A file that holds a published report in one of the forms read here. */
export function isPublishedReportFile(name: string): boolean {
  return /\.(txt|html?|md|markdown|docx|pdf)$/i.test(name);
}

/** How a published report's text file is read: .html/.htm as a web page, .md as markdown, anything else as text. */
export function publishedKind(name: string): 'text' | 'html' | 'markdown' {
  return /\.html?$/i.test(name) ? 'html' : /\.(md|markdown)$/i.test(name) ? 'markdown' : 'text';
}

export interface ReadOptions {
  year?: number;
  organization?: string;
}

/**
 * Reads a published report's text: a web page (HTML, recognised by its markup when `kind` is not
 * given), markdown (pipe tables, `#` headings; recognised by its tables or headings) or text as
 * copied (one cell a line, or a browser's copy with the cells of a row separated by tabs).
 */
export function readPublished(input: string, kind?: 'text' | 'html' | 'markdown', options: ReadOptions = {}): ImportResult {
  const k = kind ?? (looksLikeHtml(input) ? 'html' : looksLikeMarkdown(input) ? 'markdown' : 'text');
  if (k === 'markdown' || (k === 'text' && looksLikeMarkdown(input))) return importPublishedReport(markdownToText(input), { kind: 'text', ...options });
  return importPublishedReport(input, { kind: k, ...options });
}

/**
 * Reads a published report from a text file's bytes (.html/.htm as a web page, .md as markdown,
 * anything else as text) in its encoding (UTF-8, UTF-16 with BOM, GBK/GB18030). An AppError
 * 'not-text' for an empty or binary file, and 'unsupported-file' for a Word or PDF file (read those
 * with readPublishedBytes).
 */
export function readPublishedFile(file: { name: string; bytes: Uint8Array | ArrayBuffer }, options: ReadOptions = {}): ImportResult {
  const bytes = file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(file.bytes);
  const kind = sniffKind(bytes);
  if (kind === 'docx' || kind === 'pdf') throw new AppError('unsupported-file', { file: file.name, accepted: '.txt、.html、.md' });
  if (kind === 'zip') throw new AppError('not-text', { file: file.name, reason: 'binary' });
  return readPublished(decodeTextFile({ name: file.name, bytes }), publishedKind(file.name), options);
}

/**
 * Reads a published report from a file in any of its forms, decided by its bytes (then its name):
 * Word (.docx) through its HTML, PDF through its words' positions and ruling lines, else text
 * (web page, markdown, text in any of its encodings). What the CLI's `nianbao import` and the pane's
 * 导入 call. An AppError 'not-text' (exit 2 in the CLI, nothing written) for an empty, binary or
 * unreadable file.
 */
export async function readPublishedBytes(file: { name: string; bytes: Uint8Array | ArrayBuffer }, options: ReadOptions = {}): Promise<ImportResult> {
  const bytes = file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(file.bytes);
  if (!bytes.length) throw new AppError('not-text', { file: file.name, reason: 'empty' });
  const kind = sniffKind(bytes);
  if (kind === 'docx') return importPublishedReport(await docxToHtml({ name: file.name, bytes }), { kind: 'html', ...options });
  if (kind === 'pdf') {
    const layout = pdfLayout(await pdfPages({ name: file.name, bytes }));
    if (!layout.content.trim()) throw new AppError('not-text', { file: file.name, reason: 'pdf', detail: 'PDF 中没有文字（可能是扫描件）' });
    return importPublishedReport(layout.content, { kind: layout.kind, ...options });
  }
  if (kind === 'zip') throw new AppError('not-text', { file: file.name, reason: 'binary' });
  return readPublishedFile({ name: file.name, bytes }, options);
}

/**
 * An imported report's sheets in a workbook: its figures as tables with the totals as published
 * (typed, not formulas, so the check can find the published report's errors), 报告正文, and its
 * text on 报告文本, where the check reads it.
 */
export async function importIntoWorkbook(port: WorkbookPort, imported: Pick<ImportResult, 'data' | 'text'>, options: { keepText?: boolean } = {}): Promise<CreatedSheets> {
  const { data, text } = imported;
  const created = await createReportSheets(port, { ...importedOptions(data), text: options.keepText === false ? undefined : text });
  // 报告正文 pre-filled from what the text says (主动公开 N 条, channels, 信息处理费), marked 取自已发布报告
  if (created.profile && text) {
    const writes = publishedProfileWrites(created.profile, text);
    if (writes.length) await port.writeValues(writes);
  }
  return created;
}
