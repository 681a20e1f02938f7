import * as fs from 'fs';
import * as path from 'path';
import { getFormat, T3_COLUMNS } from '../../../src/core/formats';
import type { Grid } from '../../../src/core/grid';
import { importPublishedReport } from '../../../src/core/import';
import { emptyReport } from '../../../src/core/model/report';
import { prefillCarriedOver, PREVIOUS_SHEET, previousFromGrid, previousToGrid } from '../../../src/core/previous';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/published', name), 'utf8');

describe('prefillCarriedOver', () => {
  it('fills this year’s 二、上年结转 from last year’s 四、结转下年度 across formats (2019 → 2021)', () => {
    const previous = emptyReport(getFormat('2019')!, 2020, '青石县自然资源局', 0);
    previous.table3.carried_forward = {
      natural_person: 1, commercial_enterprise: 1, research_institution: 0, social_welfare_org: 0,
      legal_service_org: 0, other_org: 0, total: 2,
    };
    const current = emptyReport(getFormat('2021')!, 2021, '青石县自然资源局');
    current.table3.new_received.total = 7;
    const { data, changed } = prefillCarriedOver(current, previous);
    expect(data.table3.carried_over).toEqual(previous.table3.carried_forward);
    expect(changed).toEqual(T3_COLUMNS.map((c) => ({ row: 'carried_over', col: c.key, from: null, to: previous.table3.carried_forward[c.key] })));
    // the input is not changed, other cells are kept
    expect(current.table3.carried_over.total).toBeNull();
    expect(data.table3.new_received.total).toBe(7);
    expect(data.format).toBe('2021');
  });

  it('reports only the cells that change, and does not carry last year’s blanks or text', () => {
    const previous = emptyReport(getFormat('2021')!, 2021, 'x', 0);
    previous.table3.carried_forward.natural_person = 3;
    previous.table3.carried_forward.total = 3;
    previous.table3.carried_forward.other_org = null;
    previous.table3.carried_forward.legal_service_org = '无';
    const current = emptyReport(getFormat('2021')!, 2022, 'x', 0);
    current.table3.carried_over.legal_service_org = 5;
    const { data, changed } = prefillCarriedOver(current, previous);
    expect(changed).toEqual([
      { row: 'carried_over', col: 'natural_person', from: 0, to: 3 },
      { row: 'carried_over', col: 'total', from: 0, to: 3 },
    ]);
    expect(data.table3.carried_over.legal_service_org).toBe(5);
    expect(data.table3.carried_over.other_org).toBe(0);
  });
});

describe('the sheet “上年数据”', () => {
  const grid = (cells: Grid['cells'], origin = { row: 0, col: 0 }): Grid => ({ sheet: PREVIOUS_SHEET, origin, cells });

  it('is a readable key/value table: 格式/年度/单位, then 表/行/列/数值/说明 rows', () => {
    const data = importPublishedReport(fixture('qingshi-2022.html')).data;
    const cells = previousToGrid(data);
    expect(PREVIOUS_SHEET).toBe('上年数据');
    expect(cells.slice(1, 4)).toEqual([
      ['格式', '2021'],
      ['年度', 2022],
      ['单位', '青石县自然资源局'],
    ]);
    expect(cells[5]).toEqual(['表', '行', '列', '数值', '说明']);
    expect(cells).toContainEqual(['table3', 'new_received', 'total', 18, '表三 一、本年新收政府信息公开申请数量 · 总计']);
    expect(cells).toContainEqual(['table2', 'administrative_fees', 'amount', 35.6812, '表二 行政事业性收费 · 本年收费金额（单位：万元）']);
    const valueRows = cells.slice(6);
    const f = getFormat('2021')!;
    expect(valueRows).toHaveLength(f.tables.table2.values.length + f.tables.table3.values.length + f.tables.table4.values.length);
  });

  it('round-trips a report, blanks and text included, wherever the table sits on the sheet', () => {
    const data = importPublishedReport(fixture('baihe-2020.txt')).data; // has a null row
    data.table2.government_centralized_procurement.total_amount = '约12.6万元';
    const cells = previousToGrid(data);
    expect(previousFromGrid(grid(cells))).toEqual(data);
    const shifted = [[], [], ...cells.map((r) => [null, null, ...r])];
    expect(previousFromGrid(grid(shifted, { row: 3, col: 1 }))).toEqual(data);
  });

  it('reads numbers typed as text and Chinese table names; null without the header or a known format', () => {
    const cells = [
      ['格式', '2019'],
      ['年度', '2020'],
      ['单位', '哭泉镇'],
      ['表', '行', '列', '数值'],
      ['表三', 'carried_forward', 'total', '2'],
      ['table3', 'carried_forward', 'natural_person', 2],
      ['table3', 'carried_forward', 'other_org', null],
    ];
    const read = previousFromGrid(grid(cells));
    expect(read).toEqual({
      format: '2019', year: 2020, organization: '哭泉镇', table2: {}, table4: {},
      table3: { carried_forward: { total: 2, natural_person: 2, other_org: null } },
    });
    expect(previousFromGrid(grid(cells.filter((r) => r[0] !== '表')))).toBeNull();
    expect(previousFromGrid(grid([['格式', '1999'], ...cells.slice(1)]))).toBeNull();
  });

  it('what is stored is what prefill uses next year', () => {
    const last = importPublishedReport(fixture('qingshi-2022.html')).data;
    const stored = previousFromGrid(grid(previousToGrid(last)))!;
    const next = emptyReport(getFormat('2021')!, 2023, last.organization);
    const { data } = prefillCarriedOver(next, stored);
    expect(data.table3.carried_over).toEqual(last.table3.carried_forward);
  });
});
