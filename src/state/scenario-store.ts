/**
 * The one store: the scenario being edited (always a valid document), its undo history, and UI preferences.
 * Results are never stored: they are derived from the scenario by `simulate` (see selectors.ts).
 */
import { create } from 'zustand';
import type { Scenario } from '../domain/scenario-schema';
import { validateScenario } from '../domain/validate-scenario';
import type { ValidationIssue } from '../domain/validate-scenario';

const HISTORY_LIMIT = 100;

export type EditResult = { ok: true } | { ok: false; issues: ValidationIssue[] };

export type PriceUnit = 'per-million' | 'per-thousand';
export type Theme = 'light' | 'dark';

export type LoadNotice =
  | { kind: 'none' }
  /** Saved data could not be read; the default opened and the unreadable copy is kept for export. */
  | { kind: 'unreadable'; message: string; unreadableCopy: string }
  | { kind: 'storage-error'; message: string };

export type ScenarioSlice = {
  /** Null until the saved or default scenario has loaded. */
  scenario: Scenario | null;
  past: Scenario[];
  future: Scenario[];
  /**
   * Replaces the scenario with `next` after validating the whole document. An invalid document changes
   * nothing and returns its issues. `recordHistory: false` loads without an undo step.
   */
  commit: (next: unknown, options?: { recordHistory?: boolean }) => EditResult;
  /** Applies a pure edit to the current scenario and commits it. */
  edit: (recipe: (scenario: Scenario) => Scenario) => EditResult;
  undo: () => void;
  redo: () => void;
};

export type UiSlice = {
  theme: Theme;
  priceUnit: PriceUnit;
  /** The strategy the Compare and Runway views focus on; null means the cheapest. */
  focusStrategyId: string | null;
  loadNotice: LoadNotice;
  setTheme: (theme: Theme) => void;
  setPriceUnit: (unit: PriceUnit) => void;
  setFocusStrategy: (id: string | null) => void;
  setLoadNotice: (notice: LoadNotice) => void;
};

export type PlannerState = ScenarioSlice & UiSlice;

type SliceCreator<T> = (
  set: (partial: Partial<PlannerState> | ((state: PlannerState) => Partial<PlannerState>)) => void,
  get: () => PlannerState,
) => T;

const createScenarioSlice: SliceCreator<ScenarioSlice> = (set, get) => ({
  scenario: null,
  past: [],
  future: [],
  commit: (next, options) => {
    const validated = validateScenario(next);
    if (!validated.ok) return validated;
    const { scenario, past } = get();
    const recordHistory = options?.recordHistory ?? true;
    set({
      scenario: validated.value,
      past: recordHistory && scenario ? [...past, scenario].slice(-HISTORY_LIMIT) : recordHistory ? past : [],
      future: recordHistory ? [] : [],
    });
    return { ok: true };
  },
  edit: (recipe) => {
    const { scenario, commit } = get();
    if (!scenario) return { ok: false, issues: [{ path: '', message: 'the scenario has not loaded yet' }] };
    return commit(recipe(scenario));
  },
  undo: () => {
    const { scenario, past, future } = get();
    const previous = past.at(-1);
    if (!previous || !scenario) return;
    set({ scenario: previous, past: past.slice(0, -1), future: [scenario, ...future] });
  },
  redo: () => {
    const { scenario, past, future } = get();
    const next = future[0];
    if (!next || !scenario) return;
    set({ scenario: next, past: [...past, scenario], future: future.slice(1) });
  },
});

const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  theme: 'light',
  priceUnit: 'per-million',
  focusStrategyId: null,
  loadNotice: { kind: 'none' },
  setTheme: (theme) => set({ theme }),
  setPriceUnit: (priceUnit) => set({ priceUnit }),
  setFocusStrategy: (focusStrategyId) => set({ focusStrategyId }),
  setLoadNotice: (loadNotice) => set({ loadNotice }),
});

export const usePlannerStore = create<PlannerState>()((set, get) => ({
  ...createScenarioSlice(set, get),
  ...createUiSlice(set, get),
}));

/** The state a fresh store starts with; tests reset to it between cases. */
export const initialPlannerState = usePlannerStore.getState();

/** The loaded scenario; throws if called before loading (components below the loading gate only). */
export function useScenario(): Scenario {
  const scenario = usePlannerStore((state) => state.scenario);
  if (!scenario) throw new Error('useScenario called before the scenario loaded');
  return scenario;
}
