/**
 * What we publish can be read back: the importer of published reports (core/import) recovers the year,
 * the organization, the format and every table value from our text and HTML, and the T4-NARRATIVE check
 * finds nothing to object to in the generated wording.
 */
import fc from 'fast-check';
import { FORMATS } from '../../../src/core/formats';
import { importPublishedReport } from '../../../src/core/import';
import { generateReport } from '../../../src/core/narrative/generate';
import { defaultProfile } from '../../../src/core/narrative/profile';
import { renderHtml } from '../../../src/core/render/html';
import { renderText } from '../../../src/core/render/text';
import { checkReviewNarrative } from '../../../src/core/rules/narrative';
import { consistentReport } from '../../helpers/arbitrary';

describe.each(FORMATS.map((f) => [f.id, f] as const))('format %s', (_id, format) => {
  it.each(['html', 'text'] as const)('the %s rendering imports back to the same report data', (kind) => {
    fc.assert(
      fc.property(consistentReport(format), (data) => {
        const doc = generateReport(data, defaultProfile(data));
        const published = kind === 'html' ? renderHtml(doc, { standalone: true }) : renderText(doc);
        const back = importPublishedReport(published).data;
        expect(back).toEqual(data);
        expect(checkReviewNarrative(renderText(doc), data)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
