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

/** Whether the model may serve the slice: quality at or above its bar, a large enough window, an allowed region. */
export function meetsSliceBar(
  model: Pick<Model, 'quality' | 'contextWindow' | 'tokenizerFactor' | 'region'>,
  slice: Pick<Slice, 'inputTokens' | 'outputTokens' | 'qualityBar' | 'regions'>,
): boolean {
  return (
    model.quality >= slice.qualityBar && fitsContext(model, slice) && isRegionAllowed(slice.regions, model)
  );
}
