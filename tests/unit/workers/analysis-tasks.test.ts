/**
 * The analyses as the worker sends them and the page receives them: through structured clone, each result is
 * what the engine gives on the page itself. Small scenario (tests/factories/small-scenario.ts): one slice of
 * 1,000,000 requests/month, 1,000 input + 100 output tokens; "cheap" $0.0012 a request (quality 50), "dear"
 * $0.0045 (quality 90).
 */
import { describe, expect, it } from 'vitest';
import { compareCapacityTerms, findCascadeBreakEvens } from '../../../src/domain/break-even';
import { optimiseAssignment } from '../../../src/domain/optimise';
import { findParetoFrontier } from '../../../src/domain/pareto';
import { makeQualityLookup } from '../../../src/domain/quality';
import type { Scenario, ScenarioInput } from '../../../src/domain/scenario-schema';
import { analyseSensitivity } from '../../../src/domain/sensitivity';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { receiveAnalysis, restoreScenario, runNamedAnalysis } from '../../../src/workers/analysis-tasks';
import type { AnalysisName, FrontierOnPage } from '../../../src/workers/analysis-tasks';
import { makeCatalogScenario } from '../../factories/catalog-scenario';
import { makeSmallScenario } from '../../factories/small-scenario';

function validate(input: ScenarioInput): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error('the test scenario is invalid');
  return result.value;
}

/** What the page gets from the worker: the result cloned, and received. */
function roundTrip(scenario: Scenario, name: AnalysisName, args: readonly unknown[]) {
  const { catalog, ...rest } = structuredClone(scenario);
  const sent = runNamedAnalysis(restoreScenario({ ...rest, catalog }), name, args);
  return receiveAnalysis(scenario, name, structuredClone(sent));
}

/** The small scenario with its slice called "constructor", a name `Object.prototype` also answers to. */
function makeConstructorSliceScenario(): Scenario {
  const input = makeSmallScenario();
  const slice = { ...input.traffic[0]!, id: 'constructor' };
  return validate({
    ...input,
    traffic: [slice],
    strategies: [{ id: 'all-dear', name: 'All on dear', kind: 'single', model: 'dear' }],
  });
}

describe('analysis tasks through structured clone', () => {
  it('gives the frontier with the scenario’s own model objects, the frontier points among the points', () => {
    const scenario = validate(makeSmallScenario());
    const received = roundTrip(scenario, 'frontier', [0]) as FrontierOnPage;
    const direct = findParetoFrontier(
      scenario.traffic[0]!,
      scenario.catalog,
      scenario.options,
      makeQualityLookup(scenario),
    );
    // The points stay the columns they came in; read as objects, they are the frontier computed on the page.
    const { points, ...rest } = received;
    expect({ ...rest, points: [...points] }).toEqual(direct);
    // Cheap ($0.0012, 50) and dear ($0.0045, 90): neither dominates, both on the frontier, cheapest first.
    expect(received.frontier.map((point) => point.model)).toEqual([scenario.catalog[0], scenario.catalog[1]]);
    expect(points.at(0).model).toBe(scenario.catalog.find((model) => model.id === 'cheap'));
    expect(points.costAt(0)).toBeCloseTo(0.0012, 12);
    expect([points.qualityAt(0), points.onFrontierAt(0)]).toEqual([50, true]);
    // A point is made once: the frontier's are the points', and asking again gives the same object.
    expect([...points]).toContain(received.frontier[0]);
    expect(points.at(1)).toBe(points.at(1));
  });

  it('sends each model of the optimised choices, cascade steps and capacity terms as its catalog position', () => {
    // Catalog: cheap (0), dear (1), mistral-small (2), sonnet (3), self-7b (4, capacity).
    const scenario = validate(makeCatalogScenario());
    const { catalog } = scenario;
    const optimise = runNamedAnalysis(scenario, 'optimise', []) as {
      optimised: { choices: { model: unknown }[] };
    };
    // Bar 0 on the one slice: Mistral Small ($0.0002 + $0.00006 a request) is the cheapest model.
    expect(optimise.optimised.choices.map((choice) => choice.model)).toEqual([2]);
    const cascades = runNamedAnalysis(scenario, 'cascades', []) as { steps: unknown[] }[];
    expect(cascades.map((cascade) => cascade.steps)).toEqual([[0, 1]]);
    const capacity = runNamedAnalysis(scenario, 'capacity', [0, 'self-7b', 'dear']) as {
      terms: { model: unknown }[];
    };
    expect(capacity.terms.map((term) => term.model)).toEqual([4]);
    expect(catalog[4]!.id).toBe('self-7b');
  });

  it('gives the optimised choices, cascades and capacity terms with the scenario’s own model objects', () => {
    const scenario = validate(makeCatalogScenario());
    const optimise = roundTrip(scenario, 'optimise', []) as {
      optimised: ReturnType<typeof optimiseAssignment>;
    };
    const direct = optimiseAssignment(scenario);
    expect(optimise.optimised.choices).toEqual(direct.choices);
    expect(optimise.optimised.choices[0]!.model).toBe(scenario.catalog[2]);
    expect(optimise.optimised.unmet).toEqual(direct.unmet);

    const cascades = roundTrip(scenario, 'cascades', []) as ReturnType<typeof findCascadeBreakEvens>;
    expect(cascades).toEqual(findCascadeBreakEvens(scenario));
    expect(cascades[0]!.steps[1]).toBe(scenario.catalog[1]);

    const dear = scenario.catalog[1]!;
    const capacity = roundTrip(scenario, 'capacity', [0, 'self-7b', 'dear']) as {
      terms: ReturnType<typeof compareCapacityTerms>;
    };
    expect(capacity.terms).toEqual(compareCapacityTerms(scenario, scenario.traffic[0]!, dear));
    expect(capacity.terms[0]!.model).toBe(scenario.catalog[4]);
  });

  it('gives no frontier for a slice the scenario does not have', () => {
    expect(roundTrip(validate(makeSmallScenario()), 'frontier', [3])).toBeNull();
  });

  it('keeps the optimised strategy’s routes keyed by id with no prototype, so a slice may be called "constructor"', () => {
    const scenario = makeConstructorSliceScenario();
    const { optimised, constraints } = roundTrip(scenario, 'optimise', []) as {
      optimised: { strategy: { routes: Record<string, string> } };
      constraints: unknown[];
    };
    expect(Object.getPrototypeOf(optimised.strategy.routes)).toBeNull();
    // Bar 0: cheap is the cheapest model that meets it.
    expect(optimised.strategy.routes['constructor']).toBe('cheap');
    expect(constraints).toEqual([]);
  });

  it('gives the same sensitivity analysis as on the page', () => {
    const scenario = validate(makeSmallScenario());
    expect(roundTrip(scenario, 'sensitivity', ['all-cheap', 0.2])).toEqual(
      analyseSensitivity(scenario, 'all-cheap', { swing: 0.2 }),
    );
  });

  it('finds no goal for a strategy the scenario does not have', () => {
    const scenario = validate(makeSmallScenario());
    expect(roundTrip(scenario, 'growthGoal', ['gone', 12])).toBeNull();
    expect(roundTrip(scenario, 'creditGoal', ['gone', 12, ['*']])).toBeNull();
  });
});
