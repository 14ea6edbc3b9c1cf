/**
 * Seeded property tests of `findBrokenConstraints` against the engine: for a cheapest-meeting-bar strategy, a
 * slice breaks its bar, window or region exactly when the engine reports it in `unmetQuality` (the engine picks a
 * model meeting all three when one exists, else a fallback that breaks at least one); and every share is in 0–1.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { findBrokenConstraints } from '../../src/domain/plan-constraints';
import { simulate } from '../../src/domain/simulate';
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
});
