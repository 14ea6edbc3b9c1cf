/**
 * Where the Optimise and Uncertainty analyses run: in a Web Worker (one, created on first use or by
 * `prepareAnalyses`, reused), so the page never freezes; or, where there is no Worker (jsdom in tests), on the
 * page. The catalog goes to the worker once per catalog array, in parts small enough to copy within a frame; the
 * rest of the scenario once per scenario object; each run then sends only its name and arguments. Runs are
 * posted one at a time, each once the page has drawn the answer before it. An aborted signal cancels a run that
 * has not started computing.
 */
import type { Model, Scenario } from '../domain/scenario-schema';
import { receiveAnalysis, runNamedAnalysis } from './analysis-tasks';
import type { AnalysisArgs, AnalysisName, AnalysisResult } from './analysis-tasks';
import type { AnalysisWorkerApi } from './analysis.worker';
import { wrapWorker } from './wrap-worker';
import type { WrappedWorker } from './wrap-worker';

/** Models per message when the catalog is sent: copying 500 models takes a few milliseconds. */
const CATALOG_PART_MODELS = 500;
/** The longest a run waits for the page to rest after the answer before it (see `untilPageRests`). */
const REST_WAIT_MS = 500;

type WorkerHandle = WrappedWorker<AnalysisWorkerApi> & {
  /** The id of the catalog the worker holds (or is receiving, when the parts are on their way). */
  catalogId: number | null;
  /** The id of the scenario whose rest (all but the catalog) the worker holds. */
  scenarioId: number | null;
  /** Sending, in order: a run is posted only after its catalog's parts and its scenario. */
  queue: Promise<unknown>;
};

let handle: WorkerHandle | null = null;
let nextRunId = 1;

/** Numbers objects: the same number for an object for as long as it lives, a new one for each new object. */
function createIdentities<T extends object>(): (value: T) => number {
  const ids = new WeakMap<T, number>();
  let next = 1;
  return (value) => {
    let id = ids.get(value);
    if (id === undefined) {
      id = next++;
      ids.set(value, id);
    }
    return id;
  };
}

const identifyCatalog = createIdentities<readonly Model[]>();
/** A number for this scenario object (each edit makes a new one), the same for as long as it lives. */
export const identifyScenario = createIdentities<Scenario>();

/** The shared worker, created on first use; `failure` rejects if it cannot start or crashes. */
function getWorker(): WorkerHandle {
  if (handle) return handle;
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  const wrapped = wrapWorker<AnalysisWorkerApi>(worker, 'the analysis worker', () => {
    handle = null;
  });
  handle = { ...wrapped, catalogId: null, scenarioId: null, queue: Promise.resolve() };
  return handle;
}

/** Sends the catalog in parts, each awaited, so the page copies one part per task. */
async function sendCatalog(target: WorkerHandle, catalogId: number, catalog: readonly Model[]) {
  for (let offset = 0; offset === 0 || offset < catalog.length; offset += CATALOG_PART_MODELS) {
    await target.api.putCatalogPart(
      catalogId,
      offset,
      catalog.length,
      catalog.slice(offset, offset + CATALOG_PART_MODELS),
    );
  }
}

/** The scenario without its catalog: what goes once per scenario, the catalog going once (`sendCatalog`). */
function omitCatalog({ catalog, ...rest }: Scenario): Omit<Scenario, 'catalog'> {
  void catalog;
  return rest;
}

/** Queues the catalog's parts, unless the worker holds that catalog or is about to; returns the catalog's id. */
function queueCatalog(target: WorkerHandle, catalog: readonly Model[]): number {
  const catalogId = identifyCatalog(catalog);
  if (target.catalogId !== catalogId) {
    target.catalogId = catalogId;
    target.queue = target.queue.then(() => sendCatalog(target, catalogId, catalog)).catch(() => undefined);
  }
  return catalogId;
}

/**
 * Starts the worker and sends it `catalog`, ahead of any run: called once the page is idle, so that the first
 * opening of Optimise or Uncertainty does not start a worker and copy the catalog's first part then.
 */
export function prepareAnalyses(catalog: readonly Model[]): void {
  if (typeof Worker === 'undefined') return;
  queueCatalog(getWorker(), catalog);
}

/**
 * Resolves once the page has drawn a frame and then gone idle (at most `REST_WAIT_MS` later; at once without those
 * callbacks). The next run is posted then, not while the page draws the answer before it: on a 2-core machine a
 * worker computing while the page lays out an answer leaves the browser's own threads (compositing, raster) to
 * take the page's core, and a 10 ms task held the page 20–30 ms.
 */
function untilPageRests(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || typeof requestIdleCallback !== 'function') {
      resolve();
      return;
    }
    // A hidden page draws no frames: the timer goes on without them.
    const timer = setTimeout(resolve, REST_WAIT_MS);
    requestAnimationFrame(() =>
      requestIdleCallback(
        () => {
          clearTimeout(timer);
          resolve();
        },
        { timeout: REST_WAIT_MS },
      ),
    );
  });
}

function createAbortError(): Error {
  return new DOMException('The analysis was cancelled', 'AbortError');
}

/**
 * Runs the analysis `name` on `scenario` off the page's thread when it can. Rejects with an AbortError when
 * `signal` aborts first.
 */
export async function computeAnalysis<N extends AnalysisName>(
  scenario: Scenario,
  name: N,
  args: AnalysisArgs<N>,
  signal: AbortSignal,
): Promise<AnalysisResult<N>> {
  if (typeof Worker === 'undefined') {
    // On the page: after a turn, so that a newer scenario (an abort) wins, as with the worker.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (signal.aborted) throw createAbortError();
    // Through structured clone, as the worker's results come: the page gets the same result either way.
    return receiveAnalysis(scenario, name, structuredClone(runNamedAnalysis(scenario, name, args)));
  }
  const target = getWorker();
  const { api, failure } = target;
  const runId = nextRunId++;
  const cancel = () => void api.cancel(runId);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const catalogId = queueCatalog(target, scenario.catalog);
    const scenarioId = identifyScenario(scenario);
    const posted = target.queue.then(() => {
      // A cancel sent before the run was posted would not find it.
      if (signal.aborted) throw createAbortError();
      // The rest of the scenario once for all its runs: 200 slices and 12 strategies took a millisecond a run.
      if (target.scenarioId !== scenarioId) {
        target.scenarioId = scenarioId;
        // Not awaited (messages arrive in order); a failure is the run's to report.
        api.putScenario(scenarioId, omitCatalog(scenario)).catch(() => undefined);
      }
      // Wrapped: the run is posted now, its answer awaited by the caller alone.
      return { answer: api.run(runId, catalogId, scenarioId, name, args) };
    });
    // The next run is posted once this one's answer is in and drawn: runs compute one at a time, each while the
    // page rests.
    target.queue = posted.then(
      ({ answer }) => answer.then(untilPageRests, () => undefined),
      () => undefined,
    );
    const { answer } = await Promise.race([posted, failure]);
    return receiveAnalysis(scenario, name, await Promise.race([answer, failure]));
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
