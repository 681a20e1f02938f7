/**
 * Property tests: every number in the figure sentences is a cell value, an input, the year, or a sum the
 * sentence says it is; each named figure equals its cell; each figure sentence changes when its cell changes.
 */
import fc from 'fast-check';
import { FORMATS } from '../../../src/core/formats';
import type { FormatDef, TableId } from '../../../src/core/formats/types';
import { getValue, type ReportData } from '../../../src/core/model/report';
import { formatNumber } from '../../../src/core/narrative/figures';
import { generateReport } from '../../../src/core/narrative/generate';
import { defaultProfile } from '../../../src/core/narrative/profile';
import type { ParagraphBlock, ReportDocument, ReportProfile } from '../../../src/core/narrative/types';
import { consistentReport } from '../../helpers/arbitrary';

const ORG_PARTS = ['commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org'];

const profileArb = (data: ReportData): fc.Arbitrary<ReportProfile> =>
  fc
    .record({
      type: fc.constantFrom('government' as const, 'department' as const, 'township' as const),
      items: fc.option(fc.integer({ min: 0, max: 99999 }), { nil: null }),
      cases: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
      amount: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 }).map((n) => n / 100)), { nil: null }),
    })
    .map(({ type, items, cases, amount }) => {
      const p = defaultProfile(data, type);
      p.proactive = { items, channels: ['门户网站', '政务新媒体'] };
      p.processingFee = { cases, amountYuan: amount };
      return p;
    });

const formatById = (id: string): FormatDef => FORMATS.find((f) => f.id === id)!;
const reportAndProfile = fc
  .constantFrom(...FORMATS.map((f) => f.id))
  .chain((id) => consistentReport(formatById(id)).chain((data) => profileArb(data).map((profile) => ({ data, profile }))))
  .map((x) => ({ ...x, format: formatById(x.data.format) }));

const num = (d: ReportData, t: TableId, row: string, col: string): number => getValue(d, t, row, col) as number;

/** Sub-row keys of each outcome group of table 三 (groups with one row included), from the format. */
function outcomeGroups(f: FormatDef): Map<string, string[]> {
  const t3 = f.tables.table3;
  const groups = new Map<string, string[]>();
  const start = t3.rowOrder.findIndex((r) => r.key === 'granted');
  const end = t3.rowOrder.findIndex((r) => r.key === 'total_processed');
  for (const r of t3.rowOrder.slice(start, end)) {
    const v = t3.values.find((x) => x.row === r.key && x.col === 'total')!;
    const label = (v.parentLabel && v.parentLabel !== '三、本年度办理结果' ? v.parentLabel : v.rowLabel)
      .replace(/^（[一二三四五六七]）/, '')
      .replace(/（[^）]*）$/, '');
    groups.set(label, [...(groups.get(label) ?? []), r.key]);
  }
  return groups;
}

function figureText(doc: ReportDocument): string {
  return doc.sections
    .flatMap((s) => s.blocks)
    .filter((b): b is ParagraphBlock => b.kind === 'paragraph' && b.origin === 'figures')
    .map((b) => b.text)
    .join('\n');
}

/** Every number the figure sentences may contain, as written. */
function allowedNumbers(f: FormatDef, d: ReportData, p: ReportProfile): Set<string> {
  const out = new Set<string>([String(p.year)]);
  for (const t of ['table2', 'table3', 'table4'] as const) {
    for (const v of f.tables[t].values) {
      const x = num(d, t, v.row, v.col);
      out.add(formatNumber(x, v.kind));
    }
  }
  for (const row of Object.keys(d.table3)) out.add(formatNumber(ORG_PARTS.reduce((s, c) => s + num(d, 'table3', row, c), 0)));
  for (const rows of outcomeGroups(f).values()) out.add(formatNumber(rows.reduce((s, r) => s + num(d, 'table3', r, 'total'), 0)));
  out.add(formatNumber(num(d, 'table4', 'litigation_direct', 'total') + num(d, 'table4', 'litigation_after_review', 'total')));
  if (p.proactive.items !== null) out.add(formatNumber(p.proactive.items));
  if (p.processingFee.cases !== null) out.add(formatNumber(p.processingFee.cases));
  if (p.processingFee.amountYuan !== null) out.add(formatNumber(p.processingFee.amountYuan, 'amount'));
  return out;
}

describe('figure sentences quote the cells', () => {
  it('every number is a cell value, an input, the year or a stated sum', () => {
    fc.assert(
      fc.property(reportAndProfile, ({ format, data, profile }) => {
        const doc = generateReport(data, profile);
        const text = figureText(doc);
        const allowed = allowedNumbers(format, data, profile);
        for (const m of text.matchAll(/[+-]?\d+(?:\.\d+)?/g)) expect(allowed).toContain(m[0]);
      }),
      { numRuns: 150 },
    );
  });

  it('each named figure equals its cell or the sum the sentence names', () => {
    fc.assert(
      fc.property(reportAndProfile, ({ format, data, profile }) => {
        const text = figureText(generateReport(data, profile));
        const t3 = (row: string, col = 'total') => num(data, 'table3', row, col);
        const t4 = (row: string, col = 'total') => num(data, 'table4', row, col);
        const expectFigure = (re: RegExp, value: number) => {
          const m = re.exec(text);
          if (m) expect(m[1]).toBe(formatNumber(value));
          return m;
        };
        const newRow = ['natural_person', ...ORG_PARTS, 'total'].map((c) => t3('new_received', c));
        if (newRow.every((v) => v === 0)) expect(text).toContain('本年度未收到政府信息公开申请');
        else {
          expect(expectFigure(/共收到政府信息公开申请(\d+)件/, t3('new_received'))).not.toBeNull();
          expectFigure(/自然人申请(\d+)件/, t3('new_received', 'natural_person'));
          expectFigure(/法人或其他组织申请(\d+)件（为商业企业、科研机构、社会公益组织、法律服务机构、其他五类申请人之和/,
            ORG_PARTS.reduce((s, c) => s + t3('new_received', c), 0));
        }
        expectFigure(/上年结转政府信息公开申请(\d+)件/, t3('carried_over'));
        expectFigure(/办结政府信息公开申请(\d+)件/, t3('total_processed'));
        expectFigure(/结转下年度继续办理(\d+)件/, t3('carried_forward'));
        for (const [label, rows] of outcomeGroups(format)) {
          expectFigure(new RegExp(`[，其中]${label}(\\d+)件`), rows.reduce((s, r) => s + t3(r), 0));
        }
        expectFigure(/行政复议(\d+)件/, t4('admin_review'));
        expectFigure(/行政诉讼共(\d+)件/, t4('litigation_direct') + t4('litigation_after_review'));
        expectFigure(/未经复议直接起诉(\d+)件/, t4('litigation_direct'));
        expectFigure(/复议后起诉(\d+)件/, t4('litigation_after_review'));
        if (profile.proactive.items !== null) expectFigure(/共主动公开政府信息(\d+)条/, profile.proactive.items);
      }),
      { numRuns: 150 },
    );
  });

  it('every figure sentence changes when one of its cells changes', () => {
    const quoted = (f: FormatDef): { table: TableId; row: string; col: string }[] => {
      const t3 = f.tables.table3;
      const results = [...outcomeGroups(f).values()].flat();
      return [
        ...f.tables.table2.values.map((v) => ({ table: 'table2' as const, row: v.row, col: v.col })),
        ...t3.colOrder.map((c) => ({ table: 'table3' as const, row: 'new_received', col: c.key })),
        ...['carried_over', 'total_processed', 'carried_forward', ...results].map((row) => ({ table: 'table3' as const, row, col: 'total' })),
        ...f.tables.table4.values.map((v) => ({ table: 'table4' as const, row: v.row, col: v.col })),
      ];
    };
    const arb = reportAndProfile.chain((x) =>
      fc.record({ x: fc.constant(x), ref: fc.constantFrom(...quoted(x.format)), delta: fc.integer({ min: 1, max: 5 }) }),
    );
    fc.assert(
      fc.property(arb, ({ x, ref, delta }) => {
        const { data, profile } = x;
        const before = generateReport(data, profile);
        const changed: ReportData = JSON.parse(JSON.stringify(data));
        const v = changed[ref.table][ref.row][ref.col] as number;
        const kind = x.format.tables[ref.table].values.find((c) => c.row === ref.row && c.col === ref.col)!.kind;
        changed[ref.table][ref.row][ref.col] = kind === 'amount' ? v + delta / 100 : v + delta;
        const after = generateReport(changed, profile);
        // the paragraph that quotes the cell is a different sentence now
        const quoting = (doc: ReportDocument) =>
          doc.sections
            .flatMap((s) => s.blocks)
            .filter((b): b is ParagraphBlock => b.kind === 'paragraph' && !!b.cells?.some((c) => c.table === ref.table && c.row === ref.row && c.col === ref.col));
        const p1 = quoting(before);
        const p2 = quoting(after);
        expect(p1).toHaveLength(1);
        expect(p2).toHaveLength(1);
        expect(p2[0].text).not.toBe(p1[0].text);
      }),
      { numRuns: 300 },
    );
  });
});
