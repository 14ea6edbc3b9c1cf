/**
 * What the Credits and runway screen reads out of a simulation result: pool balances for the burn-down and the
 * headline sentences. Picks figures out of the result; the engine computes them (pools that expire unused and
 * spend no pool covers in `src/domain/credit-figures.ts`).
 */
import type { MoneySeries } from '../../charts/chart-series';
import type { CreditPool, Scenario } from '../../domain/scenario-schema';
import { findCashRunOutMonths } from '../../domain/runway-alerts';
import { planStrategy } from '../../domain/simulate';
import type { StrategyResult } from '../../domain/simulate';
import { readMoney } from '../../domain/strategy-figures';
import { formatMoney, formatMonth, listWords } from '../../format/format';
import type { MoneyDisplay } from '../../format/format';

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
    // Nothing before the pool starts: the chart leaves it out there, as the table says "starts …".
    values: strategy.months.map((m) =>
      m.month < pool.startMonth ? null : readMoney(m.creditBalances, pool.id),
    ),
    colorIndex: index,
  }));
}

/** The burn-down chart's one-paragraph summary. */
export function describeBurnDown(
  strategy: StrategyResult,
  pools: readonly CreditPool[],
  startMonth: string | undefined,
  display: MoneyDisplay,
): string {
  const lastMonth = strategy.months[strategy.months.length - 1];
  const poolsPart =
    pools.length === 0
      ? `${strategy.name} has no credit pools to draw.`
      : `Pool balances at the end of each month, each from its start month, as ${strategy.name} draws them: ` +
        (strategy.creditsExhaustedMonth === null
          ? 'credits last the horizon.'
          : `credits run out in ${formatMonth(strategy.creditsExhaustedMonth, startMonth)}.`);
  const runOutMonths = findCashRunOutMonths(strategy);
  const [firstRunOut, ...laterRunOuts] = runOutMonths.map((month) => formatMonth(month, startMonth));
  const cashPart =
    firstRunOut === undefined
      ? `Cash lasts the horizon, ending at ${formatMoney(lastMonth?.cashEnd ?? 0, display)}.`
      : laterRunOuts.length === 0
        ? `Cash runs out in ${firstRunOut}.`
        : `Cash runs out in ${firstRunOut}, comes back above zero and runs out again in ${listWords(laterRunOuts)}; each month it runs out is marked.`;
  // After the last run-out, cash may come back for good (no month after it runs out again).
  const lastRunOut = runOutMonths[runOutMonths.length - 1];
  const backFrom =
    lastRunOut === undefined
      ? -1
      : strategy.months.findIndex((month, t) => t > lastRunOut && month.cashEnd >= 0);
  const recoveryPart =
    backFrom < 0 || lastMonth === undefined
      ? ''
      : ` It is above zero again from ${formatMonth(backFrom, startMonth)} and ends the horizon at ${formatMoney(lastMonth.cashEnd, display)}.`;
  return `${poolsPart} ${cashPart}${recoveryPart}`;
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
