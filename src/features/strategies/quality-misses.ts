import { isRegionAllowed } from '../../domain/model-fit';
import { indexEvaluations } from '../../domain/quality';
import { resolveRoutes } from '../../domain/routes';
import type { Model, Scenario, Strategy } from '../../domain/scenario-schema';

/** A model serving a slice below its bar, with its score on the slice and whether that is the user's evaluation. */
export type BelowBarModel = { model: Model; score: number; evaluated: boolean };

export type QualityMiss = {
  sliceId: string;
  sliceName: string;
  qualityBar: number;
  /** The serving models that score below the bar (for cheapest-meeting-bar: the model it fell back to). */
  models: BelowBarModel[];
};

/** Which models count as serving a slice, in words, for the hint next to the list of misses. */
export const SERVING_RULE =
  'A slice is compared with every model that answers it: the one model for single and assign (the fallback when the slice has no route), the last step of a cascade (it answers whatever escalates), and every model with a share above 0 in a router. Classifier calls are not counted. For cheapest-meeting-bar the engine reports the slices no model can serve at their bar.';

/**
 * The slices a strategy serves with a model below their quality bar, in traffic order. For
 * cheapest-meeting-bar the engine's `unmetQuality` (slice ids) decides; for the others, the scores of the models
 * that answer each slice (see `SERVING_RULE`) are compared with its `qualityBar`. A model's score on a slice is
 * the user's evaluation where the scenario has one, else the catalog's `quality`.
 */
export function findQualityMisses(
  scenario: Scenario,
  strategy: Strategy,
  unmetQuality: readonly string[],
): QualityMiss[] {
  const routes = resolveRoutes(scenario, strategy);
  const unmet = new Set(unmetQuality);
  const findEvaluation = indexEvaluations(scenario.evaluations);
  const misses: QualityMiss[] = [];
  scenario.traffic.forEach((slice, index) => {
    const legs = routes[index]?.legs ?? [];
    const scored = (model: Model): BelowBarModel => {
      const evaluation = findEvaluation(model.id, slice.id);
      return { model, score: evaluation?.score ?? model.quality, evaluated: evaluation !== undefined };
    };
    let below: BelowBarModel[];
    if (strategy.kind === 'cheapest-meeting-bar') {
      below = unmet.has(slice.id) ? legs.map((leg) => scored(leg.model)) : [];
    } else {
      const serving =
        strategy.kind === 'cascade'
          ? legs.slice(-1)
          : strategy.kind === 'router'
            ? legs.filter((leg) => leg.callsPerRequest > 0)
            : legs;
      below = serving.map((leg) => scored(leg.model)).filter((entry) => entry.score < slice.qualityBar);
    }
    if (below.length > 0)
      misses.push({
        sliceId: slice.id,
        sliceName: slice.name.trim() || slice.id,
        qualityBar: slice.qualityBar,
        models: below,
      });
  });
  return misses;
}

/** A slice a strategy sends to a model outside the regions the slice allows. */
export type RegionMiss = {
  sliceId: string;
  sliceName: string;
  /** The regions the slice allows. */
  regions: readonly string[];
  /** The models named by its route (classifier included) whose region it does not allow. */
  models: Model[];
};

/**
 * The slices the engine lists in `offRegion` for a strategy, in traffic order, each with the models of its
 * route (legs and classifier, shares of 0 included, as the engine counts them) that serve outside its regions.
 */
export function findRegionMisses(
  scenario: Scenario,
  strategy: Strategy,
  offRegion: readonly string[],
): RegionMiss[] {
  if (offRegion.length === 0) return [];
  const routes = resolveRoutes(scenario, strategy);
  const off = new Set(offRegion);
  const misses: RegionMiss[] = [];
  scenario.traffic.forEach((slice, index) => {
    const route = routes[index];
    if (!off.has(slice.id) || !route || slice.regions === null) return;
    const named = route.classifier
      ? [...route.legs.map((leg) => leg.model), route.classifier.model]
      : route.legs.map((leg) => leg.model);
    const models = [...new Set(named)].filter((model) => !isRegionAllowed(slice.regions, model));
    misses.push({
      sliceId: slice.id,
      sliceName: slice.name.trim() || slice.id,
      regions: slice.regions,
      models,
    });
  });
  return misses;
}
