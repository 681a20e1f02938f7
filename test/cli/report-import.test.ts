/** Issue 4 and 5 through the command line: report, import, last year's figures, text against tables. */
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { getFormat } from '../../src/core/formats';
import { emptyReport } from '../../src/core/model/report';
import { run, tmpDir } from './helpers';

const SAMPLE_JSON = path.join(__dirname, '../../samples/kuquan-2020.json');
const SAMPLE_TXT = path.join(__dirname, '../fixtures/published/kuquan-2020.txt');

type F = { id: string; severity: string; cells: { sheet?: string; address?: string }[]; sentence?: string };

describe('nianbao report', () => {
  it('writes .txt, .html and .docx from a workbook, every table value included', async () => {
    const dir = await tmpDir();
    const book = path.join(dir, 'k.xlsx');
    expect((await run('init', '--data', SAMPLE_JSON, '-o', book)).code).toBe(0);
    for (const ext of ['txt', 'html', 'docx']) {
      const out = path.join(dir, `r.${ext}`);
      // the default 报告正文 lacks the inputs only the clerk knows: not written without --force
      const blocked = await run('report', book, '-o', out);
      expect(blocked.code).toBe(1);
      await expect(fs.stat(out)).rejects.toThrow();
      const r = await run('report', book, '-o', out, '--force');
      expect(r.code).toBe(0);
      expect((await fs.stat(out)).size).toBeGreaterThan(1000);
    }
    const txt = await fs.readFile(path.join(dir, 'r.txt'), 'utf8');
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(txt).toContain(h);
    }
    expect(txt).toContain('本年度未收到政府信息公开申请');
    const html = await fs.readFile(path.join(dir, 'r.html'), 'utf8');
    expect(html).toMatch(/<table[\s\S]*rowspan/);
    expect(html).not.toMatch(/<script/i);
    const docx = await fs.readFile(path.join(dir, 'r.docx'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });

  it('on a blank template: exit 1 naming the inputs to give and the blank cells, nothing written; --force writes 待核实, never 0', async () => {
    const dir = await tmpDir();
    const book = path.join(dir, 'blank.xlsx');
    expect((await run('init', '--year', '2023', '--org', '某某县人民政府办公室', '-o', book)).code).toBe(0);
    const out = path.join(dir, 'r.txt');
    const r = await run('report', book, '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('报告未生成');
    expect(r.err).toMatch(/尚未填写：主动公开政府信息条数（条）（报告正文!B\d+）/);
    expect(r.err).toMatch(/不是数字：表二“规章”·“本年制发件数”（年报统计表![A-Z]+\d+）/);
    expect(r.err).toMatch(/……另有 \d+ 项/);
    expect(r.err).toContain('--force');
    await expect(fs.stat(out)).rejects.toThrow();

    const forced = await run('report', book, '-o', out, '--force');
    expect(forced.code).toBe(0);
    expect(forced.err).toContain('【待核实】');
    const txt = await fs.readFile(out, 'utf8');
    // totals over blank cells are formulas showing 0 in the sheet: the text never says 0 for them
    expect(txt).toContain('共收到政府信息公开申请【待核实】件');
    expect(txt).not.toMatch(/申请0件/);
  });

  it('exit 1 when the tables have an error, with the cell; the HTML fragment with --fragment; the change from --previous', async () => {
    const dir = await tmpDir();
    const data = emptyReport(getFormat('2021')!, 2023, '某某县人民政府', 0);
    const row = (n: number) => ({ natural_person: n, commercial_enterprise: 0, research_institution: 0, social_welfare_org: 0, legal_service_org: 0, other_org: 0, total: n });
    data.table3.new_received = row(10);
    data.table3.granted = row(10);
    data.table3.total_processed = row(10);
    const json = path.join(dir, 'd.json');
    await fs.writeFile(json, JSON.stringify(data));
    const book = path.join(dir, 'b.xlsx');
    expect((await run('init', '--data', json, '--manual-totals', '-o', book)).code).toBe(0);
    // the clerk's inputs
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const ws = wb.getWorksheet('报告正文')!;
    ws.eachRow((r) => {
      const label = String(r.getCell(1).value ?? '');
      if (label.startsWith('主动公开政府信息条数')) r.getCell(2).value = 120;
      if (label.startsWith('是否均在法定期限内答复')) r.getCell(2).value = '是';
      if (label.startsWith('信息处理费金额')) r.getCell(2).value = 0;
      if (label.startsWith('落款单位')) r.getCell(2).value = '某某县人民政府办公室';
    });
    await wb.xlsx.writeFile(book);
    const prev = { ...emptyReport(getFormat('2021')!, 2022, '某某县人民政府', 0) };
    prev.table3.new_received = row(8);
    prev.table3.granted = row(8);
    prev.table3.total_processed = row(8);
    const prevJson = path.join(dir, 'p.json');
    await fs.writeFile(prevJson, JSON.stringify(prev));

    const frag = path.join(dir, 'f.html');
    const ok = await run('report', book, '--previous', prevJson, '--fragment', '-o', frag);
    expect(ok.code).toBe(0);
    expect(ok.err).not.toContain('报告未生成');
    // the default paragraphs are left: a hint, not a reason to hold the report back
    expect(ok.err).toContain('仍是默认草稿');
    expect(ok.out).toContain('正文中的较上年增减按 2022 年的数据计算。');
    const html = await fs.readFile(frag, 'utf8');
    expect(html).not.toMatch(/<html|<head|<h1/i);
    expect(html).toContain('共收到政府信息公开申请10件，较上年增加2件，增长25.0%');
    expect(html).toContain('均在法定期限内予以答复');

    // a typed total that disagrees with its parts
    await wb.xlsx.readFile(book);
    const sheet = wb.getWorksheet('年报统计表')!;
    let target: ExcelJS.Cell | undefined;
    sheet.eachRow((r) => {
      if (!String(r.getCell(1).value ?? '').startsWith('一、本年新收')) return;
      r.eachCell((c) => { if (c.value === 10) target = c; }); // the last 10 of the row: its 总计
    });
    expect(target).toBeDefined();
    target!.value = 11;
    await wb.xlsx.writeFile(book);
    const bad = await run('report', book, '-o', path.join(dir, 'bad.docx'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(new RegExp(`表格错误：.*年报统计表!${target!.address}`));
  });

  it('refuses an unknown output type', async () => {
    const dir = await tmpDir();
    const book = path.join(dir, 'k.xlsx');
    await run('init', '--data', SAMPLE_JSON, '-o', book);
    const r = await run('report', book, '-o', path.join(dir, 'r.pdf'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('.docx');
  });
});

describe('nianbao import', () => {
  it('reads the published sample into a 2019-format workbook whose figures equal the published ones', async () => {
    const dir = await tmpDir();
    const book = path.join(dir, 'imported.xlsx');
    const r = await run('import', SAMPLE_TXT, '-o', book);
    expect(r.code).toBe(0);
    const exported = JSON.parse((await run('export', book)).out);
    const expected = JSON.parse(await fs.readFile(SAMPLE_JSON, 'utf8'));
    expect(exported.format).toBe('2019');
    expect(exported.year).toBe(2020);
    expect(exported.table2).toEqual(expected.table2);
    expect(exported.table3).toEqual(expected.table3);
    expect(exported.table4).toEqual(expected.table4);
    // the published text is kept on 报告文本, and check reads it against the tables
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.getWorksheet('报告文本')!.getCell('A1').value).toContain('哭泉镇');
    const c = await run('check', book, '--json');
    const {
      files: [res],
    } = JSON.parse(c.out);
    expect(res.findings.filter((f: F) => f.id.startsWith('NARR') && f.severity === 'error')).toEqual([]);
    const json = path.join(dir, 'imported.json');
    expect((await run('import', SAMPLE_TXT, '-o', json)).code).toBe(0);
    expect(JSON.parse(await fs.readFile(json, 'utf8')).table3).toEqual(expected.table3);
  });
});

describe('last year\'s figures', () => {
  async function bookWith(dir: string, name: string, data: ReturnType<typeof emptyReport>, extra: string[] = []) {
    const json = path.join(dir, `${name}.json`);
    await fs.writeFile(json, JSON.stringify(data));
    const book = path.join(dir, `${name}.xlsx`);
    expect((await run('init', '--data', json, '--manual-totals', ...extra, '-o', book)).code).toBe(0);
    return book;
  }

  function year(y: number, forward: number, over: number) {
    const d = emptyReport(getFormat('2021')!, y, '某某县人民政府办公室', 0);
    // consistent: 新收 + 上年结转 = 办结 + 结转
    d.table3.carried_over.natural_person = over;
    d.table3.carried_over.total = over;
    d.table3.new_received.natural_person = 5;
    d.table3.new_received.total = 5;
    d.table3.granted.natural_person = 5 + over - forward;
    d.table3.granted.total = 5 + over - forward;
    d.table3.total_processed.natural_person = 5 + over - forward;
    d.table3.total_processed.total = 5 + over - forward;
    d.table3.carried_forward.natural_person = forward;
    d.table3.carried_forward.total = forward;
    return d;
  }

  it('a previous year whose 结转下年度 differs in one column gives exactly one XY-CARRY error naming both cells', async () => {
    const dir = await tmpDir();
    const last = year(2022, 2, 0);
    // last year's workbook says 2 carried forward by 自然人 but 3 in 总计 (its own total is off by one);
    // this year carries over 2 and 2: only the 总计 column disagrees across the years
    last.table3.carried_forward.total = 3;
    const lastBook = await bookWith(dir, 'y2022', last);
    const thisYear = await bookWith(dir, 'y2023', year(2023, 0, 2));
    const r = await run('check', thisYear, '--previous', lastBook, '--json');
    const {
      files: [res],
    } = JSON.parse(r.out);
    const carry = res.findings.filter((f: F) => f.id === 'XY-CARRY');
    expect(carry).toHaveLength(1);
    expect(carry[0].severity).toBe('error');
    const cells = carry[0].cells as { sheet: string; address: string }[];
    expect(cells).toHaveLength(2);
    expect(cells[0]).toMatchObject({ sheet: '年报统计表', address: expect.stringMatching(/^J\d+$/) });
    expect(cells[1]).toMatchObject({ sheet: '[y2022.xlsx]年报统计表', address: expect.stringMatching(/^J\d+$/) });
    expect(r.code).toBe(1);
  });

  it('init --previous prefills 上年结转 and keeps last year with the workbook for later checks', async () => {
    const dir = await tmpDir();
    const last = await bookWith(dir, 'y2022', year(2022, 2, 0));
    const book = path.join(dir, 'new.xlsx');
    expect((await run('init', '--year', '2023', '--previous', last, '-o', book)).code).toBe(0);
    const data = JSON.parse((await run('export', book)).out);
    expect(data.table3.carried_over.natural_person).toBe(2);
    expect(data.table3.carried_over.total).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.getWorksheet('上年数据')).toBeDefined();
    // change this year's carried-over figure: the kept figures catch it without --previous
    const ws = wb.worksheets.find((w) => w.name === '年报统计表')!;
    let hit = false;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value.startsWith('二、上年结转')) {
          const target = ws.getCell(Number(cell.row), 4);
          target.value = 7;
          hit = true;
        }
      }),
    );
    expect(hit).toBe(true);
    await wb.xlsx.writeFile(book);
    const r = await run('check', book, '--json');
    const {
      files: [res],
    } = JSON.parse(r.out);
    expect(res.findings.map((f: F) => f.id)).toContain('XY-CARRY');
  });
});

describe('report text against its tables', () => {
  it('a sentence typed on 报告正文 that contradicts table 三 is caught with the sentence quoted', async () => {
    const dir = await tmpDir();
    const d = emptyReport(getFormat('2021')!, 2023, '某某县人民政府办公室', 0);
    d.table3.new_received.natural_person = 2;
    d.table3.new_received.total = 2;
    d.table3.granted.natural_person = 2;
    d.table3.granted.total = 2;
    d.table3.total_processed.natural_person = 2;
    d.table3.total_processed.total = 2;
    const json = path.join(dir, 'd.json');
    await fs.writeFile(json, JSON.stringify(d));
    const book = path.join(dir, 'b.xlsx');
    expect((await run('init', '--data', json, '-o', book)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const ws = wb.getWorksheet('报告正文')!;
    let edited = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value === '依申请公开') {
        row.getCell(2).value = '本年度共收到政府信息公开申请3件，均已按时答复。';
        edited = true;
      }
    });
    expect(edited).toBe(true);
    await wb.xlsx.writeFile(book);
    const r = await run('check', book, '--json');
    const {
      files: [res],
    } = JSON.parse(r.out);
    const narr = res.findings.filter((f: F) => f.id === 'NARR-TABLE');
    expect(narr.length).toBeGreaterThan(0);
    expect(narr[0].sentence).toContain('收到政府信息公开申请3件');
    expect(narr[0].cells.some((c: F['cells'][0]) => c.address)).toBe(true);
    expect(r.code).toBe(1);
  });
});

describe('the installed command', () => {
  it('runs as bin/nianbao.js with exit codes (needs npm run build:cli, done by npm install)', () => {
    const bin = path.join(__dirname, '../../bin/nianbao.js');
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(out).toContain('nianbao init');
    let code = 0;
    try {
      execFileSync(process.execPath, [bin, 'check', '/nonexistent/x.xlsx'], { stdio: 'pipe' });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(2);
  });
});
