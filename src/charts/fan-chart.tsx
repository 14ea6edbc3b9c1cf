/**
 * The Monte Carlo fan chart, drawn as plain SVG on the month plot the credits-and-cash chart uses
 * (`placeMonthPlot`). Drawn with recharts, its first drawing at 60 months held the page 250 ms: recharts
 * registers its axes and series from effects and then draws the whole chart again in one synchronous render,
 * measuring every month's label in the page.
 */
import type { PointerEvent } from 'react';
import { AXIS_STROKE, buildMoneyTicks } from './chart-series';
import { formatAmountInFull, toDisplayAmount } from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { MoneyAxisTicks, MonthAxis, placeMonthPlot } from './month-plot';
import type { MonthPlot } from './month-plot';
import { seriesColor } from './palette';
import { steppedIndex } from './plot-keys';
import { FloatingTooltip, PlotSurface, usePlotCursor } from './svg-plot';
import { TooltipLines } from './tooltip-lines';
import { useElementSize } from './use-element-size';
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

/** A line through each month's value at the middle of its band ("M x y L x y…"); empty for no months. */
export function buildMonthLine(values: readonly number[], plot: Pick<MonthPlot, 'x' | 'y'>): string {
  return values.map((value, month) => `${month === 0 ? 'M' : 'L'}${plot.x(month)} ${plot.y(value)}`).join('');
}

/** The band between `low` and `high`: along the highs month by month, back along the lows, closed. */
export function buildMonthBand(
  low: readonly number[],
  high: readonly number[],
  plot: Pick<MonthPlot, 'x' | 'y'>,
): string {
  if (high.length === 0) return '';
  const back = low
    .map((value, month) => `L${plot.x(month)} ${plot.y(value)}`)
    .reverse()
    .join('');
  return `${buildMonthLine(high, plot)}${back}Z`;
}

/**
 * A fan chart of money over time: the P10–P90 band of Monte Carlo samples, the median line, and the point
 * estimate dashed, so a reader sees both the spread and where the single-number plan sits in it. The pointer or
 * the arrow keys (on the focused plot) show a month's four amounts.
 */
export function FanChart({ labels, p10, p50, p90, point, display }: FanChartProps) {
  const { ref, size } = useElementSize();
  const { cursor, point: pointTo, step, surfaceHandlers } = usePlotCursor<{ month: number; y: number }>();
  const months = labels.length;
  const shown = (values: readonly number[]) =>
    labels.map((_, month) => toDisplayAmount(values[month] ?? 0, display));
  const low = shown(p10);
  const median = shown(p50);
  const high = shown(p90);
  const estimate = shown(point);
  const currency = display.currency;
  const { domain, ticks } = buildMoneyTicks(
    [...low, ...high, ...median, ...estimate].filter(Number.isFinite),
  );
  const plot = size ? placeMonthPlot(months, size.width, size.height, domain, null) : null;

  function pointAt(event: PointerEvent<SVGSVGElement>) {
    if (!plot) return;
    const box = event.currentTarget.getBoundingClientRect();
    const month = plot.monthAt(event.clientX - box.left);
    const y = event.clientY - box.top;
    pointTo(month === null || y < plot.top || y > plot.bottom ? null : { month, y });
  }

  function stepBy(key: string): boolean {
    const month = steppedIndex(key, cursor?.item.month ?? -1, months, ['ArrowRight', 'ArrowDown']);
    if (month === undefined) return false;
    step(month === null || !plot ? null : { month, y: plot.y(median[month] ?? 0) });
    return true;
  }

  const at = cursor && cursor.item.month < months ? { ...cursor.item, byKey: cursor.byKey } : null;
  const lines = at
    ? (
        [
          ['P90', high, BAND_COLOR],
          ['P50', median, BAND_COLOR],
          ['P10', low, BAND_COLOR],
          ['Point estimate', estimate, POINT_COLOR],
        ] as const
      ).map(([name, values, color]) => ({
        name,
        text: formatAmountInFull(values[at.month] ?? 0, currency),
        color,
      }))
    : [];

  return (
    <div className="svg-chart">
      <ul className="svg-chart__legend svg-chart__legend--centred">
        <li data-chart-legend-item>
          <span className="svg-chart__swatch" style={{ background: BAND_COLOR, opacity: 0.45 }} />
          <span>{FAN_NAMES.band}</span>
        </li>
        <li data-chart-legend-item>
          <span className="svg-chart__swatch svg-chart__swatch--line" style={{ background: BAND_COLOR }} />
          <span>{FAN_NAMES.p50}</span>
        </li>
        <li data-chart-legend-item>
          <span className="svg-chart__swatch svg-chart__swatch--line" style={{ background: POINT_COLOR }} />
          <span>{FAN_NAMES.point}</span>
        </li>
      </ul>
      <div className="svg-plot" ref={ref}>
        {size && plot && (
          <PlotSurface
            width={size.width}
            height={size.height}
            label={`${FAN_NAMES.band}, ${FAN_NAMES.p50} and ${FAN_NAMES.point} over ${months} months: the arrow keys step through the months`}
            onPointerMove={pointAt}
            onStepKey={stepBy}
            {...surfaceHandlers}
          >
            <g stroke={AXIS_STROKE} strokeDasharray="3 3">
              {ticks.map((tick) => (
                <line key={tick} x1={plot.left} x2={plot.right} y1={plot.y(tick)} y2={plot.y(tick)} />
              ))}
            </g>
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
            <g stroke={AXIS_STROKE}>
              <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
              <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
            </g>
            <MoneyAxisTicks plot={plot} ticks={ticks} side="left" currency={currency} />
            <MonthAxis plot={plot} labels={labels} width={size.width} />
            {at && (
              <g pointerEvents="none">
                <line
                  x1={plot.x(at.month)}
                  x2={plot.x(at.month)}
                  y1={plot.top}
                  y2={plot.bottom}
                  stroke="var(--muted)"
                />
                {[median, estimate].map((values, index) => (
                  <circle
                    key={index}
                    cx={plot.x(at.month)}
                    cy={plot.y(values[at.month] ?? 0)}
                    r={4}
                    fill={index === 0 ? BAND_COLOR : POINT_COLOR}
                    stroke="var(--surface)"
                    strokeWidth={1.5}
                  />
                ))}
              </g>
            )}
          </PlotSurface>
        )}
        {at && plot && size && (
          <FloatingTooltip
            x={plot.x(at.month)}
            y={at.y}
            width={size.width}
            height={size.height}
            announce={at.byKey}
          >
            <TooltipLines label={labels[at.month] ?? ''} lines={lines} />
          </FloatingTooltip>
        )}
      </div>
    </div>
  );
}
