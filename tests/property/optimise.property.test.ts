/**
 * Seeded property tests of the optimised assignment against brute force: on small catalogs (≤ 5 models,
 * ≤ 3 slices) every assignment of one model per slice that meets every bar is simulated, and the optimiser's
 * strategy must never spend more over the horizon.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { optimiseAssignment } from '../../src/domain/optimise';
import type { Model, Scenario, ScenarioInput, Slice } from '../../src/domain/scenario-schema';
import { simulateStrategy } from '../../src/domain/simulate';
import { formatIssue, validateScenario } from '../../src/domain/validate-scenario';

const SEED = Number(process.env.PROPERTY_SEED ?? 42);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
/** The optimiser may exceed the brute-force minimum by float noise only: a billionth, relative. */
const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_FLOOR_USD = 1e-9;

vi.setConfig({ testTimeout: Math.max(60_000, NUM_RUNS * 300) });

type ModelInput = ScenarioInput['catalog'][number];
type SliceInput = ScenarioInput['traffic'][number];

const SLICE_IDS = ['a', '__proto__', 'constructor', 'b'] as const;

const priceArbitrary = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 2000 }).map((cents) => cents / 100),
);

const perTokenModelArbitrary = (index: number): fc.Arbitrary<ModelInput> =>
  fc
    .record({
      inputPerMTok: priceArbitrary,
      outputPerMTok: priceArbitrary,
      cacheWritePerMTok: fc.option(priceArbitrary, { nil: null }),
      cacheReadPerMTok: fc.option(priceArbitrary, { nil: null }),
      batchDiscount: fc.option(fc.constantFrom(0, 0.25, 0.5), { nil: null }),
      quality: fc.integer({ min: 0, max: 100 }),
      contextWindow: fc.option(fc.integer({ min: 200, max: 6000 }), { nil: null }),
      outputTokenFactor: fc.constantFrom(0.8, 1, 1.2),
      platform: fc.constantFrom('bedrock', 'vertex'),
    })
    .map(({ quality, contextWindow, outputTokenFactor, platform, ...pricing }) => ({
      id: `m${index}`,
      name: `Model ${index}`,
      provider: 'Test',
      platform,
      pricing: { kind: 'per-token', ...pricing },
      quality,
      contextWindow,
      outputTokenFactor,
    }));

const capacityModelArbitrary = (index: number): fc.Arbitrary<ModelInput> =>
  fc
    .record({
      hourlyPerUnit: fc.integer({ min: 0, max: 2000 }).map((cents) => cents / 100),
      tokensPerMinutePerUnit: fc.integer({ min: 1, max: 200 }).map((k) => k * 1000),
      minUnits: fc.integer({ min: 0, max: 2 }),
      quality: fc.integer({ min: 0, max: 100 }),
      contextWindow: fc.option(fc.integer({ min: 200, max: 6000 }), { nil: null }),
    })
    .map(({ quality, contextWindow, ...pricing }) => ({
      id: `c${index}`,
      name: `Capacity ${index}`,
      provider: 'Test',
      platform: 'self-hosted',
      pricing: { kind: 'capacity', ...pricing },
      quality,
      contextWindow,
    }));

const sliceArbitrary = (id: string): fc.Arbitrary<SliceInput> =>
  fc
    .record({
      requestsPerMonth: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000_000 })),
      inputTokens: fc.integer({ min: 0, max: 4000 }),
      outputTokens: fc.integer({ min: 0, max: 1500 }),
      cachedPrefixTokens: fc.integer({ min: 0, max: 3000 }),
      cacheHitRate: fc.constantFrom(0, 0.3, 0.9, 1),
      batchShare: fc.constantFrom(0, 0.5, 1),
      qualityBar: fc.integer({ min: 0, max: 100 }),
      monthlyGrowth: fc.constantFrom(-0.1, 0, 0.05, 0.2),
    })
    .map((fields) => ({ id, name: `Slice ${id}`, ...fields }));

function scenarioArbitrary(withCapacity: boolean): fc.Arbitrary<Scenario> {
  return fc
    .record({
      perTokenCount: fc.integer({ min: 1, max: withCapacity ? 3 : 5 }),
      capacityCount: fc.integer({ min: withCapacity ? 1 : 0, max: withCapacity ? 2 : 0 }),
      sliceCount: fc.integer({ min: 1, max: 3 }),
      horizonMonths: fc.integer({ min: 1, max: 18 }),
      batch: fc.boolean(),
      caching: fc.boolean(),
      peakToAverage: fc.constantFrom(1, 2, 3),
    })
    .chain((shape) =>
      fc.record({
        shape: fc.constant(shape),
        perToken: fc.tuple(
          ...Array.from({ length: shape.perTokenCount }, (_, i) => perTokenModelArbitrary(i)),
        ),
        capacity: fc.tuple(
          ...Array.from({ length: shape.capacityCount }, (_, i) => capacityModelArbitrary(i)),
        ),
        traffic: fc.tuple(...SLICE_IDS.slice(0, shape.sliceCount).map((id) => sliceArbitrary(id))),
      }),
    )
    .map(({ shape, perToken, capacity, traffic }) => {
      const input: ScenarioInput = {
        schemaVersion: 2,
        name: 'Optimiser property',
        horizonMonths: shape.horizonMonths,
        options: { batch: shape.batch, caching: shape.caching, peakToAverage: shape.peakToAverage },
        catalog: [...perToken, ...capacity],
        traffic,
        strategies: [{ id: 'first', name: 'First model', kind: 'single', model: 'm0' }],
      };
      const result = validateScenario(input);
      if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
      return result.value;
    });
}

/** The bar, written from DESIGN.md independently of the optimiser: quality and context window. */
function isAllowed(model: Model, slice: Slice): boolean {
  const needed = slice.inputTokens + slice.outputTokens;
  return model.quality >= slice.qualityBar && (model.contextWindow === null || model.contextWindow >= needed);
}

/** Every assignment of one of `models` per slice meeting every bar, simulated: the lowest horizon spend. */
function findBruteForceMinimum(scenario: Scenario, models: readonly Model[]): number | null {
  const allowed = scenario.traffic.map((slice) => models.filter((model) => isAllowed(model, slice)));
  if (allowed.some((list) => list.length === 0)) return null;
  let best = Infinity;
  const pick: Model[] = [];
  const visit = (sliceIndex: number) => {
    if (sliceIndex === scenario.traffic.length) {
      const routes = Object.create(null) as Record<string, string>;
      scenario.traffic.forEach((slice, i) => (routes[slice.id] = pick[i]!.id));
      const spend = simulateStrategy(scenario, { id: 'brute', name: 'Brute', kind: 'assign', routes }).totals
        .spend;
      best = Math.min(best, spend);
      return;
    }
    for (const model of allowed[sliceIndex]!) {
      pick[sliceIndex] = model;
      visit(sliceIndex + 1);
    }
  };
  visit(0);
  return best;
}

function isAtMost(actual: number, bound: number): boolean {
  return actual <= bound + RELATIVE_TOLERANCE * Math.abs(bound) + ABSOLUTE_FLOOR_USD;
}

describe('optimiseAssignment against brute force', () => {
  it('is never beaten by any assignment meeting every bar (per-token catalogs)', () => {
    fc.assert(
      fc.property(scenarioArbitrary(false), (scenario) => {
        const optimised = optimiseAssignment(scenario);
        const spend = simulateStrategy(scenario, optimised.strategy).totals.spend;
        const minimum = findBruteForceMinimum(scenario, scenario.catalog);
        if (minimum === null) {
          expect(optimised.unmet.length).toBeGreaterThan(0);
          return;
        }
        expect(optimised.unmet).toEqual([]);
        if (!isAtMost(spend, minimum)) expect.fail(`optimised ${spend} > brute force ${minimum}`);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('with capacity models: meets every bar it can, agrees with simulate, never costs more than per-token alone', () => {
    fc.assert(
      fc.property(scenarioArbitrary(true), (scenario) => {
        const optimised = optimiseAssignment(scenario);
        const spend = simulateStrategy(scenario, optimised.strategy).totals.spend;
        expect(optimised.result.totals.spend).toBe(spend);
        const sum = optimised.choices.reduce((total, choice) => total + choice.horizonCost, 0);
        expect(Math.abs(sum - spend)).toBeLessThanOrEqual(1e-9 * Math.abs(spend) + 1e-6);
        scenario.traffic.forEach((slice, index) => {
          const choice = optimised.choices[index]!;
          const canMeet = scenario.catalog.some((model) => isAllowed(model, slice));
          expect(choice.meetsBar).toBe(canMeet);
          if (canMeet) expect(isAllowed(choice.model, slice)).toBe(true);
        });
        const perToken = scenario.catalog.filter((model) => model.pricing.kind === 'per-token');
        const perTokenMinimum = findBruteForceMinimum(scenario, perToken);
        if (perTokenMinimum !== null && !isAtMost(spend, perTokenMinimum)) {
          expect.fail(`optimised ${spend} > best per-token assignment ${perTokenMinimum}`);
        }
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });
});
