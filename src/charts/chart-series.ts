/**
 * Plain series for the charts (a name and a value per label, never keyed by user ids), their colours and dashes,
 * and the money axes' round ticks.
 */
import { toDisplayAmount } from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { seriesColor, seriesDash } from './palette';

export type MoneySeries = {
  name: string;
  /** One value per label, USD; null leaves a gap (a pool before it starts). */
  values: readonly (number | null)[];
  /** Drawn heavier than the others (the cheapest strategy). */
  emphasis?: boolean;
  /** A palette colour to keep a series' colour the same across charts; defaults to its position. */
  colorIndex?: number;
};

/** The stroke colour and dash pattern of a series. */
export function describeSeriesStyle(series: MoneySeries, index: number) {
  const colorIndex = series.colorIndex ?? index;
  return { color: seriesColor(colorIndex), dash: seriesDash(colorIndex) ?? 'none' };
}

/**
 * Series in the display currency: each value × the rate. A money chart scales its series once, so its ticks are
 * round in the currency a person reads (€50K, not €46K).
 */
export function scaleSeries(series: readonly MoneySeries[], display: MoneyDisplay): MoneySeries[] {
  return series.map((s) => ({
    ...s,
    values: s.values.map((value) => (value === null ? null : toDisplayAmount(value, display))),
  }));
}

/** Width of the money axis, in px, wide enough for its longest tick. */
export const MONEY_AXIS_WIDTH = 64;

/** Axis and grid colours follow the theme through CSS variables. */
export const AXIS_STROKE = 'var(--border)';
export const TICK_STYLE = { fill: 'var(--muted)', fontSize: 12 } as const;
/** Average width of a character in `TICK_STYLE`'s 12 px, px: for fitting tick numbers and labels to their room. */
export const TICK_CHAR_PX = 7;
/** Length of an axis's tick marks in the charts drawn as plain SVG, px. */
export const TICK_MARK_PX = 6;

/**
 * Where a tick's text centred on `x` goes so that it stays whole inside an SVG `width` px wide (a saved image cuts
 * what overflows it).
 */
export function keepTickInside(x: number, text: string, width: number): number {
  const half = (text.length * TICK_CHAR_PX) / 2;
  return Math.min(Math.max(x, half), width - half);
}

/** A linear scale from `domain` onto pixels from `from` (the domain's low end) to `to`; an empty domain maps to `from`. */
export function linearScale(domain: readonly [number, number], from: number, to: number) {
  const [low, high] = domain;
  return (value: number) => from + ((value - low) / (high - low || 1)) * (to - from);
}

/** Values of all series, ignoring gaps. */
export function collectValues(series: readonly MoneySeries[]): number[] {
  return series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
}

/**
 * The series that have a value in `month` (a gap has none), in their order: each one's value, name and place among
 * the series (for its colour). What a chart's tooltip lists for a month.
 */
export function valuesInMonth(series: readonly MoneySeries[], month: number) {
  return series.flatMap((s, index) => {
    const value = s.values[month];
    return value === null || value === undefined ? [] : [{ value, name: s.name, index }];
  });
}

/** Each part stacked on the parts before it: per part, its base and top month by month (a gap counts as 0). */
export function stackSeries(labelCount: number, series: readonly MoneySeries[]) {
  let base = Array.from({ length: labelCount }, () => 0);
  return series.map((s) => {
    const top = base.map((below, month) => below + (s.values[month] ?? 0));
    const part = { base, top };
    base = top;
    return part;
  });
}

const NICE_STEPS = [1, 2, 2.5, 5, 10];

/**
 * Round ticks over [low, high]: about `targetCount` intervals with a step of 1, 2, 2.5 or 5 times a power of
 * ten ($0, $50K, $100K… rather than $0, $65K, $130K…). An empty range is widened by a tenth of its value (at
 * least 1) each way.
 */
export function buildRangeTicks(low: number, high: number, targetCount = 4): MoneyTicks {
  if (!(high - low > 1e-9 * Math.max(1, Math.abs(high)))) {
    const pad = Math.max(Math.abs(low) * 0.1, 1);
    low -= pad;
    high += pad;
  }
  const rawStep = (high - low) / targetCount;
  const magnitude = Math.pow(10, Math.floor(Math.log10(rawStep)));
  const step = (NICE_STEPS.find((s) => s * magnitude >= rawStep - 1e-12) ?? 10) * magnitude;
  const first = Math.floor(low / step + 1e-9) * step;
  const last = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let tick = first; tick <= last + step / 2; tick += step) ticks.push(Math.round(tick / step) * step);
  return { domain: [first, last], ticks };
}

/** Round ticks for a money axis that spans `values` and zero (from $0 to $1 when every value is zero). */
export function buildMoneyTicks(values: readonly number[], targetCount = 4): MoneyTicks {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  return buildRangeTicks(low, high - low < 1e-9 ? low + 1 : high, targetCount);
}

export type MoneyTicks = { domain: [number, number]; ticks: number[] };

/**
 * Past this share of the height below zero, two axes sharing zero would leave the other series too little
 * room: draw one axis instead.
 */
const MAX_SHARED_SHARE_BELOW_ZERO = 0.8;

/** The most intervals between the ticks of an axis stretched below zero: more and their labels would crowd. */
const MAX_STRETCHED_INTERVALS = 8;

/**
 * The ticks of an axis whose domain was stretched down to `low`: every multiple of its step (the gap between its
 * first two ticks) from `low` to its top, so that grid lines cover the plot below zero as they do above it. When
 * that would be more than `MAX_STRETCHED_INTERVALS` intervals, every multiple of m steps, m the least whole number
 * that divides the steps above zero (so zero and the top stay ticks) and leaves no more than that.
 */
function stretchTicks(axis: MoneyTicks, low: number): number[] {
  const [first = 0, second = first + 1] = axis.ticks;
  const high = axis.domain[1];
  const stepsAbove = Math.max(1, Math.round(high / (second - first)));
  for (let multiple = 1; ; multiple++) {
    if (stepsAbove % multiple !== 0) continue;
    const step = (second - first) * multiple;
    const from = Math.ceil(low / step - 1e-9);
    const to = Math.round(high / step);
    if (to - from <= MAX_STRETCHED_INTERVALS || multiple >= stepsAbove)
      return Array.from({ length: to - from + 1 }, (_, i) => (from + i) * step);
  }
}

/**
 * Two money axes stretched so that their zeros sit at the same height: the axis with the smaller share of its
 * height below zero gets a lower minimum, `low = −f · high / (1 − f)` where `f` is the larger share, so that
 * `−low / (high − low) = f` on both, and ticks below zero at its own step (`stretchTicks`). Returns null when
 * more than four fifths of the height would be below zero: one shared axis reads better then.
 */
export function alignZero(left: MoneyTicks, right: MoneyTicks): [MoneyTicks, MoneyTicks] | null {
  const shareBelow = ({ domain: [low, high] }: MoneyTicks) => (high > low ? -low / (high - low) : 0);
  const share = Math.max(shareBelow(left), shareBelow(right));
  if (share > MAX_SHARED_SHARE_BELOW_ZERO) return null;
  const stretch = (axis: MoneyTicks): MoneyTicks => {
    if (shareBelow(axis) >= share) return axis;
    const high = axis.domain[1];
    const low = (-share * high) / (1 - share);
    return { domain: [low, high], ticks: stretchTicks(axis, low) };
  };
  return [stretch(left), stretch(right)];
}

/** Names made distinct for table headers and legends: a repeated name gets " (2)", " (3)"… */
export function makeDistinctNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(names);
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    let n = count;
    while (taken.has(`${name} (${n})`)) n++;
    const distinct = `${name} (${n})`;
    taken.add(distinct);
    return distinct;
  });
}

/**
 * The smallest and largest of `values`, or null for none. A loop, not `Math.min(...values)`: spreading a list of
 * more than about 100,000 numbers into a call overflows the stack.
 */
export function findExtent(values: Iterable<number>): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? { min, max } : null;
}
