/** Every line the command-line tool prints, zh-CN. */
import { NOTE, ROLLUP } from './rollup';

export const CLI = {
  usage: `nianbao — 政务公开年报助手（命令行）

用法：
  nianbao init --year 2023 [--format 2021] [--org 单位名称] [--data report.json] [--manual-totals] [--previous 上年.xlsx] -o 输出.xlsx
  nianbao check 工作簿.xlsx [更多.xlsx …] [--previous 上年.xlsx|上年.json|上年.txt] [--json]
  nianbao export 工作簿.xlsx [-o report.json]
  nianbao fill 工作簿.xlsx --data report.json [-o 输出.xlsx]
  nianbao report 工作簿.xlsx [--previous 上年.xlsx] [--fragment] [--force] -o 报告.docx|报告.html|报告.txt
  nianbao import 已发布报告.txt|.html|.md|.docx|.pdf -o 工作簿.xlsx|report.json
  nianbao fix 工作簿.xlsx --zeros|--totals|--likely [-o 输出.xlsx | --force]
  nianbao rollup 文件或文件夹… -o 汇总.xlsx|汇总.html [--year 年度] [--previous 上年汇总.xlsx] [--json]
  nianbao note 工作簿.xlsx --check 检查编号 --cell 单元格 --text "说明" [-o 输出.xlsx]

每个命令加 --help 查看说明。退出码：0 无错误；1 发现错误；2 文件无法读取或参数有误。`,
  help: {
    rollup: ROLLUP.help,
    note: NOTE.help,
    init: `nianbao init — 新建年报统计表工作簿

  --year 年度          报告年度（必填），如 2023
  --format 格式        2019 或 2021；不填时按年度自动选择（2019、2020 年度用 2019 格式，2021 年度起用 2021 格式）
  --org 单位名称       写入标题的单位名称
  --data report.json   用交换格式 JSON 的数据填入表格
  --manual-totals      总计单元格不用公式，由用户手工填写（须填报官方总计数时使用）
  --previous 文件      上一年度的工作簿、JSON 或已发布报告文本：用其“四、结转下年度继续办理”预填本年
                       “二、上年结转”，并把上年数据保存在“上年数据”工作表中，供以后跨年度校验
  -o, --output 文件    输出的 .xlsx 文件（必填；已存在时不覆盖，除非加 --force）
  --force              允许覆盖已存在的输出文件`,
    check: `nianbao check — 校验工作簿中的年报统计表

  在每个工作表中按标签查找表二、表三、表四，逐项检查行合计、列合计和勾稽关系，
  用“工作表!单元格”指出问题所在。

  --previous 文件      上一年度的工作簿（.xlsx）、交换格式 JSON 或已发布报告文本，用于跨年度校验；
                       不指定时使用工作簿“上年数据”工作表中保存的上年数据（如有）
  --json               以 JSON 输出：{files: 每个文件 {file, tables, findings}, summary: 每个文件一行结果}
  --strict             已核实的问题（“核实说明”工作表，见 nianbao note）也计入退出码 1
  校验多个文件时，最后列出每个文件一行的汇总（文件 · 结果 · 错误 · 警告 · 说明）。
  已核实的问题列在“已核实”下，附核实说明；数值改变后重新列出，标为“核实后数值已改变”。
  退出码：0 没有错误；1 有错误；2 有文件无法读取`,
    export: `nianbao export — 把工作簿中的统计表导出为交换格式 JSON（report.json）

  -o, --output 文件    输出文件；不填时打印到标准输出`,
    fill: `nianbao fill — 把交换格式 JSON 的数据写入已有工作簿的统计表

  --data report.json   要写入的数据（必填）
  -o, --output 文件    写入另一个文件；不填时写回原工作簿（先写临时文件，成功后再替换）
  只写统计表的数值单元格，不改动其他内容。`,
    report: `nianbao report — 根据统计表和“报告正文”工作表生成年度报告

  -o, --output 文件    .docx（公文格式 Word）、.html（网站发布）或 .txt（纯文本）
  --previous 文件      上年的数据（工作簿、report.json 或已发布的报告），正文写出较上年的增减；
                       不填时使用工作簿中的“上年数据”工作表
  --fragment           .html 只写正文片段（不含 html/head 和标题），用于粘贴到网站编辑器
  --force              有未填写的内容、不是数字的单元格或表格有错误时仍然生成（默认不生成，退出码 1）；
                       也允许覆盖已有的输出文件`,
    import: `nianbao import — 读入已发布的年度报告：网页（.html）、网页复制的文本（.txt，UTF-8、UTF-16 或 GBK）、
  Markdown（.md）、Word 文档（.docx）或 PDF

  -o, --output 文件    .xlsx（生成带数据的统计表工作簿）或 .json（交换格式）
  --year 年度          标题中没有年度时指定
  --org 单位名称       标题中没有单位名称时指定`,
    fix: `nianbao fix — 按校验结果修正工作簿（先列出要改的单元格，再写入）

  --zeros              空白格填 0：只填空白的数值单元格；分项不全为空或 0 的合计格不填 0，公式格不动
  --totals             合计按分项重算：手工填写的合计改为各分项之和（先内层合计，再总计）
  --likely             采用建议值：把每个错误中“最可能填错”的单元格改为使其成立的数值
  -o, --output 文件    写入另一个文件（已存在时不覆盖，除非加 --force）
  --force              不加 -o 时：写回原工作簿（先写临时文件，成功后再替换）
  不加 -o 也不加 --force 时只列出要改的单元格，不写入任何文件。`,
  } as Record<string, string>,
  unknownCommand: (c: string) => `未知命令“${c}”。运行 nianbao --help 查看可用命令。`,
  badOption: (detail: string) => `参数有误：${detail}。运行 nianbao <命令> --help 查看说明。`,
  missing: (what: string) => `缺少${what}。`,
  fileMissing: (f: string) => `找不到文件“${f}”。`,
  outputExists: (f: string) => `输出文件“${f}”已存在，未覆盖。请换一个文件名，或加 --force 允许覆盖。`,
  badYear: (y: string) => `年度“${y}”不是有效的年份（应为 2019 年及以后的四位数字）。`,
  badFormat: (f: string, known: string[]) => `格式“${f}”未知，可用：${known.join('、')}。`,
  badJson: (f: string, detail: string) => `文件“${f}”不是有效的交换格式 JSON：${detail}`,
  noTables: (f: string) => `文件“${f}”中没有找到政府信息公开年报统计表（表二、表三、表四）。`,
  written: (f: string) => `已写入 ${f}`,
  filled: (n: number, f: string) => `已把 ${n} 个数值写入 ${f}`,
  fillSkipped: (n: number) => `另有 ${n} 项数据在工作簿中找不到对应单元格，未写入：`,
  fileHeader: (f: string) => `文件：${f}`,
  tablesFound: (list: string) => `  找到：${list}`,
  summary: (e: number, w: number) => (e === 0 && w === 0 ? '  校验通过：没有发现错误或警告。' : `  错误 ${e} 项，警告 ${w} 项。`),
  error: '错误',
  warning: '警告',
  suggestion: '建议',
  consequence: '同一原因',
  summaryHeader: '汇总：文件 · 结果 · 错误 · 警告 · 说明',
  status: { pass: '通过', errors: '有错误', warnings: '有警告', unreadable: '无法读取' } as Record<string, string>,
  basis: '依据',
  reportBlocked: '报告未生成：',
  reportMissingInput: (label: string, where: string) => `  尚未填写：${label}${where ? `（${where}）` : ''}`,
  reportPendingFigure: (label: string, where: string) => `  不是数字：${label}${where ? `（${where}）` : ''}`,
  reportError: (message: string, where: string) => `  表格错误：${message}${where ? `（${where}）` : ''}`,
  reportMore: (n: number) => `  ……另有 ${n} 项`,
  reportForce: '填写或改正以上各项后重新生成；仍要生成请加 --force（报告中会留下“【待填写】”“【待核实】”）。',
  reportForced: (n: number) => `注意：有 ${n} 项未填写、不是数字或表格错误，报告中留有“【待填写】”“【待核实】”，请核对后再发布。`,
  reportDrafts: (labels: string[]) => `提示：${labels.join('、')}仍是默认草稿，请按本单位实际情况改写。`,
  reportPrevious: (year: number) => `正文中的较上年增减按 ${year} 年的数据计算。`,
  reportSheetMissing: '工作簿中没有“报告正文”工作表，报告中的文字部分使用默认草稿；可在加载项中插入“报告正文”后填写。',
  unsupportedOutput: (f: string, allowed: string) => `无法识别输出文件“${f}”的类型，请用 ${allowed} 结尾。`,
  formatMismatch: (f: string, book: string, data: string) =>
    `工作簿“${f}”中的表格是 ${book} 版格式，而数据是 ${data} 版格式，两者的项目不同，未写入。请用同一格式的数据，或用 nianbao init --data 新建工作簿。`,
  partsNotCopied: (f: string, labels: string[]) =>
    `注意：原工作簿中的${[...new Set(labels)].join('、')}无法带到新文件“${f}”中（原文件未改动，其中的这些内容仍在）。`,
  fixKindMissing: '请指定一种修正：--zeros（空白格填 0）、--totals（合计按分项重算）或 --likely（采用建议值）。',
  fixKindOne: '一次只能做一种修正（--zeros、--totals 或 --likely）。',
  fixTitle: (kind: string, n: number) => `${kind}：${n === 0 ? '没有需要修改的单元格。' : `将修改 ${n} 个单元格：`}`,
  fixKinds: { zeros: '空白格填 0', totals: '合计按分项重算', likely: '采用建议值' } as Record<string, string>,
  fixLine: (ref: string, label: string, from: string, to: string) => `  ${ref}  ${label}：${from} → ${to}`,
  fixBlank: '空',
  fixPreviewOnly: '以上只是预览，没有写入。加 -o 输出.xlsx 写入新文件，或加 --force 写回原工作簿。',
  fixWritten: (n: number, f: string) => `已修改 ${n} 个单元格，写入 ${f}`,
  importIssues: (n: number) => `有 ${n} 项未能读取（已留空，不作猜测）：`,
};
