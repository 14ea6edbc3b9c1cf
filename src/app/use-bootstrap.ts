import { useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { formatIssue } from '../domain/validate-scenario';
import { isShareFragment, readShareFragment } from '../io/share-link';
import { defaultScenarioQueryOptions } from '../queries/shipped-data';
import { loadPersisted, savePersisted } from '../state/persistence';
import type { LoadOutcome, PersistedState } from '../state/persistence';
import { usePlannerStore } from '../state/scenario-store';

const SAVE_DELAY_MS = 250;

let savedState: Promise<LoadOutcome> | null = null;

/**
 * Starts reading the saved state and the shipped default scenario at once, before React first renders, so
 * the first figures wait for neither in turn. Safe to call more than once.
 */
export function startBootstrapLoads(queryClient: QueryClient) {
  savedState ??= loadPersisted();
  void queryClient.prefetchQuery(defaultScenarioQueryOptions());
}

export type BootStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

/**
 * Opens a share link the page was opened with (`#share=…`) as a NEW library scenario, never replacing one, and
 * clears the fragment so a reload does not open it twice. A damaged, oversized or invalid link changes nothing
 * and is reported.
 */
export function openShareLinkInAddress() {
  const { hash, pathname, search } = window.location;
  if (!isShareFragment(hash)) return;
  window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  const { addScenario, setShareNotice } = usePlannerStore.getState();
  const opened = readShareFragment(hash);
  if (opened.ok) {
    addScenario(opened.value);
    setShareNotice({ kind: 'opened', name: opened.value.name });
  } else {
    setShareNotice({ kind: 'failed', message: opened.issues.map(formatIssue).join('; ') });
  }
}

/**
 * Opens the saved scenario, or the shipped default when nothing usable is saved, then saves every change.
 * Saved data that cannot be read is kept aside for export and reported, never silently dropped. A share link
 * in the address opens after the saved library, as a new scenario.
 */
export function useBootstrap(): BootStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<BootStatus>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let unsubscribe = () => {};
    const store = usePlannerStore;

    async function boot() {
      startBootstrapLoads(queryClient);
      const [saved, fallback] = await Promise.all([
        savedState ?? loadPersisted(),
        queryClient.fetchQuery(defaultScenarioQueryOptions()),
      ]);
      if (cancelled) return;
      const { loadLibrary, setLoadNotice, setTheme, setPriceUnit } = store.getState();
      if (saved.kind === 'loaded') {
        loadLibrary(saved.state.library, saved.state.activeId);
        setTheme(saved.state.ui.theme);
        setPriceUnit(saved.state.ui.priceUnit);
        if (saved.unreadableCopy !== null) {
          setLoadNotice({
            kind: 'unreadable',
            message: `${saved.dropped.length} saved scenario(s) could not be opened: ${saved.dropped.join('; ')}`,
            unreadableCopy: saved.unreadableCopy,
          });
        }
      } else {
        // Shipped data is validated when it loads (parseShippedScenario): no second pass here.
        loadLibrary([{ id: 'scenario-1', scenario: fallback }], 'scenario-1');
        if (saved.kind === 'unreadable') {
          setLoadNotice({ kind: 'unreadable', message: saved.message, unreadableCopy: saved.copy });
        } else if (saved.kind === 'storage-error') {
          setLoadNotice({ kind: 'storage-error', message: saved.message });
        }
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      unsubscribe = store.subscribe((state, previous) => {
        if (
          state.library === previous.library &&
          state.activeId === previous.activeId &&
          state.theme === previous.theme &&
          state.priceUnit === previous.priceUnit
        )
          return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          const { library, activeId, theme, priceUnit } = store.getState();
          if (activeId === null || library.length === 0) return;
          const snapshot: PersistedState = { library, activeId, ui: { theme, priceUnit } };
          savePersisted(snapshot).catch((error: unknown) =>
            store.getState().setLoadNotice({ kind: 'storage-error', message: (error as Error).message }),
          );
        }, SAVE_DELAY_MS);
      });
      // After subscribing, so the shared scenario is saved with the library.
      openShareLinkInAddress();
      setStatus({ kind: 'ready' });
    }

    boot().catch((error: unknown) => {
      if (!cancelled)
        setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [queryClient]);

  return status;
}
