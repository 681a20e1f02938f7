/**
 * `nianbao report`: the report's text from the tables and 报告正文, as .docx, .html (the page, or with
 * --fragment the part pasted into a CMS) or .txt. Not written — exit 1, with the reasons — while inputs are
 * missing, figures are not numbers or the tables have errors, unless --force.
 */
import * as path from 'path';
import { prepareReport, renderReport, type ReportFormat, type ReportTodo } from '../app/report';
import { CLI } from '../core/messages/cli';
import { checkOutput, help, loadPrevious, openWorkbook, parse, UsageError, writeFileSafely, type Out } from './kit';

const KINDS: Record<string, ReportFormat> = { '.docx': 'docx', '.html': 'html', '.htm': 'html', '.txt': 'txt' };
/** lines listed per kind of problem before “……另有 n 项” */
const SHOWN = 10;

const at = (t: ReportTodo): string => (t.sheet && t.address ? `${t.sheet}!${t.address}` : '');

export async function reportCommand(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    previous: { type: 'string' },
    fragment: { type: 'boolean' },
  });
  if (values.help) return help('report', io);
  if (positionals.length !== 1) throw new UsageError(CLI.missing('一个工作簿文件'));
  const output = values.output as string | undefined;
  if (!output) throw new UsageError(CLI.missing('输出文件 -o 报告.docx|报告.html|报告.txt'));
  let kind = KINDS[path.extname(output).toLowerCase()];
  if (!kind) throw new UsageError(CLI.unsupportedOutput(output, '.docx、.html 或 .txt'));
  if (values.fragment && kind === 'html') kind = 'html-fragment';
  const force = !!values.force;
  await checkOutput(output, force);
  const file = positionals[0];
  const previous = typeof values.previous === 'string' ? await loadPrevious(values.previous) : undefined;
  const { doc, readiness, profileMissing } = await prepareReport(await openWorkbook(file), { previous, file: path.basename(file) });
  if (profileMissing) io.err(CLI.reportSheetMissing);
  const problems = readiness.missingInputs.length + readiness.pendingFigures.length + readiness.errors.length;
  if (!readiness.ready && !force) {
    io.err(CLI.reportBlocked);
    const list = <T>(items: T[], line: (x: T) => string) => {
      items.slice(0, SHOWN).forEach((x) => io.err(line(x)));
      if (items.length > SHOWN) io.err(CLI.reportMore(items.length - SHOWN));
    };
    list(readiness.errors, (f) => CLI.reportError(f.message, f.cells.filter((c) => c.sheet && c.address).map((c) => `${c.sheet}!${c.address}`).slice(0, 3).join('、')));
    list(readiness.missingInputs, (t) => CLI.reportMissingInput(t.label, at(t)));
    list(readiness.pendingFigures, (t) => CLI.reportPendingFigure(t.label, at(t)));
    io.err(CLI.reportForce);
    return 1;
  }
  if (problems) io.err(CLI.reportForced(problems));
  if (readiness.drafts.length) io.err(CLI.reportDrafts(readiness.drafts.map((d) => `“${d.label}”`)));
  if (doc.previousYear) io.out(CLI.reportPrevious(doc.previousYear));
  await writeFileSafely(output, await renderReport(doc, kind));
  io.out(CLI.written(output));
  return 0;
}
