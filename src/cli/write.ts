import { promises as fs } from 'fs';
import * as path from 'path';

/** Write a file via a temporary file in the same folder, so a failure never leaves half a file. */
export async function writeFileSafely(file: string, bytes: Uint8Array | string): Promise<void> {
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}
