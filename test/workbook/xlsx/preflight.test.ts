/** The checks an .xlsx file passes before ExcelJS sees it: merges clipped, sizes bounded. */
import { clipMerges, preflight } from '../../../src/workbook/xlsx/preflight';
import { zipEntries } from '../../../src/workbook/xlsx/zip';
import { makeZip } from '../../fixtures/xlsx/make';

function sheet(cells: string[], merges: string[]): string {
  const rows = new Map<number, string[]>();
  for (const ref of cells) {
    const r = Number(/\d+$/.exec(ref)![0]);
    rows.set(r, [...(rows.get(r) ?? []), `<c r="${ref}"><v>1</v></c>`]);
  }
  const data = [...rows].map(([r, cs]) => `<row r="${r}">${cs.join('')}</row>`).join('');
  const m = merges.length ? `<mergeCells count="${merges.length}">${merges.map((x) => `<mergeCell ref="${x}"/>`).join('')}</mergeCells>` : '';
  return `<worksheet><sheetData>${data}</sheetData>${m}</worksheet>`;
}

function mergesOf(xml: string): string[] {
  return [...xml.matchAll(/<mergeCell ref="([^"]+)"\/>/g)].map((m) => m[1]);
}

describe('clipMerges', () => {
  it.each([
    ['merges inside the cells in use stay as they are', ['A1', 'D4'], ['A1:B1', 'C3:D4'], undefined],
    ['a merge to XFD1048576 ends at the last row and column in use', ['A1', 'F20'], ['B2:XFD1048576'], ['B2:F20']],
    ['a merge that starts outside the cells in use is dropped', ['A1', 'C3'], ['A1:B1', 'H10:XFD1048576'], ['A1:B1']],
    ['a merge clipped to one cell is dropped', ['A1', 'C3'], ['C3:XFD1048576'], []],
    ['a merge still larger than the limit after clipping is dropped', ['A1', 'ZZ1000'], ['A1:ZZ1000'], []],
  ])('%s', (_name, cells, merges, expected) => {
    const out = clipMerges(sheet(cells, merges));
    if (expected === undefined) expect(out).toBeUndefined();
    else {
      expect(mergesOf(out!)).toEqual(expected);
      if (expected.length === 0) expect(out).not.toContain('<mergeCells');
      else expect(out).toContain(`<mergeCells count="${expected.length}">`);
    }
  });
});

describe('preflight', () => {
  it('gives an ordinary file back untouched (the same bytes)', () => {
    const bytes = makeZip({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': sheet(['A1', 'B2'], ['A1:B1']) });
    expect(preflight(bytes, 'a.xlsx')).toBe(bytes);
  });

  it('rewrites a file whose merges need clipping, keeping every other part', () => {
    const bytes = makeZip({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': sheet(['A1', 'C3'], ['A1:XFD1048576']) });
    const out = preflight(bytes, 'a.xlsx');
    expect(out).not.toBe(bytes);
    expect(zipEntries(out)!.map((e) => e.name).sort()).toEqual(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  });

  it('refuses a zip that declares more than the limit, without inflating it', () => {
    const bytes = makeZip({ 'xl/workbook.xml': '<workbook/>' });
    // declare 300 MB in the central directory (the data itself is tiny)
    const view = new DataView(bytes.buffer);
    for (let i = 0; i + 46 < bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 300 * 1024 * 1024, true);
    expect(() => preflight(bytes, 'a.xlsx')).toThrow(expect.objectContaining({ code: 'too-large', data: expect.objectContaining({ file: 'a.xlsx' }) }));
  });
});
