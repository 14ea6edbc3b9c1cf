/**
 * Saving the planner's state in IndexedDB (through idb-keyval) and opening it again. Where and how it is stored
 * (the keys, the store, a save's transaction) is src/io/saved-store.ts, which the save writer shares.
 *
 * What is saved is a versioned envelope, as JSON text: `{ version, revision, library, activeId, ui }`, each
 * library scenario written with the scenario file's field names (it is a scenario document). Reading it back
 * is pure and lives in src/io/persisted-envelope.ts (`decodePersisted`): older envelopes are upgraded by an
 * ordered, append-only list of migrations; each migration has a frozen fixture of the old shape
 * (tests/fixtures/persisted/) and an exact before→after test.
 *
 * **Large saves are decoded off the page.** Text of `OFF_PAGE_DECODE_CHARS` or more is decoded by the decoder
 * the app passes (a worker's, src/workers/saved-library-client.ts), on opening, on reading another tab's save
 * and on merging with it, with the very answer `decodePersisted` gives on the page; without one (tests, the
 * command line) it is decoded in place.
 *
 * **Several tabs.** `revision` grows by one with every save. A tab remembers the revision and library it last
 * loaded or wrote (its base). Saving reads and writes in one IndexedDB transaction: the stored revision
 * (`REVISION_KEY`, written with the text), and the stored envelope only when that revision is not the base's;
 * when the stored revision is newer than the base, another tab saved meanwhile and the libraries are merged per
 * scenario, never overwritten (`mergeLibraries`):
 * - a scenario only the other tab changed, added or deleted is taken from storage;
 * - a scenario only this tab changed, added or deleted is taken from this tab;
 * - a scenario both changed keeps this tab's edit and is reported as a conflict (a deletion never beats an
 *   edit: the edited copy stays);
 * - two different scenarios added under one id are both kept, the stored one under a fresh id.
 * After each save the tab announces `{ kind: 'saved', revision, keptOver }` on the BroadcastChannel
 * `SYNC_CHANNEL` (`keptOver`: the scenarios it kept its own edit of over another tab's); the other tabs reload
 * the library and merge it the same way, keeping their own unsaved edits, and a tab whose saved edit of one of
 * `keptOver` was so replaced says so.
 *
 * **Nothing unreadable is written over.** Saved data this build cannot read wholly (damaged, binary, from a
 * newer planner, or holding a scenario that does not validate) is left untouched in storage: `loadPersisted`
 * and `savePersisted` report it as `held`, and no save replaces it until the user has chosen. The app opens
 * what it can (or the default) in memory meanwhile. Keeping it aside (`keepUnreadableCopy`) appends the
 * exact stored value (text, Blob or bytes as read, never a re-encoding) with its date and reason to a list
 * under a side key (`UNREADABLE_KEY`), where it stays until the user deletes it (`deleteUnreadableCopy`);
 * discarding keeps nothing. Lists kept by earlier builds (a bare string, or entries with `text`) are read by
 * `readUnreadableCopies` (frozen fixture tests/fixtures/persisted/unreadable-copies-text.json). Either way the user's choice is passed to the next save as `replacing`, and only
 * the very value they saw may then be written over.
 *
 * **Repaired, never dropped.** Two saved scenarios under one id both open, the second under a fresh id, and
 * the repair is reported (`repairDuplicateIds`).
 *
 * **Storage that never answers.** Opening gives up after `STORAGE_TIMEOUT_MS`; the app then opens the default
 * in memory and says that saving is off.
 */
import { get, update } from 'idb-keyval';
import { z } from 'zod';
import { PERSIST_VERSION, decodePersisted } from '../io/persisted-envelope';
import type { DecodeResult, LibraryEntry, PersistedState, RepairedId } from '../io/persisted-envelope';
import { NOT_READ, STORAGE_KEY, UNREADABLE_KEY, savedStore, updateStored } from '../io/saved-store';
import { writeCompactScenarioParts } from '../io/scenario-file';
import type { Scenario } from '../domain/scenario-schema';

export { PERSIST_VERSION, decodePersisted, migrations, repairDuplicateIds } from '../io/persisted-envelope';
export type { DecodeResult, PersistedState, RepairedId } from '../io/persisted-envelope';

export { REVISION_KEY, STORAGE_KEY, UNREADABLE_KEY } from '../io/saved-store';

/** The BroadcastChannel on which a tab announces its saves to the planner's other tabs. */
export const SYNC_CHANNEL = 'llm-planner';

/** How long opening the saved state may take before the app opens the default in memory, saving off. */
export const STORAGE_TIMEOUT_MS = 4000;

/**
 * Saved text at least this long (a library of some 2,000 models) is decoded by the app's off-page decoder (a
 * worker), where one is given: a 13 MB library (27,000 models) takes a quarter of a second or more, which the
 * page's thread must not be held for. Shorter text is decoded on the page, in a few tens of milliseconds.
 */
export const OFF_PAGE_DECODE_CHARS = 1_000_000;

/**
 * Decodes saved text off the page's thread (the app gives a worker's). It must answer exactly as
 * `decodePersisted` on the same text.
 */
export type OffPageDecoder = (text: string) => Promise<DecodeResult>;

/** True when `value` is saved text long enough for the off-page decoder, and there is one. */
function isForOffPage(value: unknown, decoder: OffPageDecoder | undefined): value is string {
  return decoder !== undefined && typeof value === 'string' && value.length >= OFF_PAGE_DECODE_CHARS;
}

/** `decodeStoredValue`, long text through `decoder` when one is given. */
async function decodeStored(value: unknown, decoder: OffPageDecoder | undefined): Promise<DecodeResult> {
  return isForOffPage(value, decoder) ? decoder!(value) : decodeStoredValue(value);
}

/** True for a value IndexedDB holds as bytes: a Blob, an ArrayBuffer or a view on one. */
function isBinary(value: unknown): value is Blob | ArrayBuffer | ArrayBufferView {
  return (
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof Blob !== 'undefined' && value instanceof Blob)
  );
}

function byteLength(value: Blob | ArrayBuffer | ArrayBufferView): number {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? value.byteLength : value.size;
}

/**
 * Reads a value as storage holds it: text is decoded (`decodePersisted`); bytes, and anything else this build
 * never writes, are refused, saying what they are. Pure.
 */
export function decodeStoredValue(value: unknown): DecodeResult {
  if (typeof value === 'string') return decodePersisted(value);
  if (isBinary(value)) {
    return { ok: false, message: `the saved data is binary (${byteLength(value)} bytes), not text` };
  }
  const kind =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'an object'
          : `a ${typeof value}`;
  return { ok: false, message: `the saved data is not text (it is ${kind})` };
}

/** How many scenarios' saved texts are kept: a library's worth, not the undo history's (megabytes each). */
const RECENT_TEXTS = 16;
const recentTexts = new Map<Scenario, readonly string[]>();

/**
 * A scenario's text in the envelope (`writeCompactScenario`) as the pieces it is made of
 * (`writeCompactScenarioParts`), kept for the last few scenario objects written: every save writes each
 * library entry and compares the edited one with its saved copy.
 */
function scenarioParts(scenario: Scenario): readonly string[] {
  let parts = recentTexts.get(scenario);
  if (parts === undefined) {
    parts = writeCompactScenarioParts(scenario);
    if (recentTexts.size >= RECENT_TEXTS) recentTexts.delete(recentTexts.keys().next().value!);
  } else {
    recentTexts.delete(scenario);
  }
  recentTexts.set(scenario, parts);
  return parts;
}

/**
 * The envelope text for a state as the pieces it is made of: each scenario's pieces (made once per object) between
 * the envelope's own. Their concatenation is `encodePersisted(state, revision)`.
 */
export function encodePersistedParts(state: PersistedState, revision = 0): string[] {
  const envelope = JSON.stringify({
    version: PERSIST_VERSION,
    revision,
    library: [],
    activeId: state.activeId,
    ui: state.ui,
  });
  // `version` and `revision` are numbers, so the first `"library":[]` is the library's own place.
  const at = envelope.indexOf('"library":[]') + '"library":['.length;
  const pieces: string[] = [envelope.slice(0, at)];
  state.library.forEach((entry, i) => {
    pieces.push(`${i === 0 ? '' : ','}{"id":${JSON.stringify(entry.id)},"scenario":`);
    pieces.push(...scenarioParts(entry.scenario));
    pieces.push('}');
  });
  pieces.push(envelope.slice(at));
  return pieces;
}

/**
 * The envelope text for a state; each scenario is written as its scenario file would be. The text is that of
 * `JSON.stringify` on the envelope object, put together in one join from its pieces (`encodePersistedParts`):
 * a 5 MB library is copied once, not once per step of putting it together.
 */
export function encodePersisted(state: PersistedState, revision = 0): string {
  return encodePersistedParts(state, revision).join('');
}

/** The revision and library a tab last loaded from or wrote to storage: what its own edits are measured from. */
export type SyncBase = {
  revision: number;
  library: LibraryEntry[];
  /**
   * The stored text itself, when it was read wholly (nothing held back): a save that finds storage still holding
   * exactly this text knows it is readable and not newer without decoding it again.
   */
  text?: string | undefined;
};

export type MergeResult = {
  library: LibraryEntry[];
  /** Names of the scenarios both sides changed (this tab's edit was kept). */
  conflicts: string[];
  /** Their ids, in the same order. */
  conflictIds: string[];
};

/**
 * Whether two entries hold the same scenario: the same object, or the same scenario file, compared piece by
 * piece (written once per object; comparing an edited 10,000-model scenario with its saved copy compares the
 * pieces the edit changed, the rest being the same strings).
 */
export function sameScenario(a: LibraryEntry | undefined, b: LibraryEntry | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.scenario === b.scenario) return true;
  const first = scenarioParts(a.scenario);
  const second = scenarioParts(b.scenario);
  // The same pieces in the same places (a piece kept from an earlier text is the very same string).
  return first.length === second.length && first.every((piece, i) => piece === second[i]);
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
  const conflictIds: string[] = [];
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
        conflictIds.push(kept.id);
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
  return { library: merged, conflicts, conflictIds };
}

/**
 * Saved data this build could not read wholly, left untouched in storage until the user chooses what to do
 * with it (keep it aside, or discard it).
 */
export type HeldSave = {
  /** The stored value exactly as read: text, a Blob, bytes, or whatever storage held. */
  value: unknown;
  /** Why it could not be read (or which of its scenarios could not be opened). */
  reason: string;
};

/** A copy of saved data that could not be read, kept until the user deletes it. */
export type UnreadableCopy = {
  id: string;
  /** When it was kept (ISO 8601), or '' for a copy kept by a build that did not date them. */
  keptAt: string;
  /** Why it could not be read. */
  reason: string;
  /** The stored value exactly as read (text, a Blob, bytes…), never re-encoded. */
  value: unknown;
};

const copyFields = { id: z.string(), keptAt: z.string(), reason: z.string() };
const storedCopySchema = z.union([
  z.object({ ...copyFields, value: z.custom<unknown>((value) => value !== undefined) }),
  // Earlier builds kept the copy as text under `text`.
  z.object({ ...copyFields, text: z.string() }),
]);

/**
 * The kept copies as stored, in this build's shape. Earlier builds kept a bare string (one copy) or a list of
 * `{ id, keptAt, reason, text }`; a list this build cannot read is itself kept, as it is, as one copy. Pure.
 */
export function readUnreadableCopies(stored: unknown): UnreadableCopy[] {
  if (stored === undefined) return [];
  if (typeof stored === 'string') {
    return [{ id: 'copy-0', keptAt: '', reason: 'kept by an earlier version of the planner', value: stored }];
  }
  const parsed = z.array(storedCopySchema).safeParse(stored);
  if (!parsed.success) {
    return [{ id: 'copy-0', keptAt: '', reason: 'the list of kept copies was unreadable', value: stored }];
  }
  // zod rebuilds objects; take each value from the stored entry itself so a Blob stays the same Blob.
  return parsed.data.map((copy, index) => {
    const { id, keptAt, reason } = copy;
    const value: unknown = 'text' in copy ? copy.text : (stored as { value: unknown }[])[index]!.value;
    return { id, keptAt, reason, value };
  });
}

/**
 * True when two stored values are the same: text by its characters, bytes by their bytes, a Blob by its size
 * and type (its bytes cannot be read inside a storage transaction), anything else by its JSON. Pure.
 */
export function isSameStoredValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (typeof Blob !== 'undefined' && (a instanceof Blob || b instanceof Blob)) {
    return a instanceof Blob && b instanceof Blob && a.size === b.size && a.type === b.type;
  }
  if (isBinary(a) || isBinary(b)) {
    if (!isBinary(a) || !isBinary(b)) return false;
    const x = viewBytes(a as ArrayBuffer | ArrayBufferView);
    const y = viewBytes(b as ArrayBuffer | ArrayBufferView);
    return x.length === y.length && x.every((byte, i) => byte === y[i]);
  }
  return safeStringify(a) === safeStringify(b);
}

function viewBytes(value: ArrayBuffer | ArrayBufferView): Uint8Array {
  return value instanceof ArrayBuffer
    ? new Uint8Array(value)
    : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
}

/** The exact bytes of a stored value: text as UTF-8, a Blob's or buffer's own bytes, anything else as JSON. */
export async function readStoredBytes(value: unknown): Promise<Uint8Array> {
  if (typeof value === 'string') return new TextEncoder().encode(value);
  if (typeof Blob !== 'undefined' && value instanceof Blob) return new Uint8Array(await value.arrayBuffer());
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return viewBytes(value).slice();
  return new TextEncoder().encode(safeStringify(value));
}

/** A stored value as a file to download: the same bytes, JSON for text and binary data as it is. */
export function storedValueFile(value: unknown, baseName: string): { blob: Blob; fileName: string } {
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    return { blob: value, fileName: `${baseName}.bin` };
  }
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = viewBytes(value).slice();
    return { blob: new Blob([bytes], { type: 'application/octet-stream' }), fileName: `${baseName}.bin` };
  }
  const text = typeof value === 'string' ? value : safeStringify(value);
  return { blob: new Blob([text], { type: 'application/json' }), fileName: `${baseName}.json` };
}

/** What a stored value is, in words: "text, 52 characters", "binary, 6 bytes". */
export function describeStoredValue(value: unknown): string {
  if (typeof value === 'string') return `text, ${value.length} characters`;
  if (isBinary(value)) return `binary, ${byteLength(value)} bytes`;
  return 'stored object';
}

/** Appends `value` to the kept copies, with its reason and date, under the first free id `copy-N`. */
function appendUnreadableCopy(
  copies: readonly UnreadableCopy[],
  value: unknown,
  reason: string,
  keptAt: string,
): UnreadableCopy[] {
  let n = copies.length;
  while (copies.some((copy) => copy.id === `copy-${n}`)) n++;
  return [...copies, { id: `copy-${n}`, keptAt, reason, value }];
}

/** Every unreadable copy kept so far (none when storage fails). */
export async function loadUnreadableCopies(): Promise<UnreadableCopy[]> {
  try {
    return readUnreadableCopies(await get(UNREADABLE_KEY, savedStore));
  } catch {
    return [];
  }
}

async function isSameBytes(a: unknown, b: unknown): Promise<boolean> {
  const [x, y] = await Promise.all([readStoredBytes(a), readStoredBytes(b)]);
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}

/**
 * Keeps held saved data aside, as its exact stored value, with its reason and today's date, after the copies
 * kept before (unless a copy with the same bytes is kept already). Returns every copy. Rejects with a readable
 * message when storage fails: then nothing may be written over the held data.
 */
export async function keepUnreadableCopy(held: HeldSave): Promise<UnreadableCopy[]> {
  try {
    const before = readUnreadableCopies(await get(UNREADABLE_KEY, savedStore));
    for (const copy of before) if (await isSameBytes(copy.value, held.value)) return before;
    let copies: UnreadableCopy[] = [];
    await update(
      UNREADABLE_KEY,
      (stored: unknown) => {
        const current = readUnreadableCopies(stored);
        copies = current.some((copy) => isSameStoredValue(copy.value, held.value))
          ? current
          : appendUnreadableCopy(current, held.value, held.reason, new Date().toISOString());
        return copies;
      },
      savedStore,
    );
    return copies;
  } catch (error) {
    throw new Error(`the unreadable save could not be kept aside (${describeError(error)})`, {
      cause: error,
    });
  }
}

/** Deletes one kept copy (the user chose to) and returns the others. */
export async function deleteUnreadableCopy(id: string): Promise<UnreadableCopy[]> {
  let copies: UnreadableCopy[] = [];
  await update(
    UNREADABLE_KEY,
    (stored: unknown) => {
      copies = readUnreadableCopies(stored).filter((copy) => copy.id !== id);
      return copies;
    },
    savedStore,
  );
  return copies;
}

export type LoadOutcome =
  | { kind: 'empty'; copies: UnreadableCopy[] }
  /**
   * Some or all saved scenarios opened. `dropped` lists those that could not be opened: then the whole save is
   * `held` (left untouched until the user chooses). `repaired` lists scenarios opened under a fresh id.
   */
  | {
      kind: 'loaded';
      state: PersistedState;
      revision: number;
      dropped: string[];
      repaired: RepairedId[];
      held: HeldSave | null;
      copies: UnreadableCopy[];
      /** The stored text, when nothing is held back (see `SyncBase.text`). */
      text?: string | undefined;
    }
  /** Nothing saved could be opened; it is held, untouched, until the user chooses. */
  | { kind: 'unreadable'; held: HeldSave; copies: UnreadableCopy[] }
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
        reject(error instanceof Error ? error : new Error(describeError(error)));
      },
    );
  });
}

const NO_ANSWER = Symbol('no answer');

/** Why a decoded save cannot be saved over as it is, or null when it was read wholly. */
function heldReason(decoded: DecodeResult): string | null {
  if (!decoded.ok) return decoded.message;
  if (decoded.dropped.length === 0) return null;
  const count = decoded.dropped.length;
  return `${count} saved scenario${count === 1 ? '' : 's'} could not be opened: ${decoded.dropped.join('; ')}`;
}

/**
 * Opens the saved state. Nothing is written: data that cannot be read wholly is reported as `held`; storage
 * that does not answer within `STORAGE_TIMEOUT_MS` is reported as `no-answer`. Long text is decoded by
 * `decoder` when one is given (see `OFF_PAGE_DECODE_CHARS`).
 */
export async function loadPersisted(decoder?: OffPageDecoder): Promise<LoadOutcome> {
  let raw: unknown;
  try {
    raw = await withTimeout(get(STORAGE_KEY, savedStore), STORAGE_TIMEOUT_MS);
  } catch (error) {
    return { kind: 'storage-error', message: `saved data could not be opened (${describeError(error)})` };
  }
  if (raw === NO_ANSWER) {
    return {
      kind: 'no-answer',
      message: `this browser's storage did not answer within ${STORAGE_TIMEOUT_MS / 1000} seconds`,
    };
  }
  const copies = await loadUnreadableCopies();
  if (raw === undefined) return { kind: 'empty', copies };
  const decoded = await decodeStored(raw, decoder);
  const reason = heldReason(decoded);
  if (!decoded.ok) return { kind: 'unreadable', held: { value: raw, reason: decoded.message }, copies };
  return {
    kind: 'loaded',
    state: decoded.state,
    revision: decoded.revision,
    dropped: decoded.dropped,
    repaired: decoded.repaired,
    held: reason === null ? null : { value: raw, reason },
    copies,
    text: reason === null && typeof raw === 'string' ? raw : undefined,
  };
}

/**
 * The library newer than this tab's base saved by another tab, or null when storage holds nothing newer. Long
 * text is decoded by `decoder` when one is given.
 */
export async function loadNewerLibrary(base: SyncBase, decoder?: OffPageDecoder): Promise<SyncBase | null> {
  const raw: unknown = await get(STORAGE_KEY, savedStore);
  if (typeof raw !== 'string') return null;
  if (raw === base.text) return null;
  const decoded = await decodeStored(raw, decoder);
  if (!decoded.ok || decoded.revision <= base.revision) return null;
  const readWholly = heldReason(decoded) === null;
  return { revision: decoded.revision, library: decoded.state.library, text: readWholly ? raw : undefined };
}

export type SaveOutcome = {
  /** What storage now holds: the new base of this tab (the old base when nothing was written). */
  saved: SyncBase;
  /** True when another tab had saved meanwhile and its changes were merged in. */
  merged: boolean;
  /** Names of the scenarios another tab had changed too (this tab's edit was kept), and their ids. */
  conflicts: string[];
  conflictIds: string[];
  /**
   * Set when storage holds data that cannot be read wholly and the user has not chosen to replace it: nothing
   * was written.
   */
  held: HeldSave | null;
};

export type SaveOptions = {
  /** Held data the user chose to keep aside or discard: the one stored value this save may write over. */
  replacing?: HeldSave | null;
  /** Decodes long text another tab saved off the page's thread (see `OFF_PAGE_DECODE_CHARS`). */
  decoder?: OffPageDecoder | undefined;
  /** Writes an ordinary save off the page's thread (see `TextWriter`). */
  writer?: TextWriter | undefined;
};

/**
 * Writes the text `parts.join('')` with `revision` in one transaction while storage holds `expectedRevision`,
 * off the page's thread (src/workers/save-writer-client.ts); resolves 'moved', having written nothing, when
 * storage holds another revision, and rejects when it cannot write.
 */
export type TextWriter = (
  expectedRevision: number,
  revision: number,
  parts: readonly string[],
) => Promise<'written' | 'moved'>;

/**
 * A base the writer wrote from its pieces (`TextWriter`): its `text` is put together only when something reads
 * it (another tab saved). The next ordinary save needs only to know that it has one.
 */
class WrittenFromPieces implements SyncBase {
  private joined: string | undefined;

  constructor(
    readonly revision: number,
    readonly library: LibraryEntry[],
    private readonly parts: readonly string[],
  ) {}

  get text(): string {
    return (this.joined ??= this.parts.join(''));
  }
}

/** True when `base` knows the text storage held at its revision (read wholly, or written by this tab). */
function knowsStoredText(base: SyncBase): boolean {
  return base instanceof WrittenFromPieces || base.text !== undefined;
}

/**
 * How many times a save decodes another tab's long text off the page and tries again, when yet another save
 * lands meanwhile; after that it decodes on the page inside the transaction, so a save always ends.
 */
const OFF_PAGE_SAVE_ATTEMPTS = 3;

/** Thrown inside a storage transaction to leave the stored value as it is. */
class LeaveStored extends Error {}

/** What a save writes (and then holds as its base), or the held data it must leave as it is. */
type SavePlan = { write: string; outcome: SaveOutcome } | { held: HeldSave };

/**
 * What saving `state`, measured from `base`, does to `stored`: `decoded` is the stored value decoded, or null
 * when storage holds nothing or exactly `base.text` (readable, and no other tab saved since). Pure.
 */
function planSave(
  state: PersistedState,
  base: SyncBase,
  replacing: HeldSave | null | undefined,
  stored: unknown,
  decoded: DecodeResult | null,
): SavePlan {
  let library = state.library;
  let revision = base.revision + 1;
  let merged = false;
  let conflicts: string[] = [];
  let conflictIds: string[] = [];
  if (decoded !== null) {
    const reason = heldReason(decoded);
    if (reason !== null && !(replacing && isSameStoredValue(stored, replacing.value))) {
      return { held: { value: stored, reason } };
    }
    if (decoded.ok) {
      if (decoded.revision > base.revision) {
        const result = mergeLibraries(base.library, state.library, decoded.state.library);
        library = result.library;
        conflicts = result.conflicts;
        conflictIds = result.conflictIds;
        merged = true;
      }
      revision = Math.max(revision, decoded.revision + 1);
    }
  }
  const text = encodePersisted({ ...state, library }, revision);
  return {
    write: text,
    outcome: { saved: { revision, library, text }, merged, conflicts, conflictIds, held: null },
  };
}

/**
 * Saves the state, measured from `base`, in one transaction: when storage holds a newer revision than `base`,
 * the libraries are merged per scenario (`mergeLibraries`) rather than overwritten. Data that cannot be read
 * wholly is never written over unless it is the value the user chose to replace (`options.replacing`): the
 * save then writes nothing and reports it as `held`. Rejects with a readable message when storage fails (full,
 * blocked, private mode).
 *
 * Long text another tab saved is decoded by `options.decoder` when one is given. A transaction cannot wait for
 * it, so that transaction writes nothing; the text is decoded and the save worked out from it outside any
 * transaction, and the next transaction writes that save only if storage still holds that very text (another
 * save meanwhile starts the round again, at most `OFF_PAGE_SAVE_ATTEMPTS` times).
 */
export async function savePersisted(
  state: PersistedState,
  base: SyncBase,
  options: SaveOptions = {},
): Promise<SaveOutcome> {
  // The ordinary save (storage holds this tab's base, nothing held aside) is written by the writer: the text
  // this tab last wrote or read, replaced by the library as it is now, as `planSave` would write it. When
  // storage holds another revision, or the writer fails, the save is worked out and written here.
  if (options.writer && !options.replacing && knowsStoredText(base)) {
    const revision = base.revision + 1;
    const parts = encodePersistedParts(state, revision);
    const written = await options.writer(base.revision, revision, parts).catch(() => 'failed' as const);
    if (written === 'written') {
      return {
        saved: new WrittenFromPieces(revision, state.library, parts),
        merged: false,
        conflicts: [],
        conflictIds: [],
        held: null,
      };
    }
  }
  const plan = (stored: unknown, decoded: DecodeResult | null) =>
    planSave(state, base, options.replacing, stored, decoded);
  let offPage: { text: string; plan: SavePlan } | null = null;
  for (let attempt = 0; ; attempt++) {
    let planned = null as SavePlan | null;
    let toDecode = null as string | null;
    try {
      await updateStored(
        // Storage holds this tab's base text when it holds that text's revision (read only when unsure).
        (revision) =>
          revision !== base.revision || base.text === undefined || offPage !== null || !!options.replacing,
        (read) => {
          const stored = read === NOT_READ ? base.text : read;
          if (offPage !== null && stored === offPage.text) {
            planned = offPage.plan;
          } else if (stored === undefined || stored === base.text) {
            planned = plan(stored, null);
          } else if (attempt < OFF_PAGE_SAVE_ATTEMPTS && isForOffPage(stored, options.decoder)) {
            toDecode = stored;
            throw new LeaveStored();
          } else {
            planned = plan(stored, decodeStoredValue(stored));
          }
          if ('held' in planned) throw new LeaveStored();
          return { text: planned.write, revision: planned.outcome.saved.revision };
        },
      );
    } catch (error) {
      if (!(error instanceof LeaveStored)) throw saveError(error);
      if (toDecode === null) {
        const held = planned !== null && 'held' in planned ? planned.held : null;
        return { saved: base, merged: false, conflicts: [], conflictIds: [], held };
      }
      let decoded: DecodeResult;
      try {
        decoded = await options.decoder!(toDecode);
      } catch (decodeError) {
        throw saveError(decodeError);
      }
      offPage = { text: toDecode, plan: plan(toDecode, decoded) };
      continue;
    }
    if (planned === null || 'held' in planned) throw new Error('the save was not worked out');
    return planned.outcome;
  }
}

/** A save that storage (or the decoder) refused, in words. */
function saveError(error: unknown): Error {
  return new Error(`changes could not be saved in this browser (${describeError(error)})`, { cause: error });
}

/**
 * A storage failure in words. IndexedDB rejects an aborted transaction with its request's `error`, which is null
 * when nothing failed inside it (another tab's upgrade, the browser closing it): that is said, not "null".
 */
function describeError(error: unknown): string {
  if (error === null || error === undefined) return 'the browser aborted the storage transaction';
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
