/** `nianbao fill`: report.json figures written into a workbook's value cells. */
import * as path from 'path';
import { fillData } from '../app/fill';
import { CLI } from '../core/messages/cli';
import { checkOutput, help, openForRewrite, parse, readJsonReport, UsageError, writeFileSafely, type Out } from './kit';

export async function fillCommand(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    data: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  if (values.help) return help('fill', io);
  if (positionals.length !== 1) throw new UsageError(CLI.missing('一个工作簿文件'));
  if (typeof values.data !== 'string') throw new UsageError(CLI.missing(' --data report.json'));
  const data = await readJsonReport(values.data);
  const file = positionals[0];
  const output = (values.output as string | undefined) ?? file;
  if (values.output) await checkOutput(output, !!values.force);
  const { wb, lost } = await openForRewrite(file);
  const { written, skipped } = await fillData(wb, data, path.basename(file));
  const parts = await lost(output);
  await writeFileSafely(output, await wb.toBuffer());
  io.out(CLI.filled(written.length, output));
  if (parts.length) io.err(CLI.partsNotCopied(output, parts.map((p) => p.label)));
  if (skipped.length) {
    io.out(CLI.fillSkipped(skipped.length));
    skipped.forEach((s) => io.out(`  ${s}`));
  }
  return 0;
}
