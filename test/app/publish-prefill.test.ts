/** Import pre-fill: 报告正文 filled from what a published report's text says, each value marked 取自已发布报告. */
import { importIntoWorkbook, readPublished } from '../../src/app/publish';
import { profileFor, readReportInputs } from '../../src/app/report';
import { publishedInputs } from '../../src/core/narrative/published';
import { generateReport } from '../../src/core/narrative/generate';
import { renderText } from '../../src/core/render/text';
import { XlsxWorkbook } from '../../src/workbook/xlsx';
import { countyData2023, countyProfile2023 } from '../core/narrative/fixtures';
import { reopen, sampleText } from './helpers';

async function imported(text: string) {
  const wb = await XlsxWorkbook.create();
  await importIntoWorkbook(wb, readPublished(text));
  const again = await reopen(wb);
  const inputs = await readReportInputs(again);
  const grid = inputs.profile!.grid;
  const noteOf = (key: keyof NonNullable<typeof inputs.profile>['cells']) => {
    const address = inputs.profile!.cells[key];
    if (!address) return undefined;
    const row = Number(address.slice(1)) - 1 - grid.origin.row;
    return grid.cells[row]?.[2 - grid.origin.col] ?? null;
  };
  return { profile: profileFor(inputs, inputs.reports[0]), noteOf };
}

describe('import pre-fill of 报告正文', () => {
  it('the 哭泉镇 sample: 65 条 and its three channels, marked; the fee it does not state left empty', async () => {
    const { profile, noteOf } = await imported(await sampleText());
    expect(profile.proactive.items).toBe(65);
    expect(profile.proactive.channels).toEqual(['县政府网站', '微信公众号“哭泉发布”', '镇村两级政务公开栏']);
    expect(noteOf('proactiveItems')).toBe('取自已发布报告');
    expect(noteOf('channels')).toBe('取自已发布报告');
    expect(profile.processingFee.amountYuan).toBeNull();
    expect(noteOf('feeAmount')).toBeNull();
  });

  it('a 2021-format report written by the generator gives back its inputs: items, channels, no fee, answered in time', async () => {
    const data = countyData2023();
    const p = countyProfile2023(data);
    p.timeLimit = { allOnTime: true, explanation: '' };
    const { profile, noteOf } = await imported(renderText(generateReport(data, p)));
    expect(profile.proactive).toEqual(p.proactive);
    expect(profile.processingFee).toEqual({ cases: 0, amountYuan: 0 });
    expect(profile.timeLimit.allOnTime).toBe(true);
    for (const k of ['proactiveItems', 'channels', 'feeAmount', 'feeCases', 'onTime'] as const) expect(noteOf(k)).toBe('取自已发布报告');
  });

  it('reads a charged fee and its cases as published reports state them', () => {
    expect(publishedInputs('本年度依据《政府信息公开信息处理费管理办法》，对2件政府信息公开申请收取信息处理费，共计150.5元。')).toEqual({ feeCases: 2, feeAmount: 150.5 });
    expect(publishedInputs('2022年，本机关主动公开各类信息1,204条，通过门户网站、政务微博、微信公众号等渠道及时公开。')).toEqual({
      proactiveItems: 1204,
      channels: ['门户网站', '政务微博', '微信公众号'],
    });
    expect(publishedInputs('本年度无收取信息处理费情况。')).toEqual({ feeCases: 0, feeAmount: 0 });
    expect(publishedInputs('信息处理费收取情况见附表。')).toEqual({});
  });
});
