/** Every user-facing string of the rules engine (校验), zh-CN. */

const num = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4))));

/** “D4、D5、D6 等 24 个单元格” for long lists. */
const list = (cells: string[]): string => (cells.length <= 6 ? cells.join('、') : `${cells.slice(0, 5).join('、')} 等 ${cells.length} 个单元格`);

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

  /* ------------------------------------------------------------ titles (by the relation) */
  /** “表三“自然人”列不平衡：左边 14147，右边 14102，差 45” */
  titleEquation: (head: string, left: number, right: number, diff: number): string =>
    `${head}不平衡：左边 ${num(left)}，右边 ${num(right)}，差 ${num(Math.abs(diff))}`,
  titleTotal: (head: string, total: number, parts: number, diff: number): string =>
    `${head}总计与各项之和不符：总计 ${num(total)}，各项之和 ${num(parts)}，差 ${num(Math.abs(diff))}`,
  titleCrossYear: (head: string, current: number, previous: number, diff: number): string =>
    `${head}与上年报告不一致：本年 ${num(current)}，上年报告 ${num(previous)}，差 ${num(Math.abs(diff))}`,
  titleNotGreater: (head: string, left: number, right: number, diff: number): string =>
    `${head}：${num(left)} 大于 ${num(right)}，多 ${num(Math.abs(diff))}`,
  titleNotLess: (head: string, left: number, right: number, diff: number): string =>
    `${head}：${num(left)} 小于 ${num(right)}，少 ${num(Math.abs(diff))}`,

  /* ------------------------------------------------------------ the likely wrong cell */
  reasonTransposition: (diff: number, value: number, suggested: number): string =>
    `差 ${num(diff)} 可被 9 整除，${num(value)} 与 ${num(suggested)} 只是相邻两位数字颠倒`,
  reasonTimesTen: (value: number, suggested: number): string => `${num(value)} 是 ${num(suggested)} 的 10 倍，像是多输了一个 0`,
  reasonTenth: (value: number, suggested: number): string => `${num(value)} 是 ${num(suggested)} 的十分之一，像是少输了一个 0`,
  reasonEqualsDifference: (value: number): string => `它的数值 ${num(value)} 恰好等于差额，可能重复计入`,
  reasonPreviousYear: (n: number): string =>
    `它与上年报告的“结转下年度继续办理”不一致，并且同时出现在 ${n} 处不成立的关系中，改正它后都成立`,
  reasonReportText: (stated: number): string => `报告正文写的是 ${num(stated)}，只有改正它，表格才与正文一致`,
  reasonEveryRelation: (n: number): string => `它同时出现在 ${n} 处不成立的关系中`,
  reasonCellValue: '单元格里不是有效的数值',
  reasonOnlyCell: '改动其他单元格都会破坏已经成立的关系，只有它能单独使本关系成立',
  likelySuggestion: (label: string, address: string | undefined, reason: string, fix: number | undefined): string =>
    `最可能填错的是${label}${address ? `（${address}）` : ''}：${reason}。` +
    (fix !== undefined ? `若其他单元格无误，它应为 ${num(fix)}。` : '') +
    '请先核对该单元格。',
  noLikelySlips: (diff: number, cells: string[]): string =>
    `差 ${num(diff)} 像是数字颠倒或多输、少输了一个 0，但 ${list(cells)} 都符合，无法确定是哪一个。`,
  noLikelyTotal: (total: string, parts: number, diff: number): string =>
    `只有“总计 = 各项之和”这一个等式，无法判断是总计（${total}）填错还是某一项填错：改动总计或 ${parts} 项中的任一项 ${num(diff)} 都能使它成立。`,
  noLikelySeveral: (cells: string[], diff: number): string =>
    `${list(cells)} 中任一个改动 ${num(diff)} 都能使它成立，仅凭表内数字无法确定是哪一个。`,
  hintEqualsDifference: (cell: string, value: number): string => `其中 ${cell} 的数值 ${num(value)} 恰好等于差额，如有重复计入，可先核对它。`,
  noLikelyCrossYear: '本年表内的勾稽关系都成立，改动本年的单元格反而会破坏它们；可能是上年报告的数字有误或后来更正过，请与上年报告核对。',
  noLikelyNone: '没有一个单元格能单独解释这一不平衡，可能不止一处填错。',

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
  tooLarge: (label: string, value: number, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}为 ${num(value)}，超过电子表格能精确保存的最大整数（2^53 − 1 = 9007199254740991），不可能是实际数量，可能是误填或公式出错。`,
  negativeCount: (label: string, value: number, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}为 ${num(value)}，件数不能为负数。`,
  fractionCount: (label: string, value: number, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}为 ${num(value)}，件数应为整数。`,
  fractionSigned: (label: string, value: number, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}为 ${num(value)}，本年增/减应为整数（可为负数）。`,
  negativeAmount: (label: string, value: number, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}为 ${num(value)}，金额不能为负数。`,
  tooManyDecimals: (label: string, value: number, unit: string | undefined, address?: string): string =>
    `${label}${address ? `（${address}）` : ''}为 ${value}，金额${unit ? `（单位：${unit}）` : ''}最多保留 6 位小数（精确到分）。`,
  fillZero: '填写数字；本项没有发生的填 0。',
  /** many blank cells of one table, as ranges */
  blanks: (table: string, n: number, ranges: string): string =>
    `${table}有 ${n} 个单元格为空：${ranges}。统计表各项应填写数字，没有的填 0。`,
  blanksTitle: (table: string, n: number): string => `${table}有 ${n} 个单元格为空`,
  blankTitle: (label: string, address?: string): string => `${label}${address ? `（${address}）` : ''}为空`,
  /** a blank total whose parts are filled: “J31 为空；按本行各项之和应为 272” */
  blankTotal: (label: string, address: string | undefined, along: string, value: number | undefined): string =>
    value !== undefined
      ? `${label}${address ? `（${address}）` : ''}为空；按${along}之和应为 ${num(value)}。`
      : `${label}${address ? `（${address}）` : ''}为空；它是${along}之和，不要直接填 0，请先填写各项。`,
  blankTotals: (table: string, items: string): string => `${table}有总计单元格为空，按各项之和应为：${items}。`,
  blankTotalItem: (where: string, value: number | undefined): string => (value !== undefined ? `${where} 为 ${num(value)}` : `${where}（各项未填全）`),
  blankTotalsTitle: (table: string, n: number): string => `${table}有 ${n} 个总计单元格为空`,
  blankTotalFix: '填入各项之和（或恢复求和公式），不要填 0。',
  along: { row: '本行各项', column: '本列各项', parts: '各项' },
  reasonBlankTotal: (along: string): string => `它是空的总计，按${along}之和计算`,
  /** a table with no values at all */
  unfilled: (table: string, caption: string, n: number): string =>
    `${table}（${caption}）尚未填写：${n} 个数值单元格都是空的，本表的勾稽关系暂不校验。`,
  unfilledTitle: (table: string): string => `${table}尚未填写`,
  unfilledFix: '据实填写本表；没有发生的事项填 0。',
  fixNumber: '改为数值（不带单位和文字）。',
  fixCount: '改为不小于 0 的整数。',
  fixSigned: '改为整数：增加填正数，减少填负数，没有变化填 0。',
  fixAmount: (unit?: string): string => `改为不小于 0、最多 6 位小数（精确到分）的金额${unit ? `（单位：${unit}）` : ''}。`,

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
