/** runChecks: ReportData (+ last year's, + what the reader saw) → Finding[]. Driven by the format data. */
import { FORMATS, formatForYear, formatOf, getFormat } from '../formats';
import type { CheckDef, FormatDef, Relation, TableId } from '../formats/types';
import { TABLE_IDS } from '../formats/types';
import { parseA1 } from '../grid';
import { numeric, type ReportData } from '../model/report';
import type { ReadIssue } from '../read/types';
import { RULES } from '../messages/rules';
import { cellProblem, describeCell, formatSlots, slotValues, valueAccepted, valueCell, type CellContext } from './cells';
import { evaluate, relationFindings, type CurrentValues, type Evaluated } from './relations';
import { blankFindings } from './blanks';
import type { Finding, OrganizationType, RunChecksOptions, StatedValue } from './types';

/** Numbers the report's text states: evidence for the likely wrong cell, no finding of their own. */
const STATED_CHECK: CheckDef = { id: 'NARR-TABLE', severity: 'error', group: 'narrative', title: '', basis: '' };

/**
 * The numbers the report's text states for table quantities, from the narrative check's NARR-TABLE
 * findings (the cells the quantity adds up, the number in the text): RunChecksOptions.stated.
 */
export function statedValues(narrative: readonly Finding[]): StatedValue[] {
  const out: StatedValue[] = [];
  for (const f of narrative) {
    if (f.id !== 'NARR-TABLE' || typeof f.actual !== 'number') continue;
    const cells = f.cells.filter((c) => !c.previous && c.table && c.row && c.col).map((c) => ({ table: c.table!, row: c.row!, col: c.col! }));
    if (cells.length === 0 || cells.length !== f.cells.length) continue;
    out.push({ cells, value: f.actual, ...(f.sentence ? { sentence: f.sentence } : {}) });
  }
  return out;
}

const FALLBACK_CHECK: CheckDef = { id: '', severity: 'error', group: 'error', title: '', basis: '' };

const checkIndex = new WeakMap<FormatDef, Map<string, CheckDef>>();

function checkDef(format: FormatDef, id: string): CheckDef {
  let index = checkIndex.get(format);
  if (!index) {
    index = new Map();
    for (const c of format.checks) if (!index.has(c.id)) index.set(c.id, c);
    checkIndex.set(format, index);
  }
  return index.get(id) ?? { ...FALLBACK_CHECK, id };
}

/** Labels compare after width, whitespace and list-marker normalisation (spec header). */
function norm(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(\d+)[.、．]/, '$1.');
}

/* ---------------------------------------------------------------- FORMAT-YEAR */

function formatYearFindings(report: ReportData, format: FormatDef, known: boolean): Finding[] {
  const def = checkDef(format, 'FORMAT-YEAR');
  const ids = FORMATS.map((f) => f.id).join('、');
  if (!known) {
    return [
      {
        id: def.id,
        severity: def.severity,
        cells: [],
        basis: def.basis,
        message: RULES.unknownFormat(String(report.format), ids, format.id),
        suggestion: RULES.unknownFormatFix(ids),
      },
    ];
  }
  const year = report.year;
  if (!Number.isFinite(year) || !Number.isInteger(year) || year <= 0) return [];
  const right = formatForYear(year);
  if (right.id === format.id) return [];
  return [
    {
      id: def.id,
      severity: def.severity,
      cells: [],
      basis: def.basis,
      message: RULES.formatYear(year, format.id, format.source, right.id, right.source),
      suggestion: RULES.formatYearFix(right.id),
    },
  ];
}

/* ---------------------------------------------------------------- LABELS */

interface Suppressed {
  tables: Set<TableId>;
  rows: Set<string>;
  cols: Set<string>;
}

function labelFindings(issues: ReadIssue[], format: FormatDef, suppressed: Suppressed): Finding[] {
  const def = checkDef(format, 'LABELS');
  const out: Finding[] = [];
  for (const issue of issues) {
    const table = issue.table ? format.tables[issue.table] : undefined;
    const short = table?.shortName ?? '';
    const base = {
      id: def.id,
      severity: def.severity,
      basis: def.basis,
      ...(issue.table ? { table: issue.table } : {}),
    };
    const cell = {
      ...(issue.sheet ? { sheet: issue.sheet } : {}),
      ...(issue.address ? { address: issue.address } : {}),
      ...(issue.table ? { table: issue.table } : {}),
    };
    switch (issue.kind) {
      case 'altered-label': {
        const label = `${short ? `${short} ` : ''}${issue.official ?? issue.text}`;
        const f: Finding = {
          ...base,
          cells: [{ ...cell, label, value: issue.text }],
          message: issue.official
            ? RULES.alteredLabel(short, issue.address, issue.text, issue.official)
            : RULES.unknownLabel(short, issue.address, issue.text),
          ...(issue.official ? { suggestion: RULES.alteredLabelFix(issue.official) } : {}),
        };
        f.suspect = f.cells[0];
        out.push(f);
        break;
      }
      case 'missing-row':
      case 'missing-column': {
        const name = issue.official ?? issue.text;
        const isRow = issue.kind === 'missing-row';
        if (table) {
          const n = norm(name);
          for (const v of table.values) {
            const rowLabel = table.rowOrder.find((r) => r.key === v.row)?.label ?? v.rowLabel;
            if (isRow && (norm(rowLabel) === n || norm(v.rowLabel) === n)) suppressed.rows.add(`${table.id}|${v.row}`);
            if (!isRow && norm(v.colLabel) === n) suppressed.cols.add(`${table.id}|${v.col}`);
          }
        }
        const f: Finding = {
          ...base,
          cells: [{ ...cell, label: `${short ? `${short} ` : ''}${name}`, value: null }],
          message: isRow ? RULES.missingRow(short, name) : RULES.missingColumn(short, name),
          suggestion: isRow ? RULES.missingRowFix(name) : RULES.missingColumnFix(name),
        };
        f.suspect = f.cells[0];
        out.push(f);
        break;
      }
      case 'missing-table': {
        if (!table) break;
        suppressed.tables.add(table.id);
        out.push({
          ...base,
          cells: [{ ...cell, label: table.shortName, value: null }],
          message: RULES.missingTable(table.shortName, table.caption),
          suggestion: RULES.missingTableFix(table.shortName),
        });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/* ---------------------------------------------------------------- CELL-* */

function cellFindings(ctx: CellContext, known: CurrentValues, suppressed: Suppressed, handled: Set<number>): Finding[] {
  const out: Finding[] = [];
  const { cells } = known.slots;
  for (let i = 0; i < cells.length; i++) {
    if (handled.has(i)) continue; // blanks: one finding per table (blanks.ts)
    const { table: t, vc } = cells[i];
    const value = known.values[i];
    if (valueAccepted(vc, value)) continue; // fine: not named at all
    const gone =
      suppressed.tables.has(t) || suppressed.rows.has(`${t}|${vc.row}`) || suppressed.cols.has(`${t}|${vc.col}`);
    if (gone && (value === null || value === undefined)) continue;
    const cell = describeCell(ctx, t, vc);
    const problem = cellProblem(vc, value, cell.label, cell.address);
    if (!problem) continue;
    const def = checkDef(ctx.format, problem.id);
    const f: Finding = {
      id: problem.id,
      severity: def.severity,
      table: t,
      cells: [cell],
      suspect: cell,
      basis: def.basis,
      title: problem.message.replace(/[，。].*$/u, ''),
      message: problem.message,
      suggestion: problem.suggestion,
    };
    if (def.severity === 'error') {
      const text = typeof value === 'string' ? value.normalize('NFKC').trim().replace(/,/g, '') : '';
      const n = problem.id === 'CELL-VALUE' && text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
      f.likely = { ...cell, ...(n !== undefined ? { suggested: n } : {}), reason: RULES.reasonCellValue, evidence: 'cell-value' };
    }
    out.push(f);
  }
  return out;
}

/* ---------------------------------------------------------------- T2-REG */

const SUFFIXES = /(人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府|党政办公室|党政办|办公室)$/u;

/**
 * Whether the body has no power to make 规章. With a type: townships, local departments and
 * county-level governments. Without: only names that are clearly a township / sub-district
 * (…乡/镇/街道/街道办事处, before a 人民政府/办公室 suffix) or county-level (contain 县).
 */
export function lacksRulePower(type: OrganizationType | undefined, organization: string): boolean {
  if (type) return type === 'township' || type === 'department' || type === 'government';
  let name = (organization ?? '').normalize('NFKC').replace(/\s+/g, '');
  if (!name) return false;
  if (name.includes('县')) return true;
  for (let i = 0; i < 3 && SUFFIXES.test(name); i++) name = name.replace(SUFFIXES, '');
  return /(乡|镇|街道|街道办事处)$/u.test(name);
}

function regulationFindings(ctx: CellContext, type: OrganizationType | undefined): Finding[] {
  if (!lacksRulePower(type, ctx.data.organization)) return [];
  const table = ctx.format.tables.table2;
  const cells = table.values
    .filter((v) => v.row === 'regulations')
    .filter((v) => (numeric(ctx.data.table2?.[v.row]?.[v.col]) ?? 0) > 0)
    .map((v) => describeCell(ctx, 'table2', v));
  if (cells.length === 0) return [];
  const def = checkDef(ctx.format, 'T2-REG');
  const list = cells.map((c) => RULES.term(table.values.find((v) => v.col === c.col)?.colLabel ?? c.label, Number(c.value), c.address));
  return [
    {
      id: def.id,
      severity: def.severity,
      table: 'table2',
      cells,
      basis: def.basis,
      message: RULES.regulations(ctx.data.organization, list.join('、')),
      suggestion: RULES.regulationsFix,
    },
  ];
}

/* ---------------------------------------------------------------- order */

const TABLE_RANK: Record<string, number> = Object.fromEntries(TABLE_IDS.map((t, i) => [t, i + 1]));

function position(f: Finding, format: FormatDef | undefined): [number, number] {
  let best: [number, number] = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  const current = f.cells.filter((c) => !c.previous);
  for (const c of current.length ? current : f.cells) {
    let p: [number, number] | undefined;
    const a = c.address ? parseA1(c.address) : undefined;
    if (a) p = [a.row, a.col];
    else if (format && c.table && c.row && c.col) {
      const v = valueCell(format.tables[c.table], c.row, c.col);
      if (v) p = [v.r, v.c];
    }
    if (p && (p[0] < best[0] || (p[0] === best[0] && p[1] < best[1]))) best = p;
  }
  return best;
}

/**
 * Where a finding goes in the list: 0 the format and labels, 1 arithmetic and value errors (and
 * any other error), 2 cross-year and text findings, 3 other warnings (plausibility), 4 blank cells,
 * 5 tables not filled in yet.
 */
export function findingRank(f: Finding): number {
  if (f.unfilled || f.id === 'TABLE-UNFILLED') return 5;
  if (f.id === 'CELL-BLANK') return 4;
  if (f.id === 'FORMAT-YEAR' || f.id === 'LABELS') return 0;
  if (f.id.startsWith('XY-') || f.id.startsWith('NARR-') || f.id === 'T4-NARRATIVE') return 2;
  return f.severity === 'error' ? 1 : 3;
}

/**
 * The order findings are shown in (issue 10): arithmetic errors first, then cross-year and text
 * findings, then plausibility warnings, blanks last (see findingRank); within a rank errors before
 * warnings, then by table (findings of no table first), position, id and message. Use it on the
 * whole list of a report (table checks and text checks together). Returns a new array.
 */
export function orderFindings(findings: readonly Finding[], format?: FormatDef): Finding[] {
  const keyed = findings.map((f) => ({ f, group: findingRank(f), pos: position(f, format), rank: f.table ? TABLE_RANK[f.table] ?? 9 : 0 }));
  keyed.sort(
    (a, b) =>
      a.group - b.group ||
      (a.f.severity === b.f.severity ? 0 : a.f.severity === 'error' ? -1 : 1) ||
      a.rank - b.rank ||
      a.pos[0] - b.pos[0] ||
      a.pos[1] - b.pos[1] ||
      (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0) ||
      (a.f.message < b.f.message ? -1 : a.f.message > b.f.message ? 1 : 0),
  );
  return keyed.map((k) => k.f);
}

/** orderFindings with the format (kept for callers of the earlier name). */
export function sortFindings(findings: Finding[], format: FormatDef): Finding[] {
  return orderFindings(findings, format);
}

/* ---------------------------------------------------------------- runChecks */

const crossYear = new WeakMap<Relation, boolean>();

/** Whether a relation takes a term from last year's report. */
function needsPrevious(rel: Relation): boolean {
  let v = crossYear.get(rel);
  if (v === undefined) {
    v = rel.left.some((t) => t.previous) || rel.right.some((t) => t.previous);
    crossYear.set(rel, v);
  }
  return v;
}

/**
 * Checks one report against its format (spec §6): table equations, cell values, format and year,
 * labels the reader saw, cross-year checks when last year's report is given, plausibility warnings.
 * Pure and deterministic.
 */
export function runChecks(report: ReportData, options: RunChecksOptions = {}): Finding[] {
  const known = getFormat(report.format);
  const format = formatOf(report);
  const current: CellContext = { format, data: report, cells: options.cells, sheetOf: options.sheetOf };
  const prev = options.previous;
  const previous: CellContext | undefined = prev
    ? {
        format: formatOf(prev),
        data: prev,
        cells: options.previousCells,
        previousYear: Number.isInteger(prev.year) && prev.year > 0 ? prev.year : true,
      }
    : undefined;

  const suppressed: Suppressed = { tables: new Set(), rows: new Set(), cols: new Set() };
  const findings: Finding[] = [
    ...formatYearFindings(report, format, !!known),
    ...labelFindings(options.readIssues ?? [], format, suppressed),
  ];
  const slots = formatSlots(format);
  const values: CurrentValues = { slots, values: slotValues(slots, report) };
  const blanks = blankFindings(
    current,
    values,
    (t, vc) => suppressed.tables.has(t) || suppressed.rows.has(`${t}|${vc.row}`) || suppressed.cols.has(`${t}|${vc.col}`),
    { blank: checkDef(format, 'CELL-BLANK').basis, unfilled: checkDef(format, 'CELL-BLANK').basis },
  );
  findings.push(...blanks.findings);
  findings.push(...cellFindings(current, values, suppressed, blanks.handled));

  const evaluated: Evaluated[] = [];
  for (const rel of format.relations) {
    if (!previous && needsPrevious(rel)) continue;
    const e = evaluate(rel, checkDef(format, rel.check), current, previous, values);
    if (e) evaluated.push(e);
  }
  for (const s of options.stated ?? []) {
    if (s.cells.length === 0 || !Number.isFinite(s.value)) continue;
    const rel: Relation = { check: 'NARR-TABLE', op: '=', left: s.cells.map((ref) => ({ ref })), right: [], constant: s.value, scope: '' };
    const e = evaluate(rel, STATED_CHECK, current, previous);
    if (e) evaluated.push(e);
  }
  findings.push(
    ...relationFindings(evaluated, (e) => format.tables[e.rel.left[0]?.ref.table ?? 'table3'].shortName, { format, known: values, current }),
  );
  findings.push(...regulationFindings(current, options.organizationType));
  return sortFindings(findings, format);
}
