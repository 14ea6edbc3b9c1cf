import { BurnDownChart } from '../../charts/burn-down-chart';
import type { BurnDownMarker } from '../../charts/burn-down-chart';
import { ChartFrame } from '../../charts/chart-frame';
import { makeDistinctNames } from '../../charts/chart-series';
import type { CreditPool, FixedCost } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import { moneyCell } from '../../charts/chart-table';
import { formatMonth } from '../../format/format';
import { useMoneyDisplay } from '../../ui/money';
import { sumCreditsDrawn } from '../../domain/credit-figures';
import { findCashRunOutMonths } from '../../domain/runway-alerts';
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
  const display = useMoneyDisplay();
  const showFixed = fixedCosts.length > 0;
  const labels = strategy.months.map((m) => formatMonth(m.month, startMonth));
  const markers: BurnDownMarker[] = [];
  if (strategy.creditsExhaustedMonth !== null) {
    markers.push({ index: strategy.creditsExhaustedMonth, label: 'Credits run out' });
  }
  // Every month cash goes below zero, not only the first: over a long horizon it can come back and run out again.
  findCashRunOutMonths(strategy).forEach((month, i) =>
    markers.push({ index: month, label: i === 0 ? 'Cash runs out' : 'Cash runs out again' }),
  );

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
          : moneyCell(readMoney(m.creditBalances, pool.id), display),
      ),
      ...(showFixed ? [moneyCell(m.spend, display), moneyCell(sumMonthFixedCosts(m), display)] : []),
      moneyCell(sumCreditsDrawn(m, pools), display),
      moneyCell(m.cashSpentOnAI, display),
      moneyCell(m.cashEnd, display),
    ]),
  };

  return (
    <ChartFrame
      title={`Credits and cash: ${strategy.name}`}
      summary={describeBurnDown(strategy, pools, startMonth, display)}
      table={table}
      height={380}
    >
      <BurnDownChart
        labels={labels}
        pools={buildPoolSeries(pools, strategy)}
        cash={strategy.months.map((m) => m.cashEnd)}
        cashName="Cash"
        display={display}
        markers={markers}
      />
    </ChartFrame>
  );
}
