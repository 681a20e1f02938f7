/**
 * What a workbook can hold that the .xlsx writer outside Excel (ExcelJS) would drop when it
 * rewrites the file: one Chinese name per kind, for the refusal and the choice to write a new file.
 * (Pictures, notes/comments, conditional formatting and data validation are carried over; tested.)
 */
export type UnsupportedKind =
  | 'chart'
  | 'pivot'
  | 'vba'
  | 'slicer'
  | 'timeline'
  | 'external-link'
  | 'threaded-comment'
  | 'form-control'
  | 'activex'
  | 'embedded-object'
  | 'data-model'
  | 'query'
  | 'macro-sheet'
  | 'signature'
  | 'shape'
  | 'sparkline'
  | 'extended-validation'
  | 'extended-formatting'
  | 'header-picture';

export const UNSUPPORTED_PART_LABELS: Record<UnsupportedKind, string> = {
  chart: '图表',
  pivot: '数据透视表',
  vba: '宏（VBA 代码）',
  slicer: '切片器',
  timeline: '日程表（时间线筛选）',
  'external-link': '指向其他工作簿的外部链接',
  'threaded-comment': '新式批注（可回复的讨论）',
  'form-control': '表单控件（按钮、复选框等）',
  activex: 'ActiveX 控件',
  'embedded-object': '嵌入的对象（如 Word 文档、公式编辑器对象）',
  'data-model': '数据模型（Power Pivot）',
  query: '外部数据查询或连接',
  'macro-sheet': 'Excel 4.0 宏表或对话框表',
  signature: '数字签名',
  shape: '形状、文本框或 SmartArt',
  sparkline: '迷你图',
  'extended-validation': '引用其他工作表的数据有效性（下拉列表）',
  'extended-formatting': '新式条件格式（数据条、图标集等的扩展设置）',
  'header-picture': '页眉页脚中的图片',
};
