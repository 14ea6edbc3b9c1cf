/**
 * Ordinary saves written by the save writer (src/workers/save-writer.ts, run in a worker in the browser): here
 * the writer runs on the same fake storage as the page's saves, so what it writes is what the page would have.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const idb = vi.hoisted(() => ({ store: new Map<string, unknown>(), reads: [] as string[], failSet: false }));
vi.mock('idb-keyval', async () => (await import('../../factories/fake-idb-keyval')).fakeIdbKeyval(idb));

const { REVISION_KEY, STORAGE_KEY, encodePersisted, encodePersistedParts, loadPersisted, savePersisted } =
  await import('../../../src/state/persistence');
const { BATCH_CHARS, PieceIds, sendSave, takePieces, writeSavedText } =
  await import('../../../src/workers/save-writer');
const { makeLibraryState } = await import('../../factories/saved-library');
const { makeLargeCatalogScenario } = await import('../../factories/large-catalog');
const { validateScenario } = await import('../../../src/domain/validate-scenario');

beforeEach(() => {
  idb.store.clear();
  idb.reads = [];
  idb.failSet = false;
});

/** A writer as the page's client drives the worker (`PieceIds`), writing on the same fake storage. */
function makeWriter() {
  const pieces = new Map<number, string>();
  const ids = new PieceIds();
  const sentPieces: string[][] = [];
  const write = vi.fn(async (expectedRevision: number, revision: number, parts: readonly string[]) => {
    const sent: string[] = [];
    sentPieces.push(sent);
    const api = {
      take: async (added: readonly (readonly [number, string])[]) => {
        sent.push(...added.map(([, text]) => text));
        takePieces(pieces, added);
      },
      write: async (request: Parameters<typeof writeSavedText>[1]) => {
        sent.push(...request.added.map(([, text]) => text));
        return writeSavedText(pieces, request);
      },
    };
    return sendSave(api, ids, { expectedRevision, revision, parts });
  });
  return { write, sentPieces, pieces };
}

/** A library of one 700-model scenario (runs of 256, 256 and 188 models) and one small one. */
function makeLargeState() {
  const large = validateScenario(makeLargeCatalogScenario(700));
  if (!large.ok) throw new Error('fixture invalid');
  const small = makeLibraryState();
  return { ...small, library: [{ id: 'large', scenario: large.value }, ...small.library] };
}

describe('ordinary saves written by the save writer', () => {
  it('writes exactly the text the page would, and then sends only the pieces an edit changed', async () => {
    const state = makeLargeState();
    const writer = makeWriter();
    const first = await savePersisted(
      state,
      { revision: 0, library: [], text: '' },
      { writer: writer.write },
    );
    // Storage held no revision (undefined ≠ 0): the writer wrote nothing and the page saved as before.
    expect(writer.write).toHaveBeenCalledTimes(1);
    expect(idb.store.get(STORAGE_KEY)).toBe(encodePersisted(state, 1));

    const second = await savePersisted(state, first.saved, { writer: writer.write });
    expect(second.saved.revision).toBe(2);
    expect(idb.store.get(REVISION_KEY)).toBe(2);
    expect(idb.store.get(STORAGE_KEY)).toBe(encodePersisted(state, 2));
    // The base it returns knows its text without having been handed the whole of it.
    expect(second.saved.text).toBe(encodePersisted(state, 2));
    expect(second).toMatchObject({ merged: false, conflicts: [], held: null });

    // One model of the second run edited: the writer is sent that run and the envelope's new revision.
    const [large, ...rest] = state.library;
    const catalog = large!.scenario.catalog.map((model, i) =>
      i === 300 ? { ...model, name: 'Edited' } : model,
    );
    const edited = { ...state, library: [{ ...large!, scenario: { ...large!.scenario, catalog } }, ...rest] };
    const third = await savePersisted(edited, second.saved, { writer: writer.write });
    expect(idb.store.get(STORAGE_KEY)).toBe(encodePersisted(edited, 3));
    const sent = writer.sentPieces.at(-1)!;
    expect(sent.some((piece) => piece.includes('"name":"Edited"'))).toBe(true);
    expect(sent.join('').length).toBeLessThan(encodePersisted(edited, 3).length / 2);
    // The writer keeps only the pieces of the save it last wrote.
    expect(writer.pieces.size).toBeLessThanOrEqual(encodePersistedParts(edited, 3).length);
    expect(await loadPersisted()).toMatchObject({
      kind: 'loaded',
      revision: 3,
      text: encodePersisted(edited, 3),
    });
    expect(third.saved.revision).toBe(3);
  });

  it('leaves a save another tab made to the page, which merges it', async () => {
    const state = makeLibraryState();
    const writer = makeWriter();
    const first = await savePersisted(state, { revision: 0, library: [] });
    // Another tab saves revision 5 meanwhile.
    const theirs = {
      ...state,
      library: [...state.library, { id: 'theirs', scenario: state.library[0]!.scenario }],
    };
    idb.store.set(STORAGE_KEY, encodePersisted(theirs, 5));
    idb.store.set(REVISION_KEY, 5);
    const outcome = await savePersisted(state, first.saved, { writer: writer.write });
    expect(await writer.write.mock.results[0]!.value).toBe('moved');
    expect(outcome.merged).toBe(true);
    expect(outcome.saved.revision).toBe(6);
    expect(outcome.saved.library.map((entry) => entry.id)).toContain('theirs');
    expect(idb.store.get(STORAGE_KEY)).toBe(encodePersisted({ ...state, library: outcome.saved.library }, 6));
  });

  it('saves on the page when the writer fails, and never writes over data held aside with it', async () => {
    const state = makeLibraryState();
    const first = await savePersisted(state, { revision: 0, library: [] });
    const failing = vi.fn(async () => {
      throw new Error('the save writer failed: it could not start');
    });
    const second = await savePersisted(state, first.saved, { writer: failing });
    expect(failing).toHaveBeenCalledTimes(1);
    expect(idb.store.get(STORAGE_KEY)).toBe(encodePersisted(state, 2));
    expect(second.saved.revision).toBe(2);

    const held = { value: 'held text', reason: 'unreadable' };
    const writer = makeWriter();
    await savePersisted(state, second.saved, { writer: writer.write, replacing: held });
    expect(writer.write).not.toHaveBeenCalled();
  });

  it('refuses a piece it was never sent, writing nothing', async () => {
    idb.store.set(REVISION_KEY, 1);
    await expect(
      writeSavedText(new Map(), { expectedRevision: 1, revision: 2, order: [0], added: [] }),
    ).rejects.toThrow('piece 0 of the saved text was never sent');
    expect(idb.store.get(REVISION_KEY)).toBe(1);
    expect(idb.store.has(STORAGE_KEY)).toBe(false);
  });

  it('hands a long save over in batches of about BATCH_CHARS, each before the next is made', async () => {
    idb.store.set(REVISION_KEY, 1);
    // Forty pieces, ten different texts of 100,000 characters among them (as a large library's first save sends
    // megabytes): the ten go in batches of three (300,000 ≥ BATCH_CHARS = 262,144) ahead of the write, the
    // tenth with it.
    const parts = Array.from({ length: 40 }, (_, i) => String(i % 10).repeat(100_000));
    const pieces = new Map<number, string>();
    const calls: string[] = [];
    const api = {
      take: async (added: readonly (readonly [number, string])[]) => {
        calls.push(`take ${added.length}`);
        expect(added.reduce((sum, [, text]) => sum + text.length, 0)).toBeLessThan(BATCH_CHARS + 100_000);
        takePieces(pieces, added);
      },
      write: async (request: Parameters<typeof writeSavedText>[1]) => {
        calls.push(`write ${request.added.length}`);
        return writeSavedText(pieces, request);
      },
    };
    const ids = new PieceIds();
    expect(await sendSave(api, ids, { expectedRevision: 1, revision: 2, parts })).toBe('written');
    expect(calls).toEqual(['take 3', 'take 3', 'take 3', 'write 1']);
    expect(idb.store.get(STORAGE_KEY)).toBe(parts.join(''));

    // Another piece of the same length: it alone is sent, with the write.
    calls.length = 0;
    const next = [...parts.slice(0, 39), 'x'.repeat(100_000)];
    expect(await sendSave(api, ids, { expectedRevision: 2, revision: 3, parts: next })).toBe('written');
    expect(calls).toEqual(['write 1']);
    expect(idb.store.get(STORAGE_KEY)).toBe(next.join(''));
    expect(pieces.size).toBe(11);
  });
});
