import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { getFormat } from '../../src/core/formats';
import { emptyReport } from '../../src/core/model/report';
import { run, tmpDir } from './helpers';

const SAMPLE = path.join(__dirname, '../../samples/kuquan-2020.json');

describe('nianbao init / export / fill / check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
  });

  it('init writes a workbook whose export is the blank report of the year\'s format', async () => {
    const out = path.join(dir, 'blank.xlsx');
    const r = await run('init', '--year', '2023', '--org', '某某县人民政府办公室', '-o', out);
    expect(r.code).toBe(0);
    const e = await run('export', out);
    expect(e.code).toBe(0);
    const data = JSON.parse(e.out);
    expect(data.format).toBe('2021');
    expect(data.year).toBe(2023);
    expect(data.organization).toBe('某某县人民政府办公室');
    // value cells are blank; totals are formulas over blanks (0)
    expect(data.table3.new_received.natural_person).toBeNull();
    expect(data.table3.new_received.total).toBe(0);
  });

  it('init --data fills the sample and check passes with exit 0', async () => {
    const out = path.join(dir, 'kuquan.xlsx');
    expect((await run('init', '--data', SAMPLE, '-o', out)).code).toBe(0);
    const c = await run('check', out);
    expect(c.err).toBe('');
    expect(c.code).toBe(0);
    expect(c.out).toContain('错误 0 项');
    // the report text still lacks the 主动公开 count: a warning pointing at its input cell
    expect(c.out).toMatch(/NARR-PLACEHOLDER\] 报告正文!B\d+/);
    const e = await run('export', out);
    expect(JSON.parse(e.out)).toEqual(JSON.parse(await fs.readFile(SAMPLE, 'utf8')));
  });

  it('refuses to overwrite an existing output file', async () => {
    const out = path.join(dir, 'exists.xlsx');
    await fs.writeFile(out, 'keep me');
    const r = await run('init', '--year', '2022', '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('已存在');
    expect(await fs.readFile(out, 'utf8')).toBe('keep me');
  });

  it('check reports a broken balance with the cell address and exit 1', async () => {
    const out = path.join(dir, 'broken.xlsx');
    const data = emptyReport(getFormat('2021')!, 2023, '某某县人民政府办公室', 0);
    data.table3.new_received.natural_person = 5;
    data.table3.granted.natural_person = 5;
    data.table3.new_received.total = 5;
    data.table3.granted.total = 5;
    data.table3.total_processed.natural_person = 5;
    data.table3.total_processed.total = 5;
    data.table3.carried_forward.natural_person = 1; // breaks 一+二 = 三+四 in 自然人 and its row total
    const json = path.join(dir, 'broken.json');
    await fs.writeFile(json, JSON.stringify(data));
    expect((await run('init', '--data', json, '--manual-totals', '-o', out)).code).toBe(0);
    const c = await run('check', out, '--json');
    expect(c.code).toBe(1);
    const {
      files: [file],
    } = JSON.parse(c.out);
    // one cause (D28), one finding: the balance may be a consequence (“…列不平衡…”) folded into the row total's finding
    type F = { id: string; consequences?: string[] };
    const isBalance = (f: F): boolean => f.id === 'T3-BALANCE' || !!f.consequences?.some((l) => l.includes('“自然人”列不平衡'));
    expect(file.findings.some(isBalance)).toBe(true);
    const balance = file.findings.find(isBalance);
    expect(balance.likely.address).toMatch(/^D\d+$/);
    expect(balance.difference).not.toBe(0);
    const addrs = balance.cells.map((c: { address: string }) => c.address);
    expect(addrs.length).toBeGreaterThanOrEqual(4);
    expect(balance.message).toMatch(/[A-J]\d+/);
  });

  it('fill writes JSON values into an existing workbook and keeps other sheets', async () => {
    const out = path.join(dir, 'fill.xlsx');
    expect((await run('init', '--year', '2020', '-o', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.addWorksheet('备注').getCell('A1').value = '我的备注';
    await wb.xlsx.writeFile(out);
    expect((await run('fill', out, '--data', SAMPLE)).code).toBe(0);
    const back = JSON.parse((await run('export', out)).out);
    expect(back.table2).toEqual(JSON.parse(await fs.readFile(SAMPLE, 'utf8')).table2);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(out);
    expect(wb2.getWorksheet('备注')!.getCell('A1').value).toBe('我的备注');
  });
});

describe('bad files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tmpDir();
  });

  const cases: [string, () => Promise<Buffer>, RegExp][] = [
    ['empty file', async () => Buffer.alloc(0), /空/],
    ['text file', async () => Buffer.from('这不是工作簿'), /不是.*(Excel|xlsx)/],
    ['corrupt zip', async () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), /(损坏|不完整|无法.*读取|不是)/],
    [
      'password-protected',
      async () => {
        const b = Buffer.alloc(2048);
        Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(b, 0);
        Buffer.from('EncryptionInfo', 'utf16le').copy(b, 1024);
        return b;
      },
      /密码/,
    ],
    [
      'workbook without report tables',
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Sheet1').getCell('B2').value = '工资表';
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
      /没有找到/,
    ],
  ];

  it.each(cases)('%s: one clear Chinese line naming the file, exit 2, input unchanged', async (_name, make, pattern) => {
    const file = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.xlsx`);
    const bytes = await make();
    await fs.writeFile(file, bytes);
    for (const argv of [['check', file], ['export', file], ['fill', file, '--data', SAMPLE], ['report', file, '-o', path.join(dir, 'x.txt')]]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(pattern);
      expect(r.err).toContain(path.basename(file));
      expect(r.err.split('\n').length).toBeLessThanOrEqual(2);
      expect(r.err).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    expect(Buffer.compare(await fs.readFile(file), bytes)).toBe(0);
  });

  it('check of several files: exit 2 when one is unreadable, the others are still checked', async () => {
    const good = path.join(dir, 'good.xlsx');
    expect((await run('init', '--data', SAMPLE, '-o', good)).code).toBe(0);
    const bad = path.join(dir, 'bad.xlsx');
    await fs.writeFile(bad, 'nope');
    const r = await run('check', good, bad);
    expect(r.code).toBe(2);
    expect(r.out).toContain('good.xlsx');
    expect(r.out).toContain('错误 0 项');
    expect(r.err).toContain('bad.xlsx');
  });

  it('unknown commands and options give a usage line and exit 2', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    const r = await run('check', '--bogus');
    expect(r.code).toBe(2);
    expect(r.err).toContain('参数有误');
  });

  it('--help prints Chinese help for each command', async () => {
    for (const c of ['init', 'check', 'export', 'fill', 'report', 'import']) {
      const r = await run(c, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`nianbao ${c}`);
    }
  });
});

describe('fill with data of the other format', () => {
  it('refuses with a message naming both formats and leaves the workbook unchanged', async () => {
    const dir = await tmpDir();
    const book = path.join(dir, 'f2021.xlsx');
    expect((await run('init', '--year', '2023', '-o', book)).code).toBe(0);
    const before = await fs.readFile(book);
    const r = await run('fill', book, '--data', SAMPLE);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2021');
    expect(r.err).toContain('2019');
    expect(Buffer.compare(await fs.readFile(book), before)).toBe(0);
  });
});
