/** `nianbao init`: a new workbook with the tables (blank, with --data figures, or with --previous 上年结转). */
import { createReportSheets } from '../app/create';
import { FORMATS, formatForYear, getFormat } from '../core/formats';
import { CLI } from '../core/messages/cli';
import { XlsxWorkbook } from '../workbook/xlsx';
import { checkOutput, help, loadPrevious, parse, parseYear, readJsonReport, UsageError, writeFileSafely, type Out } from './kit';

export async function initCommand(args: string[], io: Out): Promise<number> {
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
  const year = parseYear(yearText);
  const formatId = (values.format as string | undefined) ?? data?.format;
  const format = formatId ? getFormat(formatId) : formatForYear(year);
  if (!format) throw new UsageError(CLI.badFormat(String(formatId), FORMATS.map((f) => f.id)));
  const output = values.output as string | undefined;
  if (!output) throw new UsageError(CLI.missing('输出文件 -o 输出.xlsx'));
  await checkOutput(output, !!values.force);
  const organization = (values.org as string | undefined) ?? data?.organization ?? '';
  const previous = typeof values.previous === 'string' ? await loadPrevious(values.previous) : undefined;
  const wb = await XlsxWorkbook.create();
  await createReportSheets(wb, { format, year, organization, manualTotals: !!values['manual-totals'], data, previous });
  await writeFileSafely(output, await wb.toBuffer());
  io.out(CLI.written(output));
  return 0;
}
