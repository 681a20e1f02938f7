/**
 * Reading the three official tables of a published report from rows of cells: label cells
 * followed by value cells. Rows come from flattened text (one cell a line) or from an HTML
 * table matrix. Rows are matched by label, never by position, with the sheet reader's label
 * matcher and normaliser (src/core/read); values are read with the sheet reader's value parser.
 * A row whose value count does not fit is left blank with an issue (never guessed).
 */
import type { FormatDef, TableDef, TableId, ValueCell } from '../formats/types';
import type { ReportData, Value } from '../model/report';
import { IMPORT } from '../messages/import';
import { LabelMatcher, labelCore, normalizeLabel } from '../read/normalize';
import { tokenValue, valueToken, type ValueToken } from '../read/value';
import type { HtmlTable } from './html';

/** A label's comparable form for finding a table's region or header: normalised, without list marker and trailing note. */
export function labelKey(s: string): string {
  return labelCore(normalizeLabel(s));
}

export interface ImportIssue {
  label: string;
  message: string;
  /** true for what was read, only differently from the official wording (a label mapped to its row, 元 read as 万元, traditional characters): nothing is missing */
  note?: true;
}

export interface RawValue {
  text: string;
  token: ValueToken;
}

/** A table row as read: the label cells since the previous row's values, then the values. */
export interface RawRow {
  labels: string[];
  values: RawValue[];
  /** the row of the HTML table matrix it was read from */
  r?: number;
}

/**
 * A row typed with spaces between its cells (“规章 0 0 0”, “0 0 0 0 0”): its label, then two or more
 * figures (or one figure after a short label), as a tab-separated row; else undefined.
 */
function spacedRow(line: string): string | undefined {
  const tokens = line.split(/[ \u3000\u00a0]+/).filter((t) => t);
  if (tokens.length < 2) return undefined;
  let m = 0;
  while (m < tokens.length && valueToken(tokens[tokens.length - 1 - m])?.kind === 'number') m++;
  const label = tokens.slice(0, tokens.length - m).join('');
  if (m === 0 || (m === 1 && (!label || label.length > 20)) || label.length > 40 || /[。；;，,]$|。/.test(label) || (label && valueToken(label))) return undefined;
  return [label, ...tokens.slice(tokens.length - m)].join('\t');
}

const GENERIC_HEADER = /^(?:列|栏|字段|表头|column|col|field|header)\s*\d{1,2}$/i;

/**
 * Rows from flattened text: label lines accumulate until a run of value lines closes a row. A line
 * with tabs (a browser's copy of a table, a markdown or PDF row) is one row whose columns the tabs
 * fix: its label cells, then every cell after the last label as a value, an empty one as a blank.
 */
export function rowsFromLines(lines: string[]): RawRow[] {
  const rows: RawRow[] = [];
  let labels: string[] = [];
  let values: RawValue[] = [];
  const close = () => {
    if (values.length) {
      rows.push({ labels, values });
      labels = [];
      values = [];
    }
  };
  const tabRow = (line: string) => {
    // generic headers a converter gives a table it split (“列1”, “Column 2”, “字段3”) name no column
    const cells = line.split('\t').map((c) => c.trim()).map((c) => (GENERIC_HEADER.test(c) ? '' : c));
    if (cells.every((c) => !c)) return;
    let last = -1;
    cells.forEach((c, i) => {
      if (c && !valueToken(c)) last = i;
    });
    if (cells.slice(last + 1).every((c) => !c)) {
      // header cells only (a header row's empty cells are no figures)
      close();
      labels.push(...cells.filter((c) => c));
      return;
    }
    close();
    labels.push(...cells.slice(0, last + 1).filter((c) => c));
    values = cells.slice(last + 1).map((c) => ({ text: c, token: valueToken(c, true)! }));
    close();
  };
  for (const raw of lines) {
    // a tab-separated row has a tab between its cells or ends with empty cells; a tab before one cell is indentation
    if (/\S\t|\t\s*\S/.test(raw.trim()) || /\S.*\t[ \t]*$/.test(raw)) {
      tabRow(raw);
      continue;
    }
    const line = raw.trim();
    if (!line) continue;
    const spaced = spacedRow(line);
    if (spaced) {
      tabRow(spaced);
      continue;
    }
    const tok = valueToken(line);
    if (tok) values.push({ text: line, token: tok });
    else {
      close();
      labels.push(line);
    }
  }
  close();
  if (labels.length) rows.push({ labels, values: [] });
  return rows;
}

/** Rows from an HTML table: per matrix row, the label cells, then the cells after the last label as values (empty = blank). */
export function rowsFromMatrix(t: HtmlTable): RawRow[] {
  const rows: RawRow[] = [];
  t.matrix.forEach((mrow, r) => {
    const cells = mrow.filter((c) => c?.origin).map((c) => c!.text);
    let last = -1;
    cells.forEach((c, i) => {
      if (c !== '' && !valueToken(c)) last = i;
    });
    const labels = cells.slice(0, last + 1).filter((c) => c !== '');
    const values = cells.slice(last + 1).map((c) => ({ text: c, token: valueToken(c, true)! }));
    if (!labels.length && values.every((v) => v.token.kind === 'blank')) return;
    rows.push({ labels, values, r });
  });
  return rows;
}

/* ---------------------------------------------------------------- naming */

/** A row's name in issues (ValueCell.fullRowLabel: “（三）不予公开 1.属于国家秘密”), else its label of spec §7. */
export function rowLabelOf(table: TableDef, row: string): string {
  const vc = table.values.find((v) => v.row === row);
  return vc?.fullRowLabel ?? table.rowOrder.find((r) => r.key === row)?.label ?? row;
}

export function cellLabelOf(_table: TableDef, vc: ValueCell): string {
  return vc.cellLabel;
}

/* ---------------------------------------------------------------- values */

/** An amount in 元 as 万元, exactly: the decimal point moved four places in its decimal digits. */
export function yuanToWan(yuan: number): number {
  const [int, frac = ''] = String(yuan).split('.');
  const digits = (int.replace('-', '').padStart(5, '0') + frac).replace(/^0+(?=\d{5})/, '');
  const cut = digits.length - frac.length - 4;
  return Number(`${yuan < 0 ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`);
}

export function toValue(raw: RawValue, vc: ValueCell, label: string, issues: ImportIssue[]): Value {
  const t = raw.token;
  if (t.kind === 'blank') {
    // the marker as written (“…”, not its NFKC form “...”)
    issues.push({ label, message: IMPORT.blankValue(t.text && raw.text.trim()) });
    return null;
  }
  const parsed = tokenValue(t, raw.text, vc.kind, vc.unit);
  if (typeof parsed.value === 'number') return parsed.value;
  if (t.kind === 'number' && t.unit === '元' && vc.unit === '万元') {
    // exact: the decimal point moved four places in the digits as written (no binary division, no rounding)
    const v = yuanToWan(t.value);
    issues.push({ label, message: IMPORT.unitConverted(t.text, v), note: true });
    return v;
  }
  issues.push({ label, message: IMPORT.textValue(raw.text) });
  return raw.text;
}

/* ---------------------------------------------------------------- row matching */

interface RowSpec {
  key: string;
  index: number;
  /** normalised label and its core (normalizeLabel, labelCore) */
  norm: string;
  core: string;
  cells: ValueCell[];
}

interface RowMatching {
  specs: RowSpec[];
  matcher: LabelMatcher;
  /** normalised labels that group rows (（三）不予公开, 三、本年度办理结果) */
  parents: string[];
}

const matchingCache = new WeakMap<TableDef, RowMatching>();

function rowMatching(table: TableDef): RowMatching {
  let m = matchingCache.get(table);
  if (!m) {
    const specs = table.rowOrder.map((r, index) => {
      const cells = table.values.filter((v) => v.row === r.key).sort((a, b) => a.c - b.c);
      const norm = normalizeLabel(cells[0]?.rowLabel ?? r.label);
      return { key: r.key, index, norm, core: labelCore(norm), cells };
    });
    const rowNorms = new Set(specs.map((s) => s.norm));
    const parents = [...new Set(table.values.map((v) => (v.parentLabel ? normalizeLabel(v.parentLabel) : '')))].filter((p) => p && !rowNorms.has(p));
    m = { specs, matcher: new LabelMatcher(specs.map((s) => s.norm)), parents };
    matchingCache.set(table, m);
  }
  return m;
}

/**
 * The official row the last label cells name (the last one, else the last two or three joined: a
 * label copied across lines). Per count: the sheet reader's matcher down to a core match, also after
 * a group label (“（三）不予公开1.属于国家秘密”), then a row label the text ends with; a one-character
 * typo (fuzzy) only when no count matched otherwise. Several rows at one step: the first not before
 * `pointer` (the rows come in the official order).
 */
function matchRow(labels: string[], m: RowMatching, pointer: number): RowSpec | undefined {
  const texts: string[] = [];
  for (let n = 1; n <= Math.min(3, labels.length); n++) texts.push(normalizeLabel(labels.slice(-n).join('')));
  for (const text of texts) {
    const hit = m.matcher.match(text, 'core');
    if (hit) return m.specs[hit.index];
    for (const p of m.parents) {
      if (text.length <= p.length || !text.startsWith(p)) continue;
      const rest = m.matcher.match(text.slice(p.length), 'core');
      if (rest) return m.specs[rest.index];
    }
    const core = labelCore(text);
    const hits = m.specs.filter((s) => s.core.length >= 4 && (text.endsWith(s.norm) || core.endsWith(s.core)));
    if (hits.length) return hits.find((h) => h.index >= pointer) ?? hits[0];
  }
  for (const text of texts) {
    const hit = m.matcher.match(text, 'fuzzy');
    if (hit) return m.specs[hit.index];
  }
  return undefined;
}

/** Reads table 二 or 三 (row label + values per row) into `data`; returns the row keys found. */
export function readRowTable(table: TableDef, rows: RawRow[], data: ReportData, issues: ImportIssue[]): Set<string> {
  const matching = rowMatching(table);
  const found = new Set<string>();
  let pointer = 0;
  for (const row of rows) {
    if (!row.values.length) continue;
    const spec = row.labels.length ? matchRow(row.labels, matching, pointer) : undefined;
    if (!spec) {
      if (row.values.some((v) => v.token.kind === 'number')) {
        const label = row.labels.length ? `${table.shortName} ${row.labels.slice(-2).join(' ')}` : `${table.shortName} ${IMPORT.unlabelledValues}`;
        issues.push({ label, message: IMPORT.unmatchedRow(row.values.map((v) => v.text || '空').join('、')) });
      }
      continue;
    }
    const rowName = IMPORT.rowLabel(table.shortName, rowLabelOf(table, spec.key));
    if (found.has(spec.key)) {
      issues.push({ label: rowName, message: IMPORT.rowDuplicate });
      continue;
    }
    found.add(spec.key);
    pointer = spec.index + 1;
    // a label written otherwise (annotated, abbreviated, a typo) is read as its row and said so
    const written = row.labels[row.labels.length - 1];
    const norm = normalizeLabel(written);
    if (norm !== spec.norm && !norm.endsWith(spec.norm) && !row.labels.slice(-3).some((l) => normalizeLabel(l) === spec.norm) && !normalizeLabel(row.labels.slice(-3).join('')).endsWith(spec.norm)) {
      issues.push({ label: rowName, message: IMPORT.labelAltered(written.trim(), spec.cells[0]?.rowLabel ?? rowLabelOf(table, spec.key)), note: true });
    }
    let values = row.values;
    const k = spec.cells.length;
    // trailing empty cells of the template (e.g. the empty 4th column of 2019 表二) are not values
    while (values.length > k && values[values.length - 1].token.kind === 'blank' && values[values.length - 1].text === '') {
      values = values.slice(0, -1);
    }
    // nor are the empty cells a merged label leaves in a tab-separated or markdown row (the values come last)
    while (values.length > k && values[0].token.kind === 'blank' && values[0].text === '') values = values.slice(1);
    if (values.length < k) {
      issues.push({ label: rowName, message: IMPORT.rowCount(values.length, k) });
      continue;
    }
    if (values.length > k) issues.push({ label: rowName, message: IMPORT.rowExtra(values.length - k) });
    spec.cells.forEach((vc, j) => {
      data[table.id][vc.row][vc.col] = toValue(values[j], vc, cellLabelOf(table, vc), issues);
    });
  }
  return found;
}

/** Reads table 四: the 15 values after its header, in the official column order. */
export function readTable4(table: TableDef, rows: RawRow[], data: ReportData, issues: ImportIssue[]): boolean {
  const start = rows.findIndex((r) => r.labels.some((l) => labelKey(l) === '行政复议'));
  const from = start < 0 ? 0 : start;
  const runs = rows.slice(from).filter((r) => r.values.some((v) => v.token.kind === 'number'));
  if (!runs.length && start < 0) return false;
  const values = runs.flatMap((r) => r.values);
  const cells = [...table.values].sort((a, b) => a.c - b.c);
  let use: RawValue[] | undefined;
  if (values.length === cells.length) use = values;
  else if (runs.length && runs[0].values.length >= cells.length) {
    issues.push({ label: IMPORT.rowLabel(table.shortName, table.caption), message: IMPORT.table4Extra(values.length) });
    use = runs[0].values.slice(0, cells.length);
  } else {
    issues.push({ label: IMPORT.rowLabel(table.shortName, table.caption), message: IMPORT.table4Count(values.length) });
  }
  if (use) cells.forEach((vc, j) => (data.table4[vc.row][vc.col] = toValue(use![j], vc, cellLabelOf(table, vc), issues)));
  return true;
}

/** Header labels of a table that do not occur among the label cells (checked for table 三's columns). */
export function missingHeaders(table: TableDef, rows: RawRow[]): string[] {
  const seen = new Set(rows.flatMap((r) => r.labels.map((l) => labelKey(l))));
  return table.colOrder.map((c) => c.label).filter((l) => !seen.has(labelKey(l)));
}

/** How many labels unique to each format occur among the given lines. */
export function formatScores(formats: readonly FormatDef[], lines: string[]): Map<string, number> {
  const keysOf = (f: FormatDef) => {
    const s = new Set<string>();
    for (const t of Object.values(f.tables)) {
      for (const l of t.labels) s.add(labelKey(l.text));
      for (const v of t.values) s.add(labelKey(v.rowLabel));
    }
    s.delete('');
    return s;
  };
  const all = formats.map(keysOf);
  const seen = new Set(lines.flatMap((l) => l.split('\t')).map((l) => labelKey(l)).filter((l) => l));
  const scores = new Map<string, number>();
  formats.forEach((f, i) => {
    let n = 0;
    for (const k of all[i]) {
      if (all.some((o, j) => j !== i && o.has(k))) continue;
      if (seen.has(k)) n++;
    }
    scores.set(f.id, n);
  });
  return scores;
}

export type { TableId };
