/** `nianbao import`: a published report (web page, text, markdown, Word or PDF) read into report.json or a workbook. */
import * as path from 'path';
import { importIntoWorkbook, readPublishedBytes } from '../app/publish';
import { CLI } from '../core/messages/cli';
import { stringifyReport } from '../core/model/json';
import { XlsxWorkbook } from '../workbook/xlsx';
import { checkOutput, help, parse, parseYear, readInput, UsageError, writeFileSafely, type Out } from './kit';

export async function importCommand(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    year: { type: 'string' },
    org: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) return help('import', io);
  if (positionals.length !== 1) throw new UsageError(CLI.missing('一个已发布报告文件（.txt、.html、.md、.docx 或 .pdf）'));
  const output = values.output as string | undefined;
  if (!output) throw new UsageError(CLI.missing('输出文件 -o 工作簿.xlsx|report.json'));
  const ext = path.extname(output).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.json') throw new UsageError(CLI.unsupportedOutput(output, '.xlsx 或 .json'));
  await checkOutput(output, !!values.force);
  const year = typeof values.year === 'string' ? parseYear(values.year) : undefined;
  const input = await readInput(positionals[0]);
  const result = await readPublishedBytes(input, { year, organization: values.org as string | undefined });
  if (ext === '.json') {
    await writeFileSafely(output, stringifyReport(result.data));
  } else {
    const wb = await XlsxWorkbook.create();
    await importIntoWorkbook(wb, result);
    await writeFileSafely(output, await wb.toBuffer());
  }
  io.out(CLI.written(output));
  if (result.issues.length) {
    io.out(CLI.importIssues(result.issues.length));
    result.issues.forEach((i) => io.out(`  ${i.label}：${i.message}`));
  }
  return 0;
}
