/**
 * Money over time, one line per series, drawn as plain SVG (`MonthChart`). Drawn with recharts, Compare's chart
 * of 12 strategies over 60 months held the page about 200 ms the first time: recharts registers its axes and
 * series from effects and then draws the whole chart again in one synchronous render.
 */
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
import { MonthChart, buildMonthLine } from './month-plot';
import './charts.css';

export type MoneyLineChartProps = {
  /** X-axis labels, one per point ("Jan 2027"). */
  labels: readonly string[];
  /** Values in USD, as the engine gives them. */
  series: readonly MoneySeries[];
  /** The currency and rate to show them in. */
  display: MoneyDisplay;
};

/** Up to this many months each point gets a dot. */
const DOTTED_MONTHS = 12;

/**
 * Money over time, one line per series in its colour and dash pattern; an emphasised series is drawn heavier
 * and the others lighter. A month's tooltip lists its amounts, largest first.
 */
export function MoneyLineChart({ labels, series: usdSeries, display }: MoneyLineChartProps) {
  const series = scaleSeries(usdSeries, display);
  const currency = display.currency;
  const anyEmphasis = series.some((s) => s.emphasis);
  const styles = series.map((s, index) => describeSeriesStyle(s, index));
  const color = (index: number) => styles[index]?.color ?? 'var(--muted)';
  return (
    <MonthChart
      labels={labels}
      ticks={buildMoneyTicks(collectValues(series))}
      currency={currency}
      legend={series.map((s, index) => ({ name: s.name, color: color(index), shape: 'line' }))}
      what={series.length === 1 ? 'One line' : `${series.length} lines`}
      draw={(plot) =>
        series.map((s, index) => {
          const dash = styles[index]?.dash;
          return (
            <g key={index} stroke={color(index)} strokeOpacity={anyEmphasis && !s.emphasis ? 0.8 : 1}>
              <path
                d={buildMonthLine(s.values, plot)}
                fill="none"
                strokeWidth={s.emphasis ? 3.5 : 2}
                strokeDasharray={dash === 'none' ? undefined : dash}
                strokeLinejoin="round"
              />
              {labels.length <= DOTTED_MONTHS &&
                s.values.map((value, month) =>
                  value === null ? null : (
                    <circle
                      key={month}
                      cx={plot.x(month)}
                      cy={plot.y(value)}
                      r={s.emphasis ? 3.5 : 2.5}
                      fill={color(index)}
                      stroke="none"
                    />
                  ),
                )}
            </g>
          );
        })
      }
      mark={(plot, month) =>
        series.map((s, index) => {
          const value = s.values[month];
          return value === null || value === undefined ? null : (
            <circle
              key={index}
              cx={plot.x(month)}
              cy={plot.y(value)}
              r={4}
              fill={color(index)}
              stroke="var(--surface)"
              strokeWidth={1.5}
            />
          );
        })
      }
      tooltip={(month) => ({
        // Largest first; a series with no value that month is left out.
        lines: valuesInMonth(series, month)
          .sort((a, b) => b.value - a.value)
          .map(({ value, name, index }) => ({
            name,
            text: formatAmountInFull(value, currency),
            color: color(index),
          })),
      })}
    />
  );
}
