/**
 * The compiled CLI's entry (dist/node/cli/main.js) for tests that run `nianbao` in a child
 * process: the one `npm install` / `npm run build:cli` made when it is newer than every source
 * file it is built from, else a fresh compile of the sources into test-output/cli-build-*.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

function newest(dir: string): number {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

export async function compiledCli(): Promise<string> {
  const built = path.join(ROOT, 'dist', 'node', 'cli', 'main.js');
  const dirs = ['core', 'workbook', 'export', 'cli', 'app'].map((d) => newest(path.join(ROOT, 'src', d)));
  const sources = Math.max(...dirs, fs.statSync(path.join(ROOT, 'tsconfig.cli.json')).mtimeMs);
  if (fs.existsSync(built) && newest(path.join(ROOT, 'dist', 'node')) >= sources) return built;
  // inside the project, so that the compiled files find node_modules
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  const out = fs.mkdtempSync(path.join(ROOT, 'test-output', 'cli-build-'));
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.cli.json'), '--outDir', out], { cwd: ROOT }, (err, stdout) =>
      err ? reject(new Error(`tsc: ${stdout}`)) : resolve(),
    ),
  );
  return path.join(out, 'cli', 'main.js');
}

/**
 * One source file and what it imports, compiled to CommonJS into test-output/module-build-*
 * (for a child process); returns the compiled file's path.
 */
export async function compiledModule(source: string): Promise<string> {
  fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
  const out = fs.mkdtempSync(path.join(ROOT, 'test-output', 'module-build-'));
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '--outDir', out, '--rootDir', path.join(ROOT, 'src'), '--module', 'commonjs', '--target', 'ES2022', '--moduleResolution', 'node',
    '--esModuleInterop', '--skipLibCheck', '--strict', '--types', 'node', path.join(ROOT, source)];
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, args, { cwd: ROOT }, (err, stdout) => (err ? reject(new Error(`tsc: ${stdout}`)) : resolve())),
  );
  return path.join(out, path.relative(path.join(ROOT, 'src'), path.join(ROOT, source)).replace(/\.ts$/, '.js'));
}
