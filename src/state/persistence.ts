/**
 * Saving the planner's state in IndexedDB (through idb-keyval) and opening it again.
 *
 * What is saved is a versioned envelope, as JSON text. Older envelopes are upgraded by an ordered,
 * append-only list of migrations; each migration has a frozen fixture of the old shape and a test.
 * Anything that cannot be read is kept under a side key so the user can export it, and the app opens
 * the default scenario instead of a blank page.
 */
import { get, set } from 'idb-keyval';
import { z } from 'zod';
import { formatIssue, validateScenario } from '../domain/validate-scenario';
import type { LibraryEntry, PriceUnit, Theme } from './scenario-store';

export const STORAGE_KEY = 'llm-planner:state';
export const UNREADABLE_KEY = 'llm-planner:unreadable';

/** The envelope version this build writes. */
export const PERSIST_VERSION = 2;

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
];

const uiSchema = z.object({
  theme: z.enum(['light', 'dark']).catch('light'),
  priceUnit: z.enum(['per-million', 'per-thousand']).catch('per-million'),
});

export type DecodeResult =
  | {
      ok: true;
      state: PersistedState;
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
  return {
    ok: true,
    state: { library, activeId, ui: ui.success ? ui.data : { theme: 'light', priceUnit: 'per-million' } },
    dropped,
  };
}

/** The envelope text for a state. */
export function encodePersisted(state: PersistedState): string {
  return JSON.stringify({
    version: PERSIST_VERSION,
    library: state.library,
    activeId: state.activeId,
    ui: state.ui,
  });
}

export type LoadOutcome =
  | { kind: 'empty' }
  /** `unreadableCopy` is set when some saved scenarios could not be opened (kept aside too). */
  | { kind: 'loaded'; state: PersistedState; dropped: string[]; unreadableCopy: string | null }
  | { kind: 'unreadable'; message: string; copy: string }
  | { kind: 'storage-error'; message: string };

/** Opens the saved state. Unreadable data is copied aside (never deleted) and reported. */
export async function loadPersisted(): Promise<LoadOutcome> {
  let raw: unknown;
  try {
    raw = await get(STORAGE_KEY);
  } catch (error) {
    return { kind: 'storage-error', message: `saved data could not be opened (${describeError(error)})` };
  }
  if (raw === undefined) return { kind: 'empty' };
  const text = typeof raw === 'string' ? raw : safeStringify(raw);
  const decoded = decodePersisted(text);
  if (decoded.ok && decoded.dropped.length === 0) {
    return { kind: 'loaded', state: decoded.state, dropped: [], unreadableCopy: null };
  }
  await keepUnreadableCopy(text);
  if (decoded.ok)
    return { kind: 'loaded', state: decoded.state, dropped: decoded.dropped, unreadableCopy: text };
  return { kind: 'unreadable', message: decoded.message, copy: text };
}

async function keepUnreadableCopy(text: string) {
  try {
    await set(UNREADABLE_KEY, text);
  } catch {
    // The copy stays in memory for export even if it cannot be stored aside.
  }
}

/** Saves the state; rejects with a readable message when storage fails (full, blocked, private mode). */
export async function savePersisted(state: PersistedState): Promise<void> {
  try {
    await set(STORAGE_KEY, encodePersisted(state));
  } catch (error) {
    throw new Error(`changes could not be saved in this browser (${describeError(error)})`, { cause: error });
  }
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
