import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compressToEncodedURIComponent } from 'lz-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoadNotice } from '../../src/app/load-notice';
import { useBootstrap } from '../../src/app/use-bootstrap';
import { validateScenario } from '../../src/domain/validate-scenario';
import type { Scenario } from '../../src/domain/scenario-schema';
import { createShareLink } from '../../src/io/share-link';
import type {
  HeldSave,
  LoadOutcome,
  PersistedState,
  SaveOptions,
  SaveOutcome,
  SyncBase,
} from '../../src/state/persistence';
import type * as Persistence from '../../src/state/persistence';
import { usePlannerStore } from '../../src/state/scenario-store';
import { makeSmallScenario } from '../factories/small-scenario';

const storage = vi.hoisted(() => ({
  saved: null as LoadOutcome | null,
  writes: [] as PersistedState[],
  /** Unreadable data storage holds: saves are refused unless they replace exactly it. */
  holding: null as HeldSave | null,
  keptAside: [] as HeldSave[],
  attempts: 0,
}));

vi.mock('../../src/state/persistence', async (importOriginal) => ({
  ...(await importOriginal<typeof Persistence>()),
  loadPersisted: () => Promise.resolve(storage.saved ?? { kind: 'empty', copies: [] }),
  loadNewerLibrary: () => Promise.resolve(null),
  savePersisted: (state: PersistedState, base: SyncBase, options: SaveOptions = {}): Promise<SaveOutcome> => {
    storage.attempts++;
    if (storage.holding !== null && options.replacing?.value !== storage.holding.value) {
      return Promise.resolve({
        saved: base,
        merged: false,
        conflicts: [],
        conflictIds: [],
        held: storage.holding,
      });
    }
    storage.holding = null;
    storage.writes.push(state);
    return Promise.resolve({
      saved: { revision: base.revision + 1, library: state.library },
      merged: false,
      conflicts: [],
      conflictIds: [],
      held: null,
    });
  },
  keepUnreadableCopy: (held: HeldSave) => {
    storage.keptAside.push(held);
    return Promise.resolve([{ id: 'copy-0', keptAt: '2026-12-01T10:00:00.000Z', ...held }]);
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

/** What storage gives when it holds one readable scenario, "My own plan". */
function loadedOwnPlan(): Extract<LoadOutcome, { kind: 'loaded' }> {
  return {
    kind: 'loaded',
    state: {
      library: [{ id: 'scenario-1', scenario: makeScenario('My own plan') }],
      activeId: 'scenario-1',
      ui: { theme: 'light', priceUnit: 'per-million' },
    },
    revision: 1,
    dropped: [],
    repaired: [],
    held: null,
    copies: [],
  };
}

/** Opens the page with a share link to a scenario named `name`; gives the library's names once ready. */
async function bootWithShareLink(name: string): Promise<string[]> {
  const link = createShareLink(makeScenario(name), 'http://localhost/');
  if (!link.ok) throw new Error('expected a link');
  window.history.replaceState(null, '', new URL(link.url).hash);
  renderBoot();
  await screen.findByText('ready');
  return usePlannerStore.getState().library.map((e) => e.scenario.name);
}

beforeEach(() => {
  storage.writes = [];
  storage.holding = null;
  storage.keptAside = [];
  storage.attempts = 0;
  storage.saved = loadedOwnPlan();
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
    const names = await bootWithShareLink('Sent by a colleague');
    expect(names).toHaveLength(2);
    expect(names[1]).toBe('Sent by a colleague');
  });

  it('opens a link to a scenario of the same name as "Name (2)", and says so', async () => {
    const link = createShareLink(makeScenario('My own plan'), 'http://localhost/');
    if (!link.ok) throw new Error('expected a link');
    window.history.replaceState(null, '', `/planner${new URL(link.url).hash}`);
    renderBoot();
    await screen.findByText('ready');
    expect(usePlannerStore.getState().library.map((e) => e.scenario.name)).toEqual([
      'My own plan',
      'My own plan (2)',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'The shared scenario “My own plan (2)” opened as a new scenario',
    );
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

describe('saved data that could not be read', () => {
  const newer = {
    value: '{"version": 9}',
    reason: 'the saved data is from a newer version of the planner (version 9)',
  };

  it('adds a shared scenario without saving anything until the user keeps the data aside', async () => {
    storage.saved = { kind: 'unreadable', held: newer, copies: [] };
    storage.holding = newer;
    const names = await bootWithShareLink('Sent by a colleague');
    expect(names).toHaveLength(2);
    expect(names[1]).toBe('Sent by a colleague');
    const held = screen.getByRole('region', { name: 'Saved data that could not be read' });
    expect(within(held).getByRole('alert')).toHaveTextContent(
      'The data saved in this browser could not be read: the saved data is from a newer version of the planner (version 9). It is left as it is. Nothing is saved over it until you choose',
    );
    expect(within(held).getByRole('alert')).toHaveTextContent(
      'Nothing in it could be opened, so the default scenario opened in its place.',
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'The shared scenario “Sent by a colleague” opened as a new scenario, but it is not saved yet',
    );
    // The save the share link triggers is refused: nothing written.
    await vi.waitFor(() => expect(storage.attempts).toBe(1));
    expect(storage.writes).toEqual([]);

    await userEvent.click(within(held).getByRole('button', { name: 'Keep aside and continue' }));
    await vi.waitFor(() => expect(storage.writes.at(-1)?.library.map((e) => e.scenario.name)).toEqual(names));
    expect(storage.keptAside).toEqual([newer]);
    expect(screen.queryByRole('region', { name: 'Saved data that could not be read' })).toBeNull();
    expect(usePlannerStore.getState().unreadableCopies.map((c) => c.value)).toEqual(['{"version": 9}']);
  });

  it('names the scenarios that opened and those that did not, and discards only after a second click', async () => {
    storage.saved = {
      ...loadedOwnPlan(),
      dropped: ['scenario-2 (“Broken”): catalog: is required'],
      held: { value: 'saved text', reason: '1 saved scenario could not be opened' },
    };
    storage.holding = { value: 'saved text', reason: 'held' };
    renderBoot();
    await screen.findByText('ready');
    const held = screen.getByRole('region', { name: 'Saved data that could not be read' });
    expect(held).toHaveTextContent('Part of the data saved in this browser could not be read.');
    expect(held).toHaveTextContent('Opened: “My own plan”.');
    expect(within(held).getByRole('listitem')).toHaveTextContent(
      'scenario-2 (“Broken”): catalog: is required',
    );
    expect(held).not.toHaveTextContent('default scenario');

    await userEvent.click(within(held).getByRole('button', { name: 'Discard the unreadable save' }));
    expect(storage.writes).toEqual([]);
    await userEvent.click(within(held).getByRole('button', { name: 'Discard it for good' }));
    await vi.waitFor(() => expect(storage.writes).toHaveLength(1));
    expect(storage.keptAside).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'The unreadable save was discarded. Saving is on again.',
    );
  });

  it('holds back a save that finds unreadable data written since the page opened, and asks', async () => {
    renderBoot();
    await screen.findByText('ready');
    storage.holding = { value: 'written by a newer planner', reason: 'the saved data is not valid JSON' };
    act(() => {
      usePlannerStore.getState().renameScenario('scenario-1', 'Renamed plan');
    });
    const held = await screen.findByRole('region', { name: 'Saved data that could not be read' });
    expect(held).toHaveTextContent(
      'The data saved in this browser (written since this page opened) could not be read: the saved data is not valid JSON.',
    );
    expect(storage.writes).toEqual([]);
    await userEvent.click(within(held).getByRole('button', { name: 'Keep aside and continue' }));
    await vi.waitFor(() => expect(storage.writes.at(-1)?.library[0]?.scenario.name).toBe('Renamed plan'));
  });

  it('says which scenarios shared an id and opened under a new one', async () => {
    const first = makeScenario('First plan');
    storage.saved = {
      kind: 'loaded',
      state: {
        library: [
          { id: 'scenario-1', scenario: first },
          { id: 'scenario-2', scenario: makeScenario('Second plan') },
        ],
        activeId: 'scenario-1',
        ui: { theme: 'light', priceUnit: 'per-million' },
      },
      revision: 1,
      dropped: [],
      repaired: [{ name: 'Second plan', sharedWith: 'First plan', oldId: 'scenario-1', newId: 'scenario-2' }],
      held: null,
      copies: [],
    };
    renderBoot();
    await screen.findByText('ready');
    expect(screen.getByRole('status')).toHaveTextContent(
      '“Second plan” had the same id as “First plan” (scenario-1) and now has its own (scenario-2). Both opened',
    );
    expect(usePlannerStore.getState().library).toHaveLength(2);
  });
});
