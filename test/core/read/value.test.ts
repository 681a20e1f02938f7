import { BLANK_MARKERS, parseValue, valueToken } from '../../../src/core/read';

describe('parseValue', () => {
  it.each([
    [0, 'count', undefined, { value: 0 }],
    [12, 'count', '件', { value: 12 }],
    [1.25, 'amount', '万元', { value: 1.25 }],
    ['12', 'count', '件', { value: 12 }],
    [' 7 ', 'count', '件', { value: 7 }],
    ['１２', 'count', '件', { value: 12 }],
    ['+2', 'signed', '件', { value: 2, note: 'sign' }],
    ['-3', 'signed', '件', { value: -3, note: 'sign' }],
    ['－3', 'signed', '件', { value: -3, note: 'sign' }],
    ['1,234', 'count', '件', { value: 1234 }],
    ['0.5', 'amount', '万元', { value: 0.5 }],
    ['3件', 'count', '件', { value: 3, note: 'unit-stripped', unit: '件' }],
    ['3项', 'count', '件', { value: 3, note: 'unit-stripped', unit: '项' }],
    ['25.1万元', 'amount', '万元', { value: 25.1, note: 'unit-stripped', unit: '万元' }],
    ['251000元', 'amount', '元', { value: 251000, note: 'unit-stripped', unit: '元' }],
    ['251000元', 'amount', undefined, { value: 251000, note: 'unit-stripped', unit: '元' }],
    // a 元 figure in a 万元 cell is not converted: it stays text for the checks to report
    ['251000元', 'amount', '万元', { value: '251000元', note: 'text' }],
    ['25.1万元', 'amount', '元', { value: '25.1万元', note: 'text' }],
    ['5元', 'count', '件', { value: '5元', note: 'text' }],
    ['', 'count', '件', { value: null }],
    ['  ', 'count', '件', { value: null }],
    [null, 'count', '件', { value: null }],
    ['-', 'count', '件', { value: '-', note: 'blank-marker' }],
    ['/', 'count', '件', { value: '/', note: 'blank-marker' }],
    ['—', 'count', '件', { value: '—', note: 'blank-marker' }],
    ['无', 'count', '件', { value: '无', note: 'blank-marker' }],
    ['见附件', 'count', '件', { value: '见附件', note: 'text' }],
    // NFKC makes “…” “...”: still a blank marker
    ['…', 'count', '件', { value: '…', note: 'blank-marker' }],
    ['×', 'count', '件', { value: '×', note: 'blank-marker' }],
    ['N/a', 'count', '件', { value: 'N/a', note: 'blank-marker' }],
    ['暂无', 'count', '件', { value: '暂无', note: 'blank-marker' }],
    ['3宗', 'count', '件', { value: 3, note: 'unit-stripped', unit: '宗' }],
    ['3条', 'signed', '件', { value: 3, note: 'unit-stripped', unit: '条' }],
    ['3条', 'amount', '万元', { value: '3条', note: 'text' }],
    ['—3', 'signed', '件', { value: -3, note: 'sign' }],
    ['1,23', 'count', '件', { value: '1,23', note: 'text' }],
    [true, 'count', '件', { value: 'TRUE', note: 'text' }],
  ] as const)('%j (%s, %s)', (raw, kind, unit, expected) => {
    expect(parseValue(raw, kind, unit)).toEqual(expected);
  });
});

describe('valueToken: a text as a table value, before its cell is known', () => {
  it.each([
    ['156', { kind: 'number', value: 156, signed: false, text: '156' }],
    ['+2', { kind: 'number', value: 2, signed: true, text: '+2' }],
    ['－1', { kind: 'number', value: -1, signed: true, text: '-1' }],
    ['1,234', { kind: 'number', value: 1234, signed: false, text: '1,234' }],
    ['356812元', { kind: 'number', value: 356812, signed: false, unit: '元', text: '356812元' }],
    ['25.1万元', { kind: 'number', value: 25.1, signed: false, unit: '万元', text: '25.1万元' }],
    ['1,23', { kind: 'text', text: '1,23' }],
    ['约156', { kind: 'text', text: '约156' }],
    ['156（件）', { kind: 'text', text: '156(件)' }],
    ['…', { kind: 'blank', text: '...' }],
    ['无', { kind: 'blank', text: '无' }],
    ['1.属于国家秘密', undefined],
    ['第二十条第（一）项', undefined],
    ['2022年', undefined],
    ['行政许可', undefined],
    ['', undefined],
  ] as const)('%j', (text, expected) => {
    expect(valueToken(text)).toEqual(expected);
  });

  it('an empty table cell is a blank value only when asked', () => {
    expect(valueToken(' ', true)).toEqual({ kind: 'blank', text: '' });
  });

  it('every blank marker is a blank value and a blank marker of parseValue, in full width too', () => {
    for (const m of BLANK_MARKERS) {
      expect([m, valueToken(m)?.kind]).toEqual([m, 'blank']);
      expect([m, parseValue(m, 'count', '件').note]).toEqual([m, 'blank-marker']);
      const wide = m.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      expect([wide, parseValue(wide, 'count', '件').note]).toEqual([wide, 'blank-marker']);
    }
  });
});
