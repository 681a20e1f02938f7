/**
 * (d) Files that are not readable workbooks: each kind gets its WorkbookError code (never a raw
 * stack) and a Chinese sentence that names the file.
 */
import { getFormat } from '../../../src/core/formats';
import { buildSheetPlan } from '../../../src/core/layout/build';
import { describeError } from '../../../src/core/messages/errors';
import { WorkbookError } from '../../../src/workbook/port';
import { XlsxWorkbook } from '../../../src/workbook/xlsx';
import { brokenWorkbookZip, docxLike, encryptedXlsx, oldXls } from '../../fixtures/xlsx/make';

async function validXlsx(): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  const sheet = await wb.addSheet('表');
  await wb.applyPlan(sheet, buildSheetPlan(getFormat('2021')!, { year: 2023, organization: '某单位' }));
  return wb.toBuffer();
}

async function openError(bytes: Uint8Array | ArrayBuffer, name: string): Promise<WorkbookError> {
  try {
    await XlsxWorkbook.open(bytes, name);
  } catch (e) {
    if (e instanceof WorkbookError) return e;
    throw new Error(`not a WorkbookError: ${String(e)}`);
  }
  throw new Error('opened without error');
}

describe('bad input files', () => {
  const enc = new TextEncoder();
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, string, RegExp][] = [
    ['an empty file', () => new Uint8Array(0), 'empty-file', /空文件/],
    ['a CSV saved as .xlsx', () => enc.encode('自然人,商业企业\n1,2\n'), 'not-xlsx', /不是 Excel 工作簿（\.xlsx）.*文本文件/],
    ['an HTML table saved as .xls', () => enc.encode('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'not-xlsx', /网页/],
    ['an old .xls workbook (OLE, no encryption)', () => oldXls(), 'not-xlsx', /Excel 97-2003/],
    ['a password-protected .xlsx (OLE with EncryptionInfo)', () => encryptedXlsx(), 'encrypted', /密码/],
    ['a Word document renamed to .xlsx', () => docxLike(), 'corrupt', /Word 文档/],
    ['a zip with a broken workbook part', () => brokenWorkbookZip(), 'corrupt', /已损坏/],
    ['a truncated .xlsx (download broke off)', async () => (await validXlsx()).slice(0, 3000), 'corrupt', /不完整.*截断/],
  ];

  it.each(cases)('%s', async (_name, make, code, message) => {
    const err = await openError(await make(), '统计表.xlsx');
    expect(err.code).toBe(code);
    expect(err.data.file).toBe('统计表.xlsx');
    const text = describeError(err);
    expect(text).toMatch(message);
    expect(text).toContain('“统计表.xlsx”');
    expect(text).not.toMatch(/Error|at \w+ \(|undefined/);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const bytes = await validXlsx();
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await (await XlsxWorkbook.open(copy)).listSheets()).toEqual(['表']);
  });
});

describe('describeError', () => {
  it('names the sheet and the cells of a conflict', () => {
    const text = describeError(
      new WorkbookError('conflict', {
        sheet: '统计',
        cells: ['A1', 'B2', 'C3', 'D4', 'E5', 'F6'].map((address) => ({ sheet: '统计', address, value: 'x' })),
      }),
    );
    expect(text).toBe('工作表“统计”的 A1、B2、C3、D4、E5 等 6 个单元格已有内容，写入统计表会覆盖它们。请选择空白位置或新建工作表，或确认覆盖后再试。');
  });

  it('uses the file name given by the caller when the data has none, and explains io reasons', () => {
    expect(describeError(new WorkbookError('encrypted'), '/tmp/报表/a.xlsx')).toContain('文件“a.xlsx”设置了打开密码');
    expect(describeError(new WorkbookError('io', { file: 'b.xlsx', reason: 'missing' }))).toBe('无法读取文件“b.xlsx”：文件不存在，请检查路径和文件名。');
    expect(describeError(new WorkbookError('io', { file: 'b.xlsx', reason: 'EBUSY', op: 'write' }))).toContain('无法写入文件“b.xlsx”：文件正被其他程序占用');
    expect(describeError(new WorkbookError('no-sheet', { sheet: '表三' }))).toBe('工作簿中没有名为“表三”的工作表。');
    expect(describeError(new WorkbookError('no-tables', { file: 'c.xlsx' }))).toMatch(/^文件“c\.xlsx”中没有找到政府信息公开年报统计表/);
    expect(describeError(new WorkbookError('corrupt', { file: 'last.json', detail: '缺少 year' }))).toBe('文件“last.json”不是有效的年报数据文件（report.json）：缺少 year。');
  });
});
