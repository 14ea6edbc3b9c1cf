import { useMemo } from 'react';
import type { PointerEvent, ReactNode } from 'react';
import type { DisplayCurrencyCode } from '../domain/scenario-schema';
import {
  currencySymbol,
  formatNumber,
  formatSmallTick,
  formatUnitAmount,
  toDisplayAmount,
} from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { AXIS_STROKE, TICK_CHAR_PX, buildMoneyTicks, findExtent, linearScale } from './chart-series';
import { FloatingTooltip, PlotSurface, usePlotCursor } from './svg-plot';
import { steppedIndex } from './plot-keys';
import { seriesColor } from './palette';
import { TooltipLines } from './tooltip-lines';
import { useElementSize } from './use-element-size';
import './charts.css';

/** A model on the chart (a frontier's `ParetoPoint` is one as it is: a catalog's points are not copied). */
export type CostQualityPoint = {
  /** USD per request. */
  costPerRequest: number;
  quality: number;
  onFrontier: boolean;
};

/**
 * The points a chart reads, by index: their numbers read in place, and a point of its own (`at`, for its name
 * and tooltip) only for those drawn. A slice's `FrontierPoints` is one; `listPoints` makes one of a list.
 */
export type CostQualityPoints<P> = {
  readonly length: number;
  /** USD per request. */
  costAt(index: number): number;
  qualityAt(index: number): number;
  onFrontierAt(index: number): boolean;
  at(index: number): P;
};

/** A list of points as a chart reads them. */
export function listPoints<P extends CostQualityPoint>(points: readonly P[]): CostQualityPoints<P> {
  return {
    length: points.length,
    costAt: (index) => points[index]!.costPerRequest,
    qualityAt: (index) => points[index]!.quality,
    onFrontierAt: (index) => points[index]!.onFrontier,
    at: (index) => points[index]!,
  };
}

export type CostQualityChartProps<P> = {
  points: CostQualityPoints<P>;
  /** The model's name, as its tooltip shows it (asked only of the point shown). */
  nameOf: (point: P) => string;
  /** Draws a horizontal line at the slice's quality bar. */
  qualityBar?: number | null;
  /** Cost on a log scale (needs every cost above zero; falls back to linear otherwise). */
  logCost?: boolean;
  /** The currency and rate to show costs in. */
  display: MoneyDisplay;
};

const FRONTIER_COLOR = seriesColor(0);
/** Dominated models in the theme's muted text colour: grey on light, light grey on dark. */
const OTHER_COLOR = 'var(--muted)';
const BAR_COLOR = seriesColor(5);

/**
 * Cost ticks, of an amount already in `currency`: a person reads $0.000013 per request; below a millionth, the
 * order of magnitude; zero is $0.
 */
export function formatCostTick(amount: number, currency: DisplayCurrencyCode): string {
  if (amount === 0) return `${currencySymbol(currency)}0`;
  if (amount > 0 && amount < 5e-7) return `${currencySymbol(currency)}${amount.toExponential(0)}`;
  return formatSmallTick(amount, currency);
}

/**
 * Quality axis bounds: the points and the bar with room around them, on multiples of 10 (never below 0), so the
 * bar line and its label never sit on the axis.
 */
export function buildQualityDomain(qualities: Iterable<number>, qualityBar: number | null): [number, number] {
  const extent = findExtent(qualityBar === null ? qualities : [...qualities, qualityBar]);
  if (extent === null) return [0, 100];
  const low = Math.max(0, Math.floor((extent.min - 5) / 10) * 10);
  const high = Math.ceil((extent.max + 5) / 10) * 10;
  return [low, Math.max(high, low + 10)];
}

/** The most ticks the quality axis gets, whatever its span. */
const MAX_QUALITY_TICKS = 11;

/**
 * Ticks on the quality axis: every 10, or every 20 past a span of 60, and never more than `MAX_QUALITY_TICKS`
 * (a wider span takes a coarser step), so the count never depends on how large the scores are.
 */
export function buildQualityTicks([low, high]: readonly [number, number]): number[] {
  const span = high - low;
  if (!Number.isFinite(span) || span <= 0) return [low];
  let step = span > 60 ? 20 : 10;
  if (span / step > MAX_QUALITY_TICKS - 1) step = span / (MAX_QUALITY_TICKS - 1);
  const count = Math.floor(span / step + 1e-9) + 1;
  return Array.from({ length: count }, (_, i) => low + i * step);
}

/** Ticks at 1, 2 and 5 times each power of ten within [min, max] (just the powers when they span many decades). */
export function buildLogTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max >= min)) return [];
  const low = Math.floor(Math.log10(min));
  const high = Math.ceil(Math.log10(max));
  const steps = high - low <= 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let exponent = low; exponent <= high; exponent++) {
    for (const step of steps) {
      const tick = Number((step * Math.pow(10, exponent)).toPrecision(12));
      if (tick >= min / 1.0001 && tick <= max * 1.0001) ticks.push(tick);
    }
  }
  return ticks;
}

/** Dominated models drawn at most one per spot of a `THIN_COLUMNS` × `THIN_ROWS` grid over the plot. */
const THIN_COLUMNS = 80;
const THIN_ROWS = 40;
/** Up to this many dominated models, every one is drawn. */
const DRAW_ALL_UP_TO = 800;

/**
 * The dominated points to draw: all of them up to `DRAW_ALL_UP_TO`, else the first point in each spot of a grid
 * over cost (`xOf`: the axis's own scale) and quality (`yOf`). Thousands of grey dots on a few hundred pixels draw
 * the same picture as one per spot, and drawing each one holds the page for seconds; the table lists every model.
 */
export function thinDominated<T>(
  items: readonly T[],
  xOf: (item: T) => number,
  yOf: (item: T) => number,
): { points: readonly T[]; drawn: number; total: number } {
  const total = items.length;
  if (total <= DRAW_ALL_UP_TO) return { points: items, drawn: total, total };
  // One pass for both extents, and each x and y read once.
  const xs = new Float64Array(total);
  const ys = new Float64Array(total);
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < total; i++) {
    const x = (xs[i] = xOf(items[i]!));
    const y = (ys[i] = yOf(items[i]!));
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  if (!(xMin <= xMax && yMin <= yMax)) return { points: items, drawn: total, total };
  const xScale = xMax > xMin ? THIN_COLUMNS / (xMax - xMin) : 0;
  const yScale = yMax > yMin ? THIN_ROWS / (yMax - yMin) : 0;
  const taken = new Uint8Array(THIN_COLUMNS * THIN_ROWS);
  const kept: T[] = [];
  for (let i = 0; i < total; i++) {
    const column = Math.min(THIN_COLUMNS - 1, Math.floor((xs[i]! - xMin) * xScale));
    const row = Math.min(THIN_ROWS - 1, Math.floor((ys[i]! - yMin) * yScale));
    const key = column * THIN_ROWS + row;
    if (taken[key]) continue;
    taken[key] = 1;
    kept.push(items[i]!);
  }
  return { points: kept, drawn: kept.length, total };
}

/** The diameter of a dominated model's dot, px (an area of 48 px²). */
const CLOUD_DOT_PX = 2 * Math.sqrt(48 / Math.PI);

/** A cost as the x axis places it: its logarithm on a log axis (any base: the placement is linear in it). */
type CostUnit = (cost: number) => number;

/**
 * Where the cloud's dots fall, as fractions of each axis's domain (0 at the low end, 1 at the high end, quality
 * upwards), in pairs: [x₀, y₀, x₁, y₁, …]. Made once per set of points; points outside the domains are left out.
 */
export function placeCloudDots(
  points: readonly { cost: number; quality: number }[],
  costUnit: CostUnit,
  costDomain: readonly [number, number],
  qualityDomain: readonly [number, number],
): Float64Array {
  const x0 = costUnit(costDomain[0]);
  const xSpan = costUnit(costDomain[1]) - x0;
  const [y0, y1] = qualityDomain;
  if (!(xSpan > 0) || !(y1 > y0)) return new Float64Array(0);
  const places = new Float64Array(points.length * 2);
  let n = 0;
  for (const point of points) {
    const x = (costUnit(point.cost) - x0) / xSpan;
    const y = (point.quality - y0) / (y1 - y0);
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) continue;
    places[n++] = x;
    places[n++] = y;
  }
  return places.subarray(0, n);
}

/**
 * The cloud as one SVG path on a plot spanning `left`–`right` and `bottom`–`top` px: one zero-length segment per
 * dot (`M x,y h0`), which a round line cap draws as a dot. Drawn in the plot's own pixels, so a saved image draws
 * the dots as the screen does at any scale.
 */
export function buildCloudPath(
  places: Float64Array,
  { left, right, top, bottom }: { left: number; right: number; top: number; bottom: number },
): string {
  const parts: string[] = [];
  for (let i = 0; i + 1 < places.length; i += 2) {
    const x = left + places[i]! * (right - left);
    const y = bottom + places[i + 1]! * (top - bottom);
    parts.push(`M${x.toFixed(1)},${y.toFixed(1)}h0`);
  }
  return parts.join('');
}

/** A point drawn: its cost in the display currency, and the point it shows. */
type ShownPoint<P> = { source: P; cost: number; quality: number; onFrontier: boolean };

/** The axes of a chart: where costs and qualities run, in what units, and their ticks. */
export type CostQualityAxes = {
  useLog: boolean;
  costUnit: CostUnit;
  costDomain: [number, number];
  costTicks: number[];
  qualityDomain: [number, number];
  qualityTicks: number[];
};

/**
 * The axes for costs (in the display currency) and qualities: cost on a log scale when asked and every cost is
 * above zero (ticks at 1, 2 and 5 times powers of ten, the domain 1.3× beyond the extremes), else linear from
 * zero on round ticks; quality on multiples of ten around the points and the bar.
 */
export function buildCostQualityAxes(
  costs: Iterable<number>,
  qualities: Iterable<number>,
  qualityBar: number | null,
  logCost: boolean,
): CostQualityAxes {
  const extent = findExtent(costs);
  const useLog = logCost && extent !== null && extent.min > 0;
  const qualityDomain = buildQualityDomain(qualities, qualityBar);
  const quality = { qualityDomain, qualityTicks: buildQualityTicks(qualityDomain) };
  if (useLog) {
    return {
      useLog,
      costUnit: Math.log,
      costDomain: [extent.min / 1.3, extent.max * 1.3],
      costTicks: buildLogTicks(extent.min, extent.max),
      ...quality,
    };
  }
  const linear = buildMoneyTicks([extent?.max ?? 0]);
  return { useLog, costUnit: (cost) => cost, costDomain: linear.domain, costTicks: linear.ticks, ...quality };
}

/** Everything drawn that does not depend on the plot's size, made once per set of points. */
type PreparedChart<P> = {
  axes: CostQualityAxes;
  frontier: ShownPoint<P>[];
  dominated: { drawn: number; total: number };
  /** Where the dominated models drawn fall (see `placeCloudDots`). */
  cloudDots: Float64Array;
  /** Every point drawn, cheapest first: what hovering finds and the arrow keys step through. */
  drawn: ShownPoint<P>[];
};

function prepareChart<P>(
  points: CostQualityPoints<P>,
  qualityBar: number | null,
  logCost: boolean,
  display: MoneyDisplay,
): PreparedChart<P> {
  // Costs in the display currency, so the log ticks fall on round amounts of it. A catalog has thousands of
  // points: their numbers are read once into columns, and only those drawn become objects of their own.
  const count = points.length;
  const costs = new Float64Array(count);
  const qualities = new Float64Array(count);
  const onFrontier: number[] = [];
  const dominated: number[] = [];
  for (let index = 0; index < count; index++) {
    costs[index] = toDisplayAmount(points.costAt(index), display);
    qualities[index] = points.qualityAt(index);
    (points.onFrontierAt(index) ? onFrontier : dominated).push(index);
  }
  const axes = buildCostQualityAxes(costs, qualities, qualityBar, logCost);
  const show = (index: number): ShownPoint<P> => ({
    source: points.at(index),
    cost: costs[index]!,
    quality: qualities[index]!,
    onFrontier: points.onFrontierAt(index),
  });
  const frontier = onFrontier.map(show).sort((a, b) => a.cost - b.cost);
  const others = thinDominated(
    dominated,
    (index) => axes.costUnit(costs[index]!),
    (index) => qualities[index]!,
  );
  const shownOthers = others.points.map(show);
  return {
    axes,
    frontier,
    dominated: { drawn: others.drawn, total: others.total },
    cloudDots: placeCloudDots(shownOthers, axes.costUnit, axes.costDomain, axes.qualityDomain),
    drawn: [...frontier, ...shownOthers].sort((a, b) => a.cost - b.cost),
  };
}

/** Room around the plot inside the SVG, px: the quality ticks and title at the left, the cost ticks and title below. */
const MARGIN = { top: 10, right: 18, bottom: 42, left: 58 } as const;
/** Half the diagonal of a frontier diamond, px. */
const DIAMOND_PX = 5.5;
/** A pointer within this distance of a point, px, shows that point's tooltip. */
const HOVER_PX = 16;
const TICK_GAP_PX = 8;

/** Where the plot sits in an SVG of `width` × `height`, and where a cost and a quality fall on it. */
function placePlot(axes: CostQualityAxes, width: number, height: number) {
  const left = MARGIN.left;
  const right = Math.max(left + 1, width - MARGIN.right);
  const top = MARGIN.top;
  const bottom = Math.max(top + 1, height - MARGIN.bottom);
  const costX = linearScale(
    [axes.costUnit(axes.costDomain[0]), axes.costUnit(axes.costDomain[1])],
    left,
    right,
  );
  return {
    left,
    right,
    top,
    bottom,
    x: (cost: number) => costX(axes.costUnit(cost)),
    y: linearScale(axes.qualityDomain, bottom, top),
  };
}

/** The ticks whose labels fit side by side: a tick is left out where its label would touch the last one kept. */
function spaceTicks(ticks: readonly { at: number; text: string }[]) {
  const kept: { at: number; text: string }[] = [];
  let lastRight = -Infinity;
  for (const tick of ticks) {
    const half = (tick.text.length * TICK_CHAR_PX) / 2;
    if (tick.at - half < lastRight + TICK_GAP_PX) continue;
    kept.push(tick);
    lastRight = tick.at + half;
  }
  return kept;
}

/** A diamond centred on (x, y). */
function diamondPath(x: number, y: number, r = DIAMOND_PX) {
  return `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`;
}

function PointTooltip({
  name,
  point,
  currency,
}: {
  name: string;
  point: { cost: number; quality: number; onFrontier: boolean };
  currency: DisplayCurrencyCode;
}) {
  return (
    <TooltipLines
      label={name}
      lines={[
        {
          name: 'Cost per request',
          text: formatUnitAmount(point.cost, currency),
          color: point.onFrontier ? FRONTIER_COLOR : OTHER_COLOR,
        },
        { name: 'Quality', text: formatNumber(point.quality) },
        { name: point.onFrontier ? 'On the frontier' : 'Dominated', text: '' },
      ]}
    />
  );
}

/** A legend's mark: a small SVG (copied as it is into a saved image). */
function LegendMark({ children }: { children: ReactNode }) {
  return (
    <svg className="cost-quality__mark" width="22" height="12" viewBox="0 0 22 12" aria-hidden="true">
      {children}
    </svg>
  );
}

/**
 * Cost per request (x) against quality (y), one dot per model, drawn as plain SVG: the Pareto frontier in the
 * accent colour, joined cheapest to best, the dominated models in grey as one path of dots (thinned to one per
 * spot past `DRAW_ALL_UP_TO`), and the quality bar as a dashed line. A pointer near a dot, or the arrow keys on
 * the focused plot (cheapest first), show that model's figures. Drawing it is a few milliseconds whatever the
 * catalog: a charting library's point per model held the page for most of a second.
 */
export function CostQualityChart<P>({
  points: usdPoints,
  nameOf,
  qualityBar = null,
  logCost = true,
  display,
}: CostQualityChartProps<P>) {
  const { ref, size } = useElementSize();
  const chart = useMemo(
    () => prepareChart(usdPoints, qualityBar, logCost, display),
    [usdPoints, qualityBar, logCost, display],
  );
  const { cursor, point: pointTo, step: stepTo, surfaceHandlers } = usePlotCursor<ShownPoint<P>>();
  const active = cursor && { point: cursor.item, byKeyboard: cursor.byKey };
  const { axes, frontier, dominated, drawn } = chart;
  const othersName =
    dominated.drawn < dominated.total
      ? `Dominated (${formatNumber(dominated.drawn)} of ${formatNumber(dominated.total)} drawn, one per spot)`
      : 'Dominated';
  // The plot's place and the cloud's path are made again only when the points or the plot's size change (not on
  // each hover).
  const plot = useMemo(() => (size ? placePlot(axes, size.width, size.height) : null), [axes, size]);
  const cloudPath = useMemo(
    () => (plot ? buildCloudPath(chart.cloudDots, plot) : ''),
    [chart.cloudDots, plot],
  );

  function findNearest(event: PointerEvent<SVGSVGElement>) {
    if (!plot) return;
    const box = event.currentTarget.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    let best: ShownPoint<P> | null = null;
    let bestDistance = HOVER_PX * HOVER_PX;
    for (const point of drawn) {
      const dx = plot.x(point.cost) - px;
      const dy = plot.y(point.quality) - py;
      const distance = dx * dx + dy * dy;
      if (distance <= bestDistance) {
        best = point;
        bestDistance = distance;
      }
    }
    pointTo(best);
  }

  function stepBy(key: string): boolean {
    const at = active ? drawn.indexOf(active.point) : -1;
    const index = steppedIndex(key, at, drawn.length, ['ArrowRight', 'ArrowUp']);
    if (index === undefined) return false;
    stepTo((index === null ? null : drawn[index]) ?? null);
    return true;
  }

  const costTicks = plot
    ? spaceTicks(
        axes.costTicks.map((tick) => ({ at: plot.x(tick), text: formatCostTick(tick, display.currency) })),
      )
    : [];
  const frontierLine = plot
    ? frontier.map((p, i) => `${i === 0 ? 'M' : 'L'}${plot.x(p.cost)},${plot.y(p.quality)}`).join('')
    : '';

  return (
    <div className="svg-chart">
      <ul className="svg-chart__legend svg-chart__legend--centred">
        <li data-chart-legend-item>
          <LegendMark>
            <line x1="1" y1="6" x2="21" y2="6" stroke={FRONTIER_COLOR} strokeWidth="2" />
            <path d={diamondPath(11, 6, 4.5)} fill={FRONTIER_COLOR} />
          </LegendMark>
          <span>Frontier (no model cheaper and as good)</span>
        </li>
        {dominated.total > 0 && (
          <li data-chart-legend-item>
            <LegendMark>
              <circle cx="11" cy="6" r={CLOUD_DOT_PX / 2} fill={OTHER_COLOR} fillOpacity={0.7} />
            </LegendMark>
            <span>{othersName}</span>
          </li>
        )}
        {qualityBar !== null && (
          <li data-chart-legend-item>
            <LegendMark>
              <line x1="1" y1="6" x2="21" y2="6" stroke={BAR_COLOR} strokeWidth="1.5" strokeDasharray="6 4" />
            </LegendMark>
            <span>Quality bar</span>
          </li>
        )}
      </ul>
      <div className="svg-plot" ref={ref}>
        {size && plot && (
          <PlotSurface
            width={size.width}
            height={size.height}
            label={`${formatNumber(drawn.length)} models drawn: the arrow keys step through them, cheapest first`}
            onPointerMove={findNearest}

            onStepKey={stepBy}
            {...surfaceHandlers}
          >
            <g className="cost-quality__grid" stroke={AXIS_STROKE} strokeDasharray="3 3">
              {costTicks.map((tick) => (
                <line key={tick.text} x1={tick.at} x2={tick.at} y1={plot.top} y2={plot.bottom} />
              ))}
              {axes.qualityTicks.map((tick) => (
                <line key={tick} x1={plot.left} x2={plot.right} y1={plot.y(tick)} y2={plot.y(tick)} />
              ))}
            </g>
            <g className="cost-quality__axis" stroke={AXIS_STROKE}>
              <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
              <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
            </g>
            <g className="cost-quality__ticks" fill="var(--muted)" fontSize={12}>
              {costTicks.map((tick) => (
                <text key={tick.text} x={tick.at} y={plot.bottom + 16} textAnchor="middle">
                  {tick.text}
                </text>
              ))}
              {axes.qualityTicks.map((tick) => (
                <text
                  key={tick}
                  x={plot.left - 6}
                  y={plot.y(tick)}
                  textAnchor="end"
                  dominantBaseline="middle"
                >
                  {formatNumber(tick)}
                </text>
              ))}
              <text x={(plot.left + plot.right) / 2} y={size.height - 6} textAnchor="middle">
                {axes.useLog ? 'Cost per request (log scale)' : 'Cost per request'}
              </text>
              <text
                transform={`translate(14 ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
                textAnchor="middle"
                dominantBaseline="middle"
              >
                Quality
              </text>
            </g>
            {qualityBar !== null && (
              <g className="cost-quality__bar">
                <line
                  x1={plot.left}
                  x2={plot.right}
                  y1={plot.y(qualityBar)}
                  y2={plot.y(qualityBar)}
                  stroke={BAR_COLOR}
                  strokeDasharray="6 4"
                  strokeWidth={1.5}
                />
                <text
                  x={plot.right - 4}
                  y={plot.y(qualityBar) - 5}
                  textAnchor="end"
                  fill="var(--muted)"
                  fontSize={11}
                >
                  Quality bar {formatNumber(qualityBar)}
                </text>
              </g>
            )}
            {cloudPath !== '' && (
              <path
                className="cost-quality__cloud"
                d={cloudPath}
                fill="none"
                stroke={OTHER_COLOR}
                strokeOpacity={0.7}
                strokeWidth={CLOUD_DOT_PX}
                strokeLinecap="round"
              />
            )}
            <g className="cost-quality__frontier" fill={FRONTIER_COLOR}>
              <path d={frontierLine} fill="none" stroke={FRONTIER_COLOR} strokeWidth={2} />
              {frontier.map((p, i) => (
                <path key={i} d={diamondPath(plot.x(p.cost), plot.y(p.quality))} />
              ))}
            </g>
            {active && (
              <circle
                className="cost-quality__active"
                cx={plot.x(active.point.cost)}
                cy={plot.y(active.point.quality)}
                r={DIAMOND_PX + 3}
                fill="none"
                stroke="var(--text)"
                strokeWidth={1.5}
              />
            )}
          </PlotSurface>
        )}
        {active && plot && size && (
          <FloatingTooltip
            x={plot.x(active.point.cost)}
            y={plot.y(active.point.quality)}
            width={size.width}
            height={size.height}
            announce={active.byKeyboard}
          >
            <PointTooltip
              name={nameOf(active.point.source)}
              point={active.point}
              currency={display.currency}
            />
          </FloatingTooltip>
        )}
      </div>
    </div>
  );
}
