/**
 * The parts of a zip (an .xlsx file) as its central directory lists them, and their contents
 * inflated with a cap: a part that inflates to more than it declares, or than the cap, stops
 * at once. No Node APIs (the page outside Excel uses this too).
 */
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  compressedSize: number;
  /** the size the directory declares for the inflated part */
  size: number;
  /** offset of the local header */
  offset: number;
}

/** The zip's directory; undefined when it is not a zip this reader understands (ZIP64, cut off …). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stop = Math.max(0, bytes.length - (22 + 65535));
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) return undefined;
  const decoder = new TextDecoder('utf-8');
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) return undefined;
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) return undefined; // ZIP64
    out.push({ name, method, compressedSize, size, offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** Thrown when a part inflates to more than allowed. */
export class InflateLimit extends Error {
  constructor(readonly part: string) {
    super(`part ${part} inflates beyond its limit`);
  }
}

/**
 * A part's bytes, inflated in chunks: stops as soon as the output passes `limit` bytes (throws
 * InflateLimit); undefined when the part cannot be read (unknown method, broken data).
 */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return undefined;
  if (entry.method === 0) {
    if (data.length > limit) throw new InflateLimit(entry.name);
    return data;
  }
  if (entry.method !== 8) return undefined;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw new InflateLimit(entry.name);
    chunks.push(chunk);
  });
  const STEP = 1 << 16;
  try {
    for (let i = 0; i < data.length; i += STEP) inflate.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof InflateLimit) throw e;
    return undefined;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}
