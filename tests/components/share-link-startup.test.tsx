import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { compressToEncodedURIComponent } from 'lz-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoadNotice } from '../../src/app/load-notice';
import { useBootstrap } from '../../src/app/use-bootstrap';
import { validateScenario } from '../../src/domain/validate-scenario';
import type { Scenario } from '../../src/domain/scenario-schema';
import { createShareLink } from '../../src/io/share-link';
import type { LoadOutcome, PersistedState, SaveOutcome, SyncBase } from '../../src/state/persistence';
import type * as Persistence from '../../src/state/persistence';
import { usePlannerStore } from '../../src/state/scenario-store';
import { makeSmallScenario } from '../factories/small-scenario';

const storage = vi.hoisted(() => ({
  saved: null as LoadOutcome | null,
  writes: [] as PersistedState[],
}));

vi.mock('../../src/state/persistence', async (importOriginal) => ({
  ...(await importOriginal<typeof Persistence>()),
  loadPersisted: () => Promise.resolve(storage.saved ?? { kind: 'empty', copies: [] }),
  loadNewerLibrary: () => Promise.resolve(null),
  savePersisted: (state: PersistedState, base: SyncBase): Promise<SaveOutcome> => {
    storage.writes.push(state);
    return Promise.resolve({
      saved: { revision: base.revision + 1, library: state.library },
      merged: false,
      conflicts: [],
      copies: null,
    });
  },
}));

function makeScenario(name: string): Scenario {
  const validated = validateScenario({ ...makeSmallScenario(), name });
  if (!validated.ok) throw new Error('fixture invalid');
  return validated.value;
}

function Boot() {
  const status = useBootstrap();
  return (
    <>
      <p data-testid="boot-status">{status.kind}</p>
      {status.kind === 'ready' && <LoadNotice />}
    </>
  );
}

function renderBoot() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <Boot />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  storage.writes = [];
  storage.saved = {
    kind: 'loaded',
    state: {
      library: [{ id: 'scenario-1', scenario: makeScenario('My own plan') }],
      activeId: 'scenario-1',
      ui: { theme: 'light', priceUnit: 'per-million' },
    },
    revision: 1,
    dropped: [],
    copies: [],
  };
});

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('opening a share link at start-up', () => {
  it('adds the shared scenario as a new one after the saved library, keeps the existing one and clears the fragment', async () => {
    const link = createShareLink(makeScenario('Sent by a colleague'), 'http://localhost/');
    if (!link.ok) throw new Error('expected a link');
    window.history.replaceState(null, '', `/planner${new URL(link.url).hash}`);

    renderBoot();
    await screen.findByText('ready');

    const state = usePlannerStore.getState();
    expect(state.library.map((e) => e.scenario.name)).toEqual(['My own plan', 'Sent by a colleague']);
    expect(state.library[0]?.id).toBe('scenario-1');
    expect(state.scenario?.name).toBe('Sent by a colleague');
    expect(state.activeId).not.toBe('scenario-1');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/planner');
    expect(screen.getByRole('status')).toHaveTextContent(
      'The shared scenario “Sent by a colleague” opened as a new scenario',
    );
    // The shared scenario is saved with the library.
    await vi.waitFor(() =>
      expect(storage.writes.at(-1)?.library.map((e) => e.scenario.name)).toEqual([
        'My own plan',
        'Sent by a colleague',
      ]),
    );
  });

  it('opens next to the default when nothing is saved yet', async () => {
    storage.saved = { kind: 'empty', copies: [] };
    const link = createShareLink(makeScenario('Sent by a colleague'), 'http://localhost/');
    if (!link.ok) throw new Error('expected a link');
    window.history.replaceState(null, '', new URL(link.url).hash);

    renderBoot();
    await screen.findByText('ready');
    const names = usePlannerStore.getState().library.map((e) => e.scenario.name);
    expect(names).toHaveLength(2);
    expect(names[1]).toBe('Sent by a colleague');
  });

  it('says a damaged link is damaged and changes nothing', async () => {
    const link = createShareLink(makeScenario('Sent by a colleague'), 'http://localhost/');
    if (!link.ok) throw new Error('expected a link');
    window.history.replaceState(null, '', new URL(link.url).hash.slice(0, 60));

    renderBoot();
    await screen.findByText('ready');

    expect(usePlannerStore.getState().library.map((e) => e.scenario.name)).toEqual(['My own plan']);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The share link could not be opened: this share link is damaged (it may have been cut short when copied). Nothing was changed.',
    );
    expect(window.location.hash).toBe('');
  });

  it('lists every problem of a link carrying an invalid scenario, with paths', async () => {
    const bad = {
      ...makeSmallScenario(),
      horizonMonths: 500,
      traffic: [{ ...makeSmallScenario().traffic[0]!, cacheHitRate: 2 }],
    };
    window.history.replaceState(null, '', `/#share=${compressToEncodedURIComponent(JSON.stringify(bad))}`);

    renderBoot();
    await screen.findByText('ready');

    expect(usePlannerStore.getState().library).toHaveLength(1);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('horizonMonths: must be between 1 and 120');
    expect(alert).toHaveTextContent('traffic[0].cacheHitRate');
  });

  it('leaves an ordinary fragment alone', async () => {
    window.history.replaceState(null, '', '/#runway');
    renderBoot();
    await screen.findByText('ready');
    expect(usePlannerStore.getState().library).toHaveLength(1);
    expect(window.location.hash).toBe('#runway');
    expect(usePlannerStore.getState().shareNotice).toBeNull();
  });
});
