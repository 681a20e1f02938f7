/**
 * Grids for the reader tests, written by hand from the spec (§3–5), independent of the
 * format data and of the layout code. A value slot is `{ k: 'row.col' }`; `fill` turns the
 * slots into cell values and `place` puts a block on a sheet, returning each key's address.
 */
import type { CellValue, Grid } from '../../../src/core/grid';
import { a1 } from '../../../src/core/grid';

export type Slot = CellValue | { k: string };
export type Block = Slot[][];

const S = (k: string): Slot => ({ k });

/* ------------------------------------------------------------------ table 二 (spec §3) */

export const TABLE2_2021: Block = [
  ['第二十条第（一）项', null, null, null],
  ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
  ['规章', S('regulations.issued'), S('regulations.repealed'), S('regulations.in_force')],
  ['行政规范性文件', S('normative_documents.issued'), S('normative_documents.repealed'), S('normative_documents.in_force')],
  ['第二十条第（五）项', null, null, null],
  ['信息内容', '本年处理决定数量', null, null],
  ['行政许可', S('administrative_licensing.decisions'), null, null],
  ['第二十条第（六）项', null, null, null],
  ['信息内容', '本年处理决定数量', null, null],
  ['行政处罚', S('administrative_penalty.decisions'), null, null],
  ['行政强制', S('administrative_coercion.decisions'), null, null],
  ['第二十条第（八）项', null, null, null],
  ['信息内容', '本年收费金额（单位：万元）', null, null],
  ['行政事业性收费', S('administrative_fees.amount'), null, null],
];

const items2019 = (key: string): Slot[] => [S(`${key}.prev_year_items`), S(`${key}.change`), S(`${key}.decisions`)];

export const TABLE2_2019: Block = [
  ['第二十条第（一）项', null, null, null],
  ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
  ['规章', S('regulations.new_made'), S('regulations.new_published'), S('regulations.total_published')],
  ['规范性文件', S('normative_documents.new_made'), S('normative_documents.new_published'), S('normative_documents.total_published')],
  ['第二十条第（五）项', null, null, null],
  ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
  ['行政许可', ...items2019('administrative_licensing')],
  ['其他对外管理服务事项', ...items2019('other_external_services')],
  ['第二十条第（六）项', null, null, null],
  ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
  ['行政处罚', ...items2019('administrative_penalty')],
  ['行政强制', ...items2019('administrative_coercion')],
  ['第二十条第（八）项', null, null, null],
  ['信息内容', '上一年项目数量', '本年增/减', null],
  ['行政事业性收费', S('administrative_fees.prev_year_items'), S('administrative_fees.change'), null],
  ['第二十条第（九）项', null, null, null],
  ['信息内容', '采购项目数量', '采购总金额', null],
  ['政府集中采购', S('government_centralized_procurement.projects'), S('government_centralized_procurement.total_amount'), null],
];

/* ------------------------------------------------------------------ table 三 (spec §4) */

export const T3_COLS = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org', 'total'];
const vals3 = (key: string): Slot[] => T3_COLS.map((c) => S(`${key}.${c}`));
const row3 = (a: string | null, b: string | null, c: string | null, key: string): Slot[] => [a, b, c, ...vals3(key)];

const T3_HEAD: Block = [
  ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', null, null, '申请人情况', null, null, null, null, null, null],
  [null, null, null, '自然人', '法人或其他组织', null, null, null, null, '总计'],
  [null, null, null, null, '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', null],
  row3('一、本年新收政府信息公开申请数量', null, null, 'new_received'),
  row3('二、上年结转政府信息公开申请数量', null, null, 'carried_over'),
  row3('三、本年度办理结果', '（一）予以公开', null, 'granted'),
  row3(null, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', null, 'partial_grant'),
  row3(null, '（三）不予公开', '1.属于国家秘密', 'denied_state_secret'),
  row3(null, null, '2.其他法律行政法规禁止公开', 'denied_law_forbidden'),
  row3(null, null, '3.危及“三安全一稳定”', 'denied_three_security_one_stability'),
  row3(null, null, '4.保护第三方合法权益', 'denied_third_party_rights'),
  row3(null, null, '5.属于三类内部事务信息', 'denied_internal_affairs'),
  row3(null, null, '6.属于四类过程性信息', 'denied_process_info'),
  row3(null, null, '7.属于行政执法案卷', 'denied_enforcement_case'),
  row3(null, null, '8.属于行政查询事项', 'denied_admin_query'),
  row3(null, '（四）无法提供', '1.本机关不掌握相关政府信息', 'unable_not_held'),
  row3(null, null, '2.没有现成信息需要另行制作', 'unable_need_creation'),
  row3(null, null, '3.补正后申请内容仍不明确', 'unable_unclear_after_correction'),
  row3(null, '（五）不予处理', '1.信访举报投诉类申请', 'not_processed_complaint'),
  row3(null, null, '2.重复申请', 'not_processed_repeat'),
  row3(null, null, '3.要求提供公开出版物', 'not_processed_publication'),
  row3(null, null, '4.无正当理由大量反复申请', 'not_processed_massive_repeat'),
  row3(null, null, '5.要求行政机关确认或重新出具已获取信息', 'not_processed_confirm_reissue'),
];

export const TABLE3_2019: Block = [
  ...T3_HEAD,
  row3(null, '（六）其他处理', null, 'other_processing'),
  row3(null, '（七）总计', null, 'total_processed'),
  row3('四、结转下年度继续办理', null, null, 'carried_forward'),
];

export const TABLE3_2021: Block = [
  ...T3_HEAD,
  row3(null, '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other_no_correction_overdue'),
  row3(null, null, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'other_fee_unpaid'),
  row3(null, null, '3.其他', 'other_other'),
  row3(null, '（七）总计', null, 'total_processed'),
  row3('四、结转下年度继续办理', null, null, 'carried_forward'),
];

/* ------------------------------------------------------------------ table 四 (spec §5) */

const F4 = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
export const T4_GROUPS = ['admin_review', 'litigation_direct', 'litigation_after_review'];
export const T4_FIELDS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const n = (k: number): null[] => Array<null>(k).fill(null);

export const TABLE4: Block = [
  ['行政复议', ...n(4), '行政诉讼', ...n(9)],
  [...F4, '未经复议直接起诉', ...n(4), '复议后起诉', ...n(4)],
  [...n(5), ...F4, ...F4],
  T4_GROUPS.flatMap((g) => T4_FIELDS.map((f) => S(`${g}.${f}`))),
];

/* ------------------------------------------------------------------ building sheets */

/** Every value key of a block, in reading order. */
export function keysOf(block: Block): string[] {
  const out: string[] = [];
  for (const row of block) for (const s of row) if (s !== null && typeof s === 'object') out.push(s.k);
  return out;
}

/** A distinct whole number for every key (1, 2, 3 … in reading order), so a wrong mapping shows. */
export function distinctValues(...blocks: Block[]): Record<string, number> {
  const out: Record<string, number> = {};
  let i = 1;
  for (const b of blocks) for (const k of keysOf(b)) out[k] ??= i++;
  return out;
}

/** A block with its label texts rewritten (split words, ASCII punctuation …). */
export function mapLabels(block: Block, f: (s: string) => string): Block {
  return block.map((row) => row.map((s) => (typeof s === 'string' ? f(s) : s)));
}

/** A block with an empty column inserted before column `at`. */
export function insertColumn(block: Block, at: number): Block {
  return block.map((row) => [...row.slice(0, at), null, ...row.slice(at)]);
}

export class SheetBuilder {
  readonly rows: CellValue[][] = [];
  constructor(readonly name: string) {}

  set(r: number, c: number, v: CellValue): this {
    while (this.rows.length <= r) this.rows.push([]);
    const row = this.rows[r];
    while (row.length <= c) row.push(null);
    row[c] = v;
    return this;
  }

  /**
   * Puts a block with its top-left at (r, c); value slots take `values[key]` (undefined keys
   * stay empty). Returns each slot key's A1 address.
   */
  place(r: number, c: number, block: Block, values: Record<string, CellValue | undefined>): Record<string, string> {
    const addr: Record<string, string> = {};
    block.forEach((row, i) =>
      row.forEach((s, j) => {
        if (s === null) return;
        if (typeof s === 'object') {
          addr[s.k] = a1(r + i, c + j);
          const v = values[s.k];
          if (v !== undefined) this.set(r + i, c + j, v);
        } else this.set(r + i, c + j, s);
      }),
    );
    return addr;
  }

  grid(): Grid {
    const width = Math.max(0, ...this.rows.map((r) => r.length));
    return { sheet: this.name, origin: { row: 0, col: 0 }, cells: this.rows.map((r) => [...r, ...Array<null>(width - r.length).fill(null)]) };
  }
}

/** Expected report values per table from key→value: { table2: { regulations: { issued: 1 } } }. */
export function nest(values: Record<string, unknown>, keys: string[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const k of keys) {
    const [row, col] = k.split('.');
    (out[row] ??= {})[col] = values[k] ?? null;
  }
  return out;
}

/** Addresses from a LocatedReport's cells of one table as key → A1. */
export function addressesOf(cells: Record<string, Record<string, { address: string }>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [row, cols] of Object.entries(cells ?? {})) for (const [col, loc] of Object.entries(cols)) out[`${row}.${col}`] = loc.address;
  return out;
}

/* ------------------------------------------------------------------ merged areas */

/** [r, c, rs, cs] of the merged label areas, relative to the block (spec §3–5). */
export type Merge = [number, number, number, number];

export const MERGES_T2_2021: Merge[] = [
  [0, 0, 1, 4], [4, 0, 1, 4], [7, 0, 1, 4], [11, 0, 1, 4],
  [5, 1, 1, 3], [8, 1, 1, 3], [12, 1, 1, 3],
];

export const MERGES_T3_2021: Merge[] = [
  [0, 0, 3, 3], [0, 3, 1, 7], [1, 3, 2, 1], [1, 4, 1, 5], [1, 9, 2, 1],
  [3, 0, 1, 3], [4, 0, 1, 3], [5, 0, 22, 1], [5, 1, 1, 2], [6, 1, 1, 2],
  [7, 1, 8, 1], [15, 1, 3, 1], [18, 1, 5, 1], [23, 1, 3, 1], [26, 1, 1, 2], [27, 0, 1, 3],
];

export const MERGES_T4: Merge[] = [
  [0, 0, 1, 5], [0, 5, 1, 10], [1, 0, 2, 1], [1, 1, 2, 1], [1, 2, 2, 1], [1, 3, 2, 1], [1, 4, 2, 1], [1, 5, 1, 5], [1, 10, 1, 5],
];

/** The block as some tools export merged areas: every cell of the area repeats the label. */
export function fillMerged(block: Block, merges: Merge[]): Block {
  const out = block.map((row) => [...row]);
  for (const [r, c, rs, cs] of merges) {
    const text = out[r][c];
    for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) out[i][j] = text;
  }
  return out;
}
