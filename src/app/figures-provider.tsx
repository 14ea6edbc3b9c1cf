import { startTransition, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { Scenario } from '../domain/scenario-schema';
import { simulateInSteps } from '../domain/simulate';
import { formatNumber } from '../format/format';
import { FiguresContext } from '../state/figures';
import { useScenario } from '../state/scenario-store';
import { giveWay } from '../workers/give-way';

/**
 * The longest the next figures are computed in one go before the page may draw a frame and take input: with
 * 12 strategies on 200 slices a whole plan takes some 30 ms, more than a frame.
 */
const STEP_BUDGET_MS = 3;

/**
 * Provides the scenario whose figures the screens show (`FiguresContext`). After an edit it keeps the last
 * computed scenario on screen while the edited one's strategies run one at a time in their own tasks
 * (`simulateInSteps`), a few milliseconds each, then shows it in a transition React may interrupt. An edit
 * made meanwhile replaces the one being computed. Only the screens that show figures re-render then.
 */
export function FiguresProvider({ children }: { children: ReactNode }) {
  const scenario = useScenario();
  // A large scenario's first figures are computed in steps too, the screens waiting for them; a small one's
  // are computed as the screens first draw.
  const [figures, setFigures] = useState<Scenario | null>(() => (isLarge(scenario) ? null : scenario));

  useEffect(() => {
    if (scenario === figures) return;
    let stopped = false;
    const step = simulateInSteps(scenario);
    void (async () => {
      // Let the edit's own frame be drawn first.
      await giveWay();
      let started = performance.now();
      while (!stopped && !step()) {
        if (performance.now() - started < STEP_BUDGET_MS) continue;
        await giveWay();
        started = performance.now();
      }
      if (!stopped) startTransition(() => setFigures(scenario));
    })();
    return () => {
      stopped = true;
    };
  }, [scenario, figures]);

  if (figures === null) {
    return (
      <main className="app" aria-busy="true">
        <p className="loading" role="status">
          Computing the figures of {describeSize(scenario)}…
        </p>
      </main>
    );
  }
  return <FiguresContext value={figures}>{children}</FiguresContext>;
}

/** Above this many models or slices, a scenario's first figures take more than a frame or two to compute. */
const LARGE_CATALOG = 2_000;
const LARGE_TRAFFIC = 40;

function isLarge(scenario: Scenario): boolean {
  return scenario.catalog.length > LARGE_CATALOG || scenario.traffic.length > LARGE_TRAFFIC;
}

function describeSize(scenario: Scenario): string {
  const count = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;
  return [
    count(scenario.catalog.length, 'model', 'models'),
    count(scenario.traffic.length, 'traffic slice', 'traffic slices'),
    count(scenario.strategies.length, 'strategy', 'strategies'),
  ].join(', ');
}
