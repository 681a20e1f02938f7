/**
 * Against the report generator: for random consistent figures, the generated report reads back
 * to the same figures (text and HTML), passes the narrative checks, and a figure changed in its
 * text is caught and named.
 */
import fc from 'fast-check';
import { importPublishedReport } from '../../../src/core/import';
import type { ReportData } from '../../../src/core/model/report';
import { defaultProfile, generateReport } from '../../../src/core/narrative';
import { checkNarrative } from '../../../src/core/narrative-check';
import { renderHtml } from '../../../src/core/render/html';
import { renderText } from '../../../src/core/render/text';
import { getFormat } from '../../../src/core/formats';
import { emptyReport } from '../../../src/core/model/report';
import { consistentReportAnyFormat } from '../../helpers/arbitrary';

function documentOf(data: ReportData) {
  const profile = defaultProfile(data);
  profile.proactive.items = 65;
  profile.processingFee = { cases: 0, amountYuan: 0 };
  return generateReport(data, profile);
}

describe('generated reports', () => {
  it('read back to the same figures from their text and their HTML', () => {
    fc.assert(
      fc.property(consistentReportAnyFormat(), (data) => {
        const doc = documentOf(data);
        const fromText = importPublishedReport(renderText(doc), { kind: 'text' });
        expect(fromText.data).toEqual(data);
        expect(fromText.issues).toEqual([]);
        const fromHtml = importPublishedReport(renderHtml(doc, { standalone: true }));
        expect(fromHtml.data).toEqual(data);
        expect(fromHtml.issues).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('pass the narrative checks, and a changed number of applications is caught with its sentence', () => {
    fc.assert(
      fc.property(consistentReportAnyFormat(), (data) => {
        const text = renderText(documentOf(data));
        const placeholders = checkNarrative(text, data).filter((f) => f.id !== 'NARR-PLACEHOLDER' && f.id !== 'NARR-DRAFT');
        expect(placeholders).toEqual([]);

        const total = data.table3.new_received.total as number;
        if (total === 0) {
          // “本年度未收到政府信息公开申请” against a table that now says 1
          const other: ReportData = { ...data, table3: { ...data.table3, new_received: { ...data.table3.new_received, total: 1 } } };
          const f = checkNarrative(text, other).filter((x) => x.id === 'NARR-TABLE');
          expect(f.map((x) => [x.sentence?.includes('未收到'), x.cells.map((c) => c.row)])).toEqual([[true, ['new_received']]]);
          return;
        }
        const m = /收到[^，。]*?申请(\d+)件/.exec(text);
        expect(m).not.toBeNull();
        const stated = Number(m![1]);
        expect(stated).toBe(total);
        const changed = text.replace(m![0], m![0].replace(`${stated}件`, `${stated + 1}件`));
        const f = checkNarrative(changed, data).filter((x) => x.id === 'NARR-TABLE');
        expect(f).toHaveLength(1);
        expect(f[0].sentence).toContain(`${stated + 1}件`);
        expect(f[0].cells.map((c) => `${c.table}.${c.row}.${c.col}`)).toEqual(['table3.new_received.total']);
        expect([f[0].expected, f[0].actual]).toEqual([stated, stated + 1]);
      }),
      { numRuns: 40 },
    );
  });

  it('with no applications: “未收到” passes against 0 and is caught against 1', () => {
    const data = emptyReport(getFormat('2021')!, 2023, '某某镇人民政府', 0);
    const text = renderText(documentOf(data));
    expect(checkNarrative(text, data).filter((f) => f.id !== 'NARR-PLACEHOLDER' && f.id !== 'NARR-DRAFT')).toEqual([]);
    data.table3.new_received.total = 1;
    const f = checkNarrative(text, data).filter((x) => x.id === 'NARR-TABLE');
    expect(f.map((x) => [x.sentence?.includes('未收到'), x.cells.map((c) => c.row)])).toEqual([[true, ['new_received']]]);
  });
});
