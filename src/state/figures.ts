/**
 * The figures a screen shows, as hooks. Figures follow the scenario a step behind: an edit draws the edited
 * field in the next frame, and the figures follow once they are computed, so typing in a 200-slice,
 * 10,000-model scenario is not held up by its plan. Under the app's `FiguresProvider` (src/app) the next
 * figures are computed a strategy at a time between frames; a screen rendered on its own follows the store
 * through `useDeferredValue`.
 */
import { createContext, useContext, useDeferredValue } from 'react';
import type { Plan } from '../domain/plan-scenario';
import type { Scenario } from '../domain/scenario-schema';
import type { SimulationResult, StrategyResult } from '../domain/simulate';
import type { ValidationIssue, ValidationResult } from '../domain/validate-scenario';
import { usePlannerStore } from './scenario-store';
import type { PlannerState } from './scenario-store';
import { selectCheapestStrategy, selectPlan, selectSimulation } from './selectors';

/**
 * The scenario whose figures are on screen, provided by the app once they are computed (`FiguresProvider`).
 * Only a change of it re-renders the screens that show figures: an edit alone re-renders the editors.
 */
export const FiguresContext = createContext<Scenario | null>(null);

const selectScenario = (state: PlannerState) => state.scenario;
const selectNothing = () => null;

/**
 * The scenario the figures on screen are computed from: the one `FiguresContext` provides, which lags an edit
 * until its figures are ready (without a provider, the store's through `useDeferredValue`). A component that
 * shows figures reads the scenario here, not with `useScenario`, so its figures and the names, slices and
 * months it shows them against always agree; editors read `useScenario`.
 */
export function useFiguresScenario(): Scenario {
  const provided = useContext(FiguresContext);
  // Without a provider, follow the store; under one, subscribe to nothing (a constant never re-renders).
  const own = useDeferredValue(usePlannerStore(provided ? selectNothing : selectScenario));
  const scenario = provided ?? own;
  if (!scenario) throw new Error('useFiguresScenario called before the scenario loaded');
  return scenario;
}

export function usePlan(): ValidationResult<Plan> {
  return selectPlan(useFiguresScenario());
}

/** The issues that keep the scenario's figures from being shown, or an empty list when there are figures. */
export function usePlanIssues(): readonly ValidationIssue[] {
  const plan = usePlan();
  return plan.ok ? NO_ISSUES : plan.issues;
}

const NO_ISSUES: readonly ValidationIssue[] = [];

export function useSimulation(): SimulationResult {
  return selectSimulation(useFiguresScenario());
}

/** The strategy the detail views focus on: the user's pick if it still exists, else the cheapest (`selectCheapestStrategy`). */
export function useFocusStrategy(): StrategyResult | null {
  const scenario = useFiguresScenario();
  const plan = selectPlan(scenario);
  const focusId = usePlannerStore((state) => state.focusStrategyId);
  if (!plan.ok) return null;
  return plan.value.result.strategies.find((s) => s.id === focusId) ?? selectCheapestStrategy(scenario);
}
