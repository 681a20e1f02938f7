import type { FormatDef, FormatFeatures, Relation } from './types';
import { buildTable2, buildTable3, buildTable4, carryRelations, CHECKS, SECTIONS, table3Relations, table4Relations } from './common';

/**
 * What the 2021 format asks besides its tables: 六 states the 信息处理费 (国办函〔2020〕109号), and governments
 * report 工作考核… and the 六 items as required parts.
 */
const features: FormatFeatures = {
  processingFeeStatement: true,
  governmentPartsRequired: true,
  otherProcessing: 'split',
  amountUnit: '万元',
};

const table2 = buildTable2(
  [
    {
      heading: '第二十条第（一）项',
      headers: ['本年制发件数', '本年废止件数', '现行有效件数'],
      rows: [
        { key: 'regulations', label: '规章' },
        { key: 'normative_documents', label: '行政规范性文件' },
      ],
      fields: [
        { key: 'issued', kind: 'count' },
        { key: 'repealed', kind: 'count' },
        { key: 'in_force', kind: 'count' },
      ],
    },
    {
      heading: '第二十条第（五）项',
      headers: ['本年处理决定数量'],
      merged: true,
      rows: [{ key: 'administrative_licensing', label: '行政许可' }],
      fields: [{ key: 'decisions', kind: 'count' }],
    },
    {
      heading: '第二十条第（六）项',
      headers: ['本年处理决定数量'],
      merged: true,
      rows: [
        { key: 'administrative_penalty', label: '行政处罚' },
        { key: 'administrative_coercion', label: '行政强制' },
      ],
      fields: [{ key: 'decisions', kind: 'count' }],
    },
    {
      heading: '第二十条第（八）项',
      headers: ['本年收费金额（单位：万元）'],
      merged: true,
      rows: [{ key: 'administrative_fees', label: '行政事业性收费' }],
      fields: [{ key: 'amount', kind: 'amount' }],
    },
  ],
  features.amountUnit,
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
    check: 'T2-INFORCE',
    op: '>=' as const,
    left: [t2(row, 'in_force')],
    right: [t2(row, 'issued')],
    scope: label(row),
  })),
  ...['regulations', 'normative_documents'].map((row) => ({
    check: 'XY-INFORCE',
    op: '=' as const,
    left: [t2(row, 'in_force')],
    right: [{ ...t2(row, 'in_force'), previous: true }, t2(row, 'issued'), { ...t2(row, 'repealed'), sign: -1 as const }],
    scope: label(row),
  })),
];

export const FORMAT_2021: FormatDef = {
  id: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  source: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  sections: SECTIONS,
  tables: { table2, table3, table4 },
  relations,
  checks: CHECKS,
  features,
};
