import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';

export async function tmpDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-cli-'));
}

/** Runs the CLI in-process, capturing what it prints. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const captured: string[] = [];
  // export without -o writes straight to stdout
  (process.stdout as unknown as { write: (s: string) => boolean }).write = (s: string) => {
    captured.push(String(s));
    return true;
  };
  try {
    const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: [...out, ...captured].join('\n'), err: err.join('\n') };
  } finally {
    (process.stdout as unknown as { write: typeof write }).write = write;
  }
}
