/**
 * Where a large saved library is decoded: in a Web Worker started for it (src/workers/saved-library.worker.ts),
 * its answer committed on the page without parsing the models again (`adoptDecoded`). Where there is no Worker
 * (jsdom in tests), or the worker cannot start or fails, the text is decoded on the page: slower, the same answer.
 */
import { decodePersisted } from '../io/persisted-envelope';
import type { DecodeResult } from '../io/persisted-envelope';
import { adoptDecoded } from '../io/persisted-transfer';
import { giveWay } from './give-way';
import type { SavedLibraryWorkerApi } from './saved-library.worker';
import { wrapWorker } from './wrap-worker';

/** `decodePersisted(text)`, worked out in a worker. */
export async function decodeSavedLibrary(text: string): Promise<DecodeResult> {
  if (typeof Worker === 'undefined') return decodePersisted(text);
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./saved-library.worker.ts', import.meta.url), { type: 'module' });
    const { api, failure } = wrapWorker<SavedLibraryWorkerApi>(worker, 'the saved-library reader', () => {});
    const copy = await Promise.race([api.decodeForTransfer(text), failure]);
    // Taking the copy off the message, adopting it and drawing the library each hold the page for tens of
    // milliseconds at 27,000 models: each gets a task of its own.
    await giveWay();
    const adopted = adoptDecoded(copy) ?? decodePersisted(text);
    await giveWay();
    return adopted;
  } catch {
    return decodePersisted(text);
  } finally {
    worker?.terminate();
  }
}
