import { Suspense, memo, useDeferredValue, useEffect, useState } from 'react';
import { useColorScheme } from './use-color-scheme';
import { SummaryPanel } from '../features/summary/summary-panel';
import { usePlannerStore, withEditGroup } from '../state/scenario-store';
import { EditGroupContext } from '../ui/edit-group';
import { ScenarioMoneyDisplay } from './scenario-money-display';
import { FiguresProvider } from './figures-provider';
import { AppHeader } from './app-header';
import { LoadNotice } from './load-notice';
import { PANELS, preloadPanels } from './panels';
import { PlanGate } from './plan-gate';
import type { Panel, PanelId } from './panels';
import { ScreenBoundary } from './screen-boundary';
import { Tabs } from './tabs';
import { isShareFragment } from '../io/share-link';
import { openShareLinkInAddress, useBootstrap } from './use-bootstrap';
import { useUndoShortcuts } from './use-undo-shortcuts';

/** The screen a fragment names: `#catalog`, or `#per-request?…` (a screen's own parameters follow a `?`). */
function readPanelId(hash: string): PanelId | undefined {
  const id = hash.replace(/^#/, '').split('?')[0];
  return PANELS.find((panel) => panel.id === id)?.id;
}

function readPanelFromHash(): PanelId {
  return readPanelId(window.location.hash) ?? 'compare';
}

/**
 * A screen below the summary, or a loading line until the screens are shown. Memoised: a tab click re-renders the
 * page to mark the tab while the screen it leaves stays on show, and that screen is not drawn again for it.
 */
const Screen = memo(function Screen({ panel, isShown }: { panel: Panel; isShown: boolean }) {
  if (!isShown) return <ScreenLoading panel={panel} />;
  return (
    <ScreenBoundary key={panel.id} label={panel.label}>
      {panel.showsFigures ? (
        <PlanGate>
          <panel.Component />
        </PlanGate>
      ) : (
        <panel.Component />
      )}
    </ScreenBoundary>
  );
});

function ScreenLoading({ panel }: { panel: Panel }) {
  return <p className="loading">Loading {panel.label}…</p>;
}

/** The one page: header, the summary always in view, and the editing and analysis screens as tabs. */
export function App() {
  const status = useBootstrap();
  const theme = useColorScheme(usePlannerStore((s) => s.theme));
  const [panel, setPanel] = useState<PanelId>(readPanelFromHash);
  // The screen shown lags the tab chosen: the click only marks the tab, and the next screen renders in the
  // background, in slices the page can answer between, replacing the old one (marked busy until then) once drawn.
  // Rendering it in the click's own task held the page 20 ms at 200 slices and 10,000 models.
  const shownPanel = useDeferredValue(panel);
  // The screens below the summary (and their charts) load once the first figures are on screen.
  const [panelsShown, setPanelsShown] = useState(false);
  useUndoShortcuts();

  useEffect(() => {
    if (status.kind !== 'ready' || panelsShown) return;
    const frame = requestAnimationFrame(() => setPanelsShown(true));
    return () => cancelAnimationFrame(frame);
  }, [status.kind, panelsShown]);

  // Once the first figures are on screen, the other screens' code loads while the page is idle; then the analysis
  // worker starts and gets the catalog, so that opening Optimise or Uncertainty need not (10,000 models: 6 ms).
  // Imported, not bundled here: the analyses' code is the analysis screens' (loaded by then).
  useEffect(
    () =>
      panelsShown
        ? preloadPanels(() => {
            const catalog = usePlannerStore.getState().scenario?.catalog;
            if (catalog) void import('../workers/analysis-client').then((m) => m.prepareAnalyses(catalog));
          })
        : undefined,
    [panelsShown],
  );

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  // Links to a screen (#catalog) and the browser's back and forward buttons switch tabs.
  const ready = status.kind === 'ready';
  useEffect(() => {
    if (!ready) return;
    function onHashChange() {
      // A share link pasted into the address of an open planner opens like a fresh one.
      if (isShareFragment(window.location.hash)) {
        openShareLinkInAddress();
        return;
      }
      const next = readPanelId(window.location.hash);
      if (next) setPanel(next);
    }
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [ready]);

  function selectPanel(id: string) {
    const next = PANELS.find((p) => p.id === id)?.id ?? 'compare';
    setPanel(next);
    if (window.location.hash !== `#${next}`) window.history.pushState(null, '', `#${next}`);
  }

  if (status.kind === 'failed') {
    return (
      <main className="app">
        <div className="notice notice--error" role="alert">
          The planner could not start: {status.message}
        </div>
      </main>
    );
  }
  if (status.kind === 'loading') {
    return (
      <main className="app" aria-busy="true">
        <p className="loading">Loading the scenario…</p>
      </main>
    );
  }
  const active = PANELS.find((p) => p.id === shownPanel) ?? PANELS[0];
  const chosen = PANELS.find((p) => p.id === panel) ?? active;
  return (
    <EditGroupContext value={withEditGroup}>
      <ScenarioMoneyDisplay>
        <FiguresProvider>
          <div className="app">
            <AppHeader />
            <main>
              <LoadNotice />
              <ScreenBoundary label="Summary">
                <SummaryPanel />
              </ScreenBoundary>
              <p className="assumption-note">
                Prices marked “seed” are representative 2026 figures for relative comparison: confirm current
                rates before you budget. Every figure is editable.
              </p>
              <Tabs items={PANELS} selected={chosen.id} onSelect={selectPanel} label="Planner screens" />
              <section
                role="tabpanel"
                id={`panel-${active.id}`}
                aria-labelledby={`tab-${active.id}`}
                aria-busy={chosen !== active || undefined}
                className="panel"
                tabIndex={0}
              >
                {/* Outside the screen, so that it stays mounted: a screen whose code is still loading when its
                    tab is clicked then leaves the old screen on show (busy) instead of a loading line. */}
                <Suspense fallback={<ScreenLoading panel={active} />}>
                  <Screen panel={active} isShown={panelsShown} />
                </Suspense>
              </section>
            </main>
          </div>
        </FiguresProvider>
      </ScenarioMoneyDisplay>
    </EditGroupContext>
  );
}
