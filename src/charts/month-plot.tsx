/**
 * The frame of the plain-SVG charts of money by month (credits and cash, the Monte Carlo fan): where each month and
 * amount falls, the month axis and the money axes' ticks.
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
import { formatMoneyTick } from '../format/format';
import type { MoneyDisplay } from '../format/format';

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
            {formatMoneyTick(tick, currency)}
          </text>
        </g>
      ))}
    </g>
  );
}
