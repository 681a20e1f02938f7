/** Every user-facing string of the rules engine (校验), zh-CN. */

/** Short row names of table 三 for equations (the full label stays in the cell description). */
export const T3_SHORT_ROWS: Readonly<Record<string, string>> = {
  new_received: '一、本年新收',
  carried_over: '二、上年结转',
  total_processed: '三（七）总计',
  carried_forward: '四、结转下年度',
};

const num = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4))));

export const RULES = {
  num,
  /** “表三 一、本年新收政府信息公开申请数量 · 自然人” */
  cellLabel: (tableShort: string, rowPart: string, colPart: string): string =>
    colPart ? `${tableShort} ${rowPart} · ${colPart}` : `${tableShort} ${rowPart}`,
  /** a cell in last year's report */
  previousCellLabel: (label: string, year?: number): string => `${year ? `${year}年度报告` : '上年报告'} ${label}`,
  /** a term of an equation: “一、本年新收（D4=12）” or, without a sheet, “一、本年新收（12）” */
  term: (name: string, value: number, address?: string): string =>
    address ? `${name}（${address}=${num(value)}）` : `${name}（${num(value)}）`,
  previousTerm: (name: string, year?: number): string => `${year ? `${year}年度报告` : '上年报告'}的${name}`,
  /** where the cell is, for sentences: “（D4）” or '' */
  at: (address?: string): string => (address ? `（${address}）` : ''),
  plus: '+ ',
  minus: '− ',
  equals: '= ',
  restZero: (n: number): string => `（其余 ${n} 项为 0）`,
  allZero: (n: number): string => `各项（共 ${n} 项）均为 0`,

  /* ------------------------------------------------------------ equations */
  equation: (head: string, left: string, right: string, diff: number): string =>
    `${head}：${left}，${right}，相差 ${num(Math.abs(diff))}。`,
  pairEquation: (head: string, left: string, right: string, diff: number): string =>
    `${head}：${left}与${right}不一致，相差 ${num(Math.abs(diff))}。`,
  totalEquation: (head: string, total: string, parts: string, diff: number): string =>
    `${head}：${total}，而${parts}，相差 ${num(Math.abs(diff))}。`,
  notGreater: (head: string, left: string, right: string, diff: number, leftIsSum: boolean): string =>
    `${head}：${left}${leftIsSum ? '，' : ''}应不大于${right}，多出 ${num(Math.abs(diff))}。`,
  notLess: (head: string, left: string, right: string, diff: number, leftIsSum: boolean): string =>
    `${head}：${left}${leftIsSum ? '，' : ''}应不小于${right}，少 ${num(Math.abs(diff))}。`,

  suspectTwice: (label: string, address: string | undefined, failing: number, fix: number | undefined): string =>
    `最可能填错的是${label}${address ? `（${address}）` : ''}：它同时出现在 ${failing} 处不成立的关系中。` +
    (fix !== undefined ? `若其他单元格无误，它应为 ${num(fix)}。` : '') +
    '请先核对该单元格。',
  suspectTotal: (label: string, address: string | undefined, expected: number): string =>
    `请先核对总计单元格${label}${address ? `（${address}）` : ''}：按各项之和应为 ${num(expected)}；若总计无误，再逐项核对各项。`,
  recountSides: (left: string, right: string, diff: number): string =>
    `左边（${left}）比右边（${right}）${diff > 0 ? '多' : '少'} ${num(Math.abs(diff))}，请重新清点两边各项，找出多计或漏计的一边。`,
  /** suggestions for failing error relations without a suspect cell, by check id */
  errorSuggestion: {
    'XY-CARRY':
      '本年“二、上年结转政府信息公开申请数量”应与上一年度报告“四、结转下年度继续办理”一致；请核对两者，上年数字如经更正，以更正后的为准。',
  } as Record<string, string>,
  candidates: (list: string): string => `最可能填错的是以下单元格之一：${list}。请逐一核对。`,

  /** suggestions for warnings, by check id */
  warningSuggestion: {
    'T2-2019-le': '对外公开总数量应包含本年新公开的文件，请核对这两个数。',
    'T2-2019-ge': '上一年项目数量加本年增/减即本年项目数量，不能为负；请核对“本年增/减”的正负号和数值。',
    'T2-INFORCE': '本年制发的文件一般仍然有效，应计入现行有效件数；请核对这两个数。',
    'XY-INFORCE': '请核对现行有效件数，或上年报告的现行有效件数、本年制发与废止件数。',
  } as Record<string, string>,

  /* ------------------------------------------------------------ cells */
  blank: (label: string, address?: string): string => `${label}${address ? `（${address}）` : ''}为空，统计表各项应填写数字，没有的填 0。`,
  placeholder: (label: string, text: string, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}填的是“${text}”，统计表各项应填写数字，没有的填 0，不填“-”“/”“无”。`,
  text: (label: string, text: string, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}填的是文字“${text}”，应填写数字。`,
  numericText: (label: string, text: string, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}的“${text}”是以文本形式存储的数字，应为数值。`,
  notFinite: (label: string, address?: string): string => `${label}${address ? `（${address}）` : ''}不是有效的数字。`,
  negativeCount: (label: string, value: number, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}为 ${num(value)}，件数不能为负数。`,
  fractionCount: (label: string, value: number, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}为 ${num(value)}，件数应为整数。`,
  fractionSigned: (label: string, value: number, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}为 ${num(value)}，本年增/减应为整数（可为负数）。`,
  negativeAmount: (label: string, value: number, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}为 ${num(value)}，金额不能为负数。`,
  tooManyDecimals: (label: string, value: number, unit: string | undefined, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}为 ${value}，金额${unit ? `（单位：${unit}）` : ''}最多保留 4 位小数。`,
  fillZero: '填写数字；本项没有发生的填 0。',
  fixNumber: '改为数值（不带单位和文字）。',
  fixCount: '改为不小于 0 的整数。',
  fixSigned: '改为整数：增加填正数，减少填负数，没有变化填 0。',
  fixAmount: (unit?: string): string => `改为不小于 0、最多 4 位小数的金额${unit ? `（单位：${unit}）` : ''}。`,

  /* ------------------------------------------------------------ format and year */
  formatYear: (year: number, used: string, usedSource: string, right: string, rightSource: string): string =>
    `报告年度为 ${year} 年，但表格使用的是 ${used} 年格式（${usedSource}）；${year} 年度报告应使用 ${right} 年格式（${rightSource}）。`,
  formatYearFix: (right: string): string => `按 ${right} 年格式重建统计表，或核对报告年度。`,
  unknownFormat: (id: string, known: string, used: string): string =>
    `报告数据的格式“${id}”不是已知的官方格式（${known}）；以下按 ${used} 年格式校验。`,
  unknownFormatFix: (known: string): string => `把格式改为 ${known} 之一。`,

  /* ------------------------------------------------------------ labels */
  alteredLabel: (table: string, address: string | undefined, text: string, official: string): string =>
    `${table}${address ? ` ${address}` : ''}的标签“${text}”与官方格式“${official}”不一致。`,
  unknownLabel: (table: string, address: string | undefined, text: string): string =>
    `${table}${address ? ` ${address}` : ''}的标签“${text}”不是官方格式的标签。`,
  alteredLabelFix: (official: string): string => `改为“${official}”。`,
  missingRow: (table: string, text: string): string => `${table}缺少“${text}”行。`,
  missingRowFix: (text: string): string => `按官方格式补上“${text}”行，没有发生的填 0。`,
  missingColumn: (table: string, text: string): string => `${table}缺少“${text}”列。`,
  missingColumnFix: (text: string): string => `按官方格式补上“${text}”列，没有发生的填 0。`,
  missingTable: (table: string, caption: string): string => `未找到${table}（${caption}）。`,
  missingTableFix: (table: string): string => `按官方格式补上${table}，各项没有发生的填 0。`,

  /* ------------------------------------------------------------ 规章 */
  regulations: (org: string, cells: string): string =>
    `${org ? `${org}` : '本机关'}看来不是有规章制定权的机关，表二“规章”却填了数字：${cells}。` +
    '只有国务院部门、省级人民政府和设区的市、自治州人民政府能制定规章；乡镇、县级政府和地方部门的规章各项填 0。',
  regulationsFix: '如填入的是行政规范性文件，请移到“行政规范性文件”（2019 年格式为“规范性文件”）行，“规章”各项填 0。',

  /* ------------------------------------------------------------ narrative 表四 */
  reviewGroupsAll: '行政复议和行政诉讼',
  reviewNarrative: (claim: string, facts: string): string => `文中说“${claim}”，但表四${facts}。`,
  reviewFact: (group: string, col: string, value: number): string => `${group}“${col}”为 ${num(value)} 件`,
  reviewNarrativeFix: '按表四如实表述（如“行政复议 3 件，其中结果维持 2 件、结果纠正 1 件”），或核对表四。',
};

/** Chinese names of the (county-level and below) body kinds, for messages. */
export const ORG_KINDS = {
  township: '乡镇（街道）',
  department: '部门',
  government: '县级人民政府',
} as const;
