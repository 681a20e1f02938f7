/**
 * Writing a file so that nothing is lost: the bytes go to a temporary file next to the target,
 * which is renamed over it only when complete. A failure leaves the target as it was, removes
 * the temporary file (also when the process is stopped with Ctrl+C or a TERM signal while
 * writing) and is reported as WorkbookError 'write-failed' naming the path the user gave.
 */
import { promises as fs, rmSync } from 'fs';
import * as path from 'path';
import { describeError } from '../core/messages/errors';
import { WorkbookError } from '../workbook/port';

/** data.reason of a 'write-failed' error */
export type WriteFailure = 'missing-folder' | 'is-folder' | 'read-only' | 'busy' | 'no-space' | 'interrupted';

const CHUNK = 1 << 20;

function reasonOf(code: string | undefined): WriteFailure | string {
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'missing-folder';
    case 'EISDIR':
      return 'is-folder';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'read-only';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'busy';
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return 'no-space';
    default:
      return 'interrupted';
  }
}

function failure(file: string, reason: string, code?: string): WorkbookError {
  return new WorkbookError('write-failed', { path: file, file: path.basename(file), reason, ...(code ? { code } : {}) });
}

/** temporary files being written now, removed if the process is stopped */
const inFlight = new Map<string, string>();
let handlersInstalled = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const [tmp, file] of inFlight) {
    rmSync(tmp, { force: true });
    process.stderr.write(`nianbao：${describeError(failure(file, 'interrupted'))}\n`);
  }
  inFlight.clear();
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function track(tmp: string, file: string): void {
  inFlight.set(tmp, file);
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
}

function untrack(tmp: string): void {
  inFlight.delete(tmp);
  if (inFlight.size === 0 && handlersInstalled) {
    handlersInstalled = false;
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/**
 * Write `bytes` (or text, as UTF-8) to `file`. Throws WorkbookError 'write-failed' with data
 * { path: file as given, file: its name, reason: WriteFailure or an error code, code? }; the
 * target keeps its old content and no temporary file is left.
 */
export async function writeFileSafely(file: string, bytes: Uint8Array | string): Promise<void> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  if (file === '' || /[\\/]$/.test(file)) throw failure(file, 'is-folder');
  const target = path.resolve(file);
  const dir = path.dirname(target);
  try {
    if ((await fs.stat(target)).isDirectory()) throw failure(file, 'is-folder');
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw failure(file, reasonOf(code), code);
  }
  try {
    if (!(await fs.stat(dir)).isDirectory()) throw failure(file, 'missing-folder');
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw failure(file, reasonOf(code), code);
  }
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  track(tmp, file);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx');
    for (let i = 0; i < data.length; i += CHUNK) await handle.write(data, i, Math.min(CHUNK, data.length - i));
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    throw failure(file, reasonOf(code), code);
  } finally {
    untrack(tmp);
  }
}
