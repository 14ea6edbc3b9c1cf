import { lazy } from 'react';
import type { ComponentType } from 'react';
import { warmTypeStyles } from '../ui/type-scale-warmup';
import { whenIdle } from '../ui/when-idle';

/** A screen's code, loaded by `load`, and its component, which loads it when first drawn. */
function loadOnView<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return { load, Component: lazy(() => load().then((module) => ({ default: pick(module) }))) };
}

/**
 * The screens below the summary, each loaded on first view so the first screen stays small. A screen that
 * `showsFigures` only shows results, so when the engine refuses them it shows the issues instead; the others
 * edit the scenario and stay usable so the issues can be fixed.
 */
export const PANELS = [
  {
    id: 'scenarios',
    showsFigures: false,
    label: 'Scenarios',
    ...loadOnView(
      () => import('../features/scenarios/scenarios-panel'),
      (m) => m.ScenariosPanel,
    ),
  },
  {
    id: 'catalog',
    showsFigures: false,
    label: 'Pricing catalog',
    ...loadOnView(
      () => import('../features/catalog/catalog-panel'),
      (m) => m.CatalogPanel,
    ),
  },
  {
    id: 'per-request',
    showsFigures: false,
    label: 'Per-request cost',
    ...loadOnView(
      () => import('../features/catalog/per-request-panel'),
      (m) => m.PerRequestPanel,
    ),
  },
  {
    id: 'traffic',
    showsFigures: false,
    label: 'Traffic mix',
    ...loadOnView(
      () => import('../features/traffic/traffic-panel'),
      (m) => m.TrafficPanel,
    ),
  },
  {
    id: 'strategies',
    showsFigures: false,
    label: 'Strategies',
    ...loadOnView(
      () => import('../features/strategies/strategies-panel'),
      (m) => m.StrategiesPanel,
    ),
  },
  {
    id: 'compare',
    showsFigures: true,
    label: 'Compare',
    ...loadOnView(
      () => import('../features/compare/compare-panel'),
      (m) => m.ComparePanel,
    ),
  },
  {
    id: 'runway',
    showsFigures: false,
    label: 'Credits and runway',
    ...loadOnView(
      () => import('../features/runway/runway-panel'),
      (m) => m.RunwayPanel,
    ),
  },
  {
    id: 'uncertainty',
    showsFigures: true,
    label: 'Uncertainty',
    ...loadOnView(
      () => import('../features/uncertainty/uncertainty-panel'),
      (m) => m.UncertaintyPanel,
    ),
  },
  {
    id: 'optimise',
    showsFigures: true,
    label: 'Optimise',
    ...loadOnView(
      () => import('../features/optimise/optimise-panel'),
      (m) => m.OptimisePanel,
    ),
  },
  {
    id: 'self-hosting',
    showsFigures: false,
    label: 'Self-hosting',
    ...loadOnView(
      () => import('../features/self-hosting/self-hosting-panel'),
      (m) => m.SelfHostingPanel,
    ),
  },
  {
    id: 'report',
    showsFigures: true,
    label: 'POC estimate',
    ...loadOnView(
      () => import('../features/report/report-panel'),
      (m) => m.ReportPanel,
    ),
  },
  {
    id: 'usage',
    showsFigures: false,
    label: 'Import usage',
    ...loadOnView(
      () => import('../features/usage/usage-panel'),
      (m) => m.UsagePanel,
    ),
  },
] as const;

export type PanelId = (typeof PANELS)[number]['id'];
/** A screen below the summary: its id, tab label, whether it only shows figures, its code and component. */
export type Panel = (typeof PANELS)[number];

/**
 * Loads every screen's code in the background, one screen per idle moment, so that opening a screen for the
 * first time does not fetch, parse and compile it (and its styles) then: at real scale that was most of a
 * screen's first opening. Then, with every screen's styles in, sets a line in each of their type styles
 * (`warmTypeStyles`), so that a screen's first layout does not make the fonts; then calls `whenLoaded`. Returns
 * the function that stops what is not done yet.
 */
export function preloadPanels(whenLoaded: () => void): () => void {
  const waiting = PANELS.map((panel) => panel.load);
  let stopped = false;
  let cancel = () => undefined as void;
  const loadNext = () => {
    if (stopped) return;
    const load = waiting.shift();
    if (!load) {
      cancel = warmTypeStyles(document, () => {
        whenLoaded();
        // For `npm run bench`, which opens screens once this is done.
        performance.mark?.('planner:screens-loaded');
      });
      return;
    }
    // A screen that fails to load here says so when it is opened (its own import is tried again then).
    void load().then(
      () => !stopped && (cancel = whenIdle(loadNext)),
      () => !stopped && (cancel = whenIdle(loadNext)),
    );
  };
  cancel = whenIdle(loadNext);
  return () => {
    stopped = true;
    cancel();
  };
}
