/** `nianbao check`: every report in one or more workbooks, checked; findings printed or as JSON. */
import * as path from 'path';
import { checkWorkbook } from '../app/check';
import { findingRef } from '../app/findings';
import { getFormat } from '../core/formats';
import { CLI } from '../core/messages/cli';
import { describeError } from '../core/messages/errors';
import type { LocatedTable } from '../core/read/types';
import type { Finding } from '../core/rules/types';
import { WorkbookError } from '../workbook/port';
import { AppError } from '../app/errors';
import { help, loadPrevious, openWorkbook, parse, UsageError, type Out } from './kit';
import type { PreviousYear } from '../app/check';
import { isVerified, openFindings } from '../app/verify';
import { NOTE } from '../core/messages/rollup';

export interface FileResult {
  file: string;
  tables: LocatedTable[];
  findings: Finding[];
  /** each table found, as the user reads it: 表三（Sheet1!A20:K51） */
  found: string[];
  /** one clear Chinese line when the file could not be read */
  error?: string;
}

/** Checks each file; a file that cannot be read gets its one-line reason, the others go on. */
export async function checkFiles(files: string[], options: { previous?: PreviousYear } = {}): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    try {
      const outcome = await checkWorkbook(await openWorkbook(file), options);
      if (outcome.reports.length === 0) throw new WorkbookError('no-tables', { file: path.basename(file) });
      results.push({
        file,
        tables: outcome.reports.flatMap((r) => r.located.tables),
        found: outcome.reports.flatMap((r) =>
          r.located.tables.map((t) => `${getFormat(r.formatId)?.tables[t.table].shortName ?? t.table}（${t.sheet}!${t.range}）`),
        ),
        findings: outcome.reports.flatMap((r) => r.findings),
      });
    } catch (e) {
      if (e instanceof WorkbookError || e instanceof AppError) results.push({ file, tables: [], found: [], findings: [], error: describeError(e, file) });
      else throw e;
    }
  }
  return results;
}

function formatFinding(f: Finding): string[] {
  const where = findingRef(f);
  const head = `  ${f.severity === 'error' ? '✗ ' + CLI.error : '! ' + CLI.warning} [${f.id}]${where ? ' ' + where : ''}：`;
  const lines = f.title ? [head + f.title, `      ${f.message}`] : [head + f.message];
  for (const c of f.consequences ?? []) lines.push(`      ${CLI.consequence}：${c}`);
  if (f.suggestion) lines.push(`      ${CLI.suggestion}：${f.suggestion}`);
  else if (f.noLikelyReason) lines.push(`      ${CLI.suggestion}：${f.noLikelyReason}`);
  if (f.sentence) lines.push(`      原文：“${f.sentence}”`);
  if (f.disposition) lines.push(`      ${f.disposition.stale ? NOTE.stale + '；' : ''}${NOTE.noteLabel}（${f.disposition.date}）：${f.disposition.note}`);
  return lines;
}

function printResult(r: FileResult, io: Out, strict = false): void {
  io.out(CLI.fileHeader(r.file));
  io.out(CLI.tablesFound(r.found.join('、')));
  const open = openFindings(r.findings, strict);
  const errors = open.filter((f) => f.severity === 'error').length;
  io.out(CLI.summary(errors, open.length - errors));
  for (const f of open) formatFinding(f).forEach((l) => io.out(l));
  // verified findings: still listed, under 已核实 with their note
  const verified = strict ? [] : r.findings.filter(isVerified);
  if (verified.length) {
    io.out(`  ${NOTE.verifiedHeader}（${verified.length}）`);
    for (const f of verified) formatFinding(f).forEach((l) => io.out('  ' + l));
  }
}

function findingJson(f: Finding): Record<string, unknown> {
  return {
    id: f.id,
    severity: f.severity,
    ...(f.title ? { title: f.title } : {}),
    cells: f.cells,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    difference: f.difference ?? null,
    message: f.message,
    suggestion: f.suggestion ?? null,
    likely: f.likely
      ? { sheet: f.likely.sheet ?? null, address: f.likely.address ?? null, value: f.likely.value ?? null, suggested: f.likely.suggested ?? null, reason: f.likely.reason, evidence: f.likely.evidence }
      : null,
    ...(f.candidates?.length ? { candidates: f.candidates } : {}),
    ...(f.unfilled ? { unfilled: true } : {}),
    ...(f.fills?.length ? { fills: f.fills } : {}),
    ...(f.noLikelyReason ? { noLikelyReason: f.noLikelyReason } : {}),
    ...(f.consequences?.length ? { consequences: f.consequences } : {}),
    ...(f.ranges ? { ranges: f.ranges } : {}),
    basis: f.basis,
    ...(f.sentence ? { sentence: f.sentence } : {}),
    ...(f.disposition ? { disposition: f.disposition } : {}),
  };
}

export type FileStatus = 'pass' | 'errors' | 'warnings' | 'unreadable';

/** One line of the closing table of a multi-file run: 文件 · 结果 · 错误 · 警告 · 说明. */
export interface FileSummary {
  file: string;
  status: FileStatus;
  errors: number;
  warnings: number;
  /** the first error in words, the unreadable file's reason, or '' */
  note: string;
}

export function summarizeFile(r: FileResult, strict = false): FileSummary {
  if (r.error) return { file: r.file, status: 'unreadable', errors: 0, warnings: 0, note: r.error };
  const open = openFindings(r.findings, strict);
  const errors = open.filter((f) => f.severity === 'error');
  const warnings = open.length - errors.length;
  const first = errors[0];
  return {
    file: r.file,
    status: errors.length > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'pass',
    errors: errors.length,
    warnings,
    note: first ? `${findingRef(first) ? findingRef(first) + ' ' : ''}${first.title ?? first.message}` : '',
  };
}

/** The closing table: one line per file, columns separated by “ · ”. */
function printSummary(rows: FileSummary[], io: Out): void {
  io.out('');
  io.out(CLI.summaryHeader);
  for (const r of rows) io.out(`  ${[r.file, CLI.status[r.status], String(r.errors), String(r.warnings), r.note].join(' · ')}`);
}

export async function checkCommand(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    previous: { type: 'string' },
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
  });
  if (values.help) return help('check', io);
  const strict = !!values.strict;
  if (positionals.length === 0) throw new UsageError(CLI.missing('要校验的工作簿文件'));
  const previous = typeof values.previous === 'string' ? await loadPrevious(values.previous) : undefined;
  const results = await checkFiles(positionals, { previous });
  let code = 0;
  const json: unknown[] = [];
  for (const r of results) {
    if (r.error) {
      code = 2;
      if (values.json) json.push({ file: r.file, error: r.error });
      else io.err(r.error);
      continue;
    }
    // a verified finding does not count towards exit 1 (with --strict it does)
    if (openFindings(r.findings, strict).some((f) => f.severity === 'error')) code = Math.max(code, 1);
    if (values.json) json.push({ file: r.file, tables: r.tables, findings: r.findings.map(findingJson) });
    else printResult(r, io, strict);
  }
  const summary = results.map((r) => summarizeFile(r, strict));
  if (values.json) io.out(JSON.stringify({ files: json, summary }, null, 2));
  else if (results.length > 1) printSummary(summary, io);
  return code;
}
