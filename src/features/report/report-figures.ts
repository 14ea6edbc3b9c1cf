/**
 * What the POC estimate reads from a simulation: the POC period's totals, which strategies miss a quality bar,
 * the strategy to recommend and the sources of the prices it uses. Pure: results in, figures out.
 */
import type { CreditProgram } from '../../domain/credit-ask';
import { makeQualityLookup } from '../../domain/quality';
import { resolveRoutes } from '../../domain/routes';
import type { Model, Scenario } from '../../domain/scenario-schema';
import type { SimulationResult, StrategyResult } from '../../domain/simulate';
import type { CreditPoolTemplate } from '../../queries/credit-pool-queries';

export type PeriodTotals = {
  /** AI spend after discounts, USD. */
  spend: number;
  /** AI spend at list prices, USD. */
  listSpend: number;
  savings: { caching: number; batch: number };
};

/** Sums a strategy's first `months` months (at most its horizon): spend, list spend and what each discount saves. */
export function sumFirstMonths(strategy: StrategyResult, months: number): PeriodTotals {
  const totals: PeriodTotals = { spend: 0, listSpend: 0, savings: { caching: 0, batch: 0 } };
  for (const month of strategy.months.slice(0, Math.max(0, months))) {
    totals.spend += month.spend;
    totals.listSpend += month.listSpend;
    totals.savings.caching += month.savings.caching;
    totals.savings.batch += month.savings.batch;
  }
  return totals;
}

/**
 * Slices (ids, traffic order) whose quality bar a strategy misses. A cheapest-meeting-bar strategy misses
 * the slices the engine lists in `unmetQuality`. Any other strategy misses a slice when the strongest model
 * that answers it (a leg with a share or reach above zero; a classifier does not answer) scores below the
 * slice's bar — its score being the user's evaluation on the slice where there is one, else the catalog's
 * `quality`: the cheaper steps of a cascade or router are trusted to pass on what they cannot answer.
 */
export function findQualityMisses(scenario: Scenario, strategy: StrategyResult): string[] {
  if (strategy.kind === 'cheapest-meeting-bar') return strategy.unmetQuality;
  const definition = scenario.strategies.find((s) => s.id === strategy.id);
  if (!definition) return [];
  const routes = resolveRoutes(scenario, definition);
  const qualityOf = makeQualityLookup(scenario);
  const misses: string[] = [];
  scenario.traffic.forEach((slice, index) => {
    const answering = (routes[index]?.legs ?? []).filter((leg) => leg.callsPerRequest > 0);
    const best = Math.max(-Infinity, ...answering.map((leg) => qualityOf(leg.model, slice)));
    if (answering.length > 0 && best < slice.qualityBar) misses.push(slice.id);
  });
  return misses;
}

export type Recommendation = {
  /** The strategy to recommend; null when the scenario has none. */
  strategy: StrategyResult | null;
  /** Whether the recommended strategy meets every slice's quality bar. */
  meetsEveryBar: boolean;
  /** Slice ids each strategy misses, by strategy id. */
  missesByStrategy: Map<string, string[]>;
};

/**
 * The recommended strategy: the one with the lowest 12-month spend (`firstYearSpend`, ties: list order) among
 * those that meet every slice's quality bar (see `findQualityMisses`); when none does, the cheapest of all.
 */
export function pickRecommendedStrategy(scenario: Scenario, result: SimulationResult): Recommendation {
  const missesByStrategy = new Map<string, string[]>();
  let best: StrategyResult | null = null;
  let cheapest: StrategyResult | null = null;
  for (const strategy of result.strategies) {
    const misses = findQualityMisses(scenario, strategy);
    missesByStrategy.set(strategy.id, misses);
    if (!cheapest || strategy.totals.firstYearSpend < cheapest.totals.firstYearSpend) cheapest = strategy;
    if (misses.length === 0 && (!best || strategy.totals.firstYearSpend < best.totals.firstYearSpend))
      best = strategy;
  }
  return { strategy: best ?? cheapest, meetsEveryBar: best !== null, missesByStrategy };
}

export type SourceGroup = {
  /** The source's label, or null for models that name none. */
  label: string | null;
  asOf: string | null;
  url: string | null;
  /** Names of the models priced from this source, catalog order. */
  models: string[];
};

/**
 * The price sources behind a strategy: every model its routes name (classifiers included), grouped by
 * source label and date, in catalog order.
 */
export function listPriceSources(scenario: Scenario, strategyId: string): SourceGroup[] {
  const definition = scenario.strategies.find((s) => s.id === strategyId);
  if (!definition) return [];
  const used = new Set<Model>();
  for (const route of resolveRoutes(scenario, definition)) {
    for (const leg of route.legs) used.add(leg.model);
    if (route.classifier) used.add(route.classifier.model);
  }
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

/** A credit programme with what a partner needs to file for it. */
export type ReportCreditProgram = CreditProgram & {
  /** How the programme is obtained (partner-filed, competitive application…). */
  howObtained: string;
  source: CreditPoolTemplate['source'];
};

/**
 * The credit programmes a POC can file for, from the shipped pool templates. A template that publishes no
 * largest award cannot size a request and is left out.
 */
export function toCreditPrograms(templates: readonly CreditPoolTemplate[]): ReportCreditProgram[] {
  return templates.flatMap((template) =>
    template.maxAmount === null
      ? []
      : [
          {
            id: template.pool.id,
            name: template.pool.name,
            minAmount: template.minAmount,
            maxAmount: template.maxAmount,
            appliesTo: template.pool.appliesTo,
            howObtained: template.howObtained,
            source: template.source,
          },
        ],
  );
}
