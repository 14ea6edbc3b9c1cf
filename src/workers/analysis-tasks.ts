/**
 * The analyses of the Optimise and Uncertainty screens, by name: what the analysis worker runs, and what the page
 * runs itself where there is no Worker (tests in jsdom). Each calls the engine as the screens did; results
 * travel back by structured clone, so per-model results carry catalog positions, not copies of the models.
 */
import { compareCapacityTerms, findCapacityBreakEven, findCascadeBreakEvens } from '../domain/break-even';
import type { CapacityBreakEven, CapacityTermComparison } from '../domain/break-even';
import { findCreditsNeeded, findMaxUniformGrowth } from '../domain/goal-seek';
import type { CreditGoal, GrowthGoal } from '../domain/goal-seek';
import { mapIdRecord } from '../domain/id-record';
import { optimiseAssignment } from '../domain/optimise';
import type { OptimisedAssignment } from '../domain/optimise';
import { findParetoFrontier } from '../domain/pareto';
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
export type PackedFrontier = Omit<SliceFrontier, 'points' | 'frontier'> & {
  modelIndex: Int32Array;
  costPerRequest: Float64Array;
  quality: Float64Array;
  /** `ON_FRONTIER` and `MEETS_BAR` bits. */
  flags: Uint8Array;
  frontier: Int32Array;
};

function findStrategy(scenario: Scenario, strategyId: string): Strategy | null {
  return scenario.strategies.find((strategy) => strategy.id === strategyId) ?? null;
}

const ON_FRONTIER = 1;
const MEETS_BAR = 2;

function packFrontier(frontier: SliceFrontier, catalog: readonly Model[]): PackedFrontier {
  const positions = new Map<Model, number>();
  catalog.forEach((model, index) => positions.set(model, index));
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

/** The frontier back on the page: each point with the scenario's own model object. */
function unpackFrontier(packed: PackedFrontier, catalog: readonly Model[]): SliceFrontier {
  const { modelIndex, costPerRequest, quality, flags, frontier, ...rest } = packed;
  const points = Array.from(modelIndex, (position, index): ParetoPoint => ({
    model: catalog[position] as ParetoPoint['model'],
    costPerRequest: costPerRequest[index] ?? NaN,
    quality: quality[index] ?? NaN,
    onFrontier: ((flags[index] ?? 0) & ON_FRONTIER) !== 0,
    meetsBar: ((flags[index] ?? 0) & MEETS_BAR) !== 0,
  }));
  return { ...rest, points, frontier: Array.from(frontier, (index) => points[index] as ParetoPoint) };
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
  optimise(scenario: Scenario): OptimiseOutcome {
    const optimised = optimiseAssignment(scenario);
    return { optimised, constraints: findBrokenConstraints(scenario, optimised.strategy) };
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
  cascades: (scenario: Scenario) => findCascadeBreakEvens(scenario),
  /** Capacity model `capacityId` against per-token model `perTokenId`, or the one picked when null. */
  capacity(
    scenario: Scenario,
    sliceIndex: number,
    capacityId: string | null,
    perTokenId: string | null,
  ): CapacityOutcome | null {
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
      terms: perToken ? compareCapacityTerms(scenario, slice, perToken) : [],
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
  optimise: (outcome: OptimiseOutcome): OptimiseOutcome => ({
    ...outcome,
    optimised: { ...outcome.optimised, strategy: restoreStrategy(outcome.optimised.strategy) },
  }),
  frontier: (packed: PackedFrontier | null, scenario: Scenario): SliceFrontier | null =>
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
