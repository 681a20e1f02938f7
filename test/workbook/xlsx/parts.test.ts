/**
 * What rewriting a workbook outside Excel (ExcelJS) keeps and loses, on workbooks LibreOffice
 * made: a chart, a pivot table, an image, comments, conditional formatting, data validation.
 * Each is either listed by unsupportedParts (and shown to be lost by a rewrite, so the listing is
 * needed), or carried through the rewrites that fill, fix and the pane's insert-and-download do.
 */
import { execFile } from 'child_process';
import { strFromU8, unzipSync } from 'fflate';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { getFormat } from '../../../src/core/formats';
import { buildSheetPlan } from '../../../src/core/layout/build';
import { describeError } from '../../../src/core/messages/errors';
import { WorkbookError } from '../../../src/workbook/port';
import { XlsxWorkbook, unsupportedParts } from '../../../src/workbook/xlsx';
import { makeZip } from '../../fixtures/xlsx/make';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const IMAGE = path.join(ROOT, 'assets', 'icon-64.png');
type Feature = 'plain' | 'chart' | 'pivot' | 'image' | 'comments' | 'conditional-formatting' | 'data-validation';
const FEATURES: Feature[] = ['plain', 'chart', 'pivot', 'image', 'comments', 'conditional-formatting', 'data-validation'];

let dir: string;
const files = new Map<Feature, Uint8Array>();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nianbao-lo-parts-'));
  await new Promise<void>((resolve, reject) =>
    execFile('/usr/bin/python3', [path.join(ROOT, 'test', 'fixtures', 'xlsx', 'lo-features.py'), dir, IMAGE], { timeout: 170_000 }, (err, _o, stderr) =>
      err ? reject(new Error(`lo-features.py: ${stderr}`)) : resolve(),
    ),
  );
  for (const f of FEATURES) files.set(f, new Uint8Array(await fs.readFile(path.join(dir, `${f}.xlsx`))));
}, 180_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The rewrites the product does outside Excel, each ending in the bytes it would save. */
const REWRITES: Record<string, (wb: XlsxWorkbook) => Promise<void>> = {
  // fill: figures written into existing cells
  fill: async (wb) => wb.writeValues([{ sheet: (await wb.listSheets())[0], address: 'B3', value: 6 }]),
  // the pane outside Excel: 插入表格 on a new sheet, then download
  'insert-and-download': async (wb) => {
    const sheet = await wb.addSheet('年报统计表');
    await wb.applyPlan(sheet, buildSheetPlan(getFormat('2021')!, { year: 2023, organization: '某单位' }));
  },
  // fix: cells marked and a value corrected
  fix: async (wb) => {
    const sheet = (await wb.listSheets())[0];
    await wb.highlight([{ sheet, address: 'B4', severity: 'error' }]);
    await wb.writeValues([{ sheet, address: 'B4', value: 1 }]);
  },
};

async function rewrite(bytes: Uint8Array, how: string): Promise<Record<string, string>> {
  const wb = await XlsxWorkbook.open(bytes, '工作簿.xlsx');
  await REWRITES[how](wb);
  const parts = unzipSync(await wb.toBuffer());
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, k.startsWith('xl/media/') ? Buffer.from(v).toString('base64') : strFromU8(v)]));
}

function firstSheet(parts: Record<string, string>): string {
  return parts['xl/worksheets/sheet1.xml'];
}

describe('unsupportedParts on LibreOffice workbooks', () => {
  it('a plain workbook has nothing that would be lost', async () => {
    expect(await unsupportedParts(files.get('plain')!)).toEqual([]);
  });

  it.each([
    ['chart', 'chart', '图表'],
    ['pivot', 'pivot', '数据透视表'],
  ] as const)('the %s is listed, with its Chinese name, and a rewrite would indeed drop it', async (feature, kind, label) => {
    const found = await unsupportedParts(files.get(feature)!);
    expect(found).toEqual([expect.objectContaining({ kind, label })]);
    expect(found[0].part).toMatch(kind === 'chart' ? /^xl\/(charts|drawings)\// : /^xl\/pivot/);
    const after = await rewrite(files.get(feature)!, 'fill');
    const lost = kind === 'chart' ? /^xl\/charts\/chart/ : /^xl\/pivot(Tables|Cache)\//;
    expect(Object.keys(after).some((p) => lost.test(p))).toBe(false);
    const err = new WorkbookError('unsupported-parts', { file: '工作簿.xlsx', parts: found });
    expect(describeError(err)).toBe(
      `工作簿“工作簿.xlsx”含有${label}。在 Excel 之外改写它会丢失这些内容，所以没有覆盖原文件。请改为另存为新文件（原文件保持不变），或在 Excel 中打开本加载项直接填写。`,
    );
  });

  it.each(['image', 'comments', 'conditional-formatting', 'data-validation'] as const)('%s: not listed', async (feature) => {
    expect(await unsupportedParts(files.get(feature)!)).toEqual([]);
  });
});

describe.each(Object.keys(REWRITES))('carried through %s', (how) => {
  it('an image: the same picture bytes, still drawn on the sheet', async () => {
    const before = unzipSync(files.get('image')!);
    const picture = Buffer.from(before[Object.keys(before).find((p) => p.startsWith('xl/media/'))!]).toString('base64');
    const after = await rewrite(files.get('image')!, how);
    const media = Object.keys(after).filter((p) => p.startsWith('xl/media/') && !p.endsWith('/'));
    expect(media.map((p) => after[p])).toContain(picture);
    expect(firstSheet(after)).toMatch(/<drawing r:id="[^"]+"\/>/);
    expect(Object.entries(after).some(([p, x]) => /^xl\/drawings\/_rels\//.test(p) && x.includes('../media/'))).toBe(true);
  });

  it('comments: the note text on its cell', async () => {
    const after = await rewrite(files.get('comments')!, how);
    const comments = Object.entries(after).find(([p]) => /^xl\/comments\d*\.xml$/.test(p));
    expect(comments?.[1]).toMatch(/<comment ref="B2"[^>]*>.*批注：含退回件/s);
    expect(firstSheet(after)).toMatch(/<legacyDrawing r:id=/);
  });

  it('conditional formatting: the rule, its range and its style', async () => {
    const after = await rewrite(files.get('conditional-formatting')!, how);
    expect(firstSheet(after)).toMatch(/<conditionalFormatting sqref="B2:B5"><cfRule type="cellIs" dxfId="\d+"[^>]*operator="greaterThan"><formula>3<\/formula>/);
    expect(after['xl/styles.xml']).toMatch(/<dxfs count="[1-9]/);
  });

  it('data validation: the rule, its range and its message', async () => {
    const after = await rewrite(files.get('data-validation')!, how);
    expect(firstSheet(after)).toMatch(/<dataValidation type="whole" operator="greaterThanOrEqual"[^>]*error="请填写非负整数"[^>]*sqref="B2:B5"><formula1>0<\/formula1>/);
  });
});

describe('unsupportedParts on parts Excel writes (zips made in code)', () => {
  // parts only Excel writes (LibreOffice makes none of them)
  const base = { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': '<worksheet><sheetData/></worksheet>' };
  it.each([
    ['vba', 'xl/vbaProject.bin', 'x', '宏（VBA 代码）'],
    ['slicer', 'xl/slicers/slicer1.xml', '<slicers/>', '切片器'],
    ['threaded-comment', 'xl/threadedComments/threadedComment1.xml', '<ThreadedComments/>', '新式批注（可回复的讨论）'],
    ['external-link', 'xl/externalLinks/externalLink1.xml', '<externalLink/>', '指向其他工作簿的外部链接'],
    ['shape', 'xl/drawings/drawing1.xml', '<xdr:wsDr><xdr:twoCellAnchor><xdr:sp><xdr:txBody/></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>', '形状、文本框或 SmartArt'],
    ['chart', 'xl/drawings/drawing1.xml', '<xdr:wsDr><xdr:twoCellAnchor><xdr:graphicFrame/></xdr:twoCellAnchor></xdr:wsDr>', '图表'],
    ['sparkline', 'xl/worksheets/sheet1.xml', '<worksheet><sheetData/><extLst><ext><x14:sparklineGroups/></ext></extLst></worksheet>', '迷你图'],
    ['extended-validation', 'xl/worksheets/sheet1.xml', '<worksheet><sheetData/><extLst><ext><x14:dataValidations count="1"/></ext></extLst></worksheet>', '引用其他工作表的数据有效性（下拉列表）'],
  ])('%s in %s', async (kind, part, content, label) => {
    const found = await unsupportedParts(makeZip({ ...base, [part]: content }));
    expect(found).toEqual([{ part, kind, label }]);
  });

  it('a picture-only drawing is not listed (ExcelJS carries pictures)', async () => {
    const drawing = '<xdr:wsDr><xdr:twoCellAnchor><xdr:pic><xdr:blipFill/></xdr:pic></xdr:twoCellAnchor></xdr:wsDr>';
    expect(await unsupportedParts(makeZip({ ...base, 'xl/drawings/drawing1.xml': drawing, 'xl/media/image1.png': 'png' }))).toEqual([]);
  });
});
