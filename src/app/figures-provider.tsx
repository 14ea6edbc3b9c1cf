import { startTransition, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { simulateInSteps } from '../domain/simulate';
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
  const [figures, setFigures] = useState(scenario);

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

  return <FiguresContext value={figures}>{children}</FiguresContext>;
}
