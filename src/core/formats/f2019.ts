import type { FormatDef, FormatFeatures, Relation } from './types';
import { buildTable2, buildTable3, buildTable4, carryRelations, CHECKS, SECTIONS, table3Relations, table4Relations } from './common';

/** What the 2019 format asks besides its tables: no 信息处理费 statement (the fee rules date from 2020). */
const features: FormatFeatures = {
  processingFeeStatement: false,
  governmentPartsRequired: false,
  otherProcessing: 'single',
  amountUnit: '万元',
};

const ITEMS = ['上一年项目数量', '本年增/减', '处理决定数量'];
const itemFields = [
  { key: 'prev_year_items', kind: 'count' as const },
  { key: 'change', kind: 'signed' as const },
  { key: 'decisions', kind: 'count' as const },
];

const table2 = buildTable2(
  [
    {
      heading: '第二十条第（一）项',
      headers: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: [
        { key: 'regulations', label: '规章' },
        { key: 'normative_documents', label: '规范性文件' },
      ],
      fields: [
        { key: 'new_made', kind: 'count' },
        { key: 'new_published', kind: 'count' },
        { key: 'total_published', kind: 'count' },
      ],
    },
    {
      heading: '第二十条第（五）项',
      headers: ITEMS,
      rows: [
        { key: 'administrative_licensing', label: '行政许可' },
        { key: 'other_external_services', label: '其他对外管理服务事项' },
      ],
      fields: itemFields,
    },
    {
      heading: '第二十条第（六）项',
      headers: ITEMS,
      rows: [
        { key: 'administrative_penalty', label: '行政处罚' },
        { key: 'administrative_coercion', label: '行政强制' },
      ],
      fields: itemFields,
    },
    {
      heading: '第二十条第（八）项',
      headers: ['上一年项目数量', '本年增/减', ''],
      rows: [{ key: 'administrative_fees', label: '行政事业性收费' }],
      fields: itemFields.slice(0, 2),
    },
    {
      heading: '第二十条第（九）项',
      headers: ['采购项目数量', '采购总金额', ''],
      rows: [{ key: 'government_centralized_procurement', label: '政府集中采购' }],
      fields: [
        { key: 'projects', kind: 'count' },
        { key: 'total_amount', kind: 'amount' },
      ],
    },
  ],
  features.amountUnit,
  [`注：采购总金额单位为${features.amountUnit}。`],
);

const table3 = buildTable3(features.otherProcessing);
const table4 = buildTable4();

const t2 = (row: string, c: string) => ({ ref: { table: 'table2' as const, row, col: c } });
const label = (row: string) => table2.rowOrder.find((r) => r.key === row)?.label ?? row;

const relations: Relation[] = [
  ...table3Relations(table3),
  ...table4Relations(),
  ...carryRelations(),
  ...['regulations', 'normative_documents'].map((row) => ({
    check: 'T2-2019',
    op: '<=' as const,
    left: [t2(row, 'new_published')],
    right: [t2(row, 'total_published')],
    scope: label(row),
  })),
  ...['administrative_licensing', 'other_external_services', 'administrative_penalty', 'administrative_coercion', 'administrative_fees'].map(
    (row) => ({
      check: 'T2-2019',
      op: '>=' as const,
      left: [t2(row, 'prev_year_items'), t2(row, 'change')],
      right: [],
      constant: 0,
      scope: label(row),
    }),
  ),
];

export const FORMAT_2019: FormatDef = {
  id: '2019',
  name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  source: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  sections: SECTIONS,
  tables: { table2, table3, table4 },
  relations,
  checks: CHECKS,
  features,
};
