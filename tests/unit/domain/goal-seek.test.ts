/**
 * Worked examples of goal seeking (src/domain/goal-seek.ts) on the small scenario: one slice of 1,000,000
 * requests/month at $0.0012 on "cheap" ($1,200 a month), other burn $10,000/month, cash $100,000, a $10,000
 * Bedrock pool that never expires, 12 months.
 *
 * "All on cheap", no growth, month by month:
 *   months 0–7: the pool pays $1,200 each ($9,600 in all); cash falls $10,000 a month → $20,000 after month 7
 *   month 8:    the pool pays its last $400, cash pays $800 → 20,000 − 10,000 − 800 = $9,200
 *   month 9:    cash pays all: 9,200 − 11,200 = −$2,000 → runwayMonths = 9 (cash lasts 9 months)
 *   month 10:   −13,200;  month 11: −24,400
 */
import { describe, expect, it } from 'vitest';
import {
  GROWTH_TOLERANCE,
  findCreditsNeeded,
  findMaxUniformGrowth,
  withUniformGrowth,
} from '../../../src/domain/goal-seek';
import type { Scenario, ScenarioInput, Strategy } from '../../../src/domain/scenario-schema';
import { simulateStrategy } from '../../../src/domain/simulate';
import { formatIssue, validateScenario } from '../../../src/domain/validate-scenario';
import { makeSmallScenario } from '../../factories/small-scenario';

const MONEY_DIGITS = 6;
const GROWTH_DIGITS = 6;

function makeScenario(change: (input: ScenarioInput) => ScenarioInput = (input) => input): Scenario {
  const result = validateScenario(change(makeSmallScenario()));
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}

function allOnCheap(scenario: Scenario): Strategy {
  const found = scenario.strategies.find((strategy) => strategy.id === 'all-cheap');
  if (!found) throw new Error('no all-cheap strategy');
  return found;
}

describe('withUniformGrowth', () => {
  it('sets every slice’s growth and drops a growth range that no longer applies', () => {
    const scenario = makeScenario((input) => ({
      ...input,
      traffic: [
        ...input.traffic,
        { id: 'b', name: 'B', requestsPerMonth: 5, inputTokens: 1, outputTokens: 1, monthlyGrowth: 0.3 },
      ],
    }));
    const ranged = {
      ...scenario,
      traffic: scenario.traffic.map((slice) => ({
        ...slice,
        ranges: { monthlyGrowth: { low: 0, high: 0.5 } },
      })),
    };
    const grown = withUniformGrowth(ranged, 0.07);
    expect(grown.traffic.map((slice) => slice.monthlyGrowth)).toEqual([0.07, 0.07]);
    expect(grown.traffic[0]?.ranges).toEqual({});
    expect(ranged.traffic[1]?.monthlyGrowth).toBe(0.3); // the input is untouched
  });
});

describe('findMaxUniformGrowth', () => {
  /** No credits, no burn: cash pays only the AI bill of 1,200 · (1 + g)^t a month. */
  function onlyAiBill(cashOnHand: number) {
    return makeScenario((input) => ({ ...input, credits: [], finance: { cashOnHand, otherMonthlyBurn: 0 } }));
  }

  it('solves 1,200 · (1 + x) ≤ 3,000 for two months: 50 %/month', () => {
    // Months 0 and 1 cost 1,200 + 1,200 · (1 + g) ≤ 3,000 → g ≤ 0.5.
    const scenario = onlyAiBill(3000);
    const goal = findMaxUniformGrowth(scenario, allOnCheap(scenario), 2);
    expect(goal.status).toBe('growth');
    expect(goal.maxMonthlyGrowth).toBeCloseTo(0.5, GROWTH_DIGITS);
    expect(goal.result.runwayMonths === null || goal.result.runwayMonths >= 2).toBe(true);
  });

  it('solves 1,200 · (1 + x + x²) ≤ 3,972 for three months: 10 %/month', () => {
    // 1,200 · (1 + 1.1 + 1.21) = 1,200 · 3.31 = 3,972.
    const scenario = onlyAiBill(3972);
    const goal = findMaxUniformGrowth(scenario, allOnCheap(scenario), 3);
    expect(goal.maxMonthlyGrowth).toBeCloseTo(0.1, GROWTH_DIGITS);
    // Just above the answer, cash runs out in month 2.
    const over = simulateStrategy(
      withUniformGrowth(scenario, goal.maxMonthlyGrowth! + 2 * GROWTH_TOLERANCE),
      allOnCheap(scenario),
    );
    expect(over.runwayMonths).toBe(2);
  });

  it('works with credits and burn: the small scenario carried 9 months', () => {
    // Months 0–8 must close ≥ 0: 100,000 − 9 · 10,000 − max(0, S − 10,000) ≥ 0, with S the AI spend of months 0–8,
    // so S ≤ 20,000: 1,200 · ((1 + g)^9 − 1) / g ≤ 20,000 → (1 + g)^9 − 1 ≤ 16.667 g. At g = 0 S is 10,800, fine;
    // at g = 0.1483: 1.1483^9 = 3.4713 → 2.4713 ≈ 16.667 · 0.1483 = 2.4717, the crossing.
    const scenario = makeScenario();
    const goal = findMaxUniformGrowth(scenario, allOnCheap(scenario), 9);
    const g = goal.maxMonthlyGrowth!;
    const spendNineMonths = (1200 * (Math.pow(1 + g, 9) - 1)) / g;
    expect(spendNineMonths).toBeCloseTo(20_000, 2);
    expect(g).toBeCloseTo(0.1483, 4);
  });

  it('is unreachable when cash runs out whatever the growth, unbounded when it never does', () => {
    // $1,000 cannot pay month 0's $1,200, which growth does not change.
    const poor = onlyAiBill(1000);
    expect(findMaxUniformGrowth(poor, allOnCheap(poor), 1)).toMatchObject({
      status: 'unreachable',
      maxMonthlyGrowth: null,
    });
    // At +1,000 %/month, 8 months cost 1,200 · (11^8 − 1) / 10 ≈ $2.6e10: $1e12 (the most cash a plan holds)
    // is enough.
    const rich = onlyAiBill(1e12);
    expect(findMaxUniformGrowth(rich, allOnCheap(rich), 8).status).toBe('unbounded');
  });

  it('caps the months at the horizon', () => {
    const scenario = onlyAiBill(3000);
    expect(findMaxUniformGrowth(scenario, allOnCheap(scenario), 50).months).toBe(12);
  });
});

describe('findCreditsNeeded', () => {
  it('is zero when cash already lasts', () => {
    // Runway is 9: cash lasts 9 months already.
    const scenario = makeScenario();
    expect(findCreditsNeeded(scenario, allOnCheap(scenario), 9)).toMatchObject({
      status: 'enough',
      amount: 0,
    });
  });

  it('pays the shortfall of month 9: $2,000 for 10 months', () => {
    // Cash closes month 9 at −$2,000 and the AI spend paid in cash up to then is 800 + 1,200 = $2,000: exactly
    // enough for a $2,000 pool to cover it.
    const scenario = makeScenario();
    const goal = findCreditsNeeded(scenario, allOnCheap(scenario), 10);
    expect(goal.status).toBe('amount');
    expect(goal.amount).toBeCloseTo(2000, MONEY_DIGITS);
    expect(goal.pool).toMatchObject({ startMonth: 0, expiresAfterMonths: null, appliesTo: ['*'] });
    expect(goal.result.runwayMonths).toBe(10);
    // A cent less is not enough.
    const less = simulateStrategy(
      { ...scenario, credits: [...scenario.credits, { ...goal.pool, amount: 1999.99 }] },
      allOnCheap(scenario),
    );
    expect(less.runwayMonths).toBe(9);
  });

  it('cannot pay the other burn: 12 months are out of reach', () => {
    // Credits pay AI spend only. With all of it paid, cash still falls $10,000 a month: it closes month 9 at $0
    // and month 10 at −$10,000.
    const scenario = makeScenario();
    const goal = findCreditsNeeded(scenario, allOnCheap(scenario), 12);
    expect(goal).toMatchObject({ status: 'unreachable', amount: null, shortMonth: 10 });
  });

  it('with $8,000 of other burn, 12 months need $400', () => {
    // Months 0–7: −8,000 → $36,000; month 8: −8,800 → 27,200; month 9: −9,200 → 18,000; month 10: 8,800;
    // month 11: −400. Cash paid $800 + 3 · $1,200 = $4,400 of AI spend by then: a $400 pool is enough.
    const scenario = makeScenario((input) => ({
      ...input,
      finance: { cashOnHand: 100_000, otherMonthlyBurn: 8000 },
    }));
    const goal = findCreditsNeeded(scenario, allOnCheap(scenario), 12);
    expect(goal.amount).toBeCloseTo(400, MONEY_DIGITS);
    expect(goal.result.runwayMonths).toBeNull();
  });

  it('only counts spend on the platforms the new pool covers', () => {
    // Move cheap to Vertex: the Bedrock pool pays nothing, cash falls $11,200 a month and closes month 8 at −$800.
    const scenario = makeScenario((input) => ({
      ...input,
      catalog: input.catalog.map((model) =>
        model.id === 'cheap' ? { ...model, platform: 'vertex' } : model,
      ),
    }));
    expect(findCreditsNeeded(scenario, allOnCheap(scenario), 9, ['bedrock'])).toMatchObject({
      status: 'unreachable',
      shortMonth: 8,
    });
    const anywhere = findCreditsNeeded(scenario, allOnCheap(scenario), 9);
    expect(anywhere.amount).toBeCloseTo(800, MONEY_DIGITS);
    expect(findCreditsNeeded(scenario, allOnCheap(scenario), 9, ['vertex']).amount).toBeCloseTo(
      800,
      MONEY_DIGITS,
    );
  });

  it('names the new pool apart from existing ones', () => {
    const scenario = makeScenario((input) => ({
      ...input,
      credits: [...(input.credits ?? []), { id: 'extra-credits', name: 'Taken', amount: 0 }],
    }));
    expect(findCreditsNeeded(scenario, allOnCheap(scenario), 10).pool.id).toBe('extra-credits-2');
  });
});
