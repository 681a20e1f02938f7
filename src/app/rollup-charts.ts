/**
 * The roll-up's pictures: the numbers (applications and errors by unit, the outcome shares of the
 * consolidated table 三, the change by year against last year's roll-up) and the ECharts options
 * drawn from them. Pure: the HTML board renders the options to SVG (board-svg.ts, on the server or
 * in the page), the pane can hand the same options to ECharts, and Excel's own charts can be made
 * from the same numbers.
 */
import type { EChartsOption } from 'echarts';
import { getFormat } from '../core/formats';
import { resultWords, T3_RESULT_GROUPS } from '../core/formats/vocabulary';
import { ROLLUP } from '../core/messages/rollup';
import { numeric, type ReportData } from '../core/model/report';
import type { Rollup } from './rollup';

export interface RollupChartData {
  /** units of the chosen year and format (the board's rows summed), in board order */
  byUnit: { units: string[]; applications: number[]; errors: number[] };
  /** table 三's results of the consolidated figures (总计 column), by group: 予以公开, 部分公开 … */
  outcomes: { name: string; value: number }[];
  /** the consolidated key figures against last year's roll-up, when given */
  byYear?: { years: [number, number]; metrics: string[]; previous: number[]; current: number[] };
}

/** The figures compared by year: the sum of the given cells. */
const YEAR_METRICS: { key: string; cells: [string, string, string][] }[] = [
  { key: 'received', cells: [['table3', 'new_received', 'total']] },
  { key: 'processed', cells: [['table3', 'total_processed', 'total']] },
  { key: 'granted', cells: [['table3', 'granted', 'total']] },
  { key: 'reconsideration', cells: [['table4', 'admin_review', 'total']] },
  { key: 'litigation', cells: [['table4', 'litigation_direct', 'total'], ['table4', 'litigation_after_review', 'total']] },
];

function metric(data: ReportData, cells: [string, string, string][]): number {
  return cells.reduce((s, [t, r, c]) => s + (numeric((data as unknown as Record<string, Record<string, Record<string, number>>>)[t]?.[r]?.[c]) ?? 0), 0);
}

/** Table 三's results by group (the 总计 column), in the format's order. */
export function outcomeShares(data: ReportData): { name: string; value: number }[] {
  const format = getFormat(data.format);
  if (!format) return [];
  const sums = new Map<string, number>();
  for (const v of format.tables.table3.values) {
    if (v.col !== 'total' || !v.group || !T3_RESULT_GROUPS.has(v.group)) continue;
    sums.set(v.group, (sums.get(v.group) ?? 0) + (numeric(data.table3[v.row]?.[v.col]) ?? 0));
  }
  return [...sums].map(([group, value]) => ({ name: resultWords(group)?.name ?? group, value }));
}

/** The numbers of the charts, from the board and the consolidated figures (and last year's). */
export function rollupChartData(rollup: Rollup, previous?: ReportData): RollupChartData {
  const summed = rollup.rows.filter((r) => r.status === 'pass' || r.status === 'errors');
  const out: RollupChartData = {
    byUnit: {
      units: summed.map((r) => r.organization || r.file),
      applications: summed.map((r) => r.applications ?? 0),
      errors: summed.map((r) => r.errors),
    },
    outcomes: rollup.data ? outcomeShares(rollup.data) : [],
  };
  if (previous && rollup.data) {
    out.byYear = {
      years: [previous.year, rollup.data.year],
      metrics: YEAR_METRICS.map((m) => ROLLUP.yearMetrics[m.key]),
      previous: YEAR_METRICS.map((m) => metric(previous, m.cells)),
      current: YEAR_METRICS.map((m) => metric(rollup.data as ReportData, m.cells)),
    };
  }
  return out;
}

export interface ChartSpec {
  id: 'by-unit' | 'outcomes' | 'by-year';
  title: string;
  width: number;
  height: number;
  option: EChartsOption;
}

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

/** The ECharts options of the board's charts (no animation: they are drawn once, to SVG or in the pane). */
export function rollupCharts(data: RollupChartData): ChartSpec[] {
  const base = { animation: false, textStyle: { fontFamily: FONT } };
  const specs: ChartSpec[] = [];
  const n = data.byUnit.units.length;
  specs.push({
    id: 'by-unit',
    title: ROLLUP.chartByUnit,
    width: 900,
    height: Math.max(260, 28 * n + 90),
    option: {
      ...base,
      legend: { top: 0, data: [ROLLUP.seriesApplications, ROLLUP.seriesErrors] },
      // two panels side by side on one unit axis: a few errors stay visible next to hundreds of applications
      grid: [
        { left: 8, right: '34%', top: 30, bottom: 8, containLabel: true },
        { left: '70%', right: 40, top: 30, bottom: 8, containLabel: true },
      ],
      xAxis: [
        { type: 'value', gridIndex: 0, minInterval: 1 },
        { type: 'value', gridIndex: 1, minInterval: 1 },
      ],
      yAxis: [
        { type: 'category', gridIndex: 0, inverse: true, data: data.byUnit.units },
        { type: 'category', gridIndex: 1, inverse: true, data: data.byUnit.units, axisLabel: { show: false } },
      ],
      series: [
        {
          name: ROLLUP.seriesApplications,
          type: 'bar',
          xAxisIndex: 0,
          yAxisIndex: 0,
          data: data.byUnit.applications,
          label: { show: true, position: 'right' },
          itemStyle: { color: '#2f6fb0' },
        },
        {
          name: ROLLUP.seriesErrors,
          type: 'bar',
          xAxisIndex: 1,
          yAxisIndex: 1,
          data: data.byUnit.errors,
          label: { show: true, position: 'right' },
          itemStyle: { color: '#c0392b' },
        },
      ],
    },
  });
  specs.push({
    id: 'outcomes',
    title: ROLLUP.chartOutcomes,
    width: 900,
    height: 340,
    option: {
      ...base,
      legend: { orient: 'vertical', left: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['60%', '50%'],
          data: data.outcomes,
          label: { formatter: '{b}：{c}（{d}%）' },
        },
      ],
    },
  });
  if (data.byYear) {
    const [py, cy] = data.byYear.years;
    specs.push({
      id: 'by-year',
      title: ROLLUP.chartByYear(py, cy),
      width: 900,
      height: 320,
      option: {
        ...base,
        legend: { top: 0, data: [`${py} 年`, `${cy} 年`] },
        grid: { left: 8, right: 8, top: 30, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: data.byYear.metrics },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: `${py} 年`, type: 'bar', data: data.byYear.previous, label: { show: true, position: 'top' }, itemStyle: { color: '#9aa7b4' } },
          { name: `${cy} 年`, type: 'bar', data: data.byYear.current, label: { show: true, position: 'top' }, itemStyle: { color: '#2f6fb0' } },
        ],
      },
    });
  }
  return specs;
}
