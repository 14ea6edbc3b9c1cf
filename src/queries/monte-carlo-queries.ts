/**
 * Monte Carlo results as react-query data: keyed by a fingerprint of the scenario, the sample count and the
 * seed, computed in the Web Worker, cancelled when they are no longer wanted (the scenario changed, the screen
 * closed). Results are deterministic for their key, so they never go stale.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { MonteCarloOptions, MonteCarloProgress } from '../domain/monte-carlo';
import type { Scenario } from '../domain/scenario-schema';
import { writeCompactScenario } from '../io/scenario-file';
import { computeMonteCarlo } from '../workers/monte-carlo-client';

export const monteCarloKeys = {
  all: ['monte-carlo'] as const,
  run: (fingerprint: string, samples: number, seed: number) =>
    [...monteCarloKeys.all, fingerprint, samples, seed] as const,
};

type ScenarioPrint = { text: string; fingerprint: string };

const prints = new WeakMap<Scenario, ScenarioPrint>();

/** A 53-bit hash of a text (cyrb53), as hexadecimal: enough to tell scenarios apart in a cache key. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The scenario's file text without its spacing (what the worker reads) and its fingerprint: the hash and length
 * of that text, so two scenarios that would save the same file share results. Computed once per scenario object,
 * from the per-entry texts the autosave keeps (a few milliseconds after an edit of a 10,000-model scenario, where
 * the spaced file text took 30).
 */
export function fingerprintScenario(scenario: Scenario): ScenarioPrint {
  let print = prints.get(scenario);
  if (!print) {
    const text = writeCompactScenario(scenario);
    print = { text, fingerprint: `${hashText(text)}-${text.length}` };
    prints.set(scenario, print);
  }
  return print;
}

/** Query options for a Monte Carlo run; `onProgress` hears how far a run has got. */
export function monteCarloQueryOptions(
  scenario: Scenario,
  settings: MonteCarloOptions,
  onProgress?: (progress: MonteCarloProgress) => void,
) {
  const { text, fingerprint } = fingerprintScenario(scenario);
  return queryOptions({
    queryKey: monteCarloKeys.run(fingerprint, settings.samples, settings.seed),
    queryFn: ({ signal }) =>
      computeMonteCarlo(scenario, text, settings, onProgress ? { signal, onProgress } : { signal }),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
  });
}

/**
 * How far runs have got, by run key: a tiny store, so that only the component showing progress re-renders at
 * each report, not the charts and tables around it.
 */
export type MonteCarloProgressStore = {
  subscribe: (listener: () => void) => () => void;
  /** The progress of the run with this key; null when it has not reported. */
  read: (key: string) => MonteCarloProgress | null;
  report: (key: string, progress: MonteCarloProgress) => void;
};

function createProgressStore(): MonteCarloProgressStore {
  const listeners = new Set<() => void>();
  let latest: { key: string; progress: MonteCarloProgress } | null = null;
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read: (key) => (latest?.key === key ? latest.progress : null),
    report(key, progress) {
      latest = { key, progress };
      for (const listener of listeners) listener();
    },
  };
}

/**
 * How far the run of `key` has got, while `running`; null otherwise. Re-renders its caller at each report.
 */
export function useMonteCarloProgress(
  store: MonteCarloProgressStore,
  key: string,
  running: boolean,
): MonteCarloProgress | null {
  const progress = useSyncExternalStore(store.subscribe, () => store.read(key));
  return running ? progress : null;
}

/**
 * Monte Carlo for a scenario, recomputed when the scenario, samples or seed change. The previous result stays
 * on screen (`query.isPlaceholderData`) while the next one computes, and a run no longer wanted is cancelled.
 * `progress` and `runKey` feed `useMonteCarloProgress`, for a status line that follows the current run.
 */
export function useMonteCarlo(scenario: Scenario, settings: MonteCarloOptions) {
  const [progress] = useState(createProgressStore);
  const runKey = `${fingerprintScenario(scenario).fingerprint}/${settings.samples}/${settings.seed}`;
  const report = useCallback(
    (value: MonteCarloProgress) => progress.report(runKey, value),
    [progress, runKey],
  );
  const query = useQuery({
    ...monteCarloQueryOptions(scenario, settings, report),
    placeholderData: keepPreviousData,
  });
  return { query, progress, runKey };
}
