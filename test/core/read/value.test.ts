import { parseValue } from '../../../src/core/read';

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
    ['1,23', 'count', '件', { value: '1,23', note: 'text' }],
    [true, 'count', '件', { value: 'TRUE', note: 'text' }],
  ] as const)('%j (%s, %s)', (raw, kind, unit, expected) => {
    expect(parseValue(raw, kind, unit)).toEqual(expected);
  });
});
