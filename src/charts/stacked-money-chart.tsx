/**
 * Money over time split into parts stacked on each other, drawn as plain SVG (`MonthChart`): areas over many
 * months, bars over a few.
 */
import {
  buildMoneyTicks,
  describeSeriesStyle,
  scaleSeries,
  stackSeries,
  valuesInMonth,
} from './chart-series';
import type { MoneySeries } from './chart-series';
import { formatAmountInFull } from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { MonthChart, buildMonthBand } from './month-plot';
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

/** A bar's share of its month's band. */
const BAR_SHARE = 0.7;

/** Money over time split into parts stacked on each other; the tooltip lists the parts and their total. */
export function StackedMoneyChart({ labels, series: usdSeries, variant, display }: StackedMoneyChartProps) {
  const series = scaleSeries(usdSeries, display);
  const currency = display.currency;
  const shape = variant ?? (labels.length <= 6 ? 'bar' : 'area');
  const stacks = stackSeries(labels.length, series);
  const color = (index: number) => describeSeriesStyle(series[index]!, index).color;
  return (
    <MonthChart
      labels={labels}
      ticks={buildMoneyTicks(stacks.at(-1)?.top ?? [])}
      currency={currency}
      legend={series.map((s, index) => ({ name: s.name, color: color(index), shape: 'square' }))}
      what={`${series.length} stacked part${series.length === 1 ? '' : 's'}`}
      draw={(plot) =>
        stacks.map(({ base, top }, index) =>
          shape === 'area' ? (
            <path
              key={index}
              d={buildMonthBand(base, top, plot)}
              fill={color(index)}
              fillOpacity={0.7}
              stroke={color(index)}
            />
          ) : (
            <g key={index} fill={color(index)}>
              {top.map((high, month) => {
                const low = base[month] ?? 0;
                const y0 = plot.y(Math.max(low, high));
                const y1 = plot.y(Math.min(low, high));
                return y1 - y0 <= 0 ? null : (
                  <rect
                    key={month}
                    x={plot.start(month) + (plot.band * (1 - BAR_SHARE)) / 2}
                    y={y0}
                    width={plot.band * BAR_SHARE}
                    height={y1 - y0}
                  />
                );
              })}
            </g>
          ),
        )
      }
      mark={() => null}
      tooltip={(month) => {
        const parts = valuesInMonth(series, month);
        const total = parts.reduce((sum, part) => sum + part.value, 0);
        return {
          lines: parts.map(({ value, name, index }) => ({
            name,
            text: formatAmountInFull(value, currency),
            color: color(index),
          })),
          ...(parts.length > 1 ? { total: formatAmountInFull(total, currency) } : {}),
        };
      }}
    />
  );
}
