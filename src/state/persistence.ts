/**
 * Saving the planner's state in IndexedDB (through idb-keyval) and opening it again. The only module that
 * touches storage.
 *
 * What is saved is a versioned envelope, as JSON text: `{ version, revision, library, activeId, ui }`, each
 * library scenario written with the scenario file's field names (it is a scenario document). Older envelopes
 * are upgraded by an ordered, append-only list of migrations; each migration has a frozen fixture of the old
 * shape (tests/fixtures/persisted/) and an exact before→after test.
 *
 * **Several tabs.** `revision` grows by one with every save. A tab remembers the revision and library it last
 * loaded or wrote (its base). Saving reads the stored envelope and writes in one IndexedDB transaction; when
 * the stored revision is newer than the base, another tab saved meanwhile and the libraries are merged per
 * scenario, never overwritten (`mergeLibraries`):
 * - a scenario only the other tab changed, added or deleted is taken from storage;
 * - a scenario only this tab changed, added or deleted is taken from this tab;
 * - a scenario both changed keeps this tab's edit and is reported as a conflict (a deletion never beats an
 *   edit: the edited copy stays);
 * - two different scenarios added under one id are both kept, the stored one under a fresh id.
 * After each save the tab announces `{ kind: 'saved', revision }` on the BroadcastChannel `SYNC_CHANNEL`;
 * the other tabs reload the library and merge it the same way, keeping their own unsaved edits.
 *
 * **Nothing unreadable is lost.** Saved data that cannot be read is appended to a list under a side key
 * (`UNREADABLE_KEY`), each copy with its date and reason and the exact text, until the user dismisses it;
 * the app opens the default scenario instead of a blank page.
 *
 * **Storage that never answers.** Opening gives up after `STORAGE_TIMEOUT_MS`; the app then opens the default
 * in memory and says that saving is off.
 */
import { get, update } from 'idb-keyval';
import { z } from 'zod';
import { formatIssue, validateScenario } from '../domain/validate-scenario';
import { serializeScenario } from '../io/scenario-file';
import type { Scenario } from '../domain/scenario-schema';
import type { LibraryEntry, PriceUnit, Theme } from './scenario-store';

export const STORAGE_KEY = 'llm-planner:state';
export const UNREADABLE_KEY = 'llm-planner:unreadable';

/** The envelope version this build writes. */
export const PERSIST_VERSION = 3;

/** The BroadcastChannel on which a tab announces its saves to the planner's other tabs. */
export const SYNC_CHANNEL = 'llm-planner';

/** How long opening the saved state may take before the app opens the default in memory, saving off. */
export const STORAGE_TIMEOUT_MS = 4000;

export type PersistedState = {
  /** Every scenario the user keeps, in their order. */
  library: LibraryEntry[];
  activeId: string;
  ui: { theme: Theme; priceUnit: PriceUnit };
};

/**
 * `migrations[i]` upgrades an envelope of version `i + 1` to version `i + 2`. Append only: never edit a
 * migration once released, since saved data out there depends on it.
 */
export const migrations: ReadonlyArray<(old: Record<string, unknown>) => Record<string, unknown>> = [
  // 1 → 2: one scenario becomes a library of scenarios.
  (old) => ({
    version: 2,
    library: [{ id: 'scenario-1', scenario: old['scenario'] }],
    activeId: 'scenario-1',
    ui: old['ui'],
  }),
  // 2 → 3: a revision, so tabs never overwrite a newer save with an older one. Version 2 wrote scenarios in
  // their in-memory form (ranges beside the fields); the scenario reader opens that form as well as the file's,
  // and the next save writes the file's form.
  (old) => ({ ...old, version: 3, revision: 0 }),
];

const uiSchema = z.object({
  theme: z.enum(['light', 'dark']).catch('light'),
  priceUnit: z.enum(['per-million', 'per-thousand']).catch('per-million'),
});

export type DecodeResult =
  | {
      ok: true;
      state: PersistedState;
      /** How many saves the envelope has seen (0 for one written before revisions). */
      revision: number;
      /** Saved scenarios that could not be opened, each with its reason; the others open. */
      dropped: string[];
    }
  | { ok: false; message: string };

const libraryEntrySchema = z.object({ id: z.string().min(1), scenario: z.unknown() });

/** Reads a saved envelope (JSON text), upgrading older versions. Pure: no storage access. */
export function decodePersisted(text: string): DecodeResult {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the saved data is not valid JSON' };
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    return { ok: false, message: 'the saved data is not an object' };
  }
  let current = envelope as Record<string, unknown>;
  const version = current['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'the saved data has no version' };
  }
  if (version > PERSIST_VERSION) {
    return {
      ok: false,
      message: `the saved data is from a newer version of the planner (version ${version})`,
    };
  }
  for (let v = version; v < PERSIST_VERSION; v++) {
    const migrate = migrations[v - 1];
    if (!migrate) return { ok: false, message: `no migration from version ${v}` };
    current = migrate(current);
  }
  const entries = z.array(libraryEntrySchema).safeParse(current['library']);
  if (!entries.success) return { ok: false, message: 'the saved data has no list of scenarios' };
  const library: LibraryEntry[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries.data) {
    const validated = validateScenario(entry.scenario);
    if (!validated.ok) {
      dropped.push(`scenario ${entry.id}: ${validated.issues.map(formatIssue).join('; ')}`);
    } else if (!seen.has(entry.id)) {
      seen.add(entry.id);
      library.push({ id: entry.id, scenario: validated.value });
    }
  }
  if (library.length === 0) {
    return {
      ok: false,
      message: `no saved scenario could be opened (${dropped.join('; ') || 'the list is empty'})`,
    };
  }
  const savedActive = current['activeId'];
  const activeId = library.some((e) => e.id === savedActive) ? (savedActive as string) : library[0]!.id;
  const ui = uiSchema.safeParse(current['ui'] ?? {});
  const revision = current['revision'];
  return {
    ok: true,
    revision: typeof revision === 'number' && Number.isInteger(revision) && revision >= 0 ? revision : 0,
    state: { library, activeId, ui: ui.success ? ui.data : { theme: 'light', priceUnit: 'per-million' } },
    dropped,
  };
}

/**
 * Each scenario's text in the envelope (its scenario file, without the file's spacing), by scenario object:
 * scenarios are never changed in place, so an autosave writes again only the text of what was edited.
 */
const scenarioTexts = new WeakMap<Scenario, string>();

function compactScenarioText(scenario: Scenario): string {
  let text = scenarioTexts.get(scenario);
  if (text === undefined) {
    text = JSON.stringify(JSON.parse(serializeScenario(scenario)));
    scenarioTexts.set(scenario, text);
  }
  return text;
}

/**
 * The envelope text for a state; each scenario is written as its scenario file would be. The text is that of
 * `JSON.stringify` on the envelope object, put together from each scenario's text made once per object.
 */
export function encodePersisted(state: PersistedState, revision = 0): string {
  const library = state.library
    .map((entry) => `{"id":${JSON.stringify(entry.id)},"scenario":${compactScenarioText(entry.scenario)}}`)
    .join(',');
  const envelope = JSON.stringify({
    version: PERSIST_VERSION,
    revision,
    library: [],
    activeId: state.activeId,
    ui: state.ui,
  });
  // `version` and `revision` are numbers, so the first `"library":[]` is the library's own place.
  return envelope.replace('"library":[]', () => `"library":[${library}]`);
}

/** The revision and library a tab last loaded from or wrote to storage: what its own edits are measured from. */
export type SyncBase = { revision: number; library: LibraryEntry[] };

export type MergeResult = {
  library: LibraryEntry[];
  /** Names of the scenarios both sides changed (this tab's edit was kept). */
  conflicts: string[];
};

/** A scenario's text with keys sorted, so equal documents compare equal whatever their key order. */
function canonicalText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

function sameScenario(a: LibraryEntry | undefined, b: LibraryEntry | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.scenario === b.scenario || canonicalText(a.scenario) === canonicalText(b.scenario);
}

/** True when two libraries hold the same scenarios under the same ids, in the same order. */
export function isSameLibrary(a: readonly LibraryEntry[], b: readonly LibraryEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry.id === b[i]?.id && sameScenario(entry, b[i]));
}

/**
 * Merges this tab's library (`mine`) with a newer one saved by another tab (`theirs`), per scenario id, both
 * measured from `base` (what this tab last loaded or wrote). The rule is in the module's TSDoc: a side's
 * change wins when only that side changed; when both changed, this tab's edit is kept and reported (an edited
 * copy always beats a deletion); two different scenarios added under one id are both kept. Stored order
 * first, then this tab's additions. Pure.
 */
export function mergeLibraries(
  base: readonly LibraryEntry[],
  mine: readonly LibraryEntry[],
  theirs: readonly LibraryEntry[],
): MergeResult {
  const byId = (list: readonly LibraryEntry[]) => new Map(list.map((entry) => [entry.id, entry]));
  const baseById = byId(base);
  const mineById = byId(mine);
  const theirsById = byId(theirs);
  const conflicts: string[] = [];
  const merged: LibraryEntry[] = [];
  const renamed: LibraryEntry[] = [];
  const ids = [...theirs.map((e) => e.id), ...mine.map((e) => e.id).filter((id) => !theirsById.has(id))];
  for (const id of ids) {
    const was = baseById.get(id);
    const my = mineById.get(id);
    const their = theirsById.get(id);
    const iChanged = !sameScenario(was, my);
    const theyChanged = !sameScenario(was, their);
    if (!theyChanged || sameScenario(my, their)) {
      if (my) merged.push(my);
    } else if (!iChanged) {
      if (their) merged.push(their);
    } else if (my && their && was === undefined) {
      // Both added a scenario under this id: keep both.
      merged.push(my);
      renamed.push(their);
    } else {
      const kept = my ?? their;
      if (kept) {
        merged.push(kept);
        conflicts.push(kept.scenario.name);
      }
    }
  }
  const taken = new Set(merged.map((e) => e.id));
  for (const entry of renamed) {
    let n = merged.length + 1;
    while (taken.has(`scenario-${n}`)) n++;
    taken.add(`scenario-${n}`);
    merged.push({ id: `scenario-${n}`, scenario: entry.scenario });
  }
  return { library: merged, conflicts };
}

/** A copy of saved data that could not be read, kept until the user dismisses it. */
export type UnreadableCopy = {
  id: string;
  /** When it was kept (ISO 8601), or '' for a copy kept by a build that did not date them. */
  keptAt: string;
  /** Why it could not be read. */
  reason: string;
  /** The exact saved text. */
  text: string;
};

const unreadableCopySchema = z.object({
  id: z.string(),
  keptAt: z.string(),
  reason: z.string(),
  text: z.string(),
});

/** The kept copies as stored; a bare string is the single copy earlier builds kept. */
function readCopies(stored: unknown): UnreadableCopy[] {
  if (stored === undefined) return [];
  if (typeof stored === 'string') {
    return [{ id: 'copy-0', keptAt: '', reason: 'kept by an earlier version of the planner', text: stored }];
  }
  const parsed = z.array(unreadableCopySchema).safeParse(stored);
  if (parsed.success) return parsed.data;
  const text = safeStringify(stored);
  return [{ id: 'copy-0', keptAt: '', reason: 'the list of kept copies was unreadable', text }];
}

/**
 * Appends `text` to the kept unreadable copies (unless the same text is kept already) and returns them all.
 * Pure.
 */
export function addUnreadableCopy(
  copies: readonly UnreadableCopy[],
  text: string,
  reason: string,
  keptAt: string,
): UnreadableCopy[] {
  if (copies.some((copy) => copy.text === text)) return [...copies];
  let n = copies.length;
  while (copies.some((copy) => copy.id === `copy-${n}`)) n++;
  return [...copies, { id: `copy-${n}`, keptAt, reason, text }];
}

/** Every unreadable copy kept so far (none when storage fails). */
export async function loadUnreadableCopies(): Promise<UnreadableCopy[]> {
  try {
    return readCopies(await get(UNREADABLE_KEY));
  } catch {
    return [];
  }
}

/** Keeps `text` aside with its reason and today's date, next to the copies kept before. */
async function keepUnreadableCopy(text: string, reason: string): Promise<UnreadableCopy[]> {
  let copies: UnreadableCopy[] = [{ id: 'copy-0', keptAt: new Date().toISOString(), reason, text }];
  try {
    await update(UNREADABLE_KEY, (stored: unknown) => {
      copies = addUnreadableCopy(readCopies(stored), text, reason, new Date().toISOString());
      return copies;
    });
  } catch {
    // The copy stays in memory for export even if it cannot be stored aside.
  }
  return copies;
}

/** Forgets one kept copy (the user dismissed it) and returns the others. */
export async function dismissUnreadableCopy(id: string): Promise<UnreadableCopy[]> {
  let copies: UnreadableCopy[] = [];
  await update(UNREADABLE_KEY, (stored: unknown) => {
    copies = readCopies(stored).filter((copy) => copy.id !== id);
    return copies;
  });
  return copies;
}

export type LoadOutcome =
  | { kind: 'empty'; copies: UnreadableCopy[] }
  /** `dropped` lists the saved scenarios that could not be opened (the whole save is kept aside too). */
  | { kind: 'loaded'; state: PersistedState; revision: number; dropped: string[]; copies: UnreadableCopy[] }
  | { kind: 'unreadable'; message: string; copies: UnreadableCopy[] }
  | { kind: 'storage-error'; message: string }
  /** Storage did not answer within `STORAGE_TIMEOUT_MS`: saving is off for this page. */
  | { kind: 'no-answer'; message: string };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof NO_ANSWER> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(NO_ANSWER), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const NO_ANSWER = Symbol('no answer');

/**
 * Opens the saved state. Unreadable data is copied aside (never deleted) and reported; storage that does not
 * answer within `STORAGE_TIMEOUT_MS` is reported as `no-answer`.
 */
export async function loadPersisted(): Promise<LoadOutcome> {
  let raw: unknown;
  try {
    raw = await withTimeout(get(STORAGE_KEY), STORAGE_TIMEOUT_MS);
  } catch (error) {
    return { kind: 'storage-error', message: `saved data could not be opened (${describeError(error)})` };
  }
  if (raw === NO_ANSWER) {
    return {
      kind: 'no-answer',
      message: `this browser's storage did not answer within ${STORAGE_TIMEOUT_MS / 1000} seconds`,
    };
  }
  if (raw === undefined) return { kind: 'empty', copies: await loadUnreadableCopies() };
  const text = typeof raw === 'string' ? raw : safeStringify(raw);
  const decoded = decodePersisted(text);
  if (decoded.ok && decoded.dropped.length === 0) {
    return {
      kind: 'loaded',
      state: decoded.state,
      revision: decoded.revision,
      dropped: [],
      copies: await loadUnreadableCopies(),
    };
  }
  const reason = decoded.ok ? decoded.dropped.join('; ') : decoded.message;
  const copies = await keepUnreadableCopy(text, reason);
  if (decoded.ok) {
    return {
      kind: 'loaded',
      state: decoded.state,
      revision: decoded.revision,
      dropped: decoded.dropped,
      copies,
    };
  }
  return { kind: 'unreadable', message: decoded.message, copies };
}

/** The library newer than this tab's base saved by another tab, or null when storage holds nothing newer. */
export async function loadNewerLibrary(base: SyncBase): Promise<SyncBase | null> {
  const raw: unknown = await get(STORAGE_KEY);
  if (typeof raw !== 'string') return null;
  const decoded = decodePersisted(raw);
  if (!decoded.ok || decoded.revision <= base.revision) return null;
  return { revision: decoded.revision, library: decoded.state.library };
}

export type SaveOutcome = {
  /** What storage now holds: the new base of this tab. */
  saved: SyncBase;
  /** True when another tab had saved meanwhile and its changes were merged in. */
  merged: boolean;
  conflicts: string[];
  /** Set when the data this save replaced could not be read (it was kept aside). */
  copies: UnreadableCopy[] | null;
};

/**
 * Saves the state, measured from `base`, in one transaction: when storage holds a newer revision than `base`,
 * the libraries are merged per scenario (`mergeLibraries`) rather than overwritten. Rejects with a readable
 * message when storage fails (full, blocked, private mode).
 */
export async function savePersisted(state: PersistedState, base: SyncBase): Promise<SaveOutcome> {
  let outcome: SaveOutcome = { saved: base, merged: false, conflicts: [], copies: null };
  const replaced: { value: { text: string; reason: string } | null } = { value: null };
  try {
    await update(STORAGE_KEY, (stored: unknown) => {
      replaced.value = null;
      let library = state.library;
      let revision = base.revision + 1;
      let merged = false;
      let conflicts: string[] = [];
      if (stored !== undefined) {
        const text = typeof stored === 'string' ? stored : safeStringify(stored);
        const decoded = decodePersisted(text);
        if (!decoded.ok) {
          replaced.value = { text, reason: decoded.message };
        } else {
          if (decoded.dropped.length > 0) replaced.value = { text, reason: decoded.dropped.join('; ') };
          if (decoded.revision > base.revision) {
            const result = mergeLibraries(base.library, state.library, decoded.state.library);
            library = result.library;
            conflicts = result.conflicts;
            merged = true;
          }
          revision = Math.max(revision, decoded.revision + 1);
        }
      }
      outcome = { saved: { revision, library }, merged, conflicts, copies: null };
      return encodePersisted({ ...state, library }, revision);
    });
  } catch (error) {
    throw new Error(`changes could not be saved in this browser (${describeError(error)})`, { cause: error });
  }
  if (replaced.value !== null) {
    const { text, reason } = replaced.value;
    outcome = { ...outcome, copies: await keepUnreadableCopy(text, reason) };
  }
  return outcome;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
