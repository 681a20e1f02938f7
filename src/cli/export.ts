/** `nianbao export`: a workbook's figures as report.json. */
import * as path from 'path';
import { exportData } from '../app/fill';
import { CLI } from '../core/messages/cli';
import { stringifyReport } from '../core/model/json';
import { checkOutput, help, openWorkbook, parse, UsageError, writeFileSafely, type Out } from './kit';

export async function exportCommand(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
  if (values.help) return help('export', io);
  if (positionals.length !== 1) throw new UsageError(CLI.missing('一个工作簿文件'));
  const file = positionals[0];
  const text = stringifyReport(await exportData(await openWorkbook(file), path.basename(file)));
  const output = values.output as string | undefined;
  if (output) {
    await checkOutput(output, !!values.force);
    await writeFileSafely(output, text);
    io.err(CLI.written(output));
  } else io.out(text.replace(/\n$/, ''));
  return 0;
}
