/**
 * Every user-facing string of reading published reports (导入), of the narrative checks
 * (报告正文与表格核对) and of last year's figures (上年数据), zh-CN.
 */

const num = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4))));

export const IMPORT = {
  num,
  /** “表三 一、本年新收政府信息公开申请数量 · 自然人” */
  cellLabel: (tableShort: string, row: string, col: string): string => (col ? `${tableShort} ${row} · ${col}` : `${tableShort} ${row}`),
  rowLabel: (tableShort: string, row: string): string => `${tableShort} ${row}`,

  yearLabel: '年度',
  organizationLabel: '单位',
  formatLabel: '格式',
  titleLabel: '标题',
  noTitle: '未找到报告标题（“××年度…政府信息公开工作年度报告”）。',
  noYear: '标题中未找到报告年度，年度记为 0，请核对后填写。',
  yearFromOption: (given: number, title: number): string => `标题写的是 ${title} 年度，按指定的 ${given} 年度导入。`,
  noOrganization: '标题中未找到单位名称，请核对后填写。',
  formatByYear: (year: number, source: string): string =>
    `表格标签不足以判定格式，按 ${year} 年度采用${source}格式。`,
  formatYearMismatch: (year: number, source: string): string =>
    `表格为${source}格式，但报告年度为 ${year} 年，格式与年度不符。`,

  tableMissing: (tableShort: string, caption: string): string => `未找到${tableShort}（${caption}），其数值全部留空。`,
  rowMissing: (count: number): string => `未找到该行，${count} 个数值留空。`,
  rowCount: (found: number, expected: number): string =>
    `该行读到 ${found} 个数值，应为 ${expected} 个；无法确定对应哪几列，全部留空，请对照原文填写。`,
  rowExtra: (extra: number): string => `该行多出 ${extra} 个数值，未使用。`,
  rowDuplicate: '该行重复出现，只取第一次出现的数值。',
  unmatchedRow: (values: string): string => `未能对应到官方表格的行，其数值（${values}）未导入。`,
  unlabelledValues: '（无行标签）',
  blankValue: (text: string): string => (text ? `原表填写为“${text}”，按空白读取（官方表格应填 0）。` : '原表该格为空，按空白读取（官方表格应填 0）。'),
  textValue: (text: string): string => `原表该格为文字“${text}”，不是数字，按原文保留。`,
  unitConverted: (text: string, value: number): string => `原表写作“${text}”（单位：元），按 ${String(value)} 万元读取（同一金额，只换算单位，未四舍五入）。`,
  table4Count: (found: number): string =>
    `表四读到 ${found} 个数值，应为 15 个（行政复议 5 个、行政诉讼 10 个）；无法确定对应关系，全部留空。`,
  table4Extra: (found: number): string => `表四读到 ${found} 个数值，只取前 15 个。`,
  headerMissing: (tableShort: string, label: string): string =>
    `${tableShort}表头“${label}”未找到，按官方列序读取。`,
  headerMissingBlank: (tableShort: string, label: string): string =>
    `${tableShort}表头“${label}”未找到，该列数值留空。`,
  headerLabel: '表头',
  scriptLabel: '文字',
  traditional: '原文为繁体字，已按简体字对照读取（只换写字形，数值不变）。',
  labelMapped: (text: string, source: string, official: string): string => `原表写作“${text}”（${source}格式的写法），按本格式的“${official}”读取。`,
  labelAltered: (text: string, official: string): string => `原表写作“${text}”，按“${official}”读取。`,
  tableUnreadable: (tableShort: string): string => `${tableShort}未能读出：单元格之间没有分隔（数字与文字连在一起），无法确定各数值所在的行和列，其数值全部留空。请改用网页、Word 或 PDF 原件导入，或对照原文填写。`,
};

/* ---------------------------------------------------------------- narrative checks */

export const NARRATIVE_CHECK = {
  titles: {
    'NARR-TABLE': '正文数字与表格一致',
    'NARR-SUM': '正文中各分项与合计一致',
    'NARR-UNIT': '正文计量单位',
    'NARR-YEAR': '报告年度与统计期限',
    'NARR-SECTIONS': '报告的六个部分',
    'NARR-PLACEHOLDER': '未填写的占位符',
    'NARR-SUBJECT': '报告主体',
  } as Record<string, string>,
  basis: {
    'NARR-TABLE': '正文中写到的表格数量（收到申请、办结、予以公开、结转、行政复议、行政诉讼等）应与表格数字一致',
    'NARR-SUM': '正文列出的各分项之和应等于同句所写的合计；同一数量在正文中只能有一个数值',
    'NARR-UNIT': '申请以“件”计，不用“条”“起”；金额单位与表格一致（表二收费金额单位为万元）',
    'NARR-YEAR': '标题和正文写明报告年度；统计期限为报告年度1月1日至12月31日；除明确的同比比较外不写其他年度的数字',
    'NARR-SECTIONS':
      '报告依次包括一、总体情况至六、其他需要报告的事项六个部分；五、六两部分不留空；2021年度起六、其他需要报告的事项应说明信息处理费收取情况（国办函〔2020〕109号）',
    'NARR-PLACEHOLDER': '正文不得留有“XX”“20XX”“××”“待补充”“待填写”“……”“TODO”等未填写的占位符',
    'NARR-SUBJECT': '正文中的本机关应为报告单位本身（照抄他人报告时常留下其他单位的名称）',
  } as Record<string, string>,

  sumLabel: (label: string, n: number): string => `${label}（${n} 项之和）`,
  tableMismatch: (what: string, textValue: number, unit: string, cell: string, tableValue: number): string =>
    `正文写${what}为 ${num(textValue)}${unit}，而${cell}为 ${num(tableValue)}，相差 ${num(Math.abs(textValue - tableValue))}。`,
  zeroClaim: (what: string, cell: string, tableValue: number): string =>
    `正文写没有${what}，而${cell}为 ${num(tableValue)}。`,
  tableSuggestion: (cell: string): string => `核对正文与${cell}，改正其中错误的一处。`,

  sumMismatch: (totalWhat: string, total: number, parts: string, sum: number): string =>
    `正文写${totalWhat}共 ${num(total)}，列出的分项${parts}之和为 ${num(sum)}，相差 ${num(Math.abs(total - sum))}。`,
  sumExceeds: (totalWhat: string, total: number, parts: string, sum: number): string =>
    `正文写${totalWhat}共 ${num(total)}，列出的分项${parts}之和为 ${num(sum)}，已超过合计 ${num(sum - total)}。`,
  sumSuggestion: '核对该句中的合计与各分项。',
  twoValues: (what: string, a: number, b: number, other: string): string =>
    `正文对${what}写了两个不同的数：${num(a)} 与 ${num(b)}（另一处：“${other}”）。`,
  twoValuesSuggestion: '统一正文中该数量的写法，并与表格核对。',

  unitApplications: (unit: string): string => `政府信息公开申请以“件”计，正文写作“${unit}”。`,
  unitApplicationsSuggestion: '将单位改为“件”。',
  unitAmount: (textValue: string, cell: string, tableValue: number): string =>
    `正文写作“${textValue}”，而${cell}为 ${num(tableValue)} 万元，金额单位可能写错（万元与元）。`,
  unitAmountSuggestion: '核对金额单位：表格收费金额以万元计。',
  unitWan: (total: string, sum: number): string =>
    `正文写合计“${total}”，而列出的分项之和为 ${num(sum)} 条，“万条”可能是误写。`,
  unitWanSuggestion: '核对合计的单位是否应为“条”。',

  periodYear: (stated: string, year: number): string => `统计期限写作“${stated}”，与报告年度 ${year} 年不符。`,
  periodSuggestion: (year: number): string => `统计期限应为 ${year}年1月1日至${year}年12月31日。`,
  titleYear: (titleYear: number, year: number): string => `标题写的是 ${titleYear} 年度，而报告年度为 ${year} 年。`,
  titleYearSuggestion: '核对标题中的年度。',
  yearAbsent: (year: number): string => `标题和正文都没有写明报告年度 ${year} 年。`,
  yearAbsentSuggestion: (year: number): string => `在标题和总体情况中写明“${year}年”。`,
  otherYearFigures: (other: number, year: number): string =>
    `这句写的是 ${other} 年的数字，而报告年度为 ${year} 年；如果是与往年比较，请写明“较${other}年”等。`,
  otherYearSuggestion: (year: number): string => `核对年份，应为 ${year} 年的情况。`,

  sectionMissing: (heading: string): string => `未找到“${heading}”部分。`,
  sectionMissingSuggestion: (heading: string): string => `补上“${heading}”部分（没有内容的写“无”）。`,
  sectionOrder: (heading: string, after: string): string => `“${heading}”出现在“${after}”之后，顺序与官方格式不符。`,
  sectionOrderSuggestion: '按官方格式的顺序排列六个部分。',
  sectionEmpty: (heading: string): string => `“${heading}”部分没有内容。`,
  sectionEmptySuggestion: '写明情况，没有需要报告的事项时写“无”。',
  feeMissing: '2021年度起的报告应在“六、其他需要报告的事项”中说明信息处理费的收取情况，正文没有写到信息处理费。',
  feeMissingSuggestion: '写明“本年度未收取信息处理费”或收取的金额。',

  placeholder: (token: string): string => `正文留有未填写的占位符“${token}”。`,
  placeholderSuggestion: '填上实际内容，删去占位符。',

  subject: (named: string, org: string): string => `以本机关口吻的句子写的是“${named}”，而报告单位是“${org}”，可能照抄了其他单位的报告。`,
  subjectSuggestion: (org: string): string => `核对单位名称，应为“${org}”。`,
};

/* ---------------------------------------------------------------- last year's figures */

export const PREVIOUS = {
  sheetName: '上年数据',
  title: '上年数据（上一年度报告的表格数字，供上年结转与跨年度校验使用）',
  format: '格式',
  year: '年度',
  organization: '单位',
  header: ['表', '行', '列', '数值', '说明'] as const,
};
