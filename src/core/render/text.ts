import type { Block, DocTable, ReportDocument } from '../narrative/types';

const INDENT = '\u3000\u3000';

/**
 * The report as plain text, laid out like published reports: title, headings, paragraphs indented by two
 * full-width spaces, each table row on one line with its cells separated by tabs (cells covered by a merge
 * are empty), so that a table pasted into a spreadsheet keeps its columns.
 */
export function renderText(doc: ReportDocument): string {
  const out: string[] = [doc.title, ''];
  for (const p of doc.preamble) out.push(INDENT + p.text);
  for (const s of doc.sections) {
    out.push('', s.heading);
    for (const b of s.blocks) out.push(...blockLines(b, doc));
  }
  return out.join('\n') + '\n';
}

function blockLines(b: Block, doc: ReportDocument): string[] {
  if (b.kind === 'paragraph') return [INDENT + b.text];
  if (b.kind === 'subheading') return [INDENT + b.text];
  return ['', ...tableLines(doc.tables[b.table])];
}

/** Rows of a table as tab-separated lines over the full grid (merged cells written once, at their top left). */
export function tableLines(t: DocTable): string[] {
  const grid: string[][] = Array.from({ length: t.rows }, () => Array<string>(t.cols).fill(''));
  for (const row of t.cells) for (const c of row) grid[c.r][c.c] = c.text.replace(/[\t\r\n]+/g, ' ');
  const lines = grid.map((r) => r.join('\t').replace(/\t+$/, ''));
  return [...lines, ...t.notes];
}
