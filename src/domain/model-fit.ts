/**
 * Whether a model may serve a traffic slice: its context window, its region and its quality. One definition
 * serves the cheapest-meeting-bar strategy, the optimiser, the cost-against-quality chart and every screen that
 * flags a missed bar.
 */
import type { Model, Slice } from './scenario-schema';

/**
 * True when the model's context window holds the slice's call: `contextWindow ≥ (inputTokens + outputTokens) ·
 * tokenizerFactor` (raw output tokens; a null window is unlimited).
 */
export function fitsContext(
  model: Pick<Model, 'contextWindow' | 'tokenizerFactor'>,
  slice: Pick<Slice, 'inputTokens' | 'outputTokens'>,
): boolean {
  return (
    model.contextWindow === null ||
    model.contextWindow >= (slice.inputTokens + slice.outputTokens) * model.tokenizerFactor
  );
}

/** True when a slice with these `regions` may be served by `model` (null regions: anywhere). */
export function isRegionAllowed(regions: readonly string[] | null, model: Pick<Model, 'region'>): boolean {
  return regions === null || (model.region !== null && regions.includes(model.region));
}

/**
 * Whether the model may serve the slice: its `score` on the slice at or above the slice's bar, a large enough
 * window, an allowed region. `score` is the model's quality on this slice as `makeQualityLookup` gives it (the
 * user's evaluation where there is one, else the catalog's `quality`): the model's own `quality` is not read.
 */
export function meetsSliceBar(
  model: Pick<Model, 'contextWindow' | 'tokenizerFactor' | 'region'>,
  slice: Pick<Slice, 'inputTokens' | 'outputTokens' | 'qualityBar' | 'regions'>,
  score: number,
): boolean {
  return score >= slice.qualityBar && fitsContext(model, slice) && isRegionAllowed(slice.regions, model);
}
