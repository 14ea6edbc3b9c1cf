import { resolveRoutes } from '../../domain/routes';
import type { Model, Scenario, Strategy } from '../../domain/scenario-schema';

export type QualityMiss = {
  sliceId: string;
  sliceName: string;
  qualityBar: number;
  /** The serving models that score below the bar (for cheapest-meeting-bar: the model it fell back to). */
  models: Model[];
};

/** Which models count as serving a slice, in words, for the hint next to the list of misses. */
export const SERVING_RULE =
  'A slice is compared with every model that answers it: the one model for single and assign (the fallback when the slice has no route), the last step of a cascade (it answers whatever escalates), and every model with a share above 0 in a router. Classifier calls are not counted. For cheapest-meeting-bar the engine reports the slices no model can serve at their bar.';

/**
 * The slices a strategy serves with a model below their quality bar, in traffic order. For
 * cheapest-meeting-bar the engine's `unmetQuality` (slice ids) decides; for the others, the models that
 * answer each slice (see `SERVING_RULE`) are compared with its `qualityBar`.
 */
export function findQualityMisses(
  scenario: Scenario,
  strategy: Strategy,
  unmetQuality: readonly string[],
): QualityMiss[] {
  const routes = resolveRoutes(scenario, strategy);
  const unmet = new Set(unmetQuality);
  const misses: QualityMiss[] = [];
  scenario.traffic.forEach((slice, index) => {
    const legs = routes[index]?.legs ?? [];
    let below: Model[];
    if (strategy.kind === 'cheapest-meeting-bar') {
      below = unmet.has(slice.id) ? legs.map((leg) => leg.model) : [];
    } else {
      const serving =
        strategy.kind === 'cascade'
          ? legs.slice(-1)
          : strategy.kind === 'router'
            ? legs.filter((leg) => leg.callsPerRequest > 0)
            : legs;
      below = serving.map((leg) => leg.model).filter((model) => model.quality < slice.qualityBar);
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
