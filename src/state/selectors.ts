/**
 * Derived figures. The simulation is computed from the scenario, once per scenario object, and shared by
 * every component that asks for it.
 */
import { planValidScenario } from '../domain/plan-scenario';
import { findCheapestStrategy } from '../domain/strategy-figures';
import type { Plan } from '../domain/plan-scenario';
import type { Scenario } from '../domain/scenario-schema';
import type { SimulationResult, StrategyResult } from '../domain/simulate';
import type { ValidationIssue, ValidationResult } from '../domain/validate-scenario';
import { usePlannerStore, useScenario } from './scenario-store';

const plans = new WeakMap<Scenario, ValidationResult<Plan>>();

/**
 * `planValidScenario(scenario)`: the simulation, or the issues that refuse it (figures that overflow), the same
 * as the CLI's `planScenario` gives. Memoised per scenario object (the store replaces the object on every edit,
 * and has already validated it, so the catalog is not parsed again here).
 */
export function selectPlan(scenario: Scenario): ValidationResult<Plan> {
  let plan = plans.get(scenario);
  if (!plan) {
    plan = planValidScenario(scenario);
    plans.set(scenario, plan);
  }
  return plan;
}

export function usePlan(): ValidationResult<Plan> {
  return selectPlan(useScenario());
}

/** The issues that keep the scenario's figures from being shown, or an empty list when there are figures. */
export function usePlanIssues(): readonly ValidationIssue[] {
  const plan = usePlan();
  return plan.ok ? NO_ISSUES : plan.issues;
}

const NO_ISSUES: readonly ValidationIssue[] = [];

/**
 * The simulation of the current scenario. Only for components rendered when `usePlanIssues()` is empty: a
 * scenario whose figures overflow has no result to show (see `PlanGate`), and asking for one throws.
 */
export function selectSimulation(scenario: Scenario): SimulationResult {
  const plan = selectPlan(scenario);
  if (!plan.ok) throw new Error('the scenario has no figures to show: render its issues instead');
  return plan.value.result;
}

export function useSimulation(): SimulationResult {
  return selectSimulation(useScenario());
}

/** The strategy the detail views focus on: the user's pick if it still exists, else the cheapest. */
export function useFocusStrategy(): StrategyResult | null {
  const plan = usePlan();
  const focusId = usePlannerStore((state) => state.focusStrategyId);
  if (!plan.ok) return null;
  const result = plan.value.result;
  return result.strategies.find((s) => s.id === focusId) ?? findCheapestStrategy(result);
}
