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

/** Below this width (px) the charts take their narrow layout: the task pane is about 320–350 px wide. */
export const NARROW_CHART_WIDTH = 560;

export interface ChartLayout {
  /** the width the charts are drawn at, px (default 900: the HTML board) */
  width?: number;
}

/**
 * The ECharts options of the board's charts (no animation: they are drawn once, to SVG or in the
 * pane), at the width they are shown at. Narrow (the pane): one label column of unit names cut to
 * fit, values at the bars' ends, legends on a line of their own, the year comparison as horizontal bars.
 */
export function rollupCharts(data: RollupChartData, layout: ChartLayout = {}): ChartSpec[] {
  const width = Math.max(240, Math.round(layout.width ?? 900));
  const narrow = width < NARROW_CHART_WIDTH;
  const fontSize = narrow ? 11 : 12;
  const base = { animation: false, textStyle: { fontFamily: FONT, fontSize } };
  const specs: ChartSpec[] = [];
  const n = data.byUnit.units.length;
  // a unit's name takes at most this much of the width; longer names end in …
  const labelWidth = narrow ? Math.round(width * 0.32) : 220;
  const valueLabel = { show: true, position: 'right' as const, fontSize };
  specs.push({
    id: 'by-unit',
    title: ROLLUP.chartByUnit,
    width,
    height: Math.max(narrow ? 200 : 260, (narrow ? 24 : 28) * n + (narrow ? 70 : 90)),
    option: {
      ...base,
      legend: { top: 0, itemWidth: 14, itemHeight: 10, data: [ROLLUP.seriesApplications, ROLLUP.seriesErrors] },
      // two panels side by side on one unit axis: a few errors stay visible next to hundreds of applications
      grid: [
        { left: 4, right: narrow ? '30%' : '32%', top: 28, bottom: 4, containLabel: true },
        { left: narrow ? '76%' : '74%', right: narrow ? 16 : 40, top: 28, bottom: 4, containLabel: true },
      ],
      xAxis: [
        // room after the longest bar for its value
        { type: 'value', gridIndex: 0, minInterval: 1, boundaryGap: [0, '18%'], splitNumber: narrow ? 2 : 5, axisLabel: { fontSize: narrow ? 10 : 12, hideOverlap: true } },
        { type: 'value', gridIndex: 1, minInterval: 1, boundaryGap: [0, '25%'], splitNumber: narrow ? 1 : 4, axisLabel: { fontSize: narrow ? 10 : 12, hideOverlap: true } },
      ],
      yAxis: [
        { type: 'category', gridIndex: 0, inverse: true, data: data.byUnit.units, axisLabel: { width: labelWidth, overflow: 'truncate', interval: 0 } },
        { type: 'category', gridIndex: 1, inverse: true, data: data.byUnit.units, axisLabel: { show: false } },
      ],
      series: [
        { name: ROLLUP.seriesApplications, type: 'bar', xAxisIndex: 0, yAxisIndex: 0, data: data.byUnit.applications, label: valueLabel, itemStyle: { color: '#2f6fb0' } },
        { name: ROLLUP.seriesErrors, type: 'bar', xAxisIndex: 1, yAxisIndex: 1, data: data.byUnit.errors, label: valueLabel, itemStyle: { color: '#c0392b' } },
      ],
    },
  });
  specs.push({
    id: 'outcomes',
    title: ROLLUP.chartOutcomes,
    width,
    height: narrow ? 270 : 340,
    option: {
      ...base,
      // narrow: the legend under the ring, wrapping; wide: beside it
      legend: narrow ? { bottom: 0, left: 'center', itemWidth: 12, itemHeight: 10, itemGap: 8 } : { orient: 'vertical', left: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: narrow ? ['20%', '38%'] : ['32%', '58%'],
          center: narrow ? ['50%', '40%'] : ['56%', '50%'],
          data: data.outcomes,
          // slices too thin to carry a label (a 0, a 1 among hundreds) keep their place in the legend
          minShowLabelAngle: 4,
          ...(narrow
            ? { label: { formatter: '{b}\n{c}（{d}%）', fontSize: 10, lineHeight: 13 }, labelLine: { length: 6, length2: 6 } }
            : { label: { formatter: '{b}：{c}（{d}%）' } }),
        },
      ],
    },
  });
  if (data.byYear) {
    const [py, cy] = data.byYear.years;
    const category = { type: 'category' as const, data: data.byYear.metrics, axisLabel: { interval: 0 } };
    const value = { type: 'value' as const, minInterval: 1, splitNumber: narrow ? 3 : 5, axisLabel: { hideOverlap: true } };
    specs.push({
      id: 'by-year',
      title: ROLLUP.chartByYear(py, cy),
      width,
      height: narrow ? 60 * data.byYear.metrics.length + 60 : 320,
      option: {
        ...base,
        legend: { top: 0, data: [`${py} 年`, `${cy} 年`] },
        grid: { left: 4, right: narrow ? 36 : 8, top: 30, bottom: 4, containLabel: true },
        // narrow: the figures down the side (their names stay whole), the bars across
        xAxis: narrow ? value : category,
        yAxis: narrow ? { ...category, inverse: true } : value,
        series: [
          { name: `${py} 年`, type: 'bar', data: data.byYear.previous, label: { show: true, position: narrow ? 'right' : 'top' }, itemStyle: { color: '#9aa7b4' } },
          { name: `${cy} 年`, type: 'bar', data: data.byYear.current, label: { show: true, position: narrow ? 'right' : 'top' }, itemStyle: { color: '#2f6fb0' } },
        ],
      },
    });
  }
  return specs;
}
