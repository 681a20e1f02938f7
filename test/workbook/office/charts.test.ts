/**
 * addCharts on office.js: Excel's own charts from cells of the sheet, in one Excel.run and two syncs;
 * the port's earlier charts on that sheet are replaced; a missing sheet is the port's 'no-sheet' error.
 */
import type { NativeChart } from '../../../src/workbook/port';
import { counted, setup } from './helpers';

const cells = { A1: '甲', B1: 3, C1: 1, A2: '乙', B2: 5, C2: 0, A4: '予以公开', B4: 7, A5: '不予公开', B5: 2 };
const CHARTS: NativeChart[] = [
  { id: 'by-unit', kind: 'column', title: '各单位', source: 'A1:C2', seriesNames: ['申请', '错误'], showValues: true, at: { cell: 'E1', width: 480, height: 240 } },
  { id: 'shares', kind: 'pie', title: '构成', source: 'A4:B5', seriesNames: ['件数'], at: { cell: 'E20', width: 300, height: 200 } },
];

test('two charts in one run and two syncs, with their titles, series names, place and size', async () => {
  const { office, port } = setup({ sheets: [{ name: '看板', cells }] });
  const { runs, syncs } = await counted(office, () => port.addCharts('看板', CHARTS));
  expect({ runs, syncs }).toEqual({ runs: 1, syncs: 2 });
  expect(office.workbook.charts('看板')).toEqual([
    expect.objectContaining({
      name: 'nianbao_by-unit',
      type: 'ColumnClustered',
      title: '各单位',
      categories: ['甲', '乙'],
      series: [
        { name: '申请', values: [3, 5] },
        { name: '错误', values: [1, 0] },
      ],
      showValues: true,
      legend: { position: 'Top', visible: true },
      position: 'E1',
      width: 480,
      height: 240,
    }),
    expect.objectContaining({ name: 'nianbao_shares', type: 'Pie', categories: ['予以公开', '不予公开'], series: [{ name: '件数', values: [7, 2] }], showValues: false, position: 'E20' }),
  ]);
});

test('again on the same sheet: the port’s charts are replaced, not added to', async () => {
  const { office, port } = setup({ sheets: [{ name: '看板', cells }] });
  await port.addCharts('看板', CHARTS);
  await port.addCharts('看板', [{ ...CHARTS[0], title: '第二次' }]);
  expect(office.workbook.charts('看板').map((c) => [c.name, c.title])).toEqual([['nianbao_by-unit', '第二次']]);
});

test('a missing sheet is WorkbookError no-sheet; a source off the sheet’s cells fails as a host error', async () => {
  const { port } = setup({ sheets: [{ name: '看板', cells }] });
  await expect(port.addCharts('别处', CHARTS)).rejects.toMatchObject({ name: 'WorkbookError', code: 'no-sheet' });
  await expect(port.addCharts('看板', [{ ...CHARTS[0], source: 'A1:C2,E5' }])).rejects.toMatchObject({ name: 'WorkbookError' });
});
