import { promises as fs } from 'fs';
import * as path from 'path';
import { CLI } from '../core/messages/cli';
import { defaultProfile } from '../core/narrative/profile';
import { generateReport } from '../core/narrative/generate';
import { readProfile } from '../core/read/profile';
import { renderHtml } from '../core/render/html';
import { renderText } from '../core/render/text';
import { renderDocx } from '../export/docx';
import { locateReports, openWorkbook } from './actions';
import type { CliKit } from './main';

export const PROFILE_SHEET = '报告正文';

export async function reportCommand(
  args: string[],
  io: { out: (s: string) => void; err: (s: string) => void },
  kit: CliKit,
): Promise<number> {
  const { values, positionals } = kit.parse(args, { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
  if (values.help) return kit.help('report', io);
  if (positionals.length !== 1) throw new kit.UsageError(CLI.missing('一个工作簿文件'));
  const output = values.output as string | undefined;
  if (!output) throw new kit.UsageError(CLI.missing('输出文件 -o 报告.docx|报告.html|报告.txt'));
  const ext = path.extname(output).toLowerCase();
  if (!['.docx', '.html', '.htm', '.txt'].includes(ext)) throw new kit.UsageError(CLI.unsupportedOutput(output, '.docx、.html 或 .txt'));
  if (!values.force && (await kit.exists(output))) throw new kit.UsageError(CLI.outputExists(output));

  const file = positionals[0];
  const wb = await openWorkbook(file);
  const [report] = await locateReports(wb, file);
  const sheets = await wb.listSheets();
  let profile;
  if (sheets.includes(PROFILE_SHEET)) {
    profile = readProfile(await wb.readGrid(PROFILE_SHEET), report.data).profile;
  } else {
    io.err(CLI.reportSheetMissing);
    profile = defaultProfile(report.data);
  }
  const doc = generateReport(report.data, profile);
  let bytes: Uint8Array | string;
  if (ext === '.docx') bytes = await renderDocx(doc);
  else if (ext === '.txt') bytes = renderText(doc);
  else bytes = renderHtml(doc, { standalone: true });
  await kit.writeFileSafely(output, bytes);
  io.out(CLI.written(output));
  return 0;
}

export async function readText(file: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await fs.readFile(file));
}
