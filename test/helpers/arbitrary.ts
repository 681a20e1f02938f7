/**
 * fast-check arbitraries for report data.
 *
 *   consistentReport(format)         ReportData in which every relation of the format holds
 *   consistentReportAnyFormat()      the same over all known formats
 *   consistentPair(format)           [last year, this year] that also satisfy the cross-year relations
 *   count(max) / amount()            single values of the kinds of spec §3
 *
 * Table 三 is built from leaf counts: per applicant column, random result sub-rows, a random
 * 结转下年度, and 本年新收 + 上年结转 split so that 一 + 二 = 三（七） + 四; the 总计 column and the
 * （七）总计 row are derived. Table 四: random 维持/纠正/其他/未审结, 总计 derived. Table 二: random per
 * kind, 现行有效件数 ≥ 本年制发件数, 对外公开总数量 ≥ 本年新公开数量, 上一年项目数量 + 本年增/减 ≥ 0,
 * 规章 0 unless the organization has rule-making power.
 */
import fc from 'fast-check';
import { FORMATS, T3_COLUMNS, table3ResultRows } from '../../src/core/formats';
import type { FormatDef, TableId, ValueCell } from '../../src/core/formats/types';
import { emptyReport, type ReportData } from '../../src/core/model/report';

/** Bodies with and without rule-making power (T2-REG). */
export const ORGANIZATIONS_WITH_RULE_POWER = ['某某市人民政府', '某某省人民政府', '某某自治州人民政府'] as const;
export const ORGANIZATIONS_WITHOUT_RULE_POWER = [
  '某某县人民政府办公室',
  '某某镇人民政府',
  '某某街道办事处',
  '某某市生态环境局',
  '某某区教育局',
] as const;

export interface ConsistentReportOptions {
  /** fixed reporting year; default: random within the format's years (open-ended formats: up to from + 5) */
  year?: number;
  /** fixed organization; default: one of ORGANIZATIONS_* */
  organization?: string;
  /** largest count in a leaf cell (default 60) */
  maxCount?: number;
}

/** A whole number ≥ 0, mostly 0 or small, like real reports. */
export function count(max = 60): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.constant(0), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: Math.min(9, max) }), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max }), weight: 2 },
  );
}

/** An amount ≥ 0 with at most 4 decimals (万元). */
export function amount(): fc.Arbitrary<number> {
  return fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 10_000));
}

function yearArb(format: FormatDef, year?: number): fc.Arbitrary<number> {
  if (year !== undefined) return fc.constant(year);
  return fc.integer({ min: format.years.from, max: format.years.to ?? format.years.from + 5 });
}

const hasRulePower = (org: string): boolean => (ORGANIZATIONS_WITH_RULE_POWER as readonly string[]).includes(org);

type Cells = Record<string, Record<string, number>>;

/** Table 二: one record per row; fields by the format's value cells. */
function table2Arb(format: FormatDef, max: number): fc.Arbitrary<Cells> {
  const values = format.tables.table2.values;
  const rows = [...new Set(values.map((v) => v.row))];
  const rowArb = (row: string): fc.Arbitrary<Record<string, number>> => {
    const cells = values.filter((v) => v.row === row);
    const keys = cells.map((c) => c.col);
    const base = fc.record(Object.fromEntries(cells.map((c) => [c.col, c.kind === 'amount' ? amount() : count(max)])) as Record<string, fc.Arbitrary<number>>);
    return fc.tuple(base, count(max), fc.integer({ min: 0, max: 1000 })).map(([r, extra, frac]) => {
      const out: Record<string, number> = { ...r };
      // 2021: 现行有效件数 ≥ 本年制发件数
      if (keys.includes('in_force') && keys.includes('issued')) out.in_force = out.issued + extra;
      // 2019: 对外公开总数量 ≥ 本年新公开数量
      if (keys.includes('total_published') && keys.includes('new_published')) out.total_published = out.new_published + extra;
      // 2019: 本年增/减 from −上一年项目数量 upwards
      if (keys.includes('change') && keys.includes('prev_year_items')) {
        const prev = out.prev_year_items;
        out.change = Math.round(((frac / 1000) * 2 - 1) * prev) + (frac % 2 === 0 ? 0 : extra);
        if (prev + out.change < 0) out.change = -prev;
      }
      return out;
    });
  };
  return fc.record(Object.fromEntries(rows.map((r) => [r, rowArb(r)])) as Record<string, fc.Arbitrary<Record<string, number>>>);
}

/** Table 三 with every relation holding. */
function table3Arb(format: FormatDef, max: number): fc.Arbitrary<Cells> {
  const t3 = format.tables.table3;
  const results = table3ResultRows(t3);
  const parts = T3_COLUMNS.map((c) => c.key).filter((k) => k !== 'total');
  const column = fc.record({
    results: fc.array(count(max), { minLength: results.length, maxLength: results.length }),
    forward: count(max),
    share: fc.integer({ min: 0, max: 1000 }),
  });
  return fc.array(column, { minLength: parts.length, maxLength: parts.length }).map((cols) => {
    const out: Cells = {};
    for (const r of t3.rowOrder) out[r.key] = {};
    cols.forEach((c, j) => {
      const key = parts[j];
      let processed = 0;
      results.forEach((row, i) => {
        out[row][key] = c.results[i];
        processed += c.results[i];
      });
      out.total_processed[key] = processed;
      out.carried_forward[key] = c.forward;
      const inflow = processed + c.forward;
      const carried = Math.floor((inflow * c.share) / 1000 / 2); // usually fewer carried over than new
      out.carried_over[key] = carried;
      out.new_received[key] = inflow - carried;
    });
    for (const r of t3.rowOrder) out[r.key].total = parts.reduce((s, k) => s + out[r.key][k], 0);
    return out;
  });
}

/** Table 四 with 总计 = 维持 + 纠正 + 其他 + 未审结 in each group. */
function table4Arb(format: FormatDef, max: number): fc.Arbitrary<Cells> {
  const t4 = format.tables.table4;
  const groups = t4.rowOrder.map((r) => r.key);
  const fields = t4.colOrder.map((c) => c.key).filter((k) => k !== 'total');
  const small = Math.max(1, Math.floor(max / 4));
  const group = fc.array(count(small), { minLength: fields.length, maxLength: fields.length }).map((vals) => {
    const g: Record<string, number> = {};
    fields.forEach((f, i) => (g[f] = vals[i]));
    g.total = vals.reduce((s, v) => s + v, 0);
    return g;
  });
  return fc.array(group, { minLength: groups.length, maxLength: groups.length }).map((gs) => Object.fromEntries(groups.map((k, i) => [k, gs[i]])));
}

/** Random report data of `format` in which every (this-year) relation of the format holds. */
export function consistentReport(format: FormatDef, options: ConsistentReportOptions = {}): fc.Arbitrary<ReportData> {
  const max = options.maxCount ?? 60;
  const org = options.organization
    ? fc.constant(options.organization)
    : fc.constantFrom(...ORGANIZATIONS_WITH_RULE_POWER, ...ORGANIZATIONS_WITHOUT_RULE_POWER);
  return fc
    .record({
      year: yearArb(format, options.year),
      organization: org,
      table2: table2Arb(format, max),
      table3: table3Arb(format, max),
      table4: table4Arb(format, max),
    })
    .map(({ year, organization, table2, table3, table4 }) => {
      const data = emptyReport(format, year, organization, 0);
      const put = (t: TableId, cells: Cells): void => {
        for (const v of format.tables[t].values) data[t][v.row][v.col] = cells[v.row]?.[v.col] ?? 0;
      };
      put('table2', table2);
      put('table3', table3);
      put('table4', table4);
      if (!hasRulePower(organization)) {
        // bodies without rule-making power report 0 规章 (T2-REG)
        for (const col of Object.keys(data.table2.regulations ?? {})) data.table2.regulations[col] = 0;
      }
      return data;
    });
}

/** consistentReport over every known format. */
export function consistentReportAnyFormat(options: ConsistentReportOptions = {}): fc.Arbitrary<ReportData> {
  return fc.constantFrom(...FORMATS).chain((f) => consistentReport(f, options));
}

/**
 * Two consecutive reports of one format, [previous, current], each consistent, where this year's
 * 上年结转 equals last year's 结转下年度 per column and (2021) 现行有效件数 continues from last year.
 */
export function consistentPair(format: FormatDef, options: Omit<ConsistentReportOptions, 'year'> = {}): fc.Arbitrary<[ReportData, ReportData]> {
  const to = format.years.to ?? format.years.from + 5;
  const org = options.organization
    ? fc.constant(options.organization)
    : fc.constantFrom(...ORGANIZATIONS_WITH_RULE_POWER, ...ORGANIZATIONS_WITHOUT_RULE_POWER);
  return fc
    .tuple(fc.integer({ min: format.years.from, max: Math.max(format.years.from, to - 1) }), org)
    .chain(([y, organization]) =>
      fc.tuple(
        consistentReport(format, { ...options, year: y, organization }),
        consistentReport(format, { ...options, year: y + 1, organization }),
      ),
    )
    .map(([prev, cur]) => {
      const t3 = cur.table3;
      // 上年结转 = last year's 结转下年度; 本年新收 takes up the difference (raising 结转下年度 if needed)
      for (const c of Object.keys(t3.carried_over)) {
        if (c === 'total') continue;
        const carried = prev.table3.carried_forward[c] as number;
        const processed = t3.total_processed[c] as number;
        const forward = Math.max(t3.carried_forward[c] as number, carried - processed);
        t3.carried_forward[c] = forward;
        t3.carried_over[c] = carried;
        t3.new_received[c] = processed + forward - carried;
      }
      for (const row of ['carried_over', 'new_received', 'carried_forward']) t3[row].total = sumParts(t3[row]);
      // 2021: 现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数
      for (const row of ['regulations', 'normative_documents']) {
        const c = cur.table2[row];
        const p = prev.table2[row];
        if (c && p && 'in_force' in c && 'in_force' in p) {
          c.repealed = Math.min(c.repealed as number, p.in_force as number);
          c.in_force = (p.in_force as number) + (c.issued as number) - (c.repealed as number);
        }
      }
      return [prev, cur] as [ReportData, ReportData];
    });
}

function sumParts(row: Record<string, unknown>): number {
  return Object.entries(row)
    .filter(([k]) => k !== 'total')
    .reduce((s, [, v]) => s + (v as number), 0);
}

/** Every value cell of a table of the format (for “change one cell” properties). */
export function valueCellsOf(format: FormatDef, table: TableId): ValueCell[] {
  return format.tables[table].values;
}
