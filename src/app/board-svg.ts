/**
 * The board's charts drawn to SVG with ECharts' server-side renderer (no DOM, no canvas): the HTML
 * board carries them inline. Kept apart from the rest of src/app so that only what draws the board
 * loads ECharts (the pane, when it shows charts, imports this file with import()).
 */
import * as echarts from 'echarts';
import type { ChartSpec } from './rollup-charts';

export interface RenderedChart {
  id: ChartSpec['id'];
  title: string;
  svg: string;
}

/** One chart as an SVG document string. */
export function renderChartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Every chart of the board, drawn. */
export function renderCharts(specs: ChartSpec[]): RenderedChart[] {
  return specs.map((s) => ({ id: s.id, title: s.title, svg: renderChartSvg(s) }));
}
