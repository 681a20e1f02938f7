import * as path from 'path';
import { formatForYear, getFormat } from '../core/formats';
import { importPublishedReport } from '../core/import';
import { CLI } from '../core/messages/cli';
import { stringifyReport } from '../core/model/json';
import { createWorkbook } from './actions';
import type { CliKit } from './main';
import { readText } from './report';

export async function importCommand(
  args: string[],
  io: { out: (s: string) => void; err: (s: string) => void },
  kit: CliKit,
): Promise<number> {
  const { values, positionals } = kit.parse(args, {
    output: { type: 'string', short: 'o' },
    year: { type: 'string' },
    org: { type: 'string' },
    force: { type: 'boolean' },
  });
  if (values.help) return kit.help('import', io);
  if (positionals.length !== 1) throw new kit.UsageError(CLI.missing('一个已发布报告文件（.txt 或 .html）'));
  const file = positionals[0];
  if (!(await kit.exists(file))) throw new kit.UsageError(CLI.fileMissing(file));
  const output = values.output as string | undefined;
  if (!output) throw new kit.UsageError(CLI.missing('输出文件 -o 工作簿.xlsx|report.json'));
  const ext = path.extname(output).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.json') throw new kit.UsageError(CLI.unsupportedOutput(output, '.xlsx 或 .json'));
  if (!values.force && (await kit.exists(output))) throw new kit.UsageError(CLI.outputExists(output));
  const kind = /\.html?$/i.test(file) ? 'html' : 'text';
  const year = values.year ? Number(values.year) : undefined;
  if (values.year && (!/^\d{4}$/.test(String(values.year)) || (year ?? 0) < 2019)) throw new kit.UsageError(CLI.badYear(String(values.year)));
  const result = importPublishedReport(await readText(file), { kind, year, organization: values.org as string | undefined });
  if (ext === '.json') {
    await kit.writeFileSafely(output, stringifyReport(result.data));
  } else {
    const format = getFormat(result.data.format) ?? formatForYear(result.data.year);
    const bytes = await createWorkbook({
      format,
      year: result.data.year,
      organization: result.data.organization,
      manualTotals: true,
      data: result.data,
      text: result.text,
    });
    await kit.writeFileSafely(output, bytes);
  }
  io.out(CLI.written(output));
  if (result.issues.length) {
    io.out(CLI.importIssues(result.issues.length));
    result.issues.forEach((i) => io.out(`  ${i.label}：${i.message}`));
  }
  return 0;
}
