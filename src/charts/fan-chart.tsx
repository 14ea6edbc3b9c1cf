/**
 * The Monte Carlo fan chart, drawn as plain SVG on the month plot the credits-and-cash chart uses
 * (`placeMonthPlot`). Drawn with recharts, its first drawing at 60 months held the page 250 ms: recharts
 * registers its axes and series from effects and then draws the whole chart again in one synchronous render,
 * measuring every month's label in the page.
 */
import { buildMoneyTicks } from './chart-series';
import { formatAmountInFull, toDisplayAmount } from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { MonthChart, buildMonthBand, buildMonthLine } from './month-plot';
import { seriesColor } from './palette';
import './charts.css';

export type FanChartProps = {
  /** X-axis labels, one per point ("Jan 2027"). */
  labels: readonly string[];
  /** Per label, USD. */
  p10: readonly number[];
  p50: readonly number[];
  p90: readonly number[];
  /** The point estimate (every input at its likely value), USD per label. */
  point: readonly number[];
  /** The currency and rate to show money in. */
  display: MoneyDisplay;
};

const BAND_COLOR = seriesColor(0);
const POINT_COLOR = seriesColor(1);
/** The point estimate's dashes, as recharts drew them. */
const POINT_DASH = '6 4';

export const FAN_NAMES = {
  band: 'P10–P90 range',
  p50: 'P50 (median)',
  point: 'Point estimate (likely values)',
} as const;

/**
 * A fan chart of money over time: the P10–P90 band of Monte Carlo samples, the median line, and the point
 * estimate dashed, so a reader sees both the spread and where the single-number plan sits in it. The pointer or
 * the arrow keys (on the focused plot) show a month's four amounts.
 */
export function FanChart({ labels, p10, p50, p90, point, display }: FanChartProps) {
  const shown = (values: readonly number[]) =>
    labels.map((_, month) => toDisplayAmount(values[month] ?? 0, display));
  const low = shown(p10);
  const median = shown(p50);
  const high = shown(p90);
  const estimate = shown(point);
  const currency = display.currency;
  const ticks = buildMoneyTicks([...low, ...high, ...median, ...estimate].filter(Number.isFinite));
  return (
    <MonthChart
      labels={labels}
      ticks={ticks}
      currency={currency}
      legend={[
        { name: FAN_NAMES.band, color: BAND_COLOR, shape: 'square', opacity: 0.45 },
        { name: FAN_NAMES.p50, color: BAND_COLOR, shape: 'line' },
        { name: FAN_NAMES.point, color: POINT_COLOR, shape: 'line' },
      ]}
      what={`${FAN_NAMES.band}, ${FAN_NAMES.p50} and ${FAN_NAMES.point}`}
      draw={(plot) => (
        <>
          <path
            d={buildMonthBand(low, high, plot)}
            fill={BAND_COLOR}
            fillOpacity={0.22}
            stroke={BAND_COLOR}
            strokeOpacity={0.35}
          />
          <path
            d={buildMonthLine(median, plot)}
            fill="none"
            stroke={BAND_COLOR}
            strokeWidth={2.5}
            strokeLinejoin="round"
          />
          <path
            d={buildMonthLine(estimate, plot)}
            fill="none"
            stroke={POINT_COLOR}
            strokeWidth={2}
            strokeDasharray={POINT_DASH}
            strokeLinejoin="round"
          />
        </>
      )}
      mark={(plot, month) =>
        [median, estimate].map((values, index) => (
          <circle
            key={index}
            cx={plot.x(month)}
            cy={plot.y(values[month] ?? 0)}
            r={4}
            fill={index === 0 ? BAND_COLOR : POINT_COLOR}
            stroke="var(--surface)"
            strokeWidth={1.5}
          />
        ))
      }
      tooltip={(month) => ({
        lines: (
          [
            ['P90', high, BAND_COLOR],
            ['P50', median, BAND_COLOR],
            ['P10', low, BAND_COLOR],
            ['Point estimate', estimate, POINT_COLOR],
          ] as const
        ).map(([name, values, color]) => ({
          name,
          text: formatAmountInFull(values[month] ?? 0, currency),
          color,
        })),
      })}
    />
  );
}
