/**
 * Reconcile and back-test: each imported month's usage priced by the engine, against the file's own cost, with
 * the gap explained line by line; and what each month would have cost under every strategy of the derived
 * scenario. Every figure comes from `simulate` or `costPerCall`: nothing here prices a token itself.
 */
import { costPerCall } from './call-cost';
import type { CallSlice, PerTokenCallModel } from './call-cost';
import type { Model, Options, PerTokenPricing, Scenario, Slice } from './scenario-schema';
import { simulate } from './simulate';
import { sliceFigures } from './usage-plan';
import type { MonthUsage, UsagePlan, UsageSlice } from './usage-plan';
import { emptyTokens, TOKEN_CLASSES } from './usage-records';
import type { CostClass, TokenClass, TokenCounts } from './usage-records';

/**
 * Why the plan's figure and the bill differ (they sum to `billed − plan`):
 * - `price`: the bill priced the tokens differently from the catalog (a price that changed, a discount, a tier);
 * - `cache`: the plan's caching assumption — one cache TTL per slice, the average prefix against the model's
 *   minimum cacheable prefix, the long-context tier on the average call — priced the same tokens differently;
 * - `options`: batch or caching switched off in the scenario;
 * - `unpriced`: cost the catalog cannot price (a model no row matches, usage that is not tokens, cost billed to
 *   no model or to a model with no tokens in the file).
 */
export type GapKind = 'price' | 'cache' | 'options' | 'unpriced';

/** One token class of a price line: what the file billed and what the catalog's prices make of the same tokens. */
export type ClassPrice = { tokenClass: TokenClass; tokens: number; billed: number; catalog: number };

export type GapLine = { kind: GapKind; amount: number; classes: ClassPrice[] };

export type ReconcileRow = {
  /** The catalog id, or the file's model name when no row matches. */
  key: string;
  name: string;
  mapped: boolean;
  /** USD the file billed; null when the file carries no cost for the month. */
  billed: number | null;
  /** USD the plan's Today strategy spends on this model in the month (the scenario's options). */
  plan: number;
  /** USD the catalog's prices give the exact tokens (each cache TTL at its own price, every prefix cached). */
  exact: number;
  gap: number | null;
  lines: GapLine[];
};

export type ReconcileMonth = {
  month: string;
  billed: number | null;
  plan: number;
  exact: number;
  gap: number | null;
  rows: ReconcileRow[];
  /** The rows' lines summed by kind, plus cost billed to no model. */
  lines: GapLine[];
};

export type BacktestMonth = {
  month: string;
  billed: number | null;
  /** Every strategy of the derived scenario (Today first): its spend on the month's usage, USD. */
  spend: { strategyId: string; name: string; spend: number }[];
};

/** Gap lines below a millionth of a dollar are the rounding of sums of doubles, not a gap worth a line. */
const NEGLIGIBLE = 1e-6;

/** The slice as it ran in one imported month: that month's requests and averages, no growth, no ranges. */
export function monthSlice(slice: Slice, usage: MonthUsage): Slice {
  const rest = { ...slice };
  delete rest.ranges;
  return {
    ...rest,
    requestsPerMonth: usage.requests,
    monthlyGrowth: 0,
    ...sliceFigures(usage.tokens, usage.requests),
  };
}

/** The derived scenario reduced to imported month `t`: one month, its usage, no credits and no fixed costs. */
export function monthScenario(plan: UsagePlan, scenario: Scenario, t: number, options: Options): Scenario {
  return {
    ...scenario,
    startMonth: plan.months[t]!,
    horizonMonths: 1,
    options,
    traffic: plan.slices.map(({ slice, byMonth }) => monthSlice(slice, byMonth[t]!)),
    credits: [],
    fixedCosts: [],
  };
}

/** The model with no minimum cacheable prefix: the bill says the tokens it counts as cached were cached. */
function billedAsCached(model: Model): PerTokenCallModel {
  return { ...model, pricing: { ...(model.pricing as PerTokenPricing), minCachePrefixTokens: 0 } };
}

const ALL_ON = { batch: true, caching: true } as const;

/** One call-slice carrying only `tokens` (per request), priced at each class's own price by `costPerCall`. */
function callSliceOf(
  tokens: TokenCounts,
  requests: number,
  batchShare: number,
  ttl: Slice['cacheTtl'],
): CallSlice {
  return {
    ...sliceFigures(tokens, requests),
    cacheTtl: ttl,
    batchShare,
    reasoningTokens: 0,
  };
}

/**
 * USD the catalog's prices give a month's exact tokens on `model`: the 5-minute writes and the 1-hour writes
 * priced as two calls (each at its TTL's price), every prefix cached, batch and caching on.
 * Example (Claude Sonnet 4.5 at $3 / $15, read $0.30, write $3.75, 1-hour $6; 1,000 requests, uncached 1M,
 * reads 2M, 5-minute writes 0.5M, 1-hour writes 0.1M, output 0.2M): 3 + 0.6 + 1.875 + 0.6 + 3 = $9.075.
 */
export function priceExactUsage(usage: MonthUsage, model: Model, batchShare: number): number {
  if (usage.requests <= 0) return 0;
  const priced = billedAsCached(model);
  const main = { ...usage.tokens, cacheWrite1h: 0 };
  const hour = { ...emptyTokens(), cacheWrite1h: usage.tokens.cacheWrite1h };
  const n = usage.requests;
  let total = n * costPerCall(callSliceOf(main, n, batchShare, '5m'), priced, ALL_ON).final;
  if (hour.cacheWrite1h > 0)
    total += n * costPerCall(callSliceOf(hour, n, batchShare, '1h'), priced, ALL_ON).final;
  return total;
}

/** USD the catalog's prices give one token class of a month's usage (that class alone, as `priceExactUsage`). */
export function priceTokenClass(
  usage: MonthUsage,
  model: Model,
  batchShare: number,
  cls: TokenClass,
): number {
  if (usage.requests <= 0 || usage.tokens[cls] === 0) return 0;
  const only = { ...emptyTokens(), [cls]: usage.tokens[cls] };
  const ttl = cls === 'cacheWrite1h' ? '1h' : '5m';
  return (
    usage.requests *
    costPerCall(callSliceOf(only, usage.requests, batchShare, ttl), billedAsCached(model), ALL_ON).final
  );
}

function addLine(lines: GapLine[], kind: GapKind, amount: number, classes: ClassPrice[] = []) {
  if (Math.abs(amount) <= NEGLIGIBLE) return;
  const line = lines.find((existing) => existing.kind === kind);
  if (line) {
    line.amount += amount;
    line.classes.push(...classes);
  } else lines.push({ kind, amount, classes: [...classes] });
}

function costOf(costs: Record<CostClass, number> | undefined, classes: readonly CostClass[]): number {
  return costs ? classes.reduce((sum, cls) => sum + costs[cls], 0) : 0;
}

const TOKEN_COSTS: readonly CostClass[] = [...TOKEN_CLASSES, 'tokens'];

/** Reconciles one catalog row's usage in month t. */
function reconcileModel(
  plan: UsagePlan,
  t: number,
  model: Model,
  slices: readonly UsageSlice[],
  planSpend: number,
  allOnSpend: number,
): ReconcileRow {
  const bill = plan.bills[t]!;
  const costs = bill.byModel.get(model.id);
  const billed = bill.costKnown ? costOf(costs, [...TOKEN_COSTS, 'other']) : null;
  let exact = 0;
  let tokens = 0;
  const classes: ClassPrice[] = [];
  for (const { slice, byMonth } of slices) {
    const usage = byMonth[t]!;
    exact += priceExactUsage(usage, model, slice.batchShare);
    for (const cls of TOKEN_CLASSES) tokens += usage.tokens[cls];
  }
  const lines: GapLine[] = [];
  addLine(lines, 'options', allOnSpend - planSpend);
  addLine(lines, 'cache', exact - allOnSpend);
  if (billed !== null) {
    const billedTokens = costOf(costs, TOKEN_COSTS);
    if (tokens === 0) addLine(lines, 'unpriced', billed);
    else {
      for (const cls of TOKEN_CLASSES) {
        const billedClass = costs?.[cls] ?? 0;
        if (billedClass === 0) continue;
        let catalog = 0;
        let classTokens = 0;
        for (const { slice, byMonth } of slices) {
          catalog += priceTokenClass(byMonth[t]!, model, slice.batchShare, cls);
          classTokens += byMonth[t]!.tokens[cls];
        }
        classes.push({ tokenClass: cls, tokens: classTokens, billed: billedClass, catalog });
      }
      addLine(lines, 'price', billedTokens - exact, classes);
      addLine(lines, 'unpriced', costOf(costs, ['other']));
    }
  }
  return {
    key: model.id,
    name: model.name,
    mapped: true,
    billed,
    plan: planSpend,
    exact,
    gap: billed === null ? null : billed - planSpend,
    lines,
  };
}

/**
 * Each imported month: the plan's figure (the Today strategy on that month's usage, through `simulate`) against
 * the file's own cost, per catalog row and in total, the gap split into `GapLine`s that sum to it.
 */
export function reconcileUsage(plan: UsagePlan): ReconcileMonth[] {
  const scenario = plan.scenario;
  if (!scenario) return [];
  return plan.months.map((month, t) => {
    const spendByModel = (options: Options) => {
      const result = simulate(monthScenario(plan, scenario, t, options));
      const today = result.strategies.find((strategy) => strategy.id === plan.todayStrategyId)!;
      return today.months[0]!.byModel;
    };
    const planByModel = spendByModel(scenario.options);
    const allOnByModel = spendByModel({ ...scenario.options, ...ALL_ON });
    const bill = plan.bills[t]!;
    const models = new Map<string, { model: Model; slices: UsageSlice[] }>();
    for (const usageSlice of plan.slices) {
      const entry = models.get(usageSlice.model.id) ?? { model: usageSlice.model, slices: [] };
      entry.slices.push(usageSlice);
      models.set(usageSlice.model.id, entry);
    }
    const rows: ReconcileRow[] = [...models.values()].map(({ model, slices }) =>
      reconcileModel(plan, t, model, slices, planByModel[model.id] ?? 0, allOnByModel[model.id] ?? 0),
    );
    // Cost billed to a mapped model with no slice (cost files without usage), and to models no row matches.
    for (const [key, costs] of bill.byModel) {
      if (models.has(key)) continue;
      const billed = costOf(costs, [...TOKEN_COSTS, 'other']);
      const mapped = plan.mappings.some((mapping) => mapping.modelId === key);
      const lines: GapLine[] = [];
      addLine(lines, 'unpriced', billed);
      rows.push({ key, name: key, mapped, billed, plan: 0, exact: 0, gap: billed, lines });
    }
    const billed = bill.costKnown
      ? rows.reduce((sum, row) => sum + (row.billed ?? 0), 0) + plan.unassignedCost[t]!
      : null;
    const planTotal = rows.reduce((sum, row) => sum + row.plan, 0);
    const lines: GapLine[] = [];
    for (const row of rows)
      for (const line of row.lines) addLine(lines, line.kind, line.amount, line.classes);
    if (bill.costKnown) addLine(lines, 'unpriced', plan.unassignedCost[t]!);
    return {
      month,
      billed,
      plan: planTotal,
      exact: rows.reduce((sum, row) => sum + row.exact, 0),
      gap: billed === null ? null : billed - planTotal,
      rows,
      lines,
    };
  });
}

/** Each imported month's usage under every strategy of the derived scenario (its options; no fixed costs). */
export function backtestUsage(plan: UsagePlan): BacktestMonth[] {
  const scenario = plan.scenario;
  if (!scenario) return [];
  return plan.months.map((month, t) => {
    const result = simulate(monthScenario(plan, scenario, t, scenario.options));
    const bill = plan.bills[t]!;
    let billed: number | null = null;
    if (bill.costKnown) {
      billed = plan.unassignedCost[t]!;
      for (const costs of bill.byModel.values()) billed += costOf(costs, [...TOKEN_COSTS, 'other']);
    }
    return {
      month,
      billed,
      spend: result.strategies.map((strategy) => ({
        strategyId: strategy.id,
        name: strategy.name,
        spend: strategy.months[0]!.spend,
      })),
    };
  });
}
