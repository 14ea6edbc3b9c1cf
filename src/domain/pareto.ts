/**
 * Cost against quality for one traffic slice: every per-token model's cost per request and its quality score,
 * and the Pareto frontier of those points (the models worth considering at some quality bar).
 */
import { costPerCall } from './call-cost';
import type { Model, Options, PerTokenPricing, Slice } from './scenario-schema';
import { fitsContext, isRegionAllowed } from './model-fit';
import type { QualityLookup } from './quality';

export type ParetoPoint = {
  model: Model & { pricing: PerTokenPricing };
  /** USD per request of the slice after caching and batch (`costPerCall(...).final`). */
  costPerRequest: number;
  /** The model's score on the slice: the user's evaluation where there is one, else the catalog's `quality`. */
  quality: number;
  /** No other model is both at most as dear and at least as good, and better on one of the two. */
  onFrontier: boolean;
  /** `quality` (the score on this slice) at or above the slice's bar. */
  meetsBar: boolean;
};

export type SliceFrontier = {
  sliceId: string;
  /** Per-token models whose context window holds the slice, in catalog order. */
  points: ParetoPoint[];
  /** The frontier, cheapest first (quality rises along it). */
  frontier: ParetoPoint[];
  /** Per-token models left out because their context window is too small for the slice. */
  excludedForContext: number;
  /** Per-token models left out because they serve from a region the slice does not allow. */
  excludedForRegion: number;
};

/**
 * The cost-versus-quality points of a slice and their Pareto frontier.
 *
 * A model's quality is its score on this slice, `qualityOf(model, slice)` (see `makeQualityLookup`). Only
 * per-token models in a region the slice allows whose context window holds the call are points (a capacity model
 * has no cost per request of its own: it depends on everything routed to it). A point is on the frontier
 * when no other point dominates it, i.e. has `cost ≤ its cost` and `quality ≥ its quality` with at least one of
 * the two strictly better. Ties: points with the same cost and the same quality do not dominate each other, so
 * identical models are all on the frontier (or all off it); of two models at the same cost only the better one
 * is, and of two at the same quality only the cheaper one is. Duplicate ids count once (the first entry).
 * Sorting makes it O(n log n): fine for a 2,000-model catalog.
 */
export function findParetoFrontier(
  slice: Slice,
  catalog: readonly Model[],
  options: Options,
  qualityOf: QualityLookup,
): SliceFrontier {
  const points: ParetoPoint[] = [];
  const seen = new Set<string>();
  let excludedForContext = 0;
  let excludedForRegion = 0;
  for (const model of catalog) {
    if (model.pricing.kind !== 'per-token' || seen.has(model.id)) continue;
    seen.add(model.id);
    if (!isRegionAllowed(slice.regions, model)) {
      excludedForRegion++;
      continue;
    }
    if (!fitsContext(model, slice)) {
      excludedForContext++;
      continue;
    }
    const perToken = model as Model & { pricing: PerTokenPricing };
    const quality = qualityOf(model, slice);
    points.push({
      model: perToken,
      costPerRequest: costPerCall(slice, perToken, options).final,
      quality,
      onFrontier: false,
      meetsBar: quality >= slice.qualityBar,
    });
  }

  // Cheapest first; at equal cost, best first. A point is on the frontier when its quality beats every
  // strictly cheaper point's and equals the best quality at its own cost.
  const order = points
    .map((point, index) => ({ point, index }))
    .sort(
      (a, b) =>
        a.point.costPerRequest - b.point.costPerRequest ||
        b.point.quality - a.point.quality ||
        a.index - b.index,
    );
  const frontier: ParetoPoint[] = [];
  let bestCheaperQuality = -Infinity;
  for (let i = 0; i < order.length;) {
    const cost = order[i]!.point.costPerRequest;
    const topQuality = order[i]!.point.quality;
    let j = i;
    for (; j < order.length && order[j]!.point.costPerRequest === cost; j++) {
      const { point } = order[j]!;
      if (point.quality === topQuality && point.quality > bestCheaperQuality) {
        point.onFrontier = true;
        frontier.push(point);
      }
    }
    bestCheaperQuality = Math.max(bestCheaperQuality, topQuality);
    i = j;
  }
  return { sliceId: slice.id, points, frontier, excludedForContext, excludedForRegion };
}
