/**
 * The analyses of the Optimise and Uncertainty screens, by name: what the analysis worker runs, and what the page
 * runs itself where there is no Worker (tests in jsdom). Each calls the engine as the screens did; results
 * travel back by structured clone, so per-model results carry catalog positions, not copies of the models.
 */
import { compareCapacityTerms, findCapacityBreakEven, findCascadeBreakEvens } from '../domain/break-even';
import type { CapacityBreakEven, CapacityTermComparison, CascadeBreakEven } from '../domain/break-even';
import { findCreditsNeeded, findMaxUniformGrowth } from '../domain/goal-seek';
import type { CreditGoal, GrowthGoal } from '../domain/goal-seek';
import { mapIdRecord } from '../domain/id-record';
import { optimiseAssignment } from '../domain/optimise';
import type { OptimisedAssignment, OptimisedChoice } from '../domain/optimise';
import { findParetoFrontier } from '../domain/pareto';
import { FrontierPoints, MEETS_BAR, ON_FRONTIER } from '../domain/frontier-points';
import type { FrontierColumns } from '../domain/frontier-points';
import type { ParetoPoint, SliceFrontier } from '../domain/pareto';
import { findBrokenConstraints } from '../domain/plan-constraints';
import type { BrokenConstraint } from '../domain/plan-constraints';
import { makeQualityLookup } from '../domain/quality';
import { pickCheapestMeetingBar } from '../domain/routes';
import type { Model, Scenario, Strategy } from '../domain/scenario-schema';
import { analyseSensitivity } from '../domain/sensitivity';

/** The optimised assignment and the constraints it still breaks (as every other screen judges them). */
export type OptimiseOutcome = { optimised: OptimisedAssignment; constraints: BrokenConstraint[] };

/**
 * A capacity model against a per-token one for a slice: the per-token model the screen picks by itself (the
 * cheapest meeting the slice's bar), the break-even against the one compared, and every capacity term.
 */
export type CapacityOutcome = {
  /** Id of the cheapest per-token model meeting the slice's bar (or the best short of it); null when none. */
  autoPerTokenId: string | null;
  /** Null without a capacity or a per-token model to compare. */
  breakEven: CapacityBreakEven | null;
  /** `compareCapacityTerms` against the per-token model compared; empty without one. */
  terms: CapacityTermComparison[];
};

/**
 * A slice's frontier as it travels: its points as columns of numbers (the model's position in the scenario's
 * catalog in place of the model), the frontier as positions among the points. Ten thousand points cross as a few
 * arrays instead of ten thousand objects to copy, and to collect afterwards.
 */
export type PackedFrontier = Omit<SliceFrontier, 'points' | 'frontier'> &
  FrontierColumns & {
    frontier: Int32Array;
  };

function findStrategy(scenario: Scenario, strategyId: string): Strategy | null {
  return scenario.strategies.find((strategy) => strategy.id === strategyId) ?? null;
}

const catalogPositions = new WeakMap<readonly Model[], ReadonlyMap<Model, number>>();

/** Each model of the catalog (the object) to its position in it; made once per catalog array. */
function positionsIn(catalog: readonly Model[]): ReadonlyMap<Model, number> {
  let positions = catalogPositions.get(catalog);
  if (positions === undefined) {
    const built = new Map<Model, number>();
    catalog.forEach((model, index) => built.set(model, index));
    positions = built;
    catalogPositions.set(catalog, positions);
  }
  return positions;
}

/**
 * A model in a result as it travels: its position in the scenario's catalog, or the model itself should the
 * engine have made one the catalog does not hold. A position crosses as one number instead of a copy of the
 * model, and comes back as the page's own object.
 */
type ModelRef = number | Model;

function toModelRef(model: Model, catalog: readonly Model[]): ModelRef {
  return positionsIn(catalog).get(model) ?? model;
}

function fromModelRef<M extends Model = Model>(ref: ModelRef, catalog: readonly Model[]): M {
  return (typeof ref === 'number' ? catalog[ref] : ref) as M;
}

/** A slice's optimised choice as it travels: its model as a `ModelRef`. */
type PackedChoice = Omit<OptimisedChoice, 'model'> & { model: ModelRef };

/** The optimised assignment as it travels: each choice's model as a `ModelRef`. */
export type PackedOptimiseOutcome = Omit<OptimiseOutcome, 'optimised'> & {
  optimised: Omit<OptimisedAssignment, 'choices' | 'unmet'> & {
    choices: PackedChoice[];
    unmet: PackedChoice[];
  };
};

/** A cascade's break-even as it travels: its steps as `ModelRef`s. */
export type PackedCascadeBreakEven = Omit<CascadeBreakEven, 'steps'> & { steps: ModelRef[] };

/** Capacity against per-token as it travels: each term's model as a `ModelRef`. */
export type PackedCapacityOutcome = Omit<CapacityOutcome, 'terms'> & {
  terms: (Omit<CapacityTermComparison, 'model'> & { model: ModelRef })[];
};

/** Packs a slice's frontier to travel (see `PackedFrontier`). */
function packFrontier(frontier: SliceFrontier, catalog: readonly Model[]): PackedFrontier {
  const positions = positionsIn(catalog);
  const pointIndex = new Map<ParetoPoint, number>();
  const { points, frontier: onFrontier, ...rest } = frontier;
  const packed: PackedFrontier = {
    ...rest,
    modelIndex: new Int32Array(points.length),
    costPerRequest: new Float64Array(points.length),
    quality: new Float64Array(points.length),
    flags: new Uint8Array(points.length),
    frontier: new Int32Array(onFrontier.length),
  };
  points.forEach((point, index) => {
    pointIndex.set(point, index);
    packed.modelIndex[index] = positions.get(point.model) ?? -1;
    packed.costPerRequest[index] = point.costPerRequest;
    packed.quality[index] = point.quality;
    packed.flags[index] = (point.onFrontier ? ON_FRONTIER : 0) | (point.meetsBar ? MEETS_BAR : 0);
  });
  onFrontier.forEach((point, index) => (packed.frontier[index] = pointIndex.get(point) ?? -1));
  return packed;
}

/** A slice's frontier on the page: its points read from the columns the worker sent (`FrontierPoints`). */
export type FrontierOnPage = Omit<SliceFrontier, 'points'> & { points: FrontierPoints };

/**
 * The frontier back on the page: its points kept as the columns they came in, each made into an object with the
 * scenario's own model only when asked for; the frontier's own points (a few dozen) made at once.
 */
function unpackFrontier(packed: PackedFrontier, catalog: readonly Model[]): FrontierOnPage {
  const { modelIndex, costPerRequest, quality, flags, frontier, ...rest } = packed;
  const points = new FrontierPoints({ modelIndex, costPerRequest, quality, flags }, catalog);
  return { ...rest, points, frontier: Array.from(frontier, (index) => points.at(index)) };
}

/**
 * A strategy with its id-keyed records as null-prototype objects again (structured clone gives them
 * `Object.prototype`, under which a slice called `constructor` would find a function).
 */
function restoreStrategy<T extends Strategy>(strategy: T): T {
  switch (strategy.kind) {
    case 'assign':
      return { ...strategy, routes: mapIdRecord(strategy.routes) };
    case 'cascade':
      return { ...strategy, routes: mapIdRecord(strategy.routes) };
    case 'router':
      return {
        ...strategy,
        routes: mapIdRecord(strategy.routes, (shares) => mapIdRecord(shares)),
        ...(strategy.shareRanges && {
          shareRanges: mapIdRecord(strategy.shareRanges, (ranges) => mapIdRecord(ranges)),
        }),
      };
    default:
      return strategy;
  }
}

/** The analyses by name: each takes the scenario and its own arguments, all of them plain data. */
export const analysisTasks = {
  optimise(scenario: Scenario): PackedOptimiseOutcome {
    const optimised = optimiseAssignment(scenario);
    const pack = (choice: OptimisedChoice): PackedChoice => ({
      ...choice,
      model: toModelRef(choice.model, scenario.catalog),
    });
    return {
      optimised: { ...optimised, choices: optimised.choices.map(pack), unmet: optimised.unmet.map(pack) },
      constraints: findBrokenConstraints(scenario, optimised.strategy),
    };
  },
  frontier(scenario: Scenario, sliceIndex: number): PackedFrontier | null {
    const slice = scenario.traffic[sliceIndex];
    if (!slice) return null;
    const frontier = findParetoFrontier(
      slice,
      scenario.catalog,
      scenario.options,
      makeQualityLookup(scenario),
    );
    return packFrontier(frontier, scenario.catalog);
  },
  cascades: (scenario: Scenario): PackedCascadeBreakEven[] =>
    findCascadeBreakEvens(scenario).map((cascade) => ({
      ...cascade,
      steps: cascade.steps.map((model) => toModelRef(model, scenario.catalog)),
    })),
  /** Capacity model `capacityId` against per-token model `perTokenId`, or the one picked when null. */
  capacity(
    scenario: Scenario,
    sliceIndex: number,
    capacityId: string | null,
    perTokenId: string | null,
  ): PackedCapacityOutcome | null {
    const slice = scenario.traffic[sliceIndex];
    if (!slice) return null;
    const { catalog, options } = scenario;
    const auto = pickCheapestMeetingBar(slice, catalog, options, makeQualityLookup(scenario))?.model ?? null;
    const capacity = catalog.find((model) => model.id === capacityId && model.pricing.kind === 'capacity');
    const perToken =
      catalog.find((model) => model.id === perTokenId && model.pricing.kind === 'per-token') ?? auto;
    return {
      autoPerTokenId: auto?.id ?? null,
      breakEven: capacity && perToken ? findCapacityBreakEven(slice, capacity, perToken, options) : null,
      terms: perToken
        ? compareCapacityTerms(scenario, slice, perToken).map((term) => ({
            ...term,
            model: toModelRef(term.model, catalog),
          }))
        : [],
    };
  },
  sensitivity: (scenario: Scenario, strategyId: string, swing: number) =>
    analyseSensitivity(scenario, strategyId, { swing }),
  growthGoal(scenario: Scenario, strategyId: string, months: number): GrowthGoal | null {
    const strategy = findStrategy(scenario, strategyId);
    return strategy ? findMaxUniformGrowth(scenario, strategy, months) : null;
  },
  creditGoal(
    scenario: Scenario,
    strategyId: string,
    months: number,
    appliesTo: readonly string[],
  ): CreditGoal | null {
    const strategy = findStrategy(scenario, strategyId);
    return strategy ? findCreditsNeeded(scenario, strategy, months, appliesTo) : null;
  },
};

/** What the page makes of a result that travelled packed or lost its null prototypes on the way. */
const receivers = {
  optimise: ({ optimised, constraints }: PackedOptimiseOutcome, scenario: Scenario): OptimiseOutcome => {
    const unpack = (choice: PackedChoice): OptimisedChoice => ({
      ...choice,
      model: fromModelRef(choice.model, scenario.catalog),
    });
    return {
      optimised: {
        ...optimised,
        strategy: restoreStrategy(optimised.strategy),
        choices: optimised.choices.map(unpack),
        unmet: optimised.unmet.map(unpack),
      },
      constraints,
    };
  },
  cascades: (cascades: PackedCascadeBreakEven[], scenario: Scenario): CascadeBreakEven[] =>
    cascades.map((cascade) => ({
      ...cascade,
      steps: cascade.steps.map((ref) => fromModelRef(ref, scenario.catalog)),
    })),
  capacity: (outcome: PackedCapacityOutcome | null, scenario: Scenario): CapacityOutcome | null =>
    outcome && {
      ...outcome,
      terms: outcome.terms.map((term) => ({
        ...term,
        model: fromModelRef<CapacityTermComparison['model']>(term.model, scenario.catalog),
      })),
    },
  frontier: (packed: PackedFrontier | null, scenario: Scenario): FrontierOnPage | null =>
    packed && unpackFrontier(packed, scenario.catalog),
};

type AnalysisTasks = typeof analysisTasks;
type Receivers = typeof receivers;
export type AnalysisName = keyof AnalysisTasks;
/** The arguments of an analysis after the scenario. */
export type AnalysisArgs<N extends AnalysisName> = AnalysisTasks[N] extends (
  scenario: Scenario,
  ...args: infer A
) => unknown
  ? A
  : never;
/** An analysis's result as the page uses it. */
export type AnalysisResult<N extends AnalysisName> = N extends keyof Receivers
  ? ReturnType<Receivers[N]>
  : ReturnType<AnalysisTasks[N]>;

/** A result of `runNamedAnalysis`, after structured clone, as the page uses it. */
export function receiveAnalysis<N extends AnalysisName>(
  scenario: Scenario,
  name: N,
  sent: unknown,
): AnalysisResult<N> {
  const receive = (receivers as Partial<Record<AnalysisName, (sent: never, scenario: Scenario) => unknown>>)[
    name
  ];
  return (receive ? receive(sent as never, scenario) : sent) as AnalysisResult<N>;
}

/** Runs the analysis `name` on `scenario`: its result as it travels (see `receiveAnalysis`). */
export function runNamedAnalysis(scenario: Scenario, name: AnalysisName, args: readonly unknown[]): unknown {
  const task = analysisTasks[name] as (scenario: Scenario, ...args: readonly unknown[]) => unknown;
  return task(scenario, ...args);
}

/**
 * The scenario's strategies with their id-keyed records restored (see `restoreStrategy`), for a scenario that
 * came through structured clone.
 */
export function restoreScenario(scenario: Scenario): Scenario {
  return { ...scenario, strategies: scenario.strategies.map(restoreStrategy) };
}
