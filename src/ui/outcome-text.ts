/**
 * Words for a strategy's outcome, the same on every screen: when credits run out, how long cash lasts, and the
 * heading of the first-year figure. Months are named from the scenario's start month.
 */
import type { Scenario } from '../domain/scenario-schema';
import type { StrategyResult } from '../domain/simulate';
import { formatMonth, formatMonths } from './format';

type ScenarioTiming = Pick<Scenario, 'credits' | 'horizonMonths' | 'startMonth'>;

/** When credits stop covering the spend: "Apr 2027", "Not within 24 months" or "No credit pools". */
export function describeCreditsEnd(strategy: StrategyResult, scenario: ScenarioTiming): string {
  if (scenario.credits.length === 0) return 'No credit pools';
  if (strategy.creditsExhaustedMonth === null) return `Not within ${formatMonths(scenario.horizonMonths)}`;
  return formatMonth(strategy.creditsExhaustedMonth, scenario.startMonth);
}

/** How long cash lasts: "9 months" or "Beyond 24 months". */
export function describeRunway(strategy: StrategyResult, scenario: ScenarioTiming): string {
  if (strategy.runwayMonths === null) return `Beyond ${formatMonths(scenario.horizonMonths)}`;
  return formatMonths(strategy.runwayMonths);
}

/** The month cash runs out ("Oct 2027"), or null when it lasts the horizon. */
export function describeCashOutMonth(strategy: StrategyResult, scenario: ScenarioTiming): string | null {
  return strategy.runwayMonths === null ? null : formatMonth(strategy.runwayMonths, scenario.startMonth);
}

/** The heading of the first-year figure: "12-month spend", or "6-month spend" for a shorter horizon. */
export function describeFirstYear(scenario: Pick<Scenario, 'horizonMonths'>): string {
  return `${Math.min(12, scenario.horizonMonths)}-month spend`;
}
