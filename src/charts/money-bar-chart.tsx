/** Money per month, series side by side, drawn as plain SVG (`MonthChart`); negative values hang below zero. */
import {
  buildMoneyTicks,
  collectValues,
  describeSeriesStyle,
  scaleSeries,
  valuesInMonth,
} from './chart-series';
import type { MoneySeries } from './chart-series';
import { formatAmountInFull } from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { MonthChart } from './month-plot';
import './charts.css';

export type MoneyBarChartProps = {
  labels: readonly string[];
  /** Values in USD, as the engine gives them. */
  series: readonly MoneySeries[];
  /** The currency and rate to show them in. */
  display: MoneyDisplay;
};

/** The share of a month's band its bars fill together. */
const GROUP_SHARE = 0.8;

/** Money per label, series side by side; negative values hang below a marked zero line. */
export function MoneyBarChart({ labels, series: usdSeries, display }: MoneyBarChartProps) {
  const series = scaleSeries(usdSeries, display);
  const currency = display.currency;
  const color = (index: number) => describeSeriesStyle(series[index]!, index).color;
  return (
    <MonthChart
      labels={labels}
      ticks={buildMoneyTicks(collectValues(series))}
      currency={currency}
      legend={series.map((s, index) => ({ name: s.name, color: color(index), shape: 'square' }))}
      what={`${series.length === 1 ? 'One series' : `${series.length} series`} of bars`}
      zeroLine
      draw={(plot) => {
        const width = (plot.band * GROUP_SHARE) / Math.max(1, series.length);
        return series.map((s, index) => (
          <g key={index} fill={color(index)}>
            {s.values.map((value, month) => {
              if (value === null || value === 0) return null;
              const x = plot.start(month) + (plot.band * (1 - GROUP_SHARE)) / 2 + index * width;
              const y0 = plot.y(Math.max(0, value));
              const y1 = plot.y(Math.min(0, value));
              return <rect key={month} x={x} y={y0} width={Math.max(1, width - 1)} height={y1 - y0} />;
            })}
          </g>
        ));
      }}
      mark={() => null}
      tooltip={(month) => ({
        lines: valuesInMonth(series, month).map(({ value, name, index }) => ({
          name,
          text: formatAmountInFull(value, currency),
          color: color(index),
        })),
      })}
    />
  );
}
