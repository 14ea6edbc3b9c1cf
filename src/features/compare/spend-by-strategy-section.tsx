import { ChartFrame } from '../../charts/chart-frame';
import { makeDistinctNames } from '../../charts/chart-series';
import type { MoneySeries } from '../../charts/chart-series';
import { MoneyLineChart } from '../../charts/money-line-chart';
import type { SimulationResult, StrategyResult } from '../../domain/simulate';
import { moneyCell } from '../../charts/chart-table';
import { useMoneyDisplay } from '../../ui/money';
import { buildSpendSeries, describeSpendChart } from './compare-series';

/** The line chart of monthly spend per strategy, the cheapest drawn heavier. */
export function SpendByStrategySection({
  result,
  cheapest,
  labels,
}: {
  result: SimulationResult;
  cheapest: StrategyResult | null;
  labels: readonly string[];
}) {
  const display = useMoneyDisplay();
  const series: MoneySeries[] = buildSpendSeries(result, cheapest?.id ?? null);
  const table = {
    columns: ['Month', ...makeDistinctNames(result.strategies.map((s) => s.name))],
    rows: labels.map((label, month) => [
      label,
      ...result.strategies.map((s) => moneyCell(s.months[month]?.spend ?? 0, display)),
    ]),
  };
  return (
    <ChartFrame
      title="Monthly spend per strategy"
      summary={describeSpendChart(result, cheapest, labels, display)}
      table={table}
      height={360}
    >
      <MoneyLineChart labels={labels} series={series} display={display} />
    </ChartFrame>
  );
}
