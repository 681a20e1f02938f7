/** `nianbao fix`: a fix the check offers (zeros, totals, likely values), listed first, then written. */
import * as path from 'path';
import { applyFix, FIX_KINDS, planFix, type FixKind } from '../app/fix';
import { sheetRef } from '../core/grid';
import { CLI } from '../core/messages/cli';
import { checkOutput, help, openForRewrite, parse, UsageError, writeFileSafely, type Out } from './kit';

export async function fixCommand(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    zeros: { type: 'boolean' },
    totals: { type: 'boolean' },
    likely: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
  });
  if (values.help) return help('fix', io);
  if (positionals.length !== 1) throw new UsageError(CLI.missing('一个工作簿文件'));
  const kinds = FIX_KINDS.filter((k) => values[k]);
  if (kinds.length === 0) throw new UsageError(CLI.fixKindMissing);
  if (kinds.length > 1) throw new UsageError(CLI.fixKindOne);
  const kind: FixKind = kinds[0];
  const file = positionals[0];
  const output = values.output as string | undefined;
  if (output) await checkOutput(output, !!values.force);

  const { wb, lost } = await openForRewrite(file);
  const plan = await planFix(wb, kind);
  io.out(CLI.fixTitle(CLI.fixKinds[kind], plan.writes.length));
  for (const w of plan.writes) {
    const from = w.from === null || w.from === '' ? CLI.fixBlank : String(w.from);
    io.out(CLI.fixLine(sheetRef(w.sheet, w.address), w.label, from, String(w.to)));
  }
  if (plan.writes.length === 0) return 0;
  const target = output ?? (values.force ? file : undefined);
  if (!target) {
    io.out(CLI.fixPreviewOnly);
    return 0;
  }
  const parts = await lost(target);
  await applyFix(wb, plan);
  await writeFileSafely(target, await wb.toBuffer());
  io.out(CLI.fixWritten(plan.writes.length, target === file ? path.basename(file) : target));
  if (parts.length) io.err(CLI.partsNotCopied(target, parts.map((p) => p.label)));
  return 0;
}
