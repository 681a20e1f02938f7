import { promises as fs } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { CLI } from '../core/messages/cli';
import { FORMATS, formatForYear, getFormat, type TableId } from '../core/formats';
import { parseReportJson, ReportJsonError, stringifyReport } from '../core/model/json';
import type { ReportData } from '../core/model/report';
import type { Finding } from '../core/rules/types';
import { WorkbookError } from '../workbook/port';
import { describeError } from '../core/messages/errors';
import { UsageError, checkFiles, createWorkbook, exportWorkbook, fillWorkbook, loadPrevious, type FileResult } from './actions';
import { reportCommand } from './report';
import { importCommand } from './import';

export { UsageError };

type Out = { out: (s: string) => void; err: (s: string) => void };
const stdio: Out = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

const TABLE_NAMES: Record<TableId, string> = { table2: '表二', table3: '表三', table4: '表四' };

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
export type ParsedArgs = { values: Record<string, string | boolean | undefined>; positionals: string[] };

function parse(args: string[], options: OptionSpec): ParsedArgs {
  try {
    const r = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: r.values as ParsedArgs['values'], positionals: r.positionals };
  } catch (e) {
    throw new UsageError(CLI.badOption((e as Error).message.replace(/^.*?: /, '')));
  }
}

async function exists(f: string): Promise<boolean> {
  try {
    await fs.access(f);
    return true;
  } catch {
    return false;
  }
}

/** Write a file via a temporary file in the same folder, so a failure never leaves half a file. */
export async function writeFileSafely(file: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, file);
}

async function readJsonReport(file: string): Promise<ReportData> {
  if (!(await exists(file))) throw new UsageError(CLI.fileMissing(file));
  try {
    return parseReportJson(await fs.readFile(file, 'utf8'));
  } catch (e) {
    if (e instanceof ReportJsonError) throw new UsageError(CLI.badJson(file, e.detail));
    throw e;
  }
}

async function cmdInit(args: string[], io: Out): Promise<number> {
  const { values } = parse(args, {
    year: { type: 'string' },
    format: { type: 'string' },
    org: { type: 'string' },
    data: { type: 'string' },
    'manual-totals': { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    previous: { type: 'string' },
  });
  if (values.help) return help('init', io);
  const data = typeof values.data === 'string' ? await readJsonReport(values.data) : undefined;
  const yearText = (values.year as string | undefined) ?? (data ? String(data.year) : undefined);
  if (!yearText) throw new UsageError(CLI.missing(' --year 年度'));
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 2019) throw new UsageError(CLI.badYear(yearText));
  const formatId = (values.format as string | undefined) ?? data?.format;
  const format = formatId ? getFormat(formatId) : formatForYear(year);
  if (!format) throw new UsageError(CLI.badFormat(String(formatId), FORMATS.map((f) => f.id)));
  const output = values.output as string | undefined;
  if (!output) throw new UsageError(CLI.missing('输出文件 -o 输出.xlsx'));
  if (!values.force && (await exists(output))) throw new UsageError(CLI.outputExists(output));
  const organization = (values.org as string | undefined) ?? data?.organization ?? '';
  const previous = typeof values.previous === 'string' ? await loadPrevious(values.previous) : undefined;
  const bytes = await createWorkbook({ format, year, organization, manualTotals: !!values['manual-totals'], data, previous });
  await writeFileSafely(output, bytes);
  io.out(CLI.written(output));
  return 0;
}

function formatFinding(f: Finding): string[] {
  const where = f.suspect?.address
    ? `${f.suspect.sheet ? `${f.suspect.sheet}!` : ''}${f.suspect.address}`
    : f.cells.find((c) => c.address)
      ? `${f.cells[0].sheet ? `${f.cells[0].sheet}!` : ''}${f.cells.find((c) => c.address)!.address}`
      : '';
  const lines = [`  ${f.severity === 'error' ? '✗ ' + CLI.error : '! ' + CLI.warning} [${f.id}]${where ? ' ' + where : ''}：${f.message}`];
  if (f.suggestion) lines.push(`      ${CLI.suggestion}：${f.suggestion}`);
  if (f.sentence) lines.push(`      原文：“${f.sentence}”`);
  return lines;
}

function printResult(r: FileResult, io: Out): void {
  io.out(CLI.fileHeader(r.file));
  io.out(CLI.tablesFound(r.tables.map((t) => `${TABLE_NAMES[t.table]}（${t.sheet}!${t.range}）`).join('、')));
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  io.out(CLI.summary(errors, r.findings.length - errors));
  for (const f of r.findings) formatFinding(f).forEach((l) => io.out(l));
}

async function cmdCheck(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    previous: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) return help('check', io);
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
    if (r.findings.some((f) => f.severity === 'error')) code = Math.max(code, 1);
    if (values.json) {
      json.push({
        file: r.file,
        tables: r.tables,
        findings: r.findings.map((f) => ({
          id: f.id,
          severity: f.severity,
          cells: f.cells,
          expected: f.expected ?? null,
          actual: f.actual ?? null,
          difference: f.difference ?? null,
          message: f.message,
          suggestion: f.suggestion ?? null,
          basis: f.basis,
          ...(f.sentence ? { sentence: f.sentence } : {}),
        })),
      });
    } else printResult(r, io);
  }
  if (values.json) io.out(JSON.stringify(json, null, 2));
  return code;
}

async function cmdExport(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
  if (values.help) return help('export', io);
  if (positionals.length !== 1) throw new UsageError(CLI.missing('一个工作簿文件'));
  const data = await exportWorkbook(positionals[0]);
  const text = stringifyReport(data);
  const output = values.output as string | undefined;
  if (output) {
    if (!values.force && (await exists(output))) throw new UsageError(CLI.outputExists(output));
    await writeFileSafely(output, text);
    io.err(CLI.written(output));
  } else process.stdout.write(text);
  return 0;
}

async function cmdFill(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    data: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  if (values.help) return help('fill', io);
  if (positionals.length !== 1) throw new UsageError(CLI.missing('一个工作簿文件'));
  if (typeof values.data !== 'string') throw new UsageError(CLI.missing(' --data report.json'));
  const data = await readJsonReport(values.data);
  const output = (values.output as string | undefined) ?? positionals[0];
  if (values.output && !values.force && (await exists(output))) throw new UsageError(CLI.outputExists(output));
  const { bytes, written, skipped } = await fillWorkbook(positionals[0], data);
  await writeFileSafely(output, bytes);
  io.out(CLI.filled(written, output));
  if (skipped.length) {
    io.out(CLI.fillSkipped(skipped.length));
    skipped.forEach((s) => io.out(`  ${s}`));
  }
  return 0;
}

function help(command: string | undefined, io: Out): number {
  io.out(command && CLI.help[command] ? CLI.help[command] : CLI.usage);
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: Out) => Promise<number>> = {
  init: cmdInit,
  check: cmdCheck,
  export: cmdExport,
  fill: cmdFill,
  report: (a, io) => reportCommand(a, io, { parse, help, exists, writeFileSafely, UsageError }),
  import: (a, io) => importCommand(a, io, { parse, help, exists, writeFileSafely, UsageError }),
};

export type CliKit = {
  parse: typeof parse;
  help: typeof help;
  exists: typeof exists;
  writeFileSafely: typeof writeFileSafely;
  UsageError: typeof UsageError;
};

/** Runs the CLI; resolves to the exit code. Never throws for user errors. */
export async function main(argv: string[], io: Out = stdio): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return help(rest[0], io);
  const run = COMMANDS[command];
  if (!run) {
    io.err(CLI.unknownCommand(command));
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) io.err(e.message);
    else if (e instanceof WorkbookError) io.err(describeError(e));
    else io.err(`内部错误：${(e as Error)?.message ?? String(e)}`);
    return 2;
  }
}
