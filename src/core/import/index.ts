/**
 * Reading a published 政府信息公开工作年度报告 back in: plain text as copied from a government
 * website (tables flattened one cell a line) or the page's HTML. Finds the six sections, the
 * three tables and the title; reads every table value into ReportData (spec §7). What cannot be
 * read is listed by its label and left null — a number is never guessed. Labels and values are
 * read with the sheet reader's normaliser, label matcher and value parser (src/core/read); the
 * page's <table>s are read as Grids by the sheet reader itself (grid-tables.ts).
 */
import { FORMATS, formatForYear, formatOf, SECTIONS } from '../formats';
import type { TableDef, TableId } from '../formats/types';
import type { ReportData } from '../model/report';
import { emptyReport } from '../model/report';
import { IMPORT } from '../messages/import';
import { findTable, pageTables, readFoundRowTable, readFoundTable4 } from './grid-tables';
import { parseHtml } from './html';
import { isTraditional, toSimplified } from './traditional';
import { mapLineVariants, mapTableVariants } from './variants';
import { findTitle, splitSections, type SectionSplit } from './sections';
import {
  formatScores,
  labelKey,
  missingHeaders,
  readRowTable,
  readTable4,
  rowLabelOf,
  rowsFromLines,
  type ImportIssue,
  type RawRow,
} from './tables';

export interface ImportOptions {
  /** 'text' (copied from a page) or 'html' (the page's source); detected when absent */
  kind?: 'text' | 'html';
  /** reporting year, when the title does not state it (or to override it) */
  year?: number;
  /** reporting body, when the title does not name it (or to override it) */
  organization?: string;
}

export interface ImportResult {
  data: ReportData;
  /** the report as plain text (for HTML: converted, table cells one a line) */
  text: string;
  /** the official sections found, in text order */
  sections: { heading: string; text: string }[];
  /** what could not be read, by label */
  issues: ImportIssue[];
  /** the title as found (whitespace removed), if any */
  title?: string;
  /** how the format was decided */
  formatBy: 'labels' | 'year';
}

export type { ImportIssue } from './tables';
export { parseHtml, htmlTablesToGrids, tableToGrid, decodeEntities, tokenizeHtml } from './html';
export type { HtmlTable, MatrixCell, ParsedHtml, HtmlToken } from './html';
export { splitSections, findTitle, headingIndex } from './sections';
export type { FoundSection, SectionSplit, TitleInfo } from './sections';
export { findTable, pageTables } from './grid-tables';
export type { FoundTable, PageTable } from './grid-tables';

/** True when the input looks like HTML markup rather than copied text. */
export function looksLikeHtml(input: string): boolean {
  return /<\s*(?:!doctype|html|body|table|tr|td|p|div|span|br)\b[^>]*>/i.test(input);
}

const T2_ANCHOR = labelKey('第二十条第（一）项');
const T3_ANCHORS = ['申请人情况', '本年新收政府信息公开申请数量'].map(labelKey);

/** The lines of the text region holding a table: its section, else from an anchor label to the next table. */
function regionLines(split: SectionSplit, table: TableId): string[] {
  const sectionIndex = table === 'table2' ? 1 : table === 'table3' ? 2 : 3;
  const sec = split.sections.find((s) => s.index === sectionIndex);
  if (sec) return sec.text.split('\n');
  const keys = split.lines.map((l) => labelKey(l));
  const anchor = (t: TableId): number => {
    if (t === 'table2') return keys.findIndex((k) => k.startsWith(T2_ANCHOR));
    if (t === 'table3') return keys.findIndex((k) => T3_ANCHORS.includes(k));
    return keys.findIndex((k, i) => k === '行政复议' && keys.slice(i + 1, i + 4).includes('行政诉讼'));
  };
  const start = anchor(table);
  if (start < 0) return [];
  const others = (['table2', 'table3', 'table4'] as TableId[])
    .filter((t) => t !== table)
    .map(anchor)
    .filter((i) => i > start);
  const heads = split.sections.map((s) => s.line).filter((l) => l > start);
  const end = Math.min(split.lines.length, ...others, ...heads);
  return split.lines.slice(start, end);
}

/**
 * How many lines of a table's text region run a row label and its figures together without a
 * separator (“规章000”, “一、本年新收政府信息公开申请数量1052030”).
 */
function runTogether(table: TableDef, lines: string[]): number {
  const labels = [...new Set(table.values.map((v) => labelKey(v.rowLabel)))].filter((l) => l.length >= 2);
  let n = 0;
  for (const line of lines) {
    if (line.includes('\t')) continue;
    const key = labelKey(line.replace(/\s+/g, ''));
    const label = labels.find((l) => key.startsWith(l) && key.length > l.length);
    if (label && /^[\d.,，、\-—]+$/.test(key.slice(label.length)) && /\d{2,}/.test(key.slice(label.length))) n++;
  }
  return n;
}

/** Reads a published report (text or HTML) into ReportData. */
export function importPublishedReport(input: string, options: ImportOptions = {}): ImportResult {
  const issues: ImportIssue[] = [];
  let source = input.replace(/^\ufeff/, '');
  if (isTraditional(source)) {
    source = toSimplified(source);
    issues.push({ label: IMPORT.scriptLabel, message: IMPORT.traditional, note: true });
  }
  const kind = options.kind ?? (looksLikeHtml(source) ? 'html' : 'text');
  const parsed = kind === 'html' ? parseHtml(source) : undefined;
  const text = parsed ? parsed.text : source.replace(/\r\n?/g, '\n');
  const split = splitSections(text);

  /* title, year, body */
  const title = findTitle(split.preamble, parsed?.title);
  if (!title) issues.push({ label: IMPORT.titleLabel, message: IMPORT.noTitle });
  let year = options.year ?? title?.year ?? 0;
  if (options.year !== undefined && title?.year !== undefined && title.year !== options.year) {
    issues.push({ label: IMPORT.yearLabel, message: IMPORT.yearFromOption(options.year, title.year) });
  }
  if (!year) {
    year = 0;
    issues.push({ label: IMPORT.yearLabel, message: IMPORT.noYear });
  }
  const organization = options.organization ?? title?.organization ?? '';
  if (!organization) issues.push({ label: IMPORT.organizationLabel, message: IMPORT.noOrganization });

  /* format: by the labels only one format has, else by year */
  const lines = text.split('\n');
  const scores = formatScores(FORMATS, lines);
  const ranked = [...FORMATS].sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0));
  const top = scores.get(ranked[0].id) ?? 0;
  const byLabels = top > 0 && (ranked.length < 2 || top > (scores.get(ranked[1].id) ?? 0));
  const format = byLabels ? ranked[0] : formatOf({ year });
  if (!byLabels) issues.push({ label: IMPORT.formatLabel, message: IMPORT.formatByYear(year, format.source) });
  else if (year && formatForYear(year).id !== format.id) {
    issues.push({ label: IMPORT.formatLabel, message: IMPORT.formatYearMismatch(year, format.source) });
  }

  const data = emptyReport(format, year, organization);

  /* the three tables: in the page's <table>s by the sheet reader, else in the text by the label sequence */
  if (parsed) mapTableVariants(parsed.tables, format, issues);
  const pages = parsed ? pageTables(parsed.tables) : [];
  // a page may also lay a table out without <table> (one <p> or <div> a cell): read its text
  const textRows = (id: TableId): RawRow[] => rowsFromLines(mapLineVariants(regionLines(split, id), format, issues));
  for (const id of ['table2', 'table3'] as TableId[]) {
    const table = format.tables[id];
    const inPage = findTable(pages, format, id);
    const rows = inPage ? undefined : textRows(id);
    if (rows && runTogether(table, regionLines(split, id)) >= 2) {
      // labels and figures without separators: whatever rows could be split are not trusted either
      const scratch = emptyReport(format, year, organization);
      const found = readRowTable(table, rows, scratch, []);
      if (found.size < table.rowOrder.length) {
        issues.push({ label: table.shortName, message: IMPORT.tableUnreadable(table.shortName) });
        continue;
      }
    }
    const found = inPage ? readFoundRowTable(table, inPage, data, issues) : readRowTable(table, rows!, data, issues);
    if (!found.size) {
      issues.push({ label: table.shortName, message: IMPORT.tableMissing(table.shortName, table.caption) });
      continue;
    }
    if (id === 'table3' && rows) {
      for (const h of missingHeaders(table, rows)) issues.push({ label: IMPORT.headerLabel, message: IMPORT.headerMissing(table.shortName, h) });
    }
    for (const r of table.rowOrder) {
      if (found.has(r.key)) continue;
      const n = table.values.filter((v) => v.row === r.key).length;
      issues.push({ label: IMPORT.rowLabel(table.shortName, rowLabelOf(table, r.key)), message: IMPORT.rowMissing(n) });
    }
  }
  const t4 = format.tables.table4;
  const t4InPage = findTable(pages, format, 'table4');
  if (t4InPage) readFoundTable4(t4, t4InPage, data, issues);
  else if (regionLines(split, 'table4').some((l) => /\d{10,}/.test(l.replace(/\s/g, '')) && !/\d[\s\t]+\d/.test(l))) {
    issues.push({ label: t4.shortName, message: IMPORT.tableUnreadable(t4.shortName) });
  } else if (!readTable4(t4, textRows('table4'), data, issues)) {
    issues.push({ label: t4.shortName, message: IMPORT.tableMissing(t4.shortName, t4.caption) });
  }

  return {
    data,
    text,
    sections: split.sections.map((s) => ({ heading: s.heading, text: s.text })),
    issues,
    title: title?.title,
    formatBy: byLabels ? 'labels' : 'year',
  };
}

export { SECTIONS };
