/**
 * What the Credits and runway screen reads out of a simulation result: pool balances for the burn-down, pools
 * that expire unused, spend no pool covers, and the headline sentences. Picks figures out of the result; the
 * engine computes them.
 */
import type { MoneySeries } from '../../charts/chart-series';
import { isPlatformCovered } from '../../domain/credits';
import type { CreditPool, Scenario } from '../../domain/scenario-schema';
import { planStrategy } from '../../domain/simulate';
import type { MoneyById, StrategyResult } from '../../domain/simulate';
import { formatMoney, formatMonth } from '../../format/format';

/** A figure from a result record keyed by id (own keys only: ids may be "__proto__"); 0 when absent. */
export function readMoney(record: MoneyById, id: string): number {
  return Object.hasOwn(record, id) ? (record[id] ?? 0) : 0;
}

/** The name a pool is shown by. */
export function namePool(pool: CreditPool): string {
  return pool.name.trim() || 'Unnamed pool';
}

/**
 * Each pool's balance at the end of each month, from its start month on (0 before it starts: the chart shows
 * credits you hold, not credits still to come).
 */
export function buildPoolSeries(pools: readonly CreditPool[], strategy: StrategyResult): MoneySeries[] {
  return pools.map((pool, index) => ({
    name: namePool(pool),
    values: strategy.months.map((m) =>
      m.month < pool.startMonth ? 0 : readMoney(m.creditBalances, pool.id),
    ),
    colorIndex: index,
  }));
}

export type ExpiredPool = { pool: CreditPool; month: number; expiredUsd: number };

/**
 * Pools whose balance expires unused within the horizon: what was left at the end of the pool's last month.
 * Their amounts add up to the strategy's `totals.creditsExpired`.
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
    if (expiredUsd > 1e-9) expired.push({ pool, month: lastMonth, expiredUsd });
  }
  return expired;
}

export type UncoveredPlatform = { platform: string; spendUsd: number };

/** Platforms with AI spend over the horizon that no pool covers (all paid in cash), largest first. */
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
    .filter((entry) => entry.spendUsd > 1e-9)
    .sort((a, b) => b.spendUsd - a.spendUsd || a.platform.localeCompare(b.platform));
}

/** The burn-down chart's one-paragraph summary. */
export function describeBurnDown(
  strategy: StrategyResult,
  pools: readonly CreditPool[],
  startMonth: string | undefined,
): string {
  const lastMonth = strategy.months[strategy.months.length - 1];
  const poolsPart =
    pools.length === 0
      ? `${strategy.name} has no credit pools to draw.`
      : `Pool balances at the end of each month, each from its start month, as ${strategy.name} draws them: ` +
        (strategy.creditsExhaustedMonth === null
          ? 'credits last the horizon.'
          : `credits run out in ${formatMonth(strategy.creditsExhaustedMonth, startMonth)}.`);
  const cashPart =
    strategy.runwayMonths === null
      ? `Cash lasts the horizon, ending at ${formatMoney(lastMonth?.cashEnd ?? 0)}.`
      : `Cash runs out in ${formatMonth(strategy.runwayMonths, startMonth)}.`;
  return `${poolsPart} ${cashPart}`;
}

/**
 * The platforms a credit pool could pay for in this scenario: those of the models its strategies route to
 * (classifiers, capacity models and the fixed costs they pay included, as `planStrategy` lists them), then any other fixed cost's platform, in
 * the order they first appear. Not every platform of the catalog: an imported catalog lists dozens nobody uses.
 */
export function listScenarioPlatforms(scenario: Scenario): string[] {
  const platforms = new Set<string>();
  for (const strategy of scenario.strategies)
    for (const platform of planStrategy(scenario, strategy).platforms) platforms.add(platform);
  for (const cost of scenario.fixedCosts) platforms.add(cost.platform);
  return [...platforms];
}
