/**
 * Where an ordinary save is written: in a Web Worker kept for it (src/workers/save-writer.worker.ts), which holds
 * the pieces of the last text it wrote. Each save sends only the pieces it has not had: the page neither joins
 * the 5 MB text of a 10,000-model library nor hands it to IndexedDB. Where there is no Worker (jsdom in tests)
 * there is no writer, and saves are written on the page.
 */
import { PieceIds, sendSave } from './save-writer';
import type { SaveWriteResult, SaveWriterApi } from './save-writer';
import type { SaveWriterWorkerApi } from './save-writer.worker';
import { wrapWorker } from './wrap-worker';
import type { WrappedWorker } from './wrap-worker';

/**
 * Writes the text `parts.join('')` with `revision` while storage holds `expectedRevision`; 'moved' when it
 * does not (nothing written). Rejects when the worker or storage fails (nothing written).
 */
export type SaveWriter = (
  expectedRevision: number,
  revision: number,
  parts: readonly string[],
) => Promise<SaveWriteResult>;

/** A writer of the saved text and the function that stops its worker, or undefined where the page has no workers. */
export function createSaveWriter(): { write: SaveWriter; stop: () => void } | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: WrappedWorker<SaveWriterWorkerApi> | null = null;
  const ids = new PieceIds();
  let started: Worker | null = null;
  const write: SaveWriter = async (expectedRevision, revision, parts) => {
    if (worker === null) {
      started = new Worker(new URL('./save-writer.worker.ts', import.meta.url), { type: 'module' });
      worker = wrapWorker<SaveWriterWorkerApi>(started, 'the save writer', () => (worker = null));
      ids.forget();
    }
    const { api, failure } = worker;
    const writer: SaveWriterApi = {
      take: (added) => Promise.race([api.take(added), failure]),
      write: (request) => Promise.race([api.write(request), failure]),
    };
    try {
      return await sendSave(writer, ids, { expectedRevision, revision, parts });
    } catch (error) {
      // What the worker holds is no longer known: the next save sends every piece.
      ids.forget();
      throw error;
    }
  };
  const stop = () => {
    started?.terminate();
    started = null;
    worker = null;
  };
  return { write, stop };
}
