/**
 * The save a page writes as it closes with an edit not yet saved (src/state/closing-save.ts), and how the next
 * page restores it over what storage holds then.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const idb = vi.hoisted(() => ({ store: new Map<string, unknown>() }));
vi.mock('idb-keyval', async () => (await import('../../factories/fake-idb-keyval')).fakeIdbKeyval(idb));

const {
  CLOSING_KEY_PREFIX,
  deleteClosingSaves,
  makeClosingSave,
  readClosingSaves,
  restoreClosingSaves,
  writeClosingSave,
} = await import('../../../src/state/closing-save');
const { makeLibraryState } = await import('../../factories/saved-library');
import type { LibraryEntry, PersistedState } from '../../../src/io/persisted-envelope';
import type { OpenedClosingSave } from '../../../src/state/closing-save';

/** `entry` with its first slice's monthly requests set to `requests`: an edit of that scenario. */
function edited(entry: LibraryEntry, requests: number): LibraryEntry {
  const [first, ...rest] = entry.scenario.traffic;
  return {
    id: entry.id,
    scenario: { ...entry.scenario, traffic: [{ ...first!, requestsPerMonth: requests }, ...rest] },
  };
}

const requestsOf = (state: PersistedState) =>
  state.library.map((entry) => `${entry.id}:${entry.scenario.traffic[0]!.requestsPerMonth}`);

/** A map-backed local storage; `limit` characters in all, as a browser's quota. */
function makeLocalStorage(limit = Infinity): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      const used = [...items].reduce((sum, [k, v]) => (k === key ? sum : sum + v.length), 0);
      if (used + value.length > limit) throw new DOMException('quota', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
}

/** A closing save as the next page opens it, from what the closing page held and its base. */
async function roundTrip(state: PersistedState, baseLibrary: LibraryEntry[], revision = 4) {
  const save = makeClosingSave(state, { revision, library: baseLibrary }, '2026-12-03T10:00:00.000Z');
  writeClosingSave(`${CLOSING_KEY_PREFIX}page`, save);
  await Promise.resolve();
  const { saves } = await readClosingSaves();
  return saves;
}

beforeEach(() => {
  idb.store.clear();
  vi.stubGlobal('localStorage', makeLocalStorage());
  vi.stubGlobal('indexedDB', {});
});
afterEach(() => vi.unstubAllGlobals());

describe('what a closing page writes', () => {
  const base = makeLibraryState();

  it('holds the open scenario and settings alone when no scenario changed', async () => {
    const ui = { theme: 'dark' as const, priceUnit: 'per-million' as const, summaryCollapsed: true };
    const saves = await roundTrip({ ...base, activeId: 'scenario-1', ui }, base.library);
    expect(saves[0]).toMatchObject({ mine: [], was: [], activeId: 'scenario-1', ui });
    const { state } = restoreClosingSaves(base, saves);
    expect(state).toEqual({ library: base.library, activeId: 'scenario-1', ui });
  });

  it('holds the scenarios changed since the base, and the base’s copies of them', async () => {
    const state = { ...base, library: [base.library[0]!, edited(base.library[1]!, 7000)] };
    const [save] = await roundTrip(state, base.library);
    expect(save!.ids).toEqual(['scenario-1', 'scenario-2']);
    expect(save!.mine.map((entry) => entry.id)).toEqual(['scenario-2']);
    expect(save!.mine[0]!.scenario.traffic[0]!.requestsPerMonth).toBe(7000);
    expect(save!.was.map((entry) => entry.scenario.traffic[0]!.requestsPerMonth)).toEqual([
      base.library[1]!.scenario.traffic[0]!.requestsPerMonth,
    ]);
    expect(save!.activeId).toBe('scenario-2');
    expect(save!.ui).toEqual({ theme: 'light', priceUnit: 'per-million' });
  });

  it('goes to IndexedDB when local storage is full, and is deleted from wherever it is', async () => {
    vi.stubGlobal('localStorage', makeLocalStorage(100));
    const state = { ...base, library: [edited(base.library[0]!, 9000), base.library[1]!] };
    const saves = await roundTrip(state, base.library);
    expect(saves).toHaveLength(1);
    expect([...idb.store.keys()]).toEqual([`${CLOSING_KEY_PREFIX}page`]);
    await deleteClosingSaves([`${CLOSING_KEY_PREFIX}page`]);
    expect(await readClosingSaves()).toEqual({ saves: [], keys: [] });
  });

  it('is not restored when damaged, but its key is listed to be deleted', async () => {
    localStorage.setItem(`${CLOSING_KEY_PREFIX}damaged`, '{"version":1,"mine":');
    idb.store.set(`${CLOSING_KEY_PREFIX}newer`, { version: 2 });
    const read = await readClosingSaves();
    expect(read.saves).toEqual([]);
    expect(read.keys.sort()).toEqual([`${CLOSING_KEY_PREFIX}damaged`, `${CLOSING_KEY_PREFIX}newer`]);
  });
});

describe('restoring a closing save over what storage holds', () => {
  const base = makeLibraryState();
  const [one, two] = base.library as [LibraryEntry, LibraryEntry];
  const initial = (entry: LibraryEntry) => entry.scenario.traffic[0]!.requestsPerMonth;

  async function closingEdit(state: PersistedState): Promise<OpenedClosingSave[]> {
    return roundTrip(state, base.library);
  }

  it('gives the closing page’s library when nothing was saved since its base', async () => {
    const saves = await closingEdit({ ...base, library: [one, edited(two, 7000)], activeId: 'scenario-1' });
    const { state, conflicts } = restoreClosingSaves(base, saves);
    expect(requestsOf(state)).toEqual([`scenario-1:${initial(one)}`, 'scenario-2:7000']);
    expect(state.activeId).toBe('scenario-1');
    expect(conflicts).toEqual([]);
  });

  it('keeps another tab’s later change to another scenario', async () => {
    const saves = await closingEdit({ ...base, library: [one, edited(two, 7000)] });
    const storedNow = { ...base, library: [edited(one, 1234), two] };
    const { state, conflicts } = restoreClosingSaves(storedNow, saves);
    expect(requestsOf(state)).toEqual(['scenario-1:1234', 'scenario-2:7000']);
    expect(conflicts).toEqual([]);
  });

  it('keeps the closing edit of a scenario another tab changed too, and names it', async () => {
    const saves = await closingEdit({ ...base, library: [one, edited(two, 7000)] });
    const storedNow = { ...base, library: [one, edited(two, 42)] };
    const { state, conflicts } = restoreClosingSaves(storedNow, saves);
    expect(requestsOf(state)).toEqual([`scenario-1:${initial(one)}`, 'scenario-2:7000']);
    expect(conflicts).toEqual(['Second']);
  });

  it('takes the closing page’s deletion, unless another tab edited that scenario meanwhile', async () => {
    const saves = await closingEdit({ ...base, library: [two], activeId: 'scenario-2' });
    expect(requestsOf(restoreClosingSaves(base, saves).state)).toEqual([`scenario-2:${initial(two)}`]);
    const storedNow = { ...base, library: [edited(one, 55), two] };
    const kept = restoreClosingSaves(storedNow, saves);
    expect(requestsOf(kept.state)).toEqual(['scenario-1:55', `scenario-2:${initial(two)}`]);
    expect(kept.conflicts).toEqual([base.library[0]!.scenario.name]);
  });

  it('gives the closing page’s library when storage held nothing', async () => {
    const save = makeClosingSave(base, { revision: 0, library: [] }, '2026-12-03T10:00:00.000Z');
    writeClosingSave(`${CLOSING_KEY_PREFIX}first`, save);
    const { saves } = await readClosingSaves();
    const { state } = restoreClosingSaves(null, saves);
    expect(requestsOf(state)).toEqual(requestsOf(base));
    expect(state.activeId).toBe('scenario-2');
  });
});
