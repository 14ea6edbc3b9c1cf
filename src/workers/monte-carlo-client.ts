/**
 * Where a Monte Carlo run happens: in a Web Worker (one, created on first use, reused), so the page never
 * freezes; or, where there is no Worker (jsdom in tests), on the page in short slices. Either way an aborted
 * signal cancels the run.
 */
import { proxy } from 'comlink';
import type { MonteCarloOptions, MonteCarloProgress, MonteCarloResult } from '../domain/monte-carlo';
import type { Scenario } from '../domain/scenario-schema';
import { runMonteCarloInChunks } from './monte-carlo-runner';
import type { MonteCarloWorkerApi } from './monte-carlo.worker';
import { wrapWorker } from './wrap-worker';
import type { WrappedWorker } from './wrap-worker';

/** Computing time per slice on the page's own thread, ms: short, so typing and scrolling stay smooth. */
const PAGE_SLICE_MS = 8;

let handle: WrappedWorker<MonteCarloWorkerApi> | null = null;
let nextRunId = 1;

/** The shared worker, created on first use; `failure` rejects if it cannot start or crashes. */
function getWorker(): WrappedWorker<MonteCarloWorkerApi> {
  if (handle) return handle;
  const worker = new Worker(new URL('./monte-carlo.worker.ts', import.meta.url), { type: 'module' });
  handle = wrapWorker<MonteCarloWorkerApi>(worker, 'the Monte Carlo worker', () => {
    handle = null;
  });
  return handle;
}

export type MonteCarloRunOptions = {
  signal: AbortSignal;
  onProgress?: (progress: MonteCarloProgress) => void;
};

/**
 * Runs Monte Carlo on `scenario` (whose file text is `scenarioText`, what the worker receives) off the page's
 * thread when it can. Rejects with an AbortError when `signal` aborts.
 */
export async function computeMonteCarlo(
  scenario: Scenario,
  scenarioText: string,
  options: MonteCarloOptions,
  { signal, onProgress }: MonteCarloRunOptions,
): Promise<MonteCarloResult> {
  if (typeof Worker === 'undefined') {
    return runMonteCarloInChunks(scenario, options, { signal, onProgress, sliceMs: PAGE_SLICE_MS });
  }
  const { api, failure } = getWorker();
  const runId = nextRunId++;
  const cancel = () => void api.cancel(runId);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const report = proxy((progress: MonteCarloProgress) => onProgress?.(progress));
    return await Promise.race([api.run(runId, scenarioText, options, report), failure]);
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
