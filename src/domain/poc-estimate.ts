/**
 * The figures of a proof-of-concept estimate, read off a simulation: the POC period's totals, the strategy to
 * recommend on the basis the user picks, which model serves each slice, and where the prices come from and how
 * long they hold. Pure: scenario and results in, figures out.
 */
import { findById } from './find-by-id';
import { findBrokenConstraintsByStrategy } from './plan-constraints';
import type { BrokenConstraint } from './plan-constraints';
import { resolveRoutes } from './routes';
import type { Model, Scenario, Slice } from './scenario-schema';
import type { SimulationResult, StrategyResult } from './simulate';
import { findLeastSoundStrategy } from './strategy-figures';

/** The POC period a partner usually quotes, in months. */
export const DEFAULT_POC_MONTHS = 3;

/** Months the recommendation compares strategies over (the horizon when it is shorter). */
export const RECOMMENDATION_MONTHS = 12;

/** Days a printed estimate's prices are quoted for. */
export const PRICE_VALIDITY_DAYS = 30;

/** A POC period the horizon holds: a whole number of months from 1 to the horizon. */
export function clampPocMonths(requested: number, horizonMonths: number): number {
  return Math.max(1, Math.min(Math.floor(requested), horizonMonths));
}

export type PeriodTotals = {
  /** AI spend after discounts (fixed costs included), USD. */
  spend: number;
  /** AI spend at list prices, USD. */
  listSpend: number;
  savings: { caching: number; batch: number };
  /** What the scenario's own credit pools paid, USD. */
  creditsUsed: number;
  /** What no pool paid, USD: `spend − creditsUsed`. */
  cashSpentOnAI: number;
};

/** Sums a strategy's first `months` months (at most its horizon). */
export function sumFirstMonths(strategy: StrategyResult, months: number): PeriodTotals {
  const totals: PeriodTotals = {
    spend: 0,
    listSpend: 0,
    savings: { caching: 0, batch: 0 },
    creditsUsed: 0,
    cashSpentOnAI: 0,
  };
  for (const month of strategy.months.slice(0, Math.max(0, months))) {
    totals.spend += month.spend;
    totals.listSpend += month.listSpend;
    totals.savings.caching += month.savings.caching;
    totals.savings.batch += month.savings.batch;
    for (const drawn of Object.values(month.creditsDrawn)) totals.creditsUsed += drawn;
    totals.cashSpentOnAI += month.cashSpentOnAI;
  }
  return totals;
}

/**
 * What the recommendation minimises over the first `RECOMMENDATION_MONTHS` months: `spend`, every dollar the
 * strategy costs whoever pays it; or `cash`, what is left to pay once the scenario's credit pools have paid
 * their part.
 */
export type RecommendationBasis = 'spend' | 'cash';

/** The figure a strategy is ranked by on `basis`, over the first 12 months (or the horizon). */
export function measureForRecommendation(strategy: StrategyResult, basis: RecommendationBasis): number {
  const totals = sumFirstMonths(strategy, RECOMMENDATION_MONTHS);
  return basis === 'spend' ? totals.spend : totals.cashSpentOnAI;
}

export type Recommendation = {
  basis: RecommendationBasis;
  /** The strategy to recommend; null when every strategy breaks a constraint (or there is none). */
  strategy: StrategyResult | null;
  /** Its figure on `basis` (`measureForRecommendation`); null without a recommendation. */
  figure: number | null;
  /** Every constraint each strategy breaks (`findBrokenConstraints`), by strategy id. */
  constraintsByStrategy: Map<string, BrokenConstraint[]>;
};

/**
 * The recommended strategy: the one with the lowest `measureForRecommendation` on `basis` (ties: list order)
 * among those that break no constraint (`findBrokenConstraints`: quality bars, context windows, regions,
 * retiring models), by the rule behind every screen's "Cheapest" (`findLeastSoundStrategy`). When every strategy
 * breaks one, none is recommended. `constraintsByStrategy` is `findBrokenConstraintsByStrategy(scenario)`, passed
 * in where it is already computed.
 */
export function pickRecommendedStrategy(
  scenario: Scenario,
  result: SimulationResult,
  basis: RecommendationBasis,
  constraintsByStrategy: Map<string, BrokenConstraint[]> = findBrokenConstraintsByStrategy(scenario),
): Recommendation {
  const strategy = findLeastSoundStrategy(result, constraintsByStrategy, (candidate) =>
    measureForRecommendation(candidate, basis),
  );
  const figure = strategy ? measureForRecommendation(strategy, basis) : null;
  return { basis, strategy, figure, constraintsByStrategy };
}

/** One model a slice's requests reach, and the share of the slice's requests that reach it. */
export type ServiceStep = { model: Model; share: number };

/** How a strategy serves one slice, and what that costs over the POC period. */
export type SliceService = {
  slice: Slice;
  /** `one`: every request on one model; `cascade`: steps tried in order; `router`: requests split. */
  kind: 'one' | 'cascade' | 'router';
  /** Cascade: each step with the share reaching it (1, then the escalated share). Router: each model's share. */
  steps: ServiceStep[];
  /** A router's classifier, called once per request; null otherwise. */
  classifier: Model | null;
  /** The slice's spend over the POC period, USD (capacity-billed models' cost shared by tokens). */
  pocSpend: number;
};

/**
 * Which model serves each slice under `strategy` (a strategy of `scenario`), in traffic order, with each slice's
 * spend over the first `pocMonths` months.
 */
export function describeSliceServices(
  scenario: Scenario,
  strategy: StrategyResult,
  pocMonths: number,
): SliceService[] {
  const definition = findById(scenario.strategies, strategy.id);
  if (!definition) return [];
  const months = strategy.months.slice(0, Math.max(0, pocMonths));
  return resolveRoutes(scenario, definition).map((route, index) => {
    const slice = scenario.traffic[index]!;
    let pocSpend = 0;
    for (const month of months) pocSpend += month.bySlice[slice.id] ?? 0;
    const kind =
      route.legs.length <= 1 ? 'one' : definition.kind === 'cascade' ? 'cascade' : ('router' as const);
    return {
      slice,
      kind,
      steps: route.legs.map((leg) => ({ model: leg.model, share: leg.callsPerRequest })),
      classifier: route.classifier?.model ?? null,
      pocSpend,
    };
  });
}

/** A fixed cost a strategy pays, with its total over the POC period. */
export type FixedCostTotal = { id: string; name: string; pocSpend: number };

/** The fixed costs `strategy` pays in its first `pocMonths` months, in scenario order (those that cost nothing left out). */
export function sumFixedCostsInPeriod(
  scenario: Scenario,
  strategy: StrategyResult,
  pocMonths: number,
): FixedCostTotal[] {
  const months = strategy.months.slice(0, Math.max(0, pocMonths));
  return scenario.fixedCosts.flatMap((cost) => {
    let pocSpend = 0;
    for (const month of months) pocSpend += month.byFixedCost[cost.id] ?? 0;
    return pocSpend > 0 ? [{ id: cost.id, name: cost.name, pocSpend }] : [];
  });
}

export type SourceGroup = {
  /** The source's label, or null for models that name none. */
  label: string | null;
  asOf: string | null;
  url: string | null;
  /** Names of the models priced from this source, catalog order. */
  models: string[];
};

/** Every model a strategy's routes name, classifiers included. */
function listUsedModels(scenario: Scenario, strategyId: string): Set<Model> {
  const definition = findById(scenario.strategies, strategyId);
  const used = new Set<Model>();
  if (!definition) return used;
  for (const route of resolveRoutes(scenario, definition)) {
    for (const leg of route.legs) used.add(leg.model);
    if (route.classifier) used.add(route.classifier.model);
  }
  return used;
}

/**
 * The price sources behind a strategy: every model its routes name (classifiers included), grouped by
 * source label and date, in catalog order.
 */
export function listPriceSources(scenario: Scenario, strategyId: string): SourceGroup[] {
  const used = listUsedModels(scenario, strategyId);
  const groups = new Map<string, SourceGroup>();
  for (const model of scenario.catalog) {
    if (!used.has(model)) continue;
    const label = model.source?.label ?? null;
    const asOf = model.source?.asOf ?? null;
    const key = JSON.stringify([label, asOf]);
    const group = groups.get(key) ?? { label, asOf, url: model.source?.url ?? null, models: [] };
    group.models.push(model.name);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Where the quality scores of the models a strategy uses come from, grouped by benchmark, date and whether it is
 * an assumption; models that state no source are left out.
 */
export type QualitySourceGroup = { benchmark: string; asOf: string; assumption: boolean; models: string[] };

export function listQualitySources(scenario: Scenario, strategyId: string): QualitySourceGroup[] {
  const used = listUsedModels(scenario, strategyId);
  const groups = new Map<string, QualitySourceGroup>();
  for (const model of scenario.catalog) {
    const source = model.qualitySource;
    if (!used.has(model) || !source) continue;
    const key = JSON.stringify([source.benchmark, source.asOf, source.assumption]);
    const group = groups.get(key) ?? {
      benchmark: source.benchmark,
      asOf: source.asOf,
      assumption: source.assumption,
      models: [],
    };
    group.models.push(model.name);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A calendar day written YYYY-MM-DD. */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export type PriceValidity = {
  /** The oldest and newest dates of the prices used (YYYY-MM-DD, or as the source wrote them); null when none is dated. */
  pricesAsOf: { oldest: string; newest: string } | null;
  /** The last day the estimate's prices are quoted for: `preparedOn` + `PRICE_VALIDITY_DAYS` (YYYY-MM-DD). */
  validUntil: string;
};

/**
 * How long an estimate prepared on `preparedOn` (YYYY-MM-DD) holds: the dates of the prices it uses and the day
 * they stop being quoted, 30 days after the estimate was prepared.
 */
export function describePriceValidity(sources: readonly SourceGroup[], preparedOn: string): PriceValidity {
  const dates = sources
    .map((group) => group.asOf)
    .filter((asOf): asOf is string => asOf !== null && asOf !== '')
    .sort();
  const validUntil = ISO_DAY.test(preparedOn)
    ? new Date(Date.parse(`${preparedOn}T00:00:00Z`) + PRICE_VALIDITY_DAYS * 86_400_000)
        .toISOString()
        .slice(0, 10)
    : preparedOn;
  return {
    pricesAsOf: dates.length > 0 ? { oldest: dates[0]!, newest: dates.at(-1)! } : null,
    validUntil,
  };
}
