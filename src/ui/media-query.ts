import { useSyncExternalStore } from 'react';

function matches(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(query).matches
    : false;
}

function subscribeTo(query: string) {
  return (onChange: () => void): (() => void) => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
    const list = window.matchMedia(query);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  };
}

const subscriptions = new Map<string, (onChange: () => void) => () => void>();

/** Whether the media query matches now, kept up to date (false where there is no `matchMedia`). */
export function useMediaQuery(query: string): boolean {
  let subscribe = subscriptions.get(query);
  if (subscribe === undefined) {
    subscribe = subscribeTo(query);
    subscriptions.set(query, subscribe);
  }
  return useSyncExternalStore(
    subscribe,
    () => matches(query),
    () => false,
  );
}

/** The phone layout's query (styles.css lays the page out for a phone at this width). */
export const PHONE_QUERY = '(max-width: 700px)';
