/**
 * Blank value cells (issue 10): a table with no values at all is 尚未填写 (one neutral finding, its
 * arithmetic skipped); otherwise the blank cells of a table are one finding listing them as ranges,
 * and a blank total whose parts are filled says what it should be instead of being told to fill 0.
 */
import type { FormatDef, Relation, TableId, ValueCell } from '../formats/types';
import { TABLE_IDS } from '../formats/types';
import { parseA1, rangeA1, sheetRef } from '../grid';
import { numeric, type Value } from '../model/report';
import { RULES } from '../messages/rules';
import { describeCell, valueCell, type CellContext } from './cells';
import type { CurrentValues } from './relations';
import type { Finding, FindingCell, TotalFill } from './types';

/** Nothing in the cell: no value, or only spaces. */
export function isBlank(v: Value | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.normalize('NFKC').trim() === '');
}

const totalsOf = new WeakMap<FormatDef, Map<ValueCell, Relation[]>>();

/** The total relations of each total cell (the cell on the left of a `total` relation), in format order. */
export function totalRelationsByCell(format: FormatDef): Map<ValueCell, Relation[]> {
  let m = totalsOf.get(format);
  if (!m) {
    m = new Map();
    for (const rel of format.relations) {
      if (!rel.total || rel.left.length !== 1 || rel.left[0].previous) continue;
      const ref = rel.left[0].ref;
      const vc = valueCell(format.tables[ref.table], ref.row, ref.col);
      if (!vc) continue;
      const list = m.get(vc) ?? [];
      list.push(rel);
      m.set(vc, list);
    }
    totalsOf.set(format, m);
  }
  return m;
}

/** “D24:I30, D33”: cells as rectangles (runs along rows merged down), one sheet qualified when several. */
export function cellRanges(cells: FindingCell[]): string {
  const located = cells.filter((c) => c.address && parseA1(c.address));
  if (located.length < cells.length) {
    const labels = cells.map((c) => c.address ?? c.label);
    return labels.length <= 5 ? labels.join('、') : `${labels.slice(0, 5).join('、')} 等`;
  }
  const sheets = [...new Set(located.map((c) => c.sheet ?? ''))];
  const out: string[] = [];
  for (const sheet of sheets) {
    const pos = located.filter((c) => (c.sheet ?? '') === sheet).map((c) => parseA1(c.address!)!);
    pos.sort((a, b) => a.row - b.row || a.col - b.col);
    // runs along each row
    const runs: { row: number; col: number; cols: number; rows: number }[] = [];
    for (const p of pos) {
      const last = runs[runs.length - 1];
      if (last && last.row === p.row && last.col + last.cols === p.col) last.cols++;
      else if (!(last && last.row === p.row && p.col < last.col + last.cols)) runs.push({ row: p.row, col: p.col, cols: 1, rows: 1 });
    }
    // runs with the same columns on consecutive rows become one rectangle
    const rects: typeof runs = [];
    for (const r of runs) {
      const open = rects.find((x) => x.col === r.col && x.cols === r.cols && x.row + x.rows === r.row);
      if (open) open.rows++;
      else rects.push({ ...r });
    }
    rects.sort((a, b) => a.row - b.row || a.col - b.col);
    for (const r of rects) {
      const range = rangeA1(r.row, r.col, r.rows, r.cols);
      out.push(sheets.length > 1 && sheet ? sheetRef(sheet, range) : range);
    }
  }
  return out.join(', ');
}

export interface BlankOutcome {
  findings: Finding[];
  /** tables with no values at all */
  unfilled: Set<TableId>;
  /** slots of the blank cells spoken for here (the per-cell check leaves them out) */
  handled: Set<number>;
}

/**
 * The blank findings of a report. `gone(t, vc)` is true for cells of rows, columns or tables the
 * reader reported missing (their own finding speaks for them).
 */
export function blankFindings(
  ctx: CellContext,
  known: CurrentValues,
  gone: (t: TableId, vc: ValueCell) => boolean,
  basis: { blank: string; unfilled: string },
): BlankOutcome {
  const out: BlankOutcome = { findings: [], unfilled: new Set(), handled: new Set() };
  const totals = totalRelationsByCell(ctx.format);
  const { cells, slot } = known.slots;
  const valueOf = (t: TableId, row: string, col: string): Value | undefined => {
    const vc = valueCell(ctx.format.tables[t], row, col);
    const s = vc ? slot.get(vc) : undefined;
    return s !== undefined ? known.values[s] : undefined;
  };
  for (const t of TABLE_IDS) {
    const table = ctx.format.tables[t];
    const slots: number[] = [];
    for (let i = 0; i < cells.length; i++) if (cells[i].table === t) slots.push(i);
    if (slots.length === 0) continue;
    const live = slots.filter((i) => !gone(t, cells[i].vc));
    if (live.length === 0) continue;
    const empty = live.every((i) => {
      const v = known.values[i];
      return isBlank(v) || (totals.has(cells[i].vc) && numeric(v) === 0);
    });
    if (empty && live.some((i) => isBlank(known.values[i]))) {
      out.unfilled.add(t);
      for (const i of slots) out.handled.add(i);
      const first = describeCell(ctx, t, cells[live[0]].vc);
      out.findings.push({
        id: 'TABLE-UNFILLED',
        severity: 'warning',
        table: t,
        cells: [first],
        suspect: first,
        unfilled: true,
        basis: basis.unfilled,
        title: RULES.unfilledTitle(table.shortName),
        message: RULES.unfilled(table.shortName, table.caption, live.length),
        suggestion: RULES.unfilledFix,
      });
      continue;
    }
    const blanks: FindingCell[] = [];
    const fills: TotalFill[] = [];
    const alongs: string[] = [];
    for (const i of live) {
      const vc = cells[i].vc;
      if (!isBlank(known.values[i])) continue;
      out.handled.add(i);
      const cell = describeCell(ctx, t, vc);
      const rels = totals.get(vc);
      let fill: TotalFill | undefined;
      let along = '';
      if (rels) {
        for (const rel of rels) {
          const parts = rel.right.filter((p) => !p.previous).map((p) => valueOf(p.ref.table, p.ref.row, p.ref.col));
          if (parts.every((v) => isBlank(v))) continue;
          const nums = parts.map((v) => numeric(v));
          const kind = rel.check === 'T3-ROW-TOTAL' ? RULES.along.row : rel.check === 'T3-RESULTS' ? RULES.along.column : RULES.along.parts;
          if (nums.every((n) => n !== undefined)) {
            let sum = 0;
            rel.right.forEach((p, k) => (sum += (p.sign ?? 1) * (nums[k] as number)));
            fill = { cell, value: Math.round(sum * 1e9) / 1e9 };
            along = kind;
            break;
          }
          if (!fill) {
            fill = { cell };
            along = kind;
          }
        }
      }
      if (fill) {
        fills.push(fill);
        alongs.push(along);
      } else blanks.push(cell);
    }
    if (blanks.length > 0) {
      const one = blanks.length === 1;
      const ranges = cellRanges(blanks);
      out.findings.push({
        id: 'CELL-BLANK',
        severity: 'error',
        table: t,
        cells: blanks,
        suspect: blanks[0],
        ranges,
        basis: basis.blank,
        title: one ? RULES.blankTitle(blanks[0].label, blanks[0].address) : RULES.blanksTitle(table.shortName, blanks.length),
        message: one ? RULES.blank(blanks[0].label, blanks[0].address) : RULES.blanks(table.shortName, blanks.length, ranges),
        suggestion: RULES.fillZero,
      });
    }
    if (fills.length > 0) {
      const one = fills.length === 1;
      const f = fills[0];
      const finding: Finding = {
        id: 'CELL-BLANK',
        severity: 'error',
        table: t,
        cells: fills.map((x) => x.cell),
        suspect: f.cell,
        fills,
        ranges: cellRanges(fills.map((x) => x.cell)),
        basis: basis.blank,
        title: one ? RULES.blankTitle(f.cell.label, f.cell.address) : RULES.blankTotalsTitle(table.shortName, fills.length),
        message: one
          ? RULES.blankTotal(f.cell.label, f.cell.address, alongs[0], f.value)
          : RULES.blankTotals(table.shortName, fills.map((x) => RULES.blankTotalItem(x.cell.address ?? x.cell.label, x.value)).join('、')),
        suggestion: RULES.blankTotalFix,
      };
      if (one && f.value !== undefined) {
        finding.likely = { ...f.cell, suggested: f.value, reason: RULES.reasonBlankTotal(alongs[0]), evidence: 'blank-total' };
      }
      out.findings.push(finding);
    }
  }
  return out;
}
