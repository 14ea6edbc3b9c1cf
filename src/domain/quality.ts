/**
 * The quality score every verdict uses for a model on a traffic slice: the user's own evaluation of that model on
 * that slice where the scenario has one, else the catalog's `quality`. An evaluation replaces the catalog score
 * for its slice only; the model keeps its catalog score on every other slice.
 */
import type { Evaluation, Model, Slice } from './scenario-schema';

/** The score of `model` on `slice`: the user's evaluation, else `model.quality`. */
export type QualityLookup = (model: Pick<Model, 'id' | 'quality'>, slice: Pick<Slice, 'id'>) => number;

/** The user's evaluation of a model (by id) on a slice (by id), or undefined when there is none. */
export type EvaluationLookup = (modelId: string, sliceId: string) => Evaluation | undefined;

/**
 * Indexes evaluations by model id, then slice id, in `Map`s (ids may be `__proto__`). A valid scenario has one
 * evaluation per model and slice; should a list hold two, the first wins.
 */
export function indexEvaluations(evaluations: readonly Evaluation[]): EvaluationLookup {
  const byModel = new Map<string, Map<string, Evaluation>>();
  for (const evaluation of evaluations) {
    let bySlice = byModel.get(evaluation.model);
    if (!bySlice) {
      bySlice = new Map();
      byModel.set(evaluation.model, bySlice);
    }
    if (!bySlice.has(evaluation.slice)) bySlice.set(evaluation.slice, evaluation);
  }
  return (modelId, sliceId) => byModel.get(modelId)?.get(sliceId);
}

/**
 * The quality lookup of a scenario, built once: `score(m, s) = evaluation(m, s).score` when the scenario's
 * `evaluations` hold one for model `m` on slice `s`, else `m.quality` (the catalog's score).
 */
export function makeQualityLookup(scenario: { readonly evaluations: readonly Evaluation[] }): QualityLookup {
  const find = indexEvaluations(scenario.evaluations);
  return (model, slice) => find(model.id, slice.id)?.score ?? model.quality;
}
