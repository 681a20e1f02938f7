/**
 * Errors of the use cases that are not the spreadsheet's: a file of a kind the use case cannot
 * take, a report.json that does not parse, figures of another format. Like WorkbookError they carry
 * a code and data; core/messages/errors.ts says each code in one sentence, for every surface.
 */
export type AppErrorCode =
  /** data.file, data.accepted (e.g. '.xlsx、.json、.txt、.html') */
  | 'unsupported-file'
  /** data.file, data.detail */
  | 'bad-json'
  /** data.file, data.book (the workbook's format id), data.data (the figures' format id) */
  | 'format-mismatch'
  /** data.file: the file holds no report a use case could take (no tables, no figures read) */
  | 'no-report'
  /** data.file, data.reason ('empty' | 'binary' | 'docx' | 'pdf'), data.detail: a published report's file holds no text to read */
  | 'not-text';

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    public readonly data: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}
