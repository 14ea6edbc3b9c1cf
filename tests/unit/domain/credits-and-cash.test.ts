/**
 * Worked examples of credit pools, cash and runway (DESIGN.md, "Credits and cash").
 *
 * Every example spends exactly $1,000 a month per slice: 1,000,000 requests of 1,000 input tokens at $1 per
 * million tokens (1,000 · 1e-6 = $0.001 a request), on "bedrock" unless it says "azure".
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/domain/scenario-schema';
import type { StrategyResult } from '../../../src/domain/simulate';
import {
  createPerTokenModel,
  createScenario,
  createSlice,
  getMonth,
  simulateStrategyById,
} from '../../factories/scenario-builders';

/** Figures are up to ~$10,000; 9 digits checks them to half a billionth of a dollar. */
const DOLLAR_DIGITS = 9;

const BEDROCK = createPerTokenModel('bedrock:m', { inputPerMTok: 1, outputPerMTok: 0 });
const AZURE = createPerTokenModel('azure:m', { inputPerMTok: 1, outputPerMTok: 0 }, { platform: 'azure' });
const THOUSAND_A_MONTH = { requestsPerMonth: 1_000_000, inputTokens: 1000, outputTokens: 0 };

type PoolInput = NonNullable<ScenarioInput['credits']>[number];

function pool(id: string, amount: number, extra: Partial<PoolInput> = {}): PoolInput {
  return { id, name: id, amount, ...extra };
}

/** One $1,000/month slice on bedrock, under one strategy. */
function runBedrock(
  horizonMonths: number,
  credits: PoolInput[],
  finance?: ScenarioInput['finance'],
): StrategyResult {
  const scenario = createScenario({
    horizonMonths,
    catalog: [BEDROCK],
    traffic: [createSlice('s', THOUSAND_A_MONTH)],
    strategies: [{ id: 'x', name: 'Bedrock', kind: 'single', model: 'bedrock:m' }],
    credits,
    ...(finance ? { finance } : {}),
  });
  return simulateStrategyById(scenario, 'x');
}

/** Slice "a" on azure and slice "b" on bedrock: $1,000 a month each. */
function runTwoPlatforms(horizonMonths: number, credits: PoolInput[]): StrategyResult {
  const scenario = createScenario({
    horizonMonths,
    catalog: [BEDROCK, AZURE],
    traffic: [createSlice('b', THOUSAND_A_MONTH), createSlice('a', THOUSAND_A_MONTH)],
    strategies: [{ id: 'x', name: 'Both', kind: 'assign', routes: { a: 'azure:m', b: 'bedrock:m' } }],
    credits,
  });
  return simulateStrategyById(scenario, 'x');
}

function drawnEachMonth(result: StrategyResult, poolId: string): number[] {
  return result.months.map((month) => month.creditsDrawn[poolId] ?? NaN);
}

describe('drawing credits', () => {
  it('draws the pool that ends soonest first, and a never-expiring pool last', () => {
    // forever: $5,000, never expires (listed first); soon: $1,500, months 0–2.
    // month 0: soon pays 1,000 (500 left)   month 1: soon 500 (empty), forever 500
    // month 2: soon is empty, forever 1,000   month 3: forever 1,000 → forever has 2,500 left
    const result = runBedrock(4, [pool('forever', 5000), pool('soon', 1500, { expiresAfterMonths: 3 })]);
    expect(drawnEachMonth(result, 'soon')).toEqual([1000, 500, 0, 0]);
    expect(drawnEachMonth(result, 'forever')).toEqual([0, 500, 1000, 1000]);
    expect(getMonth(result, 3).creditBalances['forever']).toBeCloseTo(2500, DOLLAR_DIGITS);
    expect(result.totals.creditsUsed).toBeCloseTo(4000, DOLLAR_DIGITS);
    expect(result.totals.cashSpentOnAI).toBe(0);
    expect(result.creditsExhaustedMonth).toBeNull();
  });

  it('draws pools ending in the same month in list order', () => {
    // first and second both end after month 1; first pays 700, second the other 300.
    const result = runBedrock(1, [
      pool('first', 700, { expiresAfterMonths: 2 }),
      pool('second', 700, { expiresAfterMonths: 2 }),
    ]);
    expect(getMonth(result).creditsDrawn['first']).toBeCloseTo(700, DOLLAR_DIGITS);
    expect(getMonth(result).creditsDrawn['second']).toBeCloseTo(300, DOLLAR_DIGITS);
  });

  it('pays only the platforms a pool covers', () => {
    // azure-only pool ($5,000): pays azure's $1,000; bedrock's $1,000 is paid in cash.
    // No pool covers bedrock, so that cash does not mean the credits ran out.
    const result = runTwoPlatforms(1, [pool('azure-only', 5000, { appliesTo: ['azure'] })]);
    const month = getMonth(result);
    expect(month.creditsDrawn['azure-only']).toBeCloseTo(1000, DOLLAR_DIGITS);
    expect(month.cashSpentOnAI).toBeCloseTo(1000, DOLLAR_DIGITS);
    expect(result.creditsExhaustedMonth).toBeNull();
  });

  it('pays platforms in alphabetical order, and counts covered spend whether or not its pool is still active', () => {
    // star: $1,500 on every platform, ends after month 11; bed: $10,000 on bedrock, never ends.
    // month 0: star goes first (ends sooner) and pays azure 1,000, then bedrock 500 (empty); bed pays bedrock's 500.
    // month 1: star is empty; bed pays bedrock 1,000; azure's 1,000 goes to cash. Azure is covered by star ("*"),
    //          so credits ran out in month 1.
    const result = runTwoPlatforms(2, [
      pool('star', 1500, { expiresAfterMonths: 12, appliesTo: ['*'] }),
      pool('bed', 10000, { appliesTo: ['bedrock'] }),
    ]);
    expect(drawnEachMonth(result, 'star')).toEqual([1500, 0]);
    expect(drawnEachMonth(result, 'bed')).toEqual([500, 1000]);
    expect(getMonth(result, 0).cashSpentOnAI).toBe(0);
    expect(getMonth(result, 1).cashSpentOnAI).toBeCloseTo(1000, DOLLAR_DIGITS);
    expect(result.creditsExhaustedMonth).toBe(1);
  });

  it('waits for a pool’s start month, and shows its full balance before then', () => {
    // later: $5,000 from month 2. Months 0–1 are paid in cash ($2,000), months 2–3 from the pool ($3,000 left).
    // Cash before the earliest pool starts does not count as credits running out.
    const result = runBedrock(4, [pool('later', 5000, { startMonth: 2 })]);
    expect(drawnEachMonth(result, 'later')).toEqual([0, 0, 1000, 1000]);
    expect(getMonth(result, 0).creditBalances['later']).toBe(5000);
    expect(result.totals.cashSpentOnAI).toBeCloseTo(2000, DOLLAR_DIGITS);
    expect(result.creditsExhaustedMonth).toBeNull();
  });

  it('names the first month covered spend is paid from cash', () => {
    // $2,500, never expires: months 0 and 1 fully, month 2 pays 500 and $500 goes to cash → exhausted in month 2
    const result = runBedrock(4, [pool('small', 2500)]);
    expect(drawnEachMonth(result, 'small')).toEqual([1000, 1000, 500, 0]);
    expect(getMonth(result, 2).cashSpentOnAI).toBeCloseTo(500, DOLLAR_DIGITS);
    expect(result.creditsExhaustedMonth).toBe(2);
  });

  it('has no exhausted month when there are no pools', () => {
    const result = runBedrock(3, []);
    expect(result.creditsExhaustedMonth).toBeNull();
    expect(result.totals.cashSpentOnAI).toBeCloseTo(3000, DOLLAR_DIGITS);
    expect(getMonth(result).creditsDrawn).toEqual({});
  });

  it('lists every pool every month, 0 when it drew nothing, with ids like "__proto__"', () => {
    const result = runBedrock(2, [pool('__proto__', 1500, { startMonth: 1 }), pool('constructor', 0)]);
    // month 0: __proto__ has not started, constructor is empty → both 0; all $1,000 paid in cash.
    expect(Object.keys(getMonth(result, 0).creditsDrawn).sort()).toEqual(['__proto__', 'constructor']);
    expect(getMonth(result, 0).creditsDrawn['__proto__']).toBe(0);
    expect(getMonth(result, 0).creditsDrawn['constructor']).toBe(0);
    expect(getMonth(result, 1).creditsDrawn['__proto__']).toBeCloseTo(1000, DOLLAR_DIGITS);
  });
});

describe('expiry', () => {
  it('expires the balance left at the end of a pool’s last month', () => {
    // $5,000 for 2 months: draws 1,000 in months 0 and 1, then $3,000 expires at the end of month 1.
    // Month 2 is paid in cash → credits ran out in month 2.
    const result = runBedrock(3, [pool('poc', 5000, { expiresAfterMonths: 2 })]);
    expect(getMonth(result, 1).creditsExpired).toBeCloseTo(3000, DOLLAR_DIGITS);
    expect(getMonth(result, 1).creditBalances['poc']).toBe(0);
    expect(result.totals.creditsExpired).toBeCloseTo(3000, DOLLAR_DIGITS);
    expect(drawnEachMonth(result, 'poc')).toEqual([1000, 1000, 0]);
    expect(result.creditsExhaustedMonth).toBe(2);
  });

  it('counts a pool whose last month is the horizon’s last month as expired', () => {
    // horizon 2, pool of 2 months: it expires at the end of month 1, inside the horizon → $3,000 expired
    const result = runBedrock(2, [pool('poc', 5000, { expiresAfterMonths: 2 })]);
    expect(result.totals.creditsExpired).toBeCloseTo(3000, DOLLAR_DIGITS);
  });

  it('does not count as expired a balance still usable after the horizon', () => {
    // horizon 2: a 3-month pool and a never-expiring pool each keep their balance, neither expired
    const ending = runBedrock(2, [pool('poc', 5000, { expiresAfterMonths: 3 })]);
    expect(ending.totals.creditsExpired).toBe(0);
    expect(getMonth(ending, 1).creditBalances['poc']).toBeCloseTo(3000, DOLLAR_DIGITS);
    const never = runBedrock(2, [pool('forever', 5000)]);
    expect(never.totals.creditsExpired).toBe(0);
  });

  it('expires counting from the start month', () => {
    // starts month 1, 2 months: usable in months 1–2, expires at the end of month 2 with 5,000 − 2,000 = $3,000
    const result = runBedrock(4, [pool('late', 5000, { startMonth: 1, expiresAfterMonths: 2 })]);
    expect(drawnEachMonth(result, 'late')).toEqual([0, 1000, 1000, 0]);
    expect(getMonth(result, 2).creditsExpired).toBeCloseTo(3000, DOLLAR_DIGITS);
    expect(result.creditsExhaustedMonth).toBe(3);
  });
});

describe('cash and runway', () => {
  it('carries cash forward: revenue growing, burn and AI spend paid in cash', () => {
    // cash $10,000; revenue $500 growing 10 %/month; other burn $2,000; AI $1,000, no credits.
    // month 0: 10,000 + 500    − 2,000 − 1,000 = 7,500
    // month 1:  7,500 + 550    − 3,000         = 5,050
    // month 2:  5,050 + 605    − 3,000         = 2,655
    // month 3:  2,655 + 665.50 − 3,000         =   320.50
    // month 4:    320.50 + 732.05 − 3,000      = −1,947.45 → runway ends in month 4
    const result = runBedrock(6, [], {
      cashOnHand: 10000,
      otherMonthlyBurn: 2000,
      monthlyRevenue: 500,
      revenueGrowth: 0.1,
    });
    const cash = result.months.map((month) => month.cashEnd);
    [7500, 5050, 2655, 320.5, -1947.45].forEach((expected, t) =>
      expect(cash[t]).toBeCloseTo(expected, DOLLAR_DIGITS),
    );
    expect(result.runwayMonths).toBe(4);
  });

  it('reports 0 when cash runs out during the first month', () => {
    // 100 − 1,000 − 1,000 = −1,900 after month 0
    const result = runBedrock(3, [], { cashOnHand: 100, otherMonthlyBurn: 1000 });
    expect(getMonth(result).cashEnd).toBeCloseTo(-1900, DOLLAR_DIGITS);
    expect(result.runwayMonths).toBe(0);
  });

  it('reports null when cash lasts the horizon, and exactly zero cash is not "run out"', () => {
    // 3,000 − 2,000 − 1,000 = 0 at the end of month 0: not below zero
    const result = runBedrock(1, [], { cashOnHand: 3000, otherMonthlyBurn: 2000 });
    expect(getMonth(result).cashEnd).toBe(0);
    expect(result.runwayMonths).toBeNull();
  });

  it('spends no cash on AI spend the credits pay', () => {
    // $2,000 of credits cover months 0–1; cash $2,500 with $1,000 burn: 1,500, 500, then −1,500 in month 2
    const result = runBedrock(3, [pool('p', 2000)], { cashOnHand: 2500, otherMonthlyBurn: 1000 });
    expect(result.months.map((month) => month.cashEnd)).toEqual([1500, 500, -1500]);
    expect(result.runwayMonths).toBe(2);
    expect(result.totals.creditsUsed + result.totals.cashSpentOnAI).toBeCloseTo(
      result.totals.spend,
      DOLLAR_DIGITS,
    );
  });

  it('keeps runway null when credits pay all AI spend and nothing else costs money', () => {
    const result = runBedrock(3, [pool('p', 1e6)]);
    expect(result.months.map((month) => month.cashEnd)).toEqual([0, 0, 0]);
    expect(result.runwayMonths).toBeNull();
  });
});
