/**
 * The HTML board (`nianbao rollup -o 汇总.html`, the pane's 下载校验汇总): one self-contained page
 * for printing or sharing: the board, which units were summed, and the charts as inline SVG. No
 * script, no request anywhere (a Content-Security-Policy that allows nothing to be fetched).
 */
import { BOARD_HEADERS, ROLLUP } from '../core/messages/rollup';
import type { ReportData } from '../core/model/report';
import { boardCells, rollupNotes, type Rollup } from './rollup';
import { rollupChartData, rollupCharts } from './rollup-charts';

export interface BoardChart {
  id: string;
  title: string;
  /** an SVG document (renderCharts) */
  svg: string;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Keeps only the <svg> element of an SVG document (no XML prolog or doctype inside HTML). */
function inlineSvg(svg: string): string {
  const at = svg.indexOf('<svg');
  return at >= 0 ? svg.slice(at) : '';
}

const CSS = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;color:#222}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.meta{color:#555;font-size:13px;margin:2px 0}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef2f6}td.n{text-align:right}
tr.s-errors td.st{color:#b00020;font-weight:bold}tr.s-pass td.st{color:#1e7a34}
tr.s-unreadable td.st{color:#8a5a00;font-weight:bold}tr.s-other td.st{color:#666}
figure{margin:16px 0;page-break-inside:avoid}figcaption{font-weight:bold;margin-bottom:4px}
figure svg{max-width:100%;height:auto}
@media print{body{margin:0}}
`;

/** The whole page. `generated` is the date written under the title. */
export function renderBoardHtml(rollup: Rollup, charts: BoardChart[], options: { generated: string }): string {
  const rows = rollup.rows
    .map((r) => {
      const cells = boardCells(r)
        .map((v, i) => {
          const cls = i === 4 ? ' class="st"' : typeof v === 'number' ? ' class="n"' : '';
          return `<td${cls}>${v === null ? '' : escapeHtml(String(v))}</td>`;
        })
        .join('');
      return `<tr class="s-${r.status}">${cells}</tr>`;
    })
    .join('\n');
  const count = (s: string) => rollup.rows.filter((r) => r.status === s).length;
  const title = rollup.year !== null ? ROLLUP.htmlTitle(rollup.year) : ROLLUP.htmlBoard;
  const figures = charts
    .map((c) => `<figure id="chart-${escapeHtml(c.id)}"><figcaption>${escapeHtml(c.title)}</figcaption>\n${inlineSvg(c.svg)}\n</figure>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(ROLLUP.htmlGenerated(options.generated))}</p>
<p class="meta">${escapeHtml(ROLLUP.totals(rollup.rows.length, count('pass'), count('errors'), count('unreadable'), count('other')))}</p>
<h2>${escapeHtml(ROLLUP.htmlBoard)}</h2>
<table id="board">
<thead><tr>${BOARD_HEADERS.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
${rollupNotes(rollup)
  .map((l) => `<p class="meta">${escapeHtml(l)}</p>`)
  .join('\n')}
<h2>${escapeHtml(ROLLUP.htmlConsolidated)}</h2>
${figures}
</body>
</html>
`;
}

/**
 * The HTML board with its charts, for the command line and the pane alike: the chart numbers
 * (rollupChartData, with last year's roll-up when given), drawn to SVG by ECharts, loaded only now
 * (import(): in the pane a chunk of its own, never part of the first render).
 */
export async function renderBoard(rollup: Rollup, options: { previous?: ReportData; generated: string }): Promise<string> {
  const { renderCharts } = await import('./board-svg');
  const charts = renderCharts(rollupCharts(rollupChartData(rollup, options.previous)));
  return renderBoardHtml(rollup, charts, { generated: options.generated });
}
