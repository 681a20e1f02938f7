/**
 * A small HTML reader for published reports: no DOM (core is pure). It tokenises tags, decodes
 * entities, turns every <table> into a matrix (rowspan/colspan expanded) and the page into plain
 * text in the form copied from a website (paragraphs one a line, table cells one a line, an empty
 * line between table rows).
 */
import type { CellValue, Grid } from '../grid';
import { rangeA1 } from '../grid';

const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”',
  lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', times: '×',
  divide: '÷', emsp: '\u2003', ensp: '\u2002', thinsp: '\u2009', yen: '¥', copy: '©', reg: '®',
  deg: '°', plusmn: '±', minus: '−', laquo: '«', raquo: '»', bull: '•', sect: '§', para: '¶',
  shy: '', zwsp: '', zwnj: '\u200c', zwj: '\u200d', lrm: '', rlm: '', frasl: '⁄', prime: '′',
  lsaquo: '‹', rsaquo: '›', sbquo: '‚', bdquo: '„', trade: '™', larr: '←', rarr: '→',
};

/** Decodes named and numeric character references; unknown ones are kept as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (all, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const v = NAMED[body.toLowerCase()] ?? NAMED[body];
    return v === undefined ? all : v;
  });
}

export interface HtmlToken {
  type: 'open' | 'close' | 'text';
  /** lower-case tag name (open/close) */
  name?: string;
  attrs?: Record<string, string>;
  selfClosing?: boolean;
  /** decoded text (text tokens) */
  text?: string;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

function parseAttrs(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

/** Tokenises HTML: tags with attributes, decoded text; comments, doctype and CDATA skipped. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const out: HtmlToken[] = [];
  let i = 0;
  const n = html.length;
  const pushText = (raw: string) => {
    if (raw) out.push({ type: 'text', text: decodeEntities(raw) });
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      pushText(html.slice(i));
      break;
    }
    if (lt > i) pushText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt);
      pushText(html.slice(lt + 9, end < 0 ? n : end));
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:_-]*)/.exec(html.slice(lt, lt + 64));
    if (!m) {
      // a lone “<” in text
      pushText('<');
      i = lt + 1;
      continue;
    }
    // find the end of the tag, respecting quoted attribute values
    let j = lt + m[0].length;
    let quote = '';
    for (; j < n; j++) {
      const ch = html[j];
      if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '>') break;
    }
    const inner = html.slice(lt + m[0].length, j);
    const name = m[2].toLowerCase();
    i = j + 1;
    if (m[1]) {
      out.push({ type: 'close', name });
      continue;
    }
    const selfClosing = /\/\s*$/.test(inner);
    out.push({ type: 'open', name, attrs: parseAttrs(inner.replace(/\/\s*$/, '')), selfClosing });
    if (RAW_TEXT.has(name) && !selfClosing) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const end = close < 0 ? n : close;
      if (name === 'title' || name === 'textarea') pushText(html.slice(i, end));
      const gt = close < 0 ? n : html.indexOf('>', close);
      out.push({ type: 'close', name });
      i = gt < 0 ? n : gt + 1;
    }
  }
  return out;
}

/** One cell of an HTML table matrix. */
export interface MatrixCell {
  text: string;
  /** true at the top-left position of a (merged) cell; false where a span covers the position */
  origin: boolean;
  rs: number;
  cs: number;
  /** the origin position of the cell covering this position */
  r0: number;
  c0: number;
}

export interface HtmlTable {
  /** rows × cols; positions no cell covers are null */
  matrix: (MatrixCell | null)[][];
  rows: number;
  cols: number;
}

export interface ParsedHtml {
  /** the page as plain text (see module comment) */
  text: string;
  /** the <title> element's text */
  title: string;
  tables: HtmlTable[];
}

const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header',
  'footer', 'blockquote', 'pre', 'hr', 'dl', 'dt', 'dd', 'form', 'main', 'nav', 'aside', 'figure',
  'figcaption', 'address', 'center',
]);
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'object', 'iframe', 'select']);
const MAX_SPAN = 1000;

interface CellBuild {
  text: string;
  rs: number;
  cs: number;
  /** the cell's content as lines (paragraphs, nested tables flattened) */
  lines: string[];
  cur: string;
}
interface TableBuild {
  rows: CellBuild[][];
  row: CellBuild[] | null;
  cell: CellBuild | null;
  /** holds another table: a layout table, whose cells are page content rather than data */
  nested: boolean;
}

function spanOf(v: string | undefined): number {
  const n = parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

function cellText(s: string): string {
  return s.replace(/[ \t\r\n\f\u00a0\u3000]+/g, ' ').trim();
}

function buildMatrix(rows: CellBuild[][]): HtmlTable {
  const matrix: (MatrixCell | null)[][] = [];
  const nRows = rows.length;
  let cols = 0;
  rows.forEach((row, r) => {
    matrix[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (matrix[r][c]) c++;
      const rs = Math.max(1, Math.min(cell.rs, nRows - r));
      const text = cellText(cell.text);
      for (let dr = 0; dr < rs; dr++) {
        const mr = (matrix[r + dr] ??= []);
        for (let dc = 0; dc < cell.cs; dc++) {
          mr[c + dc] = { text, origin: dr === 0 && dc === 0, rs, cs: cell.cs, r0: r, c0: c };
        }
      }
      c += cell.cs;
      cols = Math.max(cols, c);
    }
  });
  for (let r = 0; r < nRows; r++) {
    const mr = (matrix[r] ??= []);
    for (let c = 0; c < cols; c++) if (!mr[c]) mr[c] = null;
  }
  return { matrix, rows: nRows, cols };
}

/** Parses a page: plain text, title and every table as a matrix. */
export function parseHtml(html: string): ParsedHtml {
  const tokens = tokenizeHtml(html);
  const lines: string[] = [];
  let line = '';
  const tables: HtmlTable[] = [];
  const stack: TableBuild[] = [];
  let title = '';
  let skipDepth = 0;
  let inTitle = false;

  const flushLine = () => {
    const t = cellText(line);
    if (t) lines.push(t);
    line = '';
  };
  const flushCellLine = (c: CellBuild) => {
    const t = cellText(c.cur);
    if (t) c.lines.push(t);
    c.cur = '';
  };
  const closeCell = (t: TableBuild) => {
    if (t.cell) {
      flushCellLine(t.cell);
      (t.row ??= []).push(t.cell);
      t.cell = null;
    }
  };
  const closeRow = (t: TableBuild) => {
    closeCell(t);
    if (t.row) t.rows.push(t.row);
    t.row = null;
  };
  /** a data table: one cell a line, an empty line after each row; a layout table: its cells' content */
  const flatten = (t: TableBuild): string[] => {
    if (t.nested) return t.rows.flatMap((r) => r.flatMap((c) => c.lines));
    const out: string[] = [''];
    for (const r of t.rows) {
      for (const c of r) out.push(`\t${cellText(c.text)}`);
      out.push('');
    }
    return out;
  };
  const finishTable = (t: TableBuild) => {
    closeRow(t);
    tables.push(buildMatrix(t.rows));
    const parent = stack[stack.length - 1];
    if (parent?.cell) {
      parent.nested = true;
      flushCellLine(parent.cell);
      parent.cell.lines.push(...flatten(t));
      parent.cell.text += ' ' + t.rows.map((r) => r.map((c) => cellText(c.text)).join(' ')).join(' ') + ' ';
    } else if (!parent) {
      flushLine();
      lines.push(...flatten(t));
    }
  };
  const blockBoundary = (top: TableBuild | undefined) => {
    if (top?.cell) {
      top.cell.text += ' ';
      flushCellLine(top.cell);
    } else if (!top) flushLine();
  };

  for (const tok of tokens) {
    if (tok.type === 'open' && tok.name === 'title') {
      inTitle = true;
      continue;
    }
    if (tok.type === 'close' && tok.name === 'title') {
      inTitle = false;
      continue;
    }
    if (inTitle) {
      if (tok.type === 'text') title += tok.text;
      continue;
    }
    if (tok.type === 'open' && SKIP.has(tok.name!) && !tok.selfClosing) {
      skipDepth++;
      continue;
    }
    if (tok.type === 'close' && SKIP.has(tok.name!)) {
      if (skipDepth > 0) skipDepth--;
      continue;
    }
    if (skipDepth > 0) continue;
    const top = stack[stack.length - 1];
    if (tok.type === 'text') {
      if (top?.cell) {
        top.cell.text += tok.text;
        top.cell.cur += tok.text;
      } else if (!top) line += tok.text;
      // text directly inside <table>/<tr> outside a cell is dropped, as browsers move it out
      continue;
    }
    const name = tok.name!;
    if (tok.type === 'open') {
      if (name === 'table') {
        blockBoundary(top);
        stack.push({ rows: [], row: null, cell: null, nested: false });
      } else if (name === 'tr' && top) {
        closeRow(top);
        top.row = [];
      } else if ((name === 'td' || name === 'th') && top) {
        closeCell(top);
        top.row ??= [];
        top.cell = { text: '', rs: spanOf(tok.attrs?.rowspan), cs: spanOf(tok.attrs?.colspan), lines: [], cur: '' };
      } else if (BLOCK.has(name)) blockBoundary(top);
    } else {
      if (name === 'table' && top) {
        stack.pop();
        finishTable(top);
      } else if ((name === 'td' || name === 'th') && top) {
        closeCell(top);
      } else if (name === 'tr' && top) {
        closeRow(top);
      } else if (BLOCK.has(name)) blockBoundary(top);
    }
  }
  // unclosed tables at the end of the input
  while (stack.length) finishTable(stack.pop()!);
  flushLine();
  const text = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, title: cellText(title), tables };
}

/**
 * The page's tables as Grids (as if each were pasted into a sheet at A1): values at the
 * top-left of merged cells, null elsewhere, merges in A1 notation. Numbers stay text, as read.
 */
export function htmlTablesToGrids(html: string, sheetPrefix = '表格'): Grid[] {
  return parseHtml(html).tables.map((t, i) => tableToGrid(t, `${sheetPrefix}${i + 1}`));
}

export function tableToGrid(t: HtmlTable, sheet: string): Grid {
  const cells: CellValue[][] = t.matrix.map((row) => row.map((c) => (c?.origin && c.text !== '' ? c.text : null)));
  const merges: string[] = [];
  t.matrix.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c?.origin && (c.rs > 1 || c.cs > 1)) merges.push(rangeA1(r, col, c.rs, c.cs));
    }),
  );
  return { sheet, origin: { row: 0, col: 0 }, cells, merges };
}
