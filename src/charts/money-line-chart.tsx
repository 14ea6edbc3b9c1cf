import { Line, LineChart, ResponsiveContainer, Tooltip } from 'recharts';
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

export type MoneyLineChartProps = {
  /** X-axis labels, one per point ("Jan 2027"). */
  labels: readonly string[];
  /** Values in USD, as the engine gives them. */
  series: readonly MoneySeries[];
  /** The currency and rate to show them in. */
  display: MoneyDisplay;
};

/** Money over time, one line per series; an emphasised series is drawn heavier and the others lighter. */
export function MoneyLineChart({ labels, series: usdSeries, display }: MoneyLineChartProps) {
  const series = scaleSeries(usdSeries, display);
  const rows = buildRows(labels, series);
  const { domain, ticks } = buildMoneyTicks(collectValues(series));
  const anyEmphasis = series.some((s) => s.emphasis);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={MONEY_CHART_MARGIN}>
        {renderMoneyAxes({ domain, ticks, currency: display.currency })}
        <Tooltip content={(props) => <MoneyTooltip {...props} currency={display.currency} sortByValue />} />
        {renderMoneyLegend()}
        {series.map((s, index) => {
          const { color, dash } = describeSeriesStyle(s, index);
          return (
            <Line
              key={seriesKey(index)}
              type="monotone"
              dataKey={seriesKey(index)}
              name={s.name}
              stroke={color}
              strokeDasharray={dash}
              strokeWidth={s.emphasis ? 3.5 : 2}
              strokeOpacity={anyEmphasis && !s.emphasis ? 0.8 : 1}
              dot={labels.length <= 12 ? { r: s.emphasis ? 3.5 : 2.5 } : false}
              activeDot={{ r: 5 }}
              isAnimationActive={false}
            />
          );
        })}
      </LineChart>
    </ResponsiveContainer>
  );
}
