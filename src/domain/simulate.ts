/**
 * The planning engine: month-by-month spend of every strategy, its discounts, the credit pools it draws and
 * the cash left. Pure: the same scenario always gives the same result. Money is USD in full double precision.
 */
import {
  capacityTokensPerCall,
  costPerCall,
  costPerClassifierCall,
  isCapacityModel,
  isPerTokenModel,
} from './call-cost';
import { describePools, drawCreditsFromLedger, prepareCreditLedger } from './credits';
import type { CreditLedger } from './credits';
import { makeSliceRouteResolver, resolveRoutes } from './routes';
import type { SliceRoute } from './routes';
import type { CapacityPricing, CreditPool, FixedCost, Model, Scenario, Strategy } from './scenario-schema';

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
  /** Every fixed cost the strategy pays, this month's amount (0 outside its window). */
  byFixedCost: MoneyById;
  /** Every pool, what it paid this month (0 when nothing). */
  creditsDrawn: MoneyById;
  /** Every pool, its balance at the end of the month after any expiry (its full amount before it starts). */
  creditBalances: MoneyById;
  /** Balances that expired at the end of this month. */
  creditsExpired: number;
  /** AI spend paid from cash this month. */
  cashSpentOnAI: number;
  /** What no pool paid this month, by platform (sums to `cashSpentOnAI`). */
  cashByPlatform: MoneyById;
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
  /** Slices that limit their regions and whose route names a model outside them, in traffic order. */
  offRegion: string[];
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

/**
 * Units billed in each month for a capacity model given the tokens it serves each month: `units(t)` from
 * `capacityUnits`, then, with `commitmentMonths = c > 0`, months grouped into terms `[0, c)`, `[c, 2c)`, … (the
 * last cut at the horizon), every month of a term paying the term's largest `units(t)`.
 */
export function billedCapacityUnits(
  tokensByMonth: ArrayLike<number>,
  peakToAverage: number,
  pricing: Pick<CapacityPricing, 'tokensPerMinutePerUnit' | 'minUnits' | 'commitmentMonths'>,
): Float64Array {
  const months = tokensByMonth.length;
  const units = new Float64Array(months);
  for (let t = 0; t < months; t++)
    units[t] = capacityUnits(
      tokensByMonth[t]!,
      peakToAverage,
      pricing.tokensPerMinutePerUnit,
      pricing.minUnits,
    );
  const term = pricing.commitmentMonths;
  if (term > 0) {
    for (let start = 0; start < months; start += term) {
      const end = Math.min(start + term, months);
      let held = 0;
      for (let t = start; t < end; t++) held = Math.max(held, units[t]!);
      units.fill(held, start, end);
    }
  }
  return units;
}

/**
 * A fixed cost's amount in `month`: `monthlyAmount · (1 + monthlyGrowth)^(month − startMonth)` for
 * `startMonth ≤ month < endMonth` (no end when null), else 0.
 */
export function fixedCostInMonth(cost: FixedCost, month: number): number {
  if (month < cost.startMonth || (cost.endMonth !== null && month >= cost.endMonth)) return 0;
  return cost.monthlyAmount * Math.pow(1 + cost.monthlyGrowth, month - cost.startMonth);
}

/**
 * Each fixed cost's `fixedCostInMonth` for months 0 to at least `months − 1`, tabulated once per cost object
 * (scenario objects are never changed in place): Monte Carlo runs the same costs over the same months thousands
 * of times. The figures are `fixedCostInMonth`'s own.
 */
const fixedCostTables = new WeakMap<FixedCost, Float64Array>();

function tabulateFixedCost(cost: FixedCost, months: number): Float64Array {
  const known = fixedCostTables.get(cost);
  if (known && known.length >= months) return known;
  const table = new Float64Array(months);
  for (let month = 0; month < months; month++) table[month] = fixedCostInMonth(cost, month);
  fixedCostTables.set(cost, table);
  return table;
}

/** True when `strategyId` pays `cost` (its `strategies` is null, or lists the strategy). */
export function paysFixedCost(cost: Pick<FixedCost, 'strategies'>, strategyId: string): boolean {
  return cost.strategies === null || cost.strategies.includes(strategyId);
}

/** Per request of one slice: the money of each per-token leg, and the tokens sent to each capacity model. */
export type SlicePlan = {
  list: number;
  cached: number;
  final: number;
  /** USD per request on each per-token model (classifier included). */
  finalByModel: Map<Model, number>;
  /** Tokens per request sent to each capacity model named by the slice's route (0 for a zero share). */
  tokensByCapacityModel: Map<Model, number>;
};

function planSlice(scenario: Scenario, sliceIndex: number, route: SliceRoute): SlicePlan {
  const slice = scenario.traffic[sliceIndex]!;
  const plan: SlicePlan = {
    list: 0,
    cached: 0,
    final: 0,
    finalByModel: new Map(),
    tokensByCapacityModel: new Map(),
  };
  for (const { model, callsPerRequest } of route.legs) {
    if (!isPerTokenModel(model)) {
      const tokens = callsPerRequest * capacityTokensPerCall(slice, model);
      plan.tokensByCapacityModel.set(model, (plan.tokensByCapacityModel.get(model) ?? 0) + tokens);
      continue;
    }
    const call = costPerCall(slice, model, scenario.options);
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

/**
 * What every strategy of a scenario shares month by month: the requests of each slice
 * (`requestsPerMonth · (1 + monthlyGrowth)^t`, month-major: `requests[t · slices + s]`), the revenue
 * (`monthlyRevenue · (1 + revenueGrowth)^t`) and the cash that comes and goes besides AI spend
 * (`revenue − otherMonthlyBurn`).
 */
export type MonthlyDrivers = {
  requests: Float64Array;
  revenue: Float64Array;
  otherCashFlow: Float64Array;
};

/**
 * Tabulates a scenario's `MonthlyDrivers` once, for as many strategies as run on it. With `like` (the drivers
 * of a scenario with the same slices and horizon), rows whose inputs are the same are copied rather than
 * recomputed: the figures are identical either way. With `into` (drivers of the same size, not `like`'s),
 * the tables are written there instead of into new arrays, and it is returned.
 */
export function tabulateMonthlyDrivers(
  scenario: Scenario,
  like?: { scenario: Scenario; drivers: MonthlyDrivers },
  into?: MonthlyDrivers,
): MonthlyDrivers {
  const { traffic, horizonMonths, finance } = scenario;
  const sliceCount = traffic.length;
  const fits =
    into && into.requests.length === horizonMonths * sliceCount && into.revenue.length === horizonMonths;
  const requests = fits ? into.requests : new Float64Array(horizonMonths * sliceCount);
  const revenue = fits ? into.revenue : new Float64Array(horizonMonths);
  const otherCashFlow = fits ? into.otherCashFlow : new Float64Array(horizonMonths);
  const reuse = like && like.scenario.horizonMonths === horizonMonths ? like : undefined;
  if (reuse) requests.set(reuse.drivers.requests);
  for (let s = 0; s < sliceCount; s++) {
    const slice = traffic[s]!;
    const before = reuse?.scenario.traffic[s];
    if (
      before &&
      before.requestsPerMonth === slice.requestsPerMonth &&
      before.monthlyGrowth === slice.monthlyGrowth
    )
      continue;
    for (let month = 0; month < horizonMonths; month++) {
      requests[month * sliceCount + s] = requestsInMonth(slice.requestsPerMonth, slice.monthlyGrowth, month);
    }
  }
  const sameRevenue =
    reuse &&
    reuse.scenario.finance.monthlyRevenue === finance.monthlyRevenue &&
    reuse.scenario.finance.revenueGrowth === finance.revenueGrowth;
  for (let month = 0; month < horizonMonths; month++) {
    revenue[month] = sameRevenue
      ? reuse.drivers.revenue[month]!
      : finance.monthlyRevenue * Math.pow(1 + finance.revenueGrowth, month);
    otherCashFlow[month] = revenue[month]! - finance.otherMonthlyBurn;
  }
  return fits ? into : { requests, revenue, otherCashFlow };
}

/**
 * A strategy resolved against a scenario's slices, ready to be run month by month: the calls each request
 * makes and their money per request, the capacity models named and the platforms that receive spend. It
 * depends on the catalog, the batch and caching options, the strategy and each slice's tokens, cache, batch
 * share and quality bar — not on requests, growth, credit pools, finance or the horizon, so one plan serves
 * every scenario that differs from the planned one only in those.
 */
export type StrategyPlan = {
  strategy: Strategy;
  routes: SliceRoute[];
  slices: SlicePlan[];
  /** Platforms that receive spend, in the order they first do (slices in traffic order, then capacity). */
  platforms: string[];
  /** The per-token legs of each slice, in its `finalByModel` order: model, money per request, platform index. */
  legs: { model: Model; perRequest: number; platform: number }[][];
  /**
   * The ids of the models that receive spend, in the order a month's `byModel` lists them: per-token legs in
   * slice order, then capacity models.
   */
  modelIds: string[];
  /**
   * The same figures in flat typed arrays, for the runs that repeat them thousands of times (Monte Carlo,
   * sensitivity): slice s has money per request `final[s]`, `list[s]`, `cached[s]`, and owns legs
   * `legStart[s]` to `legStart[s + 1] − 1` of `legPerRequest`, `legPlatform` and `legModel` (an index into
   * `modelIds`; same order as `legs`).
   */
  flat: {
    final: Float64Array;
    list: Float64Array;
    cached: Float64Array;
    legStart: Int32Array;
    legPerRequest: Float64Array;
    legPlatform: Int32Array;
    legModel: Int32Array;
    /** The slice each leg belongs to. */
    legSlice: Int32Array;
    /**
     * The legs grouped by platform, in leg order within each platform: platform p's are `platformLeg[k]` for
     * k from `platformLegStart[p]` to `platformLegStart[p + 1] − 1`. A month adds up each platform's spend in
     * the legs' own order, as it would leg after leg.
     */
    platformLeg: Int32Array;
    platformLegStart: Int32Array;
  };
  /**
   * Capacity models named by any slice's route, in the order slices first name them: the slices that name
   * them (traffic order) with the tokens per request each sends, and the model's platform index.
   */
  capacity: {
    model: Model & { pricing: CapacityPricing };
    sliceIndexes: number[];
    tokensPerRequest: number[];
    platform: number;
    /** Index into `modelIds`. */
    modelIndex: number;
  }[];
  /** The fixed costs the strategy pays, in the scenario's order, each with its platform index. */
  fixedCosts: { cost: FixedCost; platform: number }[];
};

/**
 * Each route's `planSlice`: a route object is resolved for one slice object against one catalog, options and
 * evaluations (see `resolveRoutes`), so its plan never changes, and after an edit only the slices it touched
 * are priced again.
 */
const slicePlans = new WeakMap<SliceRoute, SlicePlan>();

/** Resolves a strategy for the scenario's slices (see `StrategyPlan`). The scenario must be valid. */
export function planStrategy(scenario: Scenario, strategy: Strategy): StrategyPlan {
  const routes = resolveRoutes(scenario, strategy);
  const slices = routes.map((route, index) => {
    let plan = slicePlans.get(route);
    if (!plan) {
      plan = planSlice(scenario, index, route);
      slicePlans.set(route, plan);
    }
    return plan;
  });
  return assemblePlan(scenario, strategy, routes, slices);
}

/** The index of a key in `keys`, which gathers distinct keys in the order they are first asked for. */
function makeIndexer(keys: string[]): (key: string) => number {
  const indexes = new Map<string, number>();
  return (key) => {
    let index = indexes.get(key);
    if (index === undefined) {
      index = keys.length;
      keys.push(key);
      indexes.set(key, index);
    }
    return index;
  };
}

/** A strategy's plan from its slices' routes and their `planSlice`s (traffic order). */
function assemblePlan(
  scenario: Scenario,
  strategy: Strategy,
  routes: SliceRoute[],
  slices: SlicePlan[],
): StrategyPlan {
  const capacityModels = new Map<Model, number[]>();
  slices.forEach((plan, sliceIndex) => {
    for (const model of plan.tokensByCapacityModel.keys()) {
      const named = capacityModels.get(model) ?? [];
      named.push(sliceIndex);
      capacityModels.set(model, named);
    }
  });

  const platforms: string[] = [];
  const indexOf = makeIndexer(platforms);
  const modelIds: string[] = [];
  const indexOfModel = makeIndexer(modelIds);
  const legs = slices.map((plan) =>
    [...plan.finalByModel].map(([model, perRequest]) => ({
      model,
      perRequest,
      platform: indexOf(model.platform),
    })),
  );
  const legModels = legs.map((sliceLegs) => sliceLegs.map((leg) => indexOfModel(leg.model.id)));
  const capacity: StrategyPlan['capacity'] = [];
  for (const [model, sliceIndexes] of capacityModels) {
    const platform = indexOf(model.platform);
    if (!isCapacityModel(model)) continue;
    const tokensPerRequest = sliceIndexes.map((i) => slices[i]!.tokensByCapacityModel.get(model)!);
    capacity.push({ model, sliceIndexes, tokensPerRequest, platform, modelIndex: indexOfModel(model.id) });
  }
  const fixedCosts = scenario.fixedCosts
    .filter((cost) => paysFixedCost(cost, strategy.id))
    .map((cost) => ({ cost, platform: indexOf(cost.platform) }));
  return {
    strategy,
    routes,
    slices,
    platforms,
    legs,
    modelIds,
    flat: flattenSlices(slices, legs, legModels, platforms.length),
    capacity,
    fixedCosts,
  };
}

function flattenSlices(
  slices: readonly SlicePlan[],
  legs: StrategyPlan['legs'],
  legModels: readonly (readonly number[])[],
  platformCount: number,
): StrategyPlan['flat'] {
  const sliceCount = slices.length;
  const legStart = new Int32Array(sliceCount + 1);
  for (let s = 0; s < sliceCount; s++) legStart[s + 1] = legStart[s]! + legs[s]!.length;
  const legCount = legStart[sliceCount]!;
  const legPerRequest = new Float64Array(legCount);
  const legPlatform = new Int32Array(legCount);
  const legModel = new Int32Array(legCount);
  const legSlice = new Int32Array(legCount);
  const final = new Float64Array(sliceCount);
  const list = new Float64Array(sliceCount);
  const cached = new Float64Array(sliceCount);
  for (let s = 0; s < sliceCount; s++) {
    const plan = slices[s]!;
    final[s] = plan.final;
    list[s] = plan.list;
    cached[s] = plan.cached;
    const sliceLegs = legs[s]!;
    const models = legModels[s]!;
    const start = legStart[s]!;
    for (let i = 0; i < sliceLegs.length; i++) {
      legPerRequest[start + i] = sliceLegs[i]!.perRequest;
      legPlatform[start + i] = sliceLegs[i]!.platform;
      legModel[start + i] = models[i]!;
      legSlice[start + i] = s;
    }
  }
  const platformLegStart = new Int32Array(platformCount + 1);
  for (let leg = 0; leg < legCount; leg++) platformLegStart[legPlatform[leg]! + 1]! += 1;
  for (let p = 0; p < platformCount; p++) platformLegStart[p + 1]! += platformLegStart[p]!;
  const platformLeg = new Int32Array(legCount);
  const filled = platformLegStart.slice(0, platformCount);
  for (let leg = 0; leg < legCount; leg++) platformLeg[filled[legPlatform[leg]!]!++] = leg;
  return {
    final,
    list,
    cached,
    legStart,
    legPerRequest,
    legPlatform,
    legModel,
    legSlice,
    platformLeg,
    platformLegStart,
  };
}

/** Whether two slice plans spend on the same per-token models in the same order and on no capacity model. */
function isSameShape(a: SlicePlan, b: SlicePlan): boolean {
  if (a.tokensByCapacityModel.size > 0 || b.tokensByCapacityModel.size > 0) return false;
  if (a.finalByModel.size !== b.finalByModel.size) return false;
  const models = b.finalByModel.keys();
  for (const model of a.finalByModel.keys()) if (models.next().value !== model) return false;
  return true;
}

/**
 * Plans one strategy, `scenario.strategies[strategyIndex]`, for scenarios drawn from `scenario` (Monte Carlo's
 * samples) in which only the slices at `sliceIndexes` may plan differently: their tokens, cache, batch share or
 * quality bar, or this strategy's route figures for them (escalation rates, router shares). Everything else a
 * plan depends on stays: the catalog, options, evaluations and fixed costs, the other slices, and the strategy's
 * kind, id and routes' models; requests, growth, pools and finance may differ, as they never enter a plan.
 *
 * Each call resolves and prices those slices only, remembering nothing (a sample's objects are dropped after
 * it). When each names the same per-token models in the same order as in the base plan and no capacity model,
 * the base plan's copy is patched in place: the same object every call, so use it before the next call.
 * Otherwise the plan is assembled afresh from the base plan's other slices. Either way it equals
 * `planStrategy(drawn, drawn.strategies[strategyIndex])`, figure for figure.
 */
export function makePlanPatcher(
  scenario: Scenario,
  strategyIndex: number,
  sliceIndexes: readonly number[],
  base: StrategyPlan = planStrategy(scenario, scenario.strategies[strategyIndex]!),
): (drawn: Scenario) => StrategyPlan {
  const { flat } = base;
  const patched: StrategyPlan = {
    ...base,
    routes: [...base.routes],
    slices: [...base.slices],
    legs: [...base.legs],
    flat: {
      ...flat,
      final: flat.final.slice(),
      list: flat.list.slice(),
      cached: flat.cached.slice(),
      legPerRequest: flat.legPerRequest.slice(),
    },
  };
  const routes: SliceRoute[] = [];
  const slices: SlicePlan[] = [];
  return (drawn) => {
    const strategy = drawn.strategies[strategyIndex]!;
    const resolve = makeSliceRouteResolver(drawn, strategy);
    let sameShape = true;
    for (let i = 0; i < sliceIndexes.length; i++) {
      const index = sliceIndexes[i]!;
      routes[i] = resolve(drawn.traffic[index]!);
      slices[i] = planSlice(drawn, index, routes[i]!);
      sameShape &&= isSameShape(base.slices[index]!, slices[i]!);
    }
    if (!sameShape) {
      const allRoutes = [...base.routes];
      const allSlices = [...base.slices];
      sliceIndexes.forEach((index, i) => {
        allRoutes[index] = routes[i]!;
        allSlices[index] = slices[i]!;
      });
      return assemblePlan(drawn, strategy, allRoutes, allSlices);
    }
    patched.strategy = strategy;
    const { final, list, cached, legStart, legPerRequest } = patched.flat;
    for (let i = 0; i < sliceIndexes.length; i++) {
      const index = sliceIndexes[i]!;
      const plan = slices[i]!;
      const baseLegs = base.legs[index]!;
      const legs: StrategyPlan['legs'][number] = [];
      let at = legStart[index]!;
      for (const [model, perRequest] of plan.finalByModel) {
        legs.push({ model, perRequest, platform: baseLegs[legs.length]!.platform });
        legPerRequest[at++] = perRequest;
      }
      patched.routes[index] = routes[i]!;
      patched.slices[index] = plan;
      patched.legs[index] = legs;
      final[index] = plan.final;
      list[index] = plan.list;
      cached[index] = plan.cached;
    }
    return patched;
  };
}

/** The figures of a strategy without its per-month records: what Monte Carlo samples. */
export type StrategyOutline = {
  id: string;
  totals: StrategyResult['totals'];
  creditsExhaustedMonth: number | null;
  runwayMonths: number | null;
  /** AI spend after discounts, by month. */
  monthlySpend: Float64Array;
};

/** What a run of a plan needs besides the scenario's figures: the credit ledger and scratch space. */
type RunSetup = {
  ledger: CreditLedger;
  /** Position of each of the plan's platforms in the ledger's alphabetical order. */
  sortedPosition: number[];
  platformSpend: Float64Array;
  unpaid: Float64Array;
};

/**
 * Set-ups by credit pools, then by the platforms a plan spends on (in order): Monte Carlo runs the same plan,
 * or plans re-made for drawn inputs that spend on the same platforms, thousands of times.
 */
const runSetups = new WeakMap<readonly CreditPool[], Map<string, RunSetup>>();

/** The last set-up each plan ran with, and its pools: the same plan is usually run with the same pools again. */
const lastSetups = new WeakMap<StrategyPlan, { credits: readonly CreditPool[]; setup: RunSetup }>();

/** The run set-up of a plan with these pools, made once (runs are synchronous, so the scratch is never shared). */
function prepareRun(plan: StrategyPlan, credits: readonly CreditPool[]): RunSetup {
  const last = lastSetups.get(plan);
  if (last && last.credits === credits) return last.setup;
  const setup = findRunSetup(plan, credits);
  lastSetups.set(plan, { credits, setup });
  return setup;
}

function findRunSetup(plan: StrategyPlan, credits: readonly CreditPool[]): RunSetup {
  let byPlatforms = runSetups.get(credits);
  if (!byPlatforms) {
    byPlatforms = new Map();
    runSetups.set(credits, byPlatforms);
  }
  const key = JSON.stringify(plan.platforms);
  const cached = byPlatforms.get(key);
  if (cached) return cached;
  const ledger = prepareCreditLedger(credits, plan.platforms);
  const setup: RunSetup = {
    ledger,
    sortedPosition: plan.platforms.map((platform) => ledger.platforms.indexOf(platform)),
    platformSpend: new Float64Array(plan.platforms.length),
    unpaid: new Float64Array(plan.platforms.length),
  };
  byPlatforms.set(key, setup);
  return setup;
}

/** Tokens a capacity model serves in a month: every slice that names it, requests × tokens per request. */
function capacityTokensInMonth(
  entry: StrategyPlan['capacity'][number],
  drivers: MonthlyDrivers,
  sliceCount: number,
  month: number,
): number {
  const { sliceIndexes, tokensPerRequest } = entry;
  let tokens = 0;
  for (let i = 0; i < sliceIndexes.length; i++)
    tokens += drivers.requests[month * sliceCount + sliceIndexes[i]!]! * tokensPerRequest[i]!;
  return tokens;
}

/**
 * A strategy's spend by slice and by model, month by month, in flat arrays (month-major: slice s of month t is
 * `bySlice[t · slices + s]`, model m is `byModel[t · modelIds.length + m]`): what each month's `bySlice` and
 * `byModel` records are made from when first read.
 */
export type SpendColumns = {
  sliceIds: readonly string[];
  modelIds: readonly string[];
  bySlice: Float64Array;
  byModel: Float64Array;
};

/** The columns behind each detailed strategy result's months (see `readSpendColumns`). */
const spendColumns = new WeakMap<StrategyResult, SpendColumns>();

/**
 * The spend by slice and by model behind a strategy result of `simulate`, without building its months'
 * records; undefined for a result made elsewhere (read its months instead).
 */
export function readSpendColumns(strategy: StrategyResult): SpendColumns | undefined {
  return spendColumns.get(strategy);
}

/** Row `row` of a month-major table with one column per id, as a record by id (ids in their order). */
function readRecordRow(ids: readonly string[], table: Float64Array, row: number): MoneyById {
  const record = emptyRecord();
  const start = row * ids.length;
  for (let i = 0; i < ids.length; i++) record[ids[i]!] = (record[ids[i]!] ?? 0) + table[start + i]!;
  return record;
}

/**
 * Makes `key` of `month` a record built from its column on first read (and kept): a month's records by slice
 * and by model are most of a detailed run's size, and most screens read a few months of one strategy. The
 * property stays an ordinary enumerable one (JSON, spreading and structured cloning read it as a value).
 */
function defineRecordOnRead(month: MonthResult, key: 'bySlice' | 'byModel', build: () => MoneyById): void {
  Object.defineProperty(month, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = build();
      Object.defineProperty(month, key, { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
    set(value: MoneyById) {
      Object.defineProperty(month, key, { value, enumerable: true, writable: true, configurable: true });
    },
  });
}

type RunFigures = StrategyOutline & { months: MonthResult[]; columns: SpendColumns | null };

/** What a run without detail writes into instead of new objects (see `makeOutlineRunner`). */
type RunScratch = { figures: RunFigures; balances: number[] };

/**
 * Runs a planned strategy over the horizon. With `detail`, every month's record (by slice, model, platform,
 * pool) is made (the records by slice and model from `SpendColumns` when first read); without, only the
 * figures of `StrategyOutline`. The arithmetic is the same either way, in the same order, so every figure is
 * identical.
 */
function runPlan(
  scenario: Scenario,
  plan: StrategyPlan,
  drivers: MonthlyDrivers,
  detail: boolean,
  scratch?: RunScratch,
): RunFigures {
  const { traffic, horizonMonths, options, finance, credits } = scenario;
  const sliceCount = traffic.length;
  const { flat, capacity, platforms, fixedCosts, modelIds } = plan;
  const { final, list, cached, legStart, legPerRequest, legModel, legSlice, platformLeg, platformLegStart } =
    flat;
  const { requests, otherCashFlow } = drivers;
  const { ledger, sortedPosition, platformSpend, unpaid } = prepareRun(plan, credits);
  // Looked up once per run, not every month: a module loader may read imports through getters (tsx does).
  const drawFromLedger = drawCreditsFromLedger;
  const platformCount = platforms.length;
  const modelCount = modelIds.length;

  const reuse = scratch && !detail && scratch.figures.monthlySpend.length === horizonMonths ? scratch : null;
  const months: MonthResult[] = reuse ? reuse.figures.months : [];
  const monthlySpend = reuse ? reuse.figures.monthlySpend : new Float64Array(horizonMonths);
  let balances: number[];
  if (reuse) {
    balances = reuse.balances;
    if (balances.length !== credits.length) balances.length = credits.length;
    for (let pool = 0; pool < credits.length; pool++) balances[pool] = credits[pool]!.amount;
  } else balances = credits.map((pool) => pool.amount);
  const sliceSpend = detail ? new Float64Array(horizonMonths * sliceCount) : null;
  const modelSpend = detail ? new Float64Array(horizonMonths * modelCount) : null;
  let cash = finance.cashOnHand;
  const totals = reuse ? resetTotals(reuse.figures.totals) : makeZeroTotals();
  let creditsExhaustedMonth: number | null = null;
  let runwayMonths: number | null = null;
  const drawn = { creditsUsed: 0, creditsExpired: 0, cashSpentOnAI: 0, coveredSpendPaidInCash: 0 };
  // Loops rather than callbacks here and below: Monte Carlo runs a plan thousands of times.
  const fixedCostByMonth: Float64Array[] = [];
  for (const { cost } of fixedCosts) fixedCostByMonth.push(tabulateFixedCost(cost, horizonMonths));
  // Models bought for a term: units every month with the term's largest held, known before the months run.
  // Without a commitment, each month's units follow that month's tokens (no arrays: Monte Carlo runs this often).
  const heldUnits: (Float64Array | null)[] = [];
  for (const entry of capacity) {
    const { pricing } = entry.model;
    if (pricing.commitmentMonths === 0) {
      heldUnits.push(null);
      continue;
    }
    const tokensByMonth = new Float64Array(horizonMonths);
    for (let month = 0; month < horizonMonths; month++)
      tokensByMonth[month] = capacityTokensInMonth(entry, drivers, sliceCount, month);
    heldUnits.push(billedCapacityUnits(tokensByMonth, options.peakToAverage, pricing));
  }

  for (let month = 0; month < horizonMonths; month++) {
    let spend = 0;
    let listSpend = 0;
    let savingsCaching = 0;
    let savingsBatch = 0;
    const firstRequest = month * sliceCount;
    const firstModel = month * modelCount;

    for (let sliceIndex = 0; sliceIndex < sliceCount; sliceIndex++) {
      const n = requests[firstRequest + sliceIndex]!;
      const sliceFinal = final[sliceIndex]!;
      const sliceList = list[sliceIndex]!;
      const sliceCached = cached[sliceIndex]!;
      const amountOfSlice = n * sliceFinal;
      spend += amountOfSlice;
      listSpend += n * sliceList;
      savingsCaching += n * (sliceList - sliceCached);
      savingsBatch += n * (sliceCached - sliceFinal);
      if (sliceSpend && modelSpend) {
        sliceSpend[firstRequest + sliceIndex] = amountOfSlice;
        const legEnd = legStart[sliceIndex + 1]!;
        for (let leg = legStart[sliceIndex]!; leg < legEnd; leg++) {
          const at = firstModel + legModel[leg]!;
          modelSpend[at] = modelSpend[at]! + n * legPerRequest[leg]!;
        }
      }
    }
    // Each platform's spend on per-token legs, added up in leg order (the same sums as leg after leg).
    for (let p = 0; p < platformCount; p++) {
      let amount = 0;
      const end = platformLegStart[p + 1]!;
      for (let k = platformLegStart[p]!; k < end; k++) {
        const leg = platformLeg[k]!;
        amount += requests[firstRequest + legSlice[leg]!]! * legPerRequest[leg]!;
      }
      platformSpend[p] = amount;
    }

    for (let c = 0; c < capacity.length; c++) {
      const { model, sliceIndexes, tokensPerRequest, platform, modelIndex } = capacity[c]!;
      const held = heldUnits[c];
      const { tokensPerMinutePerUnit, minUnits } = model.pricing;
      const units = held
        ? held[month]!
        : capacityUnits(
            capacityTokensInMonth(capacity[c]!, drivers, sliceCount, month),
            options.peakToAverage,
            tokensPerMinutePerUnit,
            minUnits,
          );
      const cost = units * model.pricing.hourlyPerUnit * HOURS_PER_MONTH;
      if (sliceSpend && modelSpend) {
        // The cost split over the slices that name the model by their share of its tokens (evenly when none).
        let tokens = 0;
        for (let i = 0; i < sliceIndexes.length; i++)
          tokens += requests[firstRequest + sliceIndexes[i]!]! * tokensPerRequest[i]!;
        for (let i = 0; i < sliceIndexes.length; i++) {
          const at = firstRequest + sliceIndexes[i]!;
          const sliceTokens = requests[at]! * tokensPerRequest[i]!;
          const share = tokens > 0 ? sliceTokens / tokens : 1 / sliceIndexes.length;
          sliceSpend[at] = sliceSpend[at]! + cost * share;
        }
        modelSpend[firstModel + modelIndex] = modelSpend[firstModel + modelIndex]! + cost;
      }
      platformSpend[platform] = platformSpend[platform]! + cost;
      spend += cost;
      listSpend += cost;
    }

    const byFixedCost = detail ? emptyRecord() : null;
    for (let f = 0; f < fixedCosts.length; f++) {
      const { cost, platform } = fixedCosts[f]!;
      const amount = fixedCostByMonth[f]![month]!;
      if (byFixedCost) addTo(byFixedCost, cost.id, amount);
      platformSpend[platform] = platformSpend[platform]! + amount;
      spend += amount;
      listSpend += amount;
    }

    for (let p = 0; p < platformCount; p++) unpaid[sortedPosition[p]!] = platformSpend[p]!;
    const drawnByPool = detail ? credits.map(() => 0) : null;
    const draw = drawFromLedger(ledger, balances, unpaid, month, drawnByPool, drawn);
    cash += otherCashFlow[month]!;
    cash -= draw.cashSpentOnAI;
    if (creditsExhaustedMonth === null && draw.coveredSpendPaidInCash > 1e-9) creditsExhaustedMonth = month;
    if (runwayMonths === null && cash < 0) runwayMonths = month;

    monthlySpend[month] = spend;
    totals.spend += spend;
    totals.listSpend += listSpend;
    if (month < 12) totals.firstYearSpend += spend;
    totals.savings.caching += savingsCaching;
    totals.savings.batch += savingsBatch;
    totals.creditsUsed += draw.creditsUsed;
    totals.creditsExpired += draw.creditsExpired;
    totals.cashSpentOnAI += draw.cashSpentOnAI;

    if (sliceSpend && modelSpend && byFixedCost && drawnByPool) {
      const byPlatform = emptyRecord();
      const cashByPlatform = emptyRecord();
      for (let p = 0; p < platformCount; p++) {
        byPlatform[platforms[p]!] = platformSpend[p]!;
        cashByPlatform[platforms[p]!] = unpaid[sortedPosition[p]!]!;
      }
      const pools = describePools(credits, drawnByPool, balances);
      const record: MonthResult = {
        month,
        spend,
        listSpend,
        savings: { caching: savingsCaching, batch: savingsBatch },
        bySlice: undefined as never,
        byModel: undefined as never,
        byPlatform,
        byFixedCost,
        creditsDrawn: pools.creditsDrawn,
        creditBalances: pools.balances,
        creditsExpired: draw.creditsExpired,
        cashSpentOnAI: draw.cashSpentOnAI,
        cashByPlatform,
        cashEnd: cash,
      };
      months.push(record);
    }
  }

  let columns: SpendColumns | null = null;
  if (sliceSpend && modelSpend) {
    const sliceIds = traffic.map((slice) => slice.id);
    columns = { sliceIds, modelIds, bySlice: sliceSpend, byModel: modelSpend };
    for (const record of months) {
      defineRecordOnRead(record, 'bySlice', () => readRecordRow(sliceIds, sliceSpend, record.month));
      defineRecordOnRead(record, 'byModel', () => readRecordRow(modelIds, modelSpend, record.month));
    }
  }
  if (!reuse)
    return {
      id: plan.strategy.id,
      totals,
      creditsExhaustedMonth,
      runwayMonths,
      monthlySpend,
      months,
      columns,
    };
  const { figures } = reuse;
  figures.id = plan.strategy.id;
  figures.creditsExhaustedMonth = creditsExhaustedMonth;
  figures.runwayMonths = runwayMonths;
  return figures;
}

/** A run's totals before its first month. */
function makeZeroTotals(): StrategyResult['totals'] {
  return {
    spend: 0,
    listSpend: 0,
    firstYearSpend: 0,
    savings: { caching: 0, batch: 0 },
    creditsUsed: 0,
    creditsExpired: 0,
    cashSpentOnAI: 0,
  };
}

/** Totals back to zero, as a new run starts them. */
function resetTotals(totals: StrategyResult['totals']): StrategyResult['totals'] {
  totals.spend = 0;
  totals.listSpend = 0;
  totals.firstYearSpend = 0;
  totals.savings.caching = 0;
  totals.savings.batch = 0;
  totals.creditsUsed = 0;
  totals.creditsExpired = 0;
  totals.cashSpentOnAI = 0;
  return totals;
}

/**
 * Runs one strategy over the horizon. The scenario must be valid: see `validateScenario`. `drivers`, when
 * given, must be `tabulateMonthlyDrivers(scenario)` (shared by the strategies of one scenario).
 */
export function simulateStrategy(
  scenario: Scenario,
  strategy: Strategy,
  drivers: MonthlyDrivers = tabulateMonthlyDrivers(scenario),
): StrategyResult {
  const plan = planStrategy(scenario, strategy);
  const run = runPlan(scenario, plan, drivers, true);
  const result: StrategyResult = {
    id: strategy.id,
    name: strategy.name,
    kind: strategy.kind,
    totals: run.totals,
    creditsExhaustedMonth: run.creditsExhaustedMonth,
    runwayMonths: run.runwayMonths,
    unmetQuality: scenario.traffic.filter((_, i) => plan.routes[i]!.unmetQuality).map((slice) => slice.id),
    offRegion: scenario.traffic.filter((_, i) => plan.routes[i]!.offRegion).map((slice) => slice.id),
    months: run.months,
  };
  if (run.columns) spendColumns.set(result, run.columns);
  return result;
}

/**
 * Runs a planned strategy (see `planStrategy`) without building the per-month records by slice, model,
 * platform and pool: the totals, the month credits run out, the runway and each month's spend, identical to
 * `simulateStrategy`'s (same arithmetic, same order). `scenario` may differ from the one the plan was made
 * for only in what a plan does not depend on: requests, growth, credit pools, finance and the horizon.
 * `drivers`, when given, must be `tabulateMonthlyDrivers(scenario)`.
 */
export function simulateStrategyOutline(
  scenario: Scenario,
  plan: StrategyPlan,
  drivers: MonthlyDrivers = tabulateMonthlyDrivers(scenario),
): StrategyOutline {
  const run = runPlan(scenario, plan, drivers, false);
  return {
    id: run.id,
    totals: run.totals,
    creditsExhaustedMonth: run.creditsExhaustedMonth,
    runwayMonths: run.runwayMonths,
    monthlySpend: run.monthlySpend,
  };
}

/**
 * `simulateStrategyOutline` for runs repeated thousands of times over one horizon (Monte Carlo): each call
 * writes its figures into the same outline, its totals and monthly spend, instead of new ones, so the outline a
 * call returns holds good until the next call. The figures are `simulateStrategyOutline`'s, computed the same way.
 */
export function makeOutlineRunner(
  horizonMonths: number,
): (scenario: Scenario, plan: StrategyPlan, drivers: MonthlyDrivers) => StrategyOutline {
  const scratch: RunScratch = {
    figures: {
      id: '',
      totals: makeZeroTotals(),
      creditsExhaustedMonth: null,
      runwayMonths: null,
      monthlySpend: new Float64Array(horizonMonths),
      months: [],
      columns: null,
    },
    balances: [],
  };
  return (scenario, plan, drivers) => runPlan(scenario, plan, drivers, false, scratch);
}

/** Strategies of a scenario already run by `simulateInSteps`, in order, for `simulate` to take. */
type RunAhead = { drivers: MonthlyDrivers; results: StrategyResult[] };

const runAhead = new WeakMap<Scenario, RunAhead>();

/**
 * `simulate(scenario)` split into steps, so a screen can compute the next figures between frames: each call
 * of the returned function runs the next strategy (`simulateStrategy`, the drivers tabulated first) and
 * returns true once every strategy has run. `simulate(scenario)` then takes these results instead of running
 * the strategies again: the same function on the same inputs, so every figure is identical.
 */
export function simulateInSteps(scenario: Scenario): () => boolean {
  return () => {
    let ahead = runAhead.get(scenario);
    if (!ahead) {
      ahead = { drivers: tabulateMonthlyDrivers(scenario), results: [] };
      runAhead.set(scenario, ahead);
    }
    const next = scenario.strategies[ahead.results.length];
    if (next) ahead.results.push(simulateStrategy(scenario, next, ahead.drivers));
    return ahead.results.length === scenario.strategies.length;
  };
}

/**
 * Runs every strategy of a valid scenario over its horizon (see DESIGN.md, "The formulas").
 * Validate first with `validateScenario`, or use `planScenario`, which also rejects overflowing results.
 */
export function simulate(scenario: Scenario): SimulationResult {
  const ahead = runAhead.get(scenario);
  runAhead.delete(scenario);
  const drivers = ahead?.drivers ?? tabulateMonthlyDrivers(scenario);
  return {
    scenario: scenario.name,
    horizonMonths: scenario.horizonMonths,
    strategies: scenario.strategies.map(
      (strategy, index) => ahead?.results[index] ?? simulateStrategy(scenario, strategy, drivers),
    ),
  };
}
