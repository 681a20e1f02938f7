import { FORMATS, formatForYear, getFormat } from '../../../src/core/formats';
import { emptyReport } from '../../../src/core/model/report';

describe('formats as data', () => {
  it('chooses the format by reporting year', () => {
    expect(formatForYear(2019).id).toBe('2019');
    expect(formatForYear(2020).id).toBe('2019');
    expect(formatForYear(2021).id).toBe('2021');
    expect(formatForYear(2025).id).toBe('2021');
  });

  it('has the table 三 row keys of spec §7 in order', () => {
    const common = ['new_received', 'carried_over', 'granted', 'partial_grant',
      'denied_state_secret', 'denied_law_forbidden', 'denied_three_security_one_stability',
      'denied_third_party_rights', 'denied_internal_affairs', 'denied_process_info',
      'denied_enforcement_case', 'denied_admin_query', 'unable_not_held', 'unable_need_creation',
      'unable_unclear_after_correction', 'not_processed_complaint', 'not_processed_repeat',
      'not_processed_publication', 'not_processed_massive_repeat', 'not_processed_confirm_reissue'];
    const tail = ['total_processed', 'carried_forward'];
    expect(getFormat('2019')!.tables.table3.rowOrder.map((r) => r.key)).toEqual([...common, 'other_processing', ...tail]);
    expect(getFormat('2021')!.tables.table3.rowOrder.map((r) => r.key)).toEqual([
      ...common, 'other_no_correction_overdue', 'other_fee_unpaid', 'other_other', ...tail]);
  });

  it('builds the interchange JSON keys of spec §7 for table 二', () => {
    const r21 = emptyReport(getFormat('2021')!, 2023, 'x', 0);
    expect(r21.table2).toEqual({
      regulations: { issued: 0, repealed: 0, in_force: 0 },
      normative_documents: { issued: 0, repealed: 0, in_force: 0 },
      administrative_licensing: { decisions: 0 },
      administrative_penalty: { decisions: 0 },
      administrative_coercion: { decisions: 0 },
      administrative_fees: { amount: 0 },
    });
    const r19 = emptyReport(getFormat('2019')!, 2020, 'x', 0);
    expect(Object.keys(r19.table2)).toEqual(['regulations', 'normative_documents', 'administrative_licensing',
      'other_external_services', 'administrative_penalty', 'administrative_coercion', 'administrative_fees',
      'government_centralized_procurement']);
    expect(r19.table2.administrative_fees).toEqual({ prev_year_items: 0, change: 0 });
    expect(r19.table2.government_centralized_procurement).toEqual({ projects: 0, total_amount: 0 });
    expect(r19.table4.admin_review).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  });

  it('places no two cells of a table on the same position', () => {
    for (const f of FORMATS) {
      for (const t of Object.values(f.tables)) {
        const seen = new Set<string>();
        const cover = (r: number, c: number, rs = 1, cs = 1) => {
          for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) {
            const k = `${i},${j}`;
            expect(seen.has(k)).toBe(false);
            seen.add(k);
            expect(i).toBeLessThan(t.rows);
            expect(j).toBeLessThan(t.cols);
          }
        };
        t.labels.forEach((l) => cover(l.r, l.c, l.rs, l.cs));
        t.values.forEach((v) => cover(v.r, v.c, 1, v.cs));
      }
    }
  });

  it('every relation names cells that exist', () => {
    for (const f of FORMATS) {
      for (const rel of f.relations) {
        for (const term of [...rel.left, ...rel.right]) {
          const t = f.tables[term.ref.table];
          expect(t.values.some((v) => v.row === term.ref.row && v.col === term.ref.col)).toBe(true);
        }
        expect(f.checks.some((c) => c.id === rel.check)).toBe(true);
      }
    }
  });
});
