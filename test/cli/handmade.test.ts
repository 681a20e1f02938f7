/**
 * Workbooks built by hand (not by `init`): tables elsewhere on the sheet, a title above,
 * ASCII punctuation, split header words, an empty column, blanks, “+2”, “251000元”, text.
 * `nianbao check` must find the tables and name each problem's cell.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { getFormat, type TableDef } from '../../src/core/formats';
import { a1 } from '../../src/core/grid';
import { run, tmpDir } from './helpers';

const messy = (s: string) =>
  s
    .replace('商业企业', '商业 企业')
    .replace('社会公益组织', '社会\n公益\n组织')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/，/g, ',');

interface Placed {
  top: number;
  left: number;
  /** an empty column is inserted before this table column */
  gapBefore?: number;
}

/** Writes a table by hand, the way a person would retype it; returns value-cell addresses by key. */
function writeTable(ws: ExcelJS.Worksheet, t: TableDef, at: Placed, value: (row: string, col: string) => ExcelJS.CellValue) {
  const col = (c: number) => at.left + c + (at.gapBefore !== undefined && c >= at.gapBefore ? 1 : 0);
  const addr: Record<string, string> = {};
  for (const l of t.labels) {
    ws.getCell(at.top + l.r + 1, col(l.c) + 1).value = messy(l.text);
    if ((l.rs ?? 1) > 1 || (l.cs ?? 1) > 1) {
      ws.mergeCells(at.top + l.r + 1, col(l.c) + 1, at.top + l.r + (l.rs ?? 1), col(l.c + (l.cs ?? 1) - 1) + 1);
    }
  }
  for (const v of t.values) {
    const r = at.top + v.r;
    const c = col(v.c);
    ws.getCell(r + 1, c + 1).value = value(v.row, v.col);
    addr[`${v.row}.${v.col}`] = a1(r, c);
    if ((v.cs ?? 1) > 1) ws.mergeCells(r + 1, c + 1, r + 1, col(v.c + (v.cs ?? 1) - 1) + 1);
  }
  return addr;
}

describe('check on hand-made workbooks', () => {
  it('finds the tables anywhere and names every problem cell', async () => {
    const f = getFormat('2019')!;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('年报');
    ws.getCell('C2').value = '某某镇人民政府2020年政府信息公开工作年度报告';
    const t2 = writeTable(ws, f.tables.table2, { top: 4, left: 2 }, (row, col) => {
      if (row === 'administrative_licensing' && col === 'change') return '+2';
      if (row === 'government_centralized_procurement' && col === 'total_amount') return '251000元';
      if (row === 'administrative_penalty' && col === 'decisions') return '无';
      return 0;
    });
    const t3 = writeTable(ws, f.tables.table3, { top: 26, left: 1, gapBefore: 3 }, (row, col) => {
      if (row === 'partial_grant' && col === 'research_institution') return null; // blank
      return 0;
    });
    const t4 = writeTable(ws, f.tables.table4, { top: 56, left: 3 }, () => 0);
    const dir = await tmpDir();
    const file = path.join(dir, '手工表.xlsx');
    await wb.xlsx.writeFile(file);

    const r = await run('check', file, '--json');
    expect(r.err).toBe('');
    const {
      files: [res],
    } = JSON.parse(r.out);
    expect(res.tables.map((t: { table: string }) => t.table).sort()).toEqual(['table2', 'table3', 'table4']);
    type F = { id: string; severity: string; cells: { address?: string }[] };
    const at = (address: string) => res.findings.filter((x: F) => x.cells.some((c) => c.address === address));

    // '+2' is a valid 本年增/减
    expect(at(t2['administrative_licensing.change'])).toEqual([]);
    // '251000元' in a 万元 amount cell and '无' are reported with their cells
    expect(at(t2['government_centralized_procurement.total_amount']).length).toBeGreaterThan(0);
    expect(at(t2['administrative_penalty.decisions']).map((x: F) => x.id)).toContain('CELL-BLANK');
    // the blank in table 三 is reported at its (shifted) address
    expect(at(t3['partial_grant.research_institution']).map((x: F) => x.id)).toContain('CELL-BLANK');
    expect(r.code).toBe(1);
    // a clean table 四 gives nothing
    for (const a of Object.values(t4)) expect(at(a)).toEqual([]);
    await fs.rm(dir, { recursive: true });
  });

  it('a wrong figure in a hand-made 2021 table 三 is traced to its cell', async () => {
    const f = getFormat('2021')!;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表三');
    ws.getCell('A1').value = '2023年度收到和处理政府信息公开申请情况';
    const t3 = writeTable(ws, f.tables.table3, { top: 3, left: 0 }, (row, col) => {
      if (row === 'new_received' && (col === 'natural_person' || col === 'total')) return 4;
      if (row === 'granted' && (col === 'natural_person' || col === 'total')) return 3;
      if (row === 'total_processed' && (col === 'natural_person' || col === 'total')) return 4; // should be 3
      return 0;
    });
    const dir = await tmpDir();
    const file = path.join(dir, '表三.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await run('check', file, '--json');
    const {
      files: [res],
    } = JSON.parse(r.out);
    expect(r.code).toBe(1);
    const results = res.findings.filter((x: { id: string }) => x.id === 'T3-RESULTS');
    expect(results.length).toBeGreaterThan(0);
    expect(results[0].cells.map((c: { address: string }) => c.address)).toContain(t3['total_processed.natural_person']);
    await fs.rm(dir, { recursive: true });
  });
});
