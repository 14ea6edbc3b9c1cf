import { lazy } from 'react';

/** The screens below the summary, each loaded on first view so the first screen stays small. */
export const PANELS = [
  {
    id: 'scenarios',
    label: 'Scenarios',
    Component: lazy(() =>
      import('../features/scenarios/scenarios-panel').then((m) => ({ default: m.ScenariosPanel })),
    ),
  },
  {
    id: 'catalog',
    label: 'Pricing catalog',
    Component: lazy(() =>
      import('../features/catalog/catalog-panel').then((m) => ({ default: m.CatalogPanel })),
    ),
  },
  {
    id: 'traffic',
    label: 'Traffic mix',
    Component: lazy(() =>
      import('../features/traffic/traffic-panel').then((m) => ({ default: m.TrafficPanel })),
    ),
  },
  {
    id: 'strategies',
    label: 'Strategies',
    Component: lazy(() =>
      import('../features/strategies/strategies-panel').then((m) => ({ default: m.StrategiesPanel })),
    ),
  },
  {
    id: 'compare',
    label: 'Compare',
    Component: lazy(() =>
      import('../features/compare/compare-panel').then((m) => ({ default: m.ComparePanel })),
    ),
  },
  {
    id: 'runway',
    label: 'Credits and runway',
    Component: lazy(() =>
      import('../features/runway/runway-panel').then((m) => ({ default: m.RunwayPanel })),
    ),
  },
  {
    id: 'uncertainty',
    label: 'Uncertainty',
    Component: lazy(() =>
      import('../features/uncertainty/uncertainty-panel').then((m) => ({ default: m.UncertaintyPanel })),
    ),
  },
  {
    id: 'optimise',
    label: 'Optimise',
    Component: lazy(() =>
      import('../features/optimise/optimise-panel').then((m) => ({ default: m.OptimisePanel })),
    ),
  },
  {
    id: 'report',
    label: 'POC estimate',
    Component: lazy(() =>
      import('../features/report/report-panel').then((m) => ({ default: m.ReportPanel })),
    ),
  },
] as const;

export type PanelId = (typeof PANELS)[number]['id'];
