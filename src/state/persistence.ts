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
import type { Scenario } from '../domain/scenario-schema';
import { formatIssue, validateScenario } from '../domain/validate-scenario';
import type { PriceUnit, Theme } from './scenario-store';

export const STORAGE_KEY = 'llm-planner:state';
export const UNREADABLE_KEY = 'llm-planner:unreadable';

/** The envelope version this build writes. */
export const PERSIST_VERSION = 1;

export type PersistedState = {
  scenario: Scenario;
  ui: { theme: Theme; priceUnit: PriceUnit };
};

/**
 * `migrations[i]` upgrades an envelope of version `i + 1` to version `i + 2`. Append only: never edit a
 * migration once released, since saved data out there depends on it.
 */
export const migrations: ReadonlyArray<(old: Record<string, unknown>) => Record<string, unknown>> = [];

const uiSchema = z.object({
  theme: z.enum(['light', 'dark']).catch('light'),
  priceUnit: z.enum(['per-million', 'per-thousand']).catch('per-million'),
});

export type DecodeResult = { ok: true; state: PersistedState } | { ok: false; message: string };

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
  const validated = validateScenario(current['scenario']);
  if (!validated.ok) {
    return {
      ok: false,
      message: `the saved scenario is invalid: ${validated.issues.map(formatIssue).join('; ')}`,
    };
  }
  const ui = uiSchema.safeParse(current['ui'] ?? {});
  return {
    ok: true,
    state: {
      scenario: validated.value,
      ui: ui.success ? ui.data : { theme: 'light', priceUnit: 'per-million' },
    },
  };
}

/** The envelope text for a state. */
export function encodePersisted(state: PersistedState): string {
  return JSON.stringify({ version: PERSIST_VERSION, scenario: state.scenario, ui: state.ui });
}

export type LoadOutcome =
  | { kind: 'empty' }
  | { kind: 'loaded'; state: PersistedState }
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
  if (decoded.ok) return { kind: 'loaded', state: decoded.state };
  try {
    await set(UNREADABLE_KEY, text);
  } catch {
    // The copy stays in memory for export even if it cannot be stored aside.
  }
  return { kind: 'unreadable', message: decoded.message, copy: text };
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
