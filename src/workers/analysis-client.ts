/**
 * Where the Optimise and Uncertainty analyses run: in a Web Worker (one, created on first use, reused), so the
 * page never freezes; or, where there is no Worker (jsdom in tests), on the page. The catalog goes to the worker
 * once per catalog array, in parts small enough to copy within a frame; each run sends only the rest of the
 * scenario. An aborted signal cancels a run that has not started computing.
 */
import type { Model, Scenario } from '../domain/scenario-schema';
import { receiveAnalysis, runNamedAnalysis } from './analysis-tasks';
import type { AnalysisArgs, AnalysisName, AnalysisResult } from './analysis-tasks';
import type { AnalysisWorkerApi } from './analysis.worker';
import { wrapWorker } from './wrap-worker';
import type { WrappedWorker } from './wrap-worker';

/** Models per message when the catalog is sent: copying 500 models takes a few milliseconds. */
const CATALOG_PART_MODELS = 500;

type WorkerHandle = WrappedWorker<AnalysisWorkerApi> & {
  /** The id of the catalog the worker holds (or is receiving, when the parts are on their way). */
  catalogId: number | null;
  /** Sending, in order: a run is posted only after its catalog's parts. */
  queue: Promise<unknown>;
};

let handle: WorkerHandle | null = null;
let nextRunId = 1;
let nextCatalogId = 1;
const catalogIds = new WeakMap<readonly Model[], number>();

function identifyCatalog(catalog: readonly Model[]): number {
  let id = catalogIds.get(catalog);
  if (id === undefined) {
    id = nextCatalogId++;
    catalogIds.set(catalog, id);
  }
  return id;
}

/** The shared worker, created on first use; `failure` rejects if it cannot start or crashes. */
function getWorker(): WorkerHandle {
  if (handle) return handle;
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  const wrapped = wrapWorker<AnalysisWorkerApi>(worker, 'the analysis worker', () => {
    handle = null;
  });
  handle = { ...wrapped, catalogId: null, queue: Promise.resolve() };
  return handle;
}

/** Sends the catalog in parts, each awaited, so the page copies one part per task. */
async function sendCatalog(target: WorkerHandle, catalogId: number, catalog: readonly Model[]) {
  target.catalogId = catalogId;
  for (let offset = 0; offset === 0 || offset < catalog.length; offset += CATALOG_PART_MODELS) {
    await target.api.putCatalogPart(
      catalogId,
      offset,
      catalog.length,
      catalog.slice(offset, offset + CATALOG_PART_MODELS),
    );
  }
}

/** The scenario without its catalog: what each run sends, the catalog going once (`sendCatalog`). */
function omitCatalog({ catalog, ...rest }: Scenario): Omit<Scenario, 'catalog'> {
  void catalog;
  return rest;
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
  const catalogId = identifyCatalog(scenario.catalog);
  const rest = omitCatalog(scenario);
  const cancel = () => void api.cancel(runId);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const posted = target.queue.then(async () => {
      if (target.catalogId !== catalogId) await sendCatalog(target, catalogId, scenario.catalog);
      // A cancel sent before the run was posted would not find it.
      if (signal.aborted) throw createAbortError();
      // Wrapped: the run is posted now, its answer awaited by the caller alone.
      return { answer: api.run(runId, catalogId, rest, name, args) };
    });
    target.queue = posted.catch(() => undefined);
    const { answer } = await Promise.race([posted, failure]);
    return receiveAnalysis(scenario, name, await Promise.race([answer, failure]));
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
