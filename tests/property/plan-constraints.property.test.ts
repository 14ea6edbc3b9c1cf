/**
 * Seeded property tests of `findBrokenConstraints` against the engine: for a cheapest-meeting-bar strategy, a
 * slice breaks its bar, window or region exactly when the engine reports it in `unmetQuality` (the engine picks a
 * model meeting all three when one exists, else a fallback that breaks at least one); and every share is in 0–1.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { findBrokenConstraints, findBrokenConstraintsByStrategy } from '../../src/domain/plan-constraints';
import { pickRecommendedStrategy } from '../../src/domain/poc-estimate';
import { simulate } from '../../src/domain/simulate';
import { findCheapestSoundStrategy, findCheapestStrategy } from '../../src/domain/strategy-figures';
import { scenarioArbitrary } from '../factories/scenario-arbitrary';

const SEED = Number(process.env.PROPERTY_SEED ?? 42);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

vi.setConfig({ testTimeout: Math.max(60_000, NUM_RUNS * 300) });

describe('findBrokenConstraints (property)', () => {
  it("agrees with cheapest-meeting-bar's unmetQuality, slice by slice", () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const results = simulate(scenario).strategies;
        scenario.strategies.forEach((strategy, index) => {
          if (strategy.kind !== 'cheapest-meeting-bar') return;
          const broken = findBrokenConstraints(scenario, strategy).filter((c) => c.kind !== 'retired');
          const slices = scenario.traffic
            .map((s) => s.id)
            .filter((id) => broken.some((c) => c.sliceId === id));
          expect(slices).toEqual(results[index]!.unmetQuality);
        });
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('gives every constraint a share above 0 and at most 1', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        for (const strategy of scenario.strategies)
          for (const constraint of findBrokenConstraints(scenario, strategy)) {
            expect(constraint.share).toBeGreaterThan(0);
            expect(constraint.share).toBeLessThanOrEqual(1);
          }
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('crowns as cheapest the strategy the POC estimate recommends on spend, or the cheapest of all when none is sound', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const result = simulate(scenario);
        const broken = findBrokenConstraintsByStrategy(scenario);
        const crowned = findCheapestSoundStrategy(result, broken);
        const recommended = pickRecommendedStrategy(scenario, result, 'spend').strategy;
        expect(crowned?.id).toBe((recommended ?? findCheapestStrategy(result))?.id);
        // A sound strategy is crowned whenever there is one, and none cheaper is sound.
        if (recommended) {
          expect(broken.get(crowned!.id)).toEqual([]);
          for (const strategy of result.strategies)
            if ((broken.get(strategy.id) ?? []).length === 0)
              expect(strategy.totals.firstYearSpend).toBeGreaterThanOrEqual(crowned!.totals.firstYearSpend);
        }
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });
});
