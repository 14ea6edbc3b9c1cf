/**
 * Words for a strategy's outcome, months named from the scenario's start month.
 */
import type { Scenario } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import { formatMonth } from '../../ui/format';

/** When credits stop covering the spend: "Apr 2027", "Last the horizon" or "No credit pools". */
export function describeCreditsEnd(strategy: StrategyResult, scenario: Scenario): string {
  if (scenario.credits.length === 0) return 'No credit pools';
  if (strategy.creditsExhaustedMonth === null) return 'Last the horizon';
  return formatMonth(strategy.creditsExhaustedMonth, scenario.startMonth);
}

/** The heading of a first-year figure: "12-month spend", or "6-month spend" for a shorter horizon. */
export function describeFirstYear(scenario: Scenario): string {
  return `${Math.min(12, scenario.horizonMonths)}-month spend`;
}
