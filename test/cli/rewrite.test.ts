/**
 * fill and fix never strip a user's workbook: a file holding parts ExcelJS cannot carry (a chart
 * here) is not written over itself; written to a new file, the command says what stays behind.
 * (Which parts ExcelJS loses is tested on LibreOffice-made files in test/workbook/xlsx/parts.test.ts.)
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { promises as fs } from 'fs';
import * as path from 'path';
import { run, tmpDir } from './helpers';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'kuquan-2020.json');

/** The workbook with a chart part beside its sheets, as Excel saves one. */
async function withChart(file: string): Promise<void> {
  const parts = unzipSync(new Uint8Array(await fs.readFile(file)));
  parts['xl/charts/chart1.xml'] = strToU8('<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
  await fs.writeFile(file, zipSync(parts));
}

describe('rewriting a workbook with a chart', () => {
  test('fill in place is refused, the file unchanged; fill -o writes the new file and says the chart stays behind', async () => {
    const dir = await tmpDir();
    const book = path.join(dir, 'with-chart.xlsx');
    expect((await run('init', '--data', SAMPLE, '-o', book)).code).toBe(0);
    await withChart(book);
    const before = await fs.readFile(book);
    const refused = await run('fill', book, '--data', SAMPLE);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('图表');
    expect(refused.err).toContain('没有覆盖原文件');
    expect(refused.err).not.toContain('内部错误');
    expect(await fs.readFile(book)).toEqual(before);

    const copy = path.join(dir, 'new.xlsx');
    const written = await run('fill', book, '--data', SAMPLE, '-o', copy);
    expect(written.code).toBe(0);
    expect(written.err).toContain('图表');
    expect(await fs.readFile(book)).toEqual(before);
    expect((await run('check', copy)).code).toBe(0);
  });

  test('fix --force (in place) is refused; fix -o is written', async () => {
    const dir = await tmpDir();
    const book = path.join(dir, 't.xlsx');
    expect((await run('init', '--year', '2024', '-o', book)).code).toBe(0);
    await withChart(book);
    const before = await fs.readFile(book);
    const refused = await run('fix', book, '--zeros', '--force');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('图表');
    expect(await fs.readFile(book)).toEqual(before);
    const out = path.join(dir, 'z.xlsx');
    expect((await run('fix', book, '--zeros', '-o', out)).code).toBe(0);
    await fs.access(out);
  });
});
