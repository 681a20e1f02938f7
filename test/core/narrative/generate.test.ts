import { getFormat, SECTIONS } from '../../../src/core/formats';
import { TABLE_IDS } from '../../../src/core/formats/types';
import { plainLabel } from '../../../src/core/formats/vocabulary';
import { generateReport } from '../../../src/core/narrative/generate';
import { defaultProfile, inferOrgType } from '../../../src/core/narrative/profile';
import { formatNumber } from '../../../src/core/narrative/figures';
import type { ParagraphBlock, ReportDocument } from '../../../src/core/narrative/types';
import { renderText } from '../../../src/core/render/text';
import { countyData2023, countyProfile2023, kuquanData, kuquanProfile } from './fixtures';

const paragraphs = (doc: ReportDocument, section: number): string[] =>
  doc.sections[section].blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph').map((b) => b.text);
const sectionText = (doc: ReportDocument, section: number): string =>
  doc.sections[section].blocks.map((b) => (b.kind === 'table' ? `[${b.table}]` : b.text)).join('\n');

describe('generateReport: the published 2020 report of 哭泉镇 (format 2019, all figures 0)', () => {
  const data = kuquanData();
  const doc = generateReport(data, kuquanProfile(data));

  it('has the six official sections in order, with the tables in 二, 三 and 四', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual(SECTIONS);
    expect(doc.sections.map((s) => s.blocks.filter((b) => b.kind === 'table').map((b) => (b.kind === 'table' ? b.table : '')))).toEqual([
      [], ['table2'], ['table3'], ['table4'], [], [],
    ]);
    expect(doc.title).toBe('哭泉镇人民政府2020年政府信息公开工作年度报告');
  });

  it('carries every value cell of the three tables, at its position, with the official labels', () => {
    const f = getFormat('2019')!;
    for (const id of TABLE_IDS) {
      const t = doc.tables[id];
      const values = t.cells.flat().filter((c) => c.kind === 'value');
      expect(values).toHaveLength(f.tables[id].values.length);
      for (const v of f.tables[id].values) {
        const cell = values.find((c) => c.r === v.r && c.c === v.c)!;
        expect(cell.ref).toEqual({ table: id, row: v.row, col: v.col });
        expect(cell.text).toBe('0');
      }
      const labels = t.cells.flat().filter((c) => c.kind === 'label').map((c) => c.text);
      expect(labels).toEqual(f.tables[id].labels.slice().sort((a, b) => a.r - b.r || a.c - b.c).map((l) => l.text));
    }
    expect(doc.pending).toEqual([]);
  });

  it('states the figures of section 一 as the sample does', () => {
    const s1 = sectionText(doc, 0);
    expect(s1).toContain('2020年，哭泉镇人民政府共主动公开政府信息65条，主要通过县政府网站、微信公众号“哭泉发布”、镇村两级政务公开栏予以公开。');
    expect(s1).toContain('本年度未收到政府信息公开申请');
    expect(s1).toContain('本年度未发生政府信息公开行政复议、行政诉讼案件。');
    expect(s1).not.toMatch(/\d+件/); // no application or case figure is written for a year without any
    for (const h of ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']) {
      expect(s1).toContain(h);
    }
  });

  it('names the 统计期限 of the reporting year and no placeholder remains', () => {
    expect(doc.preamble[0].text).toContain('自2020年1月1日起至2020年12月31日止');
    expect(renderText(doc)).not.toMatch(/XX|××|待补充|待填写|待核实|TODO/);
    expect(doc.missing).toEqual([]);
  });

  it('2019 format: no 信息处理费 sentence; 六 is “无。” when nothing else is reported', () => {
    expect(paragraphs(doc, 5)).toEqual(['无。']);
  });

  it('is deterministic', () => {
    const again = generateReport(kuquanData(), kuquanProfile());
    expect(again).toEqual(doc);
    expect(renderText(again)).toBe(renderText(doc));
  });
});

describe('generateReport: a 2021-format county government report with figures', () => {
  const data = countyData2023();
  const doc = generateReport(data, countyProfile2023(data));
  const s1 = sectionText(doc, 0);

  it('states applications by applicant type, 法人或其他组织 as the sum of its five columns with its few parts', () => {
    expect(s1).toContain('本年度共收到政府信息公开申请13件，其中自然人申请10件、法人或其他组织申请3件（商业企业2件、其他1件），上年结转1件。');
  });

  it('states 办结 and 结转, then the results with shares, largest first, a single reason folded in', () => {
    expect(s1).toContain('本年度办结政府信息公开申请13件，另有1件结转下年度继续办理，【待填写：是否均在法定期限内答复（填“是”，或写明超期情况）】。');
    expect(s1).toContain(
      '从办理结果看，予以公开及部分公开7件（予以公开6件、部分公开1件），占53.8%；无法提供4件（本机关不掌握相关政府信息），占30.8%；' +
        '不予公开1件（属于四类过程性信息），占7.7%；不予处理1件（重复申请），占7.7%。',
    );
  });

  it('says 均在法定期限内予以答复, or writes the clerk’s explanation', () => {
    const p = countyProfile2023(data);
    p.timeLimit = { allOnTime: true, explanation: '' };
    expect(sectionText(generateReport(data, p), 0)).toContain('另有1件结转下年度继续办理，均在法定期限内予以答复。');
    p.timeLimit = { allOnTime: false, explanation: '其中1件因需征求第三方意见延期答复' };
    const text = sectionText(generateReport(data, p), 0);
    expect(text).toContain('另有1件结转下年度继续办理。其中1件因需征求第三方意见延期答复。从办理结果看');
    expect(text).not.toContain('法定期限内予以答复');
  });

  it('states review and litigation from table 四 as outcomes', () => {
    expect(s1).toContain('本年度发生政府信息公开行政复议2件，其中结果维持1件、尚未审结1件。行政诉讼1件（均为未经复议直接起诉），均获维持。');
  });

  it('states table 二 in plain nouns, zero figures left out, amounts in 万元', () => {
    expect(s1).toContain('本年制发行政规范性文件3件，废止1件，现行有效25件，作出行政许可决定120件、行政处罚决定8件，行政事业性收费金额1.25万元。');
    expect(s1).not.toMatch(/规章\d|行政强制决定/);
  });

  it('states the change from last year where last year’s figures are known', () => {
    const prev = countyData2023();
    prev.year = 2022;
    prev.table3.new_received = { ...prev.table3.new_received, total: 5 };
    prev.table3.total_processed = { ...prev.table3.total_processed, total: 20 };
    prev.table4.admin_review = { ...prev.table4.admin_review, total: 2 };
    prev.table4.litigation_direct = { ...prev.table4.litigation_direct, total: 0 };
    const text = sectionText(generateReport(data, countyProfile2023(data), { previous: prev }), 0);
    expect(text).toContain('共收到政府信息公开申请13件，较上年增加8件，增长160.0%，');
    expect(text).toContain('办结政府信息公开申请13件，较上年减少7件，下降35.0%，');
    expect(text).toContain('行政复议2件，与上年持平，');
    // from 0: the increase without a rate
    expect(text).toContain('行政诉讼1件（均为未经复议直接起诉），较上年增加1件，均获维持。');
    // figures of another year than the one before are not compared
    prev.year = 2020;
    expect(sectionText(generateReport(data, countyProfile2023(data), { previous: prev }), 0)).not.toContain('较上年');
  });

  it('writes a total whose parts are blank as 待核实, never 0', () => {
    const d = countyData2023();
    d.table3.new_received = { ...d.table3.new_received, natural_person: null, total: 3 };
    const text = sectionText(generateReport(d, countyProfile2023(d)), 0);
    expect(text).toContain('共收到政府信息公开申请【待核实】件');
    expect(text).not.toContain('申请3件，');
  });

  it('section 六 states the 信息处理费 and the items governments report', () => {
    const s6 = sectionText(doc, 5);
    expect(s6).toContain('（一）信息处理费收取情况\n本年度未收取信息处理费。');
    expect(s6).toContain('（二）落实上级年度政务公开工作要点情况');
    expect(s6).toContain('（三）人大代表建议和政协提案办理结果公开情况');
    expect(s6).toContain('（四）年度政务公开工作创新情况');
    expect(s1).toContain(countyProfile2023().text.assessment);
  });

  it('writes a charged 信息处理费 in 元 with the number of applications', () => {
    const p = countyProfile2023();
    p.processingFee = { cases: 2, amountYuan: 150.5 };
    expect(sectionText(generateReport(data, p), 5)).toContain('对2件政府信息公开申请收取信息处理费，共计150.5元。');
    p.processingFee = { cases: null, amountYuan: 300 };
    expect(sectionText(generateReport(data, p), 5)).toContain('收取信息处理费共计300元。');
  });

  it('marks inputs not given yet as 待填写 and lists them', () => {
    const p = defaultProfile(data, 'department');
    p.text.problems = '';
    const d = generateReport(data, p);
    expect(sectionText(d, 0)).toContain('共主动公开政府信息【待填写：主动公开政府信息条数（条）】条');
    expect(paragraphs(d, 5)[0]).toBe('【待填写：信息处理费收取情况】。');
    expect(paragraphs(d, 4)).toEqual(['【待填写：存在的主要问题及改进情况】']);
    expect(d.missing).toEqual(['主动公开政府信息条数（条）', '是否均在法定期限内答复（填“是”，或写明超期情况）', '信息处理费金额（元）', '存在的主要问题及改进情况']);
    // a department reports no government-only items
    expect(sectionText(d, 5)).not.toContain('落实上级年度政务公开工作要点情况');
  });

  it('writes text cells and blanks as 待核实 instead of a number, and lists them', () => {
    const d = countyData2023();
    d.table3.new_received.natural_person = '无';
    d.table4.admin_review.total = null;
    const out = generateReport(d, countyProfile2023(d));
    const text = sectionText(out, 0);
    expect(text).toContain('其中自然人申请【待核实】件');
    expect(text).toContain('共收到政府信息公开申请【待核实】件');
    expect(text).toContain('行政复议【待核实】件');
    expect(out.pending.map((p) => [p.ref.row, p.ref.col, p.value])).toEqual([
      ['new_received', 'natural_person', '无'],
      ['admin_review', 'total', null],
    ]);
    expect(out.pending[0].where).toBe('表三“一、本年新收政府信息公开申请数量”·“自然人”');
    const cell = out.tables.table3.cells.flat().find((c) => c.ref?.row === 'new_received' && c.ref.col === 'natural_person')!;
    expect(cell).toMatchObject({ text: '无', pending: true });
  });

  it('says 法人或其他组织 is 待核实 when one of its five columns is text', () => {
    const d = countyData2023();
    d.table3.new_received.research_institution = '—';
    expect(sectionText(generateReport(d, countyProfile2023(d)), 0)).toContain('法人或其他组织申请【待核实】件');
  });
});

describe('helpers', () => {
  it('formats counts, signed changes and amounts as published', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(2, 'signed')).toBe('+2');
    expect(formatNumber(-3, 'signed')).toBe('-3');
    expect(formatNumber(0, 'signed')).toBe('0');
    expect(formatNumber(1.25, 'amount')).toBe('1.25');
    expect(formatNumber(0.1 + 0.2, 'amount')).toBe('0.3');
    expect(formatNumber(1234.5678, 'amount')).toBe('1234.5678');
    expect(formatNumber(100, 'amount')).toBe('100');
  });

  it('shortens outcome labels', () => {
    expect(plainLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开');
    expect(plainLabel('1.属于国家秘密')).toBe('属于国家秘密');
    expect(plainLabel('3.危及“三安全一稳定”')).toBe('危及“三安全一稳定”');
  });

  it('infers the type of body from its name', () => {
    expect(inferOrgType('哭泉镇人民政府')).toBe('township');
    expect(inferOrgType('某某街道办事处')).toBe('township');
    expect(inferOrgType('某某县人民政府')).toBe('government');
    expect(inferOrgType('某某县人民政府办公室')).toBe('department');
    expect(inferOrgType('某某市生态环境局')).toBe('department');
  });
});
