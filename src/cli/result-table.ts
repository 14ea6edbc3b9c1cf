/**
 * The CLI's `--format table`: per strategy, its totals and a monthly table, money rounded for people.
 */
import { findBrokenConstraintsByStrategy } from '../domain/plan-constraints';
import { sumFixedCosts, sumMonthFixedCosts } from '../domain/strategy-figures';
import type { BrokenConstraint } from '../domain/plan-constraints';
import type { MonthPercentiles, MonteCarloResult, Percentiles } from '../domain/monte-carlo';
import type { FixedCost, Scenario } from '../domain/scenario-schema';
import type { SimulationResult, StrategyResult } from '../domain/simulate';
import {
  describeMoneyDisplay,
  formatMoneyExact,
  formatMonth,
  formatMonths,
  formatNumber,
  moneyDisplayOf,
} from '../format/format';
import type { MoneyDisplay } from '../format/format';
import { ALL_MET, describeConstraint, describeConstraintKind } from '../format/constraint-text';
import { describeCreditsEnd, describeRunway, describeRunwayMonths } from '../format/outcome-text';
import { toPrintableText } from './terminal-text';

type Align = 'left' | 'right';

/** Lays out rows as fixed-width columns, two spaces apart, trailing spaces trimmed. */
function layOutColumns(rows: readonly (readonly string[])[], align: readonly Align[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The fixed costs a strategy pays (its results list each of them every month), in the scenario's order. */
function listPaidFixedCosts(strategy: StrategyResult, scenario: Scenario): FixedCost[] {
  const firstMonth = strategy.months[0];
  if (firstMonth === undefined) return [];
  return scenario.fixedCosts.filter((cost) => Object.hasOwn(firstMonth.byFixedCost, cost.id));
}

/** Summary rows for the fixed costs a strategy pays: their total over the horizon, then each one's. */
function describeFixedCosts(
  strategy: StrategyResult,
  costs: readonly FixedCost[],
  display: MoneyDisplay,
): string[][] {
  if (costs.length === 0) return [];
  const rows = costs.map((cost) => {
    let total = 0;
    for (const month of strategy.months) total += month.byFixedCost[cost.id] ?? 0;
    return [
      `  ${toPrintableText(cost.name)} (${toPrintableText(cost.id)})`,
      formatMoneyExact(total, display),
    ];
  });
  return [['Fixed costs (in spend)', formatMoneyExact(sumFixedCosts(strategy), display)], ...rows];
}

function formatStrategy(
  strategy: StrategyResult,
  scenario: Scenario,
  constraints: readonly BrokenConstraint[],
  display: MoneyDisplay,
): string[] {
  const { totals } = strategy;
  const fixedCosts = listPaidFixedCosts(strategy, scenario);
  const firstMonths = Math.min(12, scenario.horizonMonths);
  const summary: string[][] = [
    [`Spend, first ${formatMonths(firstMonths)}`, formatMoneyExact(totals.firstYearSpend, display)],
    [
      `Spend, whole horizon (${formatMonths(scenario.horizonMonths)})`,
      formatMoneyExact(totals.spend, display),
    ],
    ['Spend at list prices', formatMoneyExact(totals.listSpend, display)],
    ['Saved by prompt caching', formatMoneyExact(totals.savings.caching, display)],
    ['Saved by batch', formatMoneyExact(totals.savings.batch, display)],
    ...describeFixedCosts(strategy, fixedCosts, display),
    ['Credits used', formatMoneyExact(totals.creditsUsed, display)],
    ['Credits expired unused', formatMoneyExact(totals.creditsExpired, display)],
    ['AI spend paid in cash', formatMoneyExact(totals.cashSpentOnAI, display)],
    ['Credits run out', describeCreditsEnd(strategy, scenario)],
    ['Runway', describeRunway(strategy, scenario)],
  ];
  if (constraints.length === 0) summary.push(['Constraints', ALL_MET]);
  constraints.forEach((constraint, index) =>
    summary.push([
      index === 0 ? 'Constraints broken' : '',
      toPrintableText(
        `${describeConstraintKind(constraint.kind)}: ${describeConstraint(constraint, scenario)}`,
      ),
    ]),
  );
  const hasFixedCosts = fixedCosts.length > 0;
  const monthly: string[][] = [
    [
      'Month',
      'Spend',
      'List spend',
      'Caching saved',
      'Batch saved',
      ...(hasFixedCosts ? ['Fixed costs'] : []),
      'Credits used',
      'Cash on AI',
      'Cash at end',
    ],
  ];
  for (const month of strategy.months) {
    let creditsUsed = 0;
    for (const pool of scenario.credits) creditsUsed += month.creditsDrawn[pool.id] ?? 0;
    monthly.push([
      formatMonth(month.month, scenario.startMonth),
      formatMoneyExact(month.spend, display),
      formatMoneyExact(month.listSpend, display),
      formatMoneyExact(month.savings.caching, display),
      formatMoneyExact(month.savings.batch, display),
      ...(hasFixedCosts ? [formatMoneyExact(sumMonthFixedCosts(month), display)] : []),
      formatMoneyExact(creditsUsed, display),
      formatMoneyExact(month.cashSpentOnAI, display),
      formatMoneyExact(month.cashEnd, display),
    ]);
  }
  return [
    `${toPrintableText(strategy.name)} (${toPrintableText(strategy.id)}, ${strategy.kind})`,
    '',
    ...layOutColumns(summary, ['left', 'left']).map((line) => `  ${line}`),
    '',
    ...layOutColumns(monthly, ['left', ...monthly[0]!.slice(1).map((): Align => 'right')]).map(
      (line) => `  ${line}`,
    ),
  ];
}

/**
 * A readable fixed-width report of a simulation: a heading, then per strategy its totals (first-year and horizon
 * spend, savings, the fixed costs it pays — their total and each one's —, credits used and expired, the month
 * credits run out, the runway, and every constraint it breaks, from `findBrokenConstraints`, in the app's words) and its monthly figures (with a fixed-costs column when it pays any).
 * Money is shown in `display` (the scenario's display currency unless given), said under the heading, and
 * rounded to cents by `src/format/format.ts`, runway and credits worded by `src/format/outcome-text.ts`
 * (the app's words); names are shown with control characters escaped.
 */
export function formatResultTable(
  result: SimulationResult,
  scenario: Scenario,
  display: MoneyDisplay = moneyDisplayOf(scenario),
): string {
  const from = scenario.startMonth === undefined ? '' : ` from ${formatMonth(0, scenario.startMonth)}`;
  const lines = [
    `${toPrintableText(result.scenario)}: ${formatMonths(result.horizonMonths)}${from}`,
    `Money in ${describeMoneyDisplay(display)}`,
  ];
  const constraintsByStrategy = findBrokenConstraintsByStrategy(scenario);
  for (const strategy of result.strategies)
    lines.push(
      '',
      ...formatStrategy(strategy, scenario, constraintsByStrategy.get(strategy.id) ?? [], display),
    );
  return `${lines.join('\n')}\n`;
}

/** A month percentile for people: "Apr 2027", or "beyond Dec 2028" when past the horizon. */
function describeMonthPercentile(month: number | null, scenario: Scenario): string {
  if (month === null) return `beyond ${formatMonth(scenario.horizonMonths - 1, scenario.startMonth)}`;
  return formatMonth(month, scenario.startMonth);
}

function moneyRow(label: string, percentiles: Percentiles, display: MoneyDisplay): string[] {
  return [
    label,
    ...[percentiles.p10, percentiles.p50, percentiles.p90].map((usd) => formatMoneyExact(usd, display)),
  ];
}

function monthRow(
  label: string,
  percentiles: MonthPercentiles,
  describe: (month: number | null) => string,
): string[] {
  return [label, describe(percentiles.p10), describe(percentiles.p50), describe(percentiles.p90)];
}

/**
 * The Monte Carlo part of `--format table`: the method in one line, the ranged inputs, then per strategy the
 * P10, P50 and P90 of its 12-month and whole-horizon spend, of the month credits run out and of its runway.
 */
export function formatMonteCarloTable(
  result: MonteCarloResult,
  scenario: Scenario,
  display: MoneyDisplay = moneyDisplayOf(scenario),
): string {
  const firstMonths = Math.min(12, scenario.horizonMonths);
  const lines = [
    `Monte Carlo: ${formatNumber(result.samples)} samples, seed ${result.seed}; ranged inputs drawn from ` +
      'triangular distributions (low, likely, high); nearest-rank percentiles',
  ];
  if (result.inputs.length === 0) {
    lines.push('  No input has a range, so every sample is the point estimate.');
  } else {
    const inputs = result.inputs.map((input) => [
      toPrintableText(input.label),
      `low ${input.low}, likely ${input.likely}, high ${input.high}`,
    ]);
    lines.push(...layOutColumns(inputs, ['left', 'left']).map((line) => `  ${line}`));
  }
  const rows: string[][] = [['Strategy', 'Figure', 'P10', 'P50', 'P90']];
  for (const strategy of result.strategies) {
    const name = toPrintableText(strategy.name);
    const noPools = scenario.credits.length === 0;
    const figures = [
      moneyRow(`Spend, first ${formatMonths(firstMonths)}`, strategy.firstYearSpend, display),
      moneyRow(`Spend, whole horizon`, strategy.horizonSpend, display),
      noPools
        ? ['Credits run out', 'no credit pools', '', '']
        : monthRow('Credits run out', strategy.creditsExhaustedMonth, (m) =>
            describeMonthPercentile(m, scenario),
          ),
      monthRow('Runway', strategy.runwayMonths, (m) => describeRunwayMonths(m, scenario)),
    ];
    figures.forEach((figure, i) => rows.push([i === 0 ? name : '', ...figure]));
  }
  lines.push(
    '',
    ...layOutColumns(rows, ['left', 'left', 'right', 'right', 'right']).map((line) => `  ${line}`),
  );
  return `${lines.join('\n')}\n`;
}
