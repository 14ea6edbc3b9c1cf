import { wrap } from 'comlink';
import type { Remote } from 'comlink';

/** A started worker behind comlink, and a promise that rejects if it cannot start or crashes. */
export type WrappedWorker<T> = { api: Remote<T>; failure: Promise<never> };

/**
 * Wraps `worker` with comlink. If it fails to start or crashes, it is terminated, `onFailure` runs (forget the
 * handle, so the next use starts a new one) and `failure` rejects with "<name> failed: …".
 */
export function wrapWorker<T>(worker: Worker, name: string, onFailure: () => void): WrappedWorker<T> {
  const failure = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      onFailure();
      worker.terminate();
      reject(new Error(`${name} failed: ${event.message || 'it could not start'}`));
    });
  });
  // A run that is not awaited (cancelled) must not report the failure as unhandled.
  failure.catch(() => undefined);
  return { api: wrap<T>(worker), failure };
}
