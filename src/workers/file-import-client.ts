/**
 * Where imported scenario and catalog files are read: each in a Web Worker of its own, so the page never blocks
 * on a large file; or, where there is no Worker (jsdom in tests), on the page. Parsing cannot be interrupted, so
 * an aborted signal stops that read's worker and the read rejects with the abort's reason; other reads go on.
 */
import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { Model } from '../domain/scenario-schema';
import { validateScenarioCopy } from '../domain/validate-scenario';
import { readCatalogSource, readScenarioFile as readScenarioOnPage, reportIssues } from '../io/file-import';
import type { CatalogRead, CatalogReadOptions, ScenarioRead } from '../io/file-import';
import { rememberModelText } from '../io/scenario-file';
import type { FileImportWorkerApi } from './file-import.worker';

/** Runs `read` in a worker started for it and stopped once it answers, fails or `signal` aborts. */
async function inWorker<T>(
  signal: AbortSignal,
  read: (api: Remote<FileImportWorkerApi>) => PromiseLike<T>,
): Promise<T> {
  signal.throwIfAborted();
  const worker = new Worker(new URL('./file-import.worker.ts', import.meta.url), { type: 'module' });
  let onAbort = () => undefined as void;
  const stopped = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) =>
      reject(new Error(`the file reader failed: ${event.message || 'it could not start'}`)),
    );
    onAbort = () =>
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([read(wrap<FileImportWorkerApi>(worker)), stopped]);
  } finally {
    signal.removeEventListener('abort', onAbort);
    worker.terminate();
  }
}

/** Takes the texts the worker wrote for `models`, so that saving them does not write them again on the page. */
function rememberModelTexts(models: readonly Model[], texts: readonly string[]): void {
  models.forEach((model, index) => rememberModelText(model, texts[index]!));
}

/** Runs `read` on the page (no Worker); an abort while it runs discards its result. */
async function onPage<T>(signal: AbortSignal, read: () => Promise<T>): Promise<T> {
  signal.throwIfAborted();
  const result = await read();
  signal.throwIfAborted();
  return result;
}

/** A scenario the worker validated, committed without parsing its models again (`validateScenarioCopy`). */
function adoptScenario(copy: ScenarioRead): ScenarioRead {
  if (!copy.ok) return copy;
  const checked = validateScenarioCopy(copy.value);
  if (!checked.ok) return reportIssues(checked.issues);
  rememberModelTexts(checked.value.catalog, copy.modelTexts);
  return { ...copy, value: checked.value };
}

/** Reads and validates a scenario file. */
export async function readScenarioFile(file: Blob, signal: AbortSignal): Promise<ScenarioRead> {
  if (typeof Worker === 'undefined') return onPage<ScenarioRead>(signal, () => readScenarioOnPage(file));
  return adoptScenario(await inWorker<ScenarioRead>(signal, (api) => api.readScenarioFile(file)));
}

/** Reads and validates a catalog, from a picked file or from downloaded text. */
export async function readCatalog(
  source: Blob | string,
  options: CatalogReadOptions,
  signal: AbortSignal,
): Promise<CatalogRead> {
  if (typeof Worker === 'undefined')
    return onPage<CatalogRead>(signal, () => readCatalogSource(source, options));
  const read = await inWorker<CatalogRead>(signal, (api) => api.readCatalogSource(source, options));
  if (read.ok) rememberModelTexts(read.models, read.modelTexts);
  return read;
}
