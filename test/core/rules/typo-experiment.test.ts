/**
 * Issue 10 measurement: random consistent reports written as workbooks with formula totals (the
 * default layout) through the ExcelJS port, without cached formula results (the reader works them
 * out as Excel would); one typo — two adjacent digits swapped, or a 0 typed too many / too few —
 * in one of table 三's input cells; read and checked as `check` does. Counts how often the first
 * error finding's `likely` names the typo cell, and how often any `likely` names another cell;
 * with and without last year's report. Prints the figures (TYPO_RUNS=n per format and case).
 */
import fc from 'fast-check';
import type { FormatDef, ValueCell } from '../../../src/core/formats/types';
import { buildSheetPlan, isTotalCell } from '../../../src/core/layout/build';
import type { ReportData } from '../../../src/core/model/report';
import { defaultProfile, generateReport } from '../../../src/core/narrative';
import { checkNarrative } from '../../../src/core/narrative-check';
import { readReports } from '../../../src/core/read';
import { renderText } from '../../../src/core/render/text';
import { runChecks, statedValues, typoKind } from '../../../src/core/rules';
import type { Finding } from '../../../src/core/rules/types';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { consistentPair } from '../../helpers/arbitrary';
import { F2019, F2021 } from './fixtures';

const PER_FORMAT = Number(process.env.TYPO_RUNS ?? 110);

type Kind = 'transposition' | 'times-ten';

/** The typos one can make of a value: adjacent swaps (no leading 0) and a 0 too many or too few. */
function typosOf(v: number): { typed: number; kind: Kind }[] {
  const out: { typed: number; kind: Kind }[] = [];
  const s = String(v);
  for (let i = 0; i + 1 < s.length; i++) {
    if (s[i] === s[i + 1]) continue;
    const t = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    if (t[0] !== '0') out.push({ typed: Number(t), kind: 'transposition' });
  }
  if (v > 0) out.push({ typed: v * 10, kind: 'times-ten' });
  if (v > 0 && v % 10 === 0) out.push({ typed: v / 10, kind: 'times-ten' });
  return out;
}

interface Trial {
  pair: [ReportData, ReportData];
  pick: number;
  kindPick: number;
}

interface Tally {
  n: number;
  first: number;
  wrong: number;
  none: number;
  byKind: Record<Kind, { n: number; first: number }>;
}

/** What the check has besides the tables: nothing, last year's report, or the report's text (written from the right figures). */
type Evidence = 'tables only' | "last year's report" | 'report text';

/** Typos (digit slips) or any other wrong figure (a change of 1–50 that is no digit slip). */
type Mistake = 'typo' | 'other';

async function run(format: FormatDef, trials: Trial[], evidence: Evidence, mistake: Mistake = 'typo'): Promise<Tally> {
  const tally: Tally = { n: 0, first: 0, wrong: 0, none: 0, byKind: { transposition: { n: 0, first: 0 }, 'times-ten': { n: 0, first: 0 } } };
  const inputs = format.tables.table3.values.filter((v) => !isTotalCell(format, 'table3', v.row, v.col));
  for (const { pair, pick, kindPick } of trials) {
    const [previous, current] = pair;
    const options: { cell: ValueCell; typed: number; kind: Kind }[] = [];
    for (const cell of inputs) {
      const v = current.table3[cell.row][cell.col] as number;
      if (mistake === 'typo') for (const t of typosOf(v)) options.push({ cell, ...t });
      else {
        const typed = v + (pick % 2 === 0 ? 1 : -1) * (1 + (pick % 50));
        if (typed >= 0 && !typoKind(typed, v)) options.push({ cell, typed, kind: 'transposition' });
      }
    }
    if (options.length === 0) continue;
    // half the trials a transposition where there is one, half a slip of 0
    const want: Kind = kindPick % 2 === 0 ? 'transposition' : 'times-ten';
    const pool = options.some((o) => o.kind === want) ? options.filter((o) => o.kind === want) : options;
    const typo = pool[pick % pool.length];
    const data = JSON.parse(JSON.stringify(current)) as ReportData;
    data.table3[typo.cell.row][typo.cell.col] = typo.typed;

    const wb = XlsxWorkbook.create();
    const sheet = await wb.addSheet('年报');
    await wb.applyPlan(sheet, buildSheetPlan(format, { year: data.year, organization: data.organization, values: data }));
    const reopened = await XlsxWorkbook.open(await wb.toBuffer());
    const grids = await reopened.readAllGrids();
    // the table checks of `check` (the text checks need a report text, which these workbooks have not)
    const [report] = readReports(grids);
    const text = evidence === 'report text' ? renderText(generateReport(current, defaultProfile(current))) : undefined;
    const stated = text ? statedValues(checkNarrative(text, report.data, { organization: report.data.organization, cells: report.cells })) : undefined;
    const findings = runChecks(report.data, {
      cells: report.cells,
      readIssues: report.issues,
      ...(evidence === "last year's report" ? { previous } : {}),
      ...(stated ? { stated } : {}),
    });
    const address = report.cells.table3![typo.cell.row][typo.cell.col].address;
    const errors = findings.filter((f: Finding) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    if (mistake === 'typo') expect(typoKind(typo.typed, current.table3[typo.cell.row][typo.cell.col] as number)).toBe(typo.kind);
    tally.n++;
    tally.byKind[typo.kind].n++;
    const named = errors[0].likely;
    if (named?.address === address) {
      tally.first++;
      tally.byKind[typo.kind].first++;
    }
    if (errors.some((f) => f.likely && f.likely.address !== address)) {
      tally.wrong++;
      if (process.env.TYPO_DEBUG) console.log(errors.find((f) => f.likely && f.likely.address !== address)?.likely, address, typo);
    }
    if (!errors.some((f) => f.likely)) tally.none++;
  }
  return tally;
}

const pct = (a: number, n: number): string => `${((100 * a) / Math.max(1, n)).toFixed(1)} %`;

describe('the likely wrong cell on single-typo workbooks (formula totals)', () => {
  const all: Record<string, Tally> = {};
  afterAll(() => {
    const lines = Object.entries(all).map(
      ([k, t]) =>
        `${k}: n=${t.n} · named first ${t.first} (${pct(t.first, t.n)}) · a wrong cell named ${t.wrong} (${pct(t.wrong, t.n)}) · no cell ${t.none} (${pct(t.none, t.n)}) · ` +
        `transpositions ${t.byKind.transposition.first}/${t.byKind.transposition.n}, 0 slips ${t.byKind['times-ten'].first}/${t.byKind['times-ten'].n}`,
    );
    console.log(`typo experiment\n${lines.join('\n')}`);
  });

  it('any other wrong figure (no digit slip), tables only: ≤ 10 % a wrong cell named', async () => {
    const trials = fc
      .sample(fc.record({ pair: consistentPair(F2021), pick: fc.nat(10_000), kindPick: fc.nat(1) }), { numRuns: PER_FORMAT, seed: 2020 })
      .map((t) => ({ ...t, pair: t.pair as [ReportData, ReportData] }));
    const t = await run(F2021, trials, 'tables only', 'other');
    all['2021 tables only, a change that is no digit slip'] = t;
    expect(t.n).toBeGreaterThanOrEqual(100);
    expect(t.wrong / t.n).toBeLessThanOrEqual(0.1);
  }, 300_000);

  for (const evidence of ['tables only', "last year's report", 'report text'] as Evidence[]) {
    it(`${evidence}: ≥ 60 % named first, ≤ 10 % a wrong cell`, async () => {
      const total: Tally = { n: 0, first: 0, wrong: 0, none: 0, byKind: { transposition: { n: 0, first: 0 }, 'times-ten': { n: 0, first: 0 } } };
      for (const [i, format] of [F2021, F2019].entries()) {
        const trials = fc
          .sample(fc.record({ pair: consistentPair(format), pick: fc.nat(10_000), kindPick: fc.nat(1) }), { numRuns: PER_FORMAT, seed: 1010 + i })
          .map((t) => ({ ...t, pair: t.pair as [ReportData, ReportData] }));
        const t = await run(format, trials, evidence);
        all[`${format.id} ${evidence}`] = t;
        total.n += t.n;
        total.first += t.first;
        total.wrong += t.wrong;
        total.none += t.none;
        for (const k of ['transposition', 'times-ten'] as Kind[]) {
          total.byKind[k].n += t.byKind[k].n;
          total.byKind[k].first += t.byKind[k].first;
        }
      }
      all[`both formats, ${evidence}`] = total;
      expect(total.n).toBeGreaterThanOrEqual(200);
      expect(total.first / total.n).toBeGreaterThanOrEqual(0.6);
      expect(total.wrong / total.n).toBeLessThanOrEqual(0.1);
    }, 300_000);
  }
});
