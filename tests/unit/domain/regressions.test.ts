/**
 * Named regression tests: each pins a bug once found, or a counterexample the property tests turned up.
 */
import { describe, expect, it } from 'vitest';
import { planScenario } from '../../../src/domain/plan-scenario';
import { formatIssue, validateScenario } from '../../../src/domain/validate-scenario';
import {
  createCapacityModel,
  createPerTokenModel,
  createScenario,
  createSlice,
  getMonth,
  simulateStrategyById,
} from '../../factories/scenario-builders';

function linesOf(document: unknown): string[] {
  const result = validateScenario(document);
  return result.ok ? [] : result.issues.map(formatIssue);
}

const MINIMAL = { schemaVersion: 1, catalog: [], traffic: [], strategies: [] };

describe('regression: a value of the wrong type was reported as "is required"', () => {
  it('says what type a field needs when the value has another type', () => {
    expect(
      linesOf({
        ...MINIMAL,
        traffic: [{ id: 's', name: 'S', requestsPerMonth: '2000000', inputTokens: 600, outputTokens: true }],
      }),
    ).toEqual(['traffic[0].requestsPerMonth: must be a number', 'traffic[0].outputTokens: must be a number']);
    expect(linesOf({ ...MINIMAL, name: 42 })).toEqual(['name: must be text']);
  });

  it('says a whole number is needed for a fractional count', () => {
    expect(linesOf({ ...MINIMAL, horizonMonths: 12.5 })).toEqual(['horizonMonths: must be a whole number']);
    expect(
      linesOf({
        ...MINIMAL,
        credits: [{ id: 'p', name: 'P', amount: 1, startMonth: 1.5, expiresAfterMonths: 2.5 }],
      }),
    ).toEqual([
      'credits[0].startMonth: must be a whole number',
      'credits[0].expiresAfterMonths: must be a whole number',
    ]);
  });

  it('still says "is required" when the field is missing', () => {
    expect(linesOf({ schemaVersion: 1, traffic: [], strategies: [] })).toEqual(['catalog: is required']);
  });
});

describe('regression: planScenario passed an infinite creditsExpired', () => {
  it('rejects credit pools whose expiring balances overflow, naming the credits', () => {
    // 1,001 pools of $1e12 expire unused at the end of month 0: $1.001e15 is beyond the $1e15 limit (the same
    // rule that once refused two pools of $1.7e308, beyond a double).
    const pool = { name: 'Huge', amount: 1e12, expiresAfterMonths: 1 };
    const result = planScenario({
      ...MINIMAL,
      horizonMonths: 2,
      catalog: [
        {
          id: 'm',
          name: 'M',
          provider: 'P',
          platform: 'bedrock',
          pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 1 },
        },
      ],
      strategies: [{ id: 's', name: 'Single', kind: 'single', model: 'm' }],
      credits: Array.from({ length: 1001 }, (_, i) => ({ id: `pool-${i}`, ...pool })),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue)).toEqual([
      'credits: the credit pools overflow under "Single" (over $1,000,000,000,000,000, the most a plan may reach): their amounts are too large to compute',
    ]);
  });
});

/** Month figures here are under $20,000; 9 digits checks them to half a billionth of a dollar. */
const DOLLAR_DIGITS = 9;

describe('property counterexample: caching can raise spend when reads cost more than input', () => {
  it('charges the read price on hits even when it is above the input price', () => {
    // Shrunk from "caching never raises spend when cache writes ≤ input": the model's cache-read price ($2) was above
    // its input price ($1). 1,000 calls of 600 in (400 cached prefix, every call a hit), no output:
    //   without caching 600 · 1e-6 = $0.0006 a call → $0.60
    //   with caching    200 · 1e-6 + 400 · 2e-6 = 0.0002 + 0.0008 = $0.001 a call → $1.00, a "saving" of −$0.40
    // DESIGN.md's formula allows this, so the property now caps both cache prices at the input price.
    const model = createPerTokenModel('odd', { inputPerMTok: 1, outputPerMTok: 0, cacheReadPerMTok: 2 });
    const slice = createSlice(
      's',
      { requestsPerMonth: 1000, inputTokens: 600, outputTokens: 0 },
      { cachedPrefixTokens: 400, cacheHitRate: 1 },
    );
    const result = simulateStrategyById(
      createScenario({
        catalog: [model],
        traffic: [slice],
        strategies: [{ id: 'x', name: 'X', kind: 'single', model: 'odd' }],
      }),
      'x',
    );
    expect(getMonth(result).spend).toBeCloseTo(1, DOLLAR_DIGITS);
    expect(getMonth(result).listSpend).toBeCloseTo(0.6, DOLLAR_DIGITS);
    expect(getMonth(result).savings.caching).toBeCloseTo(-0.4, DOLLAR_DIGITS);
  });
});

describe('property counterexample: a capacity model reached by a tiny escalation share', () => {
  it('splits the bill by tokens as soon as any token reaches the model, however few', () => {
    // Shrunk from the reference comparison (there with a 5e-324 escalation, where the two implementations underflowed
    // differently). Cascade for "b": cheap, then mixtral for a 1e-9 share of 1,000 requests of 450 tokens
    // (4.5e-4 tokens). Slice "valueOf" names mixtral with no requests. Mixtral's minimum unit ($2,993) therefore goes
    // by tokens: all of it to "b", none to "valueOf" (an equal split applies only when no token at all reaches it).
    const cheap = createPerTokenModel('cheap', { inputPerMTok: 0, outputPerMTok: 0 });
    const mixtral = createCapacityModel('mixtral', {
      hourlyPerUnit: 4.1,
      tokensPerMinutePerUnit: 60000,
      minUnits: 1,
    });
    const scenario = createScenario({
      catalog: [cheap, mixtral],
      traffic: [
        createSlice('b', { requestsPerMonth: 1000, inputTokens: 0, outputTokens: 450 }),
        createSlice('valueOf', { requestsPerMonth: 0, inputTokens: 0, outputTokens: 0 }),
      ],
      strategies: [
        {
          id: 'c',
          name: 'Cascade',
          kind: 'cascade',
          routes: {
            b: { steps: ['cheap', 'mixtral'], escalation: [1e-9] },
            valueOf: { steps: ['mixtral'], escalation: [] },
          },
        },
      ],
    });
    const month = getMonth(simulateStrategyById(scenario, 'c'));
    expect(month.bySlice['b']).toBeCloseTo(2993, DOLLAR_DIGITS);
    expect(month.bySlice['valueOf']).toBe(0);
  });
});
