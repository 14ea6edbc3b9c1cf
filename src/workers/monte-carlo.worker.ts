/**
 * The Monte Carlo worker: runs `runMonteCarlo` off the page's thread, in slices, so that a run can be
 * cancelled (`cancel(runId)`) and report progress. The scenario arrives as its file text and is validated here,
 * so the engine works on the same null-prototype records as on the page.
 */
import { expose, releaseProxy } from 'comlink';
import type { ProxyMethods } from 'comlink';
import type { MonteCarloOptions, MonteCarloProgress, MonteCarloResult } from '../domain/monte-carlo';
import { formatIssue } from '../domain/validate-scenario';
import { parseScenarioText } from '../io/scenario-file';
import { runMonteCarloInChunks } from './monte-carlo-runner';

/** Computing time between two looks at the message queue, ms: a cancel waits at most about this long. */
const SLICE_MS = 40;

const running = new Map<number, AbortController>();

const api = {
  /** Runs Monte Carlo on a scenario file's text; rejects with an AbortError when cancelled. */
  async run(
    runId: number,
    scenarioText: string,
    options: MonteCarloOptions,
    onProgress: (progress: MonteCarloProgress) => void,
  ): Promise<MonteCarloResult> {
    const parsed = parseScenarioText(scenarioText);
    if (!parsed.ok) throw new Error(`the scenario is invalid: ${parsed.issues.map(formatIssue).join('; ')}`);
    const controller = new AbortController();
    running.set(runId, controller);
    try {
      return await runMonteCarloInChunks(parsed.value, options, {
        signal: controller.signal,
        onProgress: (progress) => void onProgress(progress),
        sliceMs: SLICE_MS,
      });
    } finally {
      running.delete(runId);
      // The callback arrives as a comlink proxy holding a port open: let it go.
      (onProgress as Partial<Pick<ProxyMethods, typeof releaseProxy>>)[releaseProxy]?.();
    }
  },
  /** Stops a run at its next slice; nothing happens when it has already finished. */
  cancel(runId: number): void {
    running.get(runId)?.abort();
  },
};

export type MonteCarloWorkerApi = typeof api;

expose(api);
