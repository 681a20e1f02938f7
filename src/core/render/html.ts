import type { Block, DocCell, DocTable, ReportDocument } from '../narrative/types';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

const TABLE_STYLE = 'border-collapse:collapse;width:100%;font-size:14px;line-height:1.5;';
const CELL_STYLE = 'border:1px solid #000;padding:4px 6px;';
const P_STYLE = 'text-indent:2em;line-height:1.8;';
/** a table scrolls sideways inside this on a narrow screen instead of squeezing its labels */
const SCROLL_STYLE = 'overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%;margin:0.5em 0;';
/** narrowest width a table is laid out at (a phone scrolls it): about 11 characters a label column */
const MIN_WIDTH: Record<string, number> = { table2: 520, table3: 760, table4: 720 };
const PAGE_STYLE =
  'max-width:960px;margin:0 auto;padding:16px;font-family:"FangSong","仿宋","STFangsong","SimSun",serif;font-size:16px;color:#000;';

/**
 * The report as HTML for a government website's CMS: no scripts, no external assets, no event handlers,
 * inline styles only; the three tables with the official merged headers (rowspan/colspan) and header cells
 * (th with scope), each in a box that scrolls sideways on a phone; row labels left-aligned in normal weight.
 * Every text is escaped.
 *
 * Without options: the fragment pasted into a CMS editor under the page's own title (no html/head, no h1).
 * `standalone`: the whole page (a downloaded .html file) with the title as its h1 and a viewport for phones.
 */
export function renderHtml(doc: ReportDocument, options: { standalone?: boolean } = {}): string {
  const out: string[] = [];
  if (options.standalone) out.push(`<h1 style="text-align:center;font-size:22px;">${escapeHtml(doc.title)}</h1>`);
  for (const p of doc.preamble) out.push(`<p style="${P_STYLE}">${escapeHtml(p.text)}</p>`);
  for (const s of doc.sections) {
    out.push(`<h2 style="font-size:18px;">${escapeHtml(s.heading)}</h2>`);
    for (const b of s.blocks) out.push(block(b, doc));
  }
  if (doc.signature) {
    for (const line of [doc.signature.unit, doc.signature.date].filter((x) => x)) {
      out.push(`<p style="text-align:right;line-height:1.8;margin:0;">${escapeHtml(line)}</p>`);
    }
  }
  const fragment = out.join('\n') + '\n';
  if (!options.standalone) return fragment;
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(doc.title)}</title>\n</head>\n<body style="margin:0;">\n<div style='${PAGE_STYLE}'>\n${fragment}</div>\n</body>\n</html>\n`
  );
}

function block(b: Block, doc: ReportDocument): string {
  if (b.kind === 'paragraph') return `<p style="${P_STYLE}">${escapeHtml(b.text)}</p>`;
  if (b.kind === 'subheading') return `<h3 style="${P_STYLE}font-size:16px;">${escapeHtml(b.text)}</h3>`;
  return tableHtml(doc.tables[b.table]);
}

function cellHtml(c: DocCell): string {
  const attrs: string[] = [];
  if (c.rs > 1) attrs.push(`rowspan="${c.rs}"`);
  if (c.cs > 1) attrs.push(`colspan="${c.cs}"`);
  if (c.header && c.scope) attrs.push(`scope="${c.scope}"`);
  const rowLabel = c.header && (c.scope === 'row' || c.scope === 'rowgroup');
  const align = c.kind === 'value' || (c.header && !rowLabel) ? 'text-align:center;' : rowLabel ? 'text-align:left;font-weight:normal;' : '';
  attrs.push(`style="${CELL_STYLE}${align}"`);
  const tag = c.header ? 'th' : 'td';
  return `<${tag} ${attrs.join(' ')}>${escapeHtml(c.text)}</${tag}>`;
}

/** One table: thead for the leading header rows, tbody for the rest. */
export function tableHtml(t: DocTable): string {
  const rows = t.cells.map((r) => `<tr>${r.map(cellHtml).join('')}</tr>`);
  const min = MIN_WIDTH[t.id] ?? 480;
  const parts = [`<div style="${SCROLL_STYLE}">`, `<table aria-label="${escapeHtml(t.caption)}" style="${TABLE_STYLE}min-width:${min}px;">`];
  if (t.headerRows > 0) parts.push(`<thead>${rows.slice(0, t.headerRows).join('')}</thead>`);
  parts.push(`<tbody>${rows.slice(t.headerRows).join('')}</tbody>`);
  parts.push('</table>', '</div>');
  for (const n of t.notes) parts.push(`<p style="font-size:14px;">${escapeHtml(n)}</p>`);
  return parts.join('\n');
}
