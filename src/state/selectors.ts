/**
 * Derived figures. The simulation is computed from the scenario, once per scenario object, and shared by
 * every component that asks for it.
 */
import type { Scenario } from '../domain/scenario-schema';
import { simulate } from '../domain/simulate';
import type { SimulationResult, StrategyResult } from '../domain/simulate';
import { usePlannerStore, useScenario } from './scenario-store';

const results = new WeakMap<Scenario, SimulationResult>();

/** `simulate(scenario)`, memoised per scenario object (the store replaces the object on every edit). */
export function selectSimulation(scenario: Scenario): SimulationResult {
  let result = results.get(scenario);
  if (!result) {
    result = simulate(scenario);
    results.set(scenario, result);
  }
  return result;
}

export function useSimulation(): SimulationResult {
  return selectSimulation(useScenario());
}

/** The strategy with the lowest 12-month spend (ties: list order); null when there is none. */
export function findCheapestStrategy(result: SimulationResult): StrategyResult | null {
  let best: StrategyResult | null = null;
  for (const strategy of result.strategies) {
    if (!best || strategy.totals.firstYearSpend < best.totals.firstYearSpend) best = strategy;
  }
  return best;
}

/** The strategy the detail views focus on: the user's pick if it still exists, else the cheapest. */
export function useFocusStrategy(): StrategyResult | null {
  const result = useSimulation();
  const focusId = usePlannerStore((state) => state.focusStrategyId);
  return result.strategies.find((s) => s.id === focusId) ?? findCheapestStrategy(result);
}
