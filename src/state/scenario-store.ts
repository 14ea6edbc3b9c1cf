/**
 * The one store: the scenario being edited (always a valid document), its undo history, and UI preferences.
 * Results are never stored: they are derived from the scenario by `simulate` (see selectors.ts).
 */
import { create } from 'zustand';
import type { Scenario } from '../domain/scenario-schema';
import { makeUniqueName } from '../domain/ids';
import { validateScenario, validateScenarioEdit } from '../domain/validate-scenario';
import type { ValidationIssue } from '../domain/validate-scenario';
import type { LibraryEntry, PriceUnit, SavedUi, Theme } from '../io/persisted-envelope';
import type { HeldSave, RepairedId, UnreadableCopy } from './persistence';

export type { LibraryEntry, PriceUnit, SavedUi, Theme };

const HISTORY_LIMIT = 100;

/** How long after a commit another commit of the same edit group still joins its undo step. */
export const EDIT_GROUP_WINDOW_MS = 1500;

/** The edit group of commits made synchronously inside `withEditGroup`; null outside it. */
let activeEditGroup: string | null = null;

/**
 * Runs `fn` with every commit it makes synchronously tagged with the edit group `key`. Consecutive commits of
 * one group (a field's keystrokes) make one undo step while each follows the previous within
 * `EDIT_GROUP_WINDOW_MS`. Returns what `fn` returns.
 */
export function withEditGroup<T>(key: string, fn: () => T): T {
  const outer = activeEditGroup;
  activeEditGroup = key;
  try {
    return fn();
  } finally {
    activeEditGroup = outer;
  }
}

export type CommitOptions = {
  /** False loads without an undo step (and clears the history). Default true. */
  recordHistory?: boolean;
  /**
   * Joins the undo step of the previous commit when that one had the same group and was made at most
   * `EDIT_GROUP_WINDOW_MS` before. Default: the group of the enclosing `withEditGroup`, if any.
   */
  groupKey?: string | null;
  /**
   * List entries (models…) already validated elsewhere and unchanged since, such as a worker's read of an
   * imported file: not parsed again (see `validateScenarioEdit`).
   */
  validatedEntries?: ReadonlySet<unknown>;
};

/** The group and time (ms since the epoch) of the last commit that recorded history with a group. */
export type EditGroup = { key: string; at: number };

export type EditResult = { ok: true } | { ok: false; issues: ValidationIssue[] };

export type LoadNotice =
  | { kind: 'none' }
  | { kind: 'storage-error'; message: string }
  /** Storage did not answer: the default opened in memory and nothing is saved. */
  | { kind: 'saving-off'; message: string };

/**
 * Saved data the app could not read wholly, left untouched in storage until the user chooses: keep it aside
 * and continue, download it, or discard it.
 */
export type HeldNotice = {
  held: HeldSave;
  /** True when it was found on opening the page (else a save found it, written since the page opened). */
  onOpening: boolean;
  /** The names of the saved scenarios that opened from it (none: the default opened in its place). */
  opened: string[];
  /** The saved scenarios it holds that could not be opened, each with its reason. */
  notOpened: string[];
};

/** What became of a share link the page was opened with. */
export type ShareNotice =
  | { kind: 'opened'; name: string }
  /** Why the link could not be opened: one line per problem, as the command line words them. */
  | { kind: 'failed'; problems: string[] };

/** A deleted scenario, kept so the deletion can be undone. */
export type DeletedEntry = { entry: LibraryEntry; index: number };

export type ScenarioSlice = {
  /** The scenario being edited (the active library entry's); null until loaded. */
  scenario: Scenario | null;
  /** Every scenario the user keeps, the active one included (kept in step with `scenario`). */
  library: LibraryEntry[];
  activeId: string | null;
  /** The last deleted scenario, until another deletion or its restore. */
  lastDeleted: DeletedEntry | null;
  past: Scenario[];
  future: Scenario[];
  /** The edit group of the last commit, while a following commit of the same group may still join it. */
  editGroup: EditGroup | null;
  /**
   * Replaces the scenario with `next` after validating the whole document. An invalid document changes
   * nothing and returns its issues. `recordHistory: false` loads without an undo step; a `groupKey` (or an
   * enclosing `withEditGroup`) merges quick successive commits of one field into one undo step.
   */
  commit: (next: unknown, options?: CommitOptions) => EditResult;
  /** Applies a pure edit to the current scenario and commits it (with `options`, see `commit`). */
  edit: (recipe: (scenario: Scenario) => Scenario, options?: CommitOptions) => EditResult;
  undo: () => void;
  redo: () => void;
  /** Ends the edit group in progress: the next commit starts an undo step of its own, even in the same field. */
  endEditGroup: () => void;
  /** Replaces the whole library (on load); the active scenario opens without history. */
  loadLibrary: (library: LibraryEntry[], activeId: string) => void;
  /**
   * Takes a library merged with another tab's save. The open scenario stays open, with its undo history,
   * unless the merge changed or removed it.
   */
  applySavedLibrary: (library: LibraryEntry[]) => void;
  /**
   * Adds a scenario as a new library entry (never replacing one) and opens it, named apart from the others
   * ("Name (2)" when the library has a "Name"). Returns its id.
   */
  addScenario: (scenario: Scenario) => string;
  /** Opens another scenario of the library; the undo history starts afresh. */
  switchScenario: (id: string) => void;
  /** Deletes a scenario (not the last one); `restoreDeleted` brings it back. */
  deleteScenario: (id: string) => void;
  restoreDeleted: () => void;
  /**
   * Renames a library scenario. The open one is renamed through `edit` (one undo step); another is renamed in
   * place. A name the document refuses changes nothing and returns its issues.
   */
  renameScenario: (id: string, name: string) => EditResult;
};

export type UiSlice = {
  theme: Theme;
  priceUnit: PriceUnit;
  /** The strategy the Compare and Runway views focus on; null means the cheapest. */
  focusStrategyId: string | null;
  /** Strategies left out of the Summary and the Compare chart (still computed, still in every table). */
  hiddenStrategyIds: readonly string[];
  /**
   * Whether the pinned Summary is folded to one line; null until the user chooses: folded on a phone (where the
   * open Summary is a card per strategy, a screen and more before the tabs), open elsewhere.
   */
  isSummaryCollapsed: boolean | null;
  loadNotice: LoadNotice;
  /** Saved data that could not be read, kept aside until the user deletes each copy. */
  unreadableCopies: UnreadableCopy[];
  /** Saved data that could not be read, awaiting the user's choice; nothing is saved over it meanwhile. */
  heldSave: HeldNotice | null;
  /** The held data the user chose to keep aside or discard: the next save may write over it. */
  releasedSave: HeldSave | null;
  /** Saved scenarios that shared an id and opened under a fresh one, until the notice is dismissed. */
  repairedIds: RepairedId[];
  /** A passing word about saving (scenarios another tab also changed, a choice made), until dismissed. */
  syncNotice: string | null;
  /** The share link opened at start-up, or why it could not be; null when there was none or it was dismissed. */
  shareNotice: ShareNotice | null;
  setTheme: (theme: Theme) => void;
  setPriceUnit: (unit: PriceUnit) => void;
  setFocusStrategy: (id: string | null) => void;
  setStrategyHidden: (id: string, hidden: boolean) => void;
  setSummaryCollapsed: (collapsed: boolean) => void;
  /** Takes saved display preferences: the theme, price unit, hidden strategies and folded Summary. */
  applySavedUi: (ui: SavedUi) => void;
  setLoadNotice: (notice: LoadNotice) => void;
  setUnreadableCopies: (copies: UnreadableCopy[]) => void;
  holdSave: (notice: HeldNotice | null) => void;
  /** The user chose what to do with the held data: saving may write over it now. */
  releaseHeldSave: () => void;
  setRepairedIds: (repaired: RepairedId[]) => void;
  setSyncNotice: (notice: string | null) => void;
  setShareNotice: (notice: ShareNotice | null) => void;
};

export type PlannerState = ScenarioSlice & UiSlice;

type SliceCreator<T> = (
  set: (partial: Partial<PlannerState> | ((state: PlannerState) => Partial<PlannerState>)) => void,
  get: () => PlannerState,
) => T;

/** A library id not in use: `scenario-1`, `scenario-2`… */
function nextLibraryId(library: readonly LibraryEntry[]): string {
  const taken = new Set(library.map((entry) => entry.id));
  for (let n = library.length + 1; ; n++) if (!taken.has(`scenario-${n}`)) return `scenario-${n}`;
}

/** The library with the active entry's scenario replaced (or a first entry created). */
function withActiveScenario(
  state: ScenarioSlice,
  scenario: Scenario,
): Pick<ScenarioSlice, 'library' | 'activeId'> {
  if (state.activeId !== null && state.library.some((entry) => entry.id === state.activeId)) {
    return {
      activeId: state.activeId,
      library: state.library.map((entry) => (entry.id === state.activeId ? { ...entry, scenario } : entry)),
    };
  }
  const id = nextLibraryId(state.library);
  return { activeId: id, library: [...state.library, { id, scenario }] };
}

const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get) => ({
  scenario: null,
  library: [],
  activeId: null,
  lastDeleted: null,
  past: [],
  future: [],
  editGroup: null,
  commit: (next, options) => {
    const state = get();
    const validated = validateScenarioEdit(next, state.scenario, options?.validatedEntries);
    if (!validated.ok) return validated;
    const recordHistory = options?.recordHistory ?? true;
    const groupKey = recordHistory ? (options?.groupKey ?? activeEditGroup) : null;
    const now = Date.now();
    const joinsPrevious =
      groupKey !== null &&
      state.scenario !== null &&
      state.editGroup !== null &&
      state.editGroup.key === groupKey &&
      now - state.editGroup.at <= EDIT_GROUP_WINDOW_MS;
    set({
      ...withActiveScenario(state, validated.value),
      scenario: validated.value,
      past: joinsPrevious
        ? state.past
        : recordHistory && state.scenario
          ? [...state.past, state.scenario].slice(-HISTORY_LIMIT)
          : recordHistory
            ? state.past
            : [],
      future: [],
      editGroup: groupKey === null ? null : { key: groupKey, at: now },
    });
    return { ok: true };
  },
  edit: (recipe, options) => {
    const { scenario, commit } = get();
    if (!scenario) return { ok: false, issues: [{ path: '', message: 'the scenario has not loaded yet' }] };
    return commit(recipe(scenario), options);
  },
  endEditGroup: () => {
    if (get().editGroup !== null) set({ editGroup: null });
  },
  undo: () => {
    const { scenario, past, future } = get();
    const previous = past.at(-1);
    if (!previous || !scenario) return;
    set({
      ...withActiveScenario(get(), previous),
      scenario: previous,
      past: past.slice(0, -1),
      future: [scenario, ...future],
      editGroup: null,
    });
  },
  redo: () => {
    const { scenario, past, future } = get();
    const next = future[0];
    if (!next || !scenario) return;
    set({
      ...withActiveScenario(get(), next),
      scenario: next,
      past: [...past, scenario],
      future: future.slice(1),
      editGroup: null,
    });
  },
  loadLibrary: (library, activeId) => {
    const active = library.find((entry) => entry.id === activeId) ?? library[0];
    if (!active) return;
    set({
      library,
      activeId: active.id,
      scenario: active.scenario,
      past: [],
      future: [],
      editGroup: null,
      lastDeleted: null,
    });
  },
  applySavedLibrary: (library) => {
    const { activeId, scenario } = get();
    const active = library.find((entry) => entry.id === activeId);
    if (active && active.scenario === scenario) {
      set({ library });
      return;
    }
    const opened = active ?? library[0];
    if (!opened) return;
    set({
      library,
      activeId: opened.id,
      scenario: opened.scenario,
      past: [],
      future: [],
      editGroup: null,
    });
  },
  addScenario: (added) => {
    const id = nextLibraryId(get().library);
    // A second copy of a scenario (a share link or a file opened twice) comes in as "Name (2)", told apart in the list.
    const name = makeUniqueName(
      added.name,
      get().library.map((entry) => entry.scenario.name),
    );
    const scenario = name === added.name ? added : { ...added, name };
    set({
      library: [...get().library, { id, scenario }],
      activeId: id,
      scenario,
      past: [],
      future: [],
      editGroup: null,
    });
    return id;
  },
  switchScenario: (id) => {
    const entry = get().library.find((e) => e.id === id);
    if (!entry || id === get().activeId) return;
    set({ activeId: id, scenario: entry.scenario, past: [], future: [], editGroup: null });
  },
  deleteScenario: (id) => {
    const { library, activeId } = get();
    const index = library.findIndex((entry) => entry.id === id);
    const entry = library[index];
    if (!entry || library.length <= 1) return;
    const remaining = library.filter((e) => e.id !== id);
    const nextActive = activeId === id ? (remaining[Math.max(0, index - 1)] ?? remaining[0]!) : null;
    set({
      library: remaining,
      lastDeleted: { entry, index },
      ...(nextActive
        ? { activeId: nextActive.id, scenario: nextActive.scenario, past: [], future: [], editGroup: null }
        : {}),
    });
  },
  restoreDeleted: () => {
    const { lastDeleted, library } = get();
    if (!lastDeleted) return;
    const entry = library.some((e) => e.id === lastDeleted.entry.id)
      ? { ...lastDeleted.entry, id: nextLibraryId(library) }
      : lastDeleted.entry;
    const restored = [...library];
    restored.splice(Math.min(lastDeleted.index, restored.length), 0, entry);
    set({ library: restored, lastDeleted: null });
  },
  renameScenario: (id, name) => {
    const { library, activeId, edit } = get();
    if (id === activeId) return edit((scenario) => ({ ...scenario, name }));
    const entry = library.find((e) => e.id === id);
    if (!entry) return { ok: false, issues: [{ path: '', message: `no scenario with id "${id}"` }] };
    const validated = validateScenario({ ...entry.scenario, name });
    if (!validated.ok) return validated;
    set({ library: get().library.map((e) => (e.id === id ? { id, scenario: validated.value } : e)) });
    return { ok: true };
  },
});

const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  theme: 'system',
  priceUnit: 'per-million',
  focusStrategyId: null,
  hiddenStrategyIds: [],
  isSummaryCollapsed: null,
  loadNotice: { kind: 'none' },
  unreadableCopies: [],
  heldSave: null,
  releasedSave: null,
  repairedIds: [],
  syncNotice: null,
  shareNotice: null,
  setTheme: (theme) => set({ theme }),
  setPriceUnit: (priceUnit) => set({ priceUnit }),
  setFocusStrategy: (focusStrategyId) => set({ focusStrategyId }),
  setStrategyHidden: (id, hidden) =>
    set((state) => ({
      hiddenStrategyIds: hidden
        ? [...state.hiddenStrategyIds.filter((hiddenId) => hiddenId !== id), id]
        : state.hiddenStrategyIds.filter((hiddenId) => hiddenId !== id),
    })),
  setSummaryCollapsed: (isSummaryCollapsed) => set({ isSummaryCollapsed }),
  applySavedUi: (ui) =>
    set({
      theme: ui.theme,
      priceUnit: ui.priceUnit,
      hiddenStrategyIds: ui.hiddenStrategyIds ?? [],
      isSummaryCollapsed: ui.summaryCollapsed ?? null,
    }),
  setLoadNotice: (loadNotice) => set({ loadNotice }),
  setUnreadableCopies: (unreadableCopies) => set({ unreadableCopies }),
  holdSave: (heldSave) => set({ heldSave }),
  releaseHeldSave: () => {
    const notice = get().heldSave;
    if (notice) set({ heldSave: null, releasedSave: notice.held });
  },
  setRepairedIds: (repairedIds) => set({ repairedIds }),
  setSyncNotice: (syncNotice) => set({ syncNotice }),
  setShareNotice: (shareNotice) => set({ shareNotice }),
});

export const usePlannerStore = create<PlannerState>()((set, get) => ({
  ...createScenarioSlice(set, get),
  ...createUiSlice(set, get),
}));

/** The store's fields that `readSavedUi` saves: a change to any of them is a change to save. */
const SAVED_UI_FIELDS = [
  'theme',
  'priceUnit',
  'hiddenStrategyIds',
  'isSummaryCollapsed',
] as const satisfies readonly (keyof PlannerState)[];

/** True when the display preferences `readSavedUi` saves are the same objects in both states. */
export function hasSameSavedUi(state: PlannerState, previous: PlannerState): boolean {
  return SAVED_UI_FIELDS.every((field) => state[field] === previous[field]);
}

/** The display preferences saved with the library (see `SavedUi`): the hidden strategies and folded Summary when set. */
export function readSavedUi(state: PlannerState): SavedUi {
  return {
    theme: state.theme,
    priceUnit: state.priceUnit,
    ...(state.hiddenStrategyIds.length > 0 ? { hiddenStrategyIds: [...state.hiddenStrategyIds] } : {}),
    ...(state.isSummaryCollapsed === null ? {} : { summaryCollapsed: state.isSummaryCollapsed }),
  };
}

/** The state a fresh store starts with; tests reset to it between cases. */
export const initialPlannerState = usePlannerStore.getState();

/** The loaded scenario; throws if called before loading (components below the loading gate only). */
export function useScenario(): Scenario {
  const scenario = usePlannerStore((state) => state.scenario);
  if (!scenario) throw new Error('useScenario called before the scenario loaded');
  return scenario;
}
