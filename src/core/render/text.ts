import type { Block, DocTable, ReportDocument } from '../narrative/types';

const INDENT = '\u3000\u3000';

/**
 * The report as plain text, laid out like published reports: title, headings, paragraphs indented by two
 * full-width spaces, each table row on one line with its cells separated by tabs (cells covered by a merge
 * are empty), so that a table pasted into a spreadsheet keeps its columns.
 */
export function renderText(doc: ReportDocument): string {
  return textLines(doc).join('\n') + '\n';
}

/**
 * The lines of the text. `compactTables` writes a table row as its non-empty cells joined by a full-width
 * space (for a single-column sheet, where tab-separated rows would not line up).
 */
export function textLines(doc: ReportDocument, options: { compactTables?: boolean } = {}): string[] {
  const out: string[] = [doc.title, ''];
  for (const p of doc.preamble) out.push(INDENT + p.text);
  for (const s of doc.sections) {
    out.push('', s.heading);
    for (const b of s.blocks) out.push(...blockLines(b, doc, !!options.compactTables));
  }
  // 落款: unit and date under the text
  if (doc.signature) out.push('', ...[doc.signature.unit, doc.signature.date].filter((x) => x));
  return out;
}

function blockLines(b: Block, doc: ReportDocument, compact: boolean): string[] {
  if (b.kind === 'paragraph') return [INDENT + b.text];
  if (b.kind === 'subheading') return [INDENT + b.text];
  const t = doc.tables[b.table];
  return ['', ...(compact ? compactTableLines(t) : tableLines(t))];
}

/** tabs and line breaks in a cell's text (written as one space) */
const BREAK = /[\t\r\n]/;
const BREAKS = /[\t\r\n]+/g;

/** Rows of a table as tab-separated lines over the full grid (merged cells written once, at their top left). */
export function tableLines(t: DocTable): string[] {
  const grid: string[][] = Array.from({ length: t.rows }, () => Array<string>(t.cols).fill(''));
  for (const row of t.cells) for (const c of row) grid[c.r][c.c] = BREAK.test(c.text) ? c.text.replace(BREAKS, ' ') : c.text;
  const lines = grid.map((r) => trimTabs(r.join('\t')));
  return [...lines, ...t.notes];
}

/** the line without trailing tabs (as .replace(/\t+$/, '')) */
function trimTabs(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 9) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** Rows of a table as their non-empty cells joined by a full-width space. */
export function compactTableLines(t: DocTable): string[] {
  const lines = t.cells.map((row) =>
    row
      .map((c) => c.text.replace(/\s+/g, ' ').trim())
      .filter((x) => x)
      .join('\u3000'),
  );
  return [...lines.filter((l) => l), ...t.notes];
}
