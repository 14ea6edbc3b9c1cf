/**
 * Every constraint a strategy's plan breaks, per traffic slice: a quality bar, a context window, the slice's
 * allowed regions, a model the provider retires within the horizon. One function, read by the Summary, the
 * Strategies screen, Compare, Optimise, the POC estimate and the command line, so they all tell the same story.
 */
import { fitsContext, isRegionAllowed } from './model-fit';
import { indexEvaluations, makeQualityLookup } from './quality';
import { placeRetirement } from './retirement';
import { resolveRoutes } from './routes';
import type { Leg, SliceRoute } from './routes';
import type { Model, Scenario, Slice, Strategy } from './scenario-schema';

export type ConstraintKind = 'quality' | 'context' | 'region' | 'retired';

type ConstraintBase = {
  sliceId: string;
  modelId: string;
  /**
   * The share of the slice's requests affected, 0–1: for `quality`, the share answered by this model below the
   * bar; for the others, the share of requests that make a call to this model (a router's leg share, a cascade
   * step's reach, 1 for single, assign, cheapest-meeting-bar and a router's classifier).
   */
  share: number;
};

export type BrokenConstraint =
  | (ConstraintBase & {
      kind: 'quality';
      /** The model's score on the slice (`makeQualityLookup`). */
      score: number;
      qualityBar: number;
      /** True when the score is the user's evaluation, not the catalog's. */
      evaluated: boolean;
    })
  | (ConstraintBase & {
      kind: 'context';
      /** The call's size in the model's tokens: `(inputTokens + outputTokens) · tokenizerFactor`. */
      tokens: number;
      contextWindow: number;
    })
  | (ConstraintBase & {
      kind: 'region';
      /** The model's region (null: none given). */
      region: string | null;
      /** The regions the slice allows. */
      regions: readonly string[];
    })
  | (ConstraintBase & {
      kind: 'retired';
      /** The day the provider stops serving the model, YYYY-MM-DD. */
      retiresOn: string;
      /** The horizon month it stops (0 when before the start), or null when the scenario has no start month. */
      month: number | null;
      retiredBeforeStart: boolean;
    });

/**
 * The share of a slice's requests each leg answers: the whole of its calls for single, assign, a router's leg
 * and cheapest-meeting-bar; for a cascade, a step answers what reaches it minus what it escalates
 * (`reach_i − reach_{i+1}`), and the last step answers all that reaches it.
 */
function answeredShares(strategy: Strategy, legs: readonly Leg[]): number[] {
  if (strategy.kind !== 'cascade') return legs.map((leg) => leg.callsPerRequest);
  return legs.map((leg, index) => {
    const next = legs[index + 1];
    return next === undefined ? leg.callsPerRequest : Math.max(0, leg.callsPerRequest - next.callsPerRequest);
  });
}

/**
 * Appends a constraint, or merges it into the one already found for this kind and model on the slice. Merged
 * shares are of disjoint requests (router legs, what cascade steps answer) and add up, or of nested ones (the
 * reach of two cascade steps) and take the larger; either way at most 1 (a classifier is called on every request).
 * `onSlice` holds the constraints already found on the constraint's slice, so merging never scans other slices.
 */
function add(
  found: BrokenConstraint[],
  onSlice: BrokenConstraint[],
  constraint: BrokenConstraint,
  nested: boolean,
): void {
  const same = onSlice.find((c) => c.kind === constraint.kind && c.modelId === constraint.modelId);
  if (!same) {
    found.push(constraint);
    onSlice.push(constraint);
  } else
    same.share = Math.min(1, nested ? Math.max(same.share, constraint.share) : same.share + constraint.share);
}

/**
 * Every constraint a strategy breaks, per slice in traffic order, then by kind (quality, context, region,
 * retired) and model in route order (the classifier last). Only calls that happen count: a leg with a share or
 * reach of 0 breaks nothing. The scenario must be valid (see `validateScenario`).
 *
 * **Meets its quality bar** (the one rule every screen uses): a slice misses its bar when any model that answers
 * some of its requests scores below the bar on the slice — the user's evaluation where there is one, else the
 * catalog's `quality` (`makeQualityLookup`). A model answers the share of requests whose reply it gives: all of
 * them for single, assign and cheapest-meeting-bar; its share for a router leg; for a cascade, the last step
 * answers everything that reaches it and an earlier step answers what reaches it and is not escalated. The miss is
 * reported with that answered share (a cascade escalating 15 % from a first step below the bar: 0.85). A
 * router's classifier only routes, so its score is not compared. For cheapest-meeting-bar this agrees with the
 * engine's `unmetQuality`: a slice it cannot serve gets a fallback that breaks its bar, window or region.
 *
 * **Context window**: every call whose `(inputTokens + outputTokens) · tokenizerFactor` exceeds its model's
 * window (`fitsContext`), with the share of requests making it (a cascade step: its reach); the classifier's own
 * call is checked with its own tokens, share 1. Such a call is still priced by `simulate`, so it must be flagged.
 *
 * **Region**: every called model (classifier included, share 1) outside the slice's `regions` (`isRegionAllowed`).
 *
 * **Retired**: every called model whose `retiresOn` falls on or before the horizon's last day (`placeRetirement`).
 */
export function findBrokenConstraints(scenario: Scenario, strategy: Strategy): BrokenConstraint[] {
  const routes = resolveRoutes(scenario, strategy);
  const qualityOf = makeQualityLookup(scenario);
  const findEvaluation = indexEvaluations(scenario.evaluations);
  const found: BrokenConstraint[] = [];
  scenario.traffic.forEach((slice, index) => {
    const route = routes[index];
    if (route) findInSlice(slice, route);
  });
  return found;

  function findInSlice(slice: Slice, route: SliceRoute): void {
    const sliceId = slice.id;
    const onSlice: BrokenConstraint[] = [];
    const answered = answeredShares(strategy, route.legs);
    const nested = strategy.kind === 'cascade';
    route.legs.forEach((leg, i) => {
      const share = answered[i] ?? 0;
      const score = qualityOf(leg.model, slice);
      if (share > 0 && score < slice.qualityBar)
        add(
          found,
          onSlice,
          {
            kind: 'quality',
            sliceId,
            modelId: leg.model.id,
            share,
            score,
            qualityBar: slice.qualityBar,
            evaluated: findEvaluation(leg.model.id, sliceId) !== undefined,
          },
          false,
        );
    });
    const called: { model: Model; share: number; call: Pick<Slice, 'inputTokens' | 'outputTokens'> }[] =
      route.legs
        .filter((leg) => leg.callsPerRequest > 0)
        .map((leg) => ({ model: leg.model, share: leg.callsPerRequest, call: slice }));
    if (route.classifier) called.push({ model: route.classifier.model, share: 1, call: route.classifier });
    for (const { model, share, call } of called)
      if (model.contextWindow !== null && !fitsContext(model, call))
        add(
          found,
          onSlice,
          {
            kind: 'context',
            sliceId,
            modelId: model.id,
            share,
            tokens: (call.inputTokens + call.outputTokens) * model.tokenizerFactor,
            contextWindow: model.contextWindow,
          },
          nested,
        );
    for (const { model, share } of called)
      if (slice.regions !== null && !isRegionAllowed(slice.regions, model))
        add(
          found,
          onSlice,
          {
            kind: 'region',
            sliceId,
            modelId: model.id,
            share,
            region: model.region,
            regions: slice.regions,
          },
          nested,
        );
    for (const { model, share } of called) {
      const placed = placeRetirement(model.retiresOn, scenario.startMonth, scenario.horizonMonths);
      if (placed && model.retiresOn !== null)
        add(
          found,
          onSlice,
          { kind: 'retired', sliceId, modelId: model.id, share, retiresOn: model.retiresOn, ...placed },
          nested,
        );
    }
  }
}

/** `findBrokenConstraints` for every strategy, by strategy id (a `Map`: ids may be `__proto__`). */
export function findBrokenConstraintsByStrategy(scenario: Scenario): Map<string, BrokenConstraint[]> {
  const byStrategy = new Map<string, BrokenConstraint[]>();
  for (const strategy of scenario.strategies)
    if (!byStrategy.has(strategy.id)) byStrategy.set(strategy.id, findBrokenConstraints(scenario, strategy));
  return byStrategy;
}

/** True when the strategy breaks no constraint on any slice. */
export function isPlanSound(constraints: readonly BrokenConstraint[]): boolean {
  return constraints.length === 0;
}
