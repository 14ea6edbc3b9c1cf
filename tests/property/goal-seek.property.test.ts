/**
 * Seeded property tests behind goal seeking and break-even: runway never lengthens as the whole traffic grows
 * faster (what the growth bisection relies on); the credits found are enough and a cent less is not; a capacity
 * break-even volume is where the engine's bills cross.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { findCapacityBreakEven } from '../../src/domain/break-even';
import { findCreditsNeeded, isRunwayAtLeast, withUniformGrowth } from '../../src/domain/goal-seek';
import type { Options, Slice } from '../../src/domain/scenario-schema';
import { modelSchema } from '../../src/domain/scenario-schema';
import { HOURS_PER_MONTH, capacityUnits, simulateStrategy } from '../../src/domain/simulate';
import { costPerCall } from '../../src/domain/call-cost';
import { scenarioArbitrary } from '../factories/scenario-arbitrary';

const SEED = Number(process.env.PROPERTY_SEED ?? 42);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const settings = { seed: SEED, numRuns: NUM_RUNS } as const;

vi.setConfig({ testTimeout: Math.max(60_000, NUM_RUNS * 300) });

/** Runway as a number of months, a null runway (cash lasts the horizon) counted as the horizon. */
function monthsOfCash(runwayMonths: number | null, horizonMonths: number): number {
  return runwayMonths ?? horizonMonths;
}

describe('runway and growth', () => {
  it('never lengthens when every slice grows faster', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary(),
        fc.nat(),
        fc.double({ min: -0.9, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (scenario, pick, slower, step) => {
          const strategy = scenario.strategies[pick % scenario.strategies.length]!;
          const faster = slower + step;
          const runSlow = simulateStrategy(withUniformGrowth(scenario, slower), strategy);
          const runFast = simulateStrategy(withUniformGrowth(scenario, faster), strategy);
          expect(monthsOfCash(runFast.runwayMonths, scenario.horizonMonths)).toBeLessThanOrEqual(
            monthsOfCash(runSlow.runwayMonths, scenario.horizonMonths),
          );
        },
      ),
      settings,
    );
  });
});

describe('findCreditsNeeded', () => {
  it('finds an amount that is enough, where a cent less is not', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary(),
        fc.nat(),
        fc.integer({ min: 1, max: 36 }),
        (scenario, pick, months) => {
          const strategy = scenario.strategies[pick % scenario.strategies.length]!;
          const goal = findCreditsNeeded(scenario, strategy, months);
          if (goal.status === 'unreachable') {
            expect(isRunwayAtLeast(goal.result, goal.months)).toBe(false);
            return;
          }
          const withPool = (amount: number) =>
            simulateStrategy(
              { ...scenario, credits: [...scenario.credits, { ...goal.pool, amount }] },
              strategy,
            );
          expect(isRunwayAtLeast(withPool(goal.amount!), goal.months)).toBe(true);
          if (goal.amount! >= 0.01) {
            expect(isRunwayAtLeast(withPool(goal.amount! - 0.01), goal.months)).toBe(false);
          }
        },
      ),
      settings,
    );
  });
});

describe('findCapacityBreakEven', () => {
  const options: Options = { batch: true, caching: false, peakToAverage: 2 };
  const sliceArbitrary = fc
    .record({
      inputTokens: fc.integer({ min: 1, max: 8000 }),
      outputTokens: fc.integer({ min: 0, max: 2000 }),
      batchShare: fc.constantFrom(0, 0.5, 1),
    })
    .map((fields): Slice => ({
      id: 's',
      name: 'S',
      requestsPerMonth: 1_000_000,
      cachedPrefixTokens: 0,
      cacheHitRate: 0,
      qualityBar: 0,
      monthlyGrowth: 0,
      regions: null,
      cacheTtl: '5m',
      reasoningTokens: 0,
      ...fields,
    }));
  const capacityArbitrary = fc
    .record({
      hourlyPerUnit: fc.integer({ min: 1, max: 5000 }).map((cents) => cents / 100),
      tokensPerMinutePerUnit: fc.integer({ min: 1, max: 500 }).map((k) => k * 1000),
      minUnits: fc.integer({ min: 0, max: 3 }),
    })
    .map((pricing) =>
      modelSchema.parse({
        id: 'self',
        name: 'Self',
        provider: 'T',
        platform: 'self',
        pricing: { kind: 'capacity', ...pricing },
      }),
    );
  const perTokenArbitrary = fc
    .record({
      inputPerMTok: fc.integer({ min: 1, max: 3000 }).map((cents) => cents / 100),
      outputPerMTok: fc.integer({ min: 1, max: 9000 }).map((cents) => cents / 100),
      batchDiscount: fc.option(fc.constant(0.5), { nil: null }),
    })
    .map((pricing) =>
      modelSchema.parse({
        id: 'api',
        name: 'API',
        provider: 'T',
        platform: 'api',
        pricing: { kind: 'per-token', ...pricing },
      }),
    );

  it('is where the engine’s capacity bill first meets the per-token bill', () => {
    fc.assert(
      fc.property(
        sliceArbitrary,
        capacityArbitrary,
        perTokenArbitrary,
        // Not subnormal: a 5e-324 share of a volume rounds its tokens to 0, which bills 0 units.
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (slice, capacity, perToken, fraction) => {
          if (capacity.pricing.kind !== 'capacity' || perToken.pricing.kind !== 'per-token') return;
          const { hourlyPerUnit, tokensPerMinutePerUnit, minUnits } = capacity.pricing;
          const f = costPerCall(slice, { ...perToken, pricing: perToken.pricing }, options).final;
          const capacityBill = (volume: number) =>
            capacityUnits(
              volume * (slice.inputTokens + slice.outputTokens),
              2,
              tokensPerMinutePerUnit,
              minUnits,
            ) *
            hourlyPerUnit *
            HOURS_PER_MONTH;
          const result = findCapacityBreakEven(slice, capacity, perToken, options);
          if (result.status === 'never') {
            // Sample volumes up to 100 units' worth: capacity is always dearer.
            const volume = fraction * 100 * (result.requestsPerUnit ?? 1e9);
            if (volume > 0) expect(capacityBill(volume)).toBeGreaterThan(f * volume);
            return;
          }
          expect(result.status).toBe('volume');
          const breakEven = result.breakEvenRequestsPerMonth!;
          expect(capacityBill(breakEven)).toBeLessThanOrEqual(f * breakEven);
          // Any smaller volume (a millionth less, or a random fraction of it) is dearer on capacity.
          for (const below of [breakEven * (1 - 1e-6), breakEven * fraction]) {
            if (below > 0) expect(capacityBill(below)).toBeGreaterThan(f * below);
          }
          // From the "for good" volume on, capacity stays at most as dear.
          const forGood = result.cheaperForGoodFromRequestsPerMonth;
          if (forGood !== null) {
            const above = forGood * (1 + fraction * 20);
            expect(capacityBill(above)).toBeLessThanOrEqual(f * above * (1 + 1e-9));
          }
        },
      ),
      settings,
    );
  });
});
