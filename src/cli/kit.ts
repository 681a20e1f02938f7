/**
 * What every command shares: option parsing, help, reading the user's files and writing outputs.
 * The commands themselves (one file each) are argument parsing and output over src/app.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import type { FileInput } from '../app/previous';
import { loadPrevious as loadPreviousFrom } from '../app/previous';
import type { PreviousYear } from '../app/check';
import { CLI } from '../core/messages/cli';
import { parseReportJson, ReportJsonError } from '../core/model/json';
import type { ReportData } from '../core/model/report';
import { WorkbookError, type WorkbookReader } from '../workbook/port';
import { readXlsx, unsupportedParts, XlsxWorkbook, type UnsupportedPart } from '../workbook/xlsx';
import { AppError } from '../app/errors';

export { writeFileSafely } from './write';

/** Where a command prints: lines to standard output and to standard error. */
export type Out = { out: (s: string) => void; err: (s: string) => void };

/** An error the user can fix (bad option, missing argument, existing output): one clear line, exit 2. */
export class UsageError extends Error {}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
export type ParsedArgs = { values: Record<string, string | boolean | undefined>; positionals: string[] };

export function parse(args: string[], options: OptionSpec): ParsedArgs {
  try {
    const r = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: r.values as ParsedArgs['values'], positionals: r.positionals };
  } catch (e) {
    throw new UsageError(CLI.badOption((e as Error).message.replace(/^.*?: /, '')));
  }
}

export function help(command: string | undefined, io: Out): number {
  io.out(command && CLI.help[command] ? CLI.help[command] : CLI.usage);
  return 0;
}

export async function exists(f: string): Promise<boolean> {
  try {
    await fs.access(f);
    return true;
  } catch {
    return false;
  }
}

/** Refuses to write over an existing file unless --force. */
export async function checkOutput(output: string, force: boolean): Promise<void> {
  if (!force && (await exists(output))) throw new UsageError(CLI.outputExists(output));
}

/** A file's name and bytes; a missing or unreadable file is a WorkbookError 'io' naming it. */
export async function readInput(file: string): Promise<FileInput> {
  try {
    return { name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookError('io', { file: path.basename(file), path: file, reason: code === 'ENOENT' ? 'missing' : code ?? String(e) });
  }
}

/** Opens .xlsx bytes with the ExcelJS port. */
export function openXlsx(bytes: Uint8Array | ArrayBuffer, name: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), name);
}

/**
 * Opens a workbook file only to read it (check, export, report, roll-up): without ExcelJS when
 * the file allows (workbook/xlsx/snapshot), else with it.
 */
export async function openWorkbook(file: string): Promise<WorkbookReader> {
  const input = await readInput(file);
  return readXlsx(input.bytes, input.name);
}

/**
 * Opens a workbook that a command will write out again (fill, fix). `rewrite(target)` refuses to
 * write it over itself when it holds parts ExcelJS cannot carry (charts, pivot tables, VBA …): the
 * user's file is never silently stripped. Written to another file, the parts lost are returned so
 * the command can say so.
 */
export async function openForRewrite(file: string): Promise<{ wb: XlsxWorkbook; lost: (target: string) => Promise<UnsupportedPart[]> }> {
  const input = await readInput(file);
  const wb = await openXlsx(input.bytes, input.name);
  const lost = async (target: string): Promise<UnsupportedPart[]> => {
    const parts = await unsupportedParts(input.bytes as Uint8Array);
    if (parts.length > 0 && path.resolve(target) === path.resolve(file)) {
      throw new WorkbookError('unsupported-parts', { file: input.name, parts });
    }
    return parts;
  };
  return { wb, lost };
}

/** A report.json given with --data. */
export async function readJsonReport(file: string): Promise<ReportData> {
  const input = await readInput(file);
  try {
    return parseReportJson(new TextDecoder('utf-8').decode(input.bytes));
  } catch (e) {
    if (e instanceof ReportJsonError) throw new AppError('bad-json', { file: input.name, detail: e.detail });
    throw e;
  }
}

/** Last year's figures given with --previous (a workbook, report.json, or a published report). */
export async function loadPrevious(file: string): Promise<PreviousYear> {
  return loadPreviousFrom(await readInput(file), readXlsx);
}

/** A year given as an option: four digits, 2019 or later. */
export function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2019) throw new UsageError(CLI.badYear(text));
  return year;
}
