import * as fs from 'fs';
import * as path from 'path';
import { htmlTablesToGrids, importPublishedReport } from '../../../src/core/import';
import { readReports } from '../../../src/core/read';

describe('HTML tables as Grids for the sheet reader', () => {
  it('the sheet reader finds the same report in the page’s tables as the importer', () => {
    const html = fs.readFileSync(path.join(__dirname, '../../fixtures/published/qingshi-2022.html'), 'utf8');
    const reports = readReports(htmlTablesToGrids(html));
    expect(reports).toHaveLength(1);
    const mine = importPublishedReport(html).data;
    expect(reports[0].data.format).toBe(mine.format);
    for (const t of ['table2', 'table3', 'table4'] as const) expect([t, reports[0].data[t]]).toEqual([t, mine[t]]);
  });
});
