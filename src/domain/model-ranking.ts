/**
 * Ranking models by price: the cheapest per-token model for a traffic mix, and the cheapest scored model of a
 * catalog listing. The Catalog and Strategies screens show these; they do not compute them.
 */
import { costPerCall } from './call-cost';
import type { Model, Scenario } from './scenario-schema';

/** Does the model carry a real quality score: a source for it, or a score above 0? */
export function hasQualityScore(model: Model): boolean {
  return model.qualitySource !== undefined || model.quality > 0;
}

/**
 * The catalog index, among `rows`, of the per-token model with the lowest input + output price (USD per million
 * tokens), leaving out models priced 0 in and out (no price is not a cheap price) and models with no quality
 * score (an unscored model is no recommendation). Ties: the first in `rows`. Null when no row qualifies.
 */
export function findCheapestScoredRow(catalog: readonly Model[], rows: readonly number[]): number | null {
  let best: number | null = null;
  let bestPrice = Number.POSITIVE_INFINITY;
  for (const index of rows) {
    const model = catalog[index];
    if (!model || model.pricing.kind !== 'per-token' || !hasQualityScore(model)) continue;
    const price = model.pricing.inputPerMTok + model.pricing.outputPerMTok;
    if (price > 0 && price < bestPrice) {
      best = index;
      bestPrice = price;
    }
  }
  return best;
}

/**
 * The per-token model that would serve the whole traffic mix for the least in the first month: the sum over
 * slices of `requestsPerMonth × costPerCall(slice, model).final` (USD); with no traffic, the lowest input +
 * output price per million tokens. Ties: the first in the catalog. Null without per-token models.
 */
export function findCheapestPerTokenModel(scenario: Scenario): Model | null {
  let best: Model | null = null;
  let bestCost = Infinity;
  for (const model of scenario.catalog) {
    if (model.pricing.kind !== 'per-token') continue;
    const pricing = model.pricing;
    const cost =
      scenario.traffic.length === 0
        ? pricing.inputPerMTok + pricing.outputPerMTok
        : scenario.traffic.reduce(
            (sum, slice) =>
              sum +
              slice.requestsPerMonth * costPerCall(slice, { ...model, pricing }, scenario.options).final,
            0,
          );
    if (cost < bestCost) {
      best = model;
      bestCost = cost;
    }
  }
  return best;
}
