/**
 * Ranking and comparison figures across the strategies of one simulation: the cheapest strategy, the dearest
 * first-year spend and what each strategy saves against it. The screens and the CLI format these; they do
 * not compute them.
 */
import type { MoneyById, MonthResult, SimulationResult, StrategyResult } from './simulate';

/** A figure from a result record keyed by id (own keys only: ids may be "__proto__"); 0 when absent. */
export function readMoney(record: MoneyById, id: string): number {
  return Object.hasOwn(record, id) ? (record[id] ?? 0) : 0;
}

/**
 * The strategy with the least first-year spend (USD over the first 12 months, or the horizon when shorter);
 * the first listed on a tie; null when there is none.
 */
export function findCheapestStrategy(result: SimulationResult): StrategyResult | null {
  let best: StrategyResult | null = null;
  for (const strategy of result.strategies) {
    if (!best || strategy.totals.firstYearSpend < best.totals.firstYearSpend) best = strategy;
  }
  return best;
}

/**
 * The strategy the screens crown "Cheapest": the least first-year spend among the strategies that break no
 * constraint (`broken`: each strategy's broken constraints by id, `findBrokenConstraintsByStrategy`), which is the
 * POC estimate's recommendation on spend (`pickRecommendedStrategy`); a cheaper strategy that misses a bar or a
 * region limit is not crowned, and shows what it breaks instead. When every strategy breaks one, the cheapest of
 * all (the POC estimate then recommends none). Null when there is no strategy.
 */
export function findCheapestSoundStrategy(
  result: SimulationResult,
  broken: ReadonlyMap<string, readonly unknown[]>,
): StrategyResult | null {
  return (
    findLeastSoundStrategy(result, broken, (strategy) => strategy.totals.firstYearSpend) ??
    findCheapestStrategy(result)
  );
}

/**
 * The strategy with the least `measure` among those that break no constraint (`broken`, by strategy id), the first
 * listed on a tie; null when every strategy breaks one. The one rule behind the screens' "Cheapest" and the POC
 * estimate's recommendation.
 */
export function findLeastSoundStrategy(
  result: SimulationResult,
  broken: ReadonlyMap<string, readonly unknown[]>,
  measure: (strategy: StrategyResult) => number,
): StrategyResult | null {
  let best: StrategyResult | null = null;
  let bestFigure = 0;
  for (const strategy of result.strategies) {
    if ((broken.get(strategy.id)?.length ?? 0) > 0) continue;
    const figure = measure(strategy);
    if (!best || figure < bestFigure) {
      best = strategy;
      bestFigure = figure;
    }
  }
  return best;
}

/** The largest first-year spend (USD) of any strategy; 0 when there is none. */
export function findDearestFirstYear(result: SimulationResult): number {
  return Math.max(0, ...result.strategies.map((strategy) => strategy.totals.firstYearSpend));
}

/**
 * What `strategy` saves in its first year against the dearest strategy (USD):
 * `findDearestFirstYear(result) − strategy.totals.firstYearSpend`, never below 0 (0 for the dearest itself).
 */
export function savingsVsDearest(result: SimulationResult, strategy: StrategyResult): number {
  return Math.max(0, findDearestFirstYear(result) - strategy.totals.firstYearSpend);
}

/** What one month's fixed costs come to (USD): the sum of its `byFixedCost`. */
export function sumMonthFixedCosts(month: MonthResult): number {
  let total = 0;
  for (const id of Object.keys(month.byFixedCost)) total += readMoney(month.byFixedCost, id);
  return total;
}

/** What a strategy pays in fixed costs over the horizon (USD): the sum of every month's. */
export function sumFixedCosts(strategy: StrategyResult): number {
  let total = 0;
  for (const month of strategy.months) total += sumMonthFixedCosts(month);
  return total;
}

/** What a candidate saves against a baseline strategy; negative figures are extra cost. */
export type SpendSavings = {
  /** `baseline.totals.spend − candidate.totals.spend` over the horizon (USD). */
  horizonUsd: number;
  /** `horizonUsd / baseline.totals.spend`; null when the baseline spends nothing. */
  horizonShare: number | null;
  /** `baseline.totals.firstYearSpend − candidate.totals.firstYearSpend` (USD). */
  firstYearUsd: number;
};

/** What `candidate` saves against `baseline` over the horizon and in the first year (negative: costs more). */
export function measureSavings(baseline: StrategyResult, candidate: StrategyResult): SpendSavings {
  const horizonUsd = baseline.totals.spend - candidate.totals.spend;
  return {
    horizonUsd,
    horizonShare: baseline.totals.spend > 0 ? horizonUsd / baseline.totals.spend : null,
    firstYearUsd: baseline.totals.firstYearSpend - candidate.totals.firstYearSpend,
  };
}

/**
 * The strategies that spend least and most in `month` (0-based), with that spend (USD); the first listed on a
 * tie for least, the last listed on a tie for most; null with no strategies.
 */
export function findMonthSpendExtremes(
  result: SimulationResult,
  month: number,
): { low: StrategyResult; lowUsd: number; high: StrategyResult; highUsd: number } | null {
  const byMonth = [...result.strategies].sort(
    (a, b) => (a.months[month]?.spend ?? 0) - (b.months[month]?.spend ?? 0),
  );
  const low = byMonth[0];
  const high = byMonth[byMonth.length - 1];
  if (!low || !high) return null;
  return { low, lowUsd: low.months[month]?.spend ?? 0, high, highUsd: high.months[month]?.spend ?? 0 };
}
