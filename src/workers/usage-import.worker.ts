/**
 * The usage-import worker: reads a usage file off the page's thread, streaming it (gzip unpacked) through the
 * format's reader, so that a file of any size never freezes the page. Only the summed records come back.
 */
import { expose } from 'comlink';
import type { UsageTextResult } from '../io/usage-import';
import { readUsageStream } from '../io/usage-stream';

const running = new Map<number, AbortController>();

const api = {
  /** Reads `file`, reporting bytes read to `onProgress`; `cancel(runId)` stops it. */
  async read(runId: number, file: Blob, onProgress: (bytesRead: number) => void): Promise<UsageTextResult> {
    const controller = new AbortController();
    running.set(runId, controller);
    try {
      return await readUsageStream(file.stream(), onProgress, controller.signal);
    } finally {
      running.delete(runId);
    }
  },
  cancel(runId: number): void {
    running.get(runId)?.abort();
  },
};

export type UsageImportWorkerApi = typeof api;

expose(api);
