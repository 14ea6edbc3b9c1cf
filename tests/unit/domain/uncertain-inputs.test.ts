import { describe, expect, it } from 'vitest';
import {
  findInputReach,
  isPolicyInput,
  listUncertainInputs,
  withInputValues,
} from '../../../src/domain/uncertain-inputs';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { makeSmallScenario } from '../../factories/small-scenario';

function scenarioWithRanges() {
  const input = makeSmallScenario();
  const document = JSON.parse(JSON.stringify(input));
  document.traffic[0].monthlyGrowth = { low: 0, likely: 0.05, high: 0.1 };
  document.finance.otherMonthlyBurn = { low: 8000, likely: 10000, high: 15000 };
  document.strategies.push({
    id: 'router',
    name: 'Router',
    kind: 'router',
    routes: { main: { cheap: { low: 0.5, likely: 0.7, high: 0.9 }, dear: 0.3 } },
  });
  const validated = validateScenario(document);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return validated.value;
}

describe('listUncertainInputs', () => {
  it('lists only ranged inputs by default, with their file paths', () => {
    const inputs = listUncertainInputs(scenarioWithRanges());
    expect(inputs.map((i) => [i.key, i.path, i.low, i.likely, i.high])).toEqual([
      ['traffic/main/monthlyGrowth', 'traffic[0].monthlyGrowth', 0, 0.05, 0.1],
      ['finance/otherMonthlyBurn', 'finance.otherMonthlyBurn', 8000, 10000, 15000],
      ['strategies/router/main/share/cheap', 'strategies[2].routes.main.cheap', 0.5, 0.7, 0.9],
    ]);
  });

  it('gives unranged inputs a ±20 % swing kept inside their limits', () => {
    const inputs = listUncertainInputs(scenarioWithRanges(), { includeUnranged: true });
    const byKey = new Map(inputs.map((i) => [i.key, i]));
    // 1,000,000 requests ± 20 %.
    expect(byKey.get('traffic/main/requestsPerMonth')).toMatchObject({
      low: 800_000,
      high: 1_200_000,
      ranged: false,
    });
    // A hit rate of 0 stays 0 (a fraction of nothing); growth of 0 revenue swings by at least 1 point.
    expect(byKey.get('traffic/main/cacheHitRate')).toMatchObject({ low: 0, high: 0 });
    expect(byKey.get('finance/revenueGrowth')).toMatchObject({ low: -0.01, high: 0.01 });
    // The share without a range gets the default swing: 0.3 ± 20 % = 0.24..0.36.
    expect(byKey.get('strategies/router/main/share/dear')?.low).toBeCloseTo(0.24, 12);
  });
});

describe('default swing limits', () => {
  it('keeps rates inside 0–1 and counts at 0 or more, whatever the swing', () => {
    const document = JSON.parse(JSON.stringify(makeSmallScenario()));
    document.traffic[0].cacheHitRate = 0.9;
    document.traffic[0].batchShare = 0.5;
    document.strategies.push({
      id: 'cascade',
      name: 'Cascade',
      kind: 'cascade',
      routes: { main: { steps: ['cheap', 'dear'], escalation: [0.9] } },
    });
    const validated = validateScenario(document);
    if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
    // A swing of 150 %: 0.9 × 2.5 = 2.25 is cut to 1, 0.9 × −0.5 to 0; 1,000,000 × −0.5 requests to 0.
    const inputs = listUncertainInputs(validated.value, { includeUnranged: true, swing: 1.5 });
    const byKey = new Map(inputs.map((i) => [i.key, i]));
    for (const key of [
      'traffic/main/cacheHitRate',
      'traffic/main/batchShare',
      'strategies/cascade/main/escalation/0',
    ]) {
      expect(byKey.get(key), key).toMatchObject({ low: 0, high: 1 });
    }
    expect(byKey.get('traffic/main/requestsPerMonth')).toMatchObject({ low: 0, high: 2_500_000 });
    expect(byKey.get('traffic/main/inputTokens')).toMatchObject({ low: 0, high: 2_500 });
  });

  it('names the quality bar a policy, and nothing else', () => {
    const inputs = listUncertainInputs(scenarioWithRanges(), { includeUnranged: true });
    expect(inputs.filter(isPolicyInput).map((i) => i.key)).toEqual(['traffic/main/qualityBar']);
    // A slice whose id ends like the field is still judged by the field at the end of the key.
    expect(isPolicyInput({ key: 'traffic/qualityBar/requestsPerMonth' })).toBe(false);
  });
});

describe('withInputValues', () => {
  it('sets the named inputs and leaves the rest', () => {
    const scenario = scenarioWithRanges();
    const changed = withInputValues(scenario, new Map([['traffic/main/monthlyGrowth', 0.1]]));
    expect(changed.traffic[0]?.monthlyGrowth).toBe(0.1);
    expect(changed.finance).toBe(scenario.finance);
    expect(scenario.traffic[0]?.monthlyGrowth).toBe(0.05);
  });

  it('rescales router shares to sum to 1', () => {
    // cheap 0.9, dear 0.3 → total 1.2 → 0.75 and 0.25.
    const changed = withInputValues(
      scenarioWithRanges(),
      new Map([['strategies/router/main/share/cheap', 0.9]]),
    );
    const router = changed.strategies[2];
    if (router?.kind !== 'router') throw new Error('expected the router');
    expect(router.routes['main']?.['cheap']).toBeCloseTo(0.75, 12);
    expect(router.routes['main']?.['dear']).toBeCloseTo(0.25, 12);
  });
});

describe('findInputReach', () => {
  it('says which slices each strategy re-plans and whether requests or cash change', () => {
    const scenario = scenarioWithRanges();
    // Strategies: two from the small scenario, then the router added above; one slice, "main".
    expect(scenario.strategies.map((strategy) => strategy.id)).toHaveLength(3);
    // Growth and burn only move requests and cash: no plan changes.
    expect(findInputReach(scenario, ['traffic/main/monthlyGrowth', 'finance/otherMonthlyBurn'])).toEqual({
      drivers: true,
      replan: [[], [], []],
    });
    // The router's share re-plans its own slice under the router only.
    expect(findInputReach(scenario, ['strategies/router/main/share/cheap'])).toEqual({
      drivers: false,
      replan: [[], [], [0]],
    });
    // A slice's tokens re-plan that slice under every strategy; unknown keys reach nothing.
    expect(findInputReach(scenario, ['traffic/main/inputTokens', 'traffic/nowhere/inputTokens'])).toEqual({
      drivers: false,
      replan: [[0], [0], [0]],
    });
  });
});
