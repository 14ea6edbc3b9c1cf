import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const idb = vi.hoisted(() => ({
  store: new Map<string, unknown>(),
  reads: [] as string[],
  failSet: false,
  failGet: false,
  hang: false,
  /** Reject as idb-keyval does when a transaction aborts without an error: with `request.error`, null. */
  abortSet: false,
}));
vi.mock('idb-keyval', async () => (await import('../../factories/fake-idb-keyval')).fakeIdbKeyval(idb));

const {
  REVISION_KEY,
  STORAGE_KEY,
  STORAGE_TIMEOUT_MS,
  UNREADABLE_KEY,
  decodeStoredValue,
  deleteUnreadableCopy,
  encodePersisted,
  isSameStoredValue,
  keepUnreadableCopy,
  loadPersisted,
  readStoredBytes,
  readUnreadableCopies,
  savePersisted,
} = await import('../../../src/state/persistence');
const { makeLibraryState, makeValidSmallScenario } = await import('../../factories/saved-library');
const { serializeScenario } = await import('../../../src/io/scenario-file');

beforeEach(() => {
  idb.store.clear();
  idb.reads = [];
  idb.failSet = false;
  idb.failGet = false;
  idb.hang = false;
  idb.abortSet = false;
});

const FRESH = { revision: 0, library: [] };

function readFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/persisted/${name}`, import.meta.url), 'utf8');
}

describe('loading and saving in IndexedDB', () => {
  it('reports nothing saved on first visit', async () => {
    expect(await loadPersisted()).toEqual({ kind: 'empty', copies: [] });
  });

  it('saves and loads the state with its revision', async () => {
    const state = makeLibraryState();
    const outcome = await savePersisted(state, FRESH);
    const text = encodePersisted(state, 1);
    expect(outcome).toEqual({
      saved: { revision: 1, library: state.library, text },
      merged: false,
      conflicts: [],
      conflictIds: [],
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
    const good = JSON.parse(serializeScenario(makeValidSmallScenario())) as unknown;
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
    const refused = await savePersisted(makeLibraryState(), FRESH);
    expect(refused).toEqual({
      saved: FRESH,
      merged: false,
      conflicts: [],
      conflictIds: [],
      held: { value: bytes, reason: 'the saved data is binary (4 bytes), not text' },
    });
    expect(idb.store.get(STORAGE_KEY)).toBe(bytes);

    // Another value than the one the user saw is still held.
    const other = await savePersisted(makeLibraryState(), FRESH, {
      replacing: { value: new Uint8Array([1, 2, 3, 4]), reason: 'seen' },
    });
    expect(other.held?.value).toBe(bytes);
    expect(idb.store.get(STORAGE_KEY)).toBe(bytes);

    // The same bytes (as a fresh read gives them) may be replaced.
    const replaced = await savePersisted(makeLibraryState(), FRESH, {
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

  it('saves over its own last save without reading it back, and reads what another build or tab wrote', async () => {
    const first = await savePersisted(makeLibraryState(), FRESH);
    expect(idb.store.get(REVISION_KEY)).toBe(1);
    // The next save is measured from revision 1, whose text this tab wrote: storage holds revision 1, so that
    // text is still there and only the revision is read.
    idb.reads = [];
    const second = await savePersisted(makeLibraryState(), first.saved);
    expect(idb.reads).toEqual([REVISION_KEY]);
    expect(second.saved.revision).toBe(2);
    expect(idb.store.get(REVISION_KEY)).toBe(2);
    expect(idb.store.get(STORAGE_KEY)).toBe(second.saved.text);
    // An older build's save (text without its revision beside it) is read, and its revision counted on from.
    idb.store.set(STORAGE_KEY, encodePersisted(makeLibraryState(), 7));
    idb.store.delete(REVISION_KEY);
    idb.reads = [];
    const third = await savePersisted(makeLibraryState(), second.saved);
    expect(idb.reads).toEqual([REVISION_KEY, STORAGE_KEY]);
    expect(third.saved.revision).toBe(8);
    expect(idb.store.get(REVISION_KEY)).toBe(8);
  });

  it('turns storage failures into messages', async () => {
    idb.failGet = true;
    expect(await loadPersisted()).toEqual({
      kind: 'storage-error',
      message: 'saved data could not be opened (IndexedDB is blocked)',
    });
    await expect(savePersisted(makeLibraryState(), FRESH)).rejects.toThrow(
      'changes could not be saved in this browser (IndexedDB is blocked)',
    );
    idb.failGet = false;
    idb.failSet = true;
    await expect(savePersisted(makeLibraryState(), FRESH)).rejects.toThrow(
      'changes could not be saved in this browser (QuotaExceededError)',
    );
  });

  it('names an aborted transaction instead of printing "(null)"', async () => {
    idb.abortSet = true;
    await expect(savePersisted(makeLibraryState(), FRESH)).rejects.toThrow(
      'changes could not be saved in this browser (the browser aborted the storage transaction)',
    );
  });
});

describe('stored values', () => {
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
