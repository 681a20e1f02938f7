import type { Block, DocCell, DocTable, ReportDocument } from '../narrative/types';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

const TABLE_STYLE = 'border-collapse:collapse;width:100%;font-size:14px;';
const CELL_STYLE = 'border:1px solid #000;padding:4px;';
const P_STYLE = 'text-indent:2em;line-height:1.8;';

/**
 * The report as an HTML fragment for a government website's CMS: no scripts, no external assets, no event
 * handlers, inline styles only; the three tables with the official merged headers (rowspan/colspan) and
 * header cells (th with scope). Every text is escaped. `standalone` wraps the fragment in a complete page
 * (for a downloaded .html file).
 */
export function renderHtml(doc: ReportDocument, options: { standalone?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`<h1 style="text-align:center;">${escapeHtml(doc.title)}</h1>`);
  for (const p of doc.preamble) out.push(`<p style="${P_STYLE}">${escapeHtml(p.text)}</p>`);
  for (const s of doc.sections) {
    out.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    for (const b of s.blocks) out.push(block(b, doc));
  }
  const fragment = out.join('\n') + '\n';
  if (!options.standalone) return fragment;
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    `<title>${escapeHtml(doc.title)}</title>\n</head>\n<body>\n${fragment}</body>\n</html>\n`
  );
}

function block(b: Block, doc: ReportDocument): string {
  if (b.kind === 'paragraph') return `<p style="${P_STYLE}">${escapeHtml(b.text)}</p>`;
  if (b.kind === 'subheading') return `<h3 style="${P_STYLE}">${escapeHtml(b.text)}</h3>`;
  return tableHtml(doc.tables[b.table]);
}

function cellHtml(c: DocCell): string {
  const attrs: string[] = [];
  if (c.rs > 1) attrs.push(`rowspan="${c.rs}"`);
  if (c.cs > 1) attrs.push(`colspan="${c.cs}"`);
  if (c.header && c.scope) attrs.push(`scope="${c.scope}"`);
  const align = c.kind === 'value' || (c.header && c.scope !== 'row' && c.scope !== 'rowgroup') ? 'text-align:center;' : '';
  attrs.push(`style="${CELL_STYLE}${align}"`);
  const tag = c.header ? 'th' : 'td';
  return `<${tag} ${attrs.join(' ')}>${escapeHtml(c.text)}</${tag}>`;
}

/** One table: thead for the leading header rows, tbody for the rest. */
export function tableHtml(t: DocTable): string {
  const rows = t.cells.map((r) => `<tr>${r.map(cellHtml).join('')}</tr>`);
  const parts = [`<table aria-label="${escapeHtml(t.caption)}" style="${TABLE_STYLE}">`];
  if (t.headerRows > 0) parts.push(`<thead>${rows.slice(0, t.headerRows).join('')}</thead>`);
  parts.push(`<tbody>${rows.slice(t.headerRows).join('')}</tbody>`);
  parts.push('</table>');
  for (const n of t.notes) parts.push(`<p style="font-size:14px;">${escapeHtml(n)}</p>`);
  return parts.join('\n');
}
