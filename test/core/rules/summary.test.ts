import { runChecks, summarize } from '../../../src/core/rules';
import { F2021, zeros } from './fixtures';

describe('summarize', () => {
  it('counts errors and warnings per table; a table passes without errors', () => {
    const data = zeros(F2021, 2020, '某某镇人民政府'); // FORMAT-YEAR: no table
    data.table2.regulations.issued = 1; // T2-REG + T2-INFORCE warnings
    data.table4.admin_review.total = 1; // T4-TOTAL error
    data.table4.litigation_direct.upheld = null; // CELL-BLANK error
    const findings = runChecks(data);
    expect(findings.filter((f) => f.id === 'FORMAT-YEAR')).toHaveLength(1);
    expect(summarize(findings)).toEqual({
      table2: { errors: 0, warnings: 2, passed: true },
      table3: { errors: 0, warnings: 0, passed: true },
      table4: { errors: 2, warnings: 0, passed: false },
    });
    expect(summarize(findings, ['table4'])).toEqual({ table4: { errors: 2, warnings: 0, passed: false } });
    expect(summarize([], ['table3'])).toEqual({ table3: { errors: 0, warnings: 0, passed: true } });
  });
});
