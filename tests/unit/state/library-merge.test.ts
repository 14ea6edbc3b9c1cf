import { beforeEach, describe, expect, it, vi } from 'vitest';

const idb = vi.hoisted(() => ({ store: new Map<string, unknown>() }));
vi.mock('idb-keyval', async () => (await import('../../factories/fake-idb-keyval')).fakeIdbKeyval(idb));

const { isSameLibrary, loadNewerLibrary, loadPersisted, mergeLibraries, savePersisted } =
  await import('../../../src/state/persistence');
const { validateScenario } = await import('../../../src/domain/validate-scenario');
const { makeSmallScenario } = await import('../../factories/small-scenario');
const { makeLargeCatalogScenario } = await import('../../factories/large-catalog');

function entry(id: string, name: string, requestsPerMonth = 1000) {
  const input = makeSmallScenario();
  input.name = name;
  input.traffic[0]!.requestsPerMonth = requestsPerMonth;
  const validated = validateScenario(input);
  if (!validated.ok) throw new Error('fixture invalid');
  return { id, scenario: validated.value };
}

const ui = { theme: 'light' as const, priceUnit: 'per-million' as const };
const names = (library: { id: string; scenario: { name: string } }[]) =>
  library.map((e) => `${e.id}:${e.scenario.name}`);

beforeEach(() => idb.store.clear());

describe('merging another tab’s newer save', () => {
  const a = entry('scenario-1', 'A');
  const b = entry('scenario-2', 'B');
  const base = [a, b];

  it('takes a scenario only the other tab changed, and keeps one only this tab changed', () => {
    const theirs = [entry('scenario-1', 'A', 2000), b];
    const mine = [a, entry('scenario-2', 'B', 3000)];
    const merged = mergeLibraries(base, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.library.map((e) => e.scenario.traffic[0]!.requestsPerMonth)).toEqual([2000, 3000]);
    // This tab's entries are kept as they are (same objects), so the open scenario keeps its history.
    expect(merged.library[1]).toBe(mine[1]);
  });

  it('keeps this tab’s edit of a scenario both changed, and names it', () => {
    const merged = mergeLibraries(base, [entry('scenario-1', 'A', 5), b], [entry('scenario-1', 'A', 7), b]);
    expect(merged.library[0]!.scenario.traffic[0]!.requestsPerMonth).toBe(5);
    expect(merged.conflicts).toEqual(['A']);
  });

  it('counts the same edit on both sides as no conflict', () => {
    const merged = mergeLibraries(base, [entry('scenario-1', 'A', 5), b], [entry('scenario-1', 'A', 5), b]);
    expect(merged.conflicts).toEqual([]);
  });

  it('takes additions and deletions from either side', () => {
    const shared = entry('scenario-3', 'Shared in the other tab');
    const mineAdded = entry('scenario-4', 'Imported here');
    const merged = mergeLibraries(base, [a, mineAdded], [a, b, shared]);
    // b deleted here (unchanged there) goes; the other tab's share link and this tab's import both stay.
    expect(names(merged.library)).toEqual([
      'scenario-1:A',
      'scenario-3:Shared in the other tab',
      'scenario-4:Imported here',
    ]);
    expect(names(mergeLibraries(base, base, [a]).library)).toEqual(['scenario-1:A']);
  });

  it('keeps an edited scenario the other side deleted, either way round', () => {
    const edited = entry('scenario-2', 'B', 9);
    expect(mergeLibraries(base, [a, edited], [a])).toEqual({
      library: [a, edited],
      conflicts: ['B'],
      conflictIds: ['scenario-2'],
    });
    expect(mergeLibraries(base, [a], [a, edited])).toEqual({
      library: [a, edited],
      conflicts: ['B'],
      conflictIds: ['scenario-2'],
    });
  });

  it('keeps both of two different scenarios added under one id, the stored one under a fresh id', () => {
    const merged = mergeLibraries(
      base,
      [a, b, entry('scenario-3', 'Mine')],
      [a, b, entry('scenario-3', 'Theirs')],
    );
    expect(names(merged.library)).toEqual([
      'scenario-1:A',
      'scenario-2:B',
      'scenario-3:Mine',
      'scenario-4:Theirs',
    ]);
    expect(merged.conflicts).toEqual([]);
  });

  it('compares scenarios by content, not by key order', () => {
    const reordered = {
      id: a.id,
      scenario: Object.fromEntries(Object.entries(a.scenario).reverse()) as typeof a.scenario,
    };
    expect(isSameLibrary([a], [reordered])).toBe(true);
    expect(isSameLibrary([a], [entry('scenario-1', 'A', 2)])).toBe(false);
  });

  it('compares a long catalog piece by piece: a changed model anywhere differs, a copy of the same models does not', () => {
    // 700 models are written in runs of 256, 256 and 188: the edits land in each run, and at a run's edge.
    const large = validateScenario(makeLargeCatalogScenario(700));
    if (!large.ok) throw new Error('fixture invalid');
    const original = { id: 'scenario-1', scenario: large.value };
    const withCatalog = (catalog: typeof large.value.catalog) => ({
      id: 'scenario-1',
      scenario: { ...large.value, catalog },
    });
    for (const at of [0, 255, 256, 600, 699]) {
      const catalog = large.value.catalog.map((model, i) => (i === at ? { ...model, quality: 1 } : model));
      expect(isSameLibrary([original], [withCatalog(catalog)])).toBe(false);
    }
    // Every model a new object with the same figures: the same text.
    const copied = withCatalog(large.value.catalog.map((model) => structuredClone(model)));
    expect(isSameLibrary([original], [copied])).toBe(true);
    expect(isSameLibrary([original], [withCatalog(large.value.catalog.slice(0, 699))])).toBe(false);
  });
});

describe('saving over a newer save', () => {
  it('merges rather than overwrites, and the revision only grows', async () => {
    const a = entry('scenario-1', 'A');
    // Both tabs open revision 1.
    const first = await savePersisted(
      { library: [a], activeId: 'scenario-1', ui },
      { revision: 0, library: [] },
    );
    const tabBase = first.saved;
    // The other tab adds a shared scenario (revision 2).
    await savePersisted({ library: [a, entry('scenario-2', 'Shared')], activeId: 'scenario-2', ui }, tabBase);
    expect(await loadNewerLibrary(tabBase)).toEqual(expect.objectContaining({ revision: 2 }));
    // This tab, still on revision 1, saves its edit of A.
    const outcome = await savePersisted(
      { library: [entry('scenario-1', 'A', 4242)], activeId: 'scenario-1', ui },
      tabBase,
    );
    expect(outcome.merged).toBe(true);
    expect(outcome.saved.revision).toBe(3);
    const loaded = await loadPersisted();
    expect(loaded.kind === 'loaded' && names(loaded.state.library)).toEqual([
      'scenario-1:A',
      'scenario-2:Shared',
    ]);
    expect(loaded.kind === 'loaded' && loaded.state.library[0]!.scenario.traffic[0]!.requestsPerMonth).toBe(
      4242,
    );
    expect(await loadNewerLibrary(outcome.saved)).toBeNull();
  });
});
