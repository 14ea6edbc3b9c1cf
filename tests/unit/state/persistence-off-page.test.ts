import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../../src/domain/scenario-schema';

const idb = vi.hoisted(() => ({ store: new Map<string, unknown>() }));
vi.mock('idb-keyval', async () => (await import('../../factories/fake-idb-keyval')).fakeIdbKeyval(idb));

const {
  OFF_PAGE_DECODE_CHARS,
  STORAGE_KEY,
  decodePersisted,
  encodePersisted,
  loadNewerLibrary,
  loadPersisted,
  savePersisted,
} = await import('../../../src/state/persistence');
const { adoptDecoded, decodeForTransfer } = await import('../../../src/io/persisted-transfer');
const { validateScenario } = await import('../../../src/domain/validate-scenario');
const { makeSmallScenario } = await import('../../factories/small-scenario');
const { makeLargeCatalogScenario } = await import('../../factories/large-catalog');

type Entry = { id: string; scenario: Scenario };

function valid(input: unknown) {
  const validated = validateScenario(input);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return validated.value;
}

function small(name: string): Entry['scenario'] {
  return valid({ ...makeSmallScenario(), name });
}

/** A scenario whose catalog is large enough that a library holding it is decoded off the page. */
const large = (() => {
  const perModel = JSON.stringify(valid(makeLargeCatalogScenario(200)).catalog).length / 200;
  return valid({
    ...makeLargeCatalogScenario(Math.ceil((OFF_PAGE_DECODE_CHARS * 1.1) / perModel)),
    name: 'Large',
  });
})();

const ui = { theme: 'light' as const, priceUnit: 'per-million' as const };
const names = (library: readonly Entry[]) => library.map((e) => `${e.id}:${e.scenario.name}`);

/** Another tab's save of `library` at `revision`. */
function store(library: Entry[], revision: number): string {
  const text = encodePersisted({ library, activeId: library[0]!.id, ui }, revision);
  idb.store.set(STORAGE_KEY, text);
  return text;
}

/** The worker's path without the thread: decoded, copied as postMessage copies, adopted. */
async function workerPath(text: string) {
  return adoptDecoded(structuredClone(decodeForTransfer(text))) ?? decodePersisted(text);
}

beforeEach(() => idb.store.clear());

describe('a long save is decoded off the page', () => {
  it('opens a long save through the decoder exactly as on the page; a short one never reaches it', async () => {
    const text = store(
      [
        { id: 'big', scenario: large },
        { id: 'small', scenario: small('Small') },
      ],
      5,
    );
    expect(text.length).toBeGreaterThanOrEqual(OFF_PAGE_DECODE_CHARS);
    const decoder = vi.fn(workerPath);
    const offPage = await loadPersisted(decoder);
    expect(decoder).toHaveBeenCalledTimes(1);
    expect(decoder).toHaveBeenCalledWith(text);
    expect(offPage).toEqual(await loadPersisted());
    expect(offPage.kind === 'loaded' && [offPage.revision, names(offPage.state.library)]).toEqual([
      5,
      ['big:Large', 'small:Small'],
    ]);

    store([{ id: 'small', scenario: small('Small') }], 6);
    const shortDecoder = vi.fn(workerPath);
    expect((await loadPersisted(shortDecoder)).kind).toBe('loaded');
    expect(shortDecoder).not.toHaveBeenCalled();
  });

  it('holds a long save with a scenario that does not open, untouched, as on the page', async () => {
    const text = store([{ id: 'big', scenario: large }], 3).replace(
      '"library":[',
      '"library":[{"id":"broken","scenario":{"name":"Broken"}},',
    );
    idb.store.set(STORAGE_KEY, text);
    const loaded = await loadPersisted(workerPath);
    expect(loaded).toEqual(await loadPersisted());
    expect(loaded.kind === 'loaded' && loaded.held?.value).toBe(text);
    const saved = await savePersisted(
      { library: [{ id: 'x', scenario: small('Mine') }], activeId: 'x', ui },
      {
        revision: 0,
        library: [],
      },
      { decoder: workerPath },
    );
    expect(saved.held?.value).toBe(text);
    expect(idb.store.get(STORAGE_KEY)).toBe(text);
  });

  it('reads another tab’s long save through the decoder', async () => {
    const base = { revision: 1, library: [] };
    store([{ id: 'big', scenario: large }], 2);
    const decoder = vi.fn(workerPath);
    const newer = await loadNewerLibrary(base, decoder);
    expect(decoder).toHaveBeenCalledTimes(1);
    expect(newer).toEqual(await loadNewerLibrary(base));
    expect(newer?.revision).toBe(2);
  });
});

describe('a save merged with another tab’s long save', () => {
  const mine = { id: 'mine', scenario: small('Mine') };
  const big = { id: 'big', scenario: large };
  const opened = () => ({ revision: 1, library: [big], text: store([big], 1) });

  it('merges as on the page, the decode made outside the transaction', async () => {
    const results = [];
    for (const decoder of [workerPath, undefined]) {
      idb.store.clear();
      const base = opened();
      store([big, { id: 'theirs', scenario: small('Theirs') }], 2);
      const outcome = await savePersisted({ library: [big, mine], activeId: 'mine', ui }, base, { decoder });
      results.push({ outcome, stored: idb.store.get(STORAGE_KEY) });
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]!.outcome.merged).toBe(true);
    expect(names(results[0]!.outcome.saved.library)).toEqual(['big:Large', 'theirs:Theirs', 'mine:Mine']);
    expect(results[0]!.outcome.saved.revision).toBe(3);
  });

  it('decodes again when yet another save lands while it decodes, and loses none of them', async () => {
    const base = opened();
    store([big, { id: 'theirs', scenario: small('Theirs') }], 2);
    let calls = 0;
    const decoder = vi.fn(async (text: string) => {
      calls += 1;
      // The other tab saves again while the first decode runs.
      if (calls === 1)
        store([big, { id: 'theirs', scenario: small('Theirs') }, { id: 'late', scenario: small('Late') }], 3);
      return workerPath(text);
    });
    const outcome = await savePersisted({ library: [big, mine], activeId: 'mine', ui }, base, { decoder });
    expect(decoder).toHaveBeenCalledTimes(2);
    expect(names(outcome.saved.library)).toEqual(['big:Large', 'theirs:Theirs', 'late:Late', 'mine:Mine']);
    expect(outcome.saved.revision).toBe(4);
    expect(idb.store.get(STORAGE_KEY)).toBe(outcome.saved.text);
  });

  it('decodes on the page after three rounds of new saves, so a save always ends', async () => {
    const base = opened();
    store([big], 2);
    let revision = 2;
    const decoder = vi.fn(async (text: string) => {
      revision += 1;
      store([big, { id: `tab-${revision}`, scenario: small(`Save ${revision}`) }], revision);
      return workerPath(text);
    });
    const outcome = await savePersisted({ library: [big, mine], activeId: 'mine', ui }, base, { decoder });
    expect(decoder).toHaveBeenCalledTimes(3);
    expect(names(outcome.saved.library)).toEqual(['big:Large', 'tab-5:Save 5', 'mine:Mine']);
    expect(outcome.saved.revision).toBe(6);
  });

  it('writes nothing and says so when the decoder fails', async () => {
    const base = opened();
    const theirs = store([big, { id: 'theirs', scenario: small('Theirs') }], 2);
    const decoder = () => Promise.reject(new Error('the saved-library reader failed'));
    await expect(
      savePersisted({ library: [big, mine], activeId: 'mine', ui }, base, { decoder }),
    ).rejects.toThrow('changes could not be saved in this browser (the saved-library reader failed)');
    expect(idb.store.get(STORAGE_KEY)).toBe(theirs);
  });
});
