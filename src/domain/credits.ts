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
 * The pools and platforms of a whole run, prepared once: the order pools are drawn in (soonest end first,
 * never-ending last, ties in list order), which platforms each covers, and the earliest pool start.
 */
export type CreditLedger = {
  pools: readonly CreditPool[];
  /** Platforms with spend, in alphabetical order (the order pools pay them in). */
  platforms: readonly string[];
  /** Pool indexes in drawing order. */
  drawOrder: readonly number[];
  /** The month after each pool's last usable month (Infinity when it never expires), by pool index. */
  ends: readonly number[];
  /** `covers[pool][platform]`: whether the pool pays spend on the platform (both by index). */
  covers: readonly (readonly boolean[])[];
  /** Whether some pool in the list covers the platform (by platform index). */
  coveredByAny: readonly boolean[];
  earliestStart: number;
};

/** Prepares the pools for drawing month after month; `platforms` are sorted alphabetically here. */
export function prepareCreditLedger(
  pools: readonly CreditPool[],
  platforms: readonly string[],
): CreditLedger {
  const sorted = [...platforms].sort();
  const ends = pools.map(poolEndMonth);
  const drawOrder = pools.map((_, index) => index).sort((a, b) => ends[a]! - ends[b]! || a - b);
  const covers = pools.map((pool) => sorted.map((platform) => isPlatformCovered(pool, platform)));
  return {
    pools,
    platforms: sorted,
    drawOrder,
    ends,
    covers,
    coveredByAny: sorted.map((_, p) => covers.some((row) => row[p])),
    earliestStart: pools.reduce((min, pool) => Math.min(min, pool.startMonth), Infinity),
  };
}

/** One month's draw in figures, without the per-pool records. */
export type CreditDrawTotals = Omit<CreditDraw, 'creditsDrawn' | 'balances'>;

/**
 * Pays one month's AI spend from the pools of `ledger`: the core of `drawCredits`, on arrays. `unpaid` holds
 * the spend of each of `ledger.platforms` (same order) and is left holding what no pool paid; `balances`
 * (indexed like the pools) are updated in place; `drawnByPool`, when given, receives what each pool paid. The
 * figures are written to `into` when given (a run of many months reuses one object) and returned.
 */
export function drawCreditsFromLedger(
  ledger: CreditLedger,
  balances: number[],
  unpaid: number[] | Float64Array,
  month: number,
  drawnByPool: number[] | null,
  into?: CreditDrawTotals,
): CreditDrawTotals {
  const { pools, platforms, drawOrder, ends, covers, coveredByAny } = ledger;
  const platformCount = platforms.length;
  let creditsUsed = 0;
  for (let order = 0; order < drawOrder.length; order++) {
    const index = drawOrder[order]!;
    if (month < pools[index]!.startMonth || month >= ends[index]!) continue;
    const poolCovers = covers[index]!;
    for (let p = 0; p < platformCount; p++) {
      const balance = balances[index]!;
      if (balance <= 0) break;
      if (!poolCovers[p]) continue;
      const owed = unpaid[p]!;
      const paid = Math.min(balance, owed);
      if (paid <= 0) continue;
      balances[index] = balance - paid;
      unpaid[p] = owed - paid;
      if (drawnByPool) drawnByPool[index] = drawnByPool[index]! + paid;
      creditsUsed += paid;
    }
  }

  let creditsExpired = 0;
  for (let index = 0; index < pools.length; index++) {
    if (ends[index]! - 1 === month) {
      creditsExpired += balances[index]!;
      balances[index] = 0;
    }
  }

  let cashSpentOnAI = 0;
  let coveredSpendPaidInCash = 0;
  const started = month >= ledger.earliestStart;
  for (let p = 0; p < platformCount; p++) {
    const owed = unpaid[p]!;
    cashSpentOnAI += owed;
    if (started && coveredByAny[p]) coveredSpendPaidInCash += owed;
  }
  if (!into) return { creditsUsed, creditsExpired, cashSpentOnAI, coveredSpendPaidInCash };
  into.creditsUsed = creditsUsed;
  into.creditsExpired = creditsExpired;
  into.cashSpentOnAI = cashSpentOnAI;
  into.coveredSpendPaidInCash = coveredSpendPaidInCash;
  return into;
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
  const ledger = prepareCreditLedger(pools, Object.keys(spendByPlatform));
  const unpaid = ledger.platforms.map((platform) => spendByPlatform[platform] ?? 0);
  const drawn = pools.map(() => 0);
  const totals = drawCreditsFromLedger(ledger, balances, unpaid, month, drawn);
  return { ...totals, ...describePools(pools, drawn, balances) };
}

/** The per-pool records of a month: what each pool paid and its balance, by pool id. */
export function describePools(
  pools: readonly CreditPool[],
  drawnByPool: readonly number[],
  balances: readonly number[],
): Pick<CreditDraw, 'creditsDrawn' | 'balances'> {
  const creditsDrawn = Object.create(null) as Record<string, number>;
  const balanceById = Object.create(null) as Record<string, number>;
  pools.forEach((pool, index) => {
    creditsDrawn[pool.id] = drawnByPool[index]!;
    balanceById[pool.id] = balances[index]!;
  });
  return { creditsDrawn, balances: balanceById };
}
