/**
 * A from-scratch reference implementation of the planning engine, written from the formulas in the design
 * document and nothing else. It is deliberately plain and slow: every month recomputes every call from the
 * scenario, nothing is cached or precomputed, and each formula is written in the order the design states it.
 *
 * It follows schema version 3 ("billing as providers bill in 2026"): tokenizer factor, reasoning tokens,
 * long-context tiers, 1-hour cache writes, minimum cached prefix, caching inside batch, regions, commitment terms
 * and fixed costs; and the user's own evaluations, which replace a model's catalog quality on their slice.
 *
 * Property tests run it against `simulate` on random scenarios; the two must agree to 1e-9 relative.
 */
import type { FixedCost, Model, Scenario, Slice, Strategy } from '../../src/domain/scenario-schema';
import type { MoneyById, MonthResult, SimulationResult, StrategyResult } from '../../src/domain/simulate';

const HOURS_PER_MONTH = 730;
const MINUTES_PER_HOUR = 60;
const TOKENS_PER_MTOK = 1e6;
/** Cash-paid covered spend above this counts as "credits exhausted". */
const EXHAUSTED_THRESHOLD_USD = 1e-9;

/** One call's cost at list price, after caching, and after caching and batch. */
export type ReferenceCallCost = { list: number; cached: number; final: number };

/** A model a slice's requests call, and the fraction of those requests that make the call. */
type Call = { model: Model; weight: number };

function newRecord(): MoneyById {
  return Object.create(null) as MoneyById;
}

function addInto(record: MoneyById, key: string, amount: number): void {
  record[key] = (record[key] ?? 0) + amount;
}

function findModel(scenario: Scenario, id: string): Model {
  for (const model of scenario.catalog) if (model.id === id) return model;
  throw new Error(`reference: unknown model ${id}`);
}

/** `R(s,t) = requestsPerMonth · (1 + monthlyGrowth)^t`. */
export function computeReferenceRequests(slice: Slice, month: number): number {
  return slice.requestsPerMonth * Math.pow(1 + slice.monthlyGrowth, month);
}

/** The prices one call bills at: the base ones, or the long-context tier's. */
export type ReferencePrices = {
  inputPerMTok: number;
  outputPerMTok: number;
  /** null: the input price of these prices. */
  cacheWritePerMTok: number | null;
  /** null: no caching. */
  cacheReadPerMTok: number | null;
  /** null: no 1-hour TTL. */
  cacheWrite1hPerMTok: number | null;
};

/**
 * `prices = longContext(m) when longContext(m) != null and in > longContext.aboveInputTokens, else the base
 * prices`. A tier cache price left out is the base one × `longContext.inputPerMTok / inputPerMTok` (null stays
 * null); an explicit null in the tier means what null means on the base prices.
 */
export function selectReferencePrices(model: Model, inTokens: number): ReferencePrices {
  const pricing = model.pricing;
  if (pricing.kind !== 'per-token') throw new Error('reference: capacity model has no prices');
  const base: ReferencePrices = {
    inputPerMTok: pricing.inputPerMTok,
    outputPerMTok: pricing.outputPerMTok,
    cacheWritePerMTok: pricing.cacheWritePerMTok,
    cacheReadPerMTok: pricing.cacheReadPerMTok,
    cacheWrite1hPerMTok: pricing.cacheWrite1hPerMTok,
  };
  const tier = pricing.longContext;
  if (tier === null || !(inTokens > tier.aboveInputTokens)) return base;
  // README: "When the base input price is 0 the ratio is taken as 1."
  const ratio = pricing.inputPerMTok > 0 ? tier.inputPerMTok / pricing.inputPerMTok : 1;
  const leftOut = (given: number | null | undefined, baseValue: number | null): number | null => {
    if (given !== undefined) return given;
    return baseValue === null ? null : baseValue * ratio;
  };
  return {
    inputPerMTok: tier.inputPerMTok,
    outputPerMTok: tier.outputPerMTok,
    cacheWritePerMTok: leftOut(tier.cacheWritePerMTok, pricing.cacheWritePerMTok),
    cacheReadPerMTok: leftOut(tier.cacheReadPerMTok, pricing.cacheReadPerMTok),
    cacheWrite1hPerMTok: leftOut(tier.cacheWrite1hPerMTok, pricing.cacheWrite1hPerMTok),
  };
}

/** The design's version-3 "one call" formula for a slice on a per-token model. */
export function computeReferenceCallCost(scenario: Scenario, slice: Slice, model: Model): ReferenceCallCost {
  const pricing = model.pricing;
  if (pricing.kind !== 'per-token') throw new Error('reference: capacity model has no per-call cost');
  const k = model.tokenizerFactor;
  const inTokens = slice.inputTokens * k;
  const pre = Math.min(slice.cachedPrefixTokens, slice.inputTokens) * k;
  const out =
    k * (slice.outputTokens * model.outputTokenFactor + (model.reasoning ? slice.reasoningTokens : 0));
  const prices = selectReferencePrices(model, inTokens);
  const write =
    slice.cacheTtl === '1h' && prices.cacheWrite1hPerMTok !== null
      ? prices.cacheWrite1hPerMTok
      : (prices.cacheWritePerMTok ?? prices.inputPerMTok);
  const pIn = prices.inputPerMTok / TOKENS_PER_MTOK;
  const pOut = prices.outputPerMTok / TOKENS_PER_MTOK;
  const list = inTokens * pIn + out * pOut;
  let cachedCall: number;
  if (scenario.options.caching && prices.cacheReadPerMTok !== null && pre >= pricing.minCachePrefixTokens) {
    const pRead = prices.cacheReadPerMTok / TOKENS_PER_MTOK;
    const pWrite = write / TOKENS_PER_MTOK;
    const h = slice.cacheHitRate;
    cachedCall = (inTokens - pre) * pIn + pre * (h * pRead + (1 - h) * pWrite) + out * pOut;
  } else {
    cachedCall = list;
  }
  const b = scenario.options.batch && pricing.batchDiscount !== null ? slice.batchShare : 0;
  const d = pricing.batchDiscount ?? 0;
  const batchBase = pricing.batchCaching ? cachedCall : list;
  const cached = (1 - b) * cachedCall + b * batchBase;
  const final = (1 - b) * cachedCall + b * batchBase * (1 - d);
  return { list, cached, final };
}

/** Classifier call: `inputTokens · P_in + outputTokens · P_out`, no factor, no discounts. */
function computeReferenceClassifierCost(model: Model, inputTokens: number, outputTokens: number): number {
  const pricing = model.pricing;
  if (pricing.kind !== 'per-token') throw new Error('reference: classifier must be per-token');
  return (
    inputTokens * (pricing.inputPerMTok / TOKENS_PER_MTOK) +
    outputTokens * (pricing.outputPerMTok / TOKENS_PER_MTOK)
  );
}

/** True when the slice's `regions` is null or contains the model's `region` (a null region is never listed). */
function regionAllowed(slice: Slice, model: Model): boolean {
  if (slice.regions === null) return true;
  return model.region !== null && slice.regions.includes(model.region);
}

/** A model's quality on a slice: the user's evaluation of it on that slice if any, else the catalog's. */
function referenceQuality(scenario: Scenario, model: Model, slice: Slice): number {
  for (const evaluation of scenario.evaluations)
    if (evaluation.model === model.id && evaluation.slice === slice.id) return evaluation.score;
  return model.quality;
}

/** Picks the model a cheapest-meeting-bar strategy uses for a slice, and whether the bar was met. */
export function pickReferenceCheapest(scenario: Scenario, slice: Slice): { model: Model; met: boolean } {
  let best: Model | null = null;
  let bestCost = Infinity;
  for (const model of scenario.catalog) {
    if (model.pricing.kind !== 'per-token') continue;
    if (referenceQuality(scenario, model, slice) < slice.qualityBar) continue;
    if (
      model.contextWindow !== null &&
      model.contextWindow < (slice.inputTokens + slice.outputTokens) * model.tokenizerFactor
    )
      continue;
    if (!regionAllowed(slice, model)) continue;
    const cost = computeReferenceCallCost(scenario, slice, model).final;
    if (best === null || cost < bestCost) {
      best = model;
      bestCost = cost;
    }
  }
  if (best !== null) return { model: best, met: true };
  // Nothing qualifies: among the per-token models whose region the slice allows (all of them when it allows
  // none), the highest quality, then the cheaper, then catalog order; no context check.
  const anyAllowed = scenario.catalog.some(
    (model) => model.pricing.kind === 'per-token' && regionAllowed(slice, model),
  );
  let fallback: Model | null = null;
  let fallbackCost = Infinity;
  let fallbackQuality = -Infinity;
  for (const model of scenario.catalog) {
    if (model.pricing.kind !== 'per-token') continue;
    if (anyAllowed && !regionAllowed(slice, model)) continue;
    const cost = computeReferenceCallCost(scenario, slice, model).final;
    const quality = referenceQuality(scenario, model, slice);
    if (
      fallback === null ||
      quality > fallbackQuality ||
      (quality === fallbackQuality && cost < fallbackCost)
    ) {
      fallback = model;
      fallbackCost = cost;
      fallbackQuality = quality;
    }
  }
  if (fallback === null) throw new Error('reference: no per-token model');
  return { model: fallback, met: false };
}

function has(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** The calls each request of a slice makes under a strategy (classifier excluded). */
function routeSlice(scenario: Scenario, strategy: Strategy, slice: Slice): Call[] {
  switch (strategy.kind) {
    case 'single':
      return [{ model: findModel(scenario, strategy.model), weight: 1 }];
    case 'assign': {
      const id = has(strategy.routes, slice.id) ? strategy.routes[slice.id] : strategy.fallback;
      if (id === undefined) throw new Error('reference: no route');
      return [{ model: findModel(scenario, id), weight: 1 }];
    }
    case 'cascade': {
      const route = has(strategy.routes, slice.id) ? strategy.routes[slice.id] : undefined;
      if (route === undefined) {
        if (strategy.fallback === undefined) throw new Error('reference: no route');
        return [{ model: findModel(scenario, strategy.fallback), weight: 1 }];
      }
      const calls: Call[] = [];
      for (let j = 0; j < route.steps.length; j++) {
        // The share reaching step j is the product of the escalation rates before it.
        let reach = 1;
        for (let i = 0; i < j; i++) reach = reach * (route.escalation[i] ?? 0);
        calls.push({ model: findModel(scenario, route.steps[j] ?? ''), weight: reach });
      }
      return calls;
    }
    case 'router': {
      const shares = has(strategy.routes, slice.id) ? strategy.routes[slice.id] : undefined;
      if (shares === undefined) {
        if (strategy.fallback === undefined) throw new Error('reference: no route');
        return [{ model: findModel(scenario, strategy.fallback), weight: 1 }];
      }
      return Object.keys(shares).map((id) => ({ model: findModel(scenario, id), weight: shares[id] ?? 0 }));
    }
    case 'cheapest-meeting-bar':
      return [{ model: pickReferenceCheapest(scenario, slice).model, weight: 1 }];
  }
}

/** Capacity units for a month's tokens: `max(minUnits, ceil(peakTPM / tokensPerMinutePerUnit))`. */
export function computeReferenceUnits(scenario: Scenario, model: Model, tokens: number): number {
  const pricing = model.pricing;
  if (pricing.kind !== 'capacity') throw new Error('reference: not a capacity model');
  const peakTPM = (tokens / (HOURS_PER_MONTH * MINUTES_PER_HOUR)) * scenario.options.peakToAverage;
  return Math.max(pricing.minUnits, Math.ceil(peakTPM / pricing.tokensPerMinutePerUnit));
}

/** Tokens a strategy sends to a capacity model in a month, summed over slices (recomputed from the scenario). */
function computeReferenceCapacityTokens(
  scenario: Scenario,
  strategy: Strategy,
  model: Model,
  month: number,
): number {
  let total = 0;
  for (const slice of scenario.traffic) {
    const requests = computeReferenceRequests(slice, month);
    for (const call of routeSlice(scenario, strategy, slice)) {
      if (call.model !== model) continue;
      const perCall =
        model.tokenizerFactor *
        (slice.inputTokens +
          slice.outputTokens * model.outputTokenFactor +
          (model.reasoning ? slice.reasoningTokens : 0));
      total += requests * call.weight * perCall;
    }
  }
  return total;
}

/**
 * Units billed in a month: `units(t)`, or with `commitmentMonths = c > 0` the largest `units` of the month's term
 * `[c·j, c·(j+1))`, the last term cut at the horizon.
 */
function computeReferenceBilledUnits(
  scenario: Scenario,
  strategy: Strategy,
  model: Model,
  month: number,
): number {
  const pricing = model.pricing;
  if (pricing.kind !== 'capacity') throw new Error('reference: not a capacity model');
  const c = pricing.commitmentMonths;
  if (c === 0)
    return computeReferenceUnits(
      scenario,
      model,
      computeReferenceCapacityTokens(scenario, strategy, model, month),
    );
  const termStart = Math.floor(month / c) * c;
  const termEnd = Math.min(termStart + c, scenario.horizonMonths);
  let units = 0;
  for (let u = termStart; u < termEnd; u++) {
    const unitsInMonth = computeReferenceUnits(
      scenario,
      model,
      computeReferenceCapacityTokens(scenario, strategy, model, u),
    );
    units = Math.max(units, unitsInMonth);
  }
  return units;
}

/** A fixed cost's amount in month t: `monthlyAmount · (1 + monthlyGrowth)^(t − startMonth)` inside its window. */
export function computeReferenceFixedCost(cost: FixedCost, month: number): number {
  if (month < cost.startMonth) return 0;
  if (cost.endMonth !== null && month >= cost.endMonth) return 0;
  return cost.monthlyAmount * Math.pow(1 + cost.monthlyGrowth, month - cost.startMonth);
}

/** The fixed costs a strategy pays: all when `strategies` is null, else the ones that list it. */
function fixedCostsPaidBy(scenario: Scenario, strategy: Strategy): FixedCost[] {
  return scenario.fixedCosts.filter(
    (cost) => cost.strategies === null || cost.strategies.includes(strategy.id),
  );
}

/**
 * Slices (traffic order) with `regions` set whose route names a model whose region is not in the list: every
 * model a route names counts, a zero share or escalation included, and the router's classifier too.
 */
export function computeReferenceOffRegion(scenario: Scenario, strategy: Strategy): string[] {
  const offRegion: string[] = [];
  for (const slice of scenario.traffic) {
    if (slice.regions === null) continue;
    const named = routeSlice(scenario, strategy, slice).map((call) => call.model);
    if (strategy.kind === 'router' && strategy.classifier !== null)
      named.push(findModel(scenario, strategy.classifier.model));
    if (named.some((model) => !regionAllowed(slice, model))) offRegion.push(slice.id);
  }
  return offRegion;
}

type MonthSpend = {
  spend: number;
  listSpend: number;
  caching: number;
  batch: number;
  bySlice: MoneyById;
  byModel: MoneyById;
  byPlatform: MoneyById;
  byFixedCost: MoneyById;
};

/** AI spend of one strategy in one month, before credits. */
function computeMonthSpend(scenario: Scenario, strategy: Strategy, month: number): MonthSpend {
  const result: MonthSpend = {
    spend: 0,
    listSpend: 0,
    caching: 0,
    batch: 0,
    bySlice: newRecord(),
    byModel: newRecord(),
    byPlatform: newRecord(),
    byFixedCost: newRecord(),
  };
  const charge = (
    slice: Slice,
    model: Model,
    spend: number,
    list: number,
    caching: number,
    batch: number,
  ) => {
    result.spend += spend;
    result.listSpend += list;
    result.caching += caching;
    result.batch += batch;
    addInto(result.bySlice, slice.id, spend);
    addInto(result.byModel, model.id, spend);
    addInto(result.byPlatform, model.platform, spend);
  };

  // Capacity models: tokens per slice, and which slices name them at all.
  const capacityTokens = new Map<Model, Map<Slice, number>>();

  for (const slice of scenario.traffic) {
    const requests = computeReferenceRequests(slice, month);
    if (strategy.kind === 'router' && strategy.classifier !== null) {
      const classifier = findModel(scenario, strategy.classifier.model);
      const cost =
        requests *
        computeReferenceClassifierCost(
          classifier,
          strategy.classifier.inputTokens,
          strategy.classifier.outputTokens,
        );
      charge(slice, classifier, cost, cost, 0, 0);
    }
    for (const call of routeSlice(scenario, strategy, slice)) {
      if (call.model.pricing.kind === 'capacity') {
        // `k · (inputTokens + outputTokens · outputTokenFactor + (reasoning ? reasoningTokens : 0))` per call.
        const perCall =
          call.model.tokenizerFactor *
          (slice.inputTokens +
            slice.outputTokens * call.model.outputTokenFactor +
            (call.model.reasoning ? slice.reasoningTokens : 0));
        const tokens = requests * call.weight * perCall;
        let perSlice = capacityTokens.get(call.model);
        if (perSlice === undefined) {
          perSlice = new Map();
          capacityTokens.set(call.model, perSlice);
        }
        perSlice.set(slice, (perSlice.get(slice) ?? 0) + tokens);
        continue;
      }
      const cost = computeReferenceCallCost(scenario, slice, call.model);
      const n = requests * call.weight;
      charge(
        slice,
        call.model,
        n * cost.final,
        n * cost.list,
        n * (cost.list - cost.cached),
        n * (cost.cached - cost.final),
      );
    }
  }

  for (const model of scenario.catalog) {
    const perSlice = capacityTokens.get(model);
    if (perSlice === undefined || model.pricing.kind !== 'capacity') continue;
    let total = 0;
    for (const tokens of perSlice.values()) total += tokens;
    const units = computeReferenceBilledUnits(scenario, strategy, model, month);
    const cost = units * model.pricing.hourlyPerUnit * HOURS_PER_MONTH;
    for (const [slice, tokens] of perSlice) {
      const part = total > 0 ? (cost * tokens) / total : cost / perSlice.size;
      charge(slice, model, part, part, 0, 0);
    }
  }

  // Fixed costs: spend and list alike, by platform and by fixed cost; not by slice or model.
  for (const cost of fixedCostsPaidBy(scenario, strategy)) {
    const amount = computeReferenceFixedCost(cost, month);
    result.spend += amount;
    result.listSpend += amount;
    addInto(result.byPlatform, cost.platform, amount);
    addInto(result.byFixedCost, cost.id, amount);
  }
  return result;
}

/** Last month a pool can be drawn, or Infinity when it never expires. */
function poolEnd(pool: Scenario['credits'][number]): number {
  return pool.expiresAfterMonths === null ? Infinity : pool.startMonth + pool.expiresAfterMonths;
}

function isCovered(appliesTo: readonly string[], platform: string): boolean {
  return appliesTo.includes('*') || appliesTo.includes(platform);
}

function simulateReferenceStrategy(scenario: Scenario, strategy: Strategy): StrategyResult {
  const pools = scenario.credits;
  const balances = pools.map((pool) => pool.amount);
  const months: MonthResult[] = [];
  let cash = scenario.finance.cashOnHand;
  let creditsExhaustedMonth: number | null = null;
  let runwayMonths: number | null = null;
  const earliestStart = pools.length === 0 ? Infinity : Math.min(...pools.map((pool) => pool.startMonth));

  for (let t = 0; t < scenario.horizonMonths; t++) {
    const m = computeMonthSpend(scenario, strategy, t);

    // Credits: unpaid spend per platform, pools in order of soonest end, platforms alphabetically.
    const unpaid = new Map<string, number>();
    for (const platform of Object.keys(m.byPlatform).sort())
      unpaid.set(platform, m.byPlatform[platform] ?? 0);
    const order = pools
      .map((pool, index) => ({ pool, index }))
      .filter(({ pool, index }) => pool.startMonth <= t && t < poolEnd(pool) && (balances[index] ?? 0) > 0)
      .sort((a, b) =>
        poolEnd(a.pool) === poolEnd(b.pool) ? a.index - b.index : poolEnd(a.pool) < poolEnd(b.pool) ? -1 : 1,
      );
    const drawn = newRecord();
    for (const pool of pools) drawn[pool.id] = 0;
    for (const { pool, index } of order) {
      for (const platform of [...unpaid.keys()].sort()) {
        if (!isCovered(pool.appliesTo, platform)) continue;
        const due = unpaid.get(platform) ?? 0;
        const pay = Math.min(balances[index] ?? 0, due);
        balances[index] = (balances[index] ?? 0) - pay;
        unpaid.set(platform, due - pay);
        drawn[pool.id] = (drawn[pool.id] ?? 0) + pay;
      }
    }

    // Expiry at the end of a pool's last month.
    let expired = 0;
    pools.forEach((pool, index) => {
      if (pool.expiresAfterMonths !== null && t === pool.startMonth + pool.expiresAfterMonths - 1) {
        expired += balances[index] ?? 0;
        balances[index] = 0;
      }
    });
    const creditBalances = newRecord();
    pools.forEach((pool, index) => (creditBalances[pool.id] = balances[index] ?? 0));

    let cashSpentOnAI = 0;
    let coveredFromCash = 0;
    for (const [platform, due] of unpaid) {
      cashSpentOnAI += due;
      if (pools.some((pool) => isCovered(pool.appliesTo, platform))) coveredFromCash += due;
    }
    if (creditsExhaustedMonth === null && t >= earliestStart && coveredFromCash > EXHAUSTED_THRESHOLD_USD) {
      creditsExhaustedMonth = t;
    }

    const revenue = scenario.finance.monthlyRevenue * Math.pow(1 + scenario.finance.revenueGrowth, t);
    cash = cash + revenue - scenario.finance.otherMonthlyBurn - cashSpentOnAI;
    if (runwayMonths === null && cash < 0) runwayMonths = t;

    months.push({
      month: t,
      spend: m.spend,
      listSpend: m.listSpend,
      savings: { caching: m.caching, batch: m.batch },
      bySlice: m.bySlice,
      byModel: m.byModel,
      byPlatform: m.byPlatform,
      byFixedCost: m.byFixedCost,
      creditsDrawn: drawn,
      creditBalances,
      creditsExpired: expired,
      cashSpentOnAI,
      cashByPlatform: Object.fromEntries(unpaid),
      cashEnd: cash,
    });
  }

  const sum = (pick: (month: MonthResult) => number, upTo = months.length) => {
    let total = 0;
    for (let i = 0; i < Math.min(upTo, months.length); i++) total += pick(months[i] as MonthResult);
    return total;
  };
  let creditsUsed = 0;
  for (const month of months) for (const pool of pools) creditsUsed += month.creditsDrawn[pool.id] ?? 0;

  const unmetQuality: string[] = [];
  if (strategy.kind === 'cheapest-meeting-bar') {
    for (const slice of scenario.traffic)
      if (!pickReferenceCheapest(scenario, slice).met) unmetQuality.push(slice.id);
  }

  return {
    id: strategy.id,
    name: strategy.name,
    kind: strategy.kind,
    totals: {
      spend: sum((month) => month.spend),
      listSpend: sum((month) => month.listSpend),
      firstYearSpend: sum((month) => month.spend, 12),
      savings: { caching: sum((month) => month.savings.caching), batch: sum((month) => month.savings.batch) },
      creditsUsed,
      creditsExpired: sum((month) => month.creditsExpired),
      cashSpentOnAI: sum((month) => month.cashSpentOnAI),
    },
    creditsExhaustedMonth,
    runwayMonths,
    unmetQuality,
    offRegion: computeReferenceOffRegion(scenario, strategy),
    months,
  };
}

/** Runs every strategy of a validated scenario, the slow and obvious way. */
export function simulateReference(scenario: Scenario): SimulationResult {
  return {
    scenario: scenario.name,
    horizonMonths: scenario.horizonMonths,
    strategies: scenario.strategies.map((strategy) => simulateReferenceStrategy(scenario, strategy)),
  };
}
