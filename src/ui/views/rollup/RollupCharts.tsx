import * as React from 'react';
import { Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Rollup } from '../../../app/rollup';
import { rollupChartData, rollupCharts } from '../../../app/rollup-charts';
import type { ReportData } from '../../../core/model/report';
import { useStrings } from '../../strings';

const useStyles = makeStyles({
  // one chart a row, never wider than the pane
  root: { minWidth: 0, maxWidth: '100%' },
  figure: { margin: `${tokens.spacingVerticalS} 0`, '& svg': { display: 'block', maxWidth: '100%', height: 'auto' } },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
});

/** The width the charts are drawn at: the section's own, followed when the pane is resized (in steps of 16 px). */
function useWidth(ref: React.RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = React.useState<number | null>(null);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = el.clientWidth;
      // no layout (jsdom): the HTML board's width
      setWidth((old) => (w > 0 ? (old !== null && Math.abs(old - w) < 16 ? old : Math.floor(w)) : (old ?? 900)));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The board's charts in the pane, the same as in the HTML board but drawn at the pane's width (a
 * narrow layout at pane width): ECharts' SVG renderer, loaded with import() when there is a roll-up to
 * draw (never with the pane or the view). With last year's roll-up, the change by year too. The SVG is
 * ECharts' own output for our figures and names (it escapes its texts); no script.
 */
export function RollupCharts(props: { rollup: Rollup; previous?: ReportData }): React.JSX.Element | null {
  const { t } = useStrings();
  const styles = useStyles();
  const ref = React.useRef<HTMLElement>(null);
  const width = useWidth(ref);
  const [charts, setCharts] = React.useState<{ id: string; title: string; svg: string }[] | null>(null);
  const [failed, setFailed] = React.useState(false);
  const { rollup, previous } = props;
  React.useEffect(() => {
    if (width === null) return;
    let live = true;
    setCharts(null);
    import(/* webpackChunkName: "board-svg" */ '../../../app/board-svg')
      .then(({ renderCharts }) => live && setCharts(renderCharts(rollupCharts(rollupChartData(rollup, previous), { width }))))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [rollup, previous, width]);
  if (failed) return <Text>{t.rollup.chartsFailed}</Text>;
  return (
    <section ref={ref} className={styles.root} data-testid="rollup-charts">
      <Subtitle2 as="h3">{t.rollup.charts}</Subtitle2>
      {!charts ? (
        <Spinner size="tiny" label={t.common.working} />
      ) : (
        charts.map((c) => (
          <figure key={c.id} className={styles.figure} data-chart={c.id}>
            <figcaption className={styles.caption}>{c.title}</figcaption>
            <div dangerouslySetInnerHTML={{ __html: c.svg.slice(Math.max(0, c.svg.indexOf('<svg'))) }} />
          </figure>
        ))
      )}
    </section>
  );
}
