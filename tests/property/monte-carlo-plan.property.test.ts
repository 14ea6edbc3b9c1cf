/**
 * Monte Carlo re-plans, per sample, only the slices its drawn inputs reach (`findInputReach`,
 * `makePlanPatcher`) and runs each plan into one reused outline (`makeOutlineRunner`). Neither may change a
 * figure: the patched plan must equal `planStrategy` of the drawn scenario exactly, its run must give exactly
 * `simulateStrategy`'s figures, and a whole Monte Carlo run must equal one made sample by sample with
 * `withInputValues` and `simulate`. Equality is exact (toEqual tells 0 from −0), not within a tolerance.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { measurePercentiles, runMonteCarlo } from '../../src/domain/monte-carlo';
import { createRandomSource, drawTriangular } from '../../src/domain/random';
import { FINANCE_RANGE_FIELDS, SLICE_RANGE_FIELDS } from '../../src/domain/scenario-schema';
import type { Scenario, Strategy, ValueRange } from '../../src/domain/scenario-schema';
import {
  makeOutlineRunner,
  makePlanPatcher,
  planStrategy,
  simulate,
  simulateStrategy,
  tabulateMonthlyDrivers,
} from '../../src/domain/simulate';
import {
  compileInputValues,
  findInputReach,
  listUncertainInputs,
  withInputValues,
} from '../../src/domain/uncertain-inputs';
import { expectOutlineOf } from '../factories/outline-expectations';
import { scenarioArbitrary } from '../factories/scenario-arbitrary';

/** Fixed so every run checks the same scenarios; override with PROPERTY_SEED / PROPERTY_RUNS to explore. */
const SEED = Number(process.env.PROPERTY_SEED ?? 42);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

vi.setConfig({ testTimeout: Math.max(60_000, NUM_RUNS * 300) });

/**
 * Which inputs to pick: those whose key starts with `prefix` (all, a slice's, finance or a strategy's routes:
 * picking among one kind keeps a slice's own fields from re-planning it under every strategy and hiding the
 * routes), then by position through `mask` (cycled).
 */
type Picks = { prefix: string; mask: boolean[] };
const pickArbitrary: fc.Arbitrary<Picks> = fc.record({
  prefix: fc.constantFrom('', 'traffic/', 'finance/', 'strategies/'),
  mask: fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
});
/** Where in its range each drawn value falls (0–1), by position (cycled). */
const spotsArbitrary = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 });

/** Some of the scenario's inputs (ranged or not, with the default swing), chosen by `picks`. */
function pickInputs(scenario: Scenario, { prefix, mask }: Picks) {
  return listUncertainInputs(scenario, { includeUnranged: true })
    .filter((input) => input.key.startsWith(prefix))
    .filter((_, i) => mask[i % mask.length]);
}

/** One value per input, at `spots[i]` of the way from its low to its high. */
function drawValues(inputs: ReturnType<typeof pickInputs>, spots: readonly number[]): number[] {
  return inputs.map(({ low, high }, i) => low + (high - low) * spots[i % spots.length]!);
}

/**
 * The scenario with a range on each picked input: `{ low, high }` as `listUncertainInputs` swings it, written
 * where a user writes ranges (a slice's or the finance block's `ranges`, a cascade's `escalationRanges`, a
 * router's `shareRanges`).
 */
function withRanges(scenario: Scenario, picks: Picks): Scenario {
  const chosen = new Map(pickInputs(scenario, picks).map((input) => [input.key, input]));
  const rangeOf = (key: string): ValueRange | undefined => {
    const input = chosen.get(key);
    return input ? { low: input.low, high: input.high } : undefined;
  };
  const traffic = scenario.traffic.map((slice) => {
    const ranges: Partial<Record<(typeof SLICE_RANGE_FIELDS)[number], ValueRange>> = {};
    for (const field of SLICE_RANGE_FIELDS) {
      const range = rangeOf(`traffic/${slice.id}/${field}`);
      if (range) ranges[field] = range;
    }
    return { ...slice, ranges };
  });
  const financeRanges: Partial<Record<(typeof FINANCE_RANGE_FIELDS)[number], ValueRange>> = {};
  for (const field of FINANCE_RANGE_FIELDS) {
    const range = rangeOf(`finance/${field}`);
    if (range) financeRanges[field] = range;
  }
  const strategies = scenario.strategies.map((strategy): Strategy => {
    if (strategy.kind === 'cascade') {
      const routes = Object.create(null) as typeof strategy.routes;
      for (const sliceId of Object.keys(strategy.routes)) {
        const route = strategy.routes[sliceId]!;
        const escalationRanges = route.escalation.map(
          (_, i) => rangeOf(`strategies/${strategy.id}/${sliceId}/escalation/${i}`) ?? null,
        );
        routes[sliceId] = { ...route, escalationRanges };
      }
      return { ...strategy, routes };
    }
    if (strategy.kind === 'router') {
      const shareRanges = Object.create(null) as Record<string, Record<string, ValueRange>>;
      for (const sliceId of Object.keys(strategy.routes)) {
        const ranges = Object.create(null) as Record<string, ValueRange>;
        for (const modelId of Object.keys(strategy.routes[sliceId]!)) {
          const range = rangeOf(`strategies/${strategy.id}/${sliceId}/share/${modelId}`);
          if (range) ranges[modelId] = range;
        }
        shareRanges[sliceId] = ranges;
      }
      return { ...strategy, shareRanges };
    }
    return strategy;
  });
  return { ...scenario, traffic, finance: { ...scenario.finance, ranges: financeRanges }, strategies };
}

describe('makePlanPatcher', () => {
  it('gives exactly planStrategy of each drawn scenario, and runs to exactly simulateStrategy', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary(),
        pickArbitrary,
        spotsArbitrary,
        spotsArbitrary,
        (scenario, picks, a, b) => {
          const inputs = pickInputs(scenario, picks);
          const keys = inputs.map((input) => input.key);
          const apply = compileInputValues(scenario, keys);
          const reach = findInputReach(scenario, keys);
          const patchers = scenario.strategies.map((_, s) => makePlanPatcher(scenario, s, reach.replan[s]!));
          const runOutline = makeOutlineRunner(scenario.horizonMonths);
          // Two draws through the same patchers: the second patches over the first.
          for (const spots of [a, b]) {
            const drawn = apply(drawValues(inputs, spots));
            const drivers = tabulateMonthlyDrivers(drawn);
            drawn.strategies.forEach((strategy, s) => {
              const plan = patchers[s]!(drawn);
              expect(plan).toEqual(planStrategy(drawn, strategy));
              // A strategy its inputs do not reach keeps the scenario's own plan.
              if (reach.replan[s]!.length === 0 && strategy === scenario.strategies[s])
                expect(plan).toEqual(planStrategy(scenario, strategy));
              expectOutlineOf(simulateStrategy(drawn, strategy, drivers), runOutline(drawn, plan, drivers));
            });
          }
        },
      ),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });
});

describe('runMonteCarlo with ranged inputs', () => {
  it('equals percentiles of simulate run sample by sample on the drawn scenarios', () => {
    fc.assert(
      // 129 samples: more than one batch of the monthly spend table, and a part of one.
      fc.property(
        scenarioArbitrary(),
        pickArbitrary,
        fc.integer(),
        fc.constantFrom(1, 12, 129),
        (plain, picks, seed, samples) => {
          const scenario = withRanges(plain, picks);
          const result = runMonteCarlo(scenario, { samples, seed });
          const inputs = listUncertainInputs(scenario);
          expect(result.inputs).toEqual(inputs);

          const random = createRandomSource(seed);
          const runs = Array.from({ length: samples }, () => {
            const values = new Map(
              inputs.map((input) => [
                input.key,
                drawTriangular(random(), input.low, input.likely, input.high),
              ]),
            );
            return simulate(withInputValues(scenario, values));
          });
          result.strategies.forEach((strategy, s) => {
            const runsOf = runs.map((run) => run.strategies[s]!);
            expect(strategy.horizonSpend).toEqual(measurePercentiles(runsOf.map((run) => run.totals.spend)));
            expect(strategy.firstYearSpend).toEqual(
              measurePercentiles(runsOf.map((run) => run.totals.firstYearSpend)),
            );
            strategy.monthlySpend.forEach((month, m) =>
              expect(month).toEqual(measurePercentiles(runsOf.map((run) => run.months[m]!.spend))),
            );
            const count = (month: (run: (typeof runsOf)[number]) => number | null) => {
              const counts = new Array<number>(scenario.horizonMonths + 1).fill(0);
              for (const run of runsOf) counts[month(run) ?? scenario.horizonMonths]! += 1;
              return counts;
            };
            expect(strategy.creditsExhaustedCounts).toEqual(count((run) => run.creditsExhaustedMonth));
            expect(strategy.runwayCounts).toEqual(count((run) => run.runwayMonths));
          });
        },
      ),
      { seed: SEED, numRuns: Math.ceil(NUM_RUNS / 2) },
    );
  });
});
