import { Area, AreaChart, Bar, BarChart, ResponsiveContainer, Tooltip } from 'recharts';
import {
  buildMoneyTicks,
  buildRows,
  describeSeriesStyle,
  seriesKey,
  sumStacks,
  scaleSeries,
} from './chart-series';
import type { MoneySeries } from './chart-series';
import type { MoneyDisplay } from '../format/format';
import { MONEY_CHART_MARGIN, renderMoneyAxes, renderMoneyLegend } from './money-axes';
import { MoneyTooltip } from './money-tooltip';
import './charts.css';

export type StackedMoneyChartProps = {
  labels: readonly string[];
  /** Values in USD, as the engine gives them. */
  series: readonly MoneySeries[];
  /** The currency and rate to show them in. */
  display: MoneyDisplay;
  /** Areas read best over many months; bars when there are only a few. Default: bars up to 6 labels. */
  variant?: 'area' | 'bar';
};

/** Money over time split into parts stacked on each other; the tooltip lists the parts and their total. */
export function StackedMoneyChart({ labels, series: usdSeries, variant, display }: StackedMoneyChartProps) {
  const series = scaleSeries(usdSeries, display);
  const rows = buildRows(labels, series);
  const { domain, ticks } = buildMoneyTicks(sumStacks(labels.length, series));
  const shape = variant ?? (labels.length <= 6 ? 'bar' : 'area');
  const axes = (
    <>
      {renderMoneyAxes({ domain, ticks, currency: display.currency })}
      <Tooltip content={(props) => <MoneyTooltip {...props} currency={display.currency} showTotal />} />
      {renderMoneyLegend()}
    </>
  );
  if (shape === 'bar') {
    return (
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={MONEY_CHART_MARGIN}>
          {axes}
          {series.map((s, index) => {
            const { color } = describeSeriesStyle(s, index);
            return (
              <Bar
                key={seriesKey(index)}
                dataKey={seriesKey(index)}
                name={s.name}
                stackId="total"
                fill={color}
                isAnimationActive={false}
              />
            );
          })}
        </BarChart>
      </ResponsiveContainer>
    );
  }
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={rows} margin={MONEY_CHART_MARGIN}>
        {axes}
        {series.map((s, index) => {
          const { color, dash } = describeSeriesStyle(s, index);
          return (
            <Area
              key={seriesKey(index)}
              type="monotone"
              dataKey={seriesKey(index)}
              name={s.name}
              stackId="total"
              stroke={color}
              strokeDasharray={dash}
              fill={color}
              fillOpacity={0.7}
              isAnimationActive={false}
            />
          );
        })}
      </AreaChart>
    </ResponsiveContainer>
  );
}
