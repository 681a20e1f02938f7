/**
 * What ExcelJS cannot carry: the parts of an .xlsx file that would be lost if the workbook were
 * opened and saved again outside Excel (fill, fix, the pane's download). Found by the zip's part
 * names and, for drawings and sheets, by the elements their XML holds. No Node APIs.
 *
 * Tested on workbooks LibreOffice made: charts and pivot tables are lost (listed here); pictures,
 * notes, conditional formatting and data validation come through (not listed).
 */
import { UNSUPPORTED_PART_LABELS, type UnsupportedKind } from '../../core/messages/parts';
import { LIMITS } from './preflight';
import { readEntry, zipEntries } from './zip';

export interface UnsupportedPart {
  /** the first part (path inside the zip) that holds it */
  part: string;
  kind: UnsupportedKind;
  /** its Chinese name (core/messages/parts) */
  label: string;
}

/** by part name */
const BY_NAME: [RegExp, UnsupportedKind][] = [
  [/^xl\/(charts\/chart[^/]*\.xml|chartsheets\/)/i, 'chart'],
  [/^xl\/(pivotTables|pivotCache)\//i, 'pivot'],
  [/^xl\/vbaProject\.bin$/i, 'vba'],
  [/^xl\/(slicers|slicerCaches)\//i, 'slicer'],
  [/^xl\/(timelines|timelineCaches)\//i, 'timeline'],
  [/^xl\/externalLinks\//i, 'external-link'],
  [/^xl\/threadedComments\//i, 'threaded-comment'],
  [/^xl\/ctrlProps\//i, 'form-control'],
  [/^xl\/activeX\//i, 'activex'],
  [/^xl\/embeddings\//i, 'embedded-object'],
  [/^xl\/model\//i, 'data-model'],
  [/^xl\/(queryTables\/|connections\.xml$)/i, 'query'],
  [/^xl\/(macrosheets|dialogsheets)\//i, 'macro-sheet'],
  [/^_xmlsignatures\//i, 'signature'],
];

/** by what a drawing's XML holds (ExcelJS keeps only pictures of a drawing) */
const IN_DRAWING: [RegExp, UnsupportedKind][] = [
  [/<(\w+:)?graphicFrame\b/, 'chart'], // charts, SmartArt and other graphic frames
  [/<(\w+:)?(sp|cxnSp|grpSp)\b/, 'shape'],
];

/** by what a sheet's XML holds */
const IN_SHEET: [RegExp, UnsupportedKind][] = [
  [/<(\w+:)?sparklineGroups?\b/, 'sparkline'],
  [/<x14:dataValidations?\b/, 'extended-validation'],
  [/<x14:conditionalFormattings?\b/, 'extended-formatting'],
  [/<(\w+:)?legacyDrawingHF\b/, 'header-picture'],
  [/<(\w+:)?oleObjects\b/, 'embedded-object'],
  [/<(\w+:)?controls\b/, 'form-control'],
];

/**
 * The kinds of content in these .xlsx bytes that rewriting the file outside Excel would lose,
 * each once, in the order found; [] when nothing would be lost (or the bytes are not a zip).
 */
export async function unsupportedParts(bytes: Uint8Array): Promise<UnsupportedPart[]> {
  const entries = zipEntries(bytes);
  if (!entries) return [];
  const found = new Map<UnsupportedKind, string>();
  const add = (kind: UnsupportedKind, part: string) => {
    if (!found.has(kind)) found.set(kind, part);
  };
  const decoder = new TextDecoder('utf-8');
  for (const e of entries) {
    for (const [re, kind] of BY_NAME) if (re.test(e.name)) add(kind, e.name);
    const drawing = /^xl\/drawings\/[^/]+\.xml$/i.test(e.name);
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name);
    if (!drawing && !sheet) continue;
    let xml: string;
    try {
      const data = readEntry(bytes, e, Math.min(e.size, LIMITS.inflated));
      if (!data) continue;
      xml = decoder.decode(data);
    } catch {
      continue; // too large: opening the file says so
    }
    for (const [re, kind] of drawing ? IN_DRAWING : IN_SHEET) if (re.test(xml)) add(kind, e.name);
  }
  return [...found].map(([kind, part]) => ({ part, kind, label: UNSUPPORTED_PART_LABELS[kind] }));
}
