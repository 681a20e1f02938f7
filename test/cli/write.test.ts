/**
 * Writes that cannot lose anything: a failed write names the path the user gave in a Chinese
 * sentence, leaves the old file as it was and leaves no temporary file behind, also when the
 * process is stopped in the middle of writing.
 */
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeError } from '../../src/core/messages/errors';
import { writeFileSafely } from '../../src/cli/write';
import { WorkbookError } from '../../src/workbook/port';
import { compiledModule } from '../helpers/compiled-cli';
import { run } from './helpers';

async function failureOf(p: Promise<unknown>): Promise<WorkbookError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookError) return e;
    throw new Error(`not a WorkbookError: ${String(e)}`);
  }
  throw new Error('written without error');
}

async function listAll(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    out.push(e.name);
    if (e.isDirectory()) for (const f of await listAll(path.join(dir, e.name))) out.push(`${e.name}/${f}`);
  }
  return out.sort();
}

describe('writeFileSafely', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-write-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('writes bytes and text, replacing an existing file whole', async () => {
    const file = path.join(dir, '年报.xlsx');
    await fs.writeFile(file, 'old');
    await writeFileSafely(file, new Uint8Array([1, 2, 3]));
    expect([...(await fs.readFile(file))]).toEqual([1, 2, 3]);
    await writeFileSafely(file, '报告');
    expect(await fs.readFile(file, 'utf8')).toBe('报告');
    expect(await listAll(dir)).toEqual(['年报.xlsx']);
  });

  it('a missing folder: names the path and the folder, no temporary file anywhere', async () => {
    const file = path.join(dir, '没有的文件夹', '年报.xlsx');
    const err = await failureOf(writeFileSafely(file, 'x'));
    expect(err.code).toBe('write-failed');
    expect(err.data.reason).toBe('missing-folder');
    const text = describeError(err);
    expect(text).toContain(`“${file}”`);
    expect(text).toContain(`文件夹“${path.join(dir, '没有的文件夹')}”不存在`);
    expect(text).not.toMatch(/内部错误|ENOENT|\.tmp/);
    expect(await listAll(dir)).toEqual([]);
  });

  it('a folder given as the output (with or without a trailing slash): nothing written into it', async () => {
    const folder = path.join(dir, '输出');
    await fs.mkdir(folder);
    for (const given of [folder, `${folder}/`]) {
      const err = await failureOf(writeFileSafely(given, 'x'));
      expect(err.data.reason).toBe('is-folder');
      const text = describeError(err);
      expect(text).toContain(`“${given}”`);
      expect(text).toMatch(/这是一个文件夹，不是文件/);
    }
    expect(await listAll(dir)).toEqual(['输出']);
  });

  it('a place that cannot be written (even by root): read-only, named', async () => {
    const file = '/sys/nianbao-年报.xlsx';
    const err = await failureOf(writeFileSafely(file, 'x'));
    expect(err.data.reason).toBe('read-only');
    expect(describeError(err)).toContain(`无法写入“${file}”：该位置是只读的`);
  });

  it('stopped in the middle of a write (TERM): old file intact, no temporary file, a Chinese line', async () => {
    const writer = await compiledModule('src/cli/write.ts');
    const file = path.join(dir, '年报.xlsx');
    await fs.writeFile(file, 'old content');
    const script = `
      const fs = require('fs');
      const { writeFileSafely } = require(${JSON.stringify(writer)});
      const dir = ${JSON.stringify(dir)};
      writeFileSafely(${JSON.stringify(file)}, new Uint8Array(256 * 1024 * 1024).fill(65)).then(() => process.exit(0));
      const poll = setInterval(() => {
        if (fs.readdirSync(dir).some((n) => n.endsWith('.tmp'))) { clearInterval(poll); process.kill(process.pid, 'SIGTERM'); }
      }, 1);`;
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
      execFile(process.execPath, ['-e', script], { timeout: 60_000 }, (error, _out, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
      ),
    );
    expect(r.code).toBe(143);
    expect(r.stderr).toContain(`写入“${file}”时中断，文件没有保存`);
    expect(r.stderr).not.toMatch(/内部错误|Error/);
    expect(await listAll(dir)).toEqual(['年报.xlsx']);
    expect(await fs.readFile(file, 'utf8')).toBe('old content');
  }, 120_000);
});

describe('the CLI on a write that fails', () => {
  it.each([
    ['a missing folder', (d: string) => path.join(d, '不存在', '年报.xlsx'), /不存在/, []],
    // --force: past the CLI's own “already exists” question, down to the write itself
    ['a folder as the output', (d: string) => d, /这是一个文件夹/, ['--force']],
  ])('%s: a Chinese line naming the path, exit 2, no 内部错误, no temporary file', async (_name, target, reason, extra) => {
    const d = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-write-cli-'));
    try {
      const out = target(d);
      const r = await run('init', '--year', '2023', '-o', out, ...(extra as string[]));
      expect(r.code).toBe(2);
      expect(r.err).toContain(`“${out}”`);
      expect(r.err).toMatch(reason);
      expect(r.err + r.out).not.toMatch(/内部错误|ENOENT|EISDIR|\.tmp/);
      expect(await listAll(d)).toEqual([]);
    } finally {
      await fs.rm(d, { recursive: true, force: true });
    }
  });
});
