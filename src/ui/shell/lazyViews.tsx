import * as React from 'react';
import type { ViewId } from '../views';

/*
 * Each view is a chunk of its own: the first render loads only the view the URL names
 * (the bootstrap starts that download early with preloadView), the others load when opened.
 */
type CheckModule = typeof import('../views/CheckView');
let checkLoaded: CheckModule | null = null;

const loaders = {
  insert: () => import(/* webpackChunkName: "view-insert" */ '../views/InsertView'),
  check: () =>
    import(/* webpackChunkName: "view-check" */ '../views/CheckView').then((m) => {
      checkLoaded = m;
      return m;
    }),
  report: () => import(/* webpackChunkName: "view-report" */ '../views/ReportView'),
  rollup: () => import(/* webpackChunkName: "view-rollup" */ '../views/RollupView'),
};
export const InsertView = React.lazy(() => loaders.insert().then((m) => ({ default: m.InsertView })));
const LazyCheckView = React.lazy(() => loaders.check().then((m) => ({ default: m.CheckView })));
/**
 * 一键校验 renders at once when its code is already here (preloaded): a view that suspends is
 * revealed by React only about 300 ms after its fallback, which the click to results would wait for.
 */
export function CheckView(props: React.ComponentProps<CheckModule['CheckView']>): React.JSX.Element {
  const View = checkLoaded?.CheckView ?? LazyCheckView;
  return <View {...props} />;
}
export const ReportView = React.lazy(() => loaders.report().then((m) => ({ default: m.ReportView })));
export const RollupView = React.lazy(() => loaders.rollup().then((m) => ({ default: m.RollupView })));
export const ImportSection = React.lazy(() => loaders.insert().then((m) => ({ default: m.ImportSection })));

/** Start loading a view's code (the bootstrap calls it for the initial view before office.js is ready). */
export function preloadView(id: ViewId): void {
  void loaders[id]().catch(() => undefined); // a failure shows when the view renders
}
