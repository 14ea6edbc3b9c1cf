/**
 * Calls `next` when the page is next idle (`requestIdleCallback`, at most `timeoutMs` later), or after a short
 * pause where the browser has no idle callbacks; returns the function that cancels it.
 */
export function whenIdle(next: () => void, timeoutMs = 5_000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(next, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(next, 200);
  return () => clearTimeout(handle);
}
