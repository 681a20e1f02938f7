/**
 * Every string the task pane shows, Chinese first. English is used when Office's display
 * language is English. Pure data and small formatters: no DOM, no React.
 */

export type UiLocale = 'zh' | 'en';

export interface UiStrings {
  appTitle: string;
  nav: { insert: string; check: string; report: string; rollup: string; label: string };
  common: {
    working: string;
    cancel: string;
    close: string;
    copyDiagnostics: string;
    copied: string;
    copyFailed: string;
    errorTitle: string;
    noWorkbook: string;
  };
  insert: {
    title: string;
    intro: string;
    year: string;
    yearHint: string;
    format: string;
    formatAuto: (id: string) => string;
    formatOption: (id: string) => string;
    formatHint: (name: string, source: string) => string;
    formatMismatch: (year: number, formatId: string) => string;
    organization: string;
    organizationPlaceholder: string;
    totals: string;
    totalsFormula: string;
    totalsManual: string;
    target: string;
    targetNewSheet: string;
    targetSelection: string;
    submit: string;
    done: (sheet: string, address: string, formatId: string) => string;
    /** appended to done when the sheet 报告正文 was added with the tables */
    profileAdded: (sheet: string) => string;
    confirmTitle: string;
    confirmBody: (count: number, sheet: string) => string;
    confirmMore: (count: number) => string;
    overwrite: string;
    useNewSheet: string;
    noSelection: string;
    yearInvalid: string;
  };
  check: {
    title: string;
    intro: string;
    run: string;
    rerun: string;
    running: string;
    autoNote: string;
    autoRechecking: string;
    noTables: string;
    reportHeading: (sheet: string, year: number, formatId: string, organization: string) => string;
    tableNames: Record<string, string>;
    otherTable: string;
    summaryCaption: string;
    colTable: string;
    colStatus: string;
    colErrors: string;
    colWarnings: string;
    passed: string;
    passedWithWarnings: string;
    notPassed: string;
    allPassed: string;
    errors: (n: number) => string;
    warnings: (n: number) => string;
    difference: string;
    expected: string;
    actual: string;
    basis: string;
    suggestion: string;
    cells: string;
    goToCell: (ref: string) => string;
    selected: (ref: string) => string;
    cellIs: (ref: string) => string;
    noCell: string;
    clearMarks: string;
    marksCleared: string;
    checkedAt: (time: string) => string;
    previousUsed: (year: number) => string;
    groupCount: (title: string, n: number) => string;
    showAll: (n: number) => string;
    showFewer: string;
    previousKept: (year: number) => string;
    previousFile: (year: number) => string;
    textChecked: (source: 'text-sheet' | 'profile-sheet') => string;
    sentence: (text: string) => string;
    /** 尚未填写: a table with no values yet (a neutral state) */
    unfilled: string;
    unfilledLine: (tables: string) => string;
    details: string;
    hideDetails: string;
    /** the card's cell and difference, for screen readers and the compact line */
    differenceShort: (n: string) => string;
    likely: (ref: string, value: string, suggested: string) => string;
    likelyNoSuggestion: (ref: string, value: string) => string;
    reason: string;
    noLikely: string;
    consequences: string;
    ranges: (ranges: string) => string;
    totalFill: (ref: string, value: string) => string;
    emptyValue: string;
    goFeedbackHint: string;
    verify: string;
    verifyNote: string;
    verifyPlaceholder: string;
    verifySave: string;
    verifyEmpty: string;
    verifyDone: (sheet: string) => string;
    verifiedHeading: (n: number) => string;
    verifiedNote: (note: string, date: string) => string;
    stale: string;
    fixesLabel: string;
    fixZeros: string;
    fixTotals: string;
    fixLikely: string;
    fixTitle: (kind: 'zeros' | 'totals' | 'likely') => string;
    fixBody: (n: number) => string;
    fixItem: (ref: string, label: string, from: string, to: string) => string;
    fixApply: (n: number) => string;
    fixNone: (kind: 'zeros' | 'totals' | 'likely') => string;
    fixDone: (n: number) => string;
    undo: string;
    undone: (n: number) => string;
  };
  importer: {
    title: string;
    intro: string;
    pasteLabel: string;
    pastePlaceholder: string;
    read: string;
    openFile: string;
    notText: (name: string) => string;
    empty: string;
    resultTitle: string;
    titleFound: string;
    year: string;
    format: (id: string, by: 'labels' | 'year') => string;
    formatLabel: string;
    organization: string;
    allRead: string;
    unread: (n: number) => string;
    unreadNote: string;
    readDifferently: (n: number) => string;
    insert: string;
    inserted: (sheet: string) => string;
    created: (name: string) => string;
    workbookName: (year: number) => string;
    yearInvalid: string;
    /** appended to inserted/created: the published text kept on 报告文本 */
    textKept: (sheet: string) => string;
    /** appended when the user kept the existing 报告文本 */
    textNotKept: (sheet: string) => string;
    workbookTitle: string;
    workbookBody: (name: string, changed: boolean) => string;
    downloadFirst: string;
    discard: string;
    downloaded: (name: string) => string;
  };
  textSheet: {
    replaceTitle: (sheet: string) => string;
    replaceBody: (sheet: string) => string;
    replace: string;
    keep: string;
  };
  previous: {
    title: string;
    intro: string;
    load: string;
    loaded: (year: number, sheet: string) => string;
    unread: (n: number) => string;
    replaceTitle: string;
    replaceBody: (oldYear: number | null, newYear: number) => string;
    replace: string;
    prefill: string;
    prefillHint: string;
    /** why 预填 is disabled: no last year's figures yet */
    prefillNeedsPrevious: string;
    prefillNone: string;
    prefillNoPrevious: string;
    prefillNoCells: string;
    prefilled: (n: number) => string;
    prefillSame: string;
    overwriteTitle: string;
    overwriteBody: (n: number) => string;
    overwriteItem: (ref: string, label: string, from: string, to: number) => string;
    overwriteAll: string;
    onlyEmpty: string;
    formulaSkipped: (n: number) => string;
    emptyValue: string;
  };
  /** 生成报告: what stands before a good export, and the export's choices */
  reportPane: {
    errorsTitle: (n: number) => string;
    errorsMore: (n: number) => string;
    errorsHint: string;
    todoTitle: (n: number) => string;
    inputTodo: (label: string) => string;
    figureTodo: (label: string, ref: string) => string;
    goToInput: string;
    goToCell: string;
    draftsNote: (labels: string) => string;
    askTitle: string;
    askBody: (missing: number, pending: number, errors: number) => string;
    askContinue: string;
    copyHtml: string;
    copiedHtml: string;
    copiedPlain: string;
    downloadFragment: string;
    downloadPage: string;
    exportHeading: string;
  };
  /** 汇总: many units' workbooks on one board */
  rollup: {
    title: string;
    intro: string;
    openFiles: string;
    openFolder: string;
    progress: (done: number, total: number) => string;
    noXlsx: string;
    chosen: (year: number, format: string, units: number) => string;
    nothing: string;
    boardCaption: string;
    showFindings: (unit: string) => string;
    findingsTitle: (unit: string) => string;
    noFindings: string;
    unreadable: (reason: string) => string;
    downloadXlsx: string;
    downloadHtml: string;
    writeSheets: string;
    written: (board: string, tables: string | null) => string;
    charts: string;
    chartsFailed: string;
    /** last year's roll-up, for the change by year in the charts */
    loadPrevious: string;
    previousHint: string;
    previousLoaded: (file: string, year: number) => string;
    previousWrongYear: (file: string, got: number, want: number) => string;
    previousCurrent: (file: string, year: number) => string;
    previousClear: string;
  };
  file: {
    lostTitle: string;
    lostBody: (name: string, labels: string) => string;
    lostContinue: string;
    lostNote: (labels: string) => string;
    title: string;
    intro: string;
    newTemplate: string;
    open: string;
    download: string;
    dropHint: string;
    current: (name: string) => string;
    opened: (name: string) => string;
    created: (name: string) => string;
    templateName: (year: number) => string;
    /** the question before 新建空白模板 / 打开工作簿 closes a workbook with changes not yet downloaded */
    replaceBody: (name: string, next: 'new' | 'open') => string;
    replaceDiscard: (next: 'new' | 'open') => string;
    loading: string;
    notXlsx: (name: string) => string;
  };
  unexpected: string;
}

const zh: UiStrings = {
  appTitle: '政务公开年报助手',
  nav: { insert: '插入表格', check: '一键校验', report: '生成报告', rollup: '汇总', label: '功能' },
  common: {
    working: '正在处理，请稍候…',
    cancel: '取消',
    close: '关闭',
    copyDiagnostics: '复制诊断信息',
    copied: '诊断信息已复制，可粘贴给技术支持人员。',
    copyFailed: '无法自动复制，请在下面的文本框中全选并复制。',
    errorTitle: '操作没有完成',
    noWorkbook: '请先新建空白模板或打开一个工作簿。',
  },
  insert: {
    title: '插入统计表格',
    intro: '按官方格式插入表二、表三、表四。已有内容的单元格不会被悄悄覆盖。',
    year: '报告年度',
    yearHint: '填写报告所统计的年度，例如2024年度报告填2024。',
    format: '表格格式',
    formatAuto: (id) => `按年度自动选择（${id}年版）`,
    formatOption: (id) => `${id}年版`,
    formatHint: (name, source) => `${name}（${source}）`,
    formatMismatch: (year, id) => `注意：${year}年度通常不使用${id}年版格式。`,
    organization: '报告单位名称',
    organizationPlaceholder: '例如：某某县人民政府办公室',
    totals: '合计单元格',
    totalsFormula: '用公式自动计算（推荐）',
    totalsManual: '手工填写',
    target: '插入位置',
    targetNewSheet: '新建工作表',
    targetSelection: '当前选中的单元格处',
    submit: '插入表格',
    done: (sheet, address, id) => `已在工作表“${sheet}”的${address}处插入${id}年版格式的表格。`,
    profileAdded: (sheet) => `报告正文的其他内容（机构概况、主要工作等）请在“${sheet}”工作表中填写。`,
    confirmTitle: '要覆盖已有内容吗？',
    confirmBody: (n, sheet) => `工作表“${sheet}”中有${n}个非空单元格会被表格覆盖：`,
    confirmMore: (n) => `……另有${n}个`,
    overwrite: '覆盖',
    useNewSheet: '改为插入到新工作表',
    noSelection: '没有找到当前选中的单元格。请先在工作表中点选一个单元格，或改为“新建工作表”。',
    yearInvalid: '请填写2019年至2100年之间的年度。',
  },
  check: {
    title: '一键校验',
    intro: '检查表格的勾稽关系、合计、空白和数值格式；有上年数据时核对跨年数字，有报告文字时核对文字与表格是否一致。',
    run: '一键校验',
    rerun: '重新校验',
    running: '正在校验…',
    autoNote: '修改表格中的数字后会自动重新校验。',
    autoRechecking: '表格已修改，正在重新校验…',
    noTables: '没有在工作簿中找到年报统计表。可以先在“插入表格”中插入。',
    reportHeading: (sheet, year, id, org) => `工作表“${sheet}” · ${year}年度 · ${id}年版格式${org ? ` · ${org}` : ''}`,
    tableNames: { table2: '表二 主动公开', table3: '表三 依申请公开', table4: '表四 复议诉讼' },
    otherTable: '其他',
    summaryCaption: '各表校验结果',
    colTable: '表格',
    colStatus: '结果',
    colErrors: '错误',
    colWarnings: '提醒',
    passed: '通过',
    passedWithWarnings: '通过（有提醒）',
    notPassed: '未通过',
    allPassed: '全部通过：没有发现错误或提醒。',
    errors: (n) => `错误（${n}）`,
    warnings: (n) => `提醒（${n}）`,
    difference: '相差',
    expected: '应为',
    actual: '实际',
    basis: '依据',
    suggestion: '建议',
    cells: '涉及单元格',
    goToCell: (ref) => `定位到 ${ref}`,
    selected: (ref) => `已选中 ${ref}`,
    cellIs: (ref) => `位置：${ref}`,
    noCell: '这一项没有对应的单元格。',
    clearMarks: '清除标记',
    marksCleared: '已清除单元格标记。',
    checkedAt: (t) => `校验时间 ${t}`,
    previousUsed: (y) => `已用本工作簿中${y}年度的表格核对跨年数据。`,
    groupCount: (title, n) => `${title}（${n}处）`,
    showAll: (n) => `显示其余${n}处`,
    showFewer: '收起',
    previousKept: (y) => `已用“上年数据”工作表中${y}年度的数字核对跨年数据（上年结转、上年度行政复议诉讼）。`,
    previousFile: (y) => `已用载入的${y}年度数字核对跨年数据。`,
    textChecked: (s) => (s === 'text-sheet' ? '已核对“报告文本”工作表中的文字与表格数字是否一致。' : '已核对按“报告正文”生成的报告文字与表格数字是否一致。'),
    sentence: (text) => `原文：“${text}”`,
    unfilled: '尚未填写',
    unfilledLine: (tables) => `尚未填写：${tables}（这些表格还没有任何数字，暂不核对）。`,
    details: '详情',
    hideDetails: '收起',
    differenceShort: (n) => `差 ${n}`,
    likely: (ref, value, suggested) => `可能填错：${ref}，现为 ${value}，建议改为 ${suggested}`,
    likelyNoSuggestion: (ref, value) => `可能填错：${ref}，现为 ${value}`,
    reason: '理由',
    noLikely: '无法确定是哪一格',
    consequences: '由此引起',
    ranges: (r) => `空白单元格：${r}`,
    totalFill: (ref, v) => `${ref} 按各项之和应为 ${v}`,
    emptyValue: '空白',
    goFeedbackHint: '定位',
    verify: '标记为已核实',
    verifyNote: '核实说明',
    verifyPlaceholder: '例如：经核实，原始台账如此',
    verifySave: '保存核实说明',
    verifyEmpty: '请先填写核实说明。',
    verifyDone: (sheet) => `已记录到“${sheet}”工作表，并已重新校验。`,
    verifiedHeading: (n) => `已核实（${n}）`,
    verifiedNote: (note, date) => `核实说明：${note}${date ? `（${date}）` : ''}`,
    stale: '核实后数值已改变',
    fixesLabel: '一键修正',
    fixZeros: '空白格填 0',
    fixTotals: '合计按分项重算',
    fixLikely: '采用建议值',
    fixTitle: (k) => (k === 'zeros' ? '空白格填 0' : k === 'totals' ? '合计按分项重算' : '采用建议值'),
    fixBody: (n) => `将在一次操作中写入以下${n}个单元格，写入后可以撤销：`,
    fixItem: (ref, label, from, to) => `${ref}（${label}）：${from} → ${to}`,
    fixApply: (n) => `写入${n}个单元格`,
    fixNone: (k) =>
      k === 'zeros' ? '没有可以填 0 的空白单元格（合计的各项不全为 0 时不填 0）。' : k === 'totals' ? '手工填写的合计都等于各项之和，没有需要重算的。' : '没有可以采用的建议值。',
    fixDone: (n) => `已写入${n}个单元格，并已重新校验。`,
    undo: '撤销',
    undone: (n) => `已撤销：${n}个单元格恢复原值，并已重新校验。`,
  },
  importer: {
    title: '导入已发布报告',
    intro: '把网站上已发布的年度报告全文粘贴到下面（或打开保存的网页、文本、Word、PDF 或 markdown 文件），读出其中的表格数字，插入为统计表后可以一键校验。',
    pasteLabel: '报告全文',
    pastePlaceholder: '在网页上全选报告正文，复制，粘贴到这里',
    read: '读取',
    openFile: '打开文件（.txt / .html / .docx / .pdf / .md）',
    notText: (name) => `“${name}”不是能读取的报告文件（.txt、.html、.htm、.md、.docx、.pdf）。请把网页另存为 .html，或把全文粘贴到上面的文本框。`,
    empty: '请先粘贴报告全文，或打开一个 .txt / .html 文件。',
    resultTitle: '读取结果',
    titleFound: '标题',
    year: '报告年度',
    format: (id, by) => `${id}年版${by === 'labels' ? '（按表格项目判断）' : '（按年度推定，请核对）'}`,
    formatLabel: '表格格式',
    organization: '报告单位',
    allRead: '三张表格的数字都已读出。',
    unread: (n) => `以下${n}项没有读出，插入后对应单元格留空（没有猜测数字）：`,
    unreadNote: '可以对照原文在表格中补填。',
    readDifferently: (n) => `以下${n}项与官方表述不同，已按对应的行读取：`,
    insert: '插入为统计表',
    inserted: (sheet) => `已把读出的数字插入到工作表“${sheet}”（合计按原文手工填写，以便核对）。可以到“一键校验”查看这份报告中的错误。`,
    created: (name) => `已用导入的数字新建工作簿“${name}”，下面是一键校验的结果。需要保存时点“下载工作簿”。`,
    workbookName: (year) => `${year}年度政府信息公开工作年度报告（导入）.xlsx`,
    yearInvalid: '请填写2019年至2100年之间的年度（标题中没有读出年度时需要手工填写）。',
    textKept: (sheet) => `报告全文已保存到“${sheet}”工作表，一键校验会核对正文与表格是否一致。`,
    textNotKept: (sheet) => `原有的“${sheet}”工作表没有改动，导入的报告全文没有保存。`,
    workbookTitle: '要关闭当前工作簿吗？',
    workbookBody: (name, changed) =>
      changed
        ? `当前工作簿“${name}”有尚未下载保存的修改。导入会新建一个工作簿，当前工作簿将被关闭，未下载的修改会丢失。`
        : `导入会新建一个工作簿，当前工作簿“${name}”将被关闭。需要保留时请先下载。`,
    downloadFirst: '先下载当前工作簿',
    discard: '继续导入（放弃当前工作簿）',
    downloaded: (name) => `已开始下载“${name}”。`,
  },
  textSheet: {
    replaceTitle: (sheet) => `要替换“${sheet}”工作表吗？`,
    replaceBody: (sheet) => `工作簿中已有“${sheet}”工作表。替换后其中原有内容会被新的报告全文取代（一键校验读取的是这张工作表）。`,
    replace: '替换',
    keep: '保留原有内容',
  },
  previous: {
    title: '上年数据',
    intro: '载入上一年度的报告，保存到“上年数据”工作表，用于核对“上年结转”和上年度行政复议、诉讼。',
    load: '载入上年数据',
    loaded: (y, sheet) => `已把${y}年度的数字保存到“${sheet}”工作表，已按它重新校验。`,
    unread: (n) => `上年报告中有${n}项没有读出，已留空。`,
    replaceTitle: '要替换已有的上年数据吗？',
    replaceBody: (oldYear, y) =>
      `工作簿中已有“上年数据”工作表${oldYear ? `（${oldYear}年度）` : ''}。替换后其中原有内容会被${y}年度的数字取代。`,
    replace: '替换',
    prefill: '用上年“结转下年度”预填本年“上年结转”',
    prefillHint: '只写入空白或为 0 的单元格；已有其他数字的单元格会先询问。',
    prefillNeedsPrevious: '载入上年数据后才能预填。',
    prefillNone: '没有找到本年度的统计表。',
    prefillNoPrevious: '还没有上年数据。请先“载入上年数据”。',
    prefillNoCells: '没有找到本年表三“二、上年结转”一行的单元格。',
    prefilled: (n) => `已把上年“结转下年度”的${n}个数字写入本年“二、上年结转”。`,
    prefillSame: '本年“二、上年结转”已与上年“结转下年度”一致，没有需要写入的单元格。',
    overwriteTitle: '要覆盖已有数字吗？',
    overwriteBody: (n) => `本年“二、上年结转”中有${n}个单元格已有不同的数字：`,
    overwriteItem: (ref, label, from, to) => `${ref} ${label}：${from} → ${to}`,
    overwriteAll: '全部覆盖',
    onlyEmpty: '只写入空白单元格',
    formulaSkipped: (n) => `${n}个合计单元格由公式计算，没有改动。`,
    emptyValue: '（空）',
  },
  reportPane: {
    errorsTitle: (n) => `表格中还有${n}个错误，生成的报告会带着这些数字。`,
    errorsMore: (n) => `另有${n}个，见“一键校验”。`,
    errorsHint: '建议先在“一键校验”中改正。',
    todoTitle: (n) => `尚未填写（${n}项）：生成的报告中写为【待填写】或【待核实】`,
    inputTodo: (label) => `报告内容：${label}`,
    figureTodo: (label, ref) => `表格数字：${label}（${ref}）`,
    goToInput: '去填写',
    goToCell: '定位单元格',
    draftsNote: (labels) => `以下段落仍是默认草稿，请按本单位情况修改：${labels}。`,
    askTitle: '报告还没有完成',
    askBody: (missing, pending, errors) =>
      [missing ? `${missing}项报告内容尚未填写` : '', pending ? `${pending}个表格数字不是数值` : '', errors ? `表格中有${errors}个错误` : '']
        .filter(Boolean)
        .join('，') + '。下载的报告会带着【待填写】【待核实】或错误的数字。仍要下载吗？',
    askContinue: '仍然下载',
    copyHtml: '复制（网页格式）',
    copiedHtml: '已复制（网页格式和纯文本）：粘贴到网站后台编辑器时保留表格。',
    copiedPlain: '已复制纯文本（此环境不能复制网页格式）。',
    downloadFragment: '下载网页片段（粘贴到网站后台）',
    downloadPage: '下载完整网页（.html）',
    exportHeading: '导出',
  },
  rollup: {
    title: '汇总各单位年报',
    intro: '选择多个单位的工作簿（或一个文件夹），逐个校验并汇总：谁通过、谁有错误、哪些文件无法读取，以及全部单位的汇总统计表。',
    openFiles: '选择工作簿…',
    openFolder: '选择文件夹…',
    progress: (done, total) => `正在读取第 ${done}/${total} 个文件…`,
    noXlsx: '所选内容中没有 .xlsx 工作簿。',
    chosen: (year, format, units) => `已汇总 ${year} 年度（${format} 版格式）的 ${units} 个单位。`,
    nothing: '没有可以汇总的工作簿：见下表中的原因。',
    boardCaption: '各单位校验结果（点单位查看问题）',
    showFindings: (unit) => `查看“${unit}”的问题`,
    findingsTitle: (unit) => `“${unit}”的问题`,
    noFindings: '没有发现错误或提醒。',
    unreadable: (reason) => `无法读取：${reason}`,
    downloadXlsx: '下载汇总.xlsx',
    downloadHtml: '下载校验汇总网页（.html）',
    writeSheets: '写入当前工作簿（校验汇总、汇总统计表）',
    written: (board, tables) => `已写入工作表“${board}”${tables ? `和“${tables}”` : ''}。`,
    charts: '图表',
    chartsFailed: '图表未能加载。',
    loadPrevious: '载入上年汇总…',
    previousHint: '可载入上年的汇总工作簿（上次汇总生成的 .xlsx，读取其中的“汇总统计表”）或任一上年的年报工作簿，图表中会加入与上年的对比。',
    previousLoaded: (file, year) => `已载入上年汇总“${file}”（${year} 年度），图表中已加入与上年的对比。`,
    previousWrongYear: (file, got, want) =>
      `“${file}”中是 ${got} 年度的数字，与上年对比需要 ${want} 年度的汇总（本次汇总的是 ${want + 1} 年度），未载入。`,
    previousCurrent: (file, year) => `上年汇总：${file}（${year} 年度）`,
    previousClear: '不再对比上年',
  },
  file: {
    lostTitle: '下载的文件会缺少部分内容',
    lostBody: (name, labels) => `“${name}”含有${labels}。在 Excel 之外下载的工作簿不会包含这些内容（原文件没有改动，仍然完整）。要保留它们，请在 Excel 中打开本加载项。仍要下载吗？`,
    lostContinue: '仍然下载',
    lostNote: (labels) => `先下载的文件不会包含${labels}（原文件没有改动）。`,
    title: '不在 Excel 中运行',
    intro: '当前页面不在 Excel 中打开，可以处理 .xlsx 文件：新建模板或打开工作簿，校验后下载。',
    newTemplate: '新建空白模板',
    open: '打开工作簿',
    download: '下载工作簿',
    dropHint: '也可以把 .xlsx 文件拖到这里。',
    current: (name) => `当前工作簿：${name}`,
    opened: (name) => `已打开“${name}”。`,
    created: (name) => `已新建“${name}”并开始下载。`,
    templateName: (year) => `${year}年度政府信息公开工作年度报告.xlsx`,
    replaceBody: (name, next) =>
      `当前工作簿“${name}”有尚未下载保存的修改。${next === 'new' ? '新建空白模板' : '打开其他工作簿'}会关闭当前工作簿，未下载的修改会丢失。`,
    replaceDiscard: (next) => (next === 'new' ? '继续新建（放弃当前工作簿）' : '继续打开（放弃当前工作簿）'),
    loading: '正在读取工作簿…',
    notXlsx: (name) => `“${name}”不是 .xlsx 工作簿。请选择 Excel 2007 及以后版本保存的 .xlsx 文件。`,
  },
  unexpected: '发生了意外错误。请重试；如果问题仍然存在，请复制诊断信息发给技术支持人员。',
};

const en: UiStrings = {
  appTitle: 'Open Government Annual Report Assistant',
  nav: { insert: 'Insert tables', check: 'Check', report: 'Write report', rollup: 'Roll-up', label: 'Functions' },
  common: {
    working: 'Working, please wait…',
    cancel: 'Cancel',
    close: 'Close',
    copyDiagnostics: 'Copy diagnostics',
    copied: 'Diagnostics copied; paste them to your support contact.',
    copyFailed: 'Could not copy automatically; select and copy the text below.',
    errorTitle: 'The action did not complete',
    noWorkbook: 'Create a blank template or open a workbook first.',
  },
  insert: {
    title: 'Insert the statistical tables',
    intro: 'Inserts tables 2, 3 and 4 in the official format. Cells with content are never overwritten silently.',
    year: 'Reporting year',
    yearHint: 'The year the report covers, e.g. 2024 for the 2024 report.',
    format: 'Table format',
    formatAuto: (id) => `By year (${id} format)`,
    formatOption: (id) => `${id} format`,
    formatHint: (_name, source) => `Fixed by ${source}`,
    formatMismatch: (year, id) => `Note: the ${id} format is not normally used for ${year}.`,
    organization: 'Reporting body',
    organizationPlaceholder: 'e.g. County Government Office',
    totals: 'Total cells',
    totalsFormula: 'Calculated by formulas (recommended)',
    totalsManual: 'Typed by hand',
    target: 'Where',
    targetNewSheet: 'A new worksheet',
    targetSelection: 'At the selected cell',
    submit: 'Insert tables',
    done: (sheet, address, id) => `Inserted the ${id} format tables on sheet "${sheet}" at ${address}.`,
    profileAdded: (sheet) => ` Fill in the report's other content (overview, main work, …) on the sheet ${sheet}.`,
    confirmTitle: 'Overwrite existing content?',
    confirmBody: (n, sheet) => `${n} non-empty cell(s) on sheet "${sheet}" would be overwritten:`,
    confirmMore: (n) => `…and ${n} more`,
    overwrite: 'Overwrite',
    useNewSheet: 'Insert on a new sheet instead',
    noSelection: 'No selected cell was found. Select a cell on a sheet first, or choose "A new worksheet".',
    yearInvalid: 'Enter a year between 2019 and 2100.',
  },
  check: {
    title: 'Check',
    intro: 'Checks the balance equations, totals, blanks and number formats of the tables; with last year\'s figures, the cross-year figures; with the report text, the text against the tables.',
    run: 'Check now',
    rerun: 'Check again',
    running: 'Checking…',
    autoNote: 'The tables are checked again automatically after you edit them.',
    autoRechecking: 'The tables changed; checking again…',
    noTables: 'No report tables were found in the workbook. Insert them under "Insert tables" first.',
    reportHeading: (sheet, year, id, org) => `Sheet "${sheet}" · ${year} · ${id} format${org ? ` · ${org}` : ''}`,
    tableNames: { table2: 'Table 2 Proactive disclosure', table3: 'Table 3 Applications', table4: 'Table 4 Review and litigation' },
    otherTable: 'Other',
    summaryCaption: 'Results per table',
    colTable: 'Table',
    colStatus: 'Result',
    colErrors: 'Errors',
    colWarnings: 'Warnings',
    passed: 'Passed',
    passedWithWarnings: 'Passed (with warnings)',
    notPassed: 'Not passed',
    allPassed: 'All passed: no errors or warnings.',
    errors: (n) => `Errors (${n})`,
    warnings: (n) => `Warnings (${n})`,
    difference: 'Difference',
    expected: 'Expected',
    actual: 'Actual',
    basis: 'Basis',
    suggestion: 'Suggestion',
    cells: 'Cells',
    goToCell: (ref) => `Go to ${ref}`,
    selected: (ref) => `Selected ${ref}`,
    cellIs: (ref) => `Location: ${ref}`,
    noCell: 'This finding has no cell.',
    clearMarks: 'Clear marks',
    marksCleared: 'Cell marks cleared.',
    checkedAt: (t) => `Checked at ${t}`,
    previousUsed: (y) => `Compared with the ${y} tables in this workbook.`,
    groupCount: (title, n) => `${title} (${n})`,
    showAll: (n) => `Show ${n} more`,
    showFewer: 'Show fewer',
    previousKept: (y) => `Cross-year figures checked against the ${y} figures on the sheet 上年数据.`,
    previousFile: (y) => `Cross-year figures checked against the loaded ${y} figures.`,
    textChecked: (s) => (s === 'text-sheet' ? 'The text on sheet 报告文本 was checked against the tables.' : 'The text generated from 报告正文 was checked against the tables.'),
    sentence: (text) => `Text: “${text}”`,
    unfilled: 'Not filled in',
    unfilledLine: (tables) => `Not filled in yet: ${tables} (no figures yet, not checked).`,
    details: 'Details',
    hideDetails: 'Hide',
    differenceShort: (n) => `difference ${n}`,
    likely: (ref, value, suggested) => `Likely wrong: ${ref}, now ${value}, suggested ${suggested}`,
    likelyNoSuggestion: (ref, value) => `Likely wrong: ${ref}, now ${value}`,
    reason: 'Reason',
    noLikely: 'No single cell can be named',
    consequences: 'Caused by this',
    ranges: (r) => `Blank cells: ${r}`,
    totalFill: (ref, v) => `${ref} should be ${v} (the sum of its parts)`,
    emptyValue: 'blank',
    goFeedbackHint: 'Go to',
    verify: 'Mark as verified',
    verifyNote: 'Verification note',
    verifyPlaceholder: 'e.g. checked against the original ledger',
    verifySave: 'Save note',
    verifyEmpty: 'Please write a note first.',
    verifyDone: (sheet) => `Recorded on sheet "${sheet}" and checked again.`,
    verifiedHeading: (n) => `Verified (${n})`,
    verifiedNote: (note, date) => `Note: ${note}${date ? ` (${date})` : ''}`,
    stale: 'Numbers changed since verified',
    fixesLabel: 'Quick fixes',
    fixZeros: 'Fill blanks with 0',
    fixTotals: 'Recompute totals',
    fixLikely: 'Apply suggested values',
    fixTitle: (k) => (k === 'zeros' ? 'Fill blanks with 0' : k === 'totals' ? 'Recompute totals' : 'Apply suggested values'),
    fixBody: (n) => `These ${n} cells will be written in one step; you can undo it:`,
    fixItem: (ref, label, from, to) => `${ref} (${label}): ${from} → ${to}`,
    fixApply: (n) => `Write ${n} cells`,
    fixNone: (k) =>
      k === 'zeros' ? 'No blank cells to fill with 0 (a total whose parts are not all 0 is left alone).' : k === 'totals' ? 'Every typed total equals the sum of its parts.' : 'No suggested values to apply.',
    fixDone: (n) => `${n} cells written and checked again.`,
    undo: 'Undo',
    undone: (n) => `Undone: ${n} cells restored and checked again.`,
  },
  importer: {
    title: 'Import a published report',
    intro: 'Paste the full text of a published annual report (or open a saved web page, text, Word, PDF or markdown file); its table figures are read and can be inserted as tables and checked.',
    pasteLabel: 'Report text',
    pastePlaceholder: 'Select the report on the web page, copy, and paste it here',
    read: 'Read',
    openFile: 'Open file (.txt / .html / .docx / .pdf / .md)',
    notText: (name) => `"${name}" is not a report file this can read (.txt, .html, .htm, .md, .docx, .pdf). Save the page as .html, or paste the text above.`,
    empty: 'Paste the report text or open a .txt / .html file first.',
    resultTitle: 'What was read',
    titleFound: 'Title',
    year: 'Reporting year',
    format: (id, by) => `${id} format${by === 'labels' ? ' (from the table items)' : ' (assumed from the year; please check)'}`,
    formatLabel: 'Table format',
    organization: 'Reporting body',
    allRead: 'Every figure of the three tables was read.',
    unread: (n) => `${n} item(s) could not be read; their cells stay empty (no figure is guessed):`,
    unreadNote: 'Fill them in from the original text.',
    readDifferently: (n) => `${n} item(s) were worded otherwise than the official form and read as their row:`,
    insert: 'Insert as tables',
    inserted: (sheet) => `The figures were inserted on sheet "${sheet}" (totals as published, so they can be checked). Open "Check" to see the report's errors.`,
    created: (name) => `Created the workbook "${name}" from the imported figures; the check results are below. Click "Download workbook" to keep it.`,
    workbookName: (year) => `${year}年度政府信息公开工作年度报告（导入）.xlsx`,
    yearInvalid: 'Enter a year between 2019 and 2100 (needed when the title states none).',
    textKept: (sheet) => `The full text is kept on the sheet ${sheet}; Check compares it with the tables.`,
    textNotKept: (sheet) => `The sheet ${sheet} was left as it was; the imported text was not kept.`,
    workbookTitle: 'Close the current workbook?',
    workbookBody: (name, changed) =>
      changed
        ? `"${name}" has changes that have not been downloaded. Importing creates a new workbook and closes this one; those changes would be lost.`
        : `Importing creates a new workbook and closes "${name}". Download it first to keep it.`,
    downloadFirst: 'Download the current workbook first',
    discard: 'Import anyway (discard the current workbook)',
    downloaded: (name) => `The download of "${name}" has started.`,
  },
  textSheet: {
    replaceTitle: (sheet) => `Replace the sheet ${sheet}?`,
    replaceBody: (sheet) => `The workbook already has the sheet ${sheet}. Its content will be replaced by the new text (Check reads this sheet).`,
    replace: 'Replace',
    keep: 'Keep it',
  },
  previous: {
    title: 'Last year\'s figures',
    intro: 'Load last year\'s report; it is kept on the sheet 上年数据 and used to check 上年结转 and last year\'s reviews and lawsuits.',
    load: 'Load last year\'s figures',
    loaded: (y, sheet) => `The ${y} figures were saved on sheet "${sheet}" and the workbook was checked again.`,
    unread: (n) => `${n} item(s) of last year's report could not be read and were left empty.`,
    replaceTitle: 'Replace last year\'s figures?',
    replaceBody: (oldYear, y) => `The workbook already has the sheet 上年数据${oldYear ? ` (${oldYear})` : ''}. Its content will be replaced by the ${y} figures.`,
    replace: 'Replace',
    prefill: 'Prefill 上年结转 from last year\'s 结转下年度',
    prefillHint: 'Only empty or zero cells are written without asking.',
    prefillNeedsPrevious: 'Load last year\'s figures first to prefill.',
    prefillNone: 'No report tables for this year were found.',
    prefillNoPrevious: 'There are no figures of last year yet. Load them first.',
    prefillNoCells: 'The row 二、上年结转 of table 3 was not found.',
    prefilled: (n) => `${n} figure(s) of last year's 结转下年度 were written into 二、上年结转.`,
    prefillSame: '二、上年结转 already equals last year\'s 结转下年度; nothing to write.',
    overwriteTitle: 'Overwrite existing figures?',
    overwriteBody: (n) => `${n} cell(s) of 二、上年结转 hold a different figure:`,
    overwriteItem: (ref, label, from, to) => `${ref} ${label}: ${from} → ${to}`,
    overwriteAll: 'Overwrite all',
    onlyEmpty: 'Only empty cells',
    formulaSkipped: (n) => ` ${n} total cell(s) are formulas and were left unchanged.`,
    emptyValue: '(empty)',
  },
  reportPane: {
    errorsTitle: (n) => `The tables still have ${n} error(s); the report would carry these figures.`,
    errorsMore: (n) => `${n} more in Check.`,
    errorsHint: 'Fix them in Check first.',
    todoTitle: (n) => `Not filled in yet (${n}): the report says 【待填写】 or 【待核实】 there`,
    inputTodo: (label) => `Report input: ${label}`,
    figureTodo: (label, ref) => `Table figure: ${label} (${ref})`,
    goToInput: 'Fill in',
    goToCell: 'Go to cell',
    draftsNote: (labels) => `These paragraphs are still the default draft; adapt them: ${labels}.`,
    askTitle: 'The report is not finished',
    askBody: (missing, pending, errors) =>
      [missing ? `${missing} input(s) not filled in` : '', pending ? `${pending} table figure(s) not numbers` : '', errors ? `${errors} error(s) in the tables` : '']
        .filter(Boolean)
        .join(', ') + '. The downloaded report will carry 【待填写】, 【待核实】 or wrong figures. Download anyway?',
    askContinue: 'Download anyway',
    copyHtml: 'Copy (web format)',
    copiedHtml: 'Copied as web format and plain text: pasted into a CMS editor, the tables stay tables.',
    copiedPlain: 'Copied as plain text (this environment cannot copy web format).',
    downloadFragment: 'Download HTML fragment (for a CMS)',
    downloadPage: 'Download full web page (.html)',
    exportHeading: 'Export',
  },
  rollup: {
    title: 'Roll up the units\' reports',
    intro: 'Choose the workbooks of many units (or a folder): each is checked and summed — who passes, who has errors, which files cannot be read — with consolidated tables for all units.',
    openFiles: 'Choose workbooks…',
    openFolder: 'Choose a folder…',
    progress: (done, total) => `Reading file ${done} of ${total}…`,
    noXlsx: 'There is no .xlsx workbook in what was chosen.',
    chosen: (year, format, units) => `Summed ${units} unit(s) of ${year} (format ${format}).`,
    nothing: 'No workbook could be summed: see the reasons below.',
    boardCaption: 'Results by unit (click a unit for its findings)',
    showFindings: (unit) => `Show the findings of "${unit}"`,
    findingsTitle: (unit) => `Findings of "${unit}"`,
    noFindings: 'No errors or warnings.',
    unreadable: (reason) => `Cannot be read: ${reason}`,
    downloadXlsx: 'Download 汇总.xlsx',
    downloadHtml: 'Download the board as a web page (.html)',
    writeSheets: 'Write into this workbook (校验汇总, 汇总统计表)',
    written: (board, tables) => `Wrote the sheet "${board}"${tables ? ` and "${tables}"` : ''}.`,
    charts: 'Charts',
    chartsFailed: 'The charts could not be loaded.',
    loadPrevious: 'Load last year\'s roll-up…',
    previousHint: 'Load last year\'s roll-up workbook (the .xlsx an earlier roll-up wrote; its sheet 汇总统计表 is read) or any report workbook of last year: the charts then compare the two years.',
    previousLoaded: (file, year) => `Loaded last year's roll-up "${file}" (${year}); the charts now compare the two years.`,
    previousWrongYear: (file, got, want) => `"${file}" holds figures of ${got}; the comparison needs ${want} (this roll-up is of ${want + 1}). Not loaded.`,
    previousCurrent: (file, year) => `Last year's roll-up: ${file} (${year})`,
    previousClear: 'Stop comparing with last year',
  },
  file: {
    lostTitle: 'The downloaded file will lack some content',
    lostBody: (name, labels) => `"${name}" holds ${labels}. A workbook downloaded outside Excel will not contain them (the original file is unchanged and complete). To keep them, use the add-in inside Excel. Download anyway?`,
    lostContinue: 'Download anyway',
    lostNote: (labels) => `A file downloaded first will not contain ${labels} (the original file is unchanged).`,
    title: 'Running outside Excel',
    intro: 'This page is not open in Excel. You can work on .xlsx files: create a template or open a workbook, check it, and download it.',
    newTemplate: 'New blank template',
    open: 'Open workbook',
    download: 'Download workbook',
    dropHint: 'You can also drop an .xlsx file here.',
    current: (name) => `Workbook: ${name}`,
    opened: (name) => `Opened "${name}".`,
    created: (name) => `Created "${name}"; the download has started.`,
    templateName: (year) => `${year}年度政府信息公开工作年度报告.xlsx`,
    replaceBody: (name, next) =>
      `"${name}" has changes that have not been downloaded. ${next === 'new' ? 'A new blank template' : 'Opening another workbook'} closes it; those changes would be lost.`,
    replaceDiscard: (next) => (next === 'new' ? 'Create anyway (discard the current workbook)' : 'Open anyway (discard the current workbook)'),
    loading: 'Reading the workbook…',
    notXlsx: (name) => `"${name}" is not an .xlsx workbook. Choose a file saved by Excel 2007 or later (.xlsx).`,
  },
  unexpected: 'An unexpected error occurred. Try again; if it persists, copy the diagnostics and send them to your support contact.',
};

export const UI_MESSAGES: Record<UiLocale, UiStrings> = { zh, en };

export function uiStrings(locale: UiLocale): UiStrings {
  return UI_MESSAGES[locale];
}

/** Office display language (e.g. 'en-US', 'zh-CN') → pane locale: English only for English. */
export function localeFromLanguage(language: string | null | undefined): UiLocale {
  return language && /^en\b/i.test(language) ? 'en' : 'zh';
}
