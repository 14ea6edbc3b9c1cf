/**
 * The lean run (`simulateStrategyOutline`, which Monte Carlo samples) must give exactly the figures of the full
 * `simulateStrategy`: same arithmetic in the same order, so equality is exact, not within a tolerance. The
 * credit pools drawn through `drawCredits` and through its ledger core must agree the same way.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { drawCredits } from '../../src/domain/credits';
import {
  planStrategy,
  simulate,
  simulateInSteps,
  simulateStrategy,
  simulateStrategyOutline,
  tabulateMonthlyDrivers,
} from '../../src/domain/simulate';
import { expectOutlineOf } from '../factories/outline-expectations';
import { scenarioArbitrary } from '../factories/scenario-arbitrary';

/** Fixed so every run checks the same scenarios; override with PROPERTY_SEED / PROPERTY_RUNS to explore. */
const SEED = Number(process.env.PROPERTY_SEED ?? 42);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 200);

vi.setConfig({ testTimeout: Math.max(60_000, NUM_RUNS * 300) });

describe('simulateStrategyOutline', () => {
  it('gives exactly the totals, months and outcomes of simulateStrategy', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const drivers = tabulateMonthlyDrivers(scenario);
        for (const strategy of scenario.strategies) {
          const full = simulateStrategy(scenario, strategy);
          expectOutlineOf(full, simulateStrategyOutline(scenario, planStrategy(scenario, strategy), drivers));
        }
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });

  it('serves a scenario that differs from the planned one only in requests, growth and finance', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary(),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        (scenario, requestScale, growth) => {
          const changed = {
            ...scenario,
            traffic: scenario.traffic.map((slice) => ({
              ...slice,
              requestsPerMonth: slice.requestsPerMonth * requestScale,
              monthlyGrowth: growth,
            })),
            finance: { ...scenario.finance, otherMonthlyBurn: scenario.finance.otherMonthlyBurn + 1000 },
          };
          for (const strategy of scenario.strategies) {
            const reused = simulateStrategyOutline(changed, planStrategy(scenario, strategy));
            expectOutlineOf(simulateStrategy(changed, strategy), reused);
          }
        },
      ),
      { seed: SEED, numRuns: Math.ceil(NUM_RUNS / 2) },
    );
  });
});

describe('drawCredits', () => {
  it('returns one record entry per pool, in list order', () => {
    const pools = [
      { id: 'b', name: 'B', amount: 50, startMonth: 0, expiresAfterMonths: 1, appliesTo: ['*'] },
      { id: '__proto__', name: 'P', amount: 100, startMonth: 0, expiresAfterMonths: null, appliesTo: ['x'] },
    ];
    const balances = [50, 100];
    // Month 0: "b" ends first, so it pays first: 50 of x's 80; "__proto__" pays x's other 30, then y is
    // not covered by it: y's 20 goes to cash. "b" expires at the end of month 0 with nothing left.
    const draw = drawCredits(pools, balances, { y: 20, x: 80 }, 0);
    expect(Object.keys(draw.creditsDrawn)).toEqual(['b', '__proto__']);
    expect(draw.creditsDrawn['b']).toBe(50);
    expect(draw.creditsDrawn['__proto__']).toBe(30);
    expect(draw.balances['__proto__']).toBe(70);
    expect(draw.cashSpentOnAI).toBe(20);
    expect(draw.creditsUsed).toBe(80);
    expect(balances).toEqual([0, 70]);
  });
});

describe('simulateInSteps', () => {
  it('runs one strategy per step, after which simulate gives exactly what it gives at once', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(), (scenario, stopAt) => {
        const atOnce = JSON.stringify(simulate(scenario));
        const step = simulateInSteps(scenario);
        const count = scenario.strategies.length;
        // The first step tabulates the drivers and runs the first strategy; the last one reports done.
        for (let i = 1; i < count; i++) expect(step()).toBe(false);
        expect(step()).toBe(true);
        expect(JSON.stringify(simulate(scenario))).toBe(atOnce);
        // Steps cut short leave simulate to run the rest itself, with the same figures.
        const partial = simulateInSteps(scenario);
        for (let i = 0; i < stopAt % (count + 1); i++) partial();
        expect(JSON.stringify(simulate(scenario))).toBe(atOnce);
      }),
      { seed: SEED, numRuns: Math.ceil(NUM_RUNS / 2) },
    );
  });
});
