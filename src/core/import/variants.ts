/**
 * Labels of one official format written in a table of another: a 2021 table whose row says
 * 规范性文件 (the 2019 wording of 行政规范性文件), and the like. The variants come from the format
 * data itself: a row both formats have (same key) under different labels. Each is mapped to the
 * row of the report's format and reported as mapped.
 */
import { FORMATS } from '../formats';
import type { FormatDef, TableId } from '../formats/types';
import { IMPORT } from '../messages/import';
import type { HtmlTable } from './html';
import { labelKey, type ImportIssue } from './tables';

export interface LabelVariant {
  table: TableId;
  /** the label of the report's format the variant is read as */
  official: string;
  /** the other format's source name (e.g. 2019 年版) */
  source: string;
}

const cache = new WeakMap<FormatDef, Map<string, LabelVariant>>();

/** labelKey of another format's row label → this format's row label, where no label of this format reads the same. */
export function labelVariants(format: FormatDef): Map<string, LabelVariant> {
  let out = cache.get(format);
  if (out) return out;
  out = new Map();
  const own = new Set<string>();
  for (const t of Object.values(format.tables)) {
    for (const l of t.labels) own.add(labelKey(l.text));
    for (const v of t.values) own.add(labelKey(v.rowLabel));
  }
  for (const other of FORMATS) {
    if (other.id === format.id) continue;
    for (const id of ['table2', 'table3', 'table4'] as TableId[]) {
      const mine = format.tables[id];
      for (const v of other.tables[id].values) {
        const match = mine.values.find((m) => m.row === v.row);
        if (!match || match.rowLabel === v.rowLabel) continue;
        const key = labelKey(v.rowLabel);
        if (!key || own.has(key) || out.has(key)) continue;
        out.set(key, { table: id, official: match.rowLabel, source: other.source });
      }
    }
  }
  cache.set(format, out);
  return out;
}

function mapped(variant: LabelVariant, text: string, format: FormatDef, issues: ImportIssue[], seen: Set<string>): void {
  const short = format.tables[variant.table].shortName;
  const k = `${short}|${text}`;
  if (seen.has(k)) return;
  seen.add(k);
  issues.push({ label: IMPORT.rowLabel(short, variant.official), message: IMPORT.labelMapped(text, variant.source, variant.official), note: true });
}

/** The page's table cells with another format's row label rewritten to this format's; each one reported. */
export function mapTableVariants(tables: HtmlTable[], format: FormatDef, issues: ImportIssue[]): void {
  const variants = labelVariants(format);
  if (!variants.size) return;
  const seen = new Set<string>();
  for (const t of tables) {
    for (const row of t.matrix) {
      for (const cell of row) {
        if (!cell?.origin) continue;
        const v = variants.get(labelKey(cell.text));
        if (!v) continue;
        mapped(v, cell.text.trim(), format, issues, seen);
        cell.text = v.official;
      }
    }
  }
}

/** Text lines (cells one a line, or tab-separated) with another format's row labels rewritten; each one reported. */
export function mapLineVariants(lines: string[], format: FormatDef, issues: ImportIssue[]): string[] {
  const variants = labelVariants(format);
  if (!variants.size) return lines;
  const seen = new Set<string>();
  return lines.map((line) =>
    line
      .split('\t')
      .map((cell) => {
        const v = variants.get(labelKey(cell));
        if (!v) return cell;
        mapped(v, cell.trim(), format, issues, seen);
        return v.official;
      })
      .join('\t'),
  );
}
