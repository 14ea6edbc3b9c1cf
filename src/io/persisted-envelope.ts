/**
 * The planner's saved envelope, read from its JSON text: `{ version, revision, library, activeId, ui }`, each
 * library scenario in the scenario file's form. Older envelopes are upgraded by an ordered, append-only list of
 * migrations (each with a frozen fixture in tests/fixtures/persisted/ and an exact before→after test); a
 * scenario that does not validate is reported by id, name and reason, and the others open; two scenarios under
 * one id both open, the second under a fresh id (`repairDuplicateIds`). Pure, with no storage access, so the
 * page and a worker decode alike (src/state/persistence.ts reads and writes storage).
 */
import { z } from 'zod';
import type { Scenario } from '../domain/scenario-schema';
import { formatIssue, validateScenario } from '../domain/validate-scenario';

/** The envelope version this build writes. */
export const PERSIST_VERSION = 3;

/** One saved scenario of the user's library. */
export type LibraryEntry = { id: string; scenario: Scenario };

export type PriceUnit = 'per-million' | 'per-thousand';
/** The colour theme: the system's setting until the user picks one. */
export type Theme = 'system' | 'light' | 'dark';

/**
 * The user's display preferences, saved with the library. Strategies hidden from the Summary and charts (by id)
 * and the Summary folded to one line are written only when set, and read as unset from envelopes without them.
 */
export type SavedUi = {
  theme: Theme;
  priceUnit: PriceUnit;
  hiddenStrategyIds?: string[] | undefined;
  summaryCollapsed?: boolean | undefined;
};

export type PersistedState = {
  /** Every scenario the user keeps, in their order. */
  library: LibraryEntry[];
  activeId: string;
  ui: SavedUi;
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

export const uiSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).catch('system'),
  priceUnit: z.enum(['per-million', 'per-thousand']).catch('per-million'),
  hiddenStrategyIds: z.array(z.string()).optional().catch(undefined),
  summaryCollapsed: z.boolean().optional().catch(undefined),
});

/** A saved scenario that shared its id with an earlier one and was given a fresh id. */
export type RepairedId = { name: string; sharedWith: string; oldId: string; newId: string };

export type DecodeResult =
  | {
      ok: true;
      state: PersistedState;
      /** How many saves the envelope has seen (0 for one written before revisions). */
      revision: number;
      /** Saved scenarios that could not be opened, each with its id, name and reason; the others open. */
      dropped: string[];
      /** Scenarios that opened under a fresh id, their saved id being taken by an earlier scenario. */
      repaired: RepairedId[];
    }
  | { ok: false; message: string };

const libraryEntrySchema = z.object({ id: z.string().min(1), scenario: z.unknown() });

/**
 * Gives every scenario after the first of an id a fresh id (`scenario-N`, the smallest N ≥ 1 that is neither
 * among `takenIds` nor the list's ids), keeping every scenario in its place. Pure.
 * `[A as "scenario-1", B as "scenario-1"]` → `[A as "scenario-1", B as "scenario-2"]`.
 */
export function repairDuplicateIds(
  library: readonly LibraryEntry[],
  takenIds: Iterable<string> = [],
): { library: LibraryEntry[]; repaired: RepairedId[] } {
  const taken = new Set([...takenIds, ...library.map((entry) => entry.id)]);
  const firstById = new Map<string, LibraryEntry>();
  const repaired: RepairedId[] = [];
  const result = library.map((entry) => {
    const first = firstById.get(entry.id);
    if (first === undefined) {
      firstById.set(entry.id, entry);
      return entry;
    }
    let n = 1;
    while (taken.has(`scenario-${n}`)) n++;
    const newId = `scenario-${n}`;
    taken.add(newId);
    repaired.push({ name: entry.scenario.name, sharedWith: first.scenario.name, oldId: entry.id, newId });
    return { id: newId, scenario: entry.scenario };
  });
  return { library: result, repaired };
}

/** A saved scenario's name when it has one, for messages about a scenario that did not open. */
function savedName(scenario: unknown): string | null {
  if (typeof scenario !== 'object' || scenario === null) return null;
  const name = (scenario as Record<string, unknown>)['name'];
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

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
  const opened: LibraryEntry[] = [];
  const dropped: string[] = [];
  for (const entry of entries.data) {
    const validated = validateScenario(entry.scenario);
    if (validated.ok) {
      opened.push({ id: entry.id, scenario: validated.value });
    } else {
      const name = savedName(entry.scenario);
      const issues = validated.issues.map(formatIssue).join('; ');
      dropped.push(`${entry.id}${name === null ? '' : ` (“${name}”)`}: ${issues}`);
    }
  }
  if (opened.length === 0) {
    return {
      ok: false,
      message: `no saved scenario could be opened (${dropped.join('; ') || 'the list is empty'})`,
    };
  }
  const { library, repaired } = repairDuplicateIds(
    opened,
    entries.data.map((entry) => entry.id),
  );
  const savedActive = current['activeId'];
  const activeId = library.some((e) => e.id === savedActive) ? (savedActive as string) : library[0]!.id;
  const ui = uiSchema.safeParse(current['ui'] ?? {});
  const revision = current['revision'];
  return {
    ok: true,
    revision: typeof revision === 'number' && Number.isInteger(revision) && revision >= 0 ? revision : 0,
    state: { library, activeId, ui: ui.success ? ui.data : { theme: 'system', priceUnit: 'per-million' } },
    dropped,
    repaired,
  };
}
