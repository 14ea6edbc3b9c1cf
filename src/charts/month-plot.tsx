/**
 * The frame of the plain-SVG charts of money by month (credits and cash, the Monte Carlo fan, Compare's spend and
 * savings): where each month and amount falls, the month axis, the money axes' ticks, and `MonthChart`, the chart
 * around a set of series.
 */
import {
  AXIS_STROKE,
  MONEY_AXIS_WIDTH,
  TICK_CHAR_PX,
  TICK_MARK_PX,
  TICK_STYLE,
  keepTickInside,
  linearScale,
} from './chart-series';
import type { MoneyTicks } from './chart-series';
import { findAxisTop, formatMoneyTick } from '../format/format';
import type { MoneyDisplay } from '../format/format';
import type { PointerEvent, ReactNode } from 'react';
import { steppedIndex } from './plot-keys';
import { FloatingTooltip, PlotSurface, usePlotCursor } from './svg-plot';
import { TooltipLines } from './tooltip-lines';
import type { TooltipLine } from './tooltip-lines';
import { useElementSize } from './use-element-size';

/** Room above the plot when nothing is labelled there, px. */
const TOP_PX = 8;
/** Room right of the plot when there is no right-hand axis, px. */
const RIGHT_PX = 12;
/** Room under the plot for the month axis's ticks and labels, px. */
const X_AXIS_PX = 26;
/** The least room between two month labels, px. */
const MONTH_GAP_PX = 16;

/**
 * Where the months and the money fall in a plot of `width` × `height` px: each month a band of equal width
 * between the left axis and the right one (or the right edge), a balance held across the band and a point (the
 * month's tick) in the band's middle; money on the left axis's scale, and on the right-hand one's (`rightY`) when
 * it has its own (`rightDomain`). `top` leaves room above the plot (labels).
 */
export function placeMonthPlot(
  monthCount: number,
  width: number,
  height: number,
  moneyDomain: readonly [number, number],
  rightDomain: readonly [number, number] | null,
  top = TOP_PX,
) {
  const left = MONEY_AXIS_WIDTH;
  const right = Math.max(left + 1, width - (rightDomain ? MONEY_AXIS_WIDTH : RIGHT_PX));
  const bottom = Math.max(top + 1, height - X_AXIS_PX);
  const band = (right - left) / Math.max(1, monthCount);
  const y = linearScale(moneyDomain, bottom, top);
  return {
    left,
    right,
    top,
    bottom,
    /** The width of a month's band, px. */
    band,
    /** Where a month's band starts. */
    start: (month: number) => left + month * band,
    /** The middle of a month's band. */
    x: (month: number) => left + (month + 0.5) * band,
    y,
    rightY: rightDomain ? linearScale(rightDomain, bottom, top) : y,
    /** The month whose band is at `px` across; null outside the plot. */
    monthAt(px: number): number | null {
      if (monthCount === 0 || px < left || px > right) return null;
      return Math.min(monthCount - 1, Math.floor((px - left) / band));
    },
  };
}

export type MonthPlot = ReturnType<typeof placeMonthPlot>;

/**
 * A line through each month's value at the middle of its band ("M x y L x y…"); a gap (null) breaks it, the next
 * value starting it again. Empty for no values.
 */
export function buildMonthLine(values: readonly (number | null)[], plot: Pick<MonthPlot, 'x' | 'y'>): string {
  let path = '';
  let drawing = false;
  values.forEach((value, month) => {
    if (value === null || !Number.isFinite(value)) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${plot.x(month)} ${plot.y(value)}`;
    drawing = true;
  });
  return path;
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

/** Every `n`-th month gets a label, `n` chosen so that the widest label keeps `MONTH_GAP_PX` from the next. */
export function labelledMonths(labels: readonly string[], band: number): number[] {
  const widest = Math.max(0, ...labels.map((label) => label.length)) * TICK_CHAR_PX;
  const every = band > 0 ? Math.max(1, Math.ceil((widest + MONTH_GAP_PX) / band)) : 1;
  return labels.map((_, month) => month).filter((month) => month % every === 0);
}

/** The month axis's ticks and labels under the plot (`labelledMonths`), each kept inside the chart's `width`. */
export function MonthAxis({
  plot,
  labels,
  width,
}: {
  plot: MonthPlot;
  labels: readonly string[];
  width: number;
}) {
  return (
    <g fill={TICK_STYLE.fill} fontSize={TICK_STYLE.fontSize} stroke={AXIS_STROKE}>
      {labelledMonths(labels, plot.band).map((month) => {
        const x = plot.x(month);
        const text = labels[month] ?? '';
        return (
          <g key={month}>
            <line x1={x} x2={x} y1={plot.bottom} y2={plot.bottom + TICK_MARK_PX} />
            <text
              x={keepTickInside(x, text, width)}
              y={plot.bottom + TICK_MARK_PX + 13}
              textAnchor="middle"
              stroke="none"
            >
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** A money axis's ticks and their short amounts, on the plot's left or right edge. */
export function MoneyAxisTicks({
  plot,
  ticks,
  side,
  currency,
}: {
  plot: MonthPlot;
  ticks: readonly number[];
  side: 'left' | 'right';
  currency: MoneyDisplay['currency'];
}) {
  const edge = side === 'left' ? plot.left : plot.right;
  const out = side === 'left' ? -1 : 1;
  const axisTop = findAxisTop(ticks);
  const y = side === 'left' ? plot.y : plot.rightY;
  return (
    <g fill={TICK_STYLE.fill} fontSize={TICK_STYLE.fontSize} stroke={AXIS_STROKE}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={edge} x2={edge + out * TICK_MARK_PX} y1={y(tick)} y2={y(tick)} />
          <text
            x={edge + out * (TICK_MARK_PX + 3)}
            y={y(tick) + 4}
            textAnchor={side === 'left' ? 'end' : 'start'}
            stroke="none"
          >
            {formatMoneyTick(tick, currency, axisTop)}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * The month a month chart shows: under the pointer (inside the plot), or stepped to with the arrow keys, and the
 * handlers that go on its `PlotSurface`. `at` is that month, where its tooltip goes (`y`), and whether the keys
 * chose it.
 */
export function useMonthCursor(plot: MonthPlot | null, months: number) {
  const { cursor, point, step, surfaceHandlers } = usePlotCursor<{ month: number; y: number }>();
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!plot) return;
    const box = event.currentTarget.getBoundingClientRect();
    const month = plot.monthAt(event.clientX - box.left);
    const y = event.clientY - box.top;
    point(month === null || y < plot.top || y > plot.bottom ? null : { month, y });
  };
  const onStepKey = (key: string): boolean => {
    const month = steppedIndex(key, cursor?.item.month ?? -1, months, ['ArrowRight', 'ArrowDown']);
    if (month === undefined) return false;
    step(month === null || !plot ? null : { month, y: (plot.top + plot.bottom) / 2 });
    return true;
  };
  const at = cursor && cursor.item.month < months ? { ...cursor.item, byKey: cursor.byKey } : null;
  return { at, handlers: { onPointerMove, onStepKey, ...surfaceHandlers } };
}

/** One entry of a month chart's legend: a square swatch (areas, bars) or a short stroke (lines). */
export type LegendEntry = { name: string; color: string; shape: 'square' | 'line'; opacity?: number };

/** A chart's legend above its plot, centred: a swatch and a name per entry (redrawn in a saved image). */
export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className="svg-chart__legend svg-chart__legend--centred">
      {entries.map((entry, index) => (
        <li key={index} data-chart-legend-item>
          <span
            className={`svg-chart__swatch${entry.shape === 'line' ? ' svg-chart__swatch--line' : ''}`}
            style={{ background: entry.color, opacity: entry.opacity }}
          />
          <span>{entry.name}</span>
        </li>
      ))}
    </ul>
  );
}

/** What a month chart's tooltip shows for a month: a line per series, and a total under them when given. */
export type MonthTooltip = { lines: readonly TooltipLine[]; total?: string };

/**
 * A chart of money by month drawn as plain SVG: its legend above, the grid, the money axis, the month axis, and the
 * month under the pointer or stepped to with the arrow keys (on the focused plot) marked, with its tooltip. The
 * chart draws its series (`draw`), the dots of the month shown (`mark`) and says what the tooltip lists (`tooltip`).
 */
export function MonthChart({
  labels,
  ticks,
  currency,
  legend,
  what,
  draw,
  mark,
  tooltip,
  zeroLine = false,
}: {
  labels: readonly string[];
  /** The money axis's bounds and round ticks (`buildMoneyTicks`). */
  ticks: MoneyTicks;
  currency: MoneyDisplay['currency'];
  legend: readonly LegendEntry[];
  /** What the plot shows, for its accessible name ("3 lines"). */
  what: string;
  draw: (plot: MonthPlot) => ReactNode;
  mark: (plot: MonthPlot, month: number) => ReactNode;
  tooltip: (month: number) => MonthTooltip;
  /** Marks $0 (values below zero hang under it). */
  zeroLine?: boolean;
}) {
  const { ref, size } = useElementSize();
  const months = labels.length;
  const plot = size ? placeMonthPlot(months, size.width, size.height, ticks.domain, null) : null;
  const { at, handlers } = useMonthCursor(plot, months);
  const shown = at ? tooltip(at.month) : null;
  return (
    <div className="svg-chart">
      <ChartLegend entries={legend} />
      <div className="svg-plot" ref={ref}>
        {size && plot && (
          <PlotSurface
            width={size.width}
            height={size.height}
            label={`${what} over ${months} month${months === 1 ? '' : 's'}: the arrow keys step through the months`}
            {...handlers}
          >
            <g stroke={AXIS_STROKE} strokeDasharray="3 3">
              {ticks.ticks.map((tick) => (
                <line key={tick} x1={plot.left} x2={plot.right} y1={plot.y(tick)} y2={plot.y(tick)} />
              ))}
            </g>
            {at && (
              <rect
                x={plot.start(at.month)}
                y={plot.top}
                width={plot.band}
                height={plot.bottom - plot.top}
                fill="var(--surface-2)"
                pointerEvents="none"
              />
            )}
            {draw(plot)}
            {zeroLine && (
              <line x1={plot.left} x2={plot.right} y1={plot.y(0)} y2={plot.y(0)} stroke="var(--muted)" />
            )}
            <g stroke={AXIS_STROKE}>
              <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
              <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
            </g>
            <MoneyAxisTicks plot={plot} ticks={ticks.ticks} side="left" currency={currency} />
            <MonthAxis plot={plot} labels={labels} width={size.width} />
            {at && <g pointerEvents="none">{mark(plot, at.month)}</g>}
          </PlotSurface>
        )}
        {at && shown && plot && size && (
          <FloatingTooltip
            x={plot.x(at.month)}
            y={at.y}
            width={size.width}
            height={size.height}
            announce={at.byKey}
          >
            <TooltipLines label={labels[at.month] ?? ''} lines={shown.lines} />
            {shown.total !== undefined && (
              <p className="chart-tooltip__total">
                <span>Total</span>
                <span>{shown.total}</span>
              </p>
            )}
          </FloatingTooltip>
        )}
      </div>
    </div>
  );
}
