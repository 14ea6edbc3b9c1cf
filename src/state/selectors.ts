/**
 * Derived figures. The simulation is computed from the scenario, once per scenario object, and shared by
 * every component that asks for it (through the hooks in src/state/figures.ts).
 */
import { planValidScenario } from '../domain/plan-scenario';
import type { Plan } from '../domain/plan-scenario';
import type { Scenario } from '../domain/scenario-schema';
import type { SimulationResult } from '../domain/simulate';
import type { ValidationResult } from '../domain/validate-scenario';

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

/**
 * The simulation of the current scenario. Only for components rendered when `usePlanIssues()` is empty: a
 * scenario whose figures overflow has no result to show (see `PlanGate`), and asking for one throws.
 */
export function selectSimulation(scenario: Scenario): SimulationResult {
  const plan = selectPlan(scenario);
  if (!plan.ok) throw new Error('the scenario has no figures to show: render its issues instead');
  return plan.value.result;
}
