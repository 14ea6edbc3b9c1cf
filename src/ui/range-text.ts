/**
 * Ranges (low / likely / high) as the range fields show and start them: the starting range around a likely
 * value, its marker text, and the rule each end is typed against.
 */
import type { z } from 'zod';
import type { ValueRange } from '../domain/scenario-schema';
import { formatNumber, formatPercent } from '../format/format';

/** How far a new range reaches either side of the likely value: ±20 %. */
export const NEW_RANGE_SWING = 0.2;
/** A percentage's new range reaches at least one point either side, so that 0 % growth still gets a spread. */
const MIN_PERCENT_SWING = 0.01;

function accepts(schema: z.ZodType<number>, value: number): boolean {
  return Number.isFinite(value) && schema.safeParse(value).success;
}

/**
 * `target` if the field's rule accepts it, else the accepted value nearest to it on the way from `likely`
 * (found by bisection, so it works for any rule, inclusive or exclusive bounds alike), written with as few
 * significant digits as keep it accepted and no farther out than `target`.
 */
function fitInside(target: number, likely: number, schema: z.ZodType<number>): number {
  if (accepts(schema, target)) return target;
  let inside = likely;
  let outside = target;
  for (let i = 0; i < 60; i++) {
    const middle = (inside + outside) / 2;
    if (accepts(schema, middle)) inside = middle;
    else outside = middle;
  }
  // Prefer a short number: the bound itself when it is accepted (1 for a rate), else a step inside an
  // exclusive bound (−0.999 for growth above −1).
  for (const candidate of [inside, likely + (inside - likely) * 0.99]) {
    for (let digits = 2; digits <= 6; digits++) {
      const rounded = Number(candidate.toPrecision(digits));
      const onTheWay =
        (rounded - likely) * (target - likely) >= 0 &&
        Math.abs(rounded - likely) <= Math.abs(target - likely);
      if (onTheWay && accepts(schema, rounded)) return rounded;
    }
  }
  return inside;
}

/** Cleans float noise (0.08 × 1.2 = 0.09600000000000002) without changing a value a person would see. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * The range a field starts with when the user adds one: the likely value ±20 % (±1 point at least for a
 * value typed as a percentage), each end pulled inside the field's own rule (a rate stays within 0..1,
 * growth above −100 %). Ends never cross the likely value.
 */
export function suggestRange(likely: number, schema: z.ZodType<number>, percent = false): ValueRange {
  const swing = Math.abs(likely) * NEW_RANGE_SWING;
  const delta = percent ? Math.max(swing, MIN_PERCENT_SWING) : swing;
  return {
    low: tidy(fitInside(tidy(likely - delta), likely, schema)),
    high: tidy(fitInside(tidy(likely + delta), likely, schema)),
  };
}

/** A value as a range field shows it: `12%` for a percentage, else a compact number (`1.6M`). */
export function formatRangeValue(value: number, percent: boolean): string {
  return percent ? formatPercent(value) : formatNumber(value, true);
}

/**
 * The marker of a ranged field: `5–12%` for a percentage, `1.6M–2.4M` for a number, or both ends through a
 * field's own format (`$72,000–$108,000` for money).
 */
export function formatRange(range: ValueRange, percent: boolean, format?: (value: number) => string): string {
  if (format) return `${format(range.low)}–${format(range.high)}`;
  if (percent) return `${formatPercent(range.low).replace(/%$/, '')}–${formatPercent(range.high)}`;
  return `${formatNumber(range.low, true)}–${formatNumber(range.high, true)}`;
}

/** Where a range end stands against the likely value. */
export type RangeEnd = 'low' | 'high';

/**
 * The rule a typed range end must meet: the field's own rule, then low ≤ likely (or high ≥ likely). The
 * message names the likely value as the field shows it.
 */
export function makeRangeEndSchema(
  schema: z.ZodType<number>,
  end: RangeEnd,
  likely: number,
  likelyText: string,
): z.ZodType<number> {
  return end === 'low'
    ? schema.refine((value) => value <= likely, `must be at most the likely value (${likelyText})`)
    : schema.refine((value) => value >= likely, `must be at least the likely value (${likelyText})`);
}

/** The smallest range holding both `range` and `value`: `range` itself when the value already lies within. */
export function widenRange(range: ValueRange, value: number): ValueRange {
  return { low: Math.min(range.low, value), high: Math.max(range.high, value) };
}
