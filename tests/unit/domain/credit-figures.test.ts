/**
 * Worked examples of the credit figures read out of the engine's month records: pools that expire unused,
 * spend no pool covers, and what the pools paid in a month.
 *
 * Every slice spends exactly $1,000 a month: 1,000,000 requests of 1,000 input tokens at $1 per million tokens,
 * on "bedrock" unless it says "azure".
 */
import { describe, expect, it } from 'vitest';
import {
  findExpiredPools,
  findUncoveredPlatforms,
  sumCreditsDrawn,
} from '../../../src/domain/credit-figures';
import type { ScenarioInput } from '../../../src/domain/scenario-schema';
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

/** Slice "a" on azure and slice "b" on bedrock, $1,000 a month each, with `credits`. */
function runTwoPlatforms(horizonMonths: number, credits: PoolInput[]) {
  const scenario = createScenario({
    horizonMonths,
    catalog: [BEDROCK, AZURE],
    traffic: [createSlice('b', THOUSAND_A_MONTH), createSlice('a', THOUSAND_A_MONTH)],
    strategies: [{ id: 'x', name: 'Both', kind: 'assign', routes: { a: 'azure:m', b: 'bedrock:m' } }],
    credits,
  });
  return { pools: scenario.credits, strategy: simulateStrategyById(scenario, 'x') };
}

describe('findExpiredPools', () => {
  it('finds what each pool leaves unused at the end of its last month, adding up to the total expired', () => {
    // "poc": $5,000 on bedrock for 2 months: pays $1,000 in months 0 and 1, loses 5,000 − 2 · 1,000 = $3,000
    // at the end of month 1. "late": $1,500 on azure from month 1 for 1 month: pays $1,000, loses $500 at the
    // end of month 1. "forever" never expires.
    const { pools, strategy } = runTwoPlatforms(4, [
      pool('poc', 5000, { expiresAfterMonths: 2, appliesTo: ['bedrock'] }),
      pool('late', 1500, { startMonth: 1, expiresAfterMonths: 1, appliesTo: ['azure'] }),
      pool('forever', 800, { appliesTo: ['azure'] }),
    ]);
    const expired = findExpiredPools(pools, strategy);
    expect(expired.map((entry) => [entry.pool.id, entry.month])).toEqual([
      ['poc', 1],
      ['late', 1],
    ]);
    expect(expired[0]?.expiredUsd).toBeCloseTo(3_000, DOLLAR_DIGITS);
    expect(expired[1]?.expiredUsd).toBeCloseTo(500, DOLLAR_DIGITS);
    const sum = expired.reduce((total, entry) => total + entry.expiredUsd, 0);
    expect(sum).toBeCloseTo(strategy.totals.creditsExpired, DOLLAR_DIGITS);
  });

  it('leaves out a pool spent before it expires, and one that expires after the horizon', () => {
    // "spent": $1,500 over 3 months is gone in month 1. "later": expires at the end of month 5, horizon 3.
    const { pools, strategy } = runTwoPlatforms(3, [
      pool('spent', 1500, { expiresAfterMonths: 3, appliesTo: ['bedrock'] }),
      pool('later', 9000, { expiresAfterMonths: 6, appliesTo: ['azure'] }),
    ]);
    expect(findExpiredPools(pools, strategy)).toEqual([]);
    expect(strategy.totals.creditsExpired).toBeCloseTo(0, DOLLAR_DIGITS);
  });

  it('loses a pool’s whole amount when it lasts only the first month and covers nothing used', () => {
    // $700 for "gcp", which no slice uses, usable in month 0 only: nothing drawn, all $700 expires.
    const { pools, strategy } = runTwoPlatforms(2, [
      pool('idle', 700, { expiresAfterMonths: 1, appliesTo: ['gcp'] }),
    ]);
    const expired = findExpiredPools(pools, strategy);
    expect(expired).toHaveLength(1);
    expect(expired[0]?.month).toBe(0);
    expect(expired[0]?.expiredUsd).toBeCloseTo(700, DOLLAR_DIGITS);
  });
});

describe('findUncoveredPlatforms', () => {
  it('lists the spend no pool covers, largest first', () => {
    // Only bedrock is covered: azure's 3 · $1,000 = $3,000 is all paid in cash.
    const { pools, strategy } = runTwoPlatforms(3, [pool('bed', 100, { appliesTo: ['bedrock'] })]);
    const uncovered = findUncoveredPlatforms(pools, strategy);
    expect(uncovered.map((entry) => entry.platform)).toEqual(['azure']);
    expect(uncovered[0]?.spendUsd).toBeCloseTo(3_000, DOLLAR_DIGITS);
  });

  it('is empty when a pool covers every platform ("*"), even once it is spent', () => {
    const { pools, strategy } = runTwoPlatforms(3, [pool('all', 100, { appliesTo: ['*'] })]);
    expect(findUncoveredPlatforms(pools, strategy)).toEqual([]);
  });
});

describe('sumCreditsDrawn', () => {
  it('adds what the pools paid in one month', () => {
    // Month 0: "bed" pays bedrock's $1,000, "az" pays $400 of azure's $1,000 (all it has): $1,400.
    const { pools, strategy } = runTwoPlatforms(2, [
      pool('bed', 5000, { appliesTo: ['bedrock'] }),
      pool('az', 400, { appliesTo: ['azure'] }),
    ]);
    expect(sumCreditsDrawn(getMonth(strategy, 0), pools)).toBeCloseTo(1_400, DOLLAR_DIGITS);
    // Month 1: only "bed" has a balance left: $1,000.
    expect(sumCreditsDrawn(getMonth(strategy, 1), pools)).toBeCloseTo(1_000, DOLLAR_DIGITS);
  });
});
