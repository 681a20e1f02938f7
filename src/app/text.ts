/**
 * Text files as people save them: UTF-8 (with or without BOM), UTF-16 (Notepad's “Unicode”, LE or
 * BE, with a BOM) or, from Notepad on Chinese Windows, GBK/GB18030.
 */
import { AppError } from './errors';

/** Which encoding the bytes are in: a BOM first, then UTF-16 by its zero bytes, UTF-8 when valid, else GB18030. */
export function detectEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM: ASCII characters leave a zero byte in every other position
  const n = Math.min(bytes.length, 4096) & ~1;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  // text in UTF-8 or GBK has no zero byte; UTF-16 has one in every ASCII character, line breaks included
  // (and, rarely, in a Chinese character such as 开 U+5F00 on the other side)
  if (n >= 4 && oddZero >= 2 && oddZero > 4 * evenZero) return 'utf-16le';
  if (n >= 4 && evenZero >= 2 && evenZero > 4 * oddZero) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function asBytes(bytes: ArrayBuffer | Uint8Array): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/** The text of the bytes in their detected encoding; a BOM is dropped. */
export function decodeText(bytes: ArrayBuffer | Uint8Array): string {
  const b = asBytes(bytes);
  return new TextDecoder(detectEncoding(b)).decode(b).replace(/^\uFEFF/, '');
}

/** Why decoded bytes are not a text: nothing in them, or control characters and undecodable bytes of a binary file. */
export function notTextReason(text: string): 'empty' | 'binary' | undefined {
  if (!text.trim()) return 'empty';
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) bad++;
  }
  return bad > Math.max(2, text.length / 100) ? 'binary' : undefined;
}

/**
 * The text of a file that must hold one (a published report's text, web page or markdown): an
 * AppError 'not-text' (data.reason 'empty' or 'binary') when it holds none.
 */
export function decodeTextFile(file: { name: string; bytes: ArrayBuffer | Uint8Array }): string {
  const text = decodeText(file.bytes);
  const reason = notTextReason(text);
  if (reason) throw new AppError('not-text', { file: file.name, reason });
  return text;
}
