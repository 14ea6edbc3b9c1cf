/**
 * Break-even points: the monthly volume at which a capacity-billed model (self-hosting, provisioned throughput)
 * becomes cheaper than a per-token model for a slice, and the escalation rate at which a cascade stops being
 * cheaper than its last model alone.
 */
import { capacityTokensPerCall, costPerCall, isCapacityModel, isPerTokenModel } from './call-cost';
import type { CapacityPricing, Model, Options, PerTokenPricing, Scenario, Slice } from './scenario-schema';
import { HOURS_PER_MONTH, billedCapacityUnits, capacityUnits, requestsInMonth } from './simulate';
import { indexById } from './find-by-id';

/** Unit counts scanned past the first one that could break even before giving up (see `findCapacityBreakEven`). */
const MAX_UNIT_STEPS = 64;
/** Ulps a candidate volume may be raised to absorb rounding in `k · u / f`. */
const ULP_STEPS = 4;

export type CapacityBreakEvenStatus =
  /** Capacity is cheaper from `breakEvenRequestsPerMonth` on. */
  | 'volume'
  /** Capacity costs nothing at any volume (free units, or a slice that sends it no tokens and no minimum). */
  | 'always'
  /** The per-token model is cheaper at every volume. */
  | 'never';

export type CapacityBreakEven = {
  status: CapacityBreakEvenStatus;
  /** The smallest monthly request volume at which capacity costs no more than per-token; null for "never". */
  breakEvenRequestsPerMonth: number | null;
  /**
   * The volume from which capacity stays at most as dear at every higher volume. Between the break-even and
   * this volume, each new unit briefly makes capacity dearer again; null when that never stops.
   */
  cheaperForGoodFromRequestsPerMonth: number | null;
  /** `costPerCall(...).final` of the slice on the per-token model, USD. */
  perTokenCostPerRequest: number;
  /** USD per request when every unit runs at its full rate (`hourlyPerUnit · 730 / requestsPerUnit`); null when units do not depend on volume. */
  capacityCostPerRequestAtFullUse: number | null;
  /** Requests per month one unit carries at its rate and the scenario's peak-to-average ratio; null when unbounded. */
  requestsPerUnit: number | null;
  /** The slice's requests in its first month. */
  currentRequestsPerMonth: number;
  /** Capacity bill at the current volume (the slice alone on the model), USD per month. */
  capacityMonthlyCost: number;
  /** Per-token cost at the current volume, USD per month. */
  perTokenMonthlyCost: number;
  /** Whether capacity costs no more than per-token at the current volume. */
  isCapacityCheaperNow: boolean;
};

/** The capacity bill of one month for `requests` of a slice alone on the model, USD. */
function billMonth(
  requests: number,
  tokensPerRequest: number,
  pricing: CapacityPricing,
  peakToAverage: number,
) {
  const units = capacityUnits(
    requests * tokensPerRequest,
    peakToAverage,
    pricing.tokensPerMinutePerUnit,
    pricing.minUnits,
  );
  return units * pricing.hourlyPerUnit * HOURS_PER_MONTH;
}

/**
 * Where a capacity-billed model becomes cheaper than a per-token model for one slice, the slice alone on it,
 * in a steady month (no growth). Volumes are requests per month.
 *
 * With `f` the per-token `final` cost per request, `u = hourlyPerUnit · 730` a unit's month and
 * `r = tokensPerMinutePerUnit · 43,800 / (peakToAverage · tokensPerRequest)` the requests one unit carries
 * (`tokensPerRequest = capacityTokensPerCall`: tokenizer factor, output factor and reasoning of the capacity model), the capacity bill
 * is the step function `C(V) = max(minUnits, ceil(V / r)) · u` and the per-token bill `P(V) = f · V`.
 *
 * The scan: for k = max(minUnits, 1), k+1, … units, the volumes billed k units are `((k−1)·r, k·r]` (from 0 for
 * the first), and within them capacity is no dearer from `V = k·u / f`; the first k whose `k·u/f` lies in its own
 * range gives the exact break-even `k·u/f` (checked against the engine's `capacityUnits`). When
 * `f < u / r` — the per-token model is cheaper per request than capacity at full use — no k works: "never".
 * (When `f ≥ u / r` the very first k works, so the scan is short; it is kept for exactness at the boundaries.)
 *
 * Past the break-even, each new unit makes capacity dearer again just above `k·r` until `V = (k+1)·u/f`; those
 * gaps close for good once `k ≥ f·r / (f·r − u)`, which gives `cheaperForGoodFromRequestsPerMonth`.
 */
export function findCapacityBreakEven(
  slice: Slice,
  capacityModel: Model,
  perTokenModel: Model,
  options: Options,
): CapacityBreakEven {
  if (capacityModel.pricing.kind !== 'capacity')
    throw new Error(`${capacityModel.id} is not capacity-billed`);
  if (perTokenModel.pricing.kind !== 'per-token') throw new Error(`${perTokenModel.id} is not per-token`);
  const capacity: CapacityPricing = capacityModel.pricing;
  const perToken: PerTokenPricing = perTokenModel.pricing;
  const f = costPerCall(slice, { ...perTokenModel, pricing: perToken }, options).final;
  const u = capacity.hourlyPerUnit * HOURS_PER_MONTH;
  const tokensPerRequest = capacityTokensPerCall(slice, capacityModel);
  const peak = options.peakToAverage;
  const current = slice.requestsPerMonth;
  const capacityMonthlyCost = billMonth(current, tokensPerRequest, capacity, peak);
  const perTokenMonthlyCost = f * current;
  const base = {
    perTokenCostPerRequest: f,
    currentRequestsPerMonth: current,
    capacityMonthlyCost,
    perTokenMonthlyCost,
    isCapacityCheaperNow: capacityMonthlyCost <= perTokenMonthlyCost,
  };

  const isFlat = tokensPerRequest === 0 || peak === 0;
  const requestsPerUnit = isFlat
    ? null
    : (capacity.tokensPerMinutePerUnit * HOURS_PER_MONTH * 60) / (peak * tokensPerRequest);
  const atFullUse = requestsPerUnit === null ? null : u / requestsPerUnit;

  if (u === 0 || (isFlat && capacity.minUnits === 0)) {
    return {
      ...base,
      status: 'always',
      breakEvenRequestsPerMonth: 0,
      cheaperForGoodFromRequestsPerMonth: 0,
      capacityCostPerRequestAtFullUse: atFullUse,
      requestsPerUnit,
    };
  }
  const never = {
    ...base,
    status: 'never' as const,
    breakEvenRequestsPerMonth: null,
    cheaperForGoodFromRequestsPerMonth: null,
    capacityCostPerRequestAtFullUse: atFullUse,
    requestsPerUnit,
  };
  if (f <= 0) return never;
  if (isFlat) {
    // The bill is minUnits · u whatever the volume.
    const volume = (capacity.minUnits * u) / f;
    return {
      ...never,
      status: 'volume',
      breakEvenRequestsPerMonth: volume,
      cheaperForGoodFromRequestsPerMonth: volume,
    };
  }
  const r = requestsPerUnit!;
  if (f * r < u) return never;

  const firstUnits = Math.max(capacity.minUnits, 1);
  let breakEven: number | null = null;
  for (let k = firstUnits; k <= firstUnits + MAX_UNIT_STEPS && breakEven === null; k++) {
    // k·u/f rounded to a double may sit an ulp short of the crossing (730 / 0.0045 · 0.0045 < 730): step up a
    // few ulps before deciding that k units do not break even.
    let volume = (k * u) / f;
    for (let ulp = 0; ulp <= ULP_STEPS; ulp++) {
      if (billMonth(volume, tokensPerRequest, capacity, peak) <= f * volume) {
        breakEven = volume;
        break;
      }
      volume += volume * Number.EPSILON;
    }
  }
  if (breakEven === null) return never;

  // Gaps above the break-even: region k (volumes just above (k−1)·r) is dearer until k·u/f while k·u > (k−1)·f·r,
  // i.e. k < f·r / (f·r − u). The last such k sets the volume from which capacity stays cheaper.
  let forGood: number | null = null;
  if (f * r > u) {
    const lastGap = Math.ceil((f * r) / (f * r - u)) - 1;
    forGood = Math.max(breakEven, (Math.max(firstUnits, lastGap) * u) / f);
  }
  return {
    ...never,
    status: 'volume',
    breakEvenRequestsPerMonth: breakEven,
    cheaperForGoodFromRequestsPerMonth: forGood,
  };
}

/** One capacity model (one commitment term) set against a per-token model for one slice. */
export type CapacityTermComparison = {
  model: Model & { pricing: CapacityPricing };
  /** The row's commitment term in months (0: none). */
  commitmentMonths: number;
  /** The steady-month break-even of `findCapacityBreakEven`. */
  breakEven: CapacityBreakEven;
  /**
   * The slice alone on the model over the horizon, its growth included, units held for each commitment term
   * (`billedCapacityUnits`), USD.
   */
  horizonCapacityCost: number;
  /** The same requests on the per-token model over the horizon, USD. */
  horizonPerTokenCost: number;
};

/**
 * Every capacity-billed model of the catalog set against one per-token model for a slice, in catalog order: each
 * commitment term is its own catalog row at its own hourly rate, so this lays the terms side by side. The
 * steady-month break-even does not depend on the term (with no growth every month of a term needs the same
 * units); the horizon bills do, since with growth a term pays its largest month's units throughout.
 */
export function compareCapacityTerms(
  scenario: Scenario,
  slice: Slice,
  perTokenModel: Model,
): CapacityTermComparison[] {
  if (!isPerTokenModel(perTokenModel)) throw new Error(`${perTokenModel.id} is not per-token`);
  const f = costPerCall(slice, perTokenModel, scenario.options).final;
  const requestsByMonth = new Float64Array(scenario.horizonMonths);
  let horizonRequests = 0;
  for (let t = 0; t < scenario.horizonMonths; t++) {
    requestsByMonth[t] = requestsInMonth(slice.requestsPerMonth, slice.monthlyGrowth, t);
    horizonRequests += requestsByMonth[t]!;
  }
  const rows: CapacityTermComparison[] = [];
  for (const model of scenario.catalog) {
    if (!isCapacityModel(model)) continue;
    const tokensPerRequest = capacityTokensPerCall(slice, model);
    const units = billedCapacityUnits(
      requestsByMonth.map((requests) => requests * tokensPerRequest),
      scenario.options.peakToAverage,
      model.pricing,
    );
    let unitMonths = 0;
    for (const held of units) unitMonths += held;
    rows.push({
      model,
      commitmentMonths: model.pricing.commitmentMonths,
      breakEven: findCapacityBreakEven(slice, model, perTokenModel, scenario.options),
      horizonCapacityCost: unitMonths * model.pricing.hourlyPerUnit * HOURS_PER_MONTH,
      horizonPerTokenCost: f * horizonRequests,
    });
  }
  return rows;
}

export type CascadeBreakEvenStatus =
  /** The cascade is cheaper than its last model alone below `breakEvenEscalation`. */
  | 'rate'
  /** Cheaper than the last model alone at every first escalation rate, even 100 %. */
  | 'always'
  /** Never cheaper: the first model alone already costs at least as much as the last. */
  | 'never'
  /** A step is capacity-billed: no cost per request to compare. */
  | 'capacity-step'
  /** One step only: nothing escalates. */
  | 'single-step';

export type CascadeBreakEven = {
  strategyId: string;
  strategyName: string;
  sliceId: string;
  sliceName: string;
  steps: Model[];
  escalation: number[];
  status: CascadeBreakEvenStatus;
  /** The first escalation rate at which the cascade costs as much as its last model alone (0–1); else null. */
  breakEvenEscalation: number | null;
  /** USD per request of the cascade as set (null with a capacity step). */
  cascadeCostPerRequest: number | null;
  /** USD per request of the last step alone (null when capacity-billed). */
  lastStepCostPerRequest: number | null;
  /** Whether the cascade as set is cheaper than its last step alone (null when it cannot be said). */
  beatsLastStepNow: boolean | null;
};

/**
 * For every cascade route of every cascade strategy (strategy order, then traffic order), the first escalation
 * rate at which the cascade stops being cheaper than sending every request straight to its last model.
 *
 * With `c_j` the `final` cost per request of step j and the later rates held as set, a request costs
 * `c_1 + e_1 · T` with `T = c_2 + e_2·c_3 + e_2·e_3·c_4 + …` (the cost of a request the first model passes on),
 * against `c_k` for the last model alone, so `e_1* = (c_k − c_1) / T`; with two steps `e* = 1 − c_1 / c_2`.
 * Only the first rate varies (it is the one a better first model or prompt moves). `e_1* ≥ 1`: cheaper at any
 * rate ("always"); `c_1 ≥ c_k`: never cheaper ("never"). Routes with a capacity-billed step are listed with
 * status "capacity-step" (their per-request cost depends on everything else routed to the model).
 */
export function findCascadeBreakEvens(scenario: Scenario): CascadeBreakEven[] {
  const models = indexById(scenario.catalog);
  const found: CascadeBreakEven[] = [];
  for (const strategy of scenario.strategies) {
    if (strategy.kind !== 'cascade') continue;
    for (const slice of scenario.traffic) {
      if (!Object.hasOwn(strategy.routes, slice.id)) continue;
      const route = strategy.routes[slice.id]!;
      const steps = route.steps.map((id) => {
        const model = models.get(id);
        if (!model) throw new Error(`unknown model id "${id}" in strategy "${strategy.id}"`);
        return model;
      });
      const entry = {
        strategyId: strategy.id,
        strategyName: strategy.name,
        sliceId: slice.id,
        sliceName: slice.name,
        steps,
        escalation: [...route.escalation],
      };
      const unknown = {
        ...entry,
        breakEvenEscalation: null,
        cascadeCostPerRequest: null,
        lastStepCostPerRequest: null,
        beatsLastStepNow: null,
      };
      if (steps.length < 2) {
        found.push({ ...unknown, status: 'single-step' });
        continue;
      }
      const costs: number[] = [];
      for (const model of steps) {
        if (model.pricing.kind !== 'per-token') break;
        costs.push(costPerCall(slice, { ...model, pricing: model.pricing }, scenario.options).final);
      }
      if (costs.length < steps.length) {
        found.push({ ...unknown, status: 'capacity-step' });
        continue;
      }
      const first = costs[0]!;
      const last = costs[costs.length - 1]!;
      // T: what one escalated request costs from step 2 on, later rates as set.
      let escalated = 0;
      let reach = 1;
      for (let j = 1; j < costs.length; j++) {
        if (j > 1) reach *= route.escalation[j - 1] ?? 0;
        escalated += reach * costs[j]!;
      }
      const cascadeCost = first + (route.escalation[0] ?? 0) * escalated;
      const costsFigures = {
        ...entry,
        cascadeCostPerRequest: cascadeCost,
        lastStepCostPerRequest: last,
        beatsLastStepNow: cascadeCost < last,
      };
      if (first >= last) {
        found.push({ ...costsFigures, status: 'never', breakEvenEscalation: null });
      } else if (first + escalated < last) {
        found.push({ ...costsFigures, status: 'always', breakEvenEscalation: null });
      } else {
        found.push({ ...costsFigures, status: 'rate', breakEvenEscalation: (last - first) / escalated });
      }
    }
  }
  return found;
}
