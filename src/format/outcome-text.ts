/**
 * Words for a strategy's outcome, the same in the app and on the command line: when credits run out, how long
 * cash lasts, and the heading of the first-year figure. Months are named from the scenario's start month.
 *
 * `runwayMonths` is the 0-based index of the first month whose closing cash is below zero, so cash lasts
 * `runwayMonths` whole months and runs out in the month with that index: a runway of 15 from Jan 2027 reads
 * "15 months (cash runs out in Apr 2028)".
 */
import { findExpiredPools, poolCoversSpend } from '../domain/credit-figures';
import type { Scenario } from '../domain/scenario-schema';
import type { StrategyResult } from '../domain/simulate';
import { formatMonth, formatMonths, listWords } from './format';

type ScenarioTiming = Pick<Scenario, 'credits' | 'horizonMonths' | 'startMonth'>;
type Timing = Pick<Scenario, 'horizonMonths' | 'startMonth'>;

/**
 * When credits stop covering the spend: "Apr 2027", "Beyond Dec 2028" when they last the horizon (named by its last
 * month, as the Uncertainty screen's percentiles are) or "No credit pools".
 */
export function describeCreditsEnd(strategy: StrategyResult, scenario: ScenarioTiming): string {
  if (scenario.credits.length === 0) return 'No credit pools';
  if (strategy.creditsExhaustedMonth === null)
    return `Beyond ${formatMonth(scenario.horizonMonths - 1, scenario.startMonth)}`;
  return formatMonth(strategy.creditsExhaustedMonth, scenario.startMonth);
}

/**
 * How many whole months cash lasts: "15 months", "Less than a month" when the first month already closes below
 * zero, or "Beyond 24 months" when it lasts the horizon.
 */
export function describeRunwayLength(runwayMonths: number | null, timing: Timing): string {
  if (runwayMonths === null) return `Beyond ${formatMonths(timing.horizonMonths)}`;
  if (runwayMonths === 0) return 'Less than a month';
  return formatMonths(runwayMonths);
}

/**
 * The month cash runs out, as a clause: "cash runs out in Apr 2028", or "cash runs out in the first month (Jan
 * 2027)" when it is the first; null when it lasts the horizon.
 */
export function describeCashOut(runwayMonths: number | null, timing: Timing): string | null {
  if (runwayMonths === null) return null;
  const month = formatMonth(runwayMonths, timing.startMonth);
  if (runwayMonths > 0) return `cash runs out in ${month}`;
  // Without a start month the first month is "Month 1": naming it twice says nothing.
  return timing.startMonth
    ? `cash runs out in the first month (${month})`
    : 'cash runs out in the first month';
}

/** A runway's two parts: its length ("15 months") and, in brackets, when cash runs out (null past the horizon). */
export type RunwayWords = { length: string; cashOut: string | null };

/**
 * A runway in its two parts, as `describeRunwayMonths` joins them: "15 months" and "(cash runs out in Apr 2028)";
 * "Less than a month" and "(cash runs out in the first month, Jan 2027)"; "Beyond 24 months" alone.
 */
export function describeRunwayWords(runwayMonths: number | null, timing: Timing): RunwayWords {
  const length = describeRunwayLength(runwayMonths, timing);
  if (runwayMonths === 0 && timing.startMonth)
    return { length, cashOut: `(cash runs out in the first month, ${formatMonth(0, timing.startMonth)})` };
  const cashOut = describeCashOut(runwayMonths, timing);
  return { length, cashOut: cashOut === null ? null : `(${cashOut})` };
}

/**
 * A runway in one phrase: "15 months (cash runs out in Apr 2028)", "Less than a month (cash runs out in the
 * first month, Jan 2027)" or "Beyond 24 months".
 */
export function describeRunwayMonths(runwayMonths: number | null, timing: Timing): string {
  const { length, cashOut } = describeRunwayWords(runwayMonths, timing);
  return cashOut === null ? length : `${length} ${cashOut}`;
}

/** A strategy's runway in one phrase: "15 months (cash runs out in Apr 2028)" or "Beyond 24 months". */
export function describeRunway(strategy: StrategyResult, timing: Timing): string {
  return describeRunwayMonths(strategy.runwayMonths, timing);
}

/** The heading of the first-year figure: "12-month spend", or "6-month spend" for a shorter horizon. */
export function describeFirstYear(scenario: Pick<Scenario, 'horizonMonths'>): string {
  return `${Math.min(12, scenario.horizonMonths)}-month spend`;
}

/**
 * Which credits expire unused, after their amount: "in AWS Activate", "in AWS Activate and Bedrock POC", "in 3
 * pools", and, when none of those pools covers anything the strategy spends on, why they cannot help: "in AWS
 * Activate, which covers none of its spend". Said beside "Credits run out …", so that a strategy whose own
 * platforms' credits are spent while others' go unused does not read as a contradiction. Empty when nothing
 * expires.
 */
export function describeExpiredCredits(
  strategy: StrategyResult,
  scenario: Pick<Scenario, 'credits'>,
): string {
  const expired = findExpiredPools(scenario.credits, strategy);
  if (expired.length === 0) return '';
  const names = expired.map(({ pool }) => pool.name.trim() || 'an unnamed pool');
  const where = `in ${listWords(names)}`;
  const useless = expired.every(({ pool }) => !poolCoversSpend(pool, strategy));
  if (!useless) return where;
  return `${where}, which ${names.length === 1 ? 'covers' : 'cover'} none of its spend`;
}
