/**
 * The runway facts that deserve a warning rather than a tile: cash running out soon under a strategy, and credit
 * pools that only start once cash is already gone (a company cannot live to draw them).
 */
import type { CreditPool } from './scenario-schema';
import type { MonthResult, StrategyResult } from './simulate';

/** Cash that runs out before this many months have passed gets a warning. */
export const CASH_ALERT_MONTHS = 6;

export type RunwayAlerts = {
  /** The strategy's `runwayMonths` when below `CASH_ALERT_MONTHS` (months 0–5: cash is gone within six). */
  cashOutMonth: number | null;
  /** Pools whose `startMonth` is at or after the month cash runs out, in scenario order. */
  poolsAfterCash: CreditPool[];
};

/**
 * Which runway warnings apply to a strategy's result.
 *
 * `runwayMonths` is the first month (0-based) whose closing cash is below zero; cash runs out "within six
 * months" when that month is one of months 0–5, i.e. `runwayMonths < 6`. A pool starting in month `s` arrives
 * after cash is gone when `s ≥ runwayMonths`: the month it would first pay is already unfunded. When cash lasts
 * the horizon (`runwayMonths` null) neither applies.
 */
export function findRunwayAlerts(
  strategy: Pick<StrategyResult, 'runwayMonths'>,
  pools: readonly CreditPool[],
): RunwayAlerts {
  const runway = strategy.runwayMonths;
  if (runway === null) return { cashOutMonth: null, poolsAfterCash: [] };
  return {
    cashOutMonth: runway < CASH_ALERT_MONTHS ? runway : null,
    poolsAfterCash: pools.filter((pool) => pool.startMonth >= runway),
  };
}

/**
 * Every month (0-based) in which cash runs out: its closing cash (`cashEnd`, USD) is below zero and the month
 * before closed at or above zero (month 0 starts from the cash on hand). The first is the strategy's
 * `runwayMonths`; over a long horizon cash can come back above zero (revenue outgrowing the burn, a fixed cost
 * that ends) and run out again, and each of those months is listed too. Empty when cash never goes below zero.
 */
export function findCashRunOutMonths(strategy: {
  months: readonly Pick<MonthResult, 'cashEnd'>[];
}): number[] {
  const runOuts: number[] = [];
  let wasAboveZero = true;
  strategy.months.forEach((month, index) => {
    const isBelowZero = month.cashEnd < 0;
    if (isBelowZero && wasAboveZero) runOuts.push(index);
    wasAboveZero = !isBelowZero;
  });
  return runOuts;
}
