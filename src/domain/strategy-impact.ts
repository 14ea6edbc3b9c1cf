/**
 * What a change to the scenario does to each strategy's first-year spend: the engine run on the scenario before
 * and after, side by side. Used to show what an import would change before it is applied.
 */
import type { Scenario } from './scenario-schema';
import { simulate } from './simulate';

export type StrategySpendChange = {
  id: string;
  name: string;
  /** Spend over months 0–11 (`totals.firstYearSpend`), USD, before the change. */
  firstYearBefore: number;
  /** The same after the change. */
  firstYearAfter: number;
  /** `firstYearAfter − firstYearBefore`, USD (negative: the change saves money). */
  changeUsd: number;
};

/**
 * Each strategy of `after`, in its order, with its 12-month spend (`firstYearSpend`, after discounts) in `before`
 * and in `after`, both from `simulate`. A strategy only `after` has starts from 0. Figures are full precision:
 * round only to show them. Both scenarios must be valid (as the store keeps them).
 */
export function compareStrategySpend(before: Scenario, after: Scenario): StrategySpendChange[] {
  const beforeById = new Map(
    simulate(before).strategies.map((strategy) => [strategy.id, strategy.totals.firstYearSpend]),
  );
  return simulate(after).strategies.map((strategy) => {
    const firstYearBefore = beforeById.get(strategy.id) ?? 0;
    const firstYearAfter = strategy.totals.firstYearSpend;
    return {
      id: strategy.id,
      name: strategy.name,
      firstYearBefore,
      firstYearAfter,
      changeUsd: firstYearAfter - firstYearBefore,
    };
  });
}

/** The changes that move a strategy's first-year spend by more than `toleranceUsd` (default a thousandth of a cent). */
export function listChangedStrategies(
  changes: readonly StrategySpendChange[],
  toleranceUsd = 1e-5,
): StrategySpendChange[] {
  return changes.filter((change) => Math.abs(change.changeUsd) > toleranceUsd);
}
