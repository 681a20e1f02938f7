/**
 * Chinese wording of the narrative report (sentences, placeholders, the 报告正文 sheet labels and the
 * 生成报告 view). Sentences take already formatted figures; the generator decides which sentence applies.
 */
import { APPLICANT_WORDS, PROCESSING_FEE, T4_GROUP_WORDS } from '../formats/vocabulary';
import type { OrgType, ProfileTextKey } from '../narrative/types';

/* the quantities' words from the one vocabulary the text checks read too */
const wordOf = (list: readonly { key: string; name: string }[], key: string): string => list.find((w) => w.key === key)!.name;
const NATURAL_PERSON = wordOf(APPLICANT_WORDS, 'natural_person');
const LEGAL_PERSONS = wordOf(APPLICANT_WORDS, 'legal_persons');
const REVIEW = wordOf(T4_GROUP_WORDS, 'admin_review');
const LITIGATION = wordOf(T4_GROUP_WORDS, 'litigation');
const FEE = PROCESSING_FEE.name;

/** A figure that is not a number in its cell (blank or text). */
export const PENDING_FIGURE = '【待核实】';
/** A profile input the user has not given. */
export const missingInput = (what: string): string => `【待填写：${what}】`;

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  government: '人民政府',
  department: '政府部门',
  township: '乡镇（街道）',
};

export const TITLE = (org: string, year: number): string => `${org}${year}年政府信息公开工作年度报告`;

export const PREAMBLE = (year: number): string =>
  '本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和政府信息公开工作年度报告格式的要求编制，' +
  '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、' +
  `存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;

export const SUBHEADINGS = {
  proactive: '（一）主动公开',
  application: '（二）依申请公开',
  management: '（三）政府信息管理',
  platform: '（四）政府信息公开平台建设',
  supervision: '（五）监督保障',
} as const;

/** 六 for governments: subheadings in order. */
export const GOV_SECTION6 = {
  fee: `${FEE}收取情况`,
  superiorTasks: '落实上级年度政务公开工作要点情况',
  proposals: '人大代表建议和政协提案办理结果公开情况',
  innovation: '年度政务公开工作创新情况',
  other: '其他事项',
} as const;

export const ORDINALS = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）'];

/* ------------------------------------------------------------------ sentences */

export const S = {
  proactiveItems: (year: number, org: string, items: string): string => `${year}年，${org}共主动公开政府信息${items}条`,
  proactiveChannels: (channels: string): string => `，主要通过${channels}予以公开`,
  /** 表二: rows with figures and rows that are all 0 */
  table2Lead: '主动公开政府信息情况（表二）中，',
  table2Row: (label: string, parts: string): string => `${label}${parts}`,
  table2Part: (colLabel: string, value: string, unit: string): string => `${colLabel}${value}${unit}`,
  table2Zero: (labels: string): string => `${labels}各项数量均为0`,

  noApplications: '本年度未收到政府信息公开申请',
  noApplicationsNoCarry: '本年度未收到政府信息公开申请，也无上年结转的政府信息公开申请',
  received: (total: string): string => `本年度共收到政府信息公开申请${total}件`,
  byNaturalPerson: (n: string): string => `其中${NATURAL_PERSON}${n}件`,
  noNaturalPerson: `其中无${NATURAL_PERSON}`,
  byOrganizations: (sum: string, parts: string): string =>
    `${LEGAL_PERSONS}${sum}件（为商业企业、科研机构、社会公益组织、法律服务机构、其他五类申请人之和${parts ? `，其中${parts}` : ''}）`,
  noOrganizations: `无${LEGAL_PERSONS}`,
  carriedOver: (n: string): string => `上年结转政府信息公开申请${n}件`,
  noCarriedOver: '无上年结转的政府信息公开申请',
  processed: (n: string): string => `本年度办结政府信息公开申请${n}件`,
  noneProcessed: '本年度无办结的政府信息公开申请',
  outcomesLead: '其中',
  outcome: (label: string, n: string, parts: string): string => `${label}${n}件${parts ? `（${parts}）` : ''}`,
  part: (label: string, n: string): string => `${label}${n}件`,
  carriedForward: (n: string): string => `结转下年度继续办理${n}件`,
  noCarriedForward: '无结转下年度继续办理的申请',

  noReviewNoLitigation: `本年度未发生政府信息公开${REVIEW}、${LITIGATION}案件`,
  review: (n: string, parts: string): string => `本年度发生政府信息公开${REVIEW}${n}件${parts ? `（${parts}）` : ''}`,
  noReview: `本年度未发生政府信息公开${REVIEW}案件`,
  litigation: (sum: string, parts: string): string => `政府信息公开${LITIGATION}共${sum}件，其中${parts}`,
  litigationGroup: (label: string, n: string, parts: string): string => `${label}${n}件${parts ? `（${parts}）` : ''}`,
  noLitigation: `未发生政府信息公开${LITIGATION}案件`,

  /* the summary sentences (issue 11): totals, shares, the change from last year, outcomes */
  receivedSum: (total: string, change: string): string => `本年度共收到政府信息公开申请${total}件${change}`,
  applicants: (parts: string): string => `其中${parts}`,
  applicant: (name: string, n: string, detail: string): string => `${name}${n}件${detail ? `（${detail}）` : ''}`,
  onlyPart: (name: string): string => `均为${name}`,
  carriedOverShort: (n: string): string => `上年结转${n}件`,
  processedSum: (n: string, change: string): string => `本年度办结政府信息公开申请${n}件${change}`,
  forwardAside: (n: string): string => `另有${n}件结转下年度继续办理`,
  onTime: '均在法定期限内予以答复',
  onTimeMissing: `是否均在法定期限内答复`,
  resultLead: '从办理结果看，',
  result: (name: string, n: string, share: string, detail: string): string =>
    `${name}${n}件${detail ? `（${detail}）` : ''}${share ? `，占${share}` : ''}`,
  detailPart: (label: string, n: string): string => `${label}${n}件`,
  /** the change from last year */
  changeMore: (n: string, pct: string | null): string => `，较上年增加${n}件${pct ? `，增长${pct}` : ''}`,
  changeLess: (n: string, pct: string): string => `，较上年减少${n}件，下降${pct}`,
  changeSame: '，与上年持平',
  reviewSum: (n: string, change: string, outcome: string): string => `本年度发生政府信息公开${REVIEW}${n}件${change}${outcome ? `，${outcome}` : ''}`,
  litigationSum: (n: string, change: string, detail: string, outcome: string): string =>
    `${LITIGATION}${n}件${detail ? `（${detail}）` : ''}${change}${outcome ? `，${outcome}` : ''}`,
  allUpheld: '均获维持',
  outcomeParts: (parts: string): string => `其中${parts}`,
  table2Clauses: (clauses: string): string => `${clauses}。`,
  table2AllZero: '表二所列规章、规范性文件及行政许可、行政处罚、行政强制、行政事业性收费等各项数量均为0。',
  signatureDate: (date: string): string => date,

  feeNone: `本年度未收取${FEE}。`,
  feeCharged: (cases: string | null, amount: string): string =>
    cases === null
      ? `本年度依据《政府信息公开信息处理费管理办法》收取${FEE}共计${amount}元。`
      : `本年度依据《政府信息公开信息处理费管理办法》，对${cases}件政府信息公开申请收取${FEE}，共计${amount}元。`,
  feeMissing: `${FEE}收取情况`,
  nothingElse: '无。',
} as const;

/** Labels of the profile inputs (also the labels of the 报告正文 sheet). */
export const FIELD_LABELS = {
  organization: '单位名称',
  year: '年度',
  orgType: '单位类型',
  proactiveItems: '主动公开政府信息条数（条）',
  channels: '主动公开渠道（用顿号分隔）',
  feeCases: '收取信息处理费的申请件数（件）',
  feeAmount: '信息处理费金额（元）',
  onTime: '是否均在法定期限内答复（填“是”，或写明超期情况）',
  overview: '总体情况（概述）',
  proactive: '主动公开',
  application: '依申请公开',
  management: '政府信息管理',
  platform: '政府信息公开平台建设',
  supervision: '监督保障',
  assessment: '工作考核、社会评议和责任追究结果情况',
  problems: '存在的主要问题及改进情况',
  superiorTasks: '落实上级年度政务公开工作要点情况',
  proposals: '人大代表建议和政协提案办理结果公开情况',
  innovation: '年度政务公开工作创新情况',
  other: '其他需要报告的事项',
  signatureUnit: '落款单位（可不填）',
  signatureDate: '落款日期（可不填）',
} as const satisfies Record<string, string>;

export type FieldKey = keyof typeof FIELD_LABELS;

/** 是否均在法定期限内答复: the answer written for “yes”, and the words read as yes. */
export const ON_TIME_YES = '是';
/** The note beside a 报告正文 input filled from an imported published report's text. */
export const FROM_PUBLISHED = '取自已发布报告';
export const ON_TIME_WORDS = /^(是|均是|全部是|均在法定期限内(?:予以)?答复|全部在法定期限内(?:予以)?答复|yes|y|√)$/i;

/* ------------------------------------------------------------------ default drafts (no figures) */

export const DRAFTS: Record<ProfileTextKey, (org: string) => string> = {
  overview: (org) =>
    `${org}认真贯彻落实《中华人民共和国政府信息公开条例》，按照上级关于政务公开工作的部署要求，` +
    '坚持以公开为常态、不公开为例外，扎实推进政府信息公开各项工作。',
  proactive: () => '围绕重点领域信息公开要求，及时公开机构职能、政策文件、工作动态等政府信息，确保公开内容全面、准确、及时。',
  application: () => '严格按照《条例》规定的程序和时限受理、办理政府信息公开申请，规范答复格式，依法保障申请人的合法权益。',
  management: () => '落实政府信息公开属性源头认定和公开前保密审查制度，及时对政府信息进行动态更新和规范管理。',
  platform: () => '加强政府网站、政务新媒体等政务公开平台的建设和管理，保障平台安全平稳运行，提升信息发布质量。',
  supervision: () => '明确政府信息公开工作分管领导和工作人员，加强业务培训，将政府信息公开工作纳入日常监督检查。',
  assessment: () => '将政务公开工作纳入年度工作考核，畅通社会评议渠道。本年度未发生因政府信息公开工作被责任追究的情况。',
  problems: () =>
    '政府信息公开工作仍存在公开内容不够全面、解读形式较为单一等问题。下一步，将进一步健全工作机制，' +
    '加强业务培训，丰富政策解读形式，不断提升政府信息公开工作质量。',
  superiorTasks: () => '认真落实上级年度政务公开工作要点，逐项明确责任分工和完成时限，推动各项任务落到实处。',
  proposals: () => '按照规定公开人大代表建议和政协提案办理复文，接受社会监督。',
  innovation: () => '结合工作实际，探索创新政务公开方式，提升政务公开的针对性和实效性。',
  other: () => '',
};

/* ------------------------------------------------------------------ text checks of the summary sentences */

const pct = (v: number): string => `${Number(v.toFixed(1))}%`;
const n0 = (v: number): string => String(Number(v.toFixed(4)));

/** Checks of the text that follow the summary sentences: shares, the change from last year, unedited drafts. */
export const SUMMARY_CHECK = {
  titles: {
    'NARR-SHARE': '正文所写占比与表格一致',
    'NARR-CHANGE': '正文所写同比变化与上年数据一致',
    'NARR-DRAFT': '未修改的默认段落',
  } as Record<string, string>,
  basis: {
    'NARR-SHARE': '正文写出的占比（占办结总数或收到申请总数的百分比）应由表格数字算出，保留一位小数',
    'NARR-CHANGE': '正文写出的较上年增减（件数或百分比）应与本年表格和上年数据一致',
    'NARR-DRAFT': '“报告正文”中的默认草稿只是示例，每个单位的工作情况不同，应按本单位实际改写',
  } as Record<string, string>,
  share: (what: string, stated: number, value: number, base: string, baseValue: number, expected: number): string =>
    `正文写${what}占 ${pct(stated)}，而按表格计算为 ${n0(value)} ÷ ${n0(baseValue)}（${base}）= ${pct(expected)}。`,
  shareSuggestion: '按表格数字重新计算占比（保留一位小数），或核对表格。',
  change: (what: string, stated: string, expected: string, now: number, before: number, year: number): string =>
    `正文写${what}较上年${stated}，而本年为 ${n0(now)}、${year}年为 ${n0(before)}，应为${expected}。`,
  changeSuggestion: '按本年表格和上年数据重新计算增减，或核对上年数据。',
  changeMore: (n: number, unit: string): string => `增加${n0(n)}${unit}`,
  changeLess: (n: number, unit: string): string => `减少${n0(n)}${unit}`,
  changeSame: '持平',
  draft: (label: string): string => `“${label}”一段仍是默认草稿，没有按本单位的实际情况修改。`,
  draftSuggestion: (sheet: string, label: string): string => `在“${sheet}”工作表的“${label}”一行按本单位的实际情况改写这一段。`,
  baseProcessed: '本年度办结总数',
  baseReceived: '本年新收申请总数',
  baseGroup: '合计',
} as const;

/* ------------------------------------------------------------------ 报告正文 sheet */

export const PROFILE_SHEET = '报告正文';
export const TEXT_SHEET = '报告文本';
export const PROFILE_SHEET_TITLE = '政府信息公开工作年度报告 · 报告正文（表格以外的内容）';
export const PROFILE_SHEET_NOTE =
  '请在B列填写或修改各项内容；数字只填阿拉伯数字。表二、表三、表四中的数字由报告自动引用，不必在此重复填写。';
export const PROFILE_HEADER = ['项目', '内容'] as const;

export const PROFILE_ISSUES = {
  missingField: (label: string): string => `“${PROFILE_SHEET}”工作表中找不到“${label}”一行，已使用默认内容。`,
  invalidNumber: (label: string, address: string, text: string): string =>
    `“${label}”（${address}）应填写数字，现为“${text}”。`,
  invalidType: (address: string, text: string): string =>
    `单位类型（${address}）应为“人民政府”“政府部门”或“乡镇（街道）”，现为“${text}”，已按“政府部门”处理。`,
  duplicateField: (label: string, address: string): string => `“${label}”在${address}重复出现，已使用第一次出现的内容。`,
} as const;

/* ------------------------------------------------------------------ 生成报告 view */

export const UI = {
  title: '生成报告',
  loading: '正在读取工作簿……',
  refresh: '重新读取',
  noReport: '当前工作簿中没有找到年度报告的表格。请先插入或填写表二、表三、表四。',
  chooseReport: '选择报告',
  reportOption: (org: string, year: number, format: string): string => `${org || '（未命名单位）'} ${year}年（${format}版格式）`,
  noProfileSheet: `工作簿中还没有“${PROFILE_SHEET}”工作表。下面是默认草稿，插入后可在工作表或此处修改。`,
  insertProfile: `插入“${PROFILE_SHEET}”工作表`,
  saveProfile: `保存到“${PROFILE_SHEET}”`,
  saved: '已保存。',
  inserted: (sheet: string): string => `已插入工作表“${sheet}”。`,
  fields: '报告内容',
  preview: '预览',
  copyText: '复制全文',
  copied: '已复制到剪贴板。',
  copyFailed: '无法访问剪贴板，请在预览中选中文字后复制。',
  downloadDocx: '下载 Word（.docx）',
  downloadHtml: '下载网页（.html）',
  downloadTxt: '下载文本（.txt）',
  writeSheet: `写入“${TEXT_SHEET}”工作表`,
  written: (sheet: string): string => `已写入工作表“${sheet}”。`,
  pending: (n: number): string => `有${n}个数字不是数值（空白或文字），报告中写为“${PENDING_FIGURE}”，请先核实表格。`,
  missing: (items: string): string => `尚未填写：${items}。`,
  profileIssues: '读取“报告正文”时发现的问题',
  error: (detail: string): string => `操作失败：${detail}`,
  copyDiagnostics: '复制诊断信息',
} as const;
