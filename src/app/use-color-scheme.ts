import type { Theme } from '../state/scenario-store';
import { useMediaQuery } from '../ui/media-query';

/** The theme in force: the one the user picked, or, until they pick, the system's dark or light setting (live). */
export function useColorScheme(theme: Theme): 'light' | 'dark' {
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  if (theme !== 'system') return theme;
  return systemDark ? 'dark' : 'light';
}
