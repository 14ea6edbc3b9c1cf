import { ChartFrame } from '../../charts/chart-frame';
import { makeDistinctNames } from '../../charts/chart-series';
import type { MoneySeries } from '../../charts/chart-series';
import { MoneyLineChart } from '../../charts/money-line-chart';
import type { SimulationResult, StrategyResult } from '../../domain/simulate';
import { moneyCell } from '../../charts/chart-table';
import { usePlannerStore } from '../../state/scenario-store';
import { useMoneyDisplay } from '../../ui/money';
import { buildSpendSeries, describeSpendChart } from './compare-series';

/** The line chart of monthly spend per strategy, the cheapest drawn heavier. */
export function SpendByStrategySection({
  result,
  cheapest,
  broken,
  labels,
}: {
  result: SimulationResult;
  /** The strategy every screen crowns (`selectCheapestStrategy`), drawn heavier. */
  cheapest: StrategyResult | null;
  /** Each strategy's broken constraints, by id (`selectBrokenConstraints`). */
  broken: ReadonlyMap<string, readonly unknown[]>;
  labels: readonly string[];
}) {
  const display = useMoneyDisplay();
  const hiddenIds = new Set(usePlannerStore((s) => s.hiddenStrategyIds));
  const series: MoneySeries[] = buildSpendSeries(result, cheapest?.id ?? null, hiddenIds);
  const shown = result.strategies.filter((s) => !hiddenIds.has(s.id));
  // The words crown the strategy every screen crowns, and describe the lines drawn.
  const described = describeSpendChart(result, cheapest, broken, labels, display, hiddenIds);
  const table = {
    columns: ['Month', ...makeDistinctNames(shown.map((s) => s.name))],
    rows: labels.map((label, month) => [
      label,
      ...shown.map((s) => moneyCell(s.months[month]?.spend ?? 0, display)),
    ]),
  };
  return (
    <ChartFrame
      title="Monthly spend per strategy"
      summary={
        shown.length < result.strategies.length
          ? `${described} Hidden from this chart (show them again in the Summary): ${result.strategies
              .filter((s) => hiddenIds.has(s.id))
              .map((s) => s.name)
              .join(', ')}.`
          : described
      }
      table={table}
      height={360}
    >
      <MoneyLineChart labels={labels} series={series} display={display} />
    </ChartFrame>
  );
}
