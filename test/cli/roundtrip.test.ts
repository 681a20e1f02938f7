/**
 * Round trip through real .xlsx files: random report data → fill → export gives back the same JSON,
 * for workbooks with formula totals and with manual totals, in both formats.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { getFormat } from '../../src/core/formats';
import { consistentReport } from '../helpers/arbitrary';
import { run, tmpDir } from './helpers';

describe.each(['2019', '2021'])('format %s: fill then export', (formatId) => {
  const format = getFormat(formatId)!;
  const year = formatId === '2019' ? 2020 : 2024;

  it.each([false, true])('manual totals = %s: the exported JSON equals the filled data', async (manual) => {
    const dir = await tmpDir();
    const book = path.join(dir, 'book.xlsx');
    const args = ['init', '--year', String(year), '--format', formatId, '--org', '某某县人民政府办公室', '-o', book];
    if (manual) args.push('--manual-totals');
    expect((await run(...args)).code).toBe(0);
    const blank = await fs.readFile(book);
    let i = 0;
    await fc.assert(
      fc.asyncProperty(consistentReport(format, { year, organization: '某某县人民政府办公室' }), async (data) => {
        const target = path.join(dir, `b${i}.xlsx`);
        const json = path.join(dir, `d${i++}.json`);
        await fs.writeFile(target, blank);
        await fs.writeFile(json, JSON.stringify(data));
        const f = await run('fill', target, '--data', json);
        expect(f.code).toBe(0);
        const e = await run('export', target);
        expect(e.code).toBe(0);
        expect(JSON.parse(e.out)).toEqual(data);
        const c = await run('check', target, '--json');
        const errors = JSON.parse(c.out).files[0].findings.filter((x: { severity: string }) => x.severity === 'error');
        expect(errors).toEqual([]);
        expect(c.code).toBe(0);
      }),
      { numRuns: 6 },
    );
    await fs.rm(dir, { recursive: true });
  });
});
