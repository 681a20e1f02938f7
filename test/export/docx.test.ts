/**
 * The .docx is checked as Word XML (page, fonts, merges) and by what a real word processor makes of it:
 * LibreOffice converts it to PDF, pdftotext reads the text back, pdftoppm renders the pages
 * (kept in the temp dir printed below for looking at them).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { generateReport } from '../../src/core/narrative/generate';
import { renderDocx } from '../../src/export/docx';
import { countyData2023, countyProfile2023, kuquanData, kuquanProfile } from '../core/narrative/fixtures';

const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-docx-'));
console.log(`PDF pages for looking at: ${dir}`);

function unzipEntry(file: string, entry: string): string {
  return execFileSync('unzip', ['-p', file, entry], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function toPdf(file: string): string {
  const profile = `file://${mkdtempSync(path.join(tmpdir(), 'lo-'))}`;
  execFileSync('soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return file.replace(/\.docx$/, '.pdf');
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('renderDocx', () => {
  const data = countyData2023();
  const doc = generateReport(data, countyProfile2023(data));
  let file: string;
  let xml: string;
  let stylesXml: string;

  beforeAll(async () => {
    const bytes = await renderDocx(doc);
    expect(bytes).toBeInstanceOf(Uint8Array);
    file = path.join(dir, 'county-2023.docx');
    writeFileSync(file, bytes);
    xml = unzipEntry(file, 'word/document.xml');
    stylesXml = unzipEntry(file, 'word/styles.xml');
  });

  it('sets A4 and the GB/T 9704 margins (37/35/28/26 mm)', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    const attr = (n: string) => Number(new RegExp(`w:${n}="(\\d+)"`).exec(mar)![1]);
    const mm = (twips: number) => (twips / 1440) * 25.4;
    expect(mm(attr('top'))).toBeCloseTo(37, 0);
    expect(mm(attr('bottom'))).toBeCloseTo(35, 0);
    expect(mm(attr('left'))).toBeCloseTo(28, 0);
    expect(mm(attr('right'))).toBeCloseTo(26, 0);
  });

  /**
   * What a word processor applies to the run holding `text`: the run's own properties, then its paragraph's,
   * then the paragraph style and the styles it is based on, then the document defaults.
   */
  function effective(text: string) {
    const i = xml.indexOf(`>${text}<`);
    expect(i).toBeGreaterThan(0);
    const pStart = xml.lastIndexOf('<w:p>', i);
    const pPr = /^<w:p><w:pPr>([\s\S]*?)<\/w:pPr>/.exec(xml.slice(pStart, i))?.[1] ?? '';
    const runStart = xml.lastIndexOf('<w:r>', i);
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml.slice(runStart, i))?.[1] ?? '';
    const layers = [rPr + pPr]; // run and paragraph properties given on the element itself
    let id = /<w:pStyle w:val="([^"]+)"\/>/.exec(pPr)?.[1] ?? 'Normal';
    for (let guard = 0; id && guard < 10; guard++) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(stylesXml);
      expect(style).not.toBeNull();
      layers.push(style![1]);
      id = /<w:basedOn w:val="([^"]+)"\/>/.exec(style![1])?.[1] ?? '';
    }
    layers.push(/<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(stylesXml)![1]);
    const first = (re: RegExp) => {
      for (const l of layers) {
        const m = re.exec(l);
        if (m) return m[1];
      }
      return undefined;
    };
    const line = first(/<w:spacing [^>]*w:line="([^"]+)"/);
    return {
      eastAsia: first(/<w:rFonts [^>]*w:eastAsia="([^"]+)"/),
      size: Number(first(/<w:sz w:val="(\d+)"\/>/)),
      keepNext: layers.some((l) => l.includes('<w:keepNext/>')),
      firstLine: first(/<w:ind [^>]*w:firstLine="([^"]+)"/),
      line: line === undefined ? undefined : Number(line),
      lineRule: first(/<w:spacing [^>]*w:lineRule="([^"]+)"/),
      jc: first(/<w:jc w:val="([^"]+)"\/>/),
    };
  }

  it('uses the 公文 fonts and sizes: title 方正小标宋简体 22 pt, body 仿宋_GB2312 16 pt, 黑体 / 楷体_GB2312 headings, tables 10.5 pt', () => {
    expect(effective('某某县人民政府')).toMatchObject({ eastAsia: '方正小标宋简体', size: 44, jc: 'center' });
    expect(effective('一、总体情况')).toMatchObject({ eastAsia: '黑体', size: 32 });
    expect(effective('（一）主动公开')).toMatchObject({ eastAsia: '楷体_GB2312', size: 32 });
    // headings are kept with what follows (no heading alone at the foot of a page)
    expect(effective('六、其他需要报告的事项').keepNext).toBe(true);
    expect(effective('（一）主动公开').keepNext).toBe(true);
    expect(effective('申请人情况')).toMatchObject({ eastAsia: '仿宋_GB2312', size: 21, jc: 'center' });
    expect(effective('法人或其他组织')).toMatchObject({ eastAsia: '仿宋_GB2312', size: 21 });
    expect(effective('行政规范性文件')).toMatchObject({ eastAsia: '仿宋_GB2312', size: 21, jc: 'left' });
    // body: 仿宋_GB2312 16 pt, first line indented by 2 characters of 16 pt, exact line spacing of about 28–29 pt
    const body = xml.slice(xml.indexOf('>本年度共收到政府信息公开申请') + 1, xml.indexOf('<', xml.indexOf('>本年度共收到政府信息公开申请') + 1));
    const b = effective(body);
    expect(b).toMatchObject({ eastAsia: '仿宋_GB2312', size: 32, firstLine: '640', lineRule: 'exact', keepNext: false });
    expect(b.line! / 20).toBeGreaterThanOrEqual(28);
    expect(b.line! / 20).toBeLessThanOrEqual(29);
  });

  it('draws every table with single black borders on all edges, and writes whole numbers where Word expects them', () => {
    const tables = xml.split('<w:tbl>').slice(1);
    expect(tables).toHaveLength(3);
    for (const t of tables) {
      const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(t)![1];
      for (const edge of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
        expect(borders).toMatch(new RegExp(`<w:${edge} w:val="single" w:color="000000" w:sz="4"/>`));
      }
    }
    // twips, half-points and eighths of a point are integers in WordprocessingML (Word rejects “694.8”)
    for (const part of [xml, stylesXml]) expect(part.match(/w:[a-zA-Z]+="-?\d+\.\d+"/g) ?? []).toEqual([]);
  });

  it('defines every style the document, its footers and its notes name, and marks Normal as the default paragraph style', () => {
    const defined = new Set([...stylesXml.matchAll(/<w:style [^>]*w:styleId="([^"]+)"/g)].map((m) => m[1]));
    const parts = [xml, ...['word/footnotes.xml', 'word/endnotes.xml', 'word/footer1.xml', 'word/footer2.xml'].map((p) => unzipEntry(file, p))];
    const named = new Set(parts.flatMap((part) => [...part.matchAll(/<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"\/>/g)].map((m) => m[1])));
    expect(named.size).toBeGreaterThanOrEqual(6);
    for (const id of named) expect(defined).toContain(id);
    for (const m of stylesXml.matchAll(/<w:basedOn w:val="([^"]+)"\/>/g)) expect(defined).toContain(m[1]);
    expect(stylesXml).toMatch(/<w:style w:type="paragraph" w:styleId="Normal" w:default="1">/);
  });

  it('merges the table headers (gridSpan / vMerge) and puts “— n —” page numbers on odd and even pages', () => {
    expect(xml).toMatch(/<w:gridSpan w:val="7"\/>/); // 申请人情况
    expect(xml).toMatch(/<w:gridSpan w:val="10"\/>/); // 行政诉讼
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(unzipEntry(file, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter((n) => /footer\d+\.xml$/.test(n));
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      const fx = unzipEntry(file, f);
      expect(fx).toContain('— ');
      expect(fx).toContain('PAGE');
    }
  });

  it('opens in a word processor: the PDF has the title, the six headings and the table texts', () => {
    const pdf = toPdf(file);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squash('某某县人民政府'));
    expect(text).toContain(squash('2023年政府信息公开工作年度报告'));
    for (const s of doc.sections) expect(text).toContain(squash(s.heading));
    // labels that fit their cell on one line, and whole rows: label followed by its values in order
    for (const t of ['第二十条第（一）项', '本年处理决定数量', '行政规范性文件3125', '申请人情况', '法人或其他组织',
      '一、本年新收政府信息公开申请数量102000113', '二、上年结转政府信息公开申请数量1000001', '1.属于国家秘密0000000',
      '6.属于四类过程性信息1000001', '四、结转下年度继续办理', '未经复议直接起诉', '复议后起诉', '100121000100000',
      '本年度共收到政府信息公开申请13件']) {
      expect(text).toContain(squash(t));
    }
    expect(text).toContain('—1—');
    expect(text).toContain('—2—');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, 'county')]);
  });

  it('is deterministic apart from the timestamps: the same document XML for the same report', async () => {
    const again = path.join(dir, 'county-2023-again.docx');
    writeFileSync(again, await renderDocx(generateReport(data, countyProfile2023(data))));
    expect(unzipEntry(again, 'word/document.xml')).toBe(xml);
    expect(unzipEntry(again, 'word/styles.xml')).toBe(unzipEntry(file, 'word/styles.xml'));
  });

  it('the 2019-format sample converts too, with its 采购总金额 note and 15 table-四 values', async () => {
    const d = kuquanData();
    const f = path.join(dir, 'kuquan-2020.docx');
    writeFileSync(f, await renderDocx(generateReport(d, kuquanProfile(d))));
    const text = squash(execFileSync('pdftotext', [toPdf(f), '-'], { encoding: 'utf8' }));
    expect(text).toContain('注：采购总金额单位为万元。');
    expect(text).toContain('本年度未收到政府信息公开申请');
    expect(text).toContain(squash('哭泉镇人民政府2020年政府信息公开工作年度报告'));
    expect(text).toContain('0'.repeat(15)); // table 四's value row
  });
});

/** The lines of each page of a PDF as pdftotext lays them out, spaces removed, page number lines dropped. */
function pageLines(pdf: string): string[][] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  const out: string[][] = [];
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
    out.push(text.split('\n').map(squash).filter((l) => l && !/^—\d+—$/.test(l)));
  }
  return out;
}

describe('renderDocx: the GB/T 9704 page (28 characters a line, 22 lines a page), fonts, 落款', () => {
  // a long paragraph of full-width characters only (no digits or Latin letters, which are narrower)
  const LONG = '本机关将进一步健全政府信息公开工作机制加强业务培训丰富政策解读形式不断提升政府信息公开工作质量'.repeat(40);
  const data = countyData2023();
  const profile = countyProfile2023(data);
  profile.text.problems = LONG;
  profile.signature = { unit: '某某县人民政府办公室', date: '2024年1月20日' };
  let file: string;
  let pages: string[][];

  beforeAll(async () => {
    file = path.join(dir, 'grid.docx');
    writeFileSync(file, await renderDocx(generateReport(data, profile)));
    const pdf = toPdf(file);
    pages = pageLines(pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, 'grid')]);
  });

  it('declares a linesAndChars grid of 28 characters and 22 lines, and a font table with stock fallbacks', () => {
    const xml = unzipEntry(file, 'word/document.xml');
    const grid = /<w:docGrid ([^>]*)\/>/.exec(xml)![1];
    expect(grid).toContain('w:type="linesAndChars"');
    const pitch = Number(/w:linePitch="(\d+)"/.exec(grid)![1]);
    const charSpace = Number(/w:charSpace="(-?\d+)"/.exec(grid)![1]);
    // type area 225 mm × 156 mm (16838 − 37 mm − 35 mm; 11906 − 28 mm − 26 mm, in twips)
    const height = 16838 - Math.round((37 * 1440) / 25.4) - Math.round((35 * 1440) / 25.4);
    const width = 11906 - Math.round((28 * 1440) / 25.4) - Math.round((26 * 1440) / 25.4);
    expect(Math.floor(height / pitch)).toBe(22);
    expect(Math.floor(width / 20 / (16 + charSpace / 4096))).toBe(28);
    const fonts = unzipEntry(file, 'word/fontTable.xml');
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    expect(fonts).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    expect(unzipEntry(file, 'word/_rels/document.xml.rels')).toContain('Target="fontTable.xml"');
  });

  it('in LibreOffice’s PDF a full body line holds 28 characters and a page of text 22 lines', () => {
    const lines = pages.flat().filter((l) => LONG.includes(l) && l.length > 3);
    expect(lines.length).toBeGreaterThan(40);
    // every line of the paragraph but its first (indented) and its last is full
    const full = lines.slice(1, -1);
    expect(full.every((l) => l.length === 28)).toBe(true);
    expect(lines[0].length).toBe(26);
    // a page holding nothing but this paragraph: 22 lines
    const inner = pages.filter((p) => p.length > 0 && p.every((l) => LONG.includes(l)));
    expect(inner.length).toBeGreaterThan(0);
    for (const p of inner) expect(p).toHaveLength(22);
  });

  it('writes the 落款 (unit and date) at the end, the date right', () => {
    const last = pages[pages.length - 1];
    expect(last.slice(-2)).toEqual(['某某县人民政府办公室', '2024年1月20日']);
  });
});

describe('renderDocx: no heading or table group label alone at the foot of a page', () => {
  // headings and labels that must never end a page: section headings, 二级标题 (no figures: a table row has them),
  // table-二 group labels, table headers
  const isHeading = (l: string) =>
    /^[一二三四五六]、/.test(l) || /^（[一二三四五六七八]）[^，。；\d]{0,30}$/.test(l) || /^第二十条第（[一二三四五六七八九]）项$/.test(l) || /^信息内容/.test(l);
  it.each([
    ['2019 sample, text of several lengths', '2019', 0],
    ['2019 sample, text of several lengths', '2019', 9],
    ['2021 county', '2021', 5],
  ])('%s (%s, shift %i)', (_name, format, shift) => {
    const d = format === '2019' ? kuquanData() : countyData2023();
    const p = format === '2019' ? kuquanProfile(d) : countyProfile2023(d);
    // paragraphs of varying length move the page breaks onto headings and table 二's group labels
    const filler = '本单位进一步规范政府信息公开工作流程，明确责任分工，加强监督检查。';
    p.text.overview = filler.repeat(3 + shift);
    p.text.platform = filler.repeat(2 + ((shift * 3) % 7));
    p.text.supervision = filler.repeat(1 + ((shift * 5) % 6));
    return renderDocx(generateReport(d, p)).then((bytes) => {
      const f = path.join(dir, `keep-${format}-${shift}.docx`);
      writeFileSync(f, bytes);
      const pdf = toPdf(f);
      const pages = pageLines(pdf);
      execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(dir, `keep-${format}-${shift}`)]);
      expect(pages.length).toBeGreaterThan(3);
      for (const page of pages.slice(0, -1)) expect(isHeading(page[page.length - 1])).toBe(false);
    });
  });
});
