import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const idb = vi.hoisted(() => ({
  store: new Map<string, unknown>(),
  failSet: false,
  failGet: false,
  hang: false,
  /** Reject as idb-keyval does when a transaction aborts without an error: with `request.error`, null. */
  abortSet: false,
}));
vi.mock('idb-keyval', () => ({
  get: async (key: string) => {
    if (idb.hang) return new Promise(() => {});
    if (idb.failGet) throw new Error('IndexedDB is blocked');
    return idb.store.get(key);
  },
  update: async (key: string, updater: (old: unknown) => unknown) => {
    if (idb.failSet) throw new Error('QuotaExceededError');
    if (idb.abortSet) return Promise.reject(null);
    idb.store.set(key, updater(idb.store.get(key)));
  },
}));

const {
  PERSIST_VERSION,
  STORAGE_KEY,
  STORAGE_TIMEOUT_MS,
  UNREADABLE_KEY,
  decodePersisted,
  decodeStoredValue,
  deleteUnreadableCopy,
  encodePersisted,
  isSameStoredValue,
  keepUnreadableCopy,
  loadPersisted,
  migrations,
  readStoredBytes,
  readUnreadableCopies,
  repairDuplicateIds,
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
  idb.abortSet = false;
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
    expect(decoded).toEqual({ ok: true, state, revision: 0, dropped: [], repaired: [] });
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
    const text = encodePersisted(state, 1);
    expect(outcome).toEqual({
      saved: { revision: 1, library: state.library, text },
      merged: false,
      conflicts: [],
      held: null,
    });
    expect(await loadPersisted()).toEqual({
      kind: 'loaded',
      state,
      revision: 1,
      dropped: [],
      repaired: [],
      held: null,
      copies: [],
      text,
    });
  });

  it('writes nothing when the saved data cannot be read, and holds it with its reason', async () => {
    idb.store.set(STORAGE_KEY, '{"version": 1, "scenario": 42}');
    const outcome = await loadPersisted();
    expect(outcome).toEqual({
      kind: 'unreadable',
      held: {
        value: '{"version": 1, "scenario": 42}',
        reason: expect.stringContaining('no saved scenario could be opened') as string,
      },
      copies: [],
    });
    expect(idb.store.get(STORAGE_KEY)).toBe('{"version": 1, "scenario": 42}');
    expect(idb.store.has(UNREADABLE_KEY)).toBe(false);
  });

  it('opens the readable scenarios of a partly readable save and holds the whole save', async () => {
    const good = JSON.parse(serializeScenario(smallScenario())) as unknown;
    const text = JSON.stringify({
      version: 3,
      revision: 2,
      library: [
        { id: 'a', scenario: good },
        { id: 'b', scenario: { schemaVersion: 3, name: 'Broken' } },
      ],
      activeId: 'b',
      ui: { theme: 'light', priceUnit: 'per-million' },
    });
    idb.store.set(STORAGE_KEY, text);
    const outcome = await loadPersisted();
    if (outcome.kind !== 'loaded') throw new Error(outcome.kind);
    expect(outcome.state.library.map((e) => [e.id, e.scenario.name])).toEqual([['a', 'Small test scenario']]);
    expect(outcome.state.activeId).toBe('a');
    expect(outcome.dropped).toHaveLength(1);
    expect(outcome.dropped[0]).toMatch(/^b \(“Broken”\): .*catalog: is required/);
    expect(outcome.held).toEqual({
      value: text,
      reason: `1 saved scenario could not be opened: ${outcome.dropped[0]}`,
    });
  });

  it('never saves over held data unless it is the value the user chose to replace', async () => {
    const bytes = new Uint8Array([0, 255, 123, 125]);
    idb.store.set(STORAGE_KEY, bytes);
    const refused = await savePersisted(libraryState(), FRESH);
    expect(refused).toEqual({
      saved: FRESH,
      merged: false,
      conflicts: [],
      held: { value: bytes, reason: 'the saved data is binary (4 bytes), not text' },
    });
    expect(idb.store.get(STORAGE_KEY)).toBe(bytes);

    // Another value than the one the user saw is still held.
    const other = await savePersisted(libraryState(), FRESH, {
      replacing: { value: new Uint8Array([1, 2, 3, 4]), reason: 'seen' },
    });
    expect(other.held?.value).toBe(bytes);
    expect(idb.store.get(STORAGE_KEY)).toBe(bytes);

    // The same bytes (as a fresh read gives them) may be replaced.
    const replaced = await savePersisted(libraryState(), FRESH, {
      replacing: { value: new Uint8Array([0, 255, 123, 125]), reason: 'seen' },
    });
    expect(replaced.held).toBeNull();
    expect(replaced.saved.revision).toBe(1);
    expect(typeof idb.store.get(STORAGE_KEY)).toBe('string');
  });

  it('keeps every unreadable copy aside with its exact value, binary included, until each is deleted', async () => {
    const first = new Blob([new Uint8Array([0, 255, 10])]);
    const second = new Uint8Array([137, 80, 78, 71]).buffer;
    await keepUnreadableCopy({ value: '{oops', reason: 'the saved data is not valid JSON' });
    await keepUnreadableCopy({ value: first, reason: 'the saved data is binary (3 bytes), not text' });
    // The same bytes are kept once, however they were read.
    await keepUnreadableCopy({ value: new Blob([new Uint8Array([0, 255, 10])]), reason: 'again' });
    const copies = await keepUnreadableCopy({ value: second, reason: 'binary (4 bytes)' });
    expect(copies.map((c) => [c.id, c.reason])).toEqual([
      ['copy-0', 'the saved data is not valid JSON'],
      ['copy-1', 'the saved data is binary (3 bytes), not text'],
      ['copy-2', 'binary (4 bytes)'],
    ]);
    const stored = idb.store.get(UNREADABLE_KEY) as { value: unknown; keptAt: string }[];
    expect(stored[0]!.value).toBe('{oops');
    expect(stored[1]!.value).toBe(first);
    expect(stored[2]!.value).toBe(second);
    expect(Number.isNaN(Date.parse(stored[1]!.keptAt))).toBe(false);
    expect([...(await readStoredBytes(copies[1]!.value))]).toEqual([0, 255, 10]);

    expect((await deleteUnreadableCopy('copy-0')).map((c) => c.id)).toEqual(['copy-1', 'copy-2']);
    const loaded = await loadPersisted();
    expect(loaded.kind === 'empty' && loaded.copies.map((c) => c.id)).toEqual(['copy-1', 'copy-2']);
  });

  it('reads the single copy earlier builds kept as the first of the list', async () => {
    idb.store.set(UNREADABLE_KEY, 'old damaged text');
    const copies = await keepUnreadableCopy({ value: '{oops', reason: 'the saved data is not valid JSON' });
    expect(copies.map((c) => c.value)).toEqual(['old damaged text', '{oops']);
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

  it('names an aborted transaction instead of printing "(null)"', async () => {
    idb.abortSet = true;
    await expect(savePersisted(libraryState(), FRESH)).rejects.toThrow(
      'changes could not be saved in this browser (the browser aborted the storage transaction)',
    );
  });
});

describe('repairing saved data', () => {
  const a = () => smallScenario();
  const named = (name: string) => ({ ...smallScenario(), name });

  it('gives the second scenario of an id the first free id and reports it, dropping none', () => {
    const first = { id: 'scenario-1', scenario: named('First') };
    const second = { id: 'scenario-1', scenario: named('Second') };
    const third = { id: 'scenario-2', scenario: named('Third') };
    expect(repairDuplicateIds([first, second, third])).toEqual({
      // scenario-1 and scenario-2 are taken, so the second "scenario-1" becomes scenario-3.
      library: [first, { id: 'scenario-3', scenario: second.scenario }, third],
      repaired: [{ name: 'Second', sharedWith: 'First', oldId: 'scenario-1', newId: 'scenario-3' }],
    });
    // Ids of entries that did not open are not handed out either.
    expect(repairDuplicateIds([first, second], ['scenario-2']).library.map((e) => e.id)).toEqual([
      'scenario-1',
      'scenario-3',
    ]);
    expect(repairDuplicateIds([first, third])).toEqual({ library: [first, third], repaired: [] });
  });

  it('opens both scenarios of a save holding one id twice, the second under a new id', () => {
    const scenario = JSON.parse(serializeScenario(a())) as Record<string, unknown>;
    const decoded = decodePersisted(
      JSON.stringify({
        version: 3,
        revision: 7,
        library: [
          { id: 'x', scenario: { ...scenario, name: 'One' } },
          { id: 'x', scenario: { ...scenario, name: 'Two' } },
        ],
        activeId: 'x',
        ui: { theme: 'dark', priceUnit: 'per-million' },
      }),
    );
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.state.library.map((e) => [e.id, e.scenario.name])).toEqual([
      ['x', 'One'],
      ['scenario-1', 'Two'],
    ]);
    expect(decoded.state.activeId).toBe('x');
    expect(decoded.repaired).toEqual([{ name: 'Two', sharedWith: 'One', oldId: 'x', newId: 'scenario-1' }]);
    expect(decoded.dropped).toEqual([]);
  });

  it('compares stored values by their text or bytes, whatever kind of buffer holds the bytes', () => {
    expect(isSameStoredValue('{oops', '{oops')).toBe(true);
    expect(isSameStoredValue('{oops', '{oops ')).toBe(false);
    expect(isSameStoredValue(new Uint8Array([1, 2]).buffer, new Uint8Array([1, 2]))).toBe(true);
    expect(isSameStoredValue(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    // A view on part of a buffer compares only its own bytes.
    expect(isSameStoredValue(new Uint8Array([9, 1, 2, 9]).subarray(1, 3), new Uint8Array([1, 2]))).toBe(true);
    // Text is never the same as bytes, even bytes spelling the same text.
    expect(isSameStoredValue('ab', new TextEncoder().encode('ab'))).toBe(false);
    // A Blob cannot be read inside a transaction: size and type stand for its bytes.
    expect(isSameStoredValue(new Blob(['ab']), new Blob(['ab']))).toBe(true);
    expect(isSameStoredValue(new Blob(['ab']), new Blob(['abc']))).toBe(false);
    expect(isSameStoredValue(new Blob(['ab']), new Uint8Array([97, 98]))).toBe(false);
  });

  it('says what a stored value that is not text is', () => {
    expect(decodeStoredValue(new Uint8Array([1, 2, 3]))).toEqual({
      ok: false,
      message: 'the saved data is binary (3 bytes), not text',
    });
    expect(decodeStoredValue(new Blob(['{}']))).toEqual({
      ok: false,
      message: 'the saved data is binary (2 bytes), not text',
    });
    expect(decodeStoredValue({ version: 3 })).toEqual({
      ok: false,
      message: 'the saved data is not text (it is an object)',
    });
  });

  it('reads the list of kept copies earlier builds wrote (text under `text`) exactly', () => {
    const old = JSON.parse(readFixture('unreadable-copies-text.json')) as unknown;
    expect(readUnreadableCopies(old)).toEqual([
      {
        id: 'copy-0',
        keptAt: '2026-11-30T09:15:00.000Z',
        reason: 'the saved data is not valid JSON',
        value: '{oops',
      },
      {
        id: 'copy-1',
        keptAt: '2026-12-01T17:40:12.500Z',
        reason: 'the saved data is from a newer version of the planner (version 4)',
        value: '{"version": 4, "library": []}',
      },
    ]);
    expect(readUnreadableCopies('bare text')).toEqual([
      { id: 'copy-0', keptAt: '', reason: 'kept by an earlier version of the planner', value: 'bare text' },
    ]);
    // A list this build cannot read is itself kept as one copy, as it is.
    expect(readUnreadableCopies({ odd: true })).toEqual([
      { id: 'copy-0', keptAt: '', reason: 'the list of kept copies was unreadable', value: { odd: true } },
    ]);
  });
});
