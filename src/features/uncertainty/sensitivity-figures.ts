/**
 * Words and rows for the sensitivity section, from the engine's `SensitivityResult`: input values in their
 * units, outcomes as money (in full, as a chart's tooltip and table show it) or months, the tornado's rows and the
 * table behind it. Nothing here computes a cost.
 */
import type { ChartTable } from '../../charts/chart-table';
import type { TornadoRow } from '../../charts/tornado-chart';
import {
  isBeyondHorizonThroughout,
  rankSensitivity,
  readRunwayForRanking,
  readSwing,
} from '../../domain/sensitivity';
import type {
  SensitivityEntry,
  SensitivityMetric,
  SensitivityOutcome,
  SensitivityResult,
} from '../../domain/sensitivity';
import type { UncertainInput } from '../../domain/uncertain-inputs';
import { USD_DISPLAY, formatMoney, formatMonths, formatNumber, formatPercent } from '../../format/format';
import type { MoneyDisplay } from '../../format/format';

/** How an input's value reads: a count, a fraction shown as %, money, or a quality score. */
export type InputUnit = 'count' | 'fraction' | 'money' | 'score';

const FIELD_UNITS = new Map<string, InputUnit>([
  ['requestsPerMonth', 'count'],
  ['inputTokens', 'count'],
  ['outputTokens', 'count'],
  ['cachedPrefixTokens', 'count'],
  ['cacheHitRate', 'fraction'],
  ['batchShare', 'fraction'],
  ['qualityBar', 'score'],
  ['monthlyGrowth', 'fraction'],
  ['cashOnHand', 'money'],
  ['otherMonthlyBurn', 'money'],
  ['monthlyRevenue', 'money'],
  ['revenueGrowth', 'fraction'],
]);

/**
 * The unit of an input, from its key: `traffic/<slice>/<field>` and `finance/<field>` end with the field name
 * (ids may hold "/", field names never do); escalation rates and router shares are fractions.
 */
export function findInputUnit(input: Pick<UncertainInput, 'key'>): InputUnit {
  if (input.key.startsWith('strategies/')) return 'fraction';
  const field = input.key.slice(input.key.lastIndexOf('/') + 1);
  return FIELD_UNITS.get(field) ?? 'count';
}

/** An input's value in its unit: 1,200,000 · 9.6% · $1,500,000 · 70. */
export function formatInputValue(input: Pick<UncertainInput, 'key'>, value: number): string {
  switch (findInputUnit(input)) {
    case 'fraction':
      return formatPercent(value);
    case 'money':
      // Money inputs are typed in USD, the scenario's unit.
      return formatMoney(value, USD_DISPLAY);
    default:
      return formatNumber(value);
  }
}

/** The outcome on one metric: "$505,710", "20 months", "beyond 24 months" or, for cash at the end, "$36,000". */
export function formatOutcome(
  outcome: SensitivityOutcome,
  metric: SensitivityMetric,
  horizonMonths: number,
  display: MoneyDisplay,
): string {
  if (metric === 'spend') return formatMoney(outcome.firstYearSpend, display);
  if (metric === 'cash') return formatMoney(outcome.cashAtHorizonEnd, display);
  return outcome.runwayMonths === null
    ? `beyond ${formatMonths(horizonMonths)}`
    : formatMonths(outcome.runwayMonths);
}

/**
 * The outcome as a number to draw: spend or cash at the horizon's end in USD, runway in months (beyond the
 * horizon drawn at the horizon).
 */
export function readOutcomeValue(
  outcome: SensitivityOutcome,
  metric: SensitivityMetric,
  horizonMonths: number,
): number {
  if (metric === 'spend') return outcome.firstYearSpend;
  if (metric === 'cash') return outcome.cashAtHorizonEnd;
  return readRunwayForRanking(outcome.runwayMonths, horizonMonths);
}

/** The swing on one metric: "$71,851" or "2 months". */
export function formatSwing(
  entry: SensitivityEntry,
  metric: SensitivityMetric,
  display: MoneyDisplay,
): string {
  return metric === 'runway'
    ? formatMonths(entry.runwaySwingMonths)
    : formatMoney(readSwing(entry, metric), display);
}

/** "800,000 → $43,200": the input's value at one end and the outcome it gives. */
export function describeEnd(
  entry: SensitivityEntry,
  end: 'low' | 'high',
  metric: SensitivityMetric,
  horizonMonths: number,
  display: MoneyDisplay,
): string {
  const value = end === 'low' ? entry.input.low : entry.input.high;
  const outcome = end === 'low' ? entry.atLow : entry.atHigh;
  return `${formatInputValue(entry.input, value)} → ${formatOutcome(outcome, metric, horizonMonths, display)}`;
}

/** Where an input's range comes from: "your range" or "±20 %". */
export function describeRangeSource(input: Pick<UncertainInput, 'ranged'>, swing: number): string {
  return input.ranged ? 'Your range' : `±${formatPercent(swing)}`;
}

/**
 * Entries that move the metric at all, and those that do not (both in the order given). For the runway,
 * `beyondHorizon` holds the entries whose runway swing is 0 because cash lasts the horizon at low, likely and
 * high alike, but whose cash at the end of the horizon moves (ranked by that swing): they are shown with that
 * figure instead of as moving nothing.
 */
export function splitByEffect(
  entries: readonly SensitivityEntry[],
  metric: SensitivityMetric,
  baseline: Pick<SensitivityOutcome, 'runwayMonths'>,
) {
  const moving: SensitivityEntry[] = [];
  const beyond: SensitivityEntry[] = [];
  const still: SensitivityEntry[] = [];
  for (const entry of entries) {
    if (readSwing(entry, metric) > 0) moving.push(entry);
    else if (metric === 'runway' && entry.cashSwingUsd > 0 && isBeyondHorizonThroughout(entry, baseline))
      beyond.push(entry);
    else still.push(entry);
  }
  return { moving, beyondHorizon: rankSensitivity(beyond, 'cash'), still };
}

export function buildTornadoRows(
  entries: readonly SensitivityEntry[],
  metric: SensitivityMetric,
  horizonMonths: number,
  display: MoneyDisplay,
): TornadoRow[] {
  return entries.map((entry) => ({
    label: entry.input.label,
    lowOutcome: readOutcomeValue(entry.atLow, metric, horizonMonths),
    highOutcome: readOutcomeValue(entry.atHigh, metric, horizonMonths),
    marked: entry.input.ranged,
    lowText: describeEnd(entry, 'low', metric, horizonMonths, display),
    highText: describeEnd(entry, 'high', metric, horizonMonths, display),
  }));
}

/** The table behind the tornado: input, where its range comes from, both ends, and the swing. */
export function buildSensitivityTable(
  entries: readonly SensitivityEntry[],
  metric: SensitivityMetric,
  metricName: string,
  result: Pick<SensitivityResult, 'horizonMonths' | 'swing'>,
  display: MoneyDisplay,
): ChartTable {
  return {
    columns: ['Input', 'Range', `Low value → ${metricName}`, `High value → ${metricName}`, 'Swing'],
    rows: entries.map((entry) => [
      entry.input.label,
      describeRangeSource(entry.input, result.swing),
      describeEnd(entry, 'low', metric, result.horizonMonths, display),
      describeEnd(entry, 'high', metric, result.horizonMonths, display),
      formatSwing(entry, metric, display),
    ]),
  };
}

/** The chart's summary: the baseline, the input that moves it most, and how many inputs move it at all. */
export function describeSensitivity(
  result: SensitivityResult,
  moving: readonly SensitivityEntry[],
  metric: SensitivityMetric,
  metricName: string,
  display: MoneyDisplay,
): string {
  const baseline = formatOutcome(result.baseline, metric, result.horizonMonths, display);
  const opening =
    metric === 'spend'
      ? `With every input at its likely value, ${result.strategyName} has a ${metricName} of ${baseline}.`
      : metric === 'cash'
        ? `With every input at its likely value, ${result.strategyName} leaves ${baseline} of cash at the end of ${formatMonths(result.horizonMonths)}.`
        : `With every input at its likely value, cash lasts ${baseline} under ${result.strategyName}.`;
  const top = moving[0];
  if (!top) return `${opening} No input moves it across its range.`;
  const ends = [
    describeEnd(top, 'low', metric, result.horizonMonths, display),
    describeEnd(top, 'high', metric, result.horizonMonths, display),
  ];
  return (
    `${opening} ${top.input.label} moves it most: ${ends[0]} at its low end, ${ends[1]} at its high end. ` +
    `${moving.length} of ${result.entries.length} inputs move it.`
  );
}
