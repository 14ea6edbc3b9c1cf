import { describe, expect, it } from 'vitest';
import type { CascadeRoute, Scenario, ScenarioInput, Strategy } from '../../../src/domain/scenario-schema';
import { validateScenario, formatIssue } from '../../../src/domain/validate-scenario';
import { serializeScenario } from '../../../src/io/scenario-file';
import {
  addCascadeStep,
  pruneShareRanges,
  removeCascadeStep,
  setEscalationRange,
  setFinanceRange,
  setShareRange,
  setSliceRange,
  withEscalationRange,
  withShareRange,
} from '../../../src/state/scenario-edits';
import { makeTwoSliceScenario } from '../../factories/two-slice-scenario';

/** The two-slice scenario plus a three-step cascade on "main" and a router splitting "main" 70 / 30. */
function makeScenario(): Scenario {
  const input: ScenarioInput = {
    ...makeTwoSliceScenario(),
    strategies: [
      ...makeTwoSliceScenario().strategies,
      {
        id: 'cascade',
        name: 'Cascade',
        kind: 'cascade',
        routes: { main: { steps: ['cheap', 'dear', 'dear'], escalation: [0.2, 0.5] } },
        fallback: 'dear',
      },
      {
        id: 'router',
        name: 'Router',
        kind: 'router',
        routes: { main: { cheap: 0.7, dear: 0.3 } },
        fallback: 'dear',
      },
    ],
  };
  const validated = validateScenario(input);
  if (!validated.ok) throw new Error(validated.issues.map(formatIssue).join('; '));
  return validated.value;
}

function expectValid(scenario: Scenario) {
  const validated = validateScenario(JSON.parse(serializeScenario(scenario)));
  expect(validated.ok ? [] : validated.issues.map(formatIssue)).toEqual([]);
}

function cascadeRoute(scenario: Scenario, sliceId = 'main'): CascadeRoute {
  const strategy = scenario.strategies[2];
  if (strategy?.kind !== 'cascade') throw new Error('strategy 2 is not a cascade');
  return strategy.routes[sliceId]!;
}

function router(scenario: Scenario): Extract<Strategy, { kind: 'router' }> {
  const strategy = scenario.strategies[3];
  if (strategy?.kind !== 'router') throw new Error('strategy 3 is not a router');
  return strategy;
}

describe('setSliceRange', () => {
  it('sets a range beside the likely value, keeps other ranges, and removes the last one cleanly', () => {
    const base = makeScenario();
    const one = setSliceRange(base, 0, 'monthlyGrowth', { low: 0, high: 0.1 });
    expect(one.traffic[0]?.monthlyGrowth).toBe(0);
    expect(one.traffic[0]?.ranges).toEqual({ monthlyGrowth: { low: 0, high: 0.1 } });
    expect(base.traffic[0]?.ranges).toBeUndefined(); // pure
    const two = setSliceRange(one, 0, 'requestsPerMonth', { low: 800_000, high: 1_200_000 });
    expect(two.traffic[0]?.ranges).toEqual({
      monthlyGrowth: { low: 0, high: 0.1 },
      requestsPerMonth: { low: 800_000, high: 1_200_000 },
    });
    expectValid(two);
    const back = setSliceRange(setSliceRange(two, 0, 'monthlyGrowth', null), 0, 'requestsPerMonth', null);
    expect(back.traffic[0]).not.toHaveProperty('ranges');
    expect(back.traffic[1]).toBe(base.traffic[1]);
  });

  it('is written to the file as { low, likely, high } in place of the number', () => {
    const ranged = setSliceRange(makeScenario(), 1, 'requestsPerMonth', { low: 200_000, high: 400_000 });
    const file = JSON.parse(serializeScenario(ranged)) as { traffic: Record<string, unknown>[] };
    expect(file.traffic[1]?.requestsPerMonth).toEqual({ low: 200_000, likely: 250_000, high: 400_000 });
    expect(file.traffic[0]?.requestsPerMonth).toBe(1_000_000);
  });

  it('leaves the scenario alone for a slice that does not exist', () => {
    const base = makeScenario();
    expect(setSliceRange(base, 9, 'inputTokens', { low: 1, high: 2 })).toBe(base);
  });
});

describe('setFinanceRange', () => {
  it('sets and removes a finance range; the file writes it in place', () => {
    const base = makeScenario();
    const ranged = setFinanceRange(base, 'otherMonthlyBurn', { low: 8_000, high: 14_000 });
    expect(ranged.finance.otherMonthlyBurn).toBe(10_000);
    expect(ranged.finance.ranges).toEqual({ otherMonthlyBurn: { low: 8_000, high: 14_000 } });
    const file = JSON.parse(serializeScenario(ranged)) as { finance: Record<string, unknown> };
    expect(file.finance.otherMonthlyBurn).toEqual({ low: 8_000, likely: 10_000, high: 14_000 });
    expectValid(ranged);
    expect(setFinanceRange(ranged, 'otherMonthlyBurn', null).finance).not.toHaveProperty('ranges');
  });
});

describe('cascade escalation ranges', () => {
  it('sets one rate’s range, keeping the list one entry per rate, and drops the list when all are gone', () => {
    const base = makeScenario();
    const ranged = setEscalationRange(base, 2, 'main', 1, { low: 0.3, high: 0.7 });
    expect(cascadeRoute(ranged).escalationRanges).toEqual([null, { low: 0.3, high: 0.7 }]);
    expectValid(ranged);
    const file = JSON.parse(serializeScenario(ranged)) as {
      strategies: { routes: Record<string, { escalation: unknown[] }> }[];
    };
    expect(file.strategies[2]?.routes['main']?.escalation).toEqual([
      0.2,
      { low: 0.3, likely: 0.5, high: 0.7 },
    ]);
    const cleared = setEscalationRange(ranged, 2, 'main', 1, null);
    expect(cascadeRoute(cleared)).not.toHaveProperty('escalationRanges');
  });

  it('ignores a step, slice or strategy that is not there', () => {
    const base = makeScenario();
    expect(setEscalationRange(base, 2, 'hard', 0, { low: 0, high: 1 })).toBe(base);
    expect(setEscalationRange(base, 0, 'main', 0, { low: 0, high: 1 })).toBe(base);
    const route = cascadeRoute(base);
    expect(withEscalationRange(route, 5, { low: 0, high: 1 })).toBe(route);
  });

  it('removes a step together with its rate’s range, and the others stay aligned', () => {
    const route: CascadeRoute = {
      steps: ['a', 'b', 'c'],
      escalation: [0.2, 0.5],
      escalationRanges: [{ low: 0.1, high: 0.3 }, null],
    };
    // Removing step 2 (index 1) drops the rate into it (index 0) and its range.
    expect(removeCascadeStep(route, 1)).toEqual({ steps: ['a', 'c'], escalation: [0.5] });
    // Removing step 3 (index 2) drops rate index 1; the first range stays.
    expect(removeCascadeStep(route, 2)).toEqual({
      steps: ['a', 'b'],
      escalation: [0.2],
      escalationRanges: [{ low: 0.1, high: 0.3 }],
    });
    // Removing the first step drops its outgoing rate (index 0).
    expect(removeCascadeStep(route, 0)).toEqual({ steps: ['b', 'c'], escalation: [0.5] });
  });

  it('adds a step with a rate that has no range, keeping the list aligned', () => {
    const route: CascadeRoute = {
      steps: ['a', 'b'],
      escalation: [0.2],
      escalationRanges: [{ low: 0.1, high: 0.3 }],
    };
    expect(addCascadeStep(route, 'c', 0.1)).toEqual({
      steps: ['a', 'b', 'c'],
      escalation: [0.2, 0.1],
      escalationRanges: [{ low: 0.1, high: 0.3 }, null],
    });
    expect(addCascadeStep({ steps: ['a'], escalation: [] }, 'b', 0.1)).toEqual({
      steps: ['a', 'b'],
      escalation: [0.1],
    });
  });
});

describe('router share ranges', () => {
  it('sets and removes the range of one share', () => {
    const base = makeScenario();
    const ranged = setShareRange(base, 3, 'main', 'cheap', { low: 0.6, high: 0.8 });
    expect(router(ranged).shareRanges?.['main']).toEqual({ cheap: { low: 0.6, high: 0.8 } });
    expectValid(ranged);
    const file = JSON.parse(serializeScenario(ranged)) as {
      strategies: { routes: Record<string, Record<string, unknown>> }[];
    };
    expect(file.strategies[3]?.routes['main']).toEqual({
      cheap: { low: 0.6, likely: 0.7, high: 0.8 },
      dear: 0.3,
    });
    expect(router(setShareRange(ranged, 3, 'main', 'cheap', null))).not.toHaveProperty('shareRanges');
    expect(setShareRange(base, 2, 'main', 'cheap', { low: 0, high: 1 })).toBe(base);
  });

  it('keeps ids such as "__proto__" as ordinary keys', () => {
    const strategy = withShareRange(router(makeScenario()), '__proto__', 'constructor', { low: 0, high: 1 });
    expect(Object.keys(strategy.shareRanges ?? {})).toEqual(['__proto__']);
    expect(Object.keys(strategy.shareRanges!['__proto__']!)).toEqual(['constructor']);
  });

  it('prunes ranges whose model left the split or whose slice went back to the fallback', () => {
    let strategy = withShareRange(router(makeScenario()), 'main', 'cheap', { low: 0.6, high: 0.8 });
    strategy = withShareRange(strategy, 'main', 'dear', { low: 0.2, high: 0.4 });
    const withoutDear = pruneShareRanges({ ...strategy, routes: { ...strategy.routes, main: { cheap: 1 } } });
    expect(withoutDear.shareRanges?.['main']).toEqual({ cheap: { low: 0.6, high: 0.8 } });
    const noRoute = pruneShareRanges({ ...strategy, routes: Object.create(null) as typeof strategy.routes });
    expect(noRoute).not.toHaveProperty('shareRanges');
    expect(pruneShareRanges(strategy)).toBe(strategy);
  });
});
