import { bestMatch, matchLabel, normalizeLabel } from '../../../src/core/read';
import { isNoteStart, LabelMatcher, NOTE_START } from '../../../src/core/read/normalize';
import { FORMATS } from '../../../src/core/formats';
import { TABLE_IDS } from '../../../src/core/formats/types';

describe('normalizeLabel', () => {
  it.each([
    ['（三）不予公开', '(三)不予公开'],
    ['商业 企业', '商业企业'],
    ['社会\n公益\n组织', '社会公益组织'],
    ['科研\u3000机构', '科研机构'],
    ['1.属于国家秘密', '1．属于国家秘密'],
    ['1.属于国家秘密', '1、属于国家秘密'],
    ['1.属于国家秘密', '１．属于国家秘密'],
    ['一、本年新收政府信息公开申请数量', '一.本年新收政府信息公开申请数量'],
    ['3.危及“三安全一稳定”', '3.危及"三安全一稳定"'],
    ['3.危及“三安全一稳定”', '3、危及「三安全一稳定」'],
    ['本年收费金额（单位：万元）', '本年收费金额(单位:万元)'],
    ['本年增/减', '本年增／减'],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(二)部分公开(区分处理的,只计这一情形,不计其他情形)'],
    ['第二十条第（一）项', '第二十条第【一】项'],
    ['信息内容', '信息内容：'],
  ])('“%s” and “%s” compare equal', (a, b) => {
    expect(normalizeLabel(a)).toBe(normalizeLabel(b));
  });

  it.each([
    ['规章', '规范性文件'],
    ['行政规范性文件', '规范性文件'],
    ['1.属于国家秘密', '2.属于国家秘密'],
    ['本年新制作数量', '本年新公开数量'],
  ])('“%s” and “%s” stay different', (a, b) => {
    expect(normalizeLabel(a)).not.toBe(normalizeLabel(b));
  });

  it('keeps decimals inside a label', () => {
    expect(normalizeLabel('金额25.1万元')).toBe('金额25.1万元');
  });
});

describe('matchLabel', () => {
  const n = normalizeLabel;
  it.each([
    ['规章', '规章', 'exact'],
    ['规章（设区的市、自治州人民政府应提供相关数据）', '规章', 'annotated'],
    ['政府集中釆购', '政府集中采购', 'fuzzy'],
    ['（二）部分公开', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'core'],
    ['属于国家秘密', '1.属于国家秘密', 'core'],
    ['（三）收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况', 'core'],
  ])('“%s” ~ “%s”: %s', (cell, official, level) => {
    expect(matchLabel(n(cell), n(official))).toBe(level);
  });

  it.each([
    ['其他对外管理服务事项', '其他'],
    ['行政处罚', '行政许可'],
    ['结果纠正', '结果维持'],
    ['规范性文件', '行政规范性文件'],
    ['法人或其他组织', '其他'],
  ])('“%s” is not “%s”', (cell, official) => {
    expect(matchLabel(n(cell), n(official))).toBeUndefined();
  });

  it('prefers the exact candidate and refuses ambiguous fuzzy matches', () => {
    const cands = ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项'].map(n);
    expect(bestMatch(n('第二十条第(五)项'), cands)).toEqual({ index: 1, level: 'exact' });
    expect(bestMatch(n('第二十条第（七）项'), cands)).toBeUndefined();
  });
});

describe('LabelMatcher', () => {
  const n = normalizeLabel;
  // the official labels of both formats, and texts a person might type for them
  const officials = [...new Set(FORMATS.flatMap((f) => TABLE_IDS.flatMap((t) => [...f.tables[t].labels.map((l) => l.text), ...f.tables[t].values.map((v) => v.rowLabel)]))).values()].map(n);
  const variants = (s: string): string[] => [
    s,
    `${s}（注：不含重复申请）`,
    `${s}:`,
    s.slice(1),
    s.slice(0, -1),
    `${s.slice(0, 2)}釆${s.slice(3)}`,
    s.slice(0, 7),
    s.replace(/^[（(][一二三四五六七八九十]+[)）]|^\d+\.|^[一二三四五六七八九十]+\./u, ''),
    `（三）${s}`,
    `${s}${s.slice(-1)}`,
    '𠀀𠀁𠀂𠀃',
    '',
  ];

  it('finds what bestMatch finds, at every level, for official lists and typed variants', () => {
    const lists = [officials, ...FORMATS.flatMap((f) => TABLE_IDS.map((t) => f.tables[t].values.map((v) => n(v.colLabel)))), [...officials.slice(0, 9), ...officials.slice(0, 3), '', '𠀀𠀁𠀂𠀃𠀄']];
    let compared = 0;
    const differing: string[] = [];
    for (const list of lists) {
      const matcher = new LabelMatcher(list);
      for (const official of [...list.slice(0, 15), ...officials.slice(0, 10)]) {
        for (const cell of variants(official).map(n)) {
          for (const level of ['exact', 'annotated', 'core', 'fuzzy', 'truncated'] as const) {
            const got = JSON.stringify(matcher.match(cell, level));
            const want = JSON.stringify(bestMatch(cell, list, level));
            if (got !== want) differing.push(`${cell} ${level}: ${got} ≠ ${want}`);
            compared++;
          }
        }
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(5000);
  });
});

describe('isNoteStart', () => {
  test('agrees with NOTE_START on every character of the BMP', () => {
    const differ: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (isNoteStart(`x${ch}`, 1) !== NOTE_START.test(ch)) differ.push(ch);
    }
    expect(differ).toEqual([]);
    expect(isNoteStart('规章(设区的市)', 2)).toBe(true);
    expect(isNoteStart('规章', 2)).toBe(false);
  });
});
