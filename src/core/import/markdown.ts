/**
 * Markdown (a PDF or Word file converted to text by a tool or a chat assistant) as the text the
 * importer reads: `#` headings as plain lines, emphasis removed, and each pipe-table row as one line
 * with its cells separated by tabs (empty cells kept, so the columns stay fixed). The separator rows
 * (`|---|:---:|`) are dropped; a table split into several small tables (表三 one per row group, with
 * generic headers such as “列1” or “ ”) stays a run of rows matched by their labels.
 */

/**
 * True when the text has a pipe table (a row and its separator row), `#` headings, or rows with
 * their cells separated by pipes as a crawler stores a page (`规章 | 0 | 0 | 0 |`, or a cell a line
 * each followed by `|`).
 */
export function looksLikeMarkdown(text: string): boolean {
  if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/m.test(text) || /^#{1,6}\s+\S/m.test(text)) return true;
  let piped = 0;
  for (const line of text.split('\n')) if (/\S\s*\|\s*$|^\s*\|\s*\S|^\s*\|\s*$/.test(line) && ++piped >= 5) return true;
  return false;
}

const SEPARATOR = /^\s*\|?\s*(:?-{2,}:?\s*\|\s*)*:?-{2,}:?\s*\|?\s*$/;

/** The cells of a pipe-table row (`| a | b |` or `a | b`), `\|` kept as a character. */
function pipeCells(line: string): string[] | undefined {
  const t = line.trim();
  if (!t.includes('|')) return undefined;
  const cells = t
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => inline(c.replace(/\\\|/g, '|')));
  return cells.length > 1 || t.startsWith('|') ? cells : undefined;
}

/** Inline markup removed: emphasis, code, links (their text kept), HTML line breaks, &nbsp;. */
function inline(s: string): string {
  return s
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*])\*(?!\s)([^*]+?)\*/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}

/** Markdown → the importer's text: one line per paragraph line, heading or table row (cells tab-separated). */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (SEPARATOR.test(raw) && raw.includes('-')) continue;
    // pipes alone: the cell boundaries of empty cells a crawler ran together (their columns are lost)
    if (/^[\s|]*\|[\s|]*$/.test(raw)) continue;
    // one cell a line, each closed by a pipe
    const single = /^\s*([^|]*?\S)\s*\|\s*$/.exec(raw);
    if (single) {
      out.push(inline(single[1]));
      continue;
    }
    const cells = pipeCells(raw);
    if (cells) {
      out.push(cells.join('\t'));
      continue;
    }
    const line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .replace(/^\s{0,3}>\s?/, '')
      .replace(/^\s*[-*+]\s+(?=\S)/, '');
    out.push(inline(line));
  }
  return out.join('\n');
}
