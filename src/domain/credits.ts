/**
 * Credit pools: which pool pays which platform's spend, month by month.
 */
import type { CreditPool } from './scenario-schema';

export type CreditDraw = {
  /** What each pool (by id) paid this month. */
  creditsDrawn: Record<string, number>;
  /** Each pool's balance at the end of the month, after any expiry. */
  balances: Record<string, number>;
  creditsUsed: number;
  /** Balances that expired at the end of this month. */
  creditsExpired: number;
  /** AI spend no pool paid. */
  cashSpentOnAI: number;
  /**
   * Cash-paid spend on platforms some pool in the list covers (active or not), counted only from the earliest
   * pool start on: what decides the month credits run out.
   */
  coveredSpendPaidInCash: number;
};

/** The month after a pool's last usable month; Infinity for a pool that never expires. */
export function poolEndMonth(pool: CreditPool): number {
  return pool.expiresAfterMonths === null ? Infinity : pool.startMonth + pool.expiresAfterMonths;
}

/** Whether a pool pays spend on `platform`: it lists the platform or `"*"`. */
export function isPlatformCovered(pool: CreditPool, platform: string): boolean {
  return pool.appliesTo.includes('*') || pool.appliesTo.includes(platform);
}

/**
 * Pays one month's AI spend from the pools, updating `balances` (indexed like `pools`) in place.
 *
 * Pools active in `month` (`startMonth ≤ month < startMonth + expiresAfterMonths`, balance > 0) are drawn in
 * order of soonest end (never-ending last, ties in list order). Each pays what it can of the still-unpaid spend
 * on the platforms it covers, platforms in alphabetical order. At the end of a pool's last month its remaining
 * balance expires. What no pool pays is paid in cash.
 */
export function drawCredits(
  pools: readonly CreditPool[],
  balances: number[],
  spendByPlatform: Record<string, number>,
  month: number,
): CreditDraw {
  const platforms = Object.keys(spendByPlatform).sort();
  const unpaid = new Map<string, number>(platforms.map((p) => [p, spendByPlatform[p] ?? 0]));
  const creditsDrawn = Object.create(null) as Record<string, number>;
  for (const pool of pools) creditsDrawn[pool.id] = 0;

  const order = pools
    .map((pool, index) => ({ pool, index, end: poolEndMonth(pool) }))
    .sort((a, b) => a.end - b.end || a.index - b.index);

  let creditsUsed = 0;
  for (const { pool, index, end } of order) {
    if (month < pool.startMonth || month >= end) continue;
    for (const platform of platforms) {
      const balance = balances[index]!;
      if (balance <= 0) break;
      if (!isPlatformCovered(pool, platform)) continue;
      const owed = unpaid.get(platform)!;
      const paid = Math.min(balance, owed);
      if (paid <= 0) continue;
      balances[index] = balance - paid;
      unpaid.set(platform, owed - paid);
      creditsDrawn[pool.id] = (creditsDrawn[pool.id] ?? 0) + paid;
      creditsUsed += paid;
    }
  }

  let creditsExpired = 0;
  pools.forEach((pool, index) => {
    if (poolEndMonth(pool) - 1 === month) {
      creditsExpired += balances[index]!;
      balances[index] = 0;
    }
  });

  let cashSpentOnAI = 0;
  let coveredSpendPaidInCash = 0;
  const earliestStart = pools.reduce((min, pool) => Math.min(min, pool.startMonth), Infinity);
  for (const [platform, owed] of unpaid) {
    cashSpentOnAI += owed;
    if (month >= earliestStart && pools.some((pool) => isPlatformCovered(pool, platform))) {
      coveredSpendPaidInCash += owed;
    }
  }

  const balanceById = Object.create(null) as Record<string, number>;
  pools.forEach((pool, index) => (balanceById[pool.id] = balances[index]!));
  return {
    creditsDrawn,
    balances: balanceById,
    creditsUsed,
    creditsExpired,
    cashSpentOnAI,
    coveredSpendPaidInCash,
  };
}
