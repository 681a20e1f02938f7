import type { CellValue } from '../../../src/core/grid';
import { parseA1 } from '../../../src/core/grid';
import { evaluateFormula, formulaReferences } from '../../../src/core/layout/formula';

const sheet: Record<string, CellValue> = { A1: 1, A2: 2, A3: 3.5, B1: '无', B2: null, C1: '平衡', D1: -4 };
const lookup = (row: number, col: number): CellValue => {
  const key = Object.keys(sheet).find((k) => {
    const p = parseA1(k)!;
    return p.row === row && p.col === col;
  });
  return key ? sheet[key] : null;
};

describe('evaluateFormula', () => {
  it.each([
    ['SUM(A1:A3)', 6.5],
    ['=SUM(A1:A3)', 6.5],
    ['SUM(A1:B3)', 6.5], // text and blanks in ranges are skipped
    ['SUM($A$1,A2,10)', 13],
    ['A1+A2-A3', -0.5],
    ['-A1+D1*2', -9],
    ['(A1+A2)/4', 0.75],
    ['A1+B2', 1], // a blank counts 0
    ['IF(A1+A2=A3-0.5,"平衡","不平衡，差"&(A1+A2-A3))', '平衡'],
    ['IF(A1+A2=A3,"平衡","不平衡，差"&(A1+A2-A3))', '不平衡，差-0.5'],
    ['IF(C1="平衡",1,0)', 1],
    ['IF(D1<0,ABS(D1))', 4],
    ['ROUND(1.23456,4)', 1.2346],
    ['0.1+0.2', 0.3],
    ['A1<>A2', true],
  ])('%s = %p', (f, expected) => {
    expect(evaluateFormula(f, lookup)).toEqual(expected);
  });

  it.each([
    ['A1+B1'], // text in arithmetic: #VALUE!
    ['A1/0'],
    ['VLOOKUP(A1,A1:B3,2,FALSE)'],
    ['Sheet2!A1+1'],
    ['SUM(A1:A3'],
  ])('%s is unknown (undefined)', (f) => {
    expect(evaluateFormula(f, lookup)).toBeUndefined();
  });

  it('is unknown when a referenced cell is unknown', () => {
    expect(evaluateFormula('A1+A2', (r) => (r === 0 ? 1 : undefined))).toBeUndefined();
  });
});

describe('formulaReferences', () => {
  it('expands ranges', () => {
    expect(formulaReferences('SUM(A1:B2)+C3')).toEqual([
      { row: 0, col: 0 }, { row: 0, col: 1 }, { row: 1, col: 0 }, { row: 1, col: 1 }, { row: 2, col: 2 },
    ]);
    expect(formulaReferences('SUM(')).toBeUndefined();
  });
});
