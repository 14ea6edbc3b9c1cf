import { Bar, BarChart, ReferenceLine, ResponsiveContainer, Tooltip } from 'recharts';
import {
  buildMoneyTicks,
  buildRows,
  collectValues,
  describeSeriesStyle,
  seriesKey,
  scaleSeries,
} from './chart-series';
import type { MoneySeries } from './chart-series';
import type { MoneyDisplay } from '../format/format';
import { MONEY_CHART_MARGIN, renderMoneyAxes, renderMoneyLegend } from './money-axes';
import { MoneyTooltip } from './money-tooltip';
import './charts.css';

export type MoneyBarChartProps = {
  labels: readonly string[];
  /** Values in USD, as the engine gives them. */
  series: readonly MoneySeries[];
  /** The currency and rate to show them in. */
  display: MoneyDisplay;
};

/** Money per label, series side by side; negative values hang below a marked zero line. */
export function MoneyBarChart({ labels, series: usdSeries, display }: MoneyBarChartProps) {
  const series = scaleSeries(usdSeries, display);
  const rows = buildRows(labels, series);
  const { domain, ticks } = buildMoneyTicks(collectValues(series));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={MONEY_CHART_MARGIN} barGap={1}>
        {renderMoneyAxes({ domain, ticks, currency: display.currency })}
        <ReferenceLine y={0} stroke="var(--muted)" />
        <Tooltip
          content={(props) => <MoneyTooltip {...props} currency={display.currency} />}
          cursor={{ fill: 'var(--surface-2)' }}
        />
        {renderMoneyLegend()}
        {series.map((s, index) => {
          const { color } = describeSeriesStyle(s, index);
          return (
            <Bar
              key={seriesKey(index)}
              dataKey={seriesKey(index)}
              name={s.name}
              fill={color}
              isAnimationActive={false}
            />
          );
        })}
      </BarChart>
    </ResponsiveContainer>
  );
}
