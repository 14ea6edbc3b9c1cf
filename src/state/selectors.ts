/**
 * Derived figures. The simulation is computed from the scenario, once per scenario object, and shared by
 * every component that asks for it (through the hooks in src/state/figures.ts).
 */
import { findBrokenConstraintsByStrategy } from '../domain/plan-constraints';
import type { BrokenConstraint } from '../domain/plan-constraints';
import { planValidScenario } from '../domain/plan-scenario';
import type { Plan } from '../domain/plan-scenario';
import type { Model, Scenario } from '../domain/scenario-schema';
import type { SimulationResult, StrategyResult } from '../domain/simulate';
import { findCheapestSoundStrategy } from '../domain/strategy-figures';
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

const brokenConstraints = new WeakMap<Scenario, Map<string, BrokenConstraint[]>>();

/**
 * Every constraint each strategy of `scenario` breaks, by strategy id (`findBrokenConstraintsByStrategy`):
 * computed once per scenario object and shared by the screens that badge, rank or recommend.
 */
export function selectBrokenConstraints(scenario: Scenario): Map<string, BrokenConstraint[]> {
  let broken = brokenConstraints.get(scenario);
  if (!broken) {
    broken = findBrokenConstraintsByStrategy(scenario);
    brokenConstraints.set(scenario, broken);
  }
  return broken;
}

/**
 * The strategy every screen crowns "Cheapest" (`findCheapestSoundStrategy`: the least first-year spend among
 * those breaking no constraint), or null when the scenario has no figures or no strategy.
 */
export function selectCheapestStrategy(scenario: Scenario): StrategyResult | null {
  const plan = selectPlan(scenario);
  if (!plan.ok) return null;
  return findCheapestSoundStrategy(plan.value.result, selectBrokenConstraints(scenario));
}

const catalogPlatforms = new WeakMap<readonly Model[], string[]>();

/**
 * The catalog's platforms, each once, A–Z: listed once per catalog array (a goal seek or a fixed cost's platform
 * picker redraws often, and a catalog can hold 10,000 models).
 */
export function selectCatalogPlatforms(catalog: readonly Model[]): string[] {
  let platforms = catalogPlatforms.get(catalog);
  if (platforms === undefined) {
    platforms = [...new Set(catalog.map((model) => model.platform))].sort((a, b) => a.localeCompare(b));
    catalogPlatforms.set(catalog, platforms);
  }
  return platforms;
}
