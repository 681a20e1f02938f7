/**
 * The sentences of the county office's roll-up (校验汇总, 汇总统计表, the HTML board and its charts)
 * and of verified findings (核实说明): sheet names, column headers, results, command help.
 */

/** The sheet a reviewer's verified findings are kept on (visible; a person may read and edit it). */
export const VERIFY_SHEET = '核实说明';
/** Its header row. */
export const VERIFY_HEADERS = ['检查', '单元格', '核实时数值', '说明', '日期'] as const;

/** The roll-up's sheets. */
export const BOARD_SHEET = '校验汇总';
export const ROLLUP_TABLE_SHEET = '汇总统计表';
/** The board's header row (one row a file). */
export const BOARD_HEADERS = ['文件', '单位', '年度', '格式', '结果', '错误', '警告', '首要问题', '本年新收申请'] as const;

export type RollupStatus = 'pass' | 'errors' | 'unreadable' | 'other' | 'rollup';

export const ROLLUP = {
  status: {
    pass: '通过',
    errors: '有错误',
    unreadable: '无法读取',
    other: '年度或格式不同，未汇总',
    rollup: '汇总工作簿，未汇总',
  } as Record<RollupStatus, string>,
  formatName: (id: string) => `${id} 版`,
  /** the organization written on the consolidated tables */
  organization: (count: number) => `汇总（${count} 个单位）`,
  unitsLine: (count: number, names: string) => `汇总单位（${count} 个）：${names}`,
  errorUnitsLine: (names: string) => `汇总时有错误的单位：${names || '无'}`,
  otherUnitsLine: (names: string) => `年度或格式不同，未汇总：${names}`,
  unreadableLine: (names: string) => `无法读取，未汇总：${names}`,
  rollupLine: (names: string) => `汇总工作簿，未再汇总：${names}`,
  noUnit: '（未填单位）',
  progress: (done: number, total: number, file: string) => `[${done}/${total}] ${file}`,
  chosen: (year: number, format: string, count: number) => `汇总 ${year} 年度（${format} 版格式）的 ${count} 个单位`,
  nothingToSum: '没有可以汇总的工作簿。',
  consolidatedCheck: (errors: number, warnings: number) =>
    errors === 0 && warnings === 0 ? '汇总统计表校验通过。' : `汇总统计表校验：${errors} 个错误，${warnings} 个警告。`,
  boardHeader: '校验汇总：文件 · 单位 · 年度 · 格式 · 结果 · 错误 · 警告 · 首要问题',
  totals: (files: number, pass: number, errors: number, unreadable: number, other: number) =>
    `共 ${files} 个文件：通过 ${pass}，有错误 ${errors}，无法读取 ${unreadable}，年度或格式不同 ${other}`,
  noFiles: '没有找到 .xlsx 工作簿。',
  missingInput: '缺少要汇总的工作簿文件或文件夹',
  badOutput: (f: string) => `输出文件须为 .xlsx 或 .html：${f}`,
  // the HTML board
  htmlTitle: (year: number) => `${year} 年度政府信息公开工作年度报告校验汇总`,
  htmlGenerated: (date: string) => `生成日期：${date}`,
  htmlBoard: '各单位校验结果',
  htmlConsolidated: '汇总统计',
  chartByUnit: '各单位本年新收申请与错误数',
  chartOutcomes: '办理结果构成（汇总）',
  chartByYear: (previous: number, current: number) => `与上年对比（${previous} 年 / ${current} 年）`,
  seriesApplications: '本年新收申请',
  seriesErrors: '错误',
  /** the chart data written beside the board (for Excel's own charts) */
  chartDataUnit: '单位',
  chartDataOutcome: '办理结果',
  chartDataCount: '件数',
  chartDataMetric: '项目',
  seriesYear: (year: number) => `${year} 年`,
  /** the figures compared by year */
  yearMetrics: {
    received: '本年新收申请',
    processed: '本年办结',
    granted: '予以公开',
    reconsideration: '行政复议',
    litigation: '行政诉讼',
  } as Record<string, string>,
  help: `nianbao rollup — 汇总多个单位的工作簿：校验汇总表与汇总统计表

  nianbao rollup 文件或文件夹… -o 汇总.xlsx [--year 年度] [--json]

  逐个读取工作簿（文件夹中的 .xlsx 全部读取），校验每一份，并把选定年度和格式
  （默认：最多单位所用的）的各单元格相加，写成官方格式的“汇总统计表”。
  -o, --output 文件    汇总.xlsx（“校验汇总”和“汇总统计表”两个工作表）或 汇总.html（带图表的校验汇总）
  --year 年度          只汇总该年度的报告
  --previous 文件      上年的汇总工作簿，用于图表中的逐年对比
  --json               以 JSON 输出校验汇总
  --force              覆盖已有的输出文件
  退出码：0 全部通过；1 有单位有错误；2 有文件无法读取`,
};

export const NOTE = {
  written: (check: string, cell: string, sheet: string) => `已记录核实：${check} ${cell}（工作表“${sheet}”）`,
  updated: (check: string, cell: string) => `已更新核实说明：${check} ${cell}`,
  notFound: (check: string, cell: string) => `工作簿中没有检查 ${check} 在单元格 ${cell} 的问题，未记录。`,
  candidates: (list: string) => `当前的问题：${list}`,
  missing: (what: string) => `缺少${what}`,
  verifiedHeader: '已核实',
  stale: '核实后数值已改变',
  noteLabel: '核实说明',
  help: `nianbao note — 把一个校验问题记为“已核实”

  nianbao note 工作簿.xlsx --check 检查编号 --cell 单元格 --text "说明" [-o 输出.xlsx]

  在可见的工作表“核实说明”中写一行：检查 · 单元格 · 核实时数值 · 说明 · 日期。
  已核实的问题仍会列出（在“已核实”下，附说明），但不计入退出码 1（--strict 时计入）；
  一旦相关单元格的数值改变，问题重新出现，并标为“核实后数值已改变”。
  不指定 -o 时写回原文件。`,
};
