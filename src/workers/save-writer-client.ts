/**
 * Where an ordinary save is written: in a Web Worker kept for it (src/workers/save-writer.worker.ts), which holds
 * the pieces of the last text it wrote. Each save sends only the pieces it has not had: the page neither joins
 * the 5 MB text of a 10,000-model library nor hands it to IndexedDB. Where there is no Worker (jsdom in tests)
 * there is no writer, and saves are written on the page.
 */
import type { SaveWriteResult } from './save-writer';
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

/**
 * A writer for the text stored under `keys` and the function that stops its worker, or undefined where the page
 * has no workers.
 */
export function createSaveWriter(keys: {
  text: string;
  revision: string;
}): { write: SaveWriter; stop: () => void } | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: WrappedWorker<SaveWriterWorkerApi> | null = null;
  /** The ids of the pieces the worker holds (those of the last save it was sent). */
  let held = new Map<string, number>();
  let nextId = 0;
  let started: Worker | null = null;
  const write: SaveWriter = async (expectedRevision, revision, parts) => {
    if (worker === null) {
      started = new Worker(new URL('./save-writer.worker.ts', import.meta.url), { type: 'module' });
      worker = wrapWorker<SaveWriterWorkerApi>(started, 'the save writer', () => (worker = null));
      held = new Map();
    }
    const sent = new Map<string, number>();
    const order: number[] = [];
    const added: [number, string][] = [];
    for (const part of parts) {
      let id = sent.get(part) ?? held.get(part);
      if (id === undefined) {
        id = nextId++;
        added.push([id, part]);
      }
      sent.set(part, id);
      order.push(id);
    }
    held = sent;
    const { api, failure } = worker;
    try {
      return await Promise.race([api.write({ expectedRevision, revision, order, added, keys }), failure]);
    } catch (error) {
      // What the worker holds is no longer known: the next save sends every piece.
      held = new Map();
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
