/** T4-NARRATIVE: what the text says about 行政复议/行政诉讼 results against table 四. */
import { formatOf } from '../formats';
import { numeric, type ReportData } from '../model/report';
import type { LocatedReport } from '../read/types';
import { RULES } from '../messages/rules';
import { describeCell, valueCell, type CellContext } from './cells';
import type { Finding } from './types';

interface Claim {
  pattern: RegExp;
  /** table 四 fields that must be 0 for the claim to hold */
  zero: string[];
}

/** Claims about results, and what each requires of table 四 (spec §6: 结果纠正 = 0 and 尚未审结 = 0). */
const CLAIMS: Claim[] = [
  // 均获维持 · 均被维持 · 全部维持 · 都得到维持 · 均予以维持
  { pattern: /(均|全部|全都|都|皆|一律)(已)?(获|被|予以|得到|获得)?维持/u, zero: ['corrected', 'pending'] },
  // 无败诉 · 未败诉 · 没有败诉 · 零败诉 · 未出现败诉 · 未发生行政复议被纠错 · 未被纠错 · 败诉率为零
  {
    pattern: /(无|没有|未有|(?<!尚)未|零)(出现|发生)?[^，。；！？,;!?\n]{0,10}?(败诉|被纠错|被纠正|纠错)|败诉率(为|是)?(零|0)/u,
    zero: ['corrected', 'pending'],
  },
  // 均已审结 · 全部审结
  { pattern: /(均|全部|全都|都)(已经|已)?(审结|结案)/u, zero: ['pending'] },
];

/** The table 四 groups a sentence speaks of; all groups when it names none. */
function groupsOf(sentence: string): string[] {
  // “复议后起诉” and “未经复议直接起诉” name litigation, not 行政复议
  const s = sentence.replace(/复议后起诉|未经(?:行政)?复议/gu, '');
  const review = /行政复议|复议/u.test(s);
  const direct = /直接起诉/u.test(sentence);
  const after = /复议后起诉/u.test(sentence);
  const litigation = /诉讼|起诉|应诉/u.test(s) && !direct && !after;
  const groups: string[] = [];
  if (review) groups.push('admin_review');
  if (direct || litigation) groups.push('litigation_direct');
  if (after || litigation) groups.push('litigation_after_review');
  return groups.length ? groups : ['admin_review', 'litigation_direct', 'litigation_after_review'];
}

/** Sentences of a text, each with its end mark, trimmed. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？；!?;\n])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Findings for sentences that claim all cases were upheld / none lost / all concluded while table 四
 * has 结果纠正 or 尚未审结 cases. One finding per sentence and claim.
 */
export function checkReviewNarrative(
  text: string,
  report: ReportData,
  options: { cells?: LocatedReport['cells']; sheetOf?: string } = {},
): Finding[] {
  const format = formatOf(report);
  const ctx: CellContext = { format, data: report, cells: options.cells, sheetOf: options.sheetOf };
  const table = format.tables.table4;
  const def = format.checks.find((c) => c.id === 'T4-NARRATIVE');
  const out: Finding[] = [];
  for (const sentence of sentences(text)) {
    const seen = new Set<string>();
    for (const claim of CLAIMS) {
      const m = claim.pattern.exec(sentence);
      if (!m) continue;
      const groups = groupsOf(sentence);
      const bad = groups.flatMap((g) =>
        claim.zero
          .map((f) => valueCell(table, g, f))
          .filter((v): v is NonNullable<typeof v> => !!v)
          .filter((v) => (numeric(report.table4?.[v.row]?.[v.col]) ?? 0) !== 0),
      );
      if (bad.length === 0) continue;
      const key = bad.map((v) => `${v.row}|${v.col}`).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const cells = bad.map((v) => describeCell(ctx, 'table4', v));
      const facts = bad
        .map((v) => {
          const group = v.fullRowLabel;
          return RULES.reviewFact(group, v.colLabel, numeric(report.table4[v.row][v.col]) ?? 0);
        })
        .join('，');
      out.push({
        id: 'T4-NARRATIVE',
        severity: def?.severity ?? 'warning',
        table: 'table4',
        cells,
        ...(cells.length === 1 ? { suspect: cells[0] } : {}),
        basis: def?.basis ?? '',
        message: RULES.reviewNarrative(m[0], facts),
        suggestion: RULES.reviewNarrativeFix,
        sentence,
      });
    }
  }
  return out;
}
