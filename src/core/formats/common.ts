import { IMPORT } from '../messages/import';
import type { CheckDef, FormatFeatures, LabelCell, Relation, TableDef, TableId, ValueCell } from './types';

export const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/* ---------------------------------------------------------------- names */

/** The tables' short names in messages, the same in every format (TableDef.shortName). */
export const TABLE_SHORT_NAMES: Readonly<Record<TableId, string>> = { table2: '表二', table3: '表三', table4: '表四' };
const T2_SHORT = TABLE_SHORT_NAMES.table2;
const T3_SHORT = TABLE_SHORT_NAMES.table3;
const T4_SHORT = TABLE_SHORT_NAMES.table4;

/** （一）…（七）: the mark of a table 三 group label */
const PARENT_MARK = /^（[一二三四五六七八九十]+）/;

/**
 * The names of a value cell's row, worked out once when a table is built: in messages
 * (“（三）不予公开 1.属于国家秘密”, else the row's label of spec §7) and in equations
 * (“（三）1.属于国家秘密”, or `short`, else the label without a note in brackets at its end).
 */
function rowNames(orderLabel: string, rowLabel: string, parent?: string, short?: string): Pick<ValueCell, 'fullRowLabel' | 'shortRowLabel'> {
  const mark = parent ? PARENT_MARK.exec(parent) : null;
  return {
    fullRowLabel: mark ? `${parent} ${rowLabel}` : orderLabel,
    shortRowLabel: short ?? (mark ? `${mark[0]}${rowLabel}` : orderLabel.replace(/(.)（[^（）]*）$/u, '$1')),
  };
}

/** A value cell's name in findings: the table's short name, the row's full name and the column. */
function cellName(tableShort: string, row: Pick<ValueCell, 'fullRowLabel'>, colLabel: string): Pick<ValueCell, 'cellLabel'> {
  return { cellLabel: IMPORT.cellLabel(tableShort, row.fullRowLabel, colLabel) };
}

/* ---------------------------------------------------------------- table 三 */

export const T3_COLUMNS = [
  { key: 'natural_person', label: '自然人' },
  { key: 'commercial_enterprise', label: '商业企业' },
  { key: 'research_institution', label: '科研机构' },
  { key: 'social_welfare_org', label: '社会公益组织' },
  { key: 'legal_service_org', label: '法律服务机构' },
  { key: 'other_org', label: '其他' },
  { key: 'total', label: '总计' },
];

export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

interface T3Row {
  key: string;
  /** the label written in this row (innermost) */
  label: string;
  /** the parent group label (（三）不予公开 …) */
  parent?: string;
  /** result sub-row summed into （七）总计 */
  result?: boolean;
  /** the result quantity the row is part of (vocabulary key) */
  group?: string;
  /** the row's name in equations, where the rule (mark + label) does not give a short one */
  short?: string;
}

const T3_DENIED = '（三）不予公开';
const T3_UNABLE = '（四）无法提供';
const T3_NOT_PROCESSED = '（五）不予处理';
const T3_OTHER = '（六）其他处理';

const T3_HEAD_ROWS: T3Row[] = [
  { key: 'new_received', label: '一、本年新收政府信息公开申请数量', short: '一、本年新收' },
  { key: 'carried_over', label: '二、上年结转政府信息公开申请数量', short: '二、上年结转' },
  { key: 'granted', label: '（一）予以公开', result: true, group: 'granted' },
  { key: 'partial_grant', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', result: true, group: 'partial_grant' },
  { key: 'denied_state_secret', label: '1.属于国家秘密', parent: T3_DENIED, result: true, group: 'denied' },
  { key: 'denied_law_forbidden', label: '2.其他法律行政法规禁止公开', parent: T3_DENIED, result: true, group: 'denied' },
  { key: 'denied_three_security_one_stability', label: '3.危及“三安全一稳定”', parent: T3_DENIED, result: true, group: 'denied' },
  { key: 'denied_third_party_rights', label: '4.保护第三方合法权益', parent: T3_DENIED, result: true, group: 'denied' },
  { key: 'denied_internal_affairs', label: '5.属于三类内部事务信息', parent: T3_DENIED, result: true, group: 'denied' },
  { key: 'denied_process_info', label: '6.属于四类过程性信息', parent: T3_DENIED, result: true, group: 'denied' },
  { key: 'denied_enforcement_case', label: '7.属于行政执法案卷', parent: T3_DENIED, result: true, group: 'denied' },
  { key: 'denied_admin_query', label: '8.属于行政查询事项', parent: T3_DENIED, result: true, group: 'denied' },
  { key: 'unable_not_held', label: '1.本机关不掌握相关政府信息', parent: T3_UNABLE, result: true, group: 'unable' },
  { key: 'unable_need_creation', label: '2.没有现成信息需要另行制作', parent: T3_UNABLE, result: true, group: 'unable' },
  { key: 'unable_unclear_after_correction', label: '3.补正后申请内容仍不明确', parent: T3_UNABLE, result: true, group: 'unable' },
  { key: 'not_processed_complaint', label: '1.信访举报投诉类申请', parent: T3_NOT_PROCESSED, result: true, group: 'not_processed' },
  { key: 'not_processed_repeat', label: '2.重复申请', parent: T3_NOT_PROCESSED, result: true, group: 'not_processed' },
  { key: 'not_processed_publication', label: '3.要求提供公开出版物', parent: T3_NOT_PROCESSED, result: true, group: 'not_processed' },
  { key: 'not_processed_massive_repeat', label: '4.无正当理由大量反复申请', parent: T3_NOT_PROCESSED, result: true, group: 'not_processed' },
  {
    key: 'not_processed_confirm_reissue',
    label: '5.要求行政机关确认或重新出具已获取信息',
    parent: T3_NOT_PROCESSED,
    result: true,
    group: 'not_processed',
  },
];

const T3_TAIL_ROWS: T3Row[] = [
  { key: 'total_processed', label: '（七）总计', short: '三（七）总计' },
  { key: 'carried_forward', label: '四、结转下年度继续办理', short: '四、结转下年度' },
];

const T3_OTHER_SINGLE: T3Row[] = [{ key: 'other_processing', label: T3_OTHER, result: true, group: 'other' }];
const T3_OTHER_SPLIT: T3Row[] = [
  {
    key: 'other_no_correction_overdue',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    parent: T3_OTHER,
    result: true,
    group: 'other',
  },
  {
    key: 'other_fee_unpaid',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    parent: T3_OTHER,
    result: true,
    group: 'other',
  },
  { key: 'other_other', label: '3.其他', parent: T3_OTHER, result: true, group: 'other' },
];

const T3_RESULTS_LABEL = '三、本年度办理结果';

/** Full label of a table 三 row as the spec's §7 table writes it. */
function t3FullLabel(row: T3Row, first: boolean): string {
  return row.parent && first ? `${row.parent} ${row.label}` : row.label;
}

/** Table 三 of a format: （六）其他处理 as one row or as three sub-rows (FormatFeatures.otherProcessing). */
export function buildTable3(otherProcessing: FormatFeatures['otherProcessing']): TableDef {
  const rows: T3Row[] = [
    ...T3_HEAD_ROWS,
    ...(otherProcessing === 'single' ? T3_OTHER_SINGLE : T3_OTHER_SPLIT),
    ...T3_TAIL_ROWS,
  ];
  const labels: LabelCell[] = [
    { r: 0, c: 0, rs: 3, cs: 3, text: T3_NOTE, role: 'note' },
    { r: 0, c: 3, cs: 7, text: '申请人情况', role: 'header' },
    { r: 1, c: 3, rs: 2, text: '自然人', role: 'header' },
    { r: 1, c: 4, cs: 5, text: '法人或其他组织', role: 'header' },
    { r: 1, c: 9, rs: 2, text: '总计', role: 'header' },
    { r: 2, c: 4, text: '商业企业', role: 'header' },
    { r: 2, c: 5, text: '科研机构', role: 'header' },
    { r: 2, c: 6, text: '社会公益组织', role: 'header' },
    { r: 2, c: 7, text: '法律服务机构', role: 'header' },
    { r: 2, c: 8, text: '其他', role: 'header' },
  ];
  const values: ValueCell[] = [];
  const rowOrder: { key: string; label: string }[] = [];
  const firstOfParent = new Set<string>();
  rows.forEach((row, i) => {
    const r = 3 + i;
    const isFirst = !!row.parent && !firstOfParent.has(row.parent);
    if (row.parent && isFirst) firstOfParent.add(row.parent);
    const orderLabel = t3FullLabel(row, isFirst);
    rowOrder.push({ key: row.key, label: orderLabel });
    const names = rowNames(orderLabel, row.label, row.parent, row.short);
    if (row.key === 'new_received' || row.key === 'carried_over' || row.key === 'carried_forward') {
      labels.push({ r, c: 0, cs: 3, text: row.label, role: 'row' });
    } else if (row.parent) {
      if (isFirst) {
        const span = rows.filter((x) => x.parent === row.parent).length;
        labels.push({ r, c: 1, rs: span, text: row.parent, role: 'row' });
      }
      labels.push({ r, c: 2, text: row.label, role: 'row' });
    } else {
      labels.push({ r, c: 1, cs: 2, text: row.label, role: 'row' });
    }
    if (row.key === 'granted') {
      // 三、本年度办理结果 spans from （一）予以公开 down to （七）总计
      const span = rows.findIndex((x) => x.key === 'total_processed') - i + 1;
      labels.push({ r, c: 0, rs: span, text: T3_RESULTS_LABEL, role: 'row' });
    }
    T3_COLUMNS.forEach((col, j) => {
      values.push({
        r,
        c: 3 + j,
        row: row.key,
        col: col.key,
        kind: 'count',
        unit: '件',
        rowLabel: row.label,
        colLabel: col.label,
        parentLabel: row.parent ?? (row.result || row.key === 'total_processed' ? T3_RESULTS_LABEL : undefined),
        ...names,
        ...cellName(T3_SHORT, names, col.label),
        ...(row.group ? { group: row.group } : {}),
      });
    });
  });
  return {
    id: 'table3',
    caption: SECTIONS[2],
    shortName: T3_SHORT,
    rows: 3 + rows.length,
    cols: 10,
    labels,
    values,
    widths: [10, 12, 30, 9, 9, 9, 9, 9, 9, 9],
    rowOrder,
    colOrder: T3_COLUMNS,
  };
}

/** Row keys of table 三 summed into （七）总计. */
export function table3ResultRows(t: TableDef): string[] {
  const start = t.rowOrder.findIndex((r) => r.key === 'granted');
  const end = t.rowOrder.findIndex((r) => r.key === 'total_processed');
  return t.rowOrder.slice(start, end).map((r) => r.key);
}

/* ---------------------------------------------------------------- table 四 */

export const T4_GROUPS = [
  { key: 'admin_review', label: '行政复议' },
  { key: 'litigation_direct', label: '未经复议直接起诉' },
  { key: 'litigation_after_review', label: '复议后起诉' },
];
export const T4_FIELDS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

export function buildTable4(): TableDef {
  const labels: LabelCell[] = [
    { r: 0, c: 0, cs: 5, text: '行政复议', role: 'header' },
    { r: 0, c: 5, cs: 10, text: '行政诉讼', role: 'header' },
    { r: 1, c: 5, cs: 5, text: '未经复议直接起诉', role: 'header' },
    { r: 1, c: 10, cs: 5, text: '复议后起诉', role: 'header' },
  ];
  T4_FIELDS.forEach((f, j) => {
    labels.push({ r: 1, c: j, rs: 2, text: f.label, role: 'header' });
    labels.push({ r: 2, c: 5 + j, text: f.label, role: 'header' });
    labels.push({ r: 2, c: 10 + j, text: f.label, role: 'header' });
  });
  labels.sort((a, b) => a.r - b.r || a.c - b.c);
  const values: ValueCell[] = [];
  const rowOrder = T4_GROUPS.map((g) => ({ key: g.key, label: g.label === '行政复议' ? g.label : `行政诉讼·${g.label}` }));
  T4_GROUPS.forEach((g, gi) => {
    const names = rowNames(rowOrder[gi].label, g.label, gi === 0 ? '行政复议' : '行政诉讼');
    T4_FIELDS.forEach((f, j) => {
      values.push({
        r: 3,
        c: gi * 5 + j,
        row: g.key,
        col: f.key,
        kind: 'count',
        unit: '件',
        rowLabel: g.label,
        colLabel: f.label,
        parentLabel: gi === 0 ? '行政复议' : '行政诉讼',
        ...names,
        ...cellName(T4_SHORT, names, f.label),
      });
    });
  });
  return {
    id: 'table4',
    caption: SECTIONS[3],
    shortName: T4_SHORT,
    rows: 4,
    cols: 15,
    labels,
    values,
    widths: Array(15).fill(7),
    rowOrder,
    colOrder: T4_FIELDS,
  };
}

/* ---------------------------------------------------------------- table 二 */

export interface T2Section {
  heading: string;
  /** column headers after 信息内容; '' = an empty header cell without values */
  headers: string[];
  /** the single value spans all value columns (2021: 本年处理决定数量 cs 3) */
  merged?: boolean;
  rows: { key: string; label: string }[];
  fields: { key: string; kind: 'count' | 'signed' | 'amount'; unit?: string }[];
}

/** Table 二 of a format; amounts without a unit of their own are in `amountUnit` (FormatFeatures.amountUnit). */
export function buildTable2(sections: T2Section[], amountUnit: string, notes?: string[]): TableDef {
  const labels: LabelCell[] = [];
  const values: ValueCell[] = [];
  const rowOrder: { key: string; label: string }[] = [];
  const colKeys = new Map<string, string>();
  let r = 0;
  for (const s of sections) {
    labels.push({ r, c: 0, cs: 4, text: s.heading, role: 'heading' });
    r++;
    labels.push({ r, c: 0, text: '信息内容', role: 'header' });
    if (s.merged) {
      labels.push({ r, c: 1, cs: 3, text: s.headers[0], role: 'header' });
    } else {
      s.headers.forEach((h, j) => {
        if (h) labels.push({ r, c: 1 + j, text: h, role: 'header' });
      });
    }
    r++;
    for (const row of s.rows) {
      labels.push({ r, c: 0, text: row.label, role: 'row' });
      rowOrder.push(row);
      const names = rowNames(row.label, row.label, s.heading);
      s.fields.forEach((f, j) => {
        if (!colKeys.has(f.key)) colKeys.set(f.key, s.headers[j]);
        values.push({
          r,
          c: 1 + j,
          cs: s.merged ? 3 : undefined,
          row: row.key,
          col: f.key,
          kind: f.kind,
          unit: f.unit ?? (f.kind === 'amount' ? amountUnit : '件'),
          rowLabel: row.label,
          colLabel: s.headers[j],
          parentLabel: s.heading,
          ...names,
          ...cellName(T2_SHORT, names, s.headers[j]),
        });
      });
      r++;
    }
  }
  return {
    id: 'table2',
    caption: SECTIONS[1],
    shortName: T2_SHORT,
    rows: r,
    cols: 4,
    labels,
    values,
    widths: [24, 20, 20, 20],
    notes,
    rowOrder,
    colOrder: [...colKeys.entries()].map(([key, label]) => ({ key, label })),
  };
}

/* ---------------------------------------------------------------- relations */

const col = (table: 'table2' | 'table3' | 'table4', row: string, c: string) => ({ ref: { table, row, col: c } });

export function table3Relations(t3: TableDef): Relation[] {
  const rel: Relation[] = [];
  const results = table3ResultRows(t3);
  const parts = T3_COLUMNS.filter((c) => c.key !== 'total');
  // row totals first: a cell that is the target of several totals takes the first one's formula
  for (const row of t3.rowOrder) {
    rel.push({
      check: 'T3-ROW-TOTAL',
      op: '=',
      total: true,
      left: [col('table3', row.key, 'total')],
      right: parts.map((c) => col('table3', row.key, c.key)),
      scope: `“${row.label}”行`,
    });
  }
  for (const c of T3_COLUMNS) {
    rel.push({
      check: 'T3-RESULTS',
      op: '=',
      total: true,
      left: [col('table3', 'total_processed', c.key)],
      right: results.map((r) => col('table3', r, c.key)),
      scope: `“${c.label}”列`,
    });
  }
  for (const c of T3_COLUMNS) {
    rel.push({
      check: 'T3-BALANCE',
      op: '=',
      left: [col('table3', 'new_received', c.key), col('table3', 'carried_over', c.key)],
      right: [col('table3', 'total_processed', c.key), col('table3', 'carried_forward', c.key)],
      scope: `“${c.label}”列`,
    });
  }
  return rel;
}

export function table4Relations(): Relation[] {
  return T4_GROUPS.map((g) => ({
    check: 'T4-TOTAL',
    op: '=' as const,
    total: true,
    left: [col('table4', g.key, 'total')],
    right: T4_FIELDS.filter((f) => f.key !== 'total').map((f) => col('table4', g.key, f.key)),
    scope: g.label === '行政复议' ? '行政复议' : `行政诉讼·${g.label}`,
  }));
}

export function carryRelations(): Relation[] {
  return T3_COLUMNS.map((c) => ({
    check: 'XY-CARRY',
    op: '=' as const,
    left: [col('table3', 'carried_over', c.key)],
    right: [{ ...col('table3', 'carried_forward', c.key), previous: true }],
    scope: `“${c.label}”列`,
  }));
}

/* ---------------------------------------------------------------- checks */

export const CHECKS: CheckDef[] = [
  {
    id: 'T3-BALANCE',
    severity: 'error',
    group: 'error',
    title: '表三各列勾稽关系',
    basis: '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和',
  },
  {
    id: 'T3-ROW-TOTAL',
    severity: 'error',
    group: 'error',
    title: '表三各行总计',
    basis: '“总计”列等于自然人与法人或其他组织各列之和',
  },
  {
    id: 'T3-RESULTS',
    severity: 'error',
    group: 'error',
    title: '表三“（七）总计”',
    basis: '“（七）总计”等于本年度办理结果各项之和',
  },
  {
    id: 'T4-TOTAL',
    severity: 'error',
    group: 'error',
    title: '表四各项总计',
    basis: '“总计”等于结果维持、结果纠正、其他结果、尚未审结之和',
  },
  {
    id: 'CELL-VALUE',
    severity: 'error',
    group: 'error',
    title: '数值格式',
    basis: '件数为不小于0的整数；本年增/减为整数，可为负；金额不小于0，最多4位小数',
  },
  {
    id: 'CELL-BLANK',
    severity: 'error',
    group: 'error',
    title: '空白单元格',
    basis: '统计表各项应填写数字，没有的填0，不留空白，不填“-”“/”“无”',
  },
  {
    id: 'FORMAT-YEAR',
    severity: 'error',
    group: 'error',
    title: '格式与年度',
    basis: '2019、2020年度报告使用国办公开办函〔2019〕60号格式；2021年度起使用国办公开办函〔2021〕30号格式',
  },
  { id: 'LABELS', severity: 'error', group: 'error', title: '表格标签', basis: '表格的行列名称应与官方格式一致' },
  {
    id: 'XY-CARRY',
    severity: 'error',
    group: 'cross-year',
    title: '上年结转与上年结转下年度',
    basis: '本年“二、上年结转政府信息公开申请数量”等于上一年度报告“四、结转下年度继续办理”',
  },
  {
    id: 'XY-INFORCE',
    severity: 'warning',
    group: 'cross-year',
    title: '现行有效件数的连续性',
    basis: '现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
  },
  {
    id: 'T2-REG',
    severity: 'warning',
    group: 'warning',
    title: '规章件数',
    basis: '只有国务院部门、省级人民政府和设区的市、自治州人民政府有规章制定权；乡镇、县级政府和地方部门规章填0',
  },
  {
    id: 'T2-2019',
    severity: 'warning',
    group: 'warning',
    title: '表二数量关系',
    basis: '本年新公开数量不大于对外公开总数量；上一年项目数量加本年增/减不小于0',
  },
  {
    id: 'T2-INFORCE',
    severity: 'warning',
    group: 'warning',
    title: '现行有效件数',
    basis: '现行有效件数不小于本年制发件数',
  },
  {
    id: 'T4-NARRATIVE',
    severity: 'warning',
    group: 'warning',
    title: '复议诉讼结果的表述',
    basis: '“均获维持”“无败诉”等表述要求结果纠正为0、尚未审结为0',
  },
];
