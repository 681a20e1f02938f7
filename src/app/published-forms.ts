/**
 * The binary forms a published report comes in, made into what the importer reads: a Word file
 * (.docx, through mammoth) into its HTML, a PDF (through pdf.js) into its words with their positions
 * and its ruling lines. Both libraries are loaded with import() when a file of their kind is opened,
 * so the pane's first bundle does not carry them; pdf.js runs without a worker thread (its worker
 * code is loaded as a module on the same thread), so nothing is fetched from the network.
 */
import type { PdfPage, PdfSegment, PdfTextItem } from '../core/import/pdf';
import { AppError } from './errors';

/** The kind of a published report's file by its first bytes (a .docx is a zip with word/document.xml). */
export function sniffKind(bytes: Uint8Array): 'docx' | 'pdf' | 'zip' | 'text' {
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  // a PDF may have up to 1 KB of junk before its header
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const sample = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
    return sample.includes('word/') ? 'docx' : 'zip';
  }
  return 'text';
}

function detail(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

interface Mammoth {
  /** `buffer` is what its Node build reads, `arrayBuffer` its browser build */
  convertToHtml(input: { buffer: Uint8Array; arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
}

/** A Word document's body as HTML (paragraphs, headings and tables with their merged cells). */
export async function docxToHtml(file: { name: string; bytes: Uint8Array }): Promise<string> {
  const mammoth = (await import('mammoth')) as unknown as Mammoth & { default?: Mammoth };
  const lib = typeof mammoth.convertToHtml === 'function' ? mammoth : mammoth.default!;
  try {
    const { value } = await lib.convertToHtml({ buffer: file.bytes, arrayBuffer: arrayBufferOf(file.bytes) });
    return value;
  } catch (e) {
    throw new AppError('not-text', { file: file.name, reason: 'docx', detail: detail(e) });
  }
}

/* ---------------------------------------------------------------- pdf.js */

interface PdfJsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}
interface PdfJsPage {
  getTextContent(): Promise<{ items: PdfJsTextItem[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup(): void;
}
interface PdfJsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  destroy(): Promise<void>;
}
interface PdfJs {
  OPS: Record<string, number>;
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfJsDocument> };
}

let pdfjsLoaded: Promise<PdfJs> | undefined;

/** pdf.js (legacy build: runs in Node 20 and older browsers), with its worker code on this thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoaded ??= (async () => {
    // pdf.js warns on load (through console.log) that it cannot polyfill canvas drawing, which reading text does not need
    const warn = console.warn;
    // eslint-disable-next-line no-console
    const log = console.log;
    console.warn = () => undefined;
    // eslint-disable-next-line no-console
    console.log = () => undefined;
    try {
      const lib = (await import('pdfjs-dist/legacy/build/pdf.js')) as unknown as PdfJs & { default?: PdfJs };
      const worker = (await import('pdfjs-dist/legacy/build/pdf.worker.js')) as unknown as Record<string, unknown>;
      // the “fake worker” takes its code from this global instead of fetching pdf.worker.js
      (globalThis as Record<string, unknown>).pdfjsWorker = worker;
      return typeof (lib as Partial<PdfJs>).getDocument === 'function' ? lib : lib.default!;
    } finally {
      console.warn = warn;
      // eslint-disable-next-line no-console
      console.log = log;
    }
  })();
  return pdfjsLoaded;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The straight lines a page strokes, and its thin filled rectangles (drawn borders), in page units. */
function segmentsOf(ops: Record<string, number>, fnArray: number[], argsArray: unknown[]): PdfSegment[] {
  const out: PdfSegment[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let path: { lines: PdfSegment[]; rects: PdfSegment[][] } = { lines: [], rects: [] };
  const seg = (a: [number, number], b: [number, number]): PdfSegment => ({ x1: a[0], y1: a[1], x2: b[0], y2: b[1] });
  const stroke = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fill = new Set([ops.fill, ops.eoFill]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.constructPath) {
      const pathOps = args[0] as number[];
      const coords = args[1] as number[];
      let k = 0;
      let cur: [number, number] = [0, 0];
      let start: [number, number] = [0, 0];
      for (const op of pathOps) {
        if (op === ops.moveTo) {
          cur = apply(ctm, coords[k], coords[k + 1]);
          start = cur;
          k += 2;
        } else if (op === ops.lineTo) {
          const next = apply(ctm, coords[k], coords[k + 1]);
          path.lines.push(seg(cur, next));
          cur = next;
          k += 2;
        } else if (op === ops.curveTo) {
          cur = apply(ctm, coords[k + 4], coords[k + 5]);
          k += 6;
        } else if (op === ops.curveTo2 || op === ops.curveTo3) {
          cur = apply(ctm, coords[k + 2], coords[k + 3]);
          k += 4;
        } else if (op === ops.closePath) {
          path.lines.push(seg(cur, start));
          cur = start;
        } else if (op === ops.rectangle) {
          const [x, y, w, h] = coords.slice(k, k + 4);
          const p = [apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h)];
          path.rects.push([seg(p[0], p[1]), seg(p[1], p[2]), seg(p[2], p[3]), seg(p[3], p[0])]);
          k += 4;
        }
      }
    } else if (stroke.has(fn)) {
      out.push(...path.lines, ...path.rects.flat());
      path = { lines: [], rects: [] };
    } else if (fill.has(fn)) {
      // a filled rectangle thinner than 2 units is a drawn border: its long middle line
      for (const r of path.rects) {
        const xs = r.map((s) => s.x1);
        const ys = r.map((s) => s.y1);
        const w = Math.max(...xs) - Math.min(...xs);
        const h = Math.max(...ys) - Math.min(...ys);
        if (h <= 2 && w > 2) out.push({ x1: Math.min(...xs), x2: Math.max(...xs), y1: (Math.max(...ys) + Math.min(...ys)) / 2, y2: (Math.max(...ys) + Math.min(...ys)) / 2 });
        else if (w <= 2 && h > 2) out.push({ y1: Math.min(...ys), y2: Math.max(...ys), x1: (Math.max(...xs) + Math.min(...xs)) / 2, x2: (Math.max(...xs) + Math.min(...xs)) / 2 });
      }
      path = { lines: [], rects: [] };
    } else if (fn === ops.endPath) path = { lines: [], rects: [] };
  }
  return out;
}

/** A PDF's pages: each text run with its position and size, and the ruling lines. */
export async function pdfPages(file: { name: string; bytes: Uint8Array }): Promise<PdfPage[]> {
  const pdfjs = await loadPdfJs();
  let doc: PdfJsDocument;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(file.bytes),
      disableWorker: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    throw new AppError('not-text', { file: file.name, reason: 'pdf', detail: detail(e) });
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const it of content.items) {
        if (typeof it.str !== 'string' || !it.str.trim() || !it.transform) continue;
        const [a, b, c, d, e, f] = it.transform;
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01) continue; // rotated text (stamps, watermarks)
        items.push({ x: e, y: f, w: it.width ?? 0, h: Math.abs(d) || Math.abs(a) || (it.height ?? 0), text: it.str });
      }
      const ops = await page.getOperatorList();
      pages.push({ items, segments: segmentsOf(pdfjs.OPS, ops.fnArray, ops.argsArray) });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
