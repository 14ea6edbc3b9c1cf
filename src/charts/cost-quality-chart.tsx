import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
  useXAxisScale,
  useYAxisScale,
} from 'recharts';
import type { TooltipContentProps } from 'recharts';
import type { DisplayCurrencyCode } from '../domain/scenario-schema';
import { currencySymbol, formatNumber, formatUnitAmount, toDisplayAmount } from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { AXIS_STROKE, TICK_STYLE, findExtent } from './chart-series';
import { seriesColor } from './palette';
import './charts.css';

export type CostQualityPoint = {
  name: string;
  /** USD per request. */
  costUsd: number;
  quality: number;
  onFrontier: boolean;
};

export type CostQualityChartProps = {
  points: readonly CostQualityPoint[];
  /** Draws a horizontal line at the slice's quality bar. */
  qualityBar?: number | null;
  /** Cost on a log scale (needs every cost above zero; falls back to linear otherwise). */
  logCost?: boolean;
  /** The currency and rate to show costs in. */
  display: MoneyDisplay;
};

const FRONTIER_COLOR = seriesColor(0);
const OTHER_COLOR = seriesColor(7);
const BAR_COLOR = seriesColor(5);

/**
 * Cost ticks, of an amount already in `currency`: a person reads $0.000013 per request; below a millionth, the
 * order of magnitude.
 */
export function formatCostTick(amount: number, currency: DisplayCurrencyCode): string {
  if (amount > 0 && amount < 5e-7) return `${currencySymbol(currency)}${amount.toExponential(0)}`;
  return formatUnitAmount(amount, currency);
}

/**
 * Quality axis bounds: the points and the bar with room around them, on multiples of 10 (never below 0), so the
 * bar line and its label never sit on the axis.
 */
export function buildQualityDomain(
  qualities: readonly number[],
  qualityBar: number | null,
): [number, number] {
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

/** A point with its cost in the display currency. */
type ShownPoint = CostQualityPoint & { cost: number };

function PointTooltip({
  active,
  payload,
  currency,
}: TooltipContentProps & { currency: DisplayCurrencyCode }) {
  const point = payload?.[0]?.payload as ShownPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__label">{point.name}</p>
      <ul className="chart-tooltip__list">
        <li className="chart-tooltip__item">
          <span
            className="chart-tooltip__swatch"
            style={{ background: point.onFrontier ? FRONTIER_COLOR : OTHER_COLOR }}
            aria-hidden="true"
          />
          <span className="chart-tooltip__name">Cost per request</span>
          <span className="chart-tooltip__value">{formatUnitAmount(point.cost, currency)}</span>
        </li>
        <li className="chart-tooltip__item">
          <span aria-hidden="true" />
          <span className="chart-tooltip__name">Quality</span>
          <span className="chart-tooltip__value">{formatNumber(point.quality)}</span>
        </li>
        <li className="chart-tooltip__item">
          <span aria-hidden="true" />
          <span className="chart-tooltip__name">{point.onFrontier ? 'On the frontier' : 'Dominated'}</span>
          <span />
        </li>
      </ul>
    </div>
  );
}

/** Dominated models drawn at most one per spot of a `THIN_COLUMNS` × `THIN_ROWS` grid over the plot. */
const THIN_COLUMNS = 80;
const THIN_ROWS = 40;
/** Up to this many dominated models, every one is drawn. */
const DRAW_ALL_UP_TO = 800;

/**
 * The dominated points to draw: all of them up to `DRAW_ALL_UP_TO`, else the first point in each spot of a grid
 * over cost (`xOf`: the axis's own scale) and quality. Thousands of grey dots on a few hundred pixels draw the same
 * picture as one per spot, and drawing each one holds the page for seconds; the table lists every model.
 */
export function thinDominated<P extends { quality: number }>(
  points: readonly P[],
  xOf: (point: P) => number,
): { points: P[]; drawn: number; total: number } {
  if (points.length <= DRAW_ALL_UP_TO)
    return { points: [...points], drawn: points.length, total: points.length };
  const xs = findExtent(points.map(xOf));
  const ys = findExtent(points.map((p) => p.quality));
  if (!xs || !ys) return { points: [...points], drawn: points.length, total: points.length };
  const spot = (value: number, { min, max }: { min: number; max: number }, cells: number) =>
    max > min ? Math.min(cells - 1, Math.floor(((value - min) / (max - min)) * cells)) : 0;
  const taken = new Set<number>();
  const kept: P[] = [];
  for (const point of points) {
    const key = spot(xOf(point), xs, THIN_COLUMNS) * THIN_ROWS + spot(point.quality, ys, THIN_ROWS);
    if (taken.has(key)) continue;
    taken.add(key);
    kept.push(point);
  }
  return { points: kept, drawn: kept.length, total: points.length };
}

/**
 * Up to this many dominated models are drawn as chart points (each with its tooltip); more are drawn as one
 * shape, a cloud of dots: each recharts point is a component with its own work when drawn, and hundreds of them
 * held the page for most of a second.
 */
const POINTS_UP_TO = 120;
/** The area of a dot, px² (the `ZAxis` range), and the diameter of a dot of the cloud with that area. */
const DOT_AREA = 48;
const CLOUD_DOT_PX = 2 * Math.sqrt(DOT_AREA / Math.PI);
/** The cloud's path spans 0–`CLOUD_UNITS` across each axis's domain. */
const CLOUD_UNITS = 1000;

/** A cost as the x axis places it: its logarithm on a log axis (any base: the placement is linear in it). */
type CostUnit = (cost: number) => number;

/**
 * The cloud of dots as an SVG path in its own units: 0 at the low end of each axis's domain, `CLOUD_UNITS` at the
 * high end (y upwards), one zero-length segment per point (`M x,y h0`), which a round line cap draws as a dot.
 * Built once per set of points; `DominatedCloud` places it on the plot with a transform. Points outside the
 * domains are left out.
 */
export function buildCloudPath(
  points: readonly { cost: number; quality: number }[],
  costUnit: CostUnit,
  costDomain: readonly [number, number],
  qualityDomain: readonly [number, number],
): string {
  const x0 = costUnit(costDomain[0]);
  const xSpan = costUnit(costDomain[1]) - x0;
  const [y0, y1] = qualityDomain;
  if (!(xSpan > 0) || !(y1 > y0)) return '';
  const parts: string[] = [];
  for (const point of points) {
    const x = ((costUnit(point.cost) - x0) / xSpan) * CLOUD_UNITS;
    const y = ((point.quality - y0) / (y1 - y0)) * CLOUD_UNITS;
    if (!(x >= 0 && x <= CLOUD_UNITS && y >= 0 && y <= CLOUD_UNITS)) continue;
    parts.push(`M${x.toFixed(1)},${y.toFixed(1)}h0`);
  }
  return parts.join('');
}

/**
 * The dominated models as one shape in the plot, under the frontier, placed by the axes' scales; its title says
 * where each model is listed. The dots keep their size whatever the transform (`non-scaling-stroke`).
 */
function DominatedCloud({
  path,
  costDomain,
  qualityDomain,
  title,
}: {
  path: string;
  costDomain: readonly [number, number];
  qualityDomain: readonly [number, number];
  title: string;
}) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const left = xScale?.(costDomain[0]);
  const right = xScale?.(costDomain[1]);
  const bottom = yScale?.(qualityDomain[0]);
  const top = yScale?.(qualityDomain[1]);
  if (left === undefined || right === undefined || bottom === undefined || top === undefined) return null;
  const transform = `matrix(${(right - left) / CLOUD_UNITS} 0 0 ${(top - bottom) / CLOUD_UNITS} ${left} ${bottom})`;
  return (
    <path
      className="cost-quality__cloud"
      d={path}
      transform={transform}
      fill="none"
      stroke={OTHER_COLOR}
      strokeOpacity={0.55}
      strokeWidth={CLOUD_DOT_PX}
      strokeLinecap="round"
      vectorEffect="non-scaling-stroke"
    >
      <title>{title}</title>
    </path>
  );
}

/**
 * Cost per request (x) against quality (y), one dot per model: the Pareto frontier in the accent colour, joined
 * cheapest to best, the dominated models in grey (as chart points with tooltips up to `POINTS_UP_TO` of them,
 * else as one cloud of dots), and the quality bar as a dashed line.
 */
export function CostQualityChart({
  points: usdPoints,
  qualityBar = null,
  logCost = true,
  display,
}: CostQualityChartProps) {
  // Costs in the display currency, so the log ticks fall on round amounts of it.
  const points: ShownPoint[] = usdPoints.map((p) => ({ ...p, cost: toDisplayAmount(p.costUsd, display) }));
  const frontier = points.filter((p) => p.onFrontier).sort((a, b) => a.cost - b.cost);
  const costExtent = findExtent(points.map((p) => p.cost));
  const minCost = costExtent?.min ?? 0;
  const maxCost = costExtent?.max ?? 0;
  const useLog = logCost && points.length > 0 && minCost > 0;
  const costUnit: CostUnit = useLog ? Math.log : (cost) => cost;
  const others = thinDominated(
    points.filter((p) => !p.onFrontier),
    (p) => costUnit(p.cost),
  );
  const othersName =
    others.drawn < others.total
      ? `Dominated (${formatNumber(others.drawn)} of ${formatNumber(others.total)} drawn, one per spot)`
      : 'Dominated';
  const asCloud = others.drawn > POINTS_UP_TO;
  const ticks = useLog ? buildLogTicks(minCost, maxCost) : undefined;
  const domain: [number, number] = useLog
    ? [minCost / 1.3, maxCost * 1.3]
    : [0, points.length > 0 ? maxCost * 1.05 || 1 : 1];
  const qualityDomain = buildQualityDomain(
    points.map((p) => p.quality),
    qualityBar,
  );
  const qualityTicks = buildQualityTicks(qualityDomain);
  const cloudPath = asCloud ? buildCloudPath(others.points, costUnit, domain, qualityDomain) : '';
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={{ top: 12, right: 16, bottom: 24, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="cost"
          name="Cost per request"
          scale={useLog ? 'log' : 'auto'}
          domain={domain}
          allowDataOverflow
          {...(ticks ? { ticks } : {})}
          tickFormatter={(amount: number) => formatCostTick(amount, display.currency)}
          tick={TICK_STYLE}
          stroke={AXIS_STROKE}
          tickMargin={6}
          minTickGap={8}
          label={{
            value: useLog ? 'Cost per request (log scale)' : 'Cost per request',
            position: 'insideBottom',
            offset: -16,
            fill: 'var(--muted)',
            fontSize: 12,
          }}
        />
        <YAxis
          type="number"
          dataKey="quality"
          name="Quality"
          domain={qualityDomain}
          ticks={qualityTicks}
          tick={TICK_STYLE}
          stroke={AXIS_STROKE}
          width={44}
          label={{ value: 'Quality', angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 12 }}
        />
        <ZAxis range={[48, 48]} />
        <Tooltip
          content={(props) => <PointTooltip {...props} currency={display.currency} />}
          cursor={{ strokeDasharray: '3 3' }}
        />
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: '0.82rem', paddingBottom: 6 }} />
        {qualityBar !== null && (
          <ReferenceLine
            y={qualityBar}
            stroke={BAR_COLOR}
            strokeDasharray="6 4"
            label={{
              value: `Quality bar ${formatNumber(qualityBar)}`,
              position: 'insideTopRight',
              fill: 'var(--muted)',
              fontSize: 11,
            }}
          />
        )}
        {asCloud && (
          <DominatedCloud
            path={cloudPath}
            costDomain={domain}
            qualityDomain={qualityDomain}
            title={`${formatNumber(others.total)} dominated models: the chart's table lists each one`}
          />
        )}
        <Scatter
          name={othersName}
          data={asCloud ? [] : others.points}
          fill={OTHER_COLOR}
          fillOpacity={0.55}
          shape="circle"
          isAnimationActive={false}
        />
        <Scatter
          name="Frontier (no model cheaper and as good)"
          data={frontier}
          fill={FRONTIER_COLOR}
          line={{ stroke: FRONTIER_COLOR, strokeWidth: 2 }}
          lineType="joint"
          shape="diamond"
          isAnimationActive={false}
        />
      </ScatterChart>
    </ResponsiveContainer>
  );
}
