/**
 * Two scenarios' monthly spend on one time axis. Scenarios may start in different months and run for different
 * horizons: when both have a start month their months line up on the calendar, otherwise by month number.
 */
import type { Scenario } from '../../domain/scenario-schema';
import type { StrategyResult } from '../../domain/simulate';
import { formatMonth } from '../../format/format';

export type ComparisonSide = { scenario: Scenario; strategy: StrategyResult };

export type ComparisonSeries = {
  /** One label per point: calendar months ("Jan 2027") or, without start months, "Month 1"… */
  labels: string[];
  /** Each side's spend per label, USD; null where the side's horizon does not reach. */
  values: (number | null)[][];
  alignment: 'calendar' | 'month-number';
};

/** "2027-03" → months since year 0 (2027·12 + 2). */
function countMonths(startMonth: string): number {
  const [year, month] = startMonth.split('-').map(Number) as [number, number];
  return year * 12 + (month - 1);
}

/** "2027-03" back from a month count. */
function writeMonth(months: number): string {
  const year = Math.floor(months / 12);
  return `${String(year).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}`;
}

/** Lines each side's monthly spend up on a shared axis (see the module comment). */
export function buildComparisonSeries(sides: readonly ComparisonSide[]): ComparisonSeries {
  const starts = sides.map((side) => side.scenario.startMonth);
  if (sides.length > 0 && starts.every((start) => start !== undefined)) {
    const offsets = starts.map((start) => countMonths(start!));
    const first = Math.min(...offsets);
    const end = Math.max(...sides.map((side, i) => offsets[i]! + side.strategy.months.length));
    const labels = Array.from({ length: end - first }, (_, k) => formatMonth(k, writeMonth(first)));
    const values = sides.map((side, i) =>
      labels.map((_, k) => side.strategy.months[k - (offsets[i]! - first)]?.spend ?? null),
    );
    return { labels, values, alignment: 'calendar' };
  }
  const length = Math.max(0, ...sides.map((side) => side.strategy.months.length));
  const labels = Array.from({ length }, (_, k) => formatMonth(k, undefined));
  const values = sides.map((side) => labels.map((_, k) => side.strategy.months[k]?.spend ?? null));
  return { labels, values, alignment: 'month-number' };
}
