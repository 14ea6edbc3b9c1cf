/**
 * Chart series and sentences for the Compare screen, read from a simulation result. Nothing is computed here
 * beyond picking figures out of the result and naming them.
 */
import type { MoneySeries } from '../../charts/chart-series';
import type { Scenario } from '../../domain/scenario-schema';
import { readSpendColumns } from '../../domain/simulate';
import type { SimulationResult, SpendColumns, StrategyResult } from '../../domain/simulate';
import {
  findCheapestSoundStrategy,
  findCheapestStrategy,
  findMonthSpendExtremes,
  readMoney,
} from '../../domain/strategy-figures';
import { formatMoney, formatMonth } from '../../format/format';
import type { MoneyDisplay } from '../../format/format';

export type Breakdown = 'slice' | 'model';

/** One label per month of the horizon, from the scenario's start month ("Jan 2027"). */
export function labelMonths(horizonMonths: number, startMonth: string | undefined): string[] {
  return Array.from({ length: horizonMonths }, (_, month) => formatMonth(month, startMonth));
}

/**
 * Monthly spend of every strategy not hidden, the cheapest (by first-year spend) emphasised. Each keeps the
 * colour and line style of its place among all strategies, so hiding one does not repaint the others.
 */
export function buildSpendSeries(
  result: SimulationResult,
  cheapestId: string | null,
  hiddenIds: ReadonlySet<string> = new Set(),
): MoneySeries[] {
  return result.strategies.flatMap((strategy, index) =>
    hiddenIds.has(strategy.id)
      ? []
      : [
          {
            name: strategy.id === cheapestId ? `${strategy.name} (cheapest)` : strategy.name,
            values: strategy.months.map((m) => m.spend),
            emphasis: strategy.id === cheapestId,
            colorIndex: index,
          },
        ],
  );
}

/**
 * A strategy's monthly spend split by traffic slice (traffic order) or by model (catalog order), leaving out
 * parts that cost nothing over the horizon. Ids are shown by their names in the scenario.
 */
export function buildBreakdownSeries(
  scenario: Scenario,
  strategy: StrategyResult,
  by: Breakdown,
): MoneySeries[] {
  const columns = readSpendColumns(strategy);
  const tokenSeries = columns
    ? readBreakdownColumns(scenario, strategy, columns, by)
    : readBreakdownRecords(scenario, strategy, by);
  return [...tokenSeries, ...buildFixedCostSeries(scenario, strategy)].filter((series) =>
    series.values.some((value) => value !== null && Math.abs(value) > 1e-9),
  );
}

/**
 * The breakdown from the engine's spend columns: only the slices and models the strategy spends on are read
 * (not every model of a 27,000-model catalog, month by month), named and ordered as the scenario lists them.
 */
function readBreakdownColumns(
  scenario: Scenario,
  strategy: StrategyResult,
  columns: SpendColumns,
  by: Breakdown,
): MoneySeries[] {
  const ids = by === 'slice' ? columns.sliceIds : columns.modelIds;
  const table = by === 'slice' ? columns.bySlice : columns.byModel;
  const columnOf = new Map(ids.map((id, column) => [id, column]));
  const listed: readonly { id: string; name: string }[] =
    by === 'slice' ? scenario.traffic : scenario.catalog;
  const parts: { id: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const entry of listed) {
    if (!columnOf.has(entry.id) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    parts.push({ id: entry.id, name: entry.name || entry.id });
  }
  for (const id of ids) if (!seen.has(id)) parts.push({ id, name: id });
  return parts.map((part) => {
    const column = columnOf.get(part.id)!;
    // As the month's record by id reads it: 0 + the column's amount.
    return {
      name: part.name,
      values: strategy.months.map((_, month) => 0 + table[month * ids.length + column]!),
    };
  });
}

/** The breakdown from each month's records by slice or by model (a result made without spend columns). */
function readBreakdownRecords(scenario: Scenario, strategy: StrategyResult, by: Breakdown): MoneySeries[] {
  const parts =
    by === 'slice'
      ? scenario.traffic.map((slice) => ({ id: slice.id, name: slice.name || slice.id }))
      : scenario.catalog.map((model) => ({ id: model.id, name: model.name || model.id }));
  const known = new Set(parts.map((part) => part.id));
  for (const month of strategy.months) {
    const record = by === 'slice' ? month.bySlice : month.byModel;
    for (const id of Object.keys(record)) {
      if (!known.has(id)) {
        known.add(id);
        parts.push({ id, name: id });
      }
    }
  }
  return parts.map((part) => ({
    name: part.name,
    values: strategy.months.map((m) => readMoney(by === 'slice' ? m.bySlice : m.byModel, part.id)),
  }));
}

/** The most bands a breakdown chart stacks: beyond it bands are too thin to tell apart (the table lists each). */
export const MAX_BREAKDOWN_BANDS = 12;

/**
 * A breakdown as its chart stacks it: up to `MAX_BREAKDOWN_BANDS` series as they are, else the largest over
 * the horizon (one fewer) in their order and the rest added up month by month as one band, "188 other slices".
 * Only the chart draws this; the table and the summary keep every series.
 */
export function groupSmallBands(series: readonly MoneySeries[], by: Breakdown): readonly MoneySeries[] {
  if (series.length <= MAX_BREAKDOWN_BANDS) return series;
  const total = (s: MoneySeries) => s.values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const kept = new Set([...series].sort((a, b) => total(b) - total(a)).slice(0, MAX_BREAKDOWN_BANDS - 1));
  const rest = series.filter((s) => !kept.has(s));
  const months = rest.reduce((most, s) => Math.max(most, s.values.length), 0);
  const values = Array.from({ length: months }, (_, month) =>
    rest.reduce((sum, s) => sum + (s.values[month] ?? 0), 0),
  );
  const noun = by === 'slice' ? 'slices' : 'models';
  return [...series.filter((s) => kept.has(s)), { name: `${rest.length} other ${noun}`, values }];
}

/**
 * A strategy's monthly fixed costs, one series per fixed cost it pays ("Vector store (fixed cost)"), in
 * scenario order: fixed costs are part of spend but of no slice or model, so a breakdown shows them apart.
 */
export function buildFixedCostSeries(scenario: Scenario, strategy: StrategyResult): MoneySeries[] {
  return scenario.fixedCosts
    .map((cost) => ({
      name: `${cost.name.trim() || cost.id} (fixed cost)`,
      values: strategy.months.map((m) => readMoney(m.byFixedCost, cost.id)),
    }))
    .filter((series) => series.values.some((value) => Math.abs(value) > 1e-9));
}

/**
 * "Cheapest … ; in the last month spend runs from … to …" for the spend-per-strategy chart. The strategy named
 * first is `cheapest`, the one every screen crowns (`selectCheapestStrategy`); `broken` is each strategy's broken
 * constraints, for the cheapest of those shown; a cheaper one that breaks a bar or limit is named after it as such. The lines drawn leave out
 * `hiddenIds`: where the crowned strategy is among them the words still name it, as hidden, then the cheapest of
 * those shown, so that the chart never crowns another strategy than the Summary does.
 */
export function describeSpendChart(
  result: SimulationResult,
  cheapest: StrategyResult | null,
  broken: ReadonlyMap<string, readonly unknown[]>,
  labels: readonly string[],
  display: MoneyDisplay,
  hiddenIds: ReadonlySet<string> = new Set(),
): string {
  const last = labels.length - 1;
  const lastLabel = labels[last] ?? '';
  if (!cheapest || result.strategies.length === 0) return 'No strategies to compare yet.';
  const firstYear = labels.length >= 12 ? 'the first 12 months' : `all ${labels.length} months`;
  const money = (strategy: StrategyResult) => formatMoney(strategy.totals.firstYearSpend, display);
  const leastOfAll = findCheapestStrategy(result)!;
  const shown = { ...result, strategies: result.strategies.filter((s) => !hiddenIds.has(s.id)) };
  // The crowned strategy is named first even when hidden, said so at its name.
  const crownedName = hiddenIds.has(cheapest.id)
    ? `${cheapest.name} (hidden from this chart)`
    : cheapest.name;
  const crowned =
    leastOfAll === cheapest
      ? `${crownedName} costs least over ${firstYear} (${money(cheapest)})`
      : `${crownedName} costs least over ${firstYear} of the strategies that meet every quality bar and limit (${money(cheapest)}); ${leastOfAll.name} costs less (${money(leastOfAll)}) but breaks a bar or limit`;
  if (shown.strategies.length === 0) return `${crowned}. Every strategy is hidden from this chart.`;
  const shownSound = findCheapestSoundStrategy(shown, broken);
  const shownLeast = findCheapestStrategy(shown)!;
  // Of those shown, worded as the crown is: the cheapest meeting every bar and limit, and a cheaper one that breaks one.
  const ofShown =
    shownSound === null
      ? `None of the strategies shown meets every quality bar and limit; ${shownLeast.name} costs least (${money(shownLeast)}).`
      : shownSound === shownLeast
        ? `Of the strategies shown, ${shownSound.name} costs least (${money(shownSound)}).`
        : `Of the strategies shown that meet every quality bar and limit, ${shownSound.name} costs least (${money(shownSound)}); ${shownLeast.name} costs less (${money(shownLeast)}) but breaks a bar or limit.`;
  const opening = hiddenIds.has(cheapest.id) ? `${crowned}. ${ofShown}` : `${crowned}.`;
  if (shown.strategies.length === 1) {
    const only = shown.strategies[0]!;
    return `${opening} Monthly spend ${only === cheapest ? 'goes' : `of ${only.name} goes`} from ${formatMoney(only.months[0]?.spend ?? 0, display)} in ${labels[0]} to ${formatMoney(only.months[last]?.spend ?? 0, display)} in ${lastLabel}.`;
  }
  const extremes = findMonthSpendExtremes(shown, last);
  if (!extremes) return opening;
  const { low, lowUsd, high, highUsd } = extremes;
  return `${opening} In ${lastLabel} monthly spend runs from ${formatMoney(lowUsd, display)} (${low.name}) to ${formatMoney(highUsd, display)} (${high.name}).`;
}

/** "In Dec 2028, Bulk is the largest part: $X of $Y." for the breakdown chart. */
export function describeBreakdownChart(
  strategy: StrategyResult,
  series: readonly MoneySeries[],
  by: Breakdown,
  labels: readonly string[],
  display: MoneyDisplay,
): string {
  const last = labels.length - 1;
  const noun = by === 'slice' ? 'slice' : 'model';
  const fixed = series.some((s) => s.name.endsWith('(fixed cost)'));
  const stacked = fixed ? 'stacked with its fixed costs' : 'stacked';
  if (series.length === 0) return `${strategy.name} spends nothing over the horizon.`;
  const largest = series.reduce((best, s) => ((s.values[last] ?? 0) > (best.values[last] ?? 0) ? s : best));
  const total = strategy.months[last]?.spend ?? 0;
  const grouped =
    series.length > MAX_BREAKDOWN_BANDS
      ? ` The chart stacks the ${MAX_BREAKDOWN_BANDS - 1} largest over the horizon and the other ${series.length - MAX_BREAKDOWN_BANDS + 1} as one band; the table lists each.`
      : '';
  return `${strategy.name}'s monthly spend by ${noun}, ${stacked}. In ${labels[last]} the largest part is ${largest.name}: ${formatMoney(largest.values[last] ?? 0, display)} of ${formatMoney(total, display)}.${grouped}`;
}

/** What the caching and batch discounts did for a strategy over the horizon, in a sentence. */
export function describeSavingsChart(strategy: StrategyResult, display: MoneyDisplay): string {
  const { listSpend, spend, savings } = strategy.totals;
  const caching =
    savings.caching >= 0
      ? `caching saves ${formatMoney(savings.caching, display)}`
      : `caching costs ${formatMoney(-savings.caching, display)} more than list price`;
  return `At list price ${strategy.name} would cost ${formatMoney(listSpend, display)} over the horizon; ${caching} and batch saves ${formatMoney(savings.batch, display)}, so it pays ${formatMoney(spend, display)}.`;
}
