import { ChartFrame } from '../../charts/chart-frame';
import { makeDistinctNames } from '../../charts/chart-series';
import { StackedMoneyChart } from '../../charts/stacked-money-chart';
import type { Scenario } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import { moneyCell } from '../../charts/chart-table';
import { useMoneyDisplay } from '../../ui/money';
import { buildBreakdownSeries, describeBreakdownChart, groupSmallBands } from './compare-series';
import type { Breakdown } from './compare-series';

/** One strategy's monthly spend stacked by slice or by model. */
export function SpendBreakdownSection({
  scenario,
  strategy,
  by,
  labels,
}: {
  scenario: Scenario;
  strategy: StrategyResult;
  by: Breakdown;
  labels: readonly string[];
}) {
  const display = useMoneyDisplay();
  const series = buildBreakdownSeries(scenario, strategy, by);
  const table = {
    columns: ['Month', ...makeDistinctNames([...series.map((s) => s.name), 'Total'])],
    rows: labels.map((label, month) => [
      label,
      ...series.map((s) => moneyCell(s.values[month] ?? 0, display)),
      moneyCell(strategy.months[month]?.spend ?? 0, display),
    ]),
  };
  return (
    <ChartFrame
      title={`${strategy.name}: spend by ${by}`}
      summary={describeBreakdownChart(strategy, series, by, labels, display)}
      table={table}
      height={380}
    >
      <StackedMoneyChart labels={labels} series={groupSmallBands(series, by)} display={display} />
    </ChartFrame>
  );
}
