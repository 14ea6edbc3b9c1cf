import { startTransition, useEffect, useState } from 'react';
import type { Scenario } from '../../domain/scenario-schema';
import { usePlannerStore } from '../../state/scenario-store';
import { afterNextPaint } from '../../ui/after-next-paint';

/**
 * The loaded scenario, followed once the next frame is painted and then in a transition: an edit re-renders the
 * component in a background render React may interrupt, never in the edit's own frame nor before it. For a
 * screen of thousands of rows whose editor shows the edited field itself (the Pricing catalog); it shows the
 * scenario before the edit for a frame or two.
 */
export function useScenarioAfterPaint(): Scenario {
  const [scenario, setScenario] = useState(() => usePlannerStore.getState().scenario);
  useEffect(() => {
    let pending: (() => void) | null = null;
    // One catch-up at a time, reading the store when it runs: edits typed meanwhile are followed together.
    const follow = () => {
      if (pending) return;
      let done = false;
      const cancel = afterNextPaint(() => {
        done = true;
        pending = null;
        startTransition(() => setScenario(usePlannerStore.getState().scenario));
      });
      // Where the page draws no frames the catch-up has run already.
      if (!done) pending = cancel;
    };
    // A commit between the first render and this effect.
    if (usePlannerStore.getState().scenario !== scenario) follow();
    const unsubscribe = usePlannerStore.subscribe((state, previous) => {
      if (state.scenario !== previous.scenario) follow();
    });
    return () => {
      unsubscribe();
      pending?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- subscribes once; the catch-up reads the store.
  }, []);
  if (!scenario) throw new Error('useScenarioAfterPaint called before the scenario loaded');
  return scenario;
}
