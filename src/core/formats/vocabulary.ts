/**
 * How each table quantity is written in a report's sentences: the one list that both the report
 * generator (src/core/narrative: writes the quantities) and the text checks (src/core/narrative-check:
 * find them in a text and name them in findings) read. Labels of rows and columns stay in the format
 * data; this file holds the words a sentence uses for them (“自然人申请”, “予以公开”, “行政复议”) and
 * the patterns by which a sentence is recognised to speak of them.
 *
 * Lists whose order matters (the first pattern that matches wins) say so.
 */

/** The words of one quantity. */
export interface QuantityWords {
  /** key of the quantity (a row key, a column key or a group key of the format, or a name below) */
  key: string;
  /** the name in a sentence and in findings: “予以公开”, “自然人申请”, “未经复议直接起诉的行政诉讼” */
  name: string;
  /** the name inside a list whose lead already names the rest (“未经复议直接起诉” after 行政诉讼) */
  short?: string;
  /** a clause speaks of the quantity when this matches (the text checks) */
  pattern: RegExp;
}

const words = <T extends QuantityWords>(list: T[]): readonly T[] => list;

/* ---------------------------------------------------------------- table 三 */

/**
 * Table 三 result groups stated together (“予以公开及部分公开42件” = （一）+（二）), tried before T3_WORDS:
 * `keys` are result groups summed. The generator writes `name` when it joins the groups.
 */
export const T3_COMBINED_WORDS = words<QuantityWords & { keys: string[] }>([
  {
    key: 'granted+partial_grant',
    name: '予以公开及部分公开',
    pattern: /(?:予以|全部|同意)公开(?:及|和|与|、|或)部分公开|全部或部分公开/,
    keys: ['granted', 'partial_grant'],
  },
]);

/**
 * Table 三 quantities a sentence states, in the order they are tried (结转下年度 before 上年结转,
 * 不予公开 before 予以公开). Keys are table 三 row keys, or result groups (ValueCell.group) whose rows
 * are summed. `requires`: the clause (number and its words on both sides) must also match.
 */
export const T3_WORDS = words<QuantityWords & { requires?: RegExp }>([
  { key: 'carried_forward', name: '结转下年度继续办理的申请', pattern: /结转(?:至|到)?下(?:一)?年度?|转入下(?:一)?年度?|结转下年/ },
  { key: 'carried_over', name: '上年结转申请', pattern: /上(?:一)?年度?结转/ },
  { key: 'partial_grant', name: '部分公开', pattern: /部分公开/ },
  { key: 'denied', name: '不予公开', pattern: /不予(?:以)?公开/ },
  { key: 'unable', name: '无法提供', pattern: /无法提供/ },
  { key: 'not_processed', name: '不予处理', pattern: /不予处理/ },
  { key: 'other', name: '其他处理', pattern: /其他处理/ },
  { key: 'granted', name: '予以公开', pattern: /(?<!不)予以公开|同意公开/ },
  { key: 'total_processed', name: '本年度办结的申请', pattern: /办结|办理完毕|答复完毕|已答复|予以答复|作出答复/ },
  { key: 'new_received', name: '本年新收政府信息公开申请', pattern: /新收|收到|受理|接收|接到/, requires: /申请/ },
]);

/** The result groups of table 三 (ValueCell.group), each stated as the sum of its rows. */
export const T3_RESULT_GROUPS: ReadonlySet<string> = new Set(['granted', 'partial_grant', 'denied', 'unable', 'not_processed', 'other']);

/**
 * Applicants (table 三 columns), in the order they are tried: 法人或其他组织 before 商业企业
 * (“企业” alone means 商业企业). `cols`: the columns the applicant's figure sums.
 */
export const APPLICANT_WORDS = words<QuantityWords & { cols: string[] }>([
  { key: 'natural_person', name: '自然人申请', short: '自然人', pattern: /自然人/, cols: ['natural_person'] },
  {
    key: 'legal_persons',
    name: '法人或其他组织申请',
    short: '法人或其他组织',
    pattern: /法人(?:或|和|及|与)?其他组织|法人/,
    cols: ['commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org'],
  },
  { key: 'commercial_enterprise', name: '商业企业', pattern: /商业企业|企业/, cols: ['commercial_enterprise'] },
  { key: 'research_institution', name: '科研机构', pattern: /科研机构/, cols: ['research_institution'] },
  { key: 'social_welfare_org', name: '社会公益组织', pattern: /社会公益组织/, cols: ['social_welfare_org'] },
  { key: 'legal_service_org', name: '法律服务机构', pattern: /法律服务机构/, cols: ['legal_service_org'] },
]);

/** Applications are counted in 件 (NARR-UNIT: not 条 or 起). */
export const APPLICATION_UNIT = '件';

/* ---------------------------------------------------------------- table 四 */

/**
 * Table 四 groups, in the order they are tried (复议后起诉 before 行政诉讼 before 复议). `groups`: the
 * table 四 rows the figure sums (行政诉讼 = both kinds of litigation).
 */
export const T4_GROUP_WORDS = words<QuantityWords & { groups: string[] }>([
  {
    key: 'litigation_after_review',
    name: '复议后起诉的行政诉讼',
    short: '复议后起诉',
    pattern: /复议后(?:提起)?(?:行政)?(?:起诉|诉讼)/,
    groups: ['litigation_after_review'],
  },
  {
    key: 'litigation_direct',
    name: '未经复议直接起诉的行政诉讼',
    short: '未经复议直接起诉',
    pattern: /直接(?:提起)?(?:行政)?(?:起诉|诉讼)|未经(?:行政)?复议/,
    groups: ['litigation_direct'],
  },
  { key: 'litigation', name: '行政诉讼', pattern: /行政诉讼|诉讼|起诉/, groups: ['litigation_direct', 'litigation_after_review'] },
  { key: 'admin_review', name: '行政复议', pattern: /行政复议|复议/, groups: ['admin_review'] },
]);

/** Table 四 results (columns). `key` names the words (其他结果: other_result), `field` is the column key. */
export const T4_FIELD_WORDS = words<QuantityWords & { field: string }>([
  { key: 'upheld', field: 'upheld', name: '结果维持', pattern: /维持/ },
  { key: 'corrected', field: 'corrected', name: '结果纠正', pattern: /纠正|撤销|败诉/ },
  { key: 'other_result', field: 'other', name: '其他结果', pattern: /其他结果/ },
  { key: 'pending', field: 'pending', name: '尚未审结', pattern: /尚未审结|未审结|正在审理|审理中|尚未结案/ },
]);

/* ---------------------------------------------------------------- table 二 */

/**
 * Table 二 rows as sentences name them. The generator writes the format's own row labels
 * (“行政规范性文件” in 2021); each pattern matches the labels of every format and the common short forms.
 */
export const T2_ROW_WORDS = words<QuantityWords>([
  { key: 'regulations', name: '规章', pattern: /规章(?!制度)/ },
  { key: 'normative_documents', name: '规范性文件', pattern: /规范性文件/ },
  { key: 'administrative_licensing', name: '行政许可', pattern: /行政许可/ },
  { key: 'other_external_services', name: '其他对外管理服务事项', pattern: /其他对外管理服务事项/ },
  { key: 'administrative_penalty', name: '行政处罚', pattern: /行政处罚/ },
  { key: 'administrative_coercion', name: '行政强制', pattern: /行政强制/ },
  { key: 'administrative_fees', name: '行政事业性收费', pattern: /行政事业性收费/ },
  { key: 'government_centralized_procurement', name: '政府集中采购', pattern: /政府集中采购/ },
]);

/**
 * Table 二 document columns as sentences name them, in the order they are tried (废止 before 制发).
 * `cols`: the column keys the words can mean, the first the format has is taken (制发 → issued in 2021,
 * new_made in 2019).
 */
export const T2_DOC_COL_WORDS = words<QuantityWords & { cols: string[] }>([
  { key: 'repealed', name: '本年废止件数', pattern: /废止/, cols: ['repealed'] },
  { key: 'in_force', name: '现行有效件数', pattern: /现行有效/, cols: ['in_force'] },
  { key: 'total_published', name: '对外公开总数量', pattern: /对外公开总|累计公开/, cols: ['total_published'] },
  { key: 'new_published', name: '本年新公开数量', pattern: /新公开/, cols: ['new_published'] },
  { key: 'issued', name: '本年制发件数', pattern: /制发|制定|出台|印发|发布|新制作|制作/, cols: ['issued', 'new_made'] },
]);

/** 处理决定数量 of 行政许可/行政处罚/行政强制 (2019: the item counts beside it are not decisions). */
export const T2_DECISION_WORDS: QuantityWords = { key: 'decisions', name: '处理决定数量', pattern: /决定/ };

/**
 * Table 二 columns whose figures count items (项目), written with 项 in sentences although the cell's
 * unit is 件 (2019: 上一年项目数量, 本年增/减, 采购项目数量).
 */
export const T2_ITEM_COLUMNS: ReadonlySet<string> = new Set(['prev_year_items', 'change', 'projects']);
export const ITEM_UNIT = '项';

/** Units a count of documents (规章, 规范性文件) is stated in. */
export const T2_DOC_UNITS: ReadonlySet<string> = new Set(['件', '个', '部', '份']);
/** Units a count of decisions is stated in. */
export const T2_DECISION_UNITS: ReadonlySet<string> = new Set(['件', '宗', '起', '个']);
/** A clause about 行政许可… with these words speaks of information published, not of decisions. */
export const T2_NOT_DECISIONS = /信息|事项|公开|公示/;

/**
 * How table 二 columns are stated, in the order the sentence goes (documents, then decisions, then money):
 * `first(row)` opens the clause with the row's name, `again(row)` names a further row in the same clause
 * (“本年制发规章3件、行政规范性文件564件”). Every phrase names its column with the words T2_DOC_COL_WORDS /
 * T2_DECISION_WORDS recognise, so the text checks read back what the generator writes. A column of a format
 * that is not listed here is not stated (the table carries it).
 */
export const T2_COLUMN_PHRASES: readonly {
  col: string;
  first: (row: string) => string;
  again: (row: string) => string;
  /** the column alone, when the row is the one just stated (“本年制发行政规范性文件3件，废止1件，现行有效25件”) */
  alone?: string;
}[] = [
  { col: 'issued', first: (r) => `本年制发${r}`, again: (r) => r, alone: '本年制发' },
  { col: 'new_made', first: (r) => `本年新制作${r}`, again: (r) => r, alone: '本年新制作' },
  { col: 'new_published', first: (r) => `本年新公开${r}`, again: (r) => r, alone: '本年新公开' },
  { col: 'repealed', first: (r) => `废止${r}`, again: (r) => r, alone: '废止' },
  { col: 'in_force', first: (r) => `现行有效${r}`, again: (r) => r, alone: '现行有效' },
  { col: 'total_published', first: (r) => `对外公开总数量${r}`, again: (r) => r, alone: '对外公开总数量' },
  { col: 'decisions', first: (r) => `作出${r}决定`, again: (r) => `${r}决定` },
  { col: 'amount', first: (r) => `${r}金额`, again: (r) => `${r}金额` },
  { col: 'projects', first: (r) => `${r}项目`, again: (r) => `${r}项目` },
  { col: 'total_amount', first: (r) => `${r}总金额`, again: (r) => `${r}总金额` },
];

/**
 * Comparisons with last year as report texts write them: the direction words and the patterns the text checks
 * read (“较上年增加137件，增长169.1%”, “较去年回落12.3%”, “与上年持平”).
 */
export const CHANGE_WORDS = {
  /** a figure with one of these is the change, not the quantity */
  up: /增加|增长|上升|多/,
  down: /减少|下降|回落|降低|少/,
  /** “较上年增加137件” / “较去年回落12.3%” / “同比增长5%” (group 1: direction word, 2: number, 3: unit) */
  change: /(?:较|比|同比|与)(?:上年|去年|上一年|上年度|前一年)?(?:同期)?(?:相比)?[，,]?\s*(增加|增长|上升|多|减少|下降|回落|降低|少)了?\s*(\d+(?:\.\d+)?)\s*(件|[%％])/g,
  /** “增长169.1%” following a stated change in the same clause run */
  percent: /[，,]\s*(增长|上升|下降|回落|降低|减少|增加)了?\s*(\d+(?:\.\d+)?)\s*[%％]/g,
  same: /(?:与|和|同)(?:上年|去年|上一年|上年度)(?:同期)?(?:相比)?[，,]?\s*(?:基本)?持平|同比持平/g,
} as const;

/** A share of a total (“占33.9%”, “占比12.3%”); group 1 is the number. */
export const SHARE_WORDS = /(?:占(?:比|比为|全部|总数的?|办结总数的?|申请总数的?)?|公开率为?)\s*(\d+(?:\.\d+)?)\s*[%％]/g;

/* ---------------------------------------------------------------- outside the tables */

/**
 * 信息处理费 (国办函〔2020〕109号): charged for answering applications, stated in 六 where the format
 * asks for it (FormatFeatures.processingFeeStatement). Not a table quantity: a figure next to these words
 * is never taken for one (not even for 表二 行政事业性收费).
 */
export const PROCESSING_FEE: Omit<QuantityWords, 'key'> = { name: '信息处理费', pattern: /信息处理费/ };

/* ---------------------------------------------------------------- names */

const NAMES: ReadonlyMap<string, string> = new Map(
  [...T3_WORDS, ...T3_COMBINED_WORDS, ...APPLICANT_WORDS, ...T4_GROUP_WORDS, ...T4_FIELD_WORDS, ...T2_ROW_WORDS].map((w) => [w.key, w.name]),
);

/** The name of a quantity in a sentence or a finding (undefined for a key without words). */
export function quantityName(key: string): string | undefined {
  return NAMES.get(key);
}

/** The words of a table 三 result group (ValueCell.group). */
export function resultWords(group: string): QuantityWords | undefined {
  return T3_RESULT_GROUPS.has(group) ? T3_WORDS.find((w) => w.key === group) : undefined;
}

/**
 * A row label as a sentence lists it: the list mark and a note in brackets at the end dropped
 * (“（二）部分公开（区分处理的，…）” → “部分公开”, “1.属于国家秘密” → “属于国家秘密”).
 */
export function plainLabel(label: string): string {
  return label
    .replace(/^（[一二三四五六七八九十]+）/, '')
    .replace(/^\d+[.．、]/, '')
    .replace(/（[^（）]*）$/, '')
    .trim();
}
