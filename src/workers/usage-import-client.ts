/**
 * Where a usage file is read: in a Web Worker (created on first use, reused), so the page never freezes on a
 * large file; or, where there is no Worker (jsdom in tests), on the page from the file's text. An aborted signal
 * stops the read.
 */
import { proxy } from 'comlink';
import { readUsageText } from '../io/usage-import';
import type { UsageTextResult } from '../io/usage-import';
import type { UsageImportWorkerApi } from './usage-import.worker';
import { wrapWorker } from './wrap-worker';
import type { WrappedWorker } from './wrap-worker';

let handle: WrappedWorker<UsageImportWorkerApi> | null = null;
let nextRunId = 1;

function getWorker(): WrappedWorker<UsageImportWorkerApi> {
  if (handle) return handle;
  const worker = new Worker(new URL('./usage-import.worker.ts', import.meta.url), { type: 'module' });
  handle = wrapWorker<UsageImportWorkerApi>(worker, 'the usage reader', () => {
    handle = null;
  });
  return handle;
}

/** Reads a usage file; `onProgress` hears the bytes read so far. */
export async function readUsageFile(
  file: Blob,
  { signal, onProgress }: { signal: AbortSignal; onProgress?: (bytesRead: number) => void },
): Promise<UsageTextResult> {
  if (typeof Worker === 'undefined') {
    const text = await file.text();
    signal.throwIfAborted();
    return readUsageText(text);
  }
  const { api, failure } = getWorker();
  const runId = nextRunId++;
  const cancel = () => void api.cancel(runId);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const report = proxy((bytesRead: number) => onProgress?.(bytesRead));
    return await Promise.race([api.read(runId, file, report), failure]);
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
