/**
 * Runs Monte Carlo in slices of time, giving way between them so that a run can report progress and be
 * cancelled: inside the Web Worker, and on the page itself where there is no Worker (tests in jsdom).
 */
import { iterateMonteCarlo } from '../domain/monte-carlo';
import type { MonteCarloOptions, MonteCarloProgress, MonteCarloResult } from '../domain/monte-carlo';
import type { Scenario } from '../domain/scenario-schema';
import { giveWay } from './give-way';

export type ChunkedRunOptions = {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: MonteCarloProgress) => void) | undefined;
  /** How long to compute before giving way, ms. */
  sliceMs: number;
};

/** Samples between two looks at the clock: small enough that a slice overshoots its time by little. */
const SAMPLES_PER_STEP = 25;

function createAbortError(): Error {
  return new DOMException('The Monte Carlo run was cancelled', 'AbortError');
}

/**
 * `runMonteCarlo` in slices of about `sliceMs` of computing, giving way between slices and reporting progress
 * after each. Rejects with an `AbortError` soon after `signal` aborts.
 */
export async function runMonteCarloInChunks(
  scenario: Scenario,
  options: MonteCarloOptions,
  { signal, onProgress, sliceMs }: ChunkedRunOptions,
): Promise<MonteCarloResult> {
  const steps = iterateMonteCarlo(scenario, options, SAMPLES_PER_STEP);
  for (;;) {
    if (signal?.aborted) throw createAbortError();
    const sliceEnd = performance.now() + sliceMs;
    let step = steps.next();
    while (!step.done && performance.now() < sliceEnd) step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value);
    await giveWay();
  }
}
