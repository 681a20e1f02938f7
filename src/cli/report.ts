/** `nianbao report`: the report's text from the tables and 报告正文, as .docx, .html or .txt. */
import * as path from 'path';
import { renderReport, workbookReport, type ReportFormat } from '../app/report';
import { CLI } from '../core/messages/cli';
import { checkOutput, help, openWorkbook, parse, UsageError, writeFileSafely, type Out } from './kit';

const KINDS: Record<string, ReportFormat> = { '.docx': 'docx', '.html': 'html', '.htm': 'html', '.txt': 'txt' };

export async function reportCommand(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
  if (values.help) return help('report', io);
  if (positionals.length !== 1) throw new UsageError(CLI.missing('一个工作簿文件'));
  const output = values.output as string | undefined;
  if (!output) throw new UsageError(CLI.missing('输出文件 -o 报告.docx|报告.html|报告.txt'));
  const kind = KINDS[path.extname(output).toLowerCase()];
  if (!kind) throw new UsageError(CLI.unsupportedOutput(output, '.docx、.html 或 .txt'));
  await checkOutput(output, !!values.force);
  const file = positionals[0];
  const { doc, profileMissing } = await workbookReport(await openWorkbook(file), path.basename(file));
  if (profileMissing) io.err(CLI.reportSheetMissing);
  await writeFileSafely(output, await renderReport(doc, kind));
  io.out(CLI.written(output));
  return 0;
}
