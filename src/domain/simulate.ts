/**
 * The planning engine: month-by-month spend of every strategy, its discounts, the credit pools it draws and
 * the cash left. Pure: the same scenario always gives the same result. Money is USD in full double precision.
 */
import { costPerCall, costPerClassifierCall } from './call-cost';
import { drawCredits } from './credits';
import { resolveRoutes } from './routes';
import type { Model, Scenario, Strategy } from './scenario-schema';

/** Hours billed in a month of capacity. */
export const HOURS_PER_MONTH = 730;

export type MoneyById = Record<string, number>;

export type MonthResult = {
  /** 0-based month index from the scenario's start month. */
  month: number;
  /** AI spend after caching and batch discounts. */
  spend: number;
  /** AI spend at list prices. */
  listSpend: number;
  savings: { caching: number; batch: number };
  bySlice: MoneyById;
  byModel: MoneyById;
  byPlatform: MoneyById;
  /** Every pool, what it paid this month (0 when nothing). */
  creditsDrawn: MoneyById;
  /** Every pool, its balance at the end of the month after any expiry (its full amount before it starts). */
  creditBalances: MoneyById;
  /** Balances that expired at the end of this month. */
  creditsExpired: number;
  /** AI spend paid from cash this month. */
  cashSpentOnAI: number;
  cashEnd: number;
};

export type StrategyResult = {
  id: string;
  name: string;
  kind: Strategy['kind'];
  totals: {
    spend: number;
    listSpend: number;
    firstYearSpend: number;
    savings: { caching: number; batch: number };
    creditsUsed: number;
    creditsExpired: number;
    cashSpentOnAI: number;
  };
  /** First month covered AI spend had to be paid from cash; null if never in the horizon or no pools. */
  creditsExhaustedMonth: number | null;
  /** First month whose closing cash is below zero; null if cash lasts the horizon. */
  runwayMonths: number | null;
  /** Slices a cheapest-meeting-bar strategy could not serve at their quality bar, in traffic order. */
  unmetQuality: string[];
  months: MonthResult[];
};

export type SimulationResult = {
  scenario: string;
  horizonMonths: number;
  strategies: StrategyResult[];
};

function emptyRecord(): MoneyById {
  return Object.create(null) as MoneyById;
}

function addTo(record: MoneyById, key: string, amount: number) {
  record[key] = (record[key] ?? 0) + amount;
}

/** Requests of a slice in month t: `requestsPerMonth · (1 + monthlyGrowth)^t`. */
export function requestsInMonth(requestsPerMonth: number, monthlyGrowth: number, month: number): number {
  return requestsPerMonth * Math.pow(1 + monthlyGrowth, month);
}

/**
 * Units of a capacity-billed model for a month: `peakTPM = tokens / (730·60) · peakToAverage`,
 * `units = max(minUnits, ceil(peakTPM / tokensPerMinutePerUnit))`.
 */
export function capacityUnits(
  tokensInMonth: number,
  peakToAverage: number,
  tokensPerMinutePerUnit: number,
  minUnits: number,
): number {
  const peakTokensPerMinute = (tokensInMonth / (HOURS_PER_MONTH * 60)) * peakToAverage;
  return Math.max(minUnits, Math.ceil(peakTokensPerMinute / tokensPerMinutePerUnit));
}

/** Per request of one slice: the money of each per-token leg, and the tokens sent to each capacity model. */
type SlicePlan = {
  list: number;
  cached: number;
  final: number;
  /** USD per request on each per-token model (classifier included). */
  finalByModel: Map<Model, number>;
  /** Tokens per request sent to each capacity model named by the slice's route (0 for a zero share). */
  tokensByCapacityModel: Map<Model, number>;
};

function planSlice(
  scenario: Scenario,
  sliceIndex: number,
  route: ReturnType<typeof resolveRoutes>[number],
): SlicePlan {
  const slice = scenario.traffic[sliceIndex]!;
  const plan: SlicePlan = {
    list: 0,
    cached: 0,
    final: 0,
    finalByModel: new Map(),
    tokensByCapacityModel: new Map(),
  };
  for (const { model, callsPerRequest } of route.legs) {
    if (model.pricing.kind === 'capacity') {
      const tokens = callsPerRequest * (slice.inputTokens + slice.outputTokens * model.outputTokenFactor);
      plan.tokensByCapacityModel.set(model, (plan.tokensByCapacityModel.get(model) ?? 0) + tokens);
      continue;
    }
    const call = costPerCall(slice, model.pricing, model.outputTokenFactor, scenario.options);
    plan.list += callsPerRequest * call.list;
    plan.cached += callsPerRequest * call.cached;
    plan.final += callsPerRequest * call.final;
    plan.finalByModel.set(model, (plan.finalByModel.get(model) ?? 0) + callsPerRequest * call.final);
  }
  if (route.classifier) {
    const { model, inputTokens, outputTokens } = route.classifier;
    const cost = costPerClassifierCall(inputTokens, outputTokens, model.pricing);
    plan.list += cost;
    plan.cached += cost;
    plan.final += cost;
    plan.finalByModel.set(model, (plan.finalByModel.get(model) ?? 0) + cost);
  }
  return plan;
}

/** Runs one strategy over the horizon. The scenario must be valid: see `validateScenario`. */
export function simulateStrategy(scenario: Scenario, strategy: Strategy): StrategyResult {
  const { traffic, horizonMonths, options, finance } = scenario;
  const routes = resolveRoutes(scenario, strategy);
  const plans = routes.map((route, index) => planSlice(scenario, index, route));

  // Capacity models named by any slice's route, with the slices that name them (traffic order).
  const capacityModels = new Map<Model, number[]>();
  plans.forEach((plan, sliceIndex) => {
    for (const model of plan.tokensByCapacityModel.keys()) {
      const slices = capacityModels.get(model) ?? [];
      slices.push(sliceIndex);
      capacityModels.set(model, slices);
    }
  });

  const months: MonthResult[] = [];
  const balances = scenario.credits.map((pool) => pool.amount);
  let cash = finance.cashOnHand;
  const totals: StrategyResult['totals'] = {
    spend: 0,
    listSpend: 0,
    firstYearSpend: 0,
    savings: { caching: 0, batch: 0 },
    creditsUsed: 0,
    creditsExpired: 0,
    cashSpentOnAI: 0,
  };
  let creditsExhaustedMonth: number | null = null;
  let runwayMonths: number | null = null;

  for (let month = 0; month < horizonMonths; month++) {
    const bySlice = emptyRecord();
    const byModel = emptyRecord();
    const byPlatform = emptyRecord();
    let spend = 0;
    let listSpend = 0;
    let savingsCaching = 0;
    let savingsBatch = 0;
    const requests = traffic.map((slice) =>
      requestsInMonth(slice.requestsPerMonth, slice.monthlyGrowth, month),
    );

    traffic.forEach((slice, sliceIndex) => {
      const plan = plans[sliceIndex]!;
      const n = requests[sliceIndex]!;
      const sliceSpend = n * plan.final;
      addTo(bySlice, slice.id, sliceSpend);
      spend += sliceSpend;
      listSpend += n * plan.list;
      savingsCaching += n * (plan.list - plan.cached);
      savingsBatch += n * (plan.cached - plan.final);
      for (const [model, perRequest] of plan.finalByModel) {
        addTo(byModel, model.id, n * perRequest);
        addTo(byPlatform, model.platform, n * perRequest);
      }
    });

    for (const [model, sliceIndexes] of capacityModels) {
      if (model.pricing.kind !== 'capacity') continue;
      const tokensBySlice = sliceIndexes.map(
        (i) => requests[i]! * plans[i]!.tokensByCapacityModel.get(model)!,
      );
      const tokens = tokensBySlice.reduce((sum, t) => sum + t, 0);
      const { hourlyPerUnit, tokensPerMinutePerUnit, minUnits } = model.pricing;
      const units = capacityUnits(tokens, options.peakToAverage, tokensPerMinutePerUnit, minUnits);
      const cost = units * hourlyPerUnit * HOURS_PER_MONTH;
      sliceIndexes.forEach((sliceIndex, i) => {
        const share = tokens > 0 ? tokensBySlice[i]! / tokens : 1 / sliceIndexes.length;
        addTo(bySlice, traffic[sliceIndex]!.id, cost * share);
      });
      addTo(byModel, model.id, cost);
      addTo(byPlatform, model.platform, cost);
      spend += cost;
      listSpend += cost;
    }

    const draw = drawCredits(scenario.credits, balances, byPlatform, month);
    cash += finance.monthlyRevenue * Math.pow(1 + finance.revenueGrowth, month) - finance.otherMonthlyBurn;
    cash -= draw.cashSpentOnAI;
    if (creditsExhaustedMonth === null && draw.coveredSpendPaidInCash > 1e-9) creditsExhaustedMonth = month;
    if (runwayMonths === null && cash < 0) runwayMonths = month;

    totals.spend += spend;
    totals.listSpend += listSpend;
    if (month < 12) totals.firstYearSpend += spend;
    totals.savings.caching += savingsCaching;
    totals.savings.batch += savingsBatch;
    totals.creditsUsed += draw.creditsUsed;
    totals.creditsExpired += draw.creditsExpired;
    totals.cashSpentOnAI += draw.cashSpentOnAI;

    months.push({
      month,
      spend,
      listSpend,
      savings: { caching: savingsCaching, batch: savingsBatch },
      bySlice,
      byModel,
      byPlatform,
      creditsDrawn: draw.creditsDrawn,
      creditBalances: draw.balances,
      creditsExpired: draw.creditsExpired,
      cashSpentOnAI: draw.cashSpentOnAI,
      cashEnd: cash,
    });
  }

  return {
    id: strategy.id,
    name: strategy.name,
    kind: strategy.kind,
    totals,
    creditsExhaustedMonth,
    runwayMonths,
    unmetQuality: traffic.filter((_, i) => routes[i]!.unmetQuality).map((slice) => slice.id),
    months,
  };
}

/**
 * Runs every strategy of a valid scenario over its horizon (see DESIGN.md, "The formulas").
 * Validate first with `validateScenario`, or use `planScenario`, which also rejects overflowing results.
 */
export function simulate(scenario: Scenario): SimulationResult {
  return {
    scenario: scenario.name,
    horizonMonths: scenario.horizonMonths,
    strategies: scenario.strategies.map((strategy) => simulateStrategy(scenario, strategy)),
  };
}
