import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  iterateMonteCarlo,
  measurePercentiles,
  probabilityCreditsLastPast,
  runMonteCarlo,
} from '../../../src/domain/monte-carlo';
import type { MonthPercentiles, Percentiles } from '../../../src/domain/monte-carlo';
import { createRandomSource, drawTriangular } from '../../../src/domain/random';
import type { Scenario, ScenarioInput } from '../../../src/domain/scenario-schema';
import { simulate } from '../../../src/domain/simulate';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { makeSmallScenario } from '../../factories/small-scenario';

function validate(document: unknown): Scenario {
  const validated = validateScenario(document);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return validated.value;
}

type Range = { low: number; likely: number; high: number };

/**
 * The small scenario (one slice of 1,000,000 requests a month; $1,200 a month on "cheap", $4,500 on "dear";
 * a $10,000 bedrock pool; $100,000 cash and $10,000 other burn a month) with ranges where given.
 */
function makeRangedScenario(ranges: { requests?: Range; growth?: Range; burn?: Range } = {}): Scenario {
  const document = JSON.parse(JSON.stringify(makeSmallScenario())) as {
    traffic: Record<string, unknown>[];
    finance: Record<string, unknown>;
  };
  const { traffic, finance } = document;
  if (ranges.requests) traffic[0]!['requestsPerMonth'] = ranges.requests;
  if (ranges.growth) traffic[0]!['monthlyGrowth'] = ranges.growth;
  if (ranges.burn) finance['otherMonthlyBurn'] = ranges.burn;
  return validate({ ...document, schemaVersion: 2 });
}

function expectAll(percentiles: Percentiles, value: number) {
  expect(percentiles).toEqual({ p10: value, p50: value, p90: value });
}

/** Months as numbers, beyond the horizon (null) as Infinity. */
function toMonth(value: number | null): number {
  return value ?? Infinity;
}

function expectOrdered(percentiles: Percentiles | MonthPercentiles) {
  const { p10, p50, p90 } = percentiles;
  const [a, b, c] = [p10, p50, p90].map((v) => (typeof v === 'number' ? v : toMonth(v)));
  expect(a).toBeLessThanOrEqual(b!);
  expect(b).toBeLessThanOrEqual(c!);
}

describe('drawTriangular', () => {
  it('maps 0 to low, the split point to likely, and stays inside the range', () => {
    expect(drawTriangular(0, 2, 5, 11)).toBe(2);
    // F(likely) = (5 − 2) / (11 − 2) = 1/3: u just at 1/3 lands on the mode.
    expect(drawTriangular(1 / 3, 2, 5, 11)).toBeCloseTo(5, 12);
    expect(drawTriangular(0.999_999_999, 2, 5, 11)).toBeLessThanOrEqual(11);
    expect(drawTriangular(0.7, 4, 4, 4)).toBe(4);
  });

  it('has a sample mean close to (low + likely + high) / 3', () => {
    // Triangular(0, 2, 10): mean 4, variance (0 + 4 + 100 − 0 − 0 − 20) / 18 = 4.67, sd 2.16. With
    // 100,000 draws the standard error of the mean is 2.16 / √100,000 = 0.0068; allow 0.03 (over 4 SE).
    const random = createRandomSource(2027);
    let sum = 0;
    const draws = 100_000;
    for (let i = 0; i < draws; i++) sum += drawTriangular(random(), 0, 2, 10);
    expect(Math.abs(sum / draws - 4)).toBeLessThan(0.03);
  });
});

describe('createRandomSource', () => {
  it('repeats for a seed and differs between seeds, always in [0, 1)', () => {
    const a = createRandomSource(7);
    const b = createRandomSource(7);
    const c = createRandomSource(8);
    const fromA = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(fromA);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(fromA);
    expect(fromA.every((u) => u >= 0 && u < 1)).toBe(true);
  });
});

describe('measurePercentiles', () => {
  it('uses nearest rank: the ⌈p·n⌉-th smallest value', () => {
    // n = 10: P10 is the 1st smallest, P50 the 5th, P90 the 9th.
    expect(measurePercentiles([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ p10: 1, p50: 5, p90: 9 });
    // n = 3: ⌈0.3⌉ = 1st, ⌈1.5⌉ = 2nd, ⌈2.7⌉ = 3rd.
    expect(measurePercentiles([3, Infinity, 1])).toEqual({ p10: 1, p50: 3, p90: Infinity });
    expect(measurePercentiles([42])).toEqual({ p10: 42, p50: 42, p90: 42 });
  });

  it('agrees with reading the ranks off a sorted copy, whatever the values and repeats', () => {
    // The median is selected first and P10/P90 are then looked for in its halves: the ranks must not move.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 300 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const at = (fraction: number) => sorted[Math.max(1, Math.ceil(fraction * values.length - 1e-9)) - 1];
        expect(measurePercentiles(values)).toEqual({ p10: at(0.1), p50: at(0.5), p90: at(0.9) });
      }),
    );
  });

  it('agrees with a sorted copy on many spread, clustered or infinite values (counted into buckets first)', () => {
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((double) => double + 0), // no −0: sorts before 0
      fc.constantFrom(0, 1, 1 + 2 ** -52, 1e300, Infinity),
      fc.integer({ min: 0, max: 3 }).map((step) => 1_000_000 + step / 8),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 60, maxLength: 3000 }), (values) => {
        const sorted = Float64Array.from(values).sort();
        const at = (fraction: number) => sorted[Math.max(1, Math.ceil(fraction * values.length - 1e-9)) - 1];
        expect(measurePercentiles(values)).toEqual({ p10: at(0.1), p50: at(0.5), p90: at(0.9) });
      }),
      { numRuns: 300 },
    );
  });

  it('leaves its input alone', () => {
    const values = [3, 1, 2];
    measurePercentiles(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('runMonteCarlo', () => {
  it('without ranges, gives P10 = P50 = P90 = the point estimate exactly', () => {
    const scenario = validate(makeSmallScenario());
    const point = simulate(scenario);
    const result = runMonteCarlo(scenario, { samples: 50, seed: 1 });
    expect(result.inputs).toEqual([]);
    result.strategies.forEach((strategy, s) => {
      const expected = point.strategies[s]!;
      expect(strategy.id).toBe(expected.id);
      expectAll(strategy.firstYearSpend, expected.totals.firstYearSpend);
      expectAll(strategy.horizonSpend, expected.totals.spend);
      strategy.monthlySpend.forEach((month, m) => expectAll(month, expected.months[m]!.spend));
      const exhausted = expected.creditsExhaustedMonth;
      const runway = expected.runwayMonths;
      expect(strategy.creditsExhaustedMonth).toEqual({ p10: exhausted, p50: exhausted, p90: exhausted });
      expect(strategy.runwayMonths).toEqual({ p10: runway, p50: runway, p90: runway });
      expect(strategy.creditsExhaustedCounts[exhausted ?? scenario.horizonMonths]).toBe(50);
    });
    // Hand check on "all-cheap": $1,200 a month from a $10,000 pool covers months 0–7 ($9,600); month 8
    // needs $1,200 with $400 left. Cash: $100,000 − 8 × $10,000 = $20,000; month 8 −$10,800 → $9,200;
    // month 9 −$11,200 → below zero.
    const cheap = result.strategies[1]!;
    expect(cheap.firstYearSpend.p50).toBeCloseTo(14_400, 6);
    expect(cheap.creditsExhaustedMonth.p50).toBe(8);
    expect(cheap.runwayMonths.p50).toBe(9);
  });

  it('without ranges, matches the point estimate of the default-like scenario with every strategy kind', () => {
    const scenario = validate({
      ...makeSmallScenario(),
      strategies: [
        { id: 'single', name: 'Single', kind: 'single', model: 'dear' },
        { id: 'assign', name: 'Assign', kind: 'assign', routes: { main: 'cheap' } },
        {
          id: 'cascade',
          name: 'Cascade',
          kind: 'cascade',
          routes: { main: { steps: ['cheap', 'dear'], escalation: [0.2] } },
        },
        {
          id: 'router',
          name: 'Router',
          kind: 'router',
          classifier: { model: 'cheap', inputTokens: 200, outputTokens: 2 },
          routes: { main: { cheap: 0.7, dear: 0.3 } },
        },
        { id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' },
      ],
    } satisfies ScenarioInput);
    const point = simulate(scenario);
    const result = runMonteCarlo(scenario, { samples: 7, seed: 3 });
    result.strategies.forEach((strategy, s) => {
      expectAll(strategy.firstYearSpend, point.strategies[s]!.totals.firstYearSpend);
      expectAll(strategy.horizonSpend, point.strategies[s]!.totals.spend);
    });
  });

  it('without ranges, matches the point estimate of the shipped default scenario (capacity, two pools)', () => {
    // The shipped file with every range replaced by its likely value.
    const text = readFileSync(new URL('../../../data/default-scenario.json', import.meta.url), 'utf8');
    const document: unknown = JSON.parse(text, (_key, value: unknown) =>
      typeof value === 'object' && value !== null && 'likely' in value && 'low' in value
        ? (value as Range).likely
        : value,
    );
    const scenario = validate(document);
    const point = simulate(scenario);
    const result = runMonteCarlo(scenario, { samples: 20, seed: 1 });
    expect(result.inputs).toEqual([]);
    result.strategies.forEach((strategy, s) => {
      const expected = point.strategies[s]!;
      expectAll(strategy.firstYearSpend, expected.totals.firstYearSpend);
      expectAll(strategy.horizonSpend, expected.totals.spend);
      strategy.monthlySpend.forEach((month, m) => expectAll(month, expected.months[m]!.spend));
      expect(strategy.creditsExhaustedMonth.p50).toBe(expected.creditsExhaustedMonth);
      expect(strategy.runwayMonths.p90).toBe(expected.runwayMonths);
    });
  });

  it('gives identical results for the same seed and different ones for another', () => {
    const scenario = makeRangedScenario({
      requests: { low: 600_000, likely: 1_000_000, high: 2_000_000 },
      growth: { low: 0, likely: 0.05, high: 0.1 },
    });
    const first = runMonteCarlo(scenario, { samples: 500, seed: 11 });
    const again = runMonteCarlo(scenario, { samples: 500, seed: 11 });
    const other = runMonteCarlo(scenario, { samples: 500, seed: 12 });
    expect(again).toEqual(first);
    expect(other.strategies[0]!.firstYearSpend).not.toEqual(first.strategies[0]!.firstYearSpend);
    expect(first.inputs.map((input) => input.key)).toEqual([
      'traffic/main/requestsPerMonth',
      'traffic/main/monthlyGrowth',
    ]);
  });

  it('keeps P10 ≤ P50 ≤ P90 for every figure', () => {
    const scenario = makeRangedScenario({
      requests: { low: 200_000, likely: 1_000_000, high: 3_000_000 },
      growth: { low: -0.05, likely: 0.05, high: 0.2 },
      burn: { low: 5_000, likely: 10_000, high: 20_000 },
    });
    const result = runMonteCarlo(scenario, { samples: 1000, seed: 5 });
    for (const strategy of result.strategies) {
      expectOrdered(strategy.firstYearSpend);
      expectOrdered(strategy.horizonSpend);
      expectOrdered(strategy.creditsExhaustedMonth);
      expectOrdered(strategy.runwayMonths);
      strategy.monthlySpend.forEach(expectOrdered);
      expect(strategy.creditsExhaustedCounts.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(strategy.runwayCounts.reduce((a, b) => a + b, 0)).toBe(1000);
      // The spread is real: 12-month spend moves with requests and growth.
      expect(strategy.firstYearSpend.p90).toBeGreaterThan(strategy.firstYearSpend.p10);
    }
  });

  it('spreads requests as a triangular distribution: the 12-month spend P50 sits near its median', () => {
    // No growth, requests Triangular(0.5M, 1M, 2.5M) on "cheap" at $0.0012 a request: 12-month spend is
    // 12 × 0.0012 × requests = 0.0144 × requests. The triangular median (above the mode, since
    // F(1M) = 0.25): 2.5M − √(0.5 · 2M · 1.5M) = 2.5M − 1.2247M = 1.2753M → $18,364. With 4,000 samples the
    // sample median's standard error is about 1.2 % of that: allow 4 %.
    const scenario = makeRangedScenario({ requests: { low: 500_000, likely: 1_000_000, high: 2_500_000 } });
    const result = runMonteCarlo(scenario, { samples: 4000, seed: 99 });
    const median = result.strategies[1]!.firstYearSpend.p50;
    expect(Math.abs(median / 18_364 - 1)).toBeLessThan(0.04);
  });

  it('reports progress in chunks and returns the same result as runMonteCarlo', () => {
    const scenario = makeRangedScenario({ requests: { low: 900_000, likely: 1_000_000, high: 1_500_000 } });
    const steps = iterateMonteCarlo(scenario, { samples: 250, seed: 4 }, 100);
    const progress: number[] = [];
    let step = steps.next();
    while (!step.done) {
      progress.push(step.value.samplesDone);
      step = steps.next();
    }
    expect(progress).toEqual([100, 200, 250]);
    expect(step.value).toEqual(runMonteCarlo(scenario, { samples: 250, seed: 4 }));
  });

  it('refuses a sample count or seed that is not a whole number', () => {
    const scenario = validate(makeSmallScenario());
    expect(() => runMonteCarlo(scenario, { samples: 0, seed: 1 })).toThrow(RangeError);
    expect(() => runMonteCarlo(scenario, { samples: 10.5, seed: 1 })).toThrow(RangeError);
    expect(() => runMonteCarlo(scenario, { samples: 10, seed: Number.NaN })).toThrow(RangeError);
  });
});

describe('probabilityCreditsLastPast', () => {
  it('is 1 before the month credits run out and 0 from it, without ranges', () => {
    // "all-cheap" runs out in month 8 (see above): credits last past months 0–7, not past month 8.
    const result = runMonteCarlo(validate(makeSmallScenario()), { samples: 20, seed: 1 });
    expect(probabilityCreditsLastPast(result, 'all-cheap', 7)).toBe(1);
    expect(probabilityCreditsLastPast(result, 'all-cheap', 8)).toBe(0);
    expect(probabilityCreditsLastPast(result, 'all-cheap', 12)).toBeNull();
    expect(probabilityCreditsLastPast(result, 'missing', 3)).toBeNull();
  });

  it('counts the samples that ran out later, or not within the horizon', () => {
    const scenario = makeRangedScenario({ requests: { low: 500_000, likely: 1_000_000, high: 1_500_000 } });
    const result = runMonteCarlo(scenario, { samples: 2000, seed: 8 });
    const counts = result.strategies[1]!.creditsExhaustedCounts;
    const later = counts.slice(7).reduce((a, b) => a + b, 0);
    expect(probabilityCreditsLastPast(result, 'all-cheap', 6)).toBe(later / 2000);
    // Fewer requests make the pool last longer: some samples last past month 8, some run out before.
    const past8 = probabilityCreditsLastPast(result, 'all-cheap', 8)!;
    expect(past8).toBeGreaterThan(0);
    expect(past8).toBeLessThan(1);
    // Never rises with the month.
    for (let m = 1; m < 12; m++) {
      expect(probabilityCreditsLastPast(result, 'all-cheap', m)!).toBeLessThanOrEqual(
        probabilityCreditsLastPast(result, 'all-cheap', m - 1)!,
      );
    }
  });
});

describe('widening a range (property)', () => {
  it('never narrows the P10–P90 band of 12-month spend (requests of one slice, same seed)', () => {
    // Spend on per-token models is proportional to requests, and with the same seed each sample keeps its
    // uniform draw u; mapped through the wider triangular inverse CDF its requests move outward, so the
    // band between the P10 and P90 samples can only widen.
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 10_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (likely, lowShare, highShare, widenLow, widenHigh, seed) => {
          const low = likely * lowShare;
          const high = likely * (1 + highShare);
          const wideLow = low * (1 - widenLow);
          const wideHigh = high + likely * widenHigh;
          const narrow = runMonteCarlo(makeRangedScenario({ requests: { low, likely, high } }), {
            samples: 200,
            seed,
          });
          const wide = runMonteCarlo(
            makeRangedScenario({ requests: { low: wideLow, likely, high: wideHigh } }),
            { samples: 200, seed },
          );
          narrow.strategies.forEach((strategy, s) => {
            const before = strategy.firstYearSpend.p90 - strategy.firstYearSpend.p10;
            const after = wide.strategies[s]!.firstYearSpend.p90 - wide.strategies[s]!.firstYearSpend.p10;
            // Rounding of sums of a dozen months: a billionth of the spend.
            expect(after).toBeGreaterThanOrEqual(before - 1e-9 * strategy.firstYearSpend.p90);
          });
        },
      ),
      { seed: 2027, numRuns: 60 },
    );
  });
});
