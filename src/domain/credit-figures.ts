/**
 * Credit figures read out of the engine's own month records: what each pool lets expire unused, the spend no
 * pool covers, what the pools paid in a month. The Credits and runway screen formats these.
 */
import { isPlatformCovered } from './credits';
import type { CreditPool } from './scenario-schema';
import type { MonthResult, StrategyResult } from './simulate';
import { readMoney } from './strategy-figures';

/** Amounts below this (USD) are float dust, not money. */
const DUST_USD = 1e-9;

export type ExpiredPool = { pool: CreditPool; month: number; expiredUsd: number };

/**
 * Pools whose balance expires unused within the horizon, in list order: at the end of the pool's last month
 * (`startMonth + expiresAfterMonths − 1`) it loses what it held before that month less what it paid in it,
 * `balance(last − 1) − drawn(last)` (its full amount when that month is the horizon's first). Their amounts add
 * up to the strategy's `totals.creditsExpired`.
 */
export function findExpiredPools(pools: readonly CreditPool[], strategy: StrategyResult): ExpiredPool[] {
  const expired: ExpiredPool[] = [];
  for (const pool of pools) {
    if (pool.expiresAfterMonths === null) continue;
    const lastMonth = pool.startMonth + pool.expiresAfterMonths - 1;
    const month = strategy.months[lastMonth];
    if (!month) continue;
    const previous = strategy.months[lastMonth - 1];
    const before = previous ? readMoney(previous.creditBalances, pool.id) : pool.amount;
    const expiredUsd = before - readMoney(month.creditsDrawn, pool.id);
    if (expiredUsd > DUST_USD) expired.push({ pool, month: lastMonth, expiredUsd });
  }
  return expired;
}

/**
 * Whether the strategy spends anything, in any month of the pool's window, on a platform the pool covers: a pool
 * that covers none of its spend can only expire unused, whatever else runs out.
 */
export function poolCoversSpend(pool: CreditPool, strategy: StrategyResult): boolean {
  const end =
    pool.expiresAfterMonths === null ? strategy.months.length : pool.startMonth + pool.expiresAfterMonths;
  for (let t = pool.startMonth; t < Math.min(end, strategy.months.length); t++) {
    const byPlatform = strategy.months[t]!.byPlatform;
    for (const platform of Object.keys(byPlatform)) {
      if (isPlatformCovered(pool, platform) && readMoney(byPlatform, platform) > DUST_USD) return true;
    }
  }
  return false;
}

export type UncoveredPlatform = { platform: string; spendUsd: number };

/**
 * Platforms with spend over the horizon that no pool covers (all paid in cash), with that spend (USD), largest
 * first (ties by name).
 */
export function findUncoveredPlatforms(
  pools: readonly CreditPool[],
  strategy: StrategyResult,
): UncoveredPlatform[] {
  const totals = new Map<string, number>();
  for (const month of strategy.months) {
    for (const platform of Object.keys(month.byPlatform)) {
      if (pools.some((pool) => isPlatformCovered(pool, platform))) continue;
      totals.set(platform, (totals.get(platform) ?? 0) + readMoney(month.byPlatform, platform));
    }
  }
  return [...totals]
    .map(([platform, spendUsd]) => ({ platform, spendUsd }))
    .filter((entry) => entry.spendUsd > DUST_USD)
    .sort((a, b) => b.spendUsd - a.spendUsd || a.platform.localeCompare(b.platform));
}

/** The total of `findUncoveredPlatforms`: spend over the horizon no pool covers (USD). */
export function sumUncoveredSpend(uncovered: readonly UncoveredPlatform[]): number {
  let total = 0;
  for (const entry of uncovered) total += entry.spendUsd;
  return total;
}

/** What the listed pools paid in one month (USD): the sum of their `creditsDrawn`. */
export function sumCreditsDrawn(month: MonthResult, pools: readonly CreditPool[]): number {
  return pools.reduce((sum, pool) => sum + readMoney(month.creditsDrawn, pool.id), 0);
}
