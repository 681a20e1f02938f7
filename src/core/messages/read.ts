/** Every user-facing string of the reader (读取统计表), zh-CN. */
import { TABLE_SHORT_NAMES } from '../formats/common';
import type { ReadIssue } from '../read/types';

/** 表二/表三/表四 by table id (the formats' short names) */
const TABLE_SHORT: Readonly<Record<string, string>> = TABLE_SHORT_NAMES;

const where = (issue: ReadIssue): string => {
  const t = issue.table ? TABLE_SHORT[issue.table] ?? '' : '';
  const at = issue.address ? `${issue.sheet}!${issue.address}` : issue.sheet;
  return t ? `${t}（${at}）` : at;
};

export const READ = {
  tableShort: (table: string): string => TABLE_SHORT[table] ?? table,
  formatBy: {
    layout: '按表格样式判断格式',
    metadata: '按工作表记录的格式判断',
    year: '按报告年度判断格式',
    default: '无法判断格式，按最新格式读取',
  } as Record<'layout' | 'metadata' | 'year' | 'default', string>,
  /** the report was put together from tables on several sheets */
  combined: (sheets: string[]): string => `统计表分布在多个工作表（${sheets.join('、')}），已合并为一份报告读取。`,
  noTables: (sheet: string): string => `工作表“${sheet}”中没有找到年度报告统计表。`,
  /** one Chinese sentence per reader issue */
  issue: (issue: ReadIssue): string => {
    const w = where(issue);
    switch (issue.kind) {
      case 'unmapped-label':
        return issue.text
          ? `${w}：无法识别的表头“${issue.text}”，该列未读取。`
          : `${w}：该行没有标签，未读取。`;
      case 'missing-row':
        return `${w}：缺少“${issue.official ?? issue.text}”行，相应数值按空白处理。`;
      case 'missing-column':
        return `${w}：缺少“${issue.official ?? issue.text}”列（${issue.text}），相应数值按空白处理。`;
      case 'missing-table':
        return `${w}：没有找到${issue.table ? TABLE_SHORT[issue.table] : '统计表'}（${issue.official ?? issue.text}）。`;
      case 'altered-label':
        return `${w}：标签“${issue.text}”与官方格式“${issue.official ?? ''}”不一致，已按“${issue.official ?? ''}”读取。`;
      case 'unit-in-cell': {
        const t = issue.text.normalize('NFKC').replace(/\s/gu, '');
        const sameUnit = !issue.official || t.endsWith(issue.official) || (issue.official === '件' && /[项个]$/u.test(t));
        return sameUnit
          ? `${w}：单元格中带有单位（“${issue.text}”），已读取其中的数字；统计表应只填数字。`
          : `${w}：“${issue.text}”的单位与表格单位（${issue.official}）不一致，未换算，请换算为${issue.official}后只填数字。`;
      }
      case 'extra-row':
        return issue.official
          ? `${w}：“${issue.text}”行重复出现，未读取。`
          : `${w}：官方格式中没有“${issue.text}”行，未读取。`;
      default:
        return `${w}：${issue.text}`;
    }
  },
};
