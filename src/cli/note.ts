/** `nianbao note`: a finding recorded as verified on the sheet 核实说明. */
import { verifyFinding } from '../app/verify';
import { findingRef } from '../app/findings';
import { CLI } from '../core/messages/cli';
import { NOTE } from '../core/messages/rollup';
import { checkOutput, help, openForRewrite, parse, UsageError, writeFileSafely, type Out } from './kit';

export async function noteCommand(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    check: { type: 'string' },
    cell: { type: 'string' },
    text: { type: 'string' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  if (values.help) return help('note', io);
  if (positionals.length !== 1) throw new UsageError(NOTE.missing('一个工作簿文件'));
  if (typeof values.check !== 'string' || !values.check.trim()) throw new UsageError(NOTE.missing(' --check 检查编号'));
  if (typeof values.cell !== 'string' || !values.cell.trim()) throw new UsageError(NOTE.missing(' --cell 单元格'));
  if (typeof values.text !== 'string' || !values.text.trim()) throw new UsageError(NOTE.missing(' --text 核实说明'));
  const file = positionals[0];
  const output = (values.output as string | undefined) ?? file;
  if (values.output) await checkOutput(output, !!values.force);
  const { wb, lost } = await openForRewrite(file);
  const result = await verifyFinding(wb, { check: values.check, cell: values.cell, note: values.text.trim() });
  if (result.kind === 'not-found') {
    io.err(NOTE.notFound(values.check, values.cell));
    const list = result.findings.map((f) => `${f.id} ${findingRef(f)}`.trim());
    if (list.length) io.err(NOTE.candidates(list.join('；')));
    return 2;
  }
  const parts = await lost(output);
  await writeFileSafely(output, await wb.toBuffer());
  io.out(result.updated ? NOTE.updated(result.finding.id, result.cell) : NOTE.written(result.finding.id, result.cell, result.sheet));
  if (parts.length) io.err(CLI.partsNotCopied(output, parts.map((p) => p.label)));
  return 0;
}
