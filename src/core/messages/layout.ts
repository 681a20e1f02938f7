/** User-facing text written into the sheet by the layout (zh-CN). */
import type { ValueKind } from '../formats/types';

export const layoutText = {
  /** the sheet title; the reader takes organization and year from `<organization><year>年…` */
  title: (organization: string, year: number): string => `${organization}${year}年政府信息公开工作年度报告统计表`,
  subtitle: (source: string, name: string): string => `（依据${source}《${name}》）`,
  checkLabel: '校验：一+二 = 三（七）总计+四',
  balanced: '平衡',
  /** followed by the difference (left − right) */
  unbalanced: '不平衡，差',
  defaultSheetName: '年报统计表',
};

/** Data-validation prompt and error shown by the spreadsheet for a value cell. */
export function validationText(kind: ValueKind, unit?: string): { title: string; message: string } {
  switch (kind) {
    case 'count':
      return { title: '请填写件数', message: `请填写不小于 0 的整数${unit ? `（单位：${unit}）` : ''}，没有的填 0。` };
    case 'signed':
      return { title: '请填写增减数', message: '请填写整数：增加填正数，减少填负数（如 -3），没有变化填 0。' };
    case 'amount':
      return {
        title: '请填写金额',
        message: `请填写不小于 0 的数，最多 6 位小数（精确到分）${unit ? `（单位：${unit}）` : ''}，没有的填 0。`,
      };
  }
}
