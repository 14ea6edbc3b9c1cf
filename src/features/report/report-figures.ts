/**
 * What the POC estimate reads from a simulation: the POC period's totals, what each strategy breaks,
 * the strategy to recommend and the sources of the prices it uses. Pure: results in, figures out.
 */
import type { CreditProgram } from '../../domain/credit-ask';
import { findBrokenConstraintsByStrategy } from '../../domain/plan-constraints';
import type { BrokenConstraint } from '../../domain/plan-constraints';
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

export type Recommendation = {
  /** The strategy to recommend: the cheapest that breaks no constraint; null when none does (or there is none). */
  strategy: StrategyResult | null;
  /** Every constraint each strategy breaks (`findBrokenConstraints`), by strategy id. */
  constraintsByStrategy: Map<string, BrokenConstraint[]>;
};

/**
 * The recommended strategy: the one with the lowest 12-month spend (`firstYearSpend`, ties: list order) among
 * those that break no constraint (`findBrokenConstraints`: quality bars, context windows, regions, retiring
 * models). When every strategy breaks one, none is recommended.
 */
export function pickRecommendedStrategy(scenario: Scenario, result: SimulationResult): Recommendation {
  const constraintsByStrategy = findBrokenConstraintsByStrategy(scenario);
  let best: StrategyResult | null = null;
  for (const strategy of result.strategies) {
    const sound = (constraintsByStrategy.get(strategy.id) ?? []).length === 0;
    if (sound && (!best || strategy.totals.firstYearSpend < best.totals.firstYearSpend)) best = strategy;
  }
  return { strategy: best, constraintsByStrategy };
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
