import { useDeferredValue } from 'react';
import type { ReactNode } from 'react';
import './pending-result.css';

/** Where a result computed off the page stands (react-query's `status`, `data` and `error` fit). */
export type PendingState<T> =
  | { status: 'pending'; data: T | undefined; error: Error | null }
  | { status: 'error'; data: T | undefined; error: Error }
  | { status: 'success'; data: T; error: Error | null };

type PendingResultProps<T> = {
  state: PendingState<T>;
  /** The status line while it computes: "Computing the optimised assignment…". */
  computing: string;
  /** What failed, before the error's own message: "The optimised assignment could not be computed". */
  failure: string;
  /** Room kept while it computes, px, so that what follows does not jump when the result arrives. */
  minHeight?: number;
  children: (data: T) => ReactNode;
};

/**
 * The state to draw now, for `PendingResult` and the region's `aria-busy` alike. A result that has just come in
 * (or was in already when the screen opened) is drawn in the background: React renders it as a transition, in
 * slices of a few milliseconds, keeping the status line until it is done, so drawing a large answer never holds
 * the page.
 */
export function useDrawnState<T>(state: PendingState<T>): PendingState<T> {
  const status = useDeferredValue(state.status, 'pending');
  const data = useDeferredValue(state.data, undefined);
  const error = useDeferredValue(state.error, null);
  if (status === 'success') return { status, data: data as T, error };
  if (status === 'error') return { status, data, error: error ?? new Error('an unexpected error') };
  return { status, data, error };
}

/**
 * A result that arrives later: a status line while it computes (announced politely), what went wrong if it
 * failed, else the result. Pass it the state from `useDrawnState`, and put `aria-busy` on the region around it
 * (`isBusy`).
 */
export function PendingResult<T>({ state, computing, failure, minHeight, children }: PendingResultProps<T>) {
  if (state.status === 'success') return children(state.data);
  if (state.status === 'error') {
    return (
      <p className="notice notice--error" role="alert">
        {failure}: {state.error.message || 'an unexpected error'}.
      </p>
    );
  }
  return (
    <p className="pending-result" role="status" style={minHeight ? { minHeight } : undefined}>
      <span className="pending-result__mark" aria-hidden="true" />
      {computing}
    </p>
  );
}

/** True while the state has no result yet: the value for `aria-busy` on the region that will show it. */
export function isBusy(state: Pick<PendingState<unknown>, 'status'>): boolean {
  return state.status === 'pending';
}
