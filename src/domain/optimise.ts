/**
 * The optimised assignment: one model per traffic slice, chosen so that every slice meets its quality bar and
 * the AI spend over the whole horizon (`totals.spend` of `simulate`) is as low as the search below can make it.
 *
 * What it optimises, exactly:
 *
 * - Allowed models for a slice: any catalog model that `meetsSliceBar` (its score on the slice at the slice's
 *   bar, a context window that holds the call, a region the slice allows), per-token or capacity-billed. A
 *   model's score on a slice is the user's evaluation where the scenario has one, else the catalog's `quality`
 *   (`makeQualityLookup`); every quality comparison below uses that score.
 * - Per-token models cost `costPerCall(...).final × requests` each month and do not interact, so for them the
 *   best choice per slice is the one with the lowest `final` cost per request (ties: catalog order): the same
 *   pick as the cheapest-meeting-bar strategy. With a per-token-only catalog the result is the exact optimum.
 * - Capacity-billed models bill whole units on the tokens of every slice routed to them, so slices sharing one
 *   can be cheaper together than apart. The search: (1) each slice takes its cheapest allowed model, a capacity
 *   model costed as if that slice alone used it; (2) single-slice moves (to the slice's best per-token model or to
 *   any allowed capacity model, priced on the shared units) are applied while one lowers the horizon spend;
 *   (3) for each capacity model, a grouping move puts every slice it can serve on it (from per-token models), then
 *   drops slices back to their per-token model while that lowers the cost, and is kept if the whole assignment is
 *   cheaper. Steps 2–3 repeat until nothing improves (at most `MAX_ROUNDS`). Each applied move strictly lowers
 *   the spend, so the result never costs more than step 1; with capacity models it is a local optimum, not a
 *   proven global one.
 * - Slices no model can serve at their bar keep the model scoring highest on the slice in an allowed region that fits their
 *   context window (else in an allowed region, else any model; ties: cheaper on its own, then catalog order) and
 *   are listed in `unmet`; they are not moved by steps 2–3.
 * - Capacity bills hold units for a model's commitment term (`billedCapacityUnits`).
 */
import { capacityTokensPerCall, costPerCall, isPerTokenModel } from './call-cost';
import { fitsContext, isRegionAllowed, meetsSliceBar } from './model-fit';
import { makeQualityLookup } from './quality';
import type { Model, PerTokenPricing, Scenario, Strategy } from './scenario-schema';
import { HOURS_PER_MONTH, billedCapacityUnits, requestsInMonth, simulateStrategy } from './simulate';
import type { StrategyResult } from './simulate';

export type AssignStrategy = Extract<Strategy, { kind: 'assign' }>;

/** Why a slice could not be served at its bar. */
export type Shortfall = 'quality' | 'context' | 'region';

export type OptimisedChoice = {
  sliceId: string;
  sliceName: string;
  model: Model;
  /**
   * USD per request: the `final` cost of one call on a per-token model; on a capacity model, the slice's share
   * of the capacity bill over the horizon divided by its requests over the horizon (null when it has none).
   */
  costPerRequest: number | null;
  /** The slice's AI spend in month 0 (its share of a shared capacity bill included). */
  firstMonthCost: number;
  /** The slice's AI spend over the horizon. */
  horizonCost: number;
  meetsBar: boolean;
  /** Null when the slice meets its bar; else why it cannot. */
  shortfall: Shortfall | null;
};

export type OptimisedAssignment = {
  strategy: AssignStrategy;
  /** One per slice, in traffic order. */
  choices: OptimisedChoice[];
  /** The choices of slices no model serves at their bar, in traffic order. */
  unmet: OptimisedChoice[];
  /** `simulateStrategy` of the strategy: totals, months, credits and runway. */
  result: StrategyResult;
  /** Moves applied after the first, slice-by-slice choice (0 without capacity-billed models). */
  improvementMoves: number;
};

export type OptimiseOptions = {
  /** Id of the returned strategy; `optimised` by default (make it unique before adding it to a scenario). */
  id?: string;
  /** Name of the returned strategy; `Optimised assignment` by default. */
  name?: string;
};

/** Rounds of single-slice and grouping moves at most; each round that changes nothing ends the search. */
export const MAX_ROUNDS = 20;
/** A move must save more than this share of the current spend (and more than a billionth of a dollar). */
const RELATIVE_GAIN = 1e-12;
const ABSOLUTE_GAIN_USD = 1e-9;

type PerTokenModel = Model & { pricing: PerTokenPricing };

/**
 * A capacity model's bill over the horizon for given tokens per month: `Σ_t units_t · hourlyPerUnit · 730`, with
 * `units_t` from `billedCapacityUnits` (commitment terms held). With no slices on it (`named` false) it costs
 * nothing.
 */
function billCapacity(
  model: Model,
  tokensByMonth: Float64Array,
  named: boolean,
  peakToAverage: number,
): number {
  if (!named || model.pricing.kind !== 'capacity') return 0;
  const units = billedCapacityUnits(tokensByMonth, peakToAverage, model.pricing);
  let total = 0;
  for (let t = 0; t < units.length; t++) total += units[t]!;
  return total * model.pricing.hourlyPerUnit * HOURS_PER_MONTH;
}

/** The state of the search: per capacity model, the slices on it and their tokens per month. */
type CapacityGroup = {
  model: Model;
  members: Set<number>;
  tokensByMonth: Float64Array;
  cost: number;
};

/**
 * The cheapest assignment of one model per slice meeting every slice's quality bar (see the module comment
 * for what "cheapest" covers with capacity-billed models). The scenario must be valid.
 *
 * Returns an `assign` strategy routing every slice (its fallback is the chosen model with the highest catalog
 * `quality`: the fallback only ever serves a slice added later, which has no evaluation yet, so its score there
 * is the catalog's — `qualityOf(model, newSlice) = model.quality`), the choice per slice with its
 * cost as `simulate` splits it, the slices that cannot meet their bar, and the strategy's simulated result.
 */
export function optimiseAssignment(scenario: Scenario, options: OptimiseOptions = {}): OptimisedAssignment {
  const { traffic, catalog, horizonMonths } = scenario;
  const { peakToAverage } = scenario.options;
  const sliceCount = traffic.length;
  const qualityOf = makeQualityLookup(scenario);

  // Requests per month and over the horizon, exactly as simulate computes them.
  const requestsByMonth = traffic.map((slice) => {
    const months = new Float64Array(horizonMonths);
    for (let t = 0; t < horizonMonths; t++) {
      months[t] = requestsInMonth(slice.requestsPerMonth, slice.monthlyGrowth, t);
    }
    return months;
  });
  const horizonRequests = requestsByMonth.map((months) => months.reduce((sum, n) => sum + n, 0));

  // Distinct models by id (the first entry wins, as in resolveRoutes).
  const models: Model[] = [];
  const seen = new Set<string>();
  for (const model of catalog) {
    if (seen.has(model.id)) continue;
    seen.add(model.id);
    models.push(model);
  }
  const capacityModels = models.filter((model) => model.pricing.kind === 'capacity');

  function tokensPerRequest(sliceIndex: number, model: Model): number {
    return capacityTokensPerCall(traffic[sliceIndex]!, model);
  }

  function addTokens(target: Float64Array, sliceIndex: number, model: Model, sign: 1 | -1) {
    const perRequest = tokensPerRequest(sliceIndex, model);
    const months = requestsByMonth[sliceIndex]!;
    for (let t = 0; t < horizonMonths; t++) target[t] = target[t]! + sign * months[t]! * perRequest;
  }

  const shiftedTokens = new Float64Array(horizonMonths);
  /**
   * The horizon bill of a capacity model carrying `base` tokens per month (none when null) plus `sign` times a
   * slice's tokens (in a scratch array reused between calls).
   */
  function billShifted(
    model: Model,
    base: Float64Array | null,
    sliceIndex: number,
    sign: 1 | -1,
    named: boolean,
  ): number {
    if (!named || model.pricing.kind !== 'capacity') return 0;
    const perRequest = tokensPerRequest(sliceIndex, model);
    const months = requestsByMonth[sliceIndex]!;
    for (let t = 0; t < horizonMonths; t++) {
      shiftedTokens[t] = (base === null ? 0 : base[t]!) + sign * months[t]! * perRequest;
    }
    return billCapacity(model, shiftedTokens, true, peakToAverage);
  }

  /** Per slice, the bill of each allowed capacity model carrying that slice alone. */
  const aloneBills: Map<Model, number>[] = [];
  function billAlone(sliceIndex: number, model: Model): number {
    const known = aloneBills[sliceIndex]?.get(model);
    if (known !== undefined) return known;
    return billShifted(model, null, sliceIndex, 1, true);
  }

  /**
   * A lower bound of what a slice adds to any capacity bill on `model`: its tokens at the unit's full rate, no
   * rounding up and no minimum (`Σ_t tokens_t · peakToAverage / 43,800 / tokensPerMinutePerUnit · hourly · 730`).
   */
  function billAtFullUse(sliceIndex: number, model: Model): number {
    if (model.pricing.kind !== 'capacity') return 0;
    const { hourlyPerUnit, tokensPerMinutePerUnit } = model.pricing;
    const tokens = horizonRequests[sliceIndex]! * tokensPerRequest(sliceIndex, model);
    return (
      ((tokens * peakToAverage) / (HOURS_PER_MONTH * 60) / tokensPerMinutePerUnit) *
      hourlyPerUnit *
      HOURS_PER_MONTH
    );
  }

  // Step 1: per slice, the cheapest allowed per-token model (by final cost per request) and capacity model
  // (alone), or the fallback when nothing is allowed.
  const bestPerToken: (PerTokenModel | null)[] = [];
  const bestPerTokenCost: number[] = [];
  const allowedCapacity: Model[][] = [];
  const assignment: Model[] = [];
  const shortfalls: (Shortfall | null)[] = [];

  traffic.forEach((slice, sliceIndex) => {
    let best: PerTokenModel | null = null;
    let bestFinal = Infinity;
    for (const model of models) {
      if (!isPerTokenModel(model) || !meetsSliceBar(model, slice, qualityOf(model, slice))) continue;
      const final = costPerCall(slice, model, scenario.options).final;
      if (best === null || final < bestFinal) {
        best = model;
        bestFinal = final;
      }
    }
    bestPerToken.push(best);
    bestPerTokenCost.push(best === null ? Infinity : bestFinal * horizonRequests[sliceIndex]!);

    const capacity = capacityModels.filter((model) => meetsSliceBar(model, slice, qualityOf(model, slice)));
    allowedCapacity.push(capacity);
    const alone = new Map<Model, number>();
    aloneBills.push(alone);
    let chosen: Model | null = best;
    let chosenCost = bestPerTokenCost[sliceIndex]!;
    for (const model of capacity) {
      const cost = billAlone(sliceIndex, model);
      alone.set(model, cost);
      if (chosen === null || cost < chosenCost) {
        chosen = model;
        chosenCost = cost;
      }
    }
    if (chosen !== null) {
      assignment.push(chosen);
      shortfalls.push(null);
      return;
    }
    const allowed = models.filter((model) => isRegionAllowed(slice.regions, model));
    const fitting = allowed.filter((model) => fitsContext(model, slice));
    const pool = fitting.length > 0 ? fitting : allowed.length > 0 ? allowed : models;
    let top: Model | null = null;
    let topCost = Infinity;
    let topQuality = -Infinity;
    for (const model of pool) {
      const cost = isPerTokenModel(model)
        ? costPerCall(slice, model, scenario.options).final * horizonRequests[sliceIndex]!
        : billAlone(sliceIndex, model);
      const quality = qualityOf(model, slice);
      if (top === null || quality > topQuality || (quality === topQuality && cost < topCost)) {
        top = model;
        topCost = cost;
        topQuality = quality;
      }
    }
    if (top === null) throw new Error('the catalog is empty: no model can serve the traffic');
    assignment.push(top);
    shortfalls.push(allowed.length === 0 ? 'region' : fitting.length > 0 ? 'quality' : 'context');
  });

  // Capacity groups as step 1 left them.
  const groups = new Map<Model, CapacityGroup>();
  function groupOf(model: Model): CapacityGroup {
    let group = groups.get(model);
    if (!group) {
      group = { model, members: new Set(), tokensByMonth: new Float64Array(horizonMonths), cost: 0 };
      groups.set(model, group);
    }
    return group;
  }
  assignment.forEach((model, sliceIndex) => {
    if (model.pricing.kind !== 'capacity') return;
    const group = groupOf(model);
    group.members.add(sliceIndex);
    addTokens(group.tokensByMonth, sliceIndex, model, 1);
  });
  for (const group of groups.values()) {
    group.cost = billCapacity(group.model, group.tokensByMonth, group.members.size > 0, peakToAverage);
  }

  function perTokenCostOf(sliceIndex: number): number {
    return bestPerTokenCost[sliceIndex]!;
  }

  function totalSpend(): number {
    let total = 0;
    assignment.forEach((model, sliceIndex) => {
      if (model.pricing.kind === 'per-token') total += perTokenCostOf(sliceIndex);
    });
    for (const group of groups.values()) total += group.cost;
    return total;
  }

  function isGain(saving: number): boolean {
    return saving > Math.max(ABSOLUTE_GAIN_USD, RELATIVE_GAIN * Math.abs(totalSpend()));
  }

  /** The change in a group's bill if `sliceIndex` joins (+1) or leaves (−1) it. */
  function billChange(group: CapacityGroup, sliceIndex: number, sign: 1 | -1): number {
    if (sign === 1 && group.members.size === 0) return billAlone(sliceIndex, group.model);
    const named = group.members.size + sign > 0;
    return billShifted(group.model, group.tokensByMonth, sliceIndex, sign, named) - group.cost;
  }

  function moveSlice(sliceIndex: number, to: Model) {
    const from = assignment[sliceIndex]!;
    if (from.pricing.kind === 'capacity') {
      const group = groupOf(from);
      group.members.delete(sliceIndex);
      addTokens(group.tokensByMonth, sliceIndex, from, -1);
      if (group.members.size === 0) group.tokensByMonth.fill(0);
      group.cost = billCapacity(from, group.tokensByMonth, group.members.size > 0, peakToAverage);
    }
    if (to.pricing.kind === 'capacity') {
      const group = groupOf(to);
      group.members.add(sliceIndex);
      addTokens(group.tokensByMonth, sliceIndex, to, 1);
      group.cost = billCapacity(to, group.tokensByMonth, true, peakToAverage);
    }
    assignment[sliceIndex] = to;
  }

  /** Step 2: the best single-slice move for each slice in turn, applied when it saves money. */
  function improveSlices(): number {
    let moves = 0;
    for (let sliceIndex = 0; sliceIndex < sliceCount; sliceIndex++) {
      if (shortfalls[sliceIndex] !== null) continue;
      const current = assignment[sliceIndex]!;
      const leaving =
        current.pricing.kind === 'capacity'
          ? billChange(groupOf(current), sliceIndex, -1)
          : -perTokenCostOf(sliceIndex);
      let bestTarget: Model | null = null;
      let bestSaving = 0;
      const perToken = bestPerToken[sliceIndex];
      if (perToken && current !== perToken) {
        const saving = -(leaving + perTokenCostOf(sliceIndex));
        if (saving > bestSaving) {
          bestTarget = perToken;
          bestSaving = saving;
        }
      }
      for (const model of allowedCapacity[sliceIndex]!) {
        if (model === current) continue;
        const saving = -(leaving + billChange(groupOf(model), sliceIndex, 1));
        if (saving > bestSaving) {
          bestTarget = model;
          bestSaving = saving;
        }
      }
      if (bestTarget && isGain(bestSaving)) {
        moveSlice(sliceIndex, bestTarget);
        moves++;
      }
    }
    return moves;
  }

  /** Step 3: group every slice a capacity model can take from per-token models, drop the ones that cost more. */
  function groupOnCapacity(): number {
    let moves = 0;
    for (const model of capacityModels) {
      const group = groupOf(model);
      const joining: number[] = [];
      for (let sliceIndex = 0; sliceIndex < sliceCount; sliceIndex++) {
        if (shortfalls[sliceIndex] !== null || group.members.has(sliceIndex)) continue;
        if (assignment[sliceIndex]!.pricing.kind !== 'per-token') continue;
        if (allowedCapacity[sliceIndex]!.includes(model)) joining.push(sliceIndex);
      }
      if (joining.length < 2) continue; // a single slice joining is a step-2 move
      // An empty model's bill is at least each joining slice's tokens at full use: if no slice's per-token cost
      // exceeds that, no group of them can be cheaper.
      if (group.members.size === 0 && !joining.some((i) => perTokenCostOf(i) > billAtFullUse(i, model)))
        continue;
      const tokens = new Float64Array(group.tokensByMonth);
      for (const sliceIndex of joining) addTokens(tokens, sliceIndex, model, 1);
      let cost = billCapacity(model, tokens, true, peakToAverage);
      const kept = new Set(joining);
      // Drop, one at a time, the joining slice whose return to its per-token model saves the most.
      for (;;) {
        let dropIndex = -1;
        let dropSaving = 0;
        let dropCost = cost;
        for (const sliceIndex of kept) {
          const named = group.members.size + kept.size - 1 > 0;
          const withoutCost = billShifted(model, tokens, sliceIndex, -1, named);
          const saving = cost - withoutCost - perTokenCostOf(sliceIndex);
          if (saving > dropSaving) {
            dropIndex = sliceIndex;
            dropSaving = saving;
            dropCost = withoutCost;
          }
        }
        if (dropIndex < 0) break;
        kept.delete(dropIndex);
        addTokens(tokens, dropIndex, model, -1);
        cost = dropCost;
      }
      if (kept.size === 0) continue;
      let before = group.cost;
      for (const sliceIndex of kept) before += perTokenCostOf(sliceIndex);
      if (!isGain(before - cost)) continue;
      for (const sliceIndex of kept) {
        moveSlice(sliceIndex, model);
        moves++;
      }
    }
    return moves;
  }

  let improvementMoves = 0;
  if (capacityModels.length > 0) {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const moves = improveSlices() + groupOnCapacity();
      improvementMoves += moves;
      if (moves === 0) break;
    }
  }

  const routes = Object.create(null) as Record<string, string>;
  traffic.forEach((slice, sliceIndex) => {
    routes[slice.id] = assignment[sliceIndex]!.id;
  });
  let fallback: Model | null = null;
  for (const model of assignment) if (fallback === null || model.quality > fallback.quality) fallback = model;
  const strategy: AssignStrategy = {
    id: options.id ?? 'optimised',
    name: options.name ?? 'Optimised assignment',
    kind: 'assign',
    routes,
    ...(fallback ? { fallback: fallback.id } : {}),
  };

  const result = simulateStrategy(scenario, strategy);
  const choices = traffic.map((slice, sliceIndex): OptimisedChoice => {
    const model = assignment[sliceIndex]!;
    let horizonCost = 0;
    for (const month of result.months) horizonCost += month.bySlice[slice.id] ?? 0;
    const requests = horizonRequests[sliceIndex]!;
    const costPerRequest = isPerTokenModel(model)
      ? costPerCall(slice, model, scenario.options).final
      : requests > 0
        ? horizonCost / requests
        : null;
    return {
      sliceId: slice.id,
      sliceName: slice.name,
      model,
      costPerRequest,
      firstMonthCost: result.months[0]?.bySlice[slice.id] ?? 0,
      horizonCost,
      meetsBar: shortfalls[sliceIndex] === null,
      shortfall: shortfalls[sliceIndex] ?? null,
    };
  });
  return {
    strategy,
    choices,
    unmet: choices.filter((choice) => !choice.meetsBar),
    result,
    improvementMoves,
  };
}
