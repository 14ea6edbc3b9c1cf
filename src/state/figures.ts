/**
 * The figures a screen shows, as hooks. Figures follow the scenario in a deferred render
 * (`useFiguresScenario`): an edit draws the edited field in the next frame, and the figures follow in a render
 * React may interrupt, so typing in a 200-slice, 10,000-model scenario is not held up by its plan.
 */
import { useDeferredValue } from 'react';
import { findCheapestStrategy } from '../domain/strategy-figures';
import type { Plan } from '../domain/plan-scenario';
import type { Scenario } from '../domain/scenario-schema';
import type { SimulationResult, StrategyResult } from '../domain/simulate';
import type { ValidationIssue, ValidationResult } from '../domain/validate-scenario';
import { usePlannerStore, useScenario } from './scenario-store';
import { selectPlan, selectSimulation } from './selectors';

/**
 * The scenario the figures on screen are computed from: the store's scenario through `useDeferredValue`, so it
 * lags an edit by one deferred render. A component that shows figures reads the scenario here, not with
 * `useScenario`, so its figures and the names, slices and months it shows them against always agree; editors
 * read `useScenario`.
 */
export function useFiguresScenario(): Scenario {
  return useDeferredValue(useScenario());
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

/** The strategy the detail views focus on: the user's pick if it still exists, else the cheapest. */
export function useFocusStrategy(): StrategyResult | null {
  const plan = usePlan();
  const focusId = usePlannerStore((state) => state.focusStrategyId);
  if (!plan.ok) return null;
  const result = plan.value.result;
  return result.strategies.find((s) => s.id === focusId) ?? findCheapestStrategy(result);
}
