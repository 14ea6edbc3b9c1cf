import { BurnDownChart } from '../../charts/burn-down-chart';
import type { BurnDownMarker } from '../../charts/burn-down-chart';
import { ChartFrame } from '../../charts/chart-frame';
import { makeDistinctNames } from '../../charts/chart-series';
import type { CreditPool, FixedCost } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import { formatMoney, formatMonth } from '../../format/format';
import { sumCreditsDrawn } from '../../domain/credit-figures';
import { readMoney, sumMonthFixedCosts } from '../../domain/strategy-figures';
import { buildPoolSeries, describeBurnDown, namePool } from './runway-figures';

/** Credit pools burning down and cash over the horizon for one strategy, with the months each runs out. */
export function BurnDownSection({
  strategy,
  pools,
  fixedCosts = [],
  startMonth,
}: {
  strategy: StrategyResult;
  pools: readonly CreditPool[];
  /** The scenario's fixed costs: the table shows the month's total of those the strategy pays. */
  fixedCosts?: readonly FixedCost[];
  startMonth: string | undefined;
}) {
  const showFixed = fixedCosts.length > 0;
  const labels = strategy.months.map((m) => formatMonth(m.month, startMonth));
  const markers: BurnDownMarker[] = [];
  if (strategy.creditsExhaustedMonth !== null) {
    markers.push({ index: strategy.creditsExhaustedMonth, label: 'Credits run out' });
  }
  if (strategy.runwayMonths !== null) markers.push({ index: strategy.runwayMonths, label: 'Cash runs out' });

  const table = {
    columns: makeDistinctNames([
      'Month',
      ...pools.map((pool) => `${namePool(pool)} balance`),
      ...(showFixed ? ['Spend', 'of which fixed costs'] : []),
      'Credits drawn',
      'AI paid in cash',
      'Cash at month end',
    ]),
    rows: strategy.months.map((m, month) => [
      labels[month] ?? '',
      ...pools.map((pool) =>
        m.month < pool.startMonth
          ? `starts ${formatMonth(pool.startMonth, startMonth)}`
          : formatMoney(readMoney(m.creditBalances, pool.id)),
      ),
      ...(showFixed ? [formatMoney(m.spend), formatMoney(sumMonthFixedCosts(m))] : []),
      formatMoney(sumCreditsDrawn(m, pools)),
      formatMoney(m.cashSpentOnAI),
      formatMoney(m.cashEnd),
    ]),
  };

  return (
    <ChartFrame
      title={`Credits and cash: ${strategy.name}`}
      summary={describeBurnDown(strategy, pools, startMonth)}
      table={table}
      height={380}
    >
      <BurnDownChart
        labels={labels}
        pools={buildPoolSeries(pools, strategy)}
        cash={strategy.months.map((m) => m.cashEnd)}
        cashName="Cash"
        markers={markers}
      />
    </ChartFrame>
  );
}
