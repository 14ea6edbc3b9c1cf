/**
 * Words and tables for the Monte Carlo section: values of ranged inputs in their own units, month percentiles
 * named from the start month, the fan chart's table and summary. Numbers come from the engine; this only
 * formats them.
 */
import type { ChartTable } from '../../charts/chart-table';
import type { StrategyMonteCarlo } from '../../domain/monte-carlo';
import type { Scenario } from '../../domain/scenario-schema';
import type { UncertainInput } from '../../domain/uncertain-inputs';
import { moneyCell } from '../../charts/chart-table';
import {
  USD_DISPLAY,
  formatMoney,
  formatMonth,
  formatMonths,
  formatNumber,
  formatPercent,
} from '../../format/format';
import type { MoneyDisplay } from '../../format/format';

type Timing = Pick<Scenario, 'horizonMonths' | 'startMonth'>;

const RATE_FIELDS = ['cacheHitRate', 'batchShare', 'monthlyGrowth', 'revenueGrowth'];
const MONEY_FIELDS = ['cashOnHand', 'otherMonthlyBurn', 'monthlyRevenue'];

/** The field an input path ends with: `traffic[0].monthlyGrowth` → `monthlyGrowth`. */
function readField(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** A ranged input's value in its own unit: rates and shares as %, finance money in USD (as typed), counts as numbers. */
export function formatInputValue(input: UncertainInput, value: number): string {
  if (input.path.startsWith('strategies[')) return formatPercent(value);
  const field = readField(input.path);
  if (RATE_FIELDS.includes(field)) return formatPercent(value);
  if (MONEY_FIELDS.includes(field)) return formatMoney(value, USD_DISPLAY);
  return formatNumber(value);
}

/** A month percentile as a table cell: the month (or "Beyond"), and a second, smaller line. */
export type MonthCell = { main: string; sub: string | null };

/** A percentile of the month credits run out: "Apr 2027", or "Beyond" the horizon's last month. */
export function describeCreditsMonth(month: number | null, timing: Timing): MonthCell {
  if (month === null)
    return { main: 'Beyond', sub: formatMonth(timing.horizonMonths - 1, timing.startMonth) };
  return { main: formatMonth(month, timing.startMonth), sub: null };
}

/** A percentile of the runway: the month cash runs out and how many months it lasted, or "Beyond". */
export function describeRunwayMonth(month: number | null, timing: Timing): MonthCell {
  if (month === null) return { main: 'Beyond', sub: formatMonths(timing.horizonMonths) };
  return { main: formatMonth(month, timing.startMonth), sub: formatMonths(month) };
}

/** The month the chance of credits lasting is first asked about: the end of the first year, or the horizon. */
export function pickDefaultMonth(horizonMonths: number): number {
  return Math.min(11, horizonMonths - 1);
}

/** The fan chart's table: per month, P10, P50, P90 and the point estimate. */
export function buildFanTable(
  labels: readonly string[],
  strategy: StrategyMonteCarlo,
  pointSpend: readonly number[],
  display: MoneyDisplay,
): ChartTable {
  return {
    columns: ['Month', 'P10', 'P50 (median)', 'P90', 'Point estimate'],
    rows: labels.map((label, month) => {
      const spend = strategy.monthlySpend[month]!;
      return [
        label,
        moneyCell(spend.p10, display),
        moneyCell(spend.p50, display),
        moneyCell(spend.p90, display),
        moneyCell(pointSpend[month] ?? 0, display),
      ];
    }),
  };
}

/** One sentence for the fan chart: the spread in the last month, against the point estimate. */
export function describeFan(
  strategy: StrategyMonteCarlo,
  labels: readonly string[],
  pointSpend: readonly number[],
  samples: number,
  display: MoneyDisplay,
): string {
  const last = labels.length - 1;
  const spend = strategy.monthlySpend[last];
  if (!spend) return '';
  const point = pointSpend[last] ?? 0;
  if (spend.p10 === spend.p90) {
    return `Every one of the ${formatNumber(samples)} samples gives ${strategy.name} the same monthly spend: ${formatMoney(spend.p50, display)} in ${labels[last]}, the point estimate.`;
  }
  return (
    `Monthly AI spend of ${strategy.name} across ${formatNumber(samples)} samples: in ${labels[last]}, 8 samples ` +
    `in 10 fall between ${formatMoney(spend.p10, display)} and ${formatMoney(spend.p90, display)} (median ${formatMoney(spend.p50, display)}; ` +
    `point estimate ${formatMoney(point, display)}).`
  );
}
