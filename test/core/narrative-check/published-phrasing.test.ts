/**
 * The text checks on phrasing as published reports write it (own fixtures: the patterns of real reports with
 * our own figures): combined figures (予以公开及部分公开 = （一）+（二）; “现行有效393件，本年制发77件”), shares
 * to one or two decimals, the change from last year. No false alarm on a consistent text; a wrong figure is named.
 */
import { getFormat } from '../../../src/core/formats';
import { emptyReport, type ReportData } from '../../../src/core/model/report';
import { checkNarrative } from '../../../src/core/narrative-check';

/** A 2022 county report: 859 new, 18 carried over, 805 processed, 72 carried forward. */
function county(): ReportData {
  const d = emptyReport(getFormat('2021')!, 2022, '某某区人民政府', 0);
  const t = (n: number) => ({ natural_person: n, commercial_enterprise: 0, research_institution: 0, social_welfare_org: 0, legal_service_org: 0, other_org: 0, total: n });
  d.table3.new_received = t(859);
  d.table3.carried_over = t(18);
  d.table3.granted = t(200);
  d.table3.partial_grant = t(58);
  d.table3.denied_process_info = t(41);
  d.table3.unable_not_held = t(406);
  d.table3.not_processed_repeat = t(60);
  d.table3.other_other = t(40);
  d.table3.total_processed = t(805);
  d.table3.carried_forward = t(72);
  d.table2.normative_documents = { issued: 77, repealed: 12, in_force: 393 };
  d.table4.admin_review = { upheld: 7, corrected: 0, other: 0, pending: 0, total: 7 };
  d.table4.litigation_direct = { upheld: 9, corrected: 0, other: 0, pending: 0, total: 9 };
  return d;
}

/** Last year's figures: 979 new, 800 processed, 10 reviews. */
function lastYear(): ReportData {
  const d = county();
  d.year = 2021;
  d.table3.new_received = { ...d.table3.new_received, total: 979 };
  d.table3.total_processed = { ...d.table3.total_processed, total: 800 };
  d.table4.admin_review = { ...d.table4.admin_review, total: 10 };
  return d;
}

const ids = (text: string, data: ReportData, previous?: ReportData) =>
  checkNarrative(text, data, { previous }).filter((f) => f.id !== 'NARR-SECTIONS' && f.id !== 'NARR-YEAR');

describe('combined phrases', () => {
  it('“予以公开及部分公开258件” is （一）+（二）: no alarm, and a wrong sum is named with both rows', () => {
    const text = '2022年，共办结政府信息公开申请805件，其中予以公开及部分公开258件，不予公开41件。';
    expect(ids(text, county())).toEqual([]);
    const f = ids(text.replace('258件', '257件'), county());
    expect(f.map((x) => x.id)).toEqual(['NARR-TABLE']);
    expect(f[0].cells.map((c) => c.row)).toEqual(['granted', 'partial_grant']);
  });

  it('“同意公开或部分公开共258件，公开率为32.05%” (a rate of the processed) passes', () => {
    expect(ids('2022年，全区共受理政府信息公开申请859件，答复805件。其中同意公开或部分公开共258件，公开率为32.05%。', county())).toEqual([]);
  });

  it('a joined figure with its own parts in brackets is not counted twice against 办结', () => {
    expect(ids('2022年，办结申请805件，其中予以公开及部分公开258件（予以公开200件、部分公开58件），不予公开41件。', county())).toEqual([]);
  });

  it('“行政规范性文件现行有效393件，本年制发77件” names two quantities', () => {
    const text = '2022年，本级行政规范性文件现行有效393件，本年制发77件，废止12件。';
    expect(ids(text, county())).toEqual([]);
    const issued = ids(text.replace('77件', '70件'), county());
    expect(issued.map((f) => [f.id, f.cells.map((c) => `${c.row}.${c.col}`)])).toEqual([['NARR-TABLE', ['normative_documents.issued']]]);
    const repealed = ids(text.replace('12件', '13件'), county());
    expect(repealed.map((f) => [f.id, f.cells.map((c) => `${c.row}.${c.col}`)])).toEqual([['NARR-TABLE', ['normative_documents.repealed']]]);
  });

  it('“主动公开规章13件（含新制定5件，修改4件，废止4件）” is not a table figure: no alarm', () => {
    expect(ids('2022年，在政府网站主动公开规章13件（含新制定5件，修改4件，废止4件），主动公开行政规范性文件42件。', county())).toEqual([]);
  });
});

describe('shares', () => {
  it('shares of 答复 to two decimals (“予以公开答复200件，占24.84%；部分公开58件，占7.20%”) pass; a wrong one is named', () => {
    const text = '2022年，共答复政府信息公开申请805件。其中，予以公开答复200件，占24.84%；部分公开58件，占7.20%；无法提供的406件，占50.43%。';
    expect(ids(text, county())).toEqual([]);
    const f = ids(text.replace('占50.43%', '占52.43%'), county());
    expect(f.map((x) => x.id)).toEqual(['NARR-SHARE']);
    expect(f[0].cells.map((c) => c.row)).toEqual(['unable_not_held', 'unable_need_creation', 'unable_unclear_after_correction']);
    expect(f[0].message).toContain('406 ÷ 805');
  });

  it('a share of 新收 is accepted as well (reports use either base)', () => {
    expect(ids('2022年，共收到申请859件，其中予以公开200件，占23.3%。', county())).toEqual([]);
  });
});

describe('the change from last year', () => {
  const data = county();
  const previous = lastYear();

  it('“共受理申请859件，较去年回落12.3%” and “较上年减少120件” pass against last year’s 979', () => {
    expect(ids('2022年，共受理政府信息公开申请859件，较去年回落12.3%。', data, previous)).toEqual([]);
    expect(ids('2022年，共收到政府信息公开申请859件，较上年减少120件，下降12.3%。', data, previous)).toEqual([]);
    expect(ids('2022年，办结政府信息公开申请805件，较上年增加5件，增长0.6%。', data, previous)).toEqual([]);
  });

  it('a wrong change is named with last year’s figure', () => {
    const f = ids('2022年，共收到政府信息公开申请859件，较上年减少100件。', data, previous);
    expect(f.map((x) => x.id)).toEqual(['NARR-CHANGE']);
    expect(f[0].message).toContain('2021年为 979');
    expect(f[0].message).toContain('减少120件');
    const up = ids('2022年，行政复议7件，较上年增长30.0%。', data, previous);
    expect(up.map((x) => x.id)).toEqual(['NARR-CHANGE']);
    expect(ids('2022年，行政复议7件，与上年持平，均获维持。', data, previous).map((x) => x.id)).toEqual(['NARR-CHANGE']);
  });

  it('without last year’s figures a stated change is not judged', () => {
    expect(ids('2022年，共收到政府信息公开申请859件，较上年减少100件。', data)).toEqual([]);
  });
});

describe('NARR-DRAFT', () => {
  it('a default paragraph left as drafted is a warning; an edited one is not', () => {
    const draft = '严格按照《条例》规定的程序和时限受理、办理政府信息公开申请，规范答复格式，依法保障申请人的合法权益。';
    const f = checkNarrative(`2022年\n${draft}`, county()).filter((x) => x.id === 'NARR-DRAFT');
    expect(f.map((x) => [x.severity, x.message])).toEqual([['warning', '“依申请公开”一段仍是默认草稿，没有按本单位的实际情况修改。']]);
    expect(checkNarrative(`2022年\n${draft.replace('规范答复格式', '统一答复文书格式')}`, county()).filter((x) => x.id === 'NARR-DRAFT')).toEqual([]);
  });
});
