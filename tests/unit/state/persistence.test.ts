import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const idb = vi.hoisted(() => ({ store: new Map<string, unknown>(), failSet: false, failGet: false }));
vi.mock('idb-keyval', () => ({
  get: async (key: string) => {
    if (idb.failGet) throw new Error('IndexedDB is blocked');
    return idb.store.get(key);
  },
  set: async (key: string, value: unknown) => {
    if (idb.failSet) throw new Error('QuotaExceededError');
    idb.store.set(key, value);
  },
}));

const {
  PERSIST_VERSION,
  STORAGE_KEY,
  UNREADABLE_KEY,
  decodePersisted,
  encodePersisted,
  loadPersisted,
  migrations,
  savePersisted,
} = await import('../../../src/state/persistence');
const { validateScenario } = await import('../../../src/domain/validate-scenario');
const { makeSmallScenario } = await import('../../factories/small-scenario');

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
});

describe('saved state', () => {
  it('round-trips through encode and decode', () => {
    const state = libraryState();
    state.ui = { theme: 'dark', priceUnit: 'per-thousand' };
    const decoded = decodePersisted(encodePersisted(state));
    expect(decoded).toEqual({ ok: true, state, dropped: [] });
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
    for (let version = 1; version <= PERSIST_VERSION; version++) {
      const text = readFileSync(
        new URL(`../../fixtures/persisted/v${version}.json`, import.meta.url),
        'utf8',
      );
      const decoded = decodePersisted(text);
      expect(decoded.ok, `fixture v${version}`).toBe(true);
    }
  });
});

describe('loading and saving in IndexedDB', () => {
  it('reports nothing saved on first visit', async () => {
    expect(await loadPersisted()).toEqual({ kind: 'empty' });
  });

  it('saves and loads the state', async () => {
    const state = libraryState();
    await savePersisted(state);
    expect(await loadPersisted()).toEqual({ kind: 'loaded', state, dropped: [], unreadableCopy: null });
  });

  it('keeps an unreadable copy aside and reports it', async () => {
    idb.store.set(STORAGE_KEY, '{"version": 1, "scenario": 42}');
    const outcome = await loadPersisted();
    expect(outcome.kind).toBe('unreadable');
    expect(idb.store.get(UNREADABLE_KEY)).toBe('{"version": 1, "scenario": 42}');
    // The original is not deleted either.
    expect(idb.store.get(STORAGE_KEY)).toBe('{"version": 1, "scenario": 42}');
  });

  it('turns storage failures into messages', async () => {
    idb.failGet = true;
    expect(await loadPersisted()).toEqual({
      kind: 'storage-error',
      message: 'saved data could not be opened (IndexedDB is blocked)',
    });
    idb.failSet = true;
    await expect(savePersisted(libraryState())).rejects.toThrow(
      'changes could not be saved in this browser (QuotaExceededError)',
    );
  });
});
