import type { CellValue } from '../../../src/core/grid';
import { locateTables, parseTitle, readReports } from '../../../src/core/read';
import type { LocatedReport } from '../../../src/core/read/types';
import { READ } from '../../../src/core/messages/read';
import { getFormat } from '../../../src/core/formats';
import {
  addressesOf,
  type Block,
  distinctValues,
  fillMerged,
  insertColumn,
  MERGES_T2_2021,
  MERGES_T3_2021,
  MERGES_T4,
  keysOf,
  mapLabels,
  nest,
  SheetBuilder,
  TABLE2_2019,
  TABLE2_2021,
  TABLE3_2019,
  TABLE3_2021,
  TABLE4,
} from './fixtures';

type Values = Record<string, CellValue | undefined>;

interface Placed {
  t2: Record<string, string>;
  t3: Record<string, string>;
  t4: Record<string, string>;
}

/** Our own layout, by hand from the layout's description: title, subtitle, caption + table, notes, check row. */
function ownLayout(s: SheetBuilder, fmt: '2019' | '2021', v: Values): Placed {
  const [t2, t3] = fmt === '2021' ? [TABLE2_2021, TABLE3_2021] : [TABLE2_2019, TABLE3_2019];
  s.set(0, 0, `某某县人民政府办公室${fmt === '2021' ? 2023 : 2020}年政府信息公开工作年度报告统计表`);
  s.set(1, 0, fmt === '2021' ? '（依据国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》）' : '（依据国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》）');
  let r = 3;
  s.set(r++, 0, '二、主动公开政府信息情况');
  const a2 = s.place(r, 0, t2, v);
  r += t2.length;
  if (fmt === '2019') s.set(r++, 0, '注：采购总金额单位为万元。');
  r++;
  s.set(r++, 0, '三、收到和处理政府信息公开申请情况');
  const a3 = s.place(r, 0, t3, v);
  r += t3.length;
  s.set(r, 0, '校验：一+二 = 三（七）总计+四');
  for (let c = 3; c < 10; c++) s.set(r, c, '平衡');
  r += 2;
  s.set(r++, 0, '四、政府信息公开行政复议、行政诉讼情况');
  const a4 = s.place(r, 0, TABLE4, v);
  return { t2: a2, t3: a3, t4: a4 };
}

function only(reports: LocatedReport[]): LocatedReport {
  expect(reports).toHaveLength(1);
  return reports[0];
}

function expectTables(rep: LocatedReport, blocks: { t2: Block; t3: Block; t4: Block }, v: Values, at: Placed): void {
  expect(rep.data.table2).toEqual(nest(v, keysOf(blocks.t2)));
  expect(rep.data.table3).toEqual(nest(v, keysOf(blocks.t3)));
  expect(rep.data.table4).toEqual(nest(v, keysOf(blocks.t4)));
  expect(addressesOf(rep.cells.table2)).toEqual(at.t2);
  expect(addressesOf(rep.cells.table3)).toEqual(at.t3);
  expect(addressesOf(rep.cells.table4)).toEqual(at.t4);
}

describe('readReports: our own layout', () => {
  it.each([
    ['2021', { t2: TABLE2_2021, t3: TABLE3_2021, t4: TABLE4 }, 2023],
    ['2019', { t2: TABLE2_2019, t3: TABLE3_2019, t4: TABLE4 }, 2020],
  ] as const)('format %s: every value at its address, format by layout, title read', (fmt, blocks, year) => {
    const v = distinctValues(blocks.t2, blocks.t3, blocks.t4);
    const s = new SheetBuilder('年报统计表');
    const at = ownLayout(s, fmt, v);
    const rep = only(readReports([s.grid()]));
    expect(rep.data.format).toBe(fmt);
    expect(rep.formatBy).toBe('layout');
    expect(rep.data.year).toBe(year);
    expect(rep.data.organization).toBe('某某县人民政府办公室');
    expectTables(rep, blocks, v, at);
    expect(rep.issues).toEqual([]);
    expect(rep.tables.map((t) => [t.table, t.sheet])).toEqual([
      ['table2', '年报统计表'],
      ['table3', '年报统计表'],
      ['table4', '年报统计表'],
    ]);
    expect(rep.tables[0].range).toBe(`A5:D${5 + blocks.t2.length - 1}`);
    expect(rep.combinedFrom).toBeUndefined();
  });

  it('takes year and organization from the metadata first', () => {
    const v = distinctValues(TABLE2_2021, TABLE3_2021, TABLE4);
    const s = new SheetBuilder('年报统计表');
    ownLayout(s, '2021', v);
    const rep = only(readReports([s.grid()], { metadata: { 年报统计表: { format: '2021', year: 2024, organization: '某某局' } } }));
    expect(rep.data.year).toBe(2024);
    expect(rep.data.organization).toBe('某某局');
    expect(rep.formatBy).toBe('layout');
  });

  it('every key of the format is present; an empty table gives nulls with addresses', () => {
    const s = new SheetBuilder('空表');
    const at = ownLayout(s, '2021', {});
    const rep = only(readReports([s.grid()]));
    expect(rep.data.table3.other_other).toEqual({
      natural_person: null, commercial_enterprise: null, research_institution: null, social_welfare_org: null,
      legal_service_org: null, other_org: null, total: null,
    });
    expect(rep.data.table2.administrative_fees).toEqual({ amount: null });
    expect(addressesOf(rep.cells.table3)).toEqual(at.t3);
    expect(rep.issues).toEqual([]);
  });
});

describe('readReports: tables made by people', () => {
  it('finds tables at other rows and columns, under a title, with empty columns between', () => {
    const t2 = insertColumn(TABLE2_2019, 1);
    const t3 = insertColumn(TABLE3_2019, 3);
    const t4 = insertColumn(TABLE4, 5);
    const v = distinctValues(t2, t3, t4);
    const s = new SheetBuilder('Sheet1');
    s.set(1, 2, '关于某某镇人民政府2020年度政府信息公开工作年度报告');
    const at = { t2: s.place(4, 2, t2, v), t3: s.place(26, 1, t3, v), t4: s.place(60, 3, t4, v) };
    s.set(25, 1, '（三）收到和处理政府信息公开申请情况');
    const rep = only(readReports([s.grid()]));
    expect(rep.data.format).toBe('2019');
    expect(rep.data.year).toBe(2020);
    expect(rep.data.organization).toBe('某某镇人民政府');
    expectTables(rep, { t2, t3, t4 }, v, at);
    // spot checks by hand: the first value of each table
    expect(at.t2['regulations.new_made']).toBe('E7');
    expect(rep.cells.table3?.new_received.natural_person.address).toBe('F30');
    expect(rep.cells.table4?.admin_review.upheld).toEqual({ sheet: 'Sheet1', address: 'D64', row: 63, col: 3 });
    expect(rep.issues).toEqual([]);
  });

  it('reads header words split by spaces and line breaks and ASCII punctuation', () => {
    const messy = (s: string) =>
      s
        .replace('商业企业', '商业 企业')
        .replace('社会公益组织', '社会\n公益\n组织')
        .replace('法律服务机构', '法律 服务 机构')
        .replace('结果维持', '结果\n维持')
        .replace(/^总计$/, '总 计')
        .replace('本年制发件数', '本年 制发 件数')
        .replace(/（/g, '(')
        .replace(/）/g, ')')
        .replace(/，/g, ',')
        .replace(/：/g, ':')
        .replace(/“|”/g, '"')
        .replace(/^(\d)\./, '$1、');
    const blocks = { t2: mapLabels(TABLE2_2021, messy), t3: mapLabels(TABLE3_2021, messy), t4: mapLabels(TABLE4, messy) };
    const v = distinctValues(blocks.t2, blocks.t3, blocks.t4);
    const s = new SheetBuilder('表');
    const at = { t2: s.place(0, 0, blocks.t2, v), t3: s.place(16, 0, blocks.t3, v), t4: s.place(46, 0, blocks.t4, v) };
    const rep = only(readReports([s.grid()]));
    expect(rep.data.format).toBe('2021');
    expectTables(rep, blocks, v, at);
    expect(rep.issues).toEqual([]);
    expect(rep.data.year).toBe(0);
    expect(rep.data.organization).toBe('');
    expect(rep.formatBy).toBe('layout');
  });

  it('keeps blanks, signs, units and text as the checks need them', () => {
    const v: Values = distinctValues(TABLE2_2019, TABLE3_2019, TABLE4);
    v['administrative_licensing.change'] = '+2';
    v['administrative_penalty.change'] = '-3';
    v['administrative_penalty.decisions'] = '无';
    v['regulations.new_made'] = '-';
    v['regulations.new_published'] = '/';
    v['normative_documents.total_published'] = '1,234';
    v['government_centralized_procurement.total_amount'] = '251000元';
    v['government_centralized_procurement.projects'] = '3项';
    v['partial_grant.research_institution'] = undefined; // blank
    v['granted.other_org'] = '见附件';
    v['admin_review.total'] = '';
    const s = new SheetBuilder('年报');
    const at = ownLayout(s, '2019', v);
    const rep = only(readReports([s.grid()]));
    const t2 = rep.data.table2;
    expect(t2.administrative_licensing.change).toBe(2);
    expect(t2.administrative_penalty.change).toBe(-3);
    expect(t2.administrative_penalty.decisions).toBe('无');
    expect(t2.regulations.new_made).toBe('-');
    expect(t2.regulations.new_published).toBe('/');
    expect(t2.normative_documents.total_published).toBe(1234);
    expect(t2.government_centralized_procurement.total_amount).toBe('251000元');
    expect(t2.government_centralized_procurement.projects).toBe(3);
    expect(rep.data.table3.partial_grant.research_institution).toBeNull();
    expect(rep.data.table3.granted.other_org).toBe('见附件');
    expect(rep.data.table4.admin_review.total).toBeNull();
    // the blank cell still has its address, for the checks to name it
    expect(rep.cells.table3?.partial_grant.research_institution.address).toBe(at.t3['partial_grant.research_institution']);
    expect(rep.issues).toEqual([
      { kind: 'unit-in-cell', sheet: '年报', table: 'table2', address: at.t2['government_centralized_procurement.projects'], text: '3项', official: '件' },
      { kind: 'unit-in-cell', sheet: '年报', table: 'table2', address: at.t2['government_centralized_procurement.total_amount'], text: '251000元', official: '万元' },
    ]);
  });

  it('reports a missing row and reads the rest in place', () => {
    const t3 = TABLE3_2021.filter((row) => row[2] !== '2.重复申请');
    const v = distinctValues(TABLE2_2021, t3, TABLE4);
    const s = new SheetBuilder('S');
    const at = { t2: s.place(0, 0, TABLE2_2021, v), t3: s.place(16, 0, t3, v), t4: s.place(45, 0, TABLE4, v) };
    const rep = only(readReports([s.grid()]));
    expect(rep.data.table3.not_processed_repeat.total).toBeNull();
    expect(rep.cells.table3?.not_processed_repeat).toBeUndefined();
    expect(rep.data.table3.not_processed_publication).toEqual(nest(v, keysOf(t3)).not_processed_publication);
    expect(addressesOf(rep.cells.table3)).toEqual(at.t3);
    expect(rep.issues).toEqual([{ kind: 'missing-row', sheet: 'S', table: 'table3', text: '2.重复申请', official: '2.重复申请' }]);
  });

  it('keeps an extra row as an issue and does not read it', () => {
    const extra: Block = [['其他主动公开文件', 7, 8, 9]];
    const t2 = [...TABLE2_2019.slice(0, 4), ...extra, ...TABLE2_2019.slice(4)];
    const v = distinctValues(t2, TABLE3_2019, TABLE4);
    const s = new SheetBuilder('S');
    const at = { t2: s.place(2, 1, t2, v), t3: s.place(25, 1, TABLE3_2019, v), t4: s.place(55, 1, TABLE4, v) };
    const rep = only(readReports([s.grid()]));
    expectTables(rep, { t2, t3: TABLE3_2019, t4: TABLE4 }, v, at);
    expect(rep.issues).toEqual([{ kind: 'extra-row', sheet: 'S', table: 'table2', address: 'B7', text: '其他主动公开文件' }]);
  });

  it('reports an extra row after a blank row inside the table, but not text under the table', () => {
    const t2 = [...TABLE2_2021.slice(0, 4), [null, null, null, null], ['其中：政策解读', 5, null, null], ...TABLE2_2021.slice(4)];
    const v = distinctValues(t2, TABLE3_2021, TABLE4);
    const s = new SheetBuilder('S');
    const at = { t2: s.place(0, 0, t2, v), t3: s.place(20, 0, TABLE3_2021, v), t4: s.place(50, 0, TABLE4, v) };
    s.set(17, 0, '注：本表由办公室填报。');
    s.set(18, 0, '填表人：张三');
    s.set(18, 1, 2024);
    const rep = only(readReports([s.grid()]));
    expectTables(rep, { t2, t3: TABLE3_2021, t4: TABLE4 }, v, at);
    expect(rep.issues).toEqual([{ kind: 'extra-row', sheet: 'S', table: 'table2', address: 'A6', text: '其中：政策解读' }]);
  });

  it('matches annotated labels by prefix without an issue, and reports a one-character typo as altered', () => {
    const t2 = mapLabels(TABLE2_2019, (x) =>
      x === '规章' ? '规章（设区的市、自治州人民政府应提供相关数据）' : x === '政府集中采购' ? '政府集中釆购' : x,
    );
    const v = distinctValues(t2, TABLE3_2019, TABLE4);
    const s = new SheetBuilder('S');
    const at = { t2: s.place(0, 0, t2, v), t3: s.place(20, 0, TABLE3_2019, v), t4: s.place(50, 0, TABLE4, v) };
    const rep = only(readReports([s.grid()]));
    expectTables(rep, { t2, t3: TABLE3_2019, t4: TABLE4 }, v, at);
    expect(rep.issues).toEqual([
      { kind: 'altered-label', sheet: 'S', table: 'table2', address: 'A18', text: '政府集中釆购', official: '政府集中采购' },
    ]);
  });

  it('reads a parent label written into the sub-row cell, and reports shortened labels as altered', () => {
    const t3 = TABLE3_2021.map((row) =>
      row[2] === '1.属于国家秘密' ? [null, null, '（三）不予公开1.属于国家秘密', ...row.slice(3)]
        : row[1] === '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' ? [null, '（二）部分公开', ...row.slice(2)]
          : row,
    );
    const v = distinctValues(TABLE2_2021, t3, TABLE4);
    const s = new SheetBuilder('S');
    const at = { t2: s.place(0, 0, TABLE2_2021, v), t3: s.place(16, 0, t3, v), t4: s.place(46, 0, TABLE4, v) };
    const rep = only(readReports([s.grid()]));
    expectTables(rep, { t2: TABLE2_2021, t3, t4: TABLE4 }, v, at);
    expect(rep.issues).toEqual([
      { kind: 'altered-label', sheet: 'S', table: 'table3', address: 'B23', text: '（二）部分公开', official: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
    ]);
  });

  it('reads merged areas whose every cell repeats the label', () => {
    const blocks = {
      t2: fillMerged(TABLE2_2021, MERGES_T2_2021),
      t3: fillMerged(TABLE3_2021, MERGES_T3_2021),
      t4: fillMerged(TABLE4, MERGES_T4),
    };
    const v = distinctValues(blocks.t2, blocks.t3, blocks.t4);
    const s = new SheetBuilder('S');
    s.set(0, 0, '某某街道办事处2021年政府信息公开工作年度报告');
    const at = { t2: s.place(2, 0, blocks.t2, v), t3: s.place(18, 0, blocks.t3, v), t4: s.place(48, 0, blocks.t4, v) };
    const rep = only(readReports([s.grid()]));
    expect([rep.data.format, rep.data.year, rep.data.organization]).toEqual(['2021', 2021, '某某街道办事处']);
    expectTables(rep, blocks, v, at);
    expect(rep.issues).toEqual([]);
  });

  it('passes over stray labels elsewhere on the sheet', () => {
    const v = distinctValues(TABLE2_2019, TABLE3_2019, TABLE4);
    const s = new SheetBuilder('S');
    // a list of terms above the report, sharing the tables' columns
    ['名词解释', '规章', '行政许可', '行政复议', '总计', '其他'].forEach((t, i) => s.set(i, 0, t));
    s.set(8, 0, '某某县教育局2020年政府信息公开工作年度报告');
    const at = { t2: s.place(20, 0, TABLE2_2019, v), t3: s.place(40, 0, TABLE3_2019, v), t4: s.place(70, 0, TABLE4, v) };
    const rep = only(readReports([s.grid()]));
    expect([rep.data.format, rep.data.year, rep.data.organization]).toEqual(['2019', 2020, '某某县教育局']);
    expectTables(rep, { t2: TABLE2_2019, t3: TABLE3_2019, t4: TABLE4 }, v, at);
    expect(rep.issues).toEqual([]);
  });

  it('reads table 四 with the groups in one row and the 15 field headers in the next', () => {
    const F = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const pad = (x: string): (string | null)[] => [x, null, null, null, null];
    const t4: Block = [
      [...pad('行政复议'), ...pad('行政诉讼（未经复议直接起诉）'), ...pad('行政诉讼（复议后起诉）')],
      [...F, ...F, ...F],
      TABLE4[3],
    ];
    const plain: Block = [[...pad('行政复议'), ...pad('未经复议直接起诉'), ...pad('复议后起诉')], t4[1], t4[2]];
    for (const block of [plain, t4]) {
      const v = distinctValues(TABLE2_2021, TABLE3_2021, block);
      const s = new SheetBuilder('S');
      s.place(0, 0, TABLE2_2021, v);
      s.place(16, 0, TABLE3_2021, v);
      const at = s.place(46, 2, block, v);
      const rep = only(readReports([s.grid()]));
      expect(addressesOf(rep.cells.table4)).toEqual(at);
      expect(rep.data.table4).toEqual(nest(v, keysOf(block)));
      expect(at['litigation_after_review.total']).toBe('Q49');
      expect(rep.issues).toEqual([]);
    }
  });

  it('reports an unknown column header and a missing one', () => {
    const t4 = TABLE4.map((row, i) => (i === 2 ? row.map((x, j) => (j === 7 ? '审理结果' : x)) : row));
    const v = distinctValues(TABLE2_2021, TABLE3_2021, t4);
    const s = new SheetBuilder('S');
    s.place(0, 0, TABLE2_2021, v);
    s.place(16, 0, TABLE3_2021, v);
    s.place(46, 0, t4, v);
    const rep = only(readReports([s.grid()]));
    expect(rep.data.table4.litigation_direct.other).toBeNull();
    expect(rep.cells.table4?.litigation_direct.other).toBeUndefined();
    expect(rep.data.table4.litigation_direct.pending).toBe(v['litigation_direct.pending']);
    expect(rep.issues).toEqual([
      { kind: 'unmapped-label', sheet: 'S', table: 'table4', address: 'H49', text: '审理结果' },
      { kind: 'missing-column', sheet: 'S', table: 'table4', text: '未经复议直接起诉·其他结果', official: '其他结果' },
    ]);
  });
});

describe('readReports: format, sheets, missing tables', () => {
  it.each([
    ['2021 table 三 alone (the three （六）其他处理 sub-rows)', TABLE3_2021, '2021', 'table3'],
    ['2019 table 三 alone', TABLE3_2019, '2019', 'table3'],
    ['2021 table 二 alone (本年制发件数)', TABLE2_2021, '2021', 'table2'],
    ['2019 table 二 alone (本年新制作数量)', TABLE2_2019, '2019', 'table2'],
  ] as const)('%s: decided by layout', (_name, block, fmt, table) => {
    const v = distinctValues(block);
    const s = new SheetBuilder('表');
    const at = s.place(3, 1, block, v);
    const rep = only(readReports([s.grid()]));
    expect(rep.data.format).toBe(fmt);
    expect(rep.formatBy).toBe('layout');
    expect(addressesOf(rep.cells[table])).toEqual(at);
    expect(rep.data[table]).toEqual(nest(v, keysOf(block)));
    expect(rep.issues.filter((i) => i.kind === 'missing-table').map((i) => i.table).sort()).toEqual(
      ['table2', 'table3', 'table4'].filter((t) => t !== table),
    );
    expect(rep.issues.filter((i) => i.kind !== 'missing-table')).toEqual([]);
  });

  it('table 四 alone: format from metadata, else from the title year, else the newest', () => {
    const s = new SheetBuilder('表四');
    s.set(0, 0, '某某区2020年政府信息公开行政复议、行政诉讼情况统计');
    s.place(2, 0, TABLE4, distinctValues(TABLE4));
    const g = s.grid();
    const byMeta = only(readReports([g], { metadata: { 表四: { format: '2019', year: 2020, organization: 'x' } } }));
    expect([byMeta.data.format, byMeta.formatBy]).toEqual(['2019', 'metadata']);
    const byYear = only(readReports([g]));
    expect([byYear.data.format, byYear.formatBy, byYear.data.year, byYear.data.organization]).toEqual(['2019', 'year', 2020, '某某区']);
    const bare = new SheetBuilder('表四');
    bare.place(2, 0, TABLE4, distinctValues(TABLE4));
    const byDefault = only(readReports([bare.grid()]));
    expect([byDefault.data.format, byDefault.formatBy, byDefault.data.year]).toEqual(['2021', 'default', 0]);
  });

  it('a sheet without report tables yields no report', () => {
    const s = new SheetBuilder('说明');
    s.set(0, 0, '2023年政府信息公开工作年度报告');
    s.set(2, 0, '一、总体情况');
    s.set(3, 0, '规章');
    s.set(4, 1, '行政复议');
    s.set(5, 1, 12);
    expect(readReports([s.grid()])).toEqual([]);
    expect(readReports([])).toEqual([]);
  });

  it('combines tables spread one per sheet into one report and says so', () => {
    const v = distinctValues(TABLE2_2021, TABLE3_2021, TABLE4);
    const s2 = new SheetBuilder('表二');
    s2.set(0, 0, '某某市司法局2022年政府信息公开工作年度报告');
    const a2 = s2.place(2, 0, TABLE2_2021, v);
    const s3 = new SheetBuilder('表三');
    const a3 = s3.place(1, 1, TABLE3_2021, v);
    const s4 = new SheetBuilder('表四');
    const a4 = s4.place(0, 0, TABLE4, v);
    const notes = new SheetBuilder('说明');
    notes.set(0, 0, '填表说明');
    const rep = only(readReports([notes.grid(), s2.grid(), s3.grid(), s4.grid()]));
    expect(rep.combinedFrom).toEqual(['表二', '表三', '表四']);
    expect(READ.combined(rep.combinedFrom ?? [])).toContain('表二、表三、表四');
    expect(rep.data.year).toBe(2022);
    expect(rep.data.organization).toBe('某某市司法局');
    expectTables(rep, { t2: TABLE2_2021, t3: TABLE3_2021, t4: TABLE4 }, v, { t2: a2, t3: a3, t4: a4 });
    expect(rep.cells.table3?.granted.total.sheet).toBe('表三');
    expect(rep.tables.map((t) => t.sheet)).toEqual(['表二', '表三', '表四']);
    expect(rep.issues).toEqual([]);
  });

  it('one report per sheet when each sheet holds a whole report', () => {
    const a = new SheetBuilder('2022');
    ownLayout(a, '2021', distinctValues(TABLE2_2021, TABLE3_2021, TABLE4));
    const b = new SheetBuilder('2020');
    ownLayout(b, '2019', distinctValues(TABLE2_2019, TABLE3_2019, TABLE4));
    const reps = readReports([a.grid(), b.grid()]);
    expect(reps.map((r) => [r.data.format, r.tables[0].sheet, r.combinedFrom])).toEqual([
      ['2021', '2022', undefined],
      ['2019', '2020', undefined],
    ]);
  });

  it('every issue has a Chinese message naming its place', () => {
    const msgs = [
      READ.issue({ kind: 'altered-label', sheet: 'S', table: 'table2', address: 'A18', text: '政府集中釆购', official: '政府集中采购' }),
      READ.issue({ kind: 'missing-row', sheet: 'S', table: 'table3', text: '2.重复申请', official: '2.重复申请' }),
      READ.issue({ kind: 'unit-in-cell', sheet: 'S', table: 'table2', address: 'C18', text: '251000元', official: '万元' }),
    ];
    expect(msgs[0]).toBe('表二（S!A18）：标签“政府集中釆购”与官方格式“政府集中采购”不一致，已按“政府集中采购”读取。');
    expect(msgs[1]).toContain('2.重复申请');
    expect(msgs[2]).toBe('表二（S!C18）：“251000元”的单位与表格单位（万元）不一致，未换算，请换算为万元后只填数字。');
    expect(READ.issue({ kind: 'unit-in-cell', sheet: 'S', table: 'table2', address: 'C18', text: '25.1万元', official: '万元' })).toBe(
      '表二（S!C18）：单元格中带有单位（“25.1万元”），已读取其中的数字；统计表应只填数字。',
    );
  });
});

describe('locateTables', () => {
  it('reads one sheet with a given format, and by its labels without one', () => {
    const v = distinctValues(TABLE2_2019, TABLE3_2019, TABLE4);
    const s = new SheetBuilder('S');
    ownLayout(s, '2019', v);
    const byLabels = locateTables(s.grid());
    expect([byLabels.format.id, byLabels.formatBy]).toEqual(['2019', 'layout']);
    expect(Object.keys(byLabels.tables).sort()).toEqual(['table2', 'table3', 'table4']);
    expect(byLabels.tables.table3?.values.total_processed.total).toBe(v['total_processed.total']);
    const given = locateTables(s.grid(), getFormat('2019'));
    expect(given.formatBy).toBe('given');
    expect(given.tables.table2?.range).toBe('A5:D22');
  });
});

describe('grids of a used range', () => {
  it('reads sheet-absolute addresses when the grid does not start at A1', () => {
    const v = distinctValues(TABLE2_2021, TABLE3_2021, TABLE4);
    const s = new SheetBuilder('S');
    s.set(10, 4, '某某乡人民政府2022年政府信息公开工作年度报告统计表');
    const at = { t2: s.place(12, 4, TABLE2_2021, v), t3: s.place(28, 4, TABLE3_2021, v), t4: s.place(58, 4, TABLE4, v) };
    const full = s.grid();
    // the used range E11:S62, as the workbook ports deliver it
    const used = { sheet: 'S', origin: { row: 10, col: 4 }, cells: full.cells.slice(10).map((row) => row.slice(4)) };
    const rep = only(readReports([used]));
    expect([rep.data.year, rep.data.organization]).toEqual([2022, '某某乡人民政府']);
    expectTables(rep, { t2: TABLE2_2021, t3: TABLE3_2021, t4: TABLE4 }, v, at);
    expect(rep.cells.table2?.regulations.issued).toEqual({ sheet: 'S', address: 'F15', row: 14, col: 5 });
  });
});

describe('parseTitle', () => {
  it.each([
    ['某某县人民政府办公室2023年政府信息公开工作年度报告统计表', 2023, '某某县人民政府办公室'],
    ['关于某某镇人民政府2020年度政府信息公开工作年度报告', 2020, '某某镇人民政府'],
    ['2020年度哭泉镇政府信息公开工作', 2020, '哭泉镇'],
    ['某某市生态环境局 2021 年政府信息公开工作年度报告', 2021, '某某市生态环境局'],
    ['2023年度收到和处理政府信息公开申请情况', 2023, ''],
  ])('%s', (text, year, organization) => {
    expect(parseTitle(text)).toEqual({ year, organization });
  });

  it('needs a four-digit year followed by 年', () => {
    expect(parseTitle('政府信息公开工作年度报告')).toBeUndefined();
    expect(parseTitle('国办公开办函〔2021〕30号')).toBeUndefined();
  });
});
