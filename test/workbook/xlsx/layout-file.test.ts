/**
 * (a) A plan written into an .xlsx file by the ExcelJS port, saved and read back with ExcelJS,
 * compared cell by cell with the official tables of the spec (§3–5, transcribed independently in
 * spec-tables.ts): every label at its place with its exact text, every merge, every value cell
 * unlocked with its number format and validation, borders, print setup, protection, metadata.
 */
import ExcelJS from 'exceljs';
import { getFormat } from '../../../src/core/formats';
import { buildSheetPlan, valueCellAddresses } from '../../../src/core/layout/build';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { TABLE2_2019, TABLE2_2021, TABLE3_2019, TABLE3_2021, TABLE4, type Kind, type SpecTable } from './spec-tables';

const ORG = '某某县人民政府办公室';

function text(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function decode(addr: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function encode(row: number, col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

/** display width: CJK and full-width characters count 2 */
function width(s: string): number {
  return [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 || ch === '“' || ch === '”' ? 2 : 1), 0);
}

const NUMFMT: Record<Kind, RegExp> = { count: /^0$/, signed: /^\+0;-0;0$/, amount: /^0\.[0#]{6}$/ }; // amounts shown to the 分 (AMOUNT_DECIMALS)

async function writeAndReload(formatId: '2019' | '2021', origin?: { row: number; col: number }) {
  const port = XlsxWorkbook.create();
  const sheet = await port.addSheet('年报统计表');
  const format = getFormat(formatId)!;
  await port.applyPlan(sheet, buildSheetPlan(format, { year: 2023, organization: ORG, origin }));
  const bytes = await port.toBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { bytes, wb, ws: wb.getWorksheet(sheet)!, sheet, format };
}

const CASES: [string, '2019' | '2021', SpecTable[], { row: number; col: number } | undefined][] = [
  ['2021 at A1', '2021', [TABLE2_2021, TABLE3_2021, TABLE4], undefined],
  ['2019 at A1', '2019', [TABLE2_2019, TABLE3_2019, TABLE4], undefined],
  ['2021 at C4', '2021', [TABLE2_2021, TABLE3_2021, TABLE4], { row: 3, col: 2 }],
];

describe.each(CASES)('format %s written to .xlsx', (_name, formatId, tables, origin) => {
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  let sheet: string;
  const row0 = (origin?.row ?? 0) + 1;
  const col0 = (origin?.col ?? 0) + 1;
  const totalRow3 = formatId === '2019' ? 25 : 27;

  beforeAll(async () => {
    ({ ws, wb, bytes, sheet } = await writeAndReload(formatId, origin));
  });

  /** the table's top-left (1-based) found by its caption in the first column */
  function locate(t: SpecTable): { row: number; col: number } {
    const hits: number[] = [];
    ws.eachRow((row, r) => {
      if (text(row.getCell(col0).value) === t.caption) hits.push(r);
    });
    expect(hits).toHaveLength(1);
    return { row: hits[0] + 1, col: col0 };
  }
  const abs = (tl: { row: number; col: number }, rel: string) => {
    const p = decode(rel);
    return { row: tl.row + p.row - 1, col: tl.col + p.col - 1 };
  };

  it('starts with the title naming organization and year', () => {
    expect(text(ws.getCell(row0, col0).value)).toBe(`${ORG}2023年政府信息公开工作年度报告统计表`);
    expect(ws.model.merges).toContain(`${encode(row0, col0)}:${encode(row0, col0 + 14)}`);
  });

  it('writes the three tables in order, each under its caption, one blank row between them', () => {
    const tl = tables.map(locate);
    for (let i = 1; i < tl.length; i++) {
      expect(tl[i].row).toBeGreaterThan(tl[i - 1].row + tables[i - 1].rows);
      // the row above the caption is blank
      const blank = ws.getRow(tl[i].row - 2);
      for (let c = col0; c < col0 + 15; c++) expect(text(blank.getCell(c).value)).toBeNull();
    }
  });

  it.each(tables.map((t, i) => [['表二', '表三', '表四'][i], t] as const))('%s: every label and value cell as in the spec', (_t, t) => {
    const tl = locate(t);
    const merges = new Set(ws.model.merges);
    const covered = new Set<string>();
    for (const cell of t.cells) {
      const p = abs(tl, cell.at);
      const c = ws.getCell(p.row, p.col);
      const rs = cell.rs ?? 1;
      const cs = cell.cs ?? 1;
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) covered.add(encode(p.row + i, p.col + j));
      if (rs > 1 || cs > 1) expect([cell.at, merges.has(`${encode(p.row, p.col)}:${encode(p.row + rs - 1, p.col + cs - 1)}`)]).toEqual([cell.at, true]);
      if (cell.text !== undefined) {
        expect([cell.at, text(c.value)]).toEqual([cell.at, cell.text]);
        expect([cell.at, c.protection?.locked]).not.toEqual([cell.at, false]);
        continue;
      }
      const rel = decode(cell.at);
      const isTotal =
        (t === TABLE4 && [5, 10, 15].includes(rel.col)) ||
        ((t === TABLE3_2019 || t === TABLE3_2021) && (rel.col === 10 || rel.row === totalRow3));
      expect([cell.at, c.numFmt]).toEqual([cell.at, expect.stringMatching(NUMFMT[cell.value!])]);
      if (isTotal) {
        expect([cell.at, typeof c.formula]).toEqual([cell.at, 'string']);
        expect([cell.at, c.protection?.locked]).not.toEqual([cell.at, false]);
      } else {
        expect([cell.at, c.value, c.protection?.locked]).toEqual([cell.at, null, false]);
        const dv = c.dataValidation;
        const expected =
          cell.value === 'count'
            ? { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] }
            : cell.value === 'signed'
              ? { type: 'whole' }
              : { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] };
        expect([cell.at, dv]).toEqual([cell.at, expect.objectContaining(expected)]);
        expect(dv.prompt).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    // nothing else in the table's rectangle: no other text, no other merges; borders everywhere
    for (let r = tl.row; r < tl.row + t.rows; r++) {
      for (let c = tl.col; c < tl.col + t.cols; c++) {
        const cell = ws.getCell(r, c);
        if (!covered.has(encode(r, c))) expect([encode(r, c), text(cell.value)]).toEqual([encode(r, c), null]);
        expect([encode(r, c), cell.border?.top?.style, cell.border?.left?.style, cell.border?.bottom?.style, cell.border?.right?.style])
          .toEqual([encode(r, c), 'thin', 'thin', 'thin', 'thin']);
      }
    }
    const inside = [...merges].filter((m) => {
      const [a] = m.split(':').map(decode);
      return a.row >= tl.row && a.row < tl.row + t.rows && a.col >= tl.col && a.col < tl.col + t.cols;
    });
    const expectedMerges = t.cells
      .filter((c) => (c.rs ?? 1) > 1 || (c.cs ?? 1) > 1)
      .map((c) => {
        const p = abs(tl, c.at);
        return `${encode(p.row, p.col)}:${encode(p.row + (c.rs ?? 1) - 1, p.col + (c.cs ?? 1) - 1)}`;
      });
    expect(inside.sort()).toEqual(expectedMerges.sort());
  });

  it('valueCellAddresses names exactly the value cells of the spec tables', () => {
    const addr = valueCellAddresses(getFormat(formatId)!, { origin });
    (['table2', 'table3', 'table4'] as const).forEach((id, i) => {
      const tl = locate(tables[i]);
      const specCells = tables[i].cells.filter((c) => c.value).map((c) => {
        const p = abs(tl, c.at);
        return encode(p.row, p.col);
      });
      const planned = Object.values(addr[id]).flatMap((cols) => Object.values(cols));
      expect(planned.sort()).toEqual(specCells.sort());
    });
  });

  it('puts the check row directly under table 三', () => {
    const tl = locate(tables[1]);
    const r = tl.row + tables[1].rows;
    expect(text(ws.getCell(r, col0).value)).toMatch(/^校验/);
    for (let c = col0 + 3; c < col0 + 10; c++) expect(ws.getCell(r, c).formula).toMatch(/^IF\(/);
  });

  it('states the unit of amounts next to table 二 where the header does not', () => {
    const tl = locate(tables[0]);
    const under = text(ws.getCell(tl.row + tables[0].rows, col0).value) ?? '';
    if (formatId === '2019') expect(under).toContain('万元');
    else expect(under).toBe(''); // 2021 states 万元 in the header
  });

  it('sizes columns and rows so that every label fits', () => {
    for (const t of tables) {
      const tl = locate(t);
      for (const cell of t.cells.filter((c) => c.text)) {
        const p = abs(tl, cell.at);
        let chars = 0;
        for (let j = 0; j < (cell.cs ?? 1); j++) chars += ws.getColumn(p.col + j).width ?? 9;
        let points = 0;
        for (let i = 0; i < (cell.rs ?? 1); i++) points += ws.getRow(p.row + i).height ?? 15;
        const lines = Math.max(1, Math.floor(points / 14.4));
        expect([cell.text, width(cell.text!) <= (chars - 1) * lines]).toEqual([cell.text, true]);
        if (width(cell.text!) > chars - 1) expect(ws.getCell(p.row, p.col).alignment?.wrapText).toBe(true);
      }
    }
  });

  it('prints on A4 landscape, fitted to the page width, the whole layout', () => {
    expect(ws.pageSetup).toEqual(expect.objectContaining({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }));
    const t4 = locate(TABLE4);
    expect(ws.pageSetup.printArea).toBe(`${encode(row0, col0)}:${encode(t4.row + 3, col0 + 14)}`);
  });

  it('protects the sheet without a password', () => {
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
    expect(protection).toEqual(expect.objectContaining({ sheet: true }));
    expect(protection?.hashValue).toBeUndefined();
  });

  it('names the table ranges and remembers format, year and organization', async () => {
    const names = wb.definedNames.model as unknown as { name: string; ranges: string[] }[];
    const t3 = locate(tables[1]);
    const range = names.find((n) => n.name === 'nianbao_table3')?.ranges[0].replace(/\$/g, '');
    expect(range).toBe(`'${sheet}'!${encode(t3.row, t3.col)}:${encode(t3.row + tables[1].rows - 1, t3.col + 9)}`);
    const port = await XlsxWorkbook.open(bytes, 'x.xlsx');
    expect(await port.getMetadata(sheet)).toEqual({ format: formatId, year: 2023, organization: ORG, manualTotals: false });
    expect(await port.listSheets()).toEqual([sheet]);
  });
});
