import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const idb = vi.hoisted(() => ({
  store: new Map<string, unknown>(),
  failSet: false,
  failGet: false,
  hang: false,
}));
vi.mock('idb-keyval', () => ({
  get: async (key: string) => {
    if (idb.hang) return new Promise(() => {});
    if (idb.failGet) throw new Error('IndexedDB is blocked');
    return idb.store.get(key);
  },
  update: async (key: string, updater: (old: unknown) => unknown) => {
    if (idb.failSet) throw new Error('QuotaExceededError');
    idb.store.set(key, updater(idb.store.get(key)));
  },
}));

const {
  PERSIST_VERSION,
  STORAGE_KEY,
  STORAGE_TIMEOUT_MS,
  UNREADABLE_KEY,
  decodePersisted,
  dismissUnreadableCopy,
  encodePersisted,
  loadPersisted,
  migrations,
  savePersisted,
} = await import('../../../src/state/persistence');
const { validateScenario } = await import('../../../src/domain/validate-scenario');
const { makeSmallScenario } = await import('../../factories/small-scenario');
const { serializeScenario } = await import('../../../src/io/scenario-file');

function smallScenario() {
  const validated = validateScenario(makeSmallScenario());
  if (!validated.ok) throw new Error('fixture invalid');
  return validated.value;
}

function libraryState() {
  return {
    library: [
      { id: 'scenario-1', scenario: smallScenario() },
      { id: 'scenario-2', scenario: { ...smallScenario(), name: 'Second' } },
    ],
    activeId: 'scenario-2',
    ui: { theme: 'light' as 'light' | 'dark', priceUnit: 'per-million' as 'per-million' | 'per-thousand' },
  };
}

beforeEach(() => {
  idb.store.clear();
  idb.failSet = false;
  idb.failGet = false;
  idb.hang = false;
});

const FRESH = { revision: 0, library: [] };

function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/persisted/${name}`, import.meta.url), 'utf8');
}

describe('saved state', () => {
  it('round-trips through encode and decode', () => {
    const state = libraryState();
    state.ui = { theme: 'dark', priceUnit: 'per-thousand' };
    const decoded = decodePersisted(encodePersisted(state));
    expect(decoded).toEqual({ ok: true, state, revision: 0, dropped: [] });
  });

  it('keeps a scenario’s display currency through a save, and opens saves without one in USD', () => {
    const state = libraryState();
    const euro = {
      ...smallScenario(),
      displayCurrency: { currency: 'EUR' as const, perUsd: 0.92, setOn: '2026-12-02' },
    };
    state.library[1] = { id: 'scenario-2', scenario: euro };
    const decoded = decodePersisted(encodePersisted(state));
    expect(decoded.ok && decoded.state.library[1]?.scenario.displayCurrency).toEqual(euro.displayCurrency);
    expect(decoded.ok && decoded.state.library[0]?.scenario.displayCurrency).toBeUndefined();
    for (const name of ['v1.json', 'v2.json', 'v3.json']) {
      const old = decodePersisted(readFixture(name));
      expect(
        old.ok && old.state.library.every((entry) => entry.scenario.displayCurrency === undefined),
        name,
      ).toBe(true);
    }
  });

  it('keeps ids such as __proto__ through a save', () => {
    const input = makeSmallScenario();
    input.traffic[0]!.id = '__proto__';
    const validated = validateScenario(input);
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    const decoded = decodePersisted(
      encodePersisted({
        library: [{ id: 'a', scenario: validated.value }],
        activeId: 'a',
        ui: { theme: 'light', priceUnit: 'per-million' },
      }),
    );
    expect(decoded.ok && decoded.state.library[0]?.scenario.traffic[0]?.id).toBe('__proto__');
    expect(({} as Record<string, unknown>)['requestsPerMonth']).toBeUndefined();
  });

  it('refuses data from a newer version, without a version, or not JSON, saying why', () => {
    expect(decodePersisted('{"version": 99, "scenario": {}}')).toEqual({
      ok: false,
      message: 'the saved data is from a newer version of the planner (version 99)',
    });
    expect(decodePersisted('{"scenario": {}}')).toEqual({
      ok: false,
      message: 'the saved data has no version',
    });
    expect(decodePersisted('{oops')).toEqual({ ok: false, message: 'the saved data is not valid JSON' });
    const invalid = decodePersisted(
      JSON.stringify({ version: PERSIST_VERSION, library: [{ id: 'x', scenario: { schemaVersion: 1 } }] }),
    );
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.message).toContain('catalog: is required');
  });

  it('has one migration per older version', () => {
    expect(migrations).toHaveLength(PERSIST_VERSION - 1);
  });

  it('opens every frozen fixture of an older version', () => {
    for (const name of ['v1.json', 'v2.json', 'v2-ranges.json', 'v3.json']) {
      const decoded = decodePersisted(readFixture(name));
      expect(decoded.ok, name).toBe(true);
    }
  });

  it('migrates version 1 to 2 exactly: the one scenario becomes a library of one', () => {
    const v1 = JSON.parse(readFixture('v1.json')) as Record<string, unknown>;
    expect(migrations[0]!(v1)).toEqual({
      version: 2,
      library: [{ id: 'scenario-1', scenario: v1['scenario'] }],
      activeId: 'scenario-1',
      ui: { theme: 'light', priceUnit: 'per-million' },
    });
  });

  it('migrates version 2 to 3 exactly: revision 0, scenarios (ranges included) untouched', () => {
    for (const name of ['v2.json', 'v2-ranges.json']) {
      const v2 = JSON.parse(readFixture(name)) as Record<string, unknown>;
      expect(migrations[1]!(v2), name).toEqual({
        version: 3,
        revision: 0,
        library: v2['library'],
        activeId: v2['activeId'],
        ui: v2['ui'],
      });
    }
  });

  it('opens version 2 ranges, written beside the fields, as the same scenario', () => {
    const decoded = decodePersisted(readFixture('v2-ranges.json'));
    if (!decoded.ok) throw new Error(decoded.message);
    const slice = decoded.state.library[0]!.scenario.traffic[0]!;
    expect(slice.requestsPerMonth).toBe(1_000_000);
    expect(slice.ranges?.requestsPerMonth).toEqual({ low: 500_000, high: 2_000_000 });
    expect(decoded.state.library[0]!.scenario.finance.ranges?.cashOnHand).toEqual({
      low: 80_000,
      high: 120_000,
    });
  });

  it('saves scenarios with the scenario file’s field names (ranges written in place of the number)', () => {
    const decoded = decodePersisted(readFixture('v2-ranges.json'));
    if (!decoded.ok) throw new Error(decoded.message);
    const envelope = JSON.parse(encodePersisted(decoded.state, 4)) as {
      revision: number;
      library: { id: string; scenario: unknown }[];
    };
    expect(envelope.revision).toBe(4);
    expect(envelope.library[0]!.scenario).toEqual(
      JSON.parse(serializeScenario(decoded.state.library[0]!.scenario)),
    );
    expect(JSON.stringify(envelope.library[0]!.scenario)).toContain(
      '"requestsPerMonth":{"low":500000,"likely":1000000,"high":2000000}',
    );
    const again = decodePersisted(encodePersisted(decoded.state, 4));
    expect(again.ok && again.state).toEqual(decoded.state);
  });
});

describe('loading and saving in IndexedDB', () => {
  it('reports nothing saved on first visit', async () => {
    expect(await loadPersisted()).toEqual({ kind: 'empty', copies: [] });
  });

  it('saves and loads the state with its revision', async () => {
    const state = libraryState();
    const outcome = await savePersisted(state, FRESH);
    expect(outcome).toEqual({
      saved: { revision: 1, library: state.library },
      merged: false,
      conflicts: [],
      copies: null,
    });
    expect(await loadPersisted()).toEqual({
      kind: 'loaded',
      state,
      revision: 1,
      dropped: [],
      copies: [],
    });
  });

  it('keeps an unreadable copy aside, with its date and reason, and reports it', async () => {
    idb.store.set(STORAGE_KEY, '{"version": 1, "scenario": 42}');
    const outcome = await loadPersisted();
    expect(outcome.kind).toBe('unreadable');
    const kept = idb.store.get(UNREADABLE_KEY) as { text: string; reason: string; keptAt: string }[];
    expect(kept).toHaveLength(1);
    expect(kept[0]!.text).toBe('{"version": 1, "scenario": 42}');
    expect(kept[0]!.reason).toContain('no saved scenario could be opened');
    expect(Number.isNaN(Date.parse(kept[0]!.keptAt))).toBe(false);
    // The original is not deleted either.
    expect(idb.store.get(STORAGE_KEY)).toBe('{"version": 1, "scenario": 42}');
  });

  it('keeps every unreadable copy, not only the last, until each is dismissed', async () => {
    idb.store.set(STORAGE_KEY, '{oops');
    await loadPersisted();
    // Loading the same damaged save again keeps it once.
    await loadPersisted();
    await savePersisted(libraryState(), FRESH);
    idb.store.set(STORAGE_KEY, '{"version": 99}');
    const second = await loadPersisted();
    expect(second.kind === 'unreadable' && second.copies.map((c) => [c.id, c.text, c.reason])).toEqual([
      ['copy-0', '{oops', 'the saved data is not valid JSON'],
      ['copy-1', '{"version": 99}', 'the saved data is from a newer version of the planner (version 99)'],
    ]);
    expect(await dismissUnreadableCopy('copy-0')).toEqual([expect.objectContaining({ id: 'copy-1' })]);
    const third = await loadPersisted();
    expect(third.kind === 'unreadable' && third.copies.map((c) => c.id)).toEqual(['copy-1']);
  });

  it('reads the single copy earlier builds kept as the first of the list', async () => {
    idb.store.set(UNREADABLE_KEY, 'old damaged text');
    idb.store.set(STORAGE_KEY, '{oops');
    const outcome = await loadPersisted();
    expect(outcome.kind === 'unreadable' && outcome.copies.map((c) => c.text)).toEqual([
      'old damaged text',
      '{oops',
    ]);
  });

  it('keeps a damaged save aside when a save replaces it', async () => {
    idb.store.set(STORAGE_KEY, '{damaged');
    const outcome = await savePersisted(libraryState(), FRESH);
    expect(outcome.copies?.map((c) => c.text)).toEqual(['{damaged']);
  });

  it('says storage did not answer after STORAGE_TIMEOUT_MS instead of waiting forever', async () => {
    vi.useFakeTimers();
    try {
      idb.hang = true;
      const loading = loadPersisted();
      await vi.advanceTimersByTimeAsync(STORAGE_TIMEOUT_MS);
      expect(await loading).toEqual({
        kind: 'no-answer',
        message: "this browser's storage did not answer within 4 seconds",
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('turns storage failures into messages', async () => {
    idb.failGet = true;
    expect(await loadPersisted()).toEqual({
      kind: 'storage-error',
      message: 'saved data could not be opened (IndexedDB is blocked)',
    });
    idb.failSet = true;
    await expect(savePersisted(libraryState(), FRESH)).rejects.toThrow(
      'changes could not be saved in this browser (QuotaExceededError)',
    );
  });
});
