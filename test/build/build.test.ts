/**
 * `npm run build` (the task pane, dist/web) never removes the compiled CLI (dist/node):
 * after it, `nianbao --help` still runs.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'node', 'cli', 'main.js');

function run(cmd: string, args: string[], timeout: number): Promise<{ code: number; out: string }> {
  return new Promise((resolve) =>
    execFile(cmd, args, { cwd: ROOT, timeout, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    ),
  );
}

it('npm run build, then nianbao --help', async () => {
  if (!fs.existsSync(CLI)) expect((await run('npm', ['run', '-s', 'build:cli'], 300_000)).code).toBe(0);
  const built = await run('npm', ['run', '-s', 'build'], 580_000);
  expect(built.code).toBe(0);
  expect(fs.existsSync(path.join(ROOT, 'dist', 'web', 'taskpane.html'))).toBe(true);
  expect(fs.existsSync(CLI)).toBe(true);
  const help = await run(process.execPath, [path.join(ROOT, 'bin', 'nianbao.js'), '--help'], 60_000);
  expect(help.code).toBe(0);
  expect(help.out).toMatch(/^nianbao — 政务公开年报助手（命令行）/);
  expect(help.out).toContain('nianbao check');
  expect(help.out).not.toContain('尚未编译');
}, 600_000);
