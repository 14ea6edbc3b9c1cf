import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { defaultScenarioQueryOptions } from '../queries/shipped-data';
import { loadPersisted, savePersisted } from '../state/persistence';
import type { PersistedState } from '../state/persistence';
import { usePlannerStore } from '../state/scenario-store';

const SAVE_DELAY_MS = 250;

export type BootStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

/**
 * Opens the saved scenario, or the shipped default when nothing usable is saved, then saves every change.
 * Saved data that cannot be read is kept aside for export and reported, never silently dropped.
 */
export function useBootstrap(): BootStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<BootStatus>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let unsubscribe = () => {};
    const store = usePlannerStore;

    async function boot() {
      const [saved, fallback] = await Promise.all([
        loadPersisted(),
        queryClient.fetchQuery(defaultScenarioQueryOptions()),
      ]);
      if (cancelled) return;
      const { commit, setLoadNotice, setTheme, setPriceUnit } = store.getState();
      if (saved.kind === 'loaded') {
        commit(saved.state.scenario, { recordHistory: false });
        setTheme(saved.state.ui.theme);
        setPriceUnit(saved.state.ui.priceUnit);
      } else {
        commit(fallback, { recordHistory: false });
        if (saved.kind === 'unreadable') {
          setLoadNotice({ kind: 'unreadable', message: saved.message, unreadableCopy: saved.copy });
        } else if (saved.kind === 'storage-error') {
          setLoadNotice({ kind: 'storage-error', message: saved.message });
        }
      }
      setStatus({ kind: 'ready' });

      let timer: ReturnType<typeof setTimeout> | undefined;
      unsubscribe = store.subscribe((state, previous) => {
        if (
          state.scenario === previous.scenario &&
          state.theme === previous.theme &&
          state.priceUnit === previous.priceUnit
        )
          return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          const { scenario, theme, priceUnit } = store.getState();
          if (!scenario) return;
          const snapshot: PersistedState = { scenario, ui: { theme, priceUnit } };
          savePersisted(snapshot).catch((error: unknown) =>
            store.getState().setLoadNotice({ kind: 'storage-error', message: (error as Error).message }),
          );
        }, SAVE_DELAY_MS);
      });
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
