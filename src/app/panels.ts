import { lazy } from 'react';

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
    Component: lazy(() =>
      import('../features/scenarios/scenarios-panel').then((m) => ({ default: m.ScenariosPanel })),
    ),
  },
  {
    id: 'catalog',
    showsFigures: false,
    label: 'Pricing catalog',
    Component: lazy(() =>
      import('../features/catalog/catalog-panel').then((m) => ({ default: m.CatalogPanel })),
    ),
  },
  {
    id: 'per-request',
    showsFigures: false,
    label: 'Per-request cost',
    Component: lazy(() =>
      import('../features/catalog/per-request-panel').then((m) => ({ default: m.PerRequestPanel })),
    ),
  },
  {
    id: 'traffic',
    showsFigures: false,
    label: 'Traffic mix',
    Component: lazy(() =>
      import('../features/traffic/traffic-panel').then((m) => ({ default: m.TrafficPanel })),
    ),
  },
  {
    id: 'strategies',
    showsFigures: false,
    label: 'Strategies',
    Component: lazy(() =>
      import('../features/strategies/strategies-panel').then((m) => ({ default: m.StrategiesPanel })),
    ),
  },
  {
    id: 'compare',
    showsFigures: true,
    label: 'Compare',
    Component: lazy(() =>
      import('../features/compare/compare-panel').then((m) => ({ default: m.ComparePanel })),
    ),
  },
  {
    id: 'runway',
    showsFigures: false,
    label: 'Credits and runway',
    Component: lazy(() =>
      import('../features/runway/runway-panel').then((m) => ({ default: m.RunwayPanel })),
    ),
  },
  {
    id: 'uncertainty',
    showsFigures: true,
    label: 'Uncertainty',
    Component: lazy(() =>
      import('../features/uncertainty/uncertainty-panel').then((m) => ({ default: m.UncertaintyPanel })),
    ),
  },
  {
    id: 'optimise',
    showsFigures: true,
    label: 'Optimise',
    Component: lazy(() =>
      import('../features/optimise/optimise-panel').then((m) => ({ default: m.OptimisePanel })),
    ),
  },
  {
    id: 'self-hosting',
    showsFigures: false,
    label: 'Self-hosting',
    Component: lazy(() =>
      import('../features/self-hosting/self-hosting-panel').then((m) => ({ default: m.SelfHostingPanel })),
    ),
  },
  {
    id: 'report',
    showsFigures: true,
    label: 'POC estimate',
    Component: lazy(() =>
      import('../features/report/report-panel').then((m) => ({ default: m.ReportPanel })),
    ),
  },
  {
    id: 'usage',
    showsFigures: false,
    label: 'Import usage',
    Component: lazy(() => import('../features/usage/usage-panel').then((m) => ({ default: m.UsagePanel }))),
  },
] as const;

export type PanelId = (typeof PANELS)[number]['id'];
