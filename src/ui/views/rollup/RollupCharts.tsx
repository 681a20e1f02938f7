import * as React from 'react';
import { Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Rollup } from '../../../app/rollup';
import { rollupChartData, rollupCharts } from '../../../app/rollup-charts';
import { useStrings } from '../../strings';

const useStyles = makeStyles({
  figure: { margin: `${tokens.spacingVerticalS} 0`, '& svg': { maxWidth: '100%', height: 'auto' } },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
});

/**
 * The board's charts in the pane, the same as in the HTML board: ECharts' SVG renderer, loaded with
 * import() when there is a roll-up to draw (never with the pane or the view). The SVG is ECharts' own
 * output for our figures and names (it escapes its texts); no script.
 */
export function RollupCharts(props: { rollup: Rollup }): React.JSX.Element | null {
  const { t } = useStrings();
  const styles = useStyles();
  const [charts, setCharts] = React.useState<{ id: string; title: string; svg: string }[] | null>(null);
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    setCharts(null);
    import(/* webpackChunkName: "board-svg" */ '../../../app/board-svg')
      .then(({ renderCharts }) => live && setCharts(renderCharts(rollupCharts(rollupChartData(props.rollup)))))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [props.rollup]);
  if (failed) return <Text>{t.rollup.chartsFailed}</Text>;
  return (
    <section data-testid="rollup-charts">
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
