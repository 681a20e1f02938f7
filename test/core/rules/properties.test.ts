import fc from 'fast-check';
import { FORMATS } from '../../../src/core/formats';
import type { FormatDef, TableId, ValueCell } from '../../../src/core/formats/types';
import type { ReportData, Value } from '../../../src/core/model/report';
import { runChecks } from '../../../src/core/rules';
import type { Finding, FindingCell } from '../../../src/core/rules/types';
import { consistentPair, consistentReport, consistentReportAnyFormat } from '../../helpers/arbitrary';
import { locate } from './fixtures';

const RUNS = { numRuns: 60 };

const clone = (d: ReportData): ReportData => JSON.parse(JSON.stringify(d)) as ReportData;
const isCell = (c: FindingCell | undefined, t: TableId, v: ValueCell): boolean =>
  !!c && !c.previous && c.table === t && c.row === v.row && c.col === v.col;
const names = (f: Finding, t: TableId, v: ValueCell): boolean => f.cells.some((c) => isCell(c, t, v));

/** Index into a table's value cells, and a non-zero change. */
const cellAndDelta = (format: FormatDef, table: TableId) =>
  fc.record({
    i: fc.integer({ min: 0, max: format.tables[table].values.length - 1 }),
    delta: fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0),
  });

describe.each(FORMATS.map((f) => [f.id, f] as const))('format %s', (_id, format) => {
  it('consistent random data gives no finding at all', () => {
    fc.assert(
      fc.property(consistentReport(format), (data) => {
        expect(runChecks(data, { cells: locate(format) })).toEqual([]);
      }),
      RUNS,
    );
  });

  it('consistent consecutive years give no finding with the cross-year checks', () => {
    fc.assert(
      fc.property(consistentPair(format), ([previous, data]) => {
        expect(runChecks(data, { previous })).toEqual([]);
      }),
      RUNS,
    );
  });

  it.each<TableId>(['table3', 'table4'])('changing one cell of %s (manual totals) gives an error naming that cell', (table) => {
    fc.assert(
      fc.property(consistentReport(format), cellAndDelta(format, table), (data, { i, delta }) => {
        const v = format.tables[table].values[i];
        const changed = clone(data);
        changed[table][v.row][v.col] = (data[table][v.row][v.col] as number) + delta;
        const errors = runChecks(changed).filter((f) => f.severity === 'error');
        expect(errors.some((f) => names(f, table, v))).toBe(true);
      }),
      RUNS,
    );
  });

  it('a single wrong cell of table 三 is the suspect of every error it causes', () => {
    fc.assert(
      fc.property(consistentReport(format), cellAndDelta(format, 'table3'), (data, { i, delta }) => {
        const v = format.tables.table3.values[i];
        const changed = clone(data);
        changed.table3[v.row][v.col] = (data.table3[v.row][v.col] as number) + delta;
        const errors = runChecks(changed, { cells: locate(format) }).filter((f) => f.severity === 'error');
        expect(errors.length).toBeGreaterThanOrEqual(1);
        for (const f of errors) expect(isCell(f.suspect, 'table3', v)).toBe(true);
        for (const f of errors) expect(isCell(f.likely, 'table3', v)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a value cell set to blank, text, a negative or a fraction gets a CELL-* finding naming it', () => {
    const all = (['table2', 'table3', 'table4'] as TableId[]).flatMap((t) => format.tables[t].values.map((v) => ({ t, v })));
    const bad = (v: ValueCell): fc.Arbitrary<Value> => {
      const options: fc.Arbitrary<Value>[] = [
        fc.constantFrom<Value>(null, '', ' ', '-', '/', '—', '无', '——', '详见附件', '12件'),
        fc.string({ minLength: 1, maxLength: 6 }),
      ];
      if (v.kind !== 'signed') options.push(fc.integer({ min: 1, max: 1000 }).map((n) => -n));
      // amounts are exact to the 分 (six decimals in 万元): a seventh decimal is too many
      if (v.kind === 'amount') options.push(fc.integer({ min: 0, max: 10_000 }).map((n) => n + 0.0000005));
      else options.push(fc.integer({ min: 0, max: 1000 }).map((n) => n + 0.5));
      return fc.oneof(...options);
    };
    fc.assert(
      fc.property(
        consistentReport(format),
        fc.integer({ min: 0, max: all.length - 1 }).chain((k) => bad(all[k].v).map((value) => ({ k, value }))),
        (data, { k, value }) => {
          const { t, v } = all[k];
          const changed = clone(data);
          changed[t][v.row][v.col] = value;
          const found = runChecks(changed, { cells: locate(format) }).filter((f) => f.id.startsWith('CELL-'));
          expect(found).toHaveLength(1);
          expect(found[0].severity).toBe('error');
          expect(isCell(found[0].suspect, t, v)).toBe(true);
          expect(found[0].cells[0].address).toBe(locate(format)[t]![v.row][v.col].address);
        },
      ),
      { numRuns: 200 },
    );
  });
});

it('the same data gives byte-identical findings', () => {
  fc.assert(
    fc.property(consistentReportAnyFormat(), fc.integer({ min: 1, max: 9 }), (data, d) => {
      const changed = clone(data);
      changed.table3.granted.natural_person = (data.table3.granted.natural_person as number) + d;
      changed.table4.admin_review.total = null;
      expect(JSON.stringify(runChecks(changed))).toBe(JSON.stringify(runChecks(clone(changed))));
    }),
    { numRuns: 30 },
  );
});
