/** `nianbao rollup`: many units' workbooks, one board (校验汇总) and the consolidated tables (汇总统计表). */
import { promises as fs } from 'fs';
import * as path from 'path';
import { renderBoard } from '../app/board-html';
import { boardCells, rollupExitCode, rollupNotes, rollupWorkbooks, writeRollup, type Rollup, type RollupSource } from '../app/rollup';
import { today } from '../app/verify';
import { CLI } from '../core/messages/cli';
import { ROLLUP } from '../core/messages/rollup';
import type { ReportData } from '../core/model/report';
import { XlsxWorkbook } from '../workbook/xlsx';
import { checkOutput, help, loadPrevious, openWorkbook, parse, parseYear, UsageError, writeFileSafely, type Out } from './kit';

/** The files named, folders expanded to the .xlsx workbooks in them (sorted; Excel's ~$ lock files left out). */
export async function expandInputs(inputs: string[], exclude: string[] = []): Promise<string[]> {
  const skip = new Set(exclude.map((f) => path.resolve(f)));
  const out: string[] = [];
  for (const input of inputs) {
    let dir = false;
    try {
      dir = (await fs.stat(input)).isDirectory();
    } catch {
      // a missing file stays on the list: the board says why it could not be read
    }
    if (!dir) {
      if (!skip.has(path.resolve(input))) out.push(input);
      continue;
    }
    const names = (await fs.readdir(input, { recursive: true })) as string[];
    for (const name of names.sort()) {
      const base = path.basename(name);
      const full = path.join(input, name);
      if (!/\.xlsx$/i.test(base) || base.startsWith('~$') || skip.has(path.resolve(full))) continue;
      out.push(full);
    }
  }
  return out;
}

/** A file opened only when the roll-up reaches it (one at a time). */
function* sources(files: string[]): Generator<RollupSource> {
  for (const file of files) yield { name: file, open: () => openWorkbook(file) };
}

function printBoard(rollup: Rollup, io: Out): void {
  io.out(ROLLUP.boardHeader);
  for (const r of rollup.rows) io.out(`  ${boardCells(r).slice(0, 8).map((v) => (v === null ? '' : String(v))).join(' · ')}`);
  io.out('');
  const count = (s: string) => rollup.rows.filter((r) => r.status === s).length;
  io.out(ROLLUP.totals(rollup.rows.length, count('pass'), count('errors'), count('unreadable'), count('other')));
  if (!rollup.data || rollup.year === null || !rollup.format) {
    io.out(ROLLUP.nothingToSum);
    return;
  }
  io.out(ROLLUP.chosen(rollup.year, rollup.format, rollup.units.length));
  rollupNotes(rollup).forEach((l) => io.out(l));
  const errors = rollup.findings.filter((f) => f.severity === 'error').length;
  io.out(ROLLUP.consolidatedCheck(errors, rollup.findings.length - errors));
}

/** The HTML board: the board, the notes and the charts drawn as inline SVG. */
export function boardHtml(rollup: Rollup, previous?: ReportData, generated = today()): Promise<string> {
  return renderBoard(rollup, { previous, generated });
}

export async function rollupCommand(args: string[], io: Out): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    year: { type: 'string' },
    previous: { type: 'string' },
    json: { type: 'boolean' },
    force: { type: 'boolean' },
  });
  if (values.help) return help('rollup', io);
  if (positionals.length === 0) throw new UsageError(ROLLUP.missingInput);
  const output = values.output as string | undefined;
  if (output && !/\.(xlsx|html?)$/i.test(output)) throw new UsageError(ROLLUP.badOutput(output));
  if (output) await checkOutput(output, !!values.force);
  const year = typeof values.year === 'string' ? parseYear(values.year) : undefined;
  const previous = typeof values.previous === 'string' ? (await loadPrevious(values.previous)).data : undefined;
  const files = await expandInputs(positionals, output ? [output] : []);
  if (files.length === 0) throw new UsageError(ROLLUP.noFiles);

  const tty = !values.json && process.stderr.isTTY === true;
  const rollup = await rollupWorkbooks(sources(files), {
    year,
    onFile: tty ? (done, file) => process.stderr.write(`\r\x1b[K${ROLLUP.progress(done, files.length, file.name)}`) : undefined,
  });
  if (tty) process.stderr.write('\r\x1b[K');

  if (output) {
    if (/\.html?$/i.test(output)) {
      await writeFileSafely(output, await boardHtml(rollup, previous));
    } else {
      const wb = XlsxWorkbook.create();
      await writeRollup(wb, rollup, { previous });
      await writeFileSafely(output, await wb.toBuffer());
    }
  }
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          year: rollup.year,
          format: rollup.format,
          files: rollup.rows,
          units: rollup.units,
          errorUnits: rollup.errorUnits,
          consolidated: rollup.data,
          consolidatedFindings: rollup.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title ?? null, message: f.message })),
        },
        null,
        2,
      ),
    );
  } else printBoard(rollup, io);
  if (output) io.err(CLI.written(output));
  return rollupExitCode(rollup);
}
