/**
 * The read-only snapshot (src/workbook/xlsx/snapshot.ts) reads a file exactly as the ExcelJS port
 * does, or declines it: for every file here, when the snapshot reads it, its sheet names, grids
 * (values, formulas, merges, holes) and metadata are strictly equal to XlsxWorkbook's. And it does
 * read the files people check most: the ones this product writes, and the same after LibreOffice.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { getFormat } from '../../../src/core/formats';
import type { FormatDef } from '../../../src/core/formats';
import { emptyReport, type ReportData } from '../../../src/core/model/report';
import { createReportSheets } from '../../../src/app/create';
import { checkWorkbook } from '../../../src/app/check';
import { readXlsx, XlsxSnapshot, XlsxWorkbook } from '../../../src/workbook/xlsx';
import { WorkbookError } from '../../../src/workbook/port';
import { editSheet, filledReport, hostile, type Hostile } from '../../fixtures/xlsx/hostile';
import { libreOfficeRoundTrip, oldXls } from '../../fixtures/xlsx/make';

/** Both readers on the same bytes; the snapshot's result (undefined when it declined). */
async function compare(bytes: Uint8Array): Promise<XlsxSnapshot | undefined> {
  const snap = XlsxSnapshot.read(bytes);
  if (!snap) return undefined;
  const full = await XlsxWorkbook.open(bytes, 'x.xlsx');
  const sheets = await full.listSheets();
  expect(await snap.listSheets()).toStrictEqual(sheets);
  expect(await snap.readAllGrids()).toStrictEqual(await full.readAllGrids());
  for (const s of sheets) {
    expect(await snap.readGrid(s)).toStrictEqual(await full.readGrid(s));
    expect(await snap.getMetadata(s)).toStrictEqual(await full.getMetadata(s));
  }
  return snap;
}

function filled(format: FormatDef, seed: number): ReportData {
  const data = emptyReport(format, format.id === '2019' ? 2020 : 2023, `某某县第${seed}局`, 0);
  let x = seed;
  const rnd = (n: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  for (const t of ['table2', 'table3', 'table4'] as const) {
    const table = data[t] as Record<string, Record<string, number | null>>;
    for (const row of Object.keys(table)) for (const col of Object.keys(table[row])) table[row][col] = rnd(5) === 0 ? null : rnd(40);
  }
  return data;
}

async function ourWorkbook(format: FormatDef, seed: number, manualTotals: boolean): Promise<Uint8Array> {
  const data = filled(format, seed);
  const wb = XlsxWorkbook.create();
  await createReportSheets(wb, { format, year: data.year, organization: data.organization, manualTotals, data });
  return wb.toBuffer();
}

async function excelJsBook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A sheet holding each kind of value a clerk's workbook may hold (no dates, no hyperlinks). */
function varied(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("It's 局 & <表>");
  ws.getCell('B2').value = '  前后有空格  ';
  ws.getCell('C2').value = '<a> & "b" \'c\'';
  ws.getCell('D2').value = '第一行\n第二行';
  ws.getCell('E2').value = 'a_x0041_b';
  ws.getCell('F2').value = '😀 表情';
  ws.getCell('G2').value = '   ';
  ws.getCell('B3').value = -12.5;
  ws.getCell('C3').value = 1e-7;
  ws.getCell('D3').value = 123456789012;
  ws.getCell('E3').value = 0.1 + 0.2;
  ws.getCell('F3').value = true;
  ws.getCell('G3').value = false;
  ws.getCell('B4').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.getCell('C4').value = { formula: 'B3*2', result: -25 };
  ws.getCell('D4').value = { formula: 'CONCATENATE("a","&b")', result: 'a&b' };
  ws.getCell('E4').value = { formula: 'B3>0', result: false };
  ws.getCell('F4').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws.getCell('G4').value = { formula: 'SUM(B3:D3)' } as ExcelJS.CellFormulaValue;
  ws.getCell('B5').value = { richText: [{ text: '富', font: { bold: true } }, { text: '文本 ' }, { text: 'x_x0042_' }] };
  ws.getCell('C5').value = '合并前';
  ws.getCell('D5').value = '被合并隐藏';
  ws.mergeCells('C5:E6');
  ws.getCell('H9').value = '远处';
  ws.getCell('B7').numFmt = '0.00';
  ws.getCell('B7').value = 3.14159;
  ws.getCell('C7').numFmt = '0"万元"';
  ws.getCell('C7').value = 7;
  wb.addWorksheet('空表');
  const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
  hidden.getCell('A1').value = 1;
}

describe('the snapshot reads what the ExcelJS port reads', () => {
  test.each([
    ['2019', false],
    ['2019', true],
    ['2021', false],
    ['2021', true],
  ])('workbooks this product writes (%s format, manual totals %s) are read without ExcelJS, to the same grids and metadata', async (id, manual) => {
    const format = getFormat(id)!;
    for (const seed of [1, 2, 3]) {
      const bytes = await ourWorkbook(format, seed, manual);
      expect(await compare(bytes)).toBeDefined();
    }
  });

  test('the sample report in the layout, edited in place (text in a value cell, a cleared total)', async () => {
    const bytes = await filledReport(async (wb, sheet) => {
      await wb.writeValues([
        { sheet, address: 'C10', value: '十二' },
        { sheet, address: 'D10', value: null },
      ]);
    });
    expect(await compare(bytes)).toBeDefined();
  });

  test('every kind of cell value, merges hiding a value, odd sheet names, an empty and a hidden sheet', async () => {
    const bytes = await excelJsBook(varied);
    const snap = await compare(bytes);
    expect(snap).toBeDefined();
    // what the comparison rests on, seen directly
    const grid = await snap!.readGrid("It's 局 & <表>");
    expect(grid.cells[0].slice(0, 6)).toEqual(['  前后有空格  ', '<a> & "b" \'c\'', '第一行\n第二行', 'aAb', '😀 表情', null]);
    expect(grid.merges).toEqual(['C5:E6']);
  });

  test('random values written by ExcelJS read the same', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('&amp;', '_x000D_', ' 0 ', '一二三', '<c r="A1">', ''),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom(null, { error: '#N/A' }, { formula: 'A1+1', result: 2 }, { formula: 'A1' }, { formula: 'A1*0', result: 0 }, { formula: 'FALSE()', result: false }, { richText: [{ text: 'r' }, { text: '&t' }] }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), value), { maxLength: 30 }), async (cells) => {
        const bytes = await excelJsBook((wb) => {
          const ws = wb.addWorksheet('随机');
          for (const [r, c, v] of cells) ws.getCell(r, c).value = v as ExcelJS.CellValue;
        });
        const snap = XlsxSnapshot.read(bytes);
        if (snap) await compare(bytes);
        else expect(cells.some(([, , v]) => typeof v === 'string' && /[\r]/.test(v))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test('hand-made XML: inline strings, string results, errors, booleans, cells out of order, empty values, phonetic properties', async () => {
    const base = await excelJsBook((wb) => {
      wb.addWorksheet('表').getCell('A1').value = '甲';
    });
    const rows =
      '<row r="3"><c r="C3" t="inlineStr"><is><t xml:space="preserve"> 内联 &amp; </t></is></c><c r="A3" t="str"><v>字符串</v></c></row>' +
      '<row r="2"><c r="B2" t="e"><v>#REF!</v></c><c r="C2" t="b"><v>1</v></c><c r="D2"><v></v></c><c r="E2"><f>C2*2</f></c><c r="F2" s="0"/></row>';
    const edited = editSheet(base, (xml) => xml.replace('</sheetData>', `${rows}</sheetData>`));
    const withPhonetic = editSheet(edited, (xml) => xml.replace('<t>甲</t>', '<t>甲</t><phoneticPr fontId="1" type="noConversion"/>'), 'xl/sharedStrings.xml');
    for (const bytes of [edited, withPhonetic]) expect(await compare(bytes)).toBeDefined();
  });

  test('LibreOffice-saved workbooks (ours and a varied one) read the same and without ExcelJS', async () => {
    const ours = await libreOfficeRoundTrip(await ourWorkbook(getFormat('2021')!, 5, false));
    expect(await compare(ours)).toBeDefined();
    const other = await libreOfficeRoundTrip(await excelJsBook(varied));
    await compare(other); // read or declined, never different
  }, 240_000);
});

describe('the snapshot declines what it would read differently, and ExcelJS reads it as before', () => {
  test('a date, a hyperlink, a shared formula: declined', async () => {
    const dated = await excelJsBook((wb) => {
      wb.addWorksheet('s').getCell('A1').value = new Date(Date.UTC(2024, 0, 15));
    });
    const linked = await excelJsBook((wb) => {
      wb.addWorksheet('s').getCell('A1').value = { text: '门户网站', hyperlink: 'https://www.gov.cn' };
    });
    const shared = await excelJsBook((wb) => {
      const ws = wb.addWorksheet('s');
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = 2;
      ws.getCell('B1').value = { formula: 'A1*2', result: 2, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 } as ExcelJS.CellSharedFormulaValue;
    });
    for (const bytes of [dated, linked, shared]) {
      expect(XlsxSnapshot.read(bytes)).toBeUndefined();
      // readXlsx falls back to ExcelJS: the same grids as opening the file with it
      const read = await readXlsx(bytes, 'x.xlsx');
      expect(read).toBeInstanceOf(XlsxWorkbook);
    }
  });

  test.each<Hostile>(['far-cell', 'huge-merge', 'deep-chain', 'whole-sheet-sum', 'bidi-labels', 'above-2-53'])('hostile file %s: declined or read the same', async (kind) => {
    await compare(await hostile(kind));
  }, 60_000);

  test('not a workbook: readXlsx gives the same error as opening it', async () => {
    await expect(readXlsx(oldXls(), '旧.xls')).rejects.toMatchObject({ code: 'not-xlsx', data: { file: '旧.xls', detected: 'xls' } });
    await expect(readXlsx(new Uint8Array(0), '空.xlsx')).rejects.toBeInstanceOf(WorkbookError);
  });

  test('a check over the snapshot gives the same findings as over the ExcelJS port', async () => {
    const format = getFormat('2021')!;
    const bytes = await ourWorkbook(format, 9, true);
    const snap = XlsxSnapshot.read(bytes)!;
    const a = await checkWorkbook(snap);
    const b = await checkWorkbook(await XlsxWorkbook.open(bytes, 'x.xlsx'));
    const strip = (o: typeof a) => o.reports.map((r) => ({ sheet: r.sheet, findings: r.findings, text: r.text }));
    expect(strip(a)).toStrictEqual(strip(b));
    expect(a.reports[0].findings.length).toBeGreaterThan(0);
  });
});
