/**
 * A published report's text as Notepad saves it (UTF-8 with or without BOM, UTF-16 LE/BE, GBK) reads
 * the same figures; an empty or binary file is an error that names why, through the use case and
 * through `nianbao import` (exit 2, nothing written).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { AppError } from '../../src/app/errors';
import { readPublishedBytes, readPublishedFile } from '../../src/app/publish';
import { decodeText, detectEncoding } from '../../src/app/text';
import { describeError } from '../../src/core/messages/errors';
import { run } from '../cli/helpers';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'published', 'kuquan-2020.txt');
const text = fs.readFileSync(SAMPLE, 'utf8');
const utf16le = (s: string) => new Uint8Array(iconv.encode(s, 'utf16le', { addBOM: true }));
const utf16be = (s: string) => new Uint8Array(iconv.encode(s, 'utf16be', { addBOM: true }));
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));

describe('encodings', () => {
  const utf8 = readPublishedFile({ name: 'r.txt', bytes: new TextEncoder().encode(text) });

  it.each([
    ['UTF-8 with BOM', () => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'utf-8'],
    ['UTF-16 LE (Notepad “Unicode”)', () => utf16le(text), 'utf-16le'],
    ['UTF-16 BE', () => utf16be(text), 'utf-16be'],
    ['GBK (Notepad “ANSI” on Chinese Windows)', () => gbk(text), 'gb18030'],
    ['UTF-16 LE without BOM (its line breaks give it away)', () => utf16le(text).subarray(2), 'utf-16le'],
    ['UTF-16 BE without BOM', () => utf16be(text).subarray(2), 'utf-16be'],
  ] as const)('%s reads the same figures, title and body as UTF-8', async (_name, bytes, encoding) => {
    const b = bytes();
    expect(detectEncoding(b)).toBe(encoding);
    expect(decodeText(b)).toBe(text);
    const r = await readPublishedBytes({ name: 'r.txt', bytes: b });
    expect(r.data).toEqual(utf8.data);
    expect(r.data.organization).toBe('哭泉镇');
    expect(r.data.year).toBe(2020);
  });

  it.each([
    ['empty', new Uint8Array(0), 'empty'],
    ['only blanks and newlines', new TextEncoder().encode(' \r\n\r\n\t'), 'empty'],
    ['binary', Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256), 'binary'],
    ['a zip that is no Word file', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('xl/workbook.xml'), 0, 0, 0]), 'binary'],
  ] as const)('%s input is an AppError not-text with its reason', async (_name, bytes, reason) => {
    const err = await readPublishedBytes({ name: 'x.txt', bytes }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('not-text');
    expect((err as AppError).data.reason).toBe(reason);
    expect(describeError(err as AppError)).toContain('未写入任何文件');
  });

  it('a PDF that is no PDF inside is not-text with reason pdf', async () => {
    const err = await readPublishedBytes({ name: 'x.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nthis is not a pdf') }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('not-text');
    expect((err as AppError).data.reason).toBe('pdf');
  });
});

describe('nianbao import with other encodings and unreadable input', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-enc-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['gbk.txt', gbk(text)],
    ['utf16.txt', utf16le(text)],
  ])('%s imports the report (exit 0)', async (name, bytes) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const out = path.join(dir, `${name}.json`);
    const r = await run('import', file, '-o', out);
    expect(r.code).toBe(0);
    const data = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(data.organization).toBe('哭泉镇');
    expect(data.table3.new_received.total).toBe(0);
  });

  it.each([
    ['empty.txt', new Uint8Array(0), '是空的'],
    ['binary.txt', Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256), '二进制'],
  ])('%s exits 2 with the reason and writes nothing', async (name, bytes, reason) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    for (const ext of ['.json', '.xlsx']) {
      const out = path.join(dir, `${name}${ext}`);
      const r = await run('import', file, '-o', out);
      expect(r.code).toBe(2);
      expect(r.err).toContain(reason);
      expect(fs.existsSync(out)).toBe(false);
    }
  });
});
