/**
 * What a byte buffer is, before ExcelJS sees it: an empty file, an OLE/CFB container (old .xls,
 * or a password-protected .xlsx, which Office stores as CFB with an 'EncryptionInfo' stream), a zip
 * (a workbook or another Office document), or something else (text, HTML, PDF …).
 */

export type SniffResult =
  | { kind: 'empty' }
  | { kind: 'encrypted' }
  | { kind: 'cfb' } // .xls, .doc … (OLE compound file)
  | { kind: 'zip'; detected: 'xlsx' | 'xlsb' | 'docx' | 'pptx' | 'ods' | 'zip' }
  /** starts like a zip but has no end record: cut off (an interrupted download or copy) */
  | { kind: 'truncated-zip' }
  | { kind: 'other'; detected: 'text' | 'html' | 'pdf' | 'binary' };

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

function indexOf(bytes: Uint8Array, needle: Uint8Array): number {
  const n = needle.length;
  outer: for (let i = 0; i + n <= bytes.length; i++) {
    for (let j = 0; j < n; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

export function containsAscii(bytes: Uint8Array, s: string): boolean {
  return indexOf(bytes, ascii(s)) >= 0;
}

const EOCD = [0x50, 0x4b, 0x05, 0x06];
/** a zip's end record: 22 bytes, then a comment of up to 65535 bytes */
const EOCD_SIZE = 22;

/** Position of the last end-of-central-directory signature in the zip's last 22 + 65535 bytes, or -1. */
function lastEocd(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - (EOCD_SIZE + 65535));
  for (let i = bytes.length - EOCD.length; i >= stop; i--) {
    if (bytes[i] === EOCD[0] && bytes[i + 1] === EOCD[1] && bytes[i + 2] === EOCD[2] && bytes[i + 3] === EOCD[3]) return i;
  }
  return -1;
}

/**
 * The central directory (the list of file names) a well-formed end record points to, else
 * undefined. It is a small part at the end of the file: names are looked for there first.
 */
function centralDirectory(bytes: Uint8Array, eocd: number): Uint8Array | undefined {
  if (eocd + EOCD_SIZE > bytes.length) return undefined;
  const u32 = (i: number) => (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0;
  const size = u32(eocd + 12);
  const offset = u32(eocd + 16);
  if (offset + size > eocd || size < 4) return undefined;
  if (bytes[offset] !== 0x50 || bytes[offset + 1] !== 0x4b || bytes[offset + 2] !== 0x01 || bytes[offset + 3] !== 0x02) return undefined;
  return bytes.subarray(offset, offset + size);
}

export function sniff(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, CFB_SIGNATURE)) {
    return indexOf(bytes, utf16le('EncryptionInfo')) >= 0 ? { kind: 'encrypted' } : { kind: 'cfb' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // the end-of-central-directory record sits in the last 22 + 65535 bytes of a complete zip
    const eocd = lastEocd(bytes);
    if (eocd < 0) return { kind: 'truncated-zip' };
    // a workbook names xl/workbook.xml in its central directory; only when it does not is the whole file searched
    const directory = centralDirectory(bytes, eocd);
    if ((directory && containsAscii(directory, 'xl/workbook.xml')) || containsAscii(bytes, 'xl/workbook.xml')) {
      return { kind: 'zip', detected: 'xlsx' };
    }
    if (containsAscii(bytes, 'xl/workbook.bin')) return { kind: 'zip', detected: 'xlsb' };
    if (containsAscii(bytes, 'word/document.xml')) return { kind: 'zip', detected: 'docx' };
    if (containsAscii(bytes, 'ppt/presentation.xml')) return { kind: 'zip', detected: 'pptx' };
    if (containsAscii(bytes, 'application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'zip', detected: 'ods' };
    return { kind: 'zip', detected: 'zip' };
  }
  if (startsWith(bytes, Array.from(ascii('%PDF')))) return { kind: 'other', detected: 'pdf' };
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<table')) {
    return { kind: 'other', detected: 'html' };
  }
  const sample = bytes.subarray(0, 4096);
  const control = sample.filter((b) => b < 9 || (b > 13 && b < 32)).length;
  return { kind: 'other', detected: control === 0 ? 'text' : 'binary' };
}
