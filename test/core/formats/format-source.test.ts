/**
 * The format as the one source outside the tables: formatOf, the row and cell names every message
 * uses, the features that differ between formats, and the vocabulary the report generator writes and
 * the text checks read.
 */
import * as formats from '../../../src/core/formats';
import { FORMATS, formatOf, getFormat, TABLE_SHORT_NAMES } from '../../../src/core/formats';
import type { FormatDef, TableId } from '../../../src/core/formats/types';
import {
  APPLICANT_WORDS,
  PROCESSING_FEE,
  T2_ROW_WORDS,
  T3_RESULT_GROUPS,
  T3_WORDS,
  T4_FIELD_WORDS,
  T4_GROUP_WORDS,
  type QuantityWords,
} from '../../../src/core/formats/vocabulary';
import { emptyReport, type ReportData } from '../../../src/core/model/report';
import { defaultProfile, generateReport } from '../../../src/core/narrative';
import { checkNarrative } from '../../../src/core/narrative-check';
import { renderText } from '../../../src/core/render/text';

const F2019 = getFormat('2019')!;
const F2021 = getFormat('2021')!;
const F: Record<string, FormatDef> = { '2019': F2019, '2021': F2021 };

describe('formatOf: the format of a report’s data', () => {
  it.each([
    ['explicit 2019', { format: '2019', year: 2020 }, '2019'],
    ['explicit 2021', { format: '2021', year: 2023 }, '2021'],
    ['explicit id wins over the year (FORMAT-YEAR reports the mismatch)', { format: '2019', year: 2023 }, '2019'],
    ['explicit 2021 for 2020', { format: '2021', year: 2020 }, '2021'],
    ['no id, 2019', { year: 2019 }, '2019'],
    ['empty id, 2020', { format: '', year: 2020 }, '2019'],
    ['no id, 2021', { year: 2021 }, '2021'],
    ['no id, 2025', { year: 2025 }, '2021'],
    ['unknown id, 2020 → by year', { format: '2017', year: 2020 }, '2019'],
    ['unknown id, 2022 → by year', { format: 'zz', year: 2022 }, '2021'],
    ['before the first format', { year: 2018 }, '2019'],
    ['no year (0) → the newest', { format: '', year: 0 }, '2021'],
    ['negative year → the newest', { year: -1 }, '2021'],
    ['NaN year → the newest', { year: Number.NaN }, '2021'],
    ['fractional year → the newest', { year: 2020.5 }, '2021'],
  ])('%s', (_name, data, id) => {
    expect(formatOf(data).id).toBe(id);
  });
});

describe('row and cell names, worked out once in the format data', () => {
  const cell = (f: FormatDef, t: TableId, row: string, col = 'total') => {
    const vc = f.tables[t].values.find((v) => v.row === row && v.col === (t === 'table2' ? v.col : col));
    if (!vc) throw new Error(`${f.id} ${t} ${row}`);
    return vc;
  };

  it.each([
    // spec §4 / §7: the parent group and the sub-row, with the official punctuation
    ['2019', 'table3', 'denied_state_secret', '（三）不予公开 1.属于国家秘密', '（三）1.属于国家秘密'],
    ['2021', 'table3', 'denied_state_secret', '（三）不予公开 1.属于国家秘密', '（三）1.属于国家秘密'],
    ['2021', 'table3', 'denied_law_forbidden', '（三）不予公开 2.其他法律行政法规禁止公开', '（三）2.其他法律行政法规禁止公开'],
    ['2021', 'table3', 'denied_three_security_one_stability', '（三）不予公开 3.危及“三安全一稳定”', '（三）3.危及“三安全一稳定”'],
    ['2021', 'table3', 'unable_not_held', '（四）无法提供 1.本机关不掌握相关政府信息', '（四）1.本机关不掌握相关政府信息'],
    ['2021', 'table3', 'not_processed_repeat', '（五）不予处理 2.重复申请', '（五）2.重复申请'],
    [
      '2021',
      'table3',
      'other_fee_unpaid',
      '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ],
    ['2021', 'table3', 'other_other', '（六）其他处理 3.其他', '（六）3.其他'],
    ['2019', 'table3', 'other_processing', '（六）其他处理', '（六）其他处理'],
    ['2019', 'table3', 'granted', '（一）予以公开', '（一）予以公开'],
    ['2021', 'table3', 'partial_grant', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开'],
    ['2021', 'table3', 'new_received', '一、本年新收政府信息公开申请数量', '一、本年新收'],
    ['2021', 'table3', 'carried_over', '二、上年结转政府信息公开申请数量', '二、上年结转'],
    ['2021', 'table3', 'total_processed', '（七）总计', '三（七）总计'],
    ['2019', 'table3', 'carried_forward', '四、结转下年度继续办理', '四、结转下年度'],
    ['2021', 'table4', 'admin_review', '行政复议', '行政复议'],
    ['2021', 'table4', 'litigation_direct', '行政诉讼·未经复议直接起诉', '行政诉讼·未经复议直接起诉'],
    ['2019', 'table4', 'litigation_after_review', '行政诉讼·复议后起诉', '行政诉讼·复议后起诉'],
    ['2021', 'table2', 'normative_documents', '行政规范性文件', '行政规范性文件'],
    ['2019', 'table2', 'normative_documents', '规范性文件', '规范性文件'],
    ['2019', 'table2', 'government_centralized_procurement', '政府集中采购', '政府集中采购'],
  ] as const)('format %s %s %s', (id, t, row, full, short) => {
    const vc = cell(F[id], t, row);
    expect(vc.fullRowLabel).toBe(full);
    expect(vc.shortRowLabel).toBe(short);
  });

  it.each([
    ['2021', 'table3', 'denied_state_secret', 'natural_person', '表三 （三）不予公开 1.属于国家秘密 · 自然人'],
    ['2019', 'table3', 'new_received', 'total', '表三 一、本年新收政府信息公开申请数量 · 总计'],
    ['2021', 'table4', 'litigation_direct', 'upheld', '表四 行政诉讼·未经复议直接起诉 · 结果维持'],
    ['2021', 'table2', 'administrative_fees', 'amount', '表二 行政事业性收费 · 本年收费金额（单位：万元）'],
    ['2019', 'table2', 'administrative_fees', 'change', '表二 行政事业性收费 · 本年增/减'],
  ] as const)('cell label: format %s %s %s %s', (id, t, row, col, label) => {
    const vc = F[id].tables[t].values.find((v) => v.row === row && v.col === col);
    expect(vc?.cellLabel).toBe(label);
  });

  it('every value cell has names, and each table its short name 表二/表三/表四', () => {
    for (const f of FORMATS) {
      for (const t of ['table2', 'table3', 'table4'] as const) {
        expect(f.tables[t].shortName).toBe({ table2: '表二', table3: '表三', table4: '表四' }[t]);
        expect(TABLE_SHORT_NAMES[t]).toBe(f.tables[t].shortName);
        for (const v of f.tables[t].values) {
          expect(v.fullRowLabel).not.toBe('');
          expect(v.cellLabel.startsWith(`${f.tables[t].shortName} ${v.fullRowLabel}`)).toBe(true);
        }
      }
    }
  });

  it('the first sub-row’s full name is its label in spec §7 (rowOrder)', () => {
    for (const f of FORMATS) {
      const t3 = f.tables.table3;
      for (const key of ['denied_state_secret', 'unable_not_held', 'not_processed_complaint', 'granted', 'new_received']) {
        expect(t3.values.find((v) => v.row === key)?.fullRowLabel).toBe(t3.rowOrder.find((r) => r.key === key)?.label);
      }
    }
  });
});

describe('what differs between formats is declared on the format', () => {
  it.each([
    ['2019', { processingFeeStatement: false, governmentPartsRequired: false, otherProcessing: 'single', amountUnit: '万元' }],
    ['2021', { processingFeeStatement: true, governmentPartsRequired: true, otherProcessing: 'split', amountUnit: '万元' }],
  ])('format %s', (id, features) => {
    expect(getFormat(id)?.features).toEqual(features);
  });

  it('table 三 has the （六） rows the feature declares, each in the result group “other”', () => {
    const otherRows = (f: FormatDef) => f.tables.table3.rowOrder.map((r) => r.key).filter((k) => f.tables.table3.values.some((v) => v.row === k && v.group === 'other'));
    expect(otherRows(F2019)).toEqual(['other_processing']);
    expect(otherRows(F2021)).toEqual(['other_no_correction_overdue', 'other_fee_unpaid', 'other_other']);
  });

  it('amounts without a unit of their own are in the format’s amount unit', () => {
    for (const f of FORMATS) {
      for (const v of f.tables.table2.values.filter((x) => x.kind === 'amount')) expect(v.unit).toBe(f.features.amountUnit);
    }
  });
});

describe('one vocabulary for the generator and the text checks', () => {
  /** In a list tried in order, a quantity's own name is recognised as that quantity. */
  const recognisesOwnNames = (list: readonly QuantityWords[]) =>
    list.map((w) => [w.key, list.find((x) => x.pattern.test(w.name))?.key, w.short ? list.find((x) => x.pattern.test(w.short!))?.key : w.key]);

  it.each([
    ['table 三', T3_WORDS],
    ['applicants', APPLICANT_WORDS],
    ['table 四 groups', T4_GROUP_WORDS],
    ['table 四 results', T4_FIELD_WORDS],
    ['table 二 rows', T2_ROW_WORDS],
  ])('%s: each name (and short name) is recognised as its own quantity', (_n, list) => {
    expect(recognisesOwnNames(list)).toEqual(list.map((w) => [w.key, w.key, w.key]));
  });

  it('every format’s table 二 row labels and table 三 result groups have words', () => {
    for (const f of FORMATS) {
      for (const r of f.tables.table2.rowOrder) {
        expect([r.key, T2_ROW_WORDS.find((w) => w.pattern.test(r.label))?.key]).toEqual([r.key, r.key]);
      }
      for (const v of f.tables.table3.values.filter((x) => x.group)) {
        expect(T3_RESULT_GROUPS.has(v.group!)).toBe(true);
        expect(T3_WORDS.some((w) => w.key === v.group)).toBe(true);
      }
    }
  });

  it('the generator’s fee sentences are what the text check looks for', () => {
    const data = emptyReport(F2021, 2023, '某某县人民政府', 0);
    const profile = defaultProfile(data, 'government');
    for (const fee of [
      { cases: 0, amountYuan: 0 },
      { cases: 2, amountYuan: 30 },
      { cases: null, amountYuan: 30 },
    ]) {
      const six = generateReport(data, { ...profile, processingFee: fee }).sections[5];
      const text = six.blocks.map((b) => (b.kind === 'table' ? '' : b.text)).join('\n');
      expect(PROCESSING_FEE.pattern.test(text)).toBe(true);
    }
  });
});

describe('the 信息处理费 rule: one declaration on the format, read by the generator and the text check', () => {
  /** A 2020 report (format 2019) of a government with its fee given. */
  function report(): { data: ReportData; text: () => string } {
    const data = emptyReport(F2019, 2020, '某某县人民政府', 0);
    const profile = defaultProfile(data, 'government');
    profile.processingFee = { cases: 0, amountYuan: 0 };
    profile.proactive.items = 10;
    return { data, text: () => renderText(generateReport(data, profile)) };
  }
  const feeFindings = (text: string, data: ReportData) =>
    checkNarrative(text, data).filter((f) => f.id === 'NARR-SECTIONS' && f.message.includes(PROCESSING_FEE.name));

  afterEach(() => jest.restoreAllMocks());

  it('the 2019 format as it is: no fee sentence written, none asked for', () => {
    const { data, text } = report();
    const t = text();
    expect(t).not.toMatch(PROCESSING_FEE.pattern);
    expect(feeFindings(t, data)).toEqual([]);
  });

  it('a copy of the 2019 format with the feature switched on: both the generator and the check follow it', () => {
    const { data, text } = report();
    const before = text();
    const copy: FormatDef = { ...F2019, features: { ...F2019.features, processingFeeStatement: true } };
    jest.spyOn(formats, 'formatOf').mockReturnValue(copy);
    const after = text();
    expect(after).toMatch(/信息处理费收取情况/);
    expect(after).toMatch(/本年度未收取信息处理费。/);
    // the text written before (without the sentence) now misses it; the new text has it
    expect(feeFindings(before, data)).toHaveLength(1);
    expect(feeFindings(after, data)).toEqual([]);
  });

  it('a copy of the 2021 format with the feature switched off: no fee sentence written', () => {
    const data = emptyReport(F2021, 2023, '某某县人民政府', 0);
    const profile = defaultProfile(data, 'government');
    profile.processingFee = { cases: 0, amountYuan: 0 };
    expect(renderText(generateReport(data, profile))).toMatch(PROCESSING_FEE.pattern);
    const copy: FormatDef = { ...F2021, features: { ...F2021.features, processingFeeStatement: false } };
    jest.spyOn(formats, 'formatOf').mockReturnValue(copy);
    expect(renderText(generateReport(data, profile))).not.toMatch(PROCESSING_FEE.pattern);
  });
});

describe('the text check names the parts of a sum with the vocabulary’s words', () => {
  const data = emptyReport(F2021, 2023, '某某县人民政府', 0);
  data.table3.new_received = { natural_person: 4, commercial_enterprise: 3, research_institution: 3, social_welfare_org: 0, legal_service_org: 0, other_org: 0, total: 10 };
  data.table3.total_processed = { ...data.table3.new_received };
  data.table3.granted = { ...data.table3.new_received };
  const sums = (text: string) => checkNarrative(text, data).filter((f) => f.id === 'NARR-SUM').map((f) => f.message);

  it('applicant columns (商业企业, 科研机构), not their keys', () => {
    const [m] = sums('2023年，本机关共收到政府信息公开申请10件，其中自然人申请4件，商业企业5件，科研机构3件。');
    expect(m).toContain('商业企业5件');
    expect(m).toContain('科研机构3件');
    expect(m).not.toMatch(/[a-z_]{4,}/);
  });

  it('（六）其他处理 as 其他处理 (表四’s 其他结果 is another quantity)', () => {
    const [m] = sums('2023年，本机关办结政府信息公开申请10件，其中予以公开6件，其他处理6件。');
    expect(m).toContain('其他处理6件');
    expect(m).not.toContain('其他结果');
  });
});
