/**
 * The save a page writes as it closes or reloads (`pagehide`) while an edit is still waiting to be saved, or its
 * save is still being written: the ordinary save (src/state/persistence.ts) reads storage before it writes, and
 * a closing page is gone before the read answers, so an edit made in the last quarter second before a reload
 * was lost. A closing save writes without reading, under a key of its own (`CLOSING_KEY_PREFIX` and the page's
 * id): in local storage, which writes at once, when it fits; otherwise in IndexedDB, in a transaction committed
 * at once (`IDBTransaction.commit`), which a closing page usually, not always, completes.
 *
 * It holds what this tab changed since its base (what it last loaded or wrote): the scenarios it changed or
 * added (`mine`), the base's copies of those it changed or deleted (`was`), and its library's order (`ids`),
 * each envelope written as an ordinary save writes one. The next page to open restores it with the ordinary
 * merge rule (`mergeLibraries`), measured from that base, whatever was saved meanwhile: a scenario only the
 * closed page changed takes its change; one another tab changed too keeps the closed page's edit and is
 * reported; one it deleted that another tab edited stays. The opening page then saves the result as an ordinary
 * save and deletes the closing saves it restored.
 */
import { delMany, getMany, keys } from 'idb-keyval';
import { z } from 'zod';
import type { DecodeResult, LibraryEntry, PersistedState } from '../io/persisted-envelope';
import { decodePersisted, uiSchema } from '../io/persisted-envelope';
import { savedStore } from '../io/saved-store';
import { OFF_PAGE_DECODE_CHARS, encodePersisted, mergeLibraries, sameScenario } from './persistence';
import type { OffPageDecoder, SyncBase } from './persistence';

/** The keys closing saves are stored under: this prefix and the id of the page that wrote it. */
export const CLOSING_KEY_PREFIX = 'llm-planner:closing:';

/** A closing save as stored. */
export type ClosingSave = {
  version: 1;
  /** When it was written (ISO 8601): closing saves are restored oldest first. */
  savedAt: string;
  /** The revision of the base it was measured from. */
  baseRevision: number;
  /** The ids of the closing page's library, in its order. */
  ids: string[];
  /** Its open scenario and settings. */
  activeId: string;
  ui: PersistedState['ui'];
  /** An envelope (`encodePersisted`) holding the scenarios it changed or added; null for none. */
  mine: string | null;
  /** An envelope holding the base's copies of the scenarios it changed or deleted; null for none. */
  was: string | null;
};

const closingSaveSchema = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  baseRevision: z.number().int().nonnegative(),
  ids: z.array(z.string()),
  activeId: z.string(),
  ui: uiSchema,
  mine: z.string().nullable(),
  was: z.string().nullable(),
});

/**
 * What `state` changed since `base`, as a closing save: the scenarios changed, and the open scenario and display
 * settings (which may be all that changed). Pure.
 */
export function makeClosingSave(state: PersistedState, base: SyncBase, savedAt: string): ClosingSave {
  const baseById = new Map(base.library.map((entry) => [entry.id, entry]));
  const ids = state.library.map((entry) => entry.id);
  const kept = new Set(ids);
  const mine = state.library.filter((entry) => !sameScenario(entry, baseById.get(entry.id)));
  const changed = new Set(mine.map((entry) => entry.id));
  const was = base.library.filter((entry) => !kept.has(entry.id) || changed.has(entry.id));
  // An envelope holds at least one scenario (an empty one is refused when read).
  const envelope = (library: LibraryEntry[]) =>
    library.length === 0
      ? null
      : encodePersisted({ library, activeId: library[0]!.id, ui: state.ui }, base.revision);
  return {
    version: 1,
    savedAt,
    baseRevision: base.revision,
    ids,
    activeId: state.activeId,
    ui: state.ui,
    mine: envelope(mine),
    was: envelope(was),
  };
}

/** A closing save read back: its envelopes decoded and validated as saved scenarios are. */
export type OpenedClosingSave = {
  key: string;
  savedAt: string;
  ids: string[];
  activeId: string;
  ui: PersistedState['ui'];
  mine: LibraryEntry[];
  was: LibraryEntry[];
};

/**
 * The opened state with the closing saves applied, oldest first, each merged per scenario from the base it was
 * measured from (see the module's TSDoc); `opened` is null when storage held nothing. `conflicts` names the
 * scenarios another save had changed too (the closing page's edit was kept), `conflictIds` their ids. Pure.
 */
export function restoreClosingSaves(
  opened: PersistedState | null,
  closing: readonly OpenedClosingSave[],
): { state: PersistedState; conflicts: string[]; conflictIds: string[] } {
  let state = opened;
  const conflicts: string[] = [];
  const conflictIds: string[] = [];
  for (const save of [...closing].sort((a, b) => a.savedAt.localeCompare(b.savedAt))) {
    const theirs = state?.library ?? [];
    const theirsById = new Map(theirs.map((entry) => [entry.id, entry]));
    const mineById = new Map(save.mine.map((entry) => [entry.id, entry]));
    const wasById = new Map(save.was.map((entry) => [entry.id, entry]));
    // A scenario the closing page left as it was is measured from what storage holds now: no change of its own.
    const mine = save.ids.flatMap((id) => mineById.get(id) ?? theirsById.get(id) ?? []);
    const base = [...new Set([...save.ids, ...wasById.keys()])].flatMap(
      (id) => wasById.get(id) ?? (mineById.has(id) ? [] : (theirsById.get(id) ?? [])),
    );
    const merged = mergeLibraries(base, mine, theirs);
    conflicts.push(...merged.conflicts);
    conflictIds.push(...merged.conflictIds);
    const activeId = merged.library.some((entry) => entry.id === save.activeId)
      ? save.activeId
      : (state?.activeId ?? merged.library[0]?.id ?? save.activeId);
    state = { library: merged.library, activeId, ui: save.ui };
  }
  if (state === null) throw new Error('no closing save to restore');
  return { state, conflicts, conflictIds };
}

/**
 * Writes `save` under `key` without reading anything first: as the page closes, there is no later task in which to
 * wait for a read. In the page's local storage, which writes at once, when it fits there (a few megabytes in
 * all); otherwise in IndexedDB, in a transaction committed at once. Never throws (a closing page cannot report
 * it).
 */
export function writeClosingSave(key: string, save: ClosingSave): void {
  try {
    localStorage.setItem(key, JSON.stringify(save));
    return;
  } catch {
    // Too large for local storage (or none): IndexedDB.
  }
  try {
    void savedStore('readwrite', (store) => {
      store.put(save, key);
      store.transaction.commit();
    }).catch(() => undefined);
  } catch {
    // No storage (saving is off): nothing to keep.
  }
}

/** The closing saves in local storage, by key, their text parsed (null for text that is not JSON). */
function readLocalClosingSaves(): [string, unknown][] {
  if (typeof localStorage === 'undefined') return [];
  const found: [string, unknown][] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key === null || !key.startsWith(CLOSING_KEY_PREFIX)) continue;
    try {
      found.push([key, JSON.parse(localStorage.getItem(key) ?? 'null')]);
    } catch {
      found.push([key, null]);
    }
  }
  return found;
}

/** The closing saves in IndexedDB, by key. */
async function readStoredClosingSaves(): Promise<[string, unknown][]> {
  if (typeof indexedDB === 'undefined') return [];
  const found = (await keys(savedStore)).filter(
    (key): key is string => typeof key === 'string' && key.startsWith(CLOSING_KEY_PREFIX),
  );
  if (found.length === 0) return [];
  const values: unknown[] = await getMany(found, savedStore);
  return found.map((key, i) => [key, values[i]]);
}

/**
 * The closing saves local storage and IndexedDB hold, their envelopes decoded (long ones by `decoder`, as an
 * ordinary save's are), and the keys of all of them: one that cannot be read (damaged, from a newer planner) is
 * not restored, and is deleted with the rest once the restored state is saved. None when storage cannot be read.
 */
export async function readClosingSaves(
  decoder?: OffPageDecoder,
): Promise<{ saves: OpenedClosingSave[]; keys: string[] }> {
  try {
    const found = [...readLocalClosingSaves(), ...(await readStoredClosingSaves())];
    const saves: OpenedClosingSave[] = [];
    for (const [key, value] of found) {
      const parsed = closingSaveSchema.safeParse(value);
      if (!parsed.success) continue;
      const { savedAt, ids, activeId, ui } = parsed.data;
      const mine = await openEnvelope(parsed.data.mine, decoder);
      const was = await openEnvelope(parsed.data.was, decoder);
      if (mine === null || was === null) continue;
      saves.push({ key, savedAt, ids, activeId, ui, mine, was });
    }
    return { saves, keys: found.map(([key]) => key) };
  } catch {
    return { saves: [], keys: [] };
  }
}

/** An envelope's scenarios (none for null), long text decoded by `decoder`; null when it cannot be read wholly. */
async function openEnvelope(text: string | null, decoder?: OffPageDecoder): Promise<LibraryEntry[] | null> {
  if (text === null) return [];
  const decoded: DecodeResult =
    decoder && text.length >= OFF_PAGE_DECODE_CHARS ? await decoder(text) : decodePersisted(text);
  const whole = decoded.ok && decoded.dropped.length === 0 && decoded.repaired.length === 0;
  return whole ? decoded.state.library : null;
}

/** Deletes the closing saves under `keys` (restored, or made needless by an ordinary save) wherever they are. */
export async function deleteClosingSaves(keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  if (typeof localStorage !== 'undefined') for (const key of keys) localStorage.removeItem(key);
  await delMany([...keys], savedStore);
}
