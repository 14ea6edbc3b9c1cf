/**
 * The runway facts that deserve a warning rather than a tile: cash running out soon under a strategy, and credit
 * pools that only start once cash is already gone (a company cannot live to draw them).
 */
import type { CreditPool } from './scenario-schema';
import type { StrategyResult } from './simulate';

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
