/** The command-line tool: one command a file (init, check, export, fill, report, import, fix, rollup, note) over src/app. */
import { AppError } from '../app/errors';
import { CLI } from '../core/messages/cli';
import { describeError } from '../core/messages/errors';
import { WorkbookError } from '../workbook/port';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { fillCommand } from './fill';
import { fixCommand } from './fix';
import { importCommand } from './import';
import { initCommand } from './init';
import { noteCommand } from './note';
import { help, UsageError, type Out } from './kit';
import { reportCommand } from './report';
import { rollupCommand } from './rollup';

export { UsageError };
export { writeFileSafely } from './write';

const stdio: Out = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

const COMMANDS: Record<string, (args: string[], io: Out) => Promise<number>> = {
  init: initCommand,
  check: checkCommand,
  export: exportCommand,
  fill: fillCommand,
  report: reportCommand,
  import: importCommand,
  fix: fixCommand,
  rollup: rollupCommand,
  note: noteCommand,
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
    else if (e instanceof WorkbookError || e instanceof AppError) io.err(describeError(e));
    else io.err(`内部错误：${(e as Error)?.message ?? String(e)}`);
    return 2;
  }
}
