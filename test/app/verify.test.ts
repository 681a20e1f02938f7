/**
 * Verified findings (核实说明): a finding a reviewer verified stays verified until the numbers it was
 * verified with change; then it comes back, marked stale.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/app/check';
import { createReportSheets } from '../../src/app/create';
import { recordVerification, verifyFinding, VERIFY_SHEET } from '../../src/app/verify';
import { parseA1 } from '../../src/core/grid';
import type { Finding } from '../../src/core/rules/types';
import type { ReportData } from '../../src/core/model/report';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { consistentReport } from '../helpers/arbitrary';
import { F2021, reopen } from './helpers';

/** A 2021 workbook (totals typed) whose 表三 予以公开 · 自然人 is 7 too many. */
async function brokenWorkbook(): Promise<{ wb: XlsxWorkbook; data: ReportData }> {
  const data = fc.sample(consistentReport(F2021, { year: 2023, organization: '某某镇人民政府' }), { seed: 5, numRuns: 1 })[0];
  data.table3.granted.natural_person = (data.table3.granted.natural_person as number) + 7;
  const wb = XlsxWorkbook.create();
  await createReportSheets(wb, { format: F2021, year: 2023, organization: data.organization, manualTotals: true, data });
  return { wb: await reopen(wb), data };
}

async function errors(wb: XlsxWorkbook): Promise<Finding[]> {
  return (await checkWorkbook(wb)).reports.flatMap((r) => r.findings).filter((f) => f.severity === 'error');
}

/** The finding's located cells other than its click target, with their numeric values. */
function numberCell(f: Finding): { sheet: string; address: string; value: number } {
  const c = f.cells.find((x) => x.sheet && x.address && typeof x.value === 'number' && !x.previous);
  if (!c) throw new Error('no numeric cell');
  return { sheet: c.sheet as string, address: c.address as string, value: c.value as number };
}

describe('verified findings', () => {
  test('verify, re-check: verified, not counted; the row on 核实说明 reads 检查 · 单元格 · 核实时数值 · 说明 · 日期', async () => {
    const { wb } = await brokenWorkbook();
    const before = await errors(wb);
    expect(before.length).toBeGreaterThan(0);
    const target = before[0];
    const recorded = await recordVerification(wb, target, '经核实，原始台账如此', { date: '2027-01-15' });
    expect(recorded).toMatchObject({ sheet: VERIFY_SHEET, row: 2, updated: false });

    const again = await reopen(wb);
    const sheet = await again.readGrid(VERIFY_SHEET);
    expect(sheet.cells[0]).toEqual(['检查', '单元格', '核实时数值', '说明', '日期']);
    expect(sheet.cells[1]).toEqual([target.id, recorded.cell, recorded.values, '经核实，原始台账如此', '2027-01-15']);
    expect(recorded.values).toMatch(/=\d/);

    const outcome = await checkWorkbook(again);
    const found = outcome.reports[0].findings.find((f) => f.id === target.id && f.title === target.title)!;
    expect(found.disposition).toEqual({ note: '经核实，原始台账如此', date: '2027-01-15', stale: false });
    // the per-table counts leave the verified finding out; the others stay
    const counted = outcome.reports[0].summary.reduce((s, t) => s + t.errors, 0);
    expect(counted).toBe(before.length - 1);

    // verifying the same finding again replaces its row instead of adding one
    const twice = await recordVerification(again, found, '再次核实', { date: '2027-01-16' });
    expect(twice).toMatchObject({ row: 2, updated: true });
    expect((await again.readGrid(VERIFY_SHEET)).cells).toHaveLength(2);
  });

  test('change a cell of the relation: back, marked stale; change an unrelated cell: still verified', async () => {
    const { wb } = await brokenWorkbook();
    const target = (await errors(wb))[0];
    const res = await verifyFinding(wb, { check: target.id, cell: target.likely?.address ?? numberCell(target).address, note: '台账如此' });
    expect(res.kind).toBe('written');

    // an unrelated cell: 表四 行政复议 · 结果维持 and its 总计 raised together (table 四 stays consistent)
    const unrelated = await reopen(wb);
    const located = (await checkWorkbook(unrelated)).reports[0].located;
    const upheld = located.cells.table4!.admin_review.upheld;
    const total = located.cells.table4!.admin_review.total;
    const t4 = located.data.table4.admin_review;
    await unrelated.writeValues([
      { sheet: upheld.sheet, address: upheld.address, value: (t4.upheld as number) + 3 },
      { sheet: total.sheet, address: total.address, value: (t4.total as number) + 3 },
    ]);
    const still = (await errors(await reopen(unrelated))).find((f) => f.id === target.id && f.title === target.title);
    expect(still?.disposition).toMatchObject({ stale: false, note: '台账如此' });

    // a cell of the relation: one more, so the relation still fails, with other numbers
    const changed = await reopen(wb);
    const cell = numberCell(target);
    await changed.writeValues([{ sheet: cell.sheet, address: cell.address, value: cell.value + 1 }]);
    const back = (await errors(await reopen(changed))).filter((f) => f.id === target.id && f.cells.some((c) => c.address === cell.address));
    expect(back.length).toBeGreaterThan(0);
    expect(back[0].disposition).toMatchObject({ stale: true, note: '台账如此' });
  });

  test('a check and cell with no finding: nothing written, the current findings returned', async () => {
    const { wb } = await brokenWorkbook();
    const res = await verifyFinding(wb, { check: 'T3-NOPE', cell: 'A1', note: 'x' });
    expect(res.kind).toBe('not-found');
    if (res.kind === 'not-found') expect(res.findings.length).toBeGreaterThan(0);
    expect(await wb.listSheets()).not.toContain(VERIFY_SHEET);
  });

  test('the note names a cell of the finding with or without its sheet', async () => {
    const { wb } = await brokenWorkbook();
    const target = (await errors(wb))[0];
    const cell = numberCell(target);
    expect(parseA1(cell.address)).toBeDefined();
    const res = await verifyFinding(wb, { check: target.id.toLowerCase(), cell: `${cell.sheet}!${cell.address}`, note: 'ok' });
    expect(res.kind === 'written' && res.cell).toBe(`${cell.sheet}!${cell.address}`);
    const other = await verifyFinding(wb, { check: target.id, cell: `其他表!${cell.address}`, note: 'ok' });
    expect(other.kind).toBe('not-found');
  });
});
