import {
  AXIS_STROKE,
  TICK_STYLE,
  alignZero,
  buildMoneyTicks,
  describeSeriesStyle,
  scaleSeries,
  stackSeries,
  valuesInMonth,
} from './chart-series';
import type { MoneySeries } from './chart-series';
import { formatAmountInFull, formatMoneyTick, toDisplayAmount } from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { ChartLegend, MoneyAxisTicks, MonthAxis, placeMonthPlot, useMonthCursor } from './month-plot';
import type { MonthPlot } from './month-plot';
import { FloatingTooltip, PlotSurface } from './svg-plot';
import { TooltipLines } from './tooltip-lines';
import { useElementSize } from './use-element-size';
import './charts.css';

export type BurnDownMarker = {
  /** Index into `labels` of the month the line marks. */
  index: number;
  label: string;
};

export type BurnDownChartProps = {
  labels: readonly string[];
  /** Credit balances at the end of each month, stacked, USD. */
  pools: readonly MoneySeries[];
  /** Cash at the end of each month, USD. */
  cash: readonly number[];
  /** The currency and rate to show money in. */
  display: MoneyDisplay;
  cashName?: string;
  /** Vertical lines with a label: the month credits run out, the month cash runs out. */
  markers?: readonly BurnDownMarker[];
  /**
   * Puts cash on its own right-hand axis, its $0 at the same height as the credits' $0; by default when its
   * scale and the credits' differ a lot (and cash is not mostly below zero).
   */
  cashOnSecondAxis?: boolean;
};

const CASH_COLOR = 'var(--text)';
const MARKER_COLOR = 'var(--error)';
/** Room above the plot for the markers' labels, px. */
const TOP_PX = 24;

/** Whether two magnitudes are far enough apart (5× or more) that one scale would flatten the smaller. */
export function isScaleApart(creditsMaxUsd: number, cashMaxUsd: number): boolean {
  if (creditsMaxUsd <= 0 || cashMaxUsd <= 0) return false;
  const ratio = creditsMaxUsd / cashMaxUsd;
  return ratio >= 5 || ratio <= 1 / 5;
}

/** Markers that fall on the same month share one line and one label ("Credits run out · Cash runs out"). */
function mergeMarkers(markers: readonly BurnDownMarker[]): BurnDownMarker[] {
  const byIndex = new Map<number, string[]>();
  for (const marker of markers)
    byIndex.set(marker.index, [...(byIndex.get(marker.index) ?? []), marker.label]);
  return [...byIndex].map(([index, labels]) => ({ index, label: labels.join(' · ') }));
}

type BurnDownPlot = MonthPlot;

/**
 * One pool's stacked band: each run of months it holds a balance in, that balance held across each month's
 * band on top of the pools before it (`bases`); months before it starts (null) or after it is spent (0) have none,
 * so its edge is not drawn over the pool below.
 */
export function buildPoolPaths(
  values: readonly (number | null)[],
  bases: readonly number[],
  plot: Pick<BurnDownPlot, 'start' | 'y'>,
): { area: string; edge: string } {
  const holds = (month: number) => (values[month] ?? 0) > 0;
  const top = (month: number) => plot.y((bases[month] ?? 0) + (values[month] ?? 0));
  const base = (month: number) => plot.y(bases[month] ?? 0);
  const area: string[] = [];
  const edge: string[] = [];
  for (let month = 0; month < values.length; month++) {
    if (!holds(month)) continue;
    const first = month;
    while (month + 1 < values.length && holds(month + 1)) month++;
    const last = month;
    let line = `M${plot.start(first)},${top(first)}`;
    for (let i = first; i <= last; i++) line += `H${plot.start(i + 1)}${i < last ? `V${top(i + 1)}` : ''}`;
    let back = `V${base(last)}`;
    for (let i = last; i >= first; i--) back += `H${plot.start(i)}${i > first ? `V${base(i - 1)}` : ''}`;
    edge.push(line);
    area.push(`${line}${back}Z`);
  }
  return { area: area.join(''), edge: edge.join('') };
}

/**
 * Cash as a line through the middle of each month's band, held flat over the first and last half-bands so that
 * it spans the plot (a one-month horizon is a level line).
 */
export function buildCashPath(
  cash: readonly number[],
  plot: Pick<BurnDownPlot, 'start' | 'x' | 'rightY'>,
): string {
  if (cash.length === 0) return '';
  const points = cash.map((value, month) => `L${plot.x(month)},${plot.rightY(value)}`).join('');
  const first = plot.rightY(cash[0] ?? 0);
  const last = plot.rightY(cash[cash.length - 1] ?? 0);
  return `M${plot.start(0)},${first}${points}L${plot.start(cash.length)},${last}`;
}

/** The "Cash $0" label's font size, px, and the width of one of its characters. */
const ZERO_LABEL_FONT_PX = 11;
const ZERO_LABEL_CHAR_PX = 6.5;
/** Space between the $0 line and its label, and between the label and the plot's right edge, px. */
const ZERO_LABEL_GAP_PX = 4;
/** How far the label moves left each time its place is taken, px. */
const ZERO_LABEL_STEP_PX = 10;
/** How far the label keeps from the cash line's middle (half its 2.5 px width and a pixel), px. */
const CASH_LINE_CLEARANCE_PX = 2.5;

type Box = { x0: number; x1: number; y0: number; y1: number };
/** Something drawn on the plot: an area's box, or a straight piece of a line from `a` to `b` (left to right). */
type Obstacle = Box | { a: readonly [number, number]; b: readonly [number, number] };

function isCovering(box: Box, obstacle: Obstacle): boolean {
  if ('x0' in obstacle)
    return box.x0 < obstacle.x1 && obstacle.x0 < box.x1 && box.y0 < obstacle.y1 && obstacle.y0 < box.y1;
  const [ax, ay] = obstacle.a;
  const [bx, by] = obstacle.b;
  const from = Math.max(box.x0, ax);
  const to = Math.min(box.x1, bx);
  if (from >= to) return false;
  // The piece is straight: over [from, to] its height runs between its heights at the two ends.
  const yAt = (x: number) => ay + ((by - ay) * (x - ax)) / (bx - ax);
  const low = Math.min(yAt(from), yAt(to)) - CASH_LINE_CLEARANCE_PX;
  const high = Math.max(yAt(from), yAt(to)) + CASH_LINE_CLEARANCE_PX;
  return box.y0 < high && low < box.y1;
}

/**
 * What the label of the $0 line must not cover: each month's stacked credits (from its top down to $0 on the
 * left axis, across its band), each straight piece of the cash line, the markers' vertical lines and their
 * labels inside the plot.
 */
export function listPlotObstacles(
  stacks: readonly number[],
  cash: readonly number[],
  markers: readonly Pick<PlacedMarker, 'x' | 'labelY' | 'labelFrom' | 'labelTo'>[],
  plot: Pick<BurnDownPlot, 'top' | 'bottom' | 'start' | 'x' | 'y' | 'rightY'>,
): Obstacle[] {
  const obstacles: Obstacle[] = [];
  stacks.forEach((stack, month) => {
    if (stack > 0)
      obstacles.push({ x0: plot.start(month), x1: plot.start(month + 1), y0: plot.y(stack), y1: plot.y(0) });
  });
  // The cash line as buildCashPath draws it: flat over the first and last half-bands.
  const points: (readonly [number, number])[] = cash.map((value, month) => [
    plot.x(month),
    plot.rightY(value),
  ]);
  if (cash.length > 0) {
    points.unshift([plot.start(0), plot.rightY(cash[0] ?? 0)]);
    points.push([plot.start(cash.length), plot.rightY(cash[cash.length - 1] ?? 0)]);
  }
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b) obstacles.push({ a, b });
  }
  for (const marker of markers) {
    obstacles.push({ x0: marker.x - 1, x1: marker.x + 1, y0: plot.top, y1: plot.bottom });
    if (marker.labelY > plot.top)
      obstacles.push({
        x0: marker.labelFrom,
        x1: marker.labelTo,
        y0: marker.labelY - 12,
        y1: marker.labelY + 3,
      });
  }
  return obstacles;
}

/**
 * Where the "Cash $0" label goes: just above the $0 line at the plot's right end, else just below it, else the
 * same `ZERO_LABEL_STEP_PX` further left each time, at the first place where its box (`text` at
 * `ZERO_LABEL_CHAR_PX` a character, `ZERO_LABEL_FONT_PX` high, `ZERO_LABEL_GAP_PX` off the line) covers none of
 * `obstacles` and stays inside the plot; at the right end above the line when there is no such place (it is
 * drawn with a halo in the card's colour, so it still reads). `x` is the label's right end and `y` its baseline.
 */
export function placeZeroLabel(
  text: string,
  zeroY: number,
  obstacles: readonly Obstacle[],
  plot: Pick<BurnDownPlot, 'left' | 'right' | 'top' | 'bottom'>,
): { x: number; y: number } {
  const width = text.length * ZERO_LABEL_CHAR_PX;
  // Baselines 2 px above the box's bottom, for the descenders.
  const above = { top: zeroY - ZERO_LABEL_GAP_PX - ZERO_LABEL_FONT_PX, y: zeroY - ZERO_LABEL_GAP_PX - 2 };
  const below = { top: zeroY + ZERO_LABEL_GAP_PX, y: zeroY + ZERO_LABEL_GAP_PX + ZERO_LABEL_FONT_PX - 2 };
  const first = plot.right - ZERO_LABEL_GAP_PX;
  for (let x = first; x - width >= plot.left + ZERO_LABEL_GAP_PX; x -= ZERO_LABEL_STEP_PX) {
    for (const side of [above, below]) {
      const box = { x0: x - width, x1: x, y0: side.top, y1: side.top + ZERO_LABEL_FONT_PX };
      if (box.y0 < plot.top || box.y1 > plot.bottom) continue;
      if (!obstacles.some((obstacle) => isCovering(box, obstacle))) return { x, y: side.y };
    }
  }
  return { x: first, y: above.y };
}

/** Width of a character of a marker's label (12 px, bold), px: enough to tell when two labels would meet. */
const MARKER_CHAR_PX = 7.5;
/** Space between a marker's line and its label, px. */
const MARKER_LABEL_GAP_PX = 5;

/** Height of a row of markers' labels inside the plot, px. */
const MARKER_ROW_PX = 14;

/**
 * Each marker's line and label. A label reads rightwards from its line in the left half and leftwards in the
 * right half, or the other way when that side has no room for it inside the plot; when neither has, it is
 * centred on its line, kept inside the plot. It goes above the plot (row 0) unless it would meet the last label
 * placed there, then in the first row just inside the plot where it meets none (rows 1, 2… `MARKER_ROW_PX`
 * apart: cash can run out several times over a long horizon).
 */
export function placeMarkerLabels(
  markers: readonly BurnDownMarker[],
  plot: Pick<BurnDownPlot, 'x' | 'top' | 'left' | 'right'>,
  monthCount: number,
): PlacedMarker[] {
  const rowEnds: number[] = [];
  return markers.map((marker) => {
    const x = plot.x(marker.index);
    const width = marker.label.length * MARKER_CHAR_PX + MARKER_LABEL_GAP_PX;
    const fits = { left: x - width >= plot.left, right: x + width <= plot.right };
    const preferred = marker.index > monthCount / 2 ? 'left' : 'right';
    const other = preferred === 'left' ? 'right' : 'left';
    const side = fits[preferred] ? preferred : fits[other] ? other : 'over';
    const from =
      side === 'left'
        ? x - width
        : side === 'right'
          ? x
          : Math.max(plot.left, Math.min(x - width / 2, plot.right - width));
    let row = 0;
    while (from < (rowEnds[row] ?? -Infinity) + 8) row++;
    rowEnds[row] = from + width;
    const labelY = row === 0 ? plot.top - 8 : plot.top + MARKER_ROW_PX * row;
    return { ...marker, x, side, row, labelY, labelFrom: from, labelTo: from + width };
  });
}

type PlacedMarker = BurnDownMarker & {
  x: number;
  /** Where the label is: left or right of its line, or over it. */
  side: 'left' | 'right' | 'over';
  /** 0 above the plot, 1, 2… inside it. */
  row: number;
  /** The label's baseline, px. */
  labelY: number;
  /** How far across the label reaches, its gap from the line included, px. */
  labelFrom: number;
  labelTo: number;
};

/**
 * Credit pools burning down (stacked step areas: a balance holds for its month) with cash as a line, and labelled
 * lines at the months credits and cash run out, drawn as plain SVG. One money axis when the two are of a size;
 * else cash on a right-hand axis whose $0 lines up with the credits' $0 (a pool a twentieth of the cash would be
 * a sliver on one axis). A pointer over the plot, or the arrow keys on the focused plot, show a month's balances.
 */
export function BurnDownChart({
  labels,
  pools: usdPools,
  cash: usdCash,
  display,
  cashName = 'Cash',
  markers = [],
  cashOnSecondAxis,
}: BurnDownChartProps) {
  const { ref, size } = useElementSize();
  const pools = scaleSeries(usdPools, display);
  const cash = usdCash.map((usd) => toDisplayAmount(usd, display));
  const currency = display.currency;
  // Each pool stacks on the balances of the pools before it (a pool before its start adds nothing); the last
  // one's top is the height of the credits.
  const parts = stackSeries(labels.length, pools);
  const stacks = parts.at(-1)?.top ?? labels.map(() => 0);
  const creditsMax = Math.max(0, ...stacks);
  const cashMax = Math.max(0, ...cash.map((value) => Math.abs(value)));
  // Two axes only when they can share zero, so "Cash $0" sits on the credits' $0 (and the grid's baseline).
  const aligned =
    (cashOnSecondAxis ?? isScaleApart(creditsMax, cashMax))
      ? alignZero(buildMoneyTicks(stacks), buildMoneyTicks(cash))
      : null;
  const [moneyTicks, cashTicks] = aligned ?? [buildMoneyTicks([...stacks, ...cash]), null];
  const cashGoesNegative = cash.some((value) => value < 0);
  const merged = mergeMarkers(markers).sort((a, b) => a.index - b.index);
  const cashLabel = cashTicks ? `${cashName} (right axis)` : cashName;
  const styles = pools.map((pool, index) => describeSeriesStyle(pool, index));
  const plot = size
    ? placeMonthPlot(
        labels.length,
        size.width,
        size.height,
        moneyTicks.domain,
        cashTicks?.domain ?? null,
        TOP_PX,
      )
    : null;

  const markerPlaces = plot ? placeMarkerLabels(merged, plot, labels.length) : [];
  // Cash below zero gets a "Cash $0" line, its label where it covers none of the plot's lines and areas.
  const zeroLabelText = `Cash ${formatMoneyTick(0, currency)}`;
  const zeroLabel =
    plot && cashGoesNegative
      ? placeZeroLabel(
          zeroLabelText,
          plot.rightY(0),
          listPlotObstacles(stacks, cash, markerPlaces, plot),
          plot,
        )
      : null;

  const bases = parts.map((part) => part.base);

  const { at: shown, handlers } = useMonthCursor(plot, labels.length);
  // A month's tooltip: each pool with a balance (one not started yet has none), then cash.
  const lines = shown
    ? [
        ...valuesInMonth(pools, shown.month).map(({ value, name, index }) => ({
          name,
          text: formatAmountInFull(value, currency),
          color: styles[index]?.color ?? 'var(--muted)',
        })),
        { name: cashLabel, text: formatAmountInFull(cash[shown.month] ?? 0, currency), color: CASH_COLOR },
      ]
    : [];

  return (
    <div className="svg-chart">
      <ChartLegend
        entries={[
          ...pools.map((pool, index) => ({
            name: pool.name,
            color: styles[index]?.color ?? 'var(--muted)',
            shape: 'square' as const,
          })),
          { name: cashLabel, color: CASH_COLOR, shape: 'line' },
        ]}
      />
      <div className="svg-plot" ref={ref}>
        {size && plot && (
          <PlotSurface
            width={size.width}
            height={size.height}
            label={`Credit balances and cash over ${labels.length} months: the arrow keys step through the months`}
            {...handlers}
          >
            <g stroke={AXIS_STROKE} strokeDasharray="3 3">
              {moneyTicks.ticks.map((tick) => (
                <line key={tick} x1={plot.left} x2={plot.right} y1={plot.y(tick)} y2={plot.y(tick)} />
              ))}
            </g>
            {pools.map((pool, index) => {
              const { area, edge } = buildPoolPaths(pool.values, bases[index] ?? [], plot);
              const style = styles[index];
              return (
                <g key={index}>
                  <path d={area} fill={style?.color} fillOpacity={0.6} stroke="none" />
                  <path
                    d={edge}
                    fill="none"
                    stroke={style?.color}
                    strokeDasharray={style?.dash === 'none' ? undefined : style?.dash}
                  />
                </g>
              );
            })}
            <path
              d={buildCashPath(cash, plot)}
              fill="none"
              stroke={CASH_COLOR}
              strokeWidth={2.5}
              strokeLinejoin="round"
            />
            {zeroLabel && (
              <g>
                <line
                  x1={plot.left}
                  x2={plot.right}
                  y1={plot.rightY(0)}
                  y2={plot.rightY(0)}
                  stroke={MARKER_COLOR}
                  strokeDasharray="2 2"
                />
                <text
                  x={zeroLabel.x}
                  y={zeroLabel.y}
                  textAnchor="end"
                  fill={TICK_STYLE.fill}
                  fontSize={ZERO_LABEL_FONT_PX}
                  stroke="var(--surface)"
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {zeroLabelText}
                </text>
              </g>
            )}
            <g stroke={AXIS_STROKE}>
              <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
              <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
              {cashTicks && <line x1={plot.right} x2={plot.right} y1={plot.top} y2={plot.bottom} />}
            </g>
            <MoneyAxisTicks plot={plot} ticks={moneyTicks.ticks} side="left" currency={currency} />
            {cashTicks && (
              <MoneyAxisTicks plot={plot} ticks={cashTicks.ticks} side="right" currency={currency} />
            )}
            <MonthAxis plot={plot} labels={labels} width={size.width} />
            {markerPlaces.map((marker) => (
              <g key={marker.index}>
                <line
                  x1={marker.x}
                  x2={marker.x}
                  y1={plot.top}
                  y2={plot.bottom}
                  stroke={MARKER_COLOR}
                  strokeDasharray="5 3"
                  strokeWidth={1.5}
                />
                <text
                  x={
                    marker.side === 'left'
                      ? marker.x - MARKER_LABEL_GAP_PX
                      : marker.side === 'right'
                        ? marker.x + MARKER_LABEL_GAP_PX
                        : (marker.labelFrom + marker.labelTo) / 2
                  }
                  y={marker.labelY}
                  textAnchor={marker.side === 'left' ? 'end' : marker.side === 'right' ? 'start' : 'middle'}
                  fill="var(--text)"
                  fontSize={12}
                  fontWeight={600}
                  stroke="var(--surface)"
                  strokeWidth={3}
                  paintOrder="stroke"
                >
                  {marker.label}
                </text>
              </g>
            ))}
            {shown && (
              <g pointerEvents="none">
                <line
                  x1={plot.x(shown.month)}
                  x2={plot.x(shown.month)}
                  y1={plot.top}
                  y2={plot.bottom}
                  stroke="var(--muted)"
                />
                <circle
                  cx={plot.x(shown.month)}
                  cy={plot.rightY(cash[shown.month] ?? 0)}
                  r={4}
                  fill={CASH_COLOR}
                  stroke="var(--surface)"
                  strokeWidth={1.5}
                />
              </g>
            )}
          </PlotSurface>
        )}
        {shown && plot && size && (
          <FloatingTooltip
            x={plot.x(shown.month)}
            y={shown.y}
            width={size.width}
            height={size.height}
            announce={shown.byKey}
          >
            <TooltipLines label={labels[shown.month] ?? ''} lines={lines} />
          </FloatingTooltip>
        )}
      </div>
    </div>
  );
}
