import { useSyncExternalStore } from 'react';
import type { Theme } from '../state/scenario-store';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function readSystemDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(DARK_QUERY).matches
    : false;
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The theme in force: the one the user picked, or, until they pick, the system's dark or light setting (live). */
export function useColorScheme(theme: Theme): 'light' | 'dark' {
  const systemDark = useSyncExternalStore(subscribe, readSystemDark, () => false);
  if (theme !== 'system') return theme;
  return systemDark ? 'dark' : 'light';
}
