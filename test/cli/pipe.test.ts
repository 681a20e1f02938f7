/**
 * The installed command's output arrives whole through a pipe (`nianbao check --json … | cat`):
 * the process ends when its writes have drained, not before. Needs the compiled CLI (npm install
 * runs npm run build:cli).
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { run, tmpDir } from './helpers';

const BIN = path.join(__dirname, '..', '..', 'bin', 'nianbao.js');

function shell(cmd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) =>
    execFile('/bin/bash', ['-o', 'pipefail', '-c', cmd], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, out) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out }),
    ),
  );
}

describe('output through a pipe', () => {
  test('more than 1 MB of --json through | cat is complete and valid JSON, with the exit code kept', async () => {
    const dir = await tmpDir();
    const first = path.join(dir, 'u1.xlsx');
    expect((await run('init', '--year', '2024', '-o', first)).code).toBe(0);
    const files = [first];
    for (let i = 2; i <= 140; i++) {
      const f = path.join(dir, `u${i}.xlsx`);
      await fs.copyFile(first, f);
      files.push(f);
    }
    const quoted = files.map((f) => `'${f}'`).join(' ');
    const r = await shell(`'${process.execPath}' '${BIN}' check --json ${quoted} | cat`);
    expect(r.out.length).toBeGreaterThan(1024 * 1024);
    const parsed = JSON.parse(r.out);
    expect(parsed.files).toHaveLength(140);
    expect(parsed.summary).toHaveLength(140);
    expect(r.code).toBe(0); // templates: 尚未填写 is no error

    // the text output of a run over many files ends with its closing table, through a pipe too
    const text = await shell(`'${process.execPath}' '${BIN}' check ${quoted} /nonexistent/x.xlsx | cat`);
    const lines = text.out.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toMatch(/x\.xlsx · 无法读取/);
    expect(lines.filter((l) => / · (通过|有警告|有错误|无法读取) · /.test(l))).toHaveLength(141);
    expect(text.code).toBe(2);
  }, 180_000);
});
