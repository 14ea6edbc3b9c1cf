/**
 * Seeded property tests of sensitivity: for inputs that can only push spend one way, the point estimate lies
 * between the outcomes at the low and the high end, and entries come in tornado order.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { analyseSensitivity } from '../../src/domain/sensitivity';
import type { Scenario } from '../../src/domain/scenario-schema';
import type { SensitivityEntry } from '../../src/domain/sensitivity';
import { scenarioArbitrary } from '../factories/scenario-arbitrary';

/** Fixed so every run checks the same scenarios; override with PROPERTY_SEED / PROPERTY_RUNS to explore. */
const SEED = Number(process.env.PROPERTY_SEED ?? 42);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
/** Sums of the same months in another order differ by rounding only: a billionth of the figure. */
const RELATIVE_TOLERANCE = 1e-9;

const settings = { seed: SEED, numRuns: NUM_RUNS } as const;

vi.setConfig({ testTimeout: Math.max(60_000, NUM_RUNS * 600) });

/**
 * Inputs that can only raise spend as they rise, for every strategy: requests (more calls), growth (more
 * calls every month after the first). Token counts too, except under "cheapest meeting the bar", where a
 * larger request can outgrow every context window and fall back to a cheaper high-quality model. Input tokens
 * not at all when a model has a long-context tier (crossing its threshold may switch to cheaper prices) or a
 * minimum cached prefix (a longer input can lift the prefix over the minimum and start caching).
 */
function isRisingInput(entry: SensitivityEntry, strategyKind: string, scenario: Scenario): boolean {
  const field = entry.input.key.slice(entry.input.key.lastIndexOf('/') + 1);
  if (!entry.input.key.startsWith('traffic/')) return false;
  if (field === 'requestsPerMonth' || field === 'monthlyGrowth') return true;
  if (strategyKind === 'cheapest-meeting-bar') return false;
  if (field === 'outputTokens') return true;
  return field === 'inputTokens' && !hasInputThresholds(scenario);
}

/** True when some per-token model prices calls differently above a number of input or prefix tokens. */
function hasInputThresholds(scenario: Scenario): boolean {
  return scenario.catalog.some(
    (model) =>
      model.pricing.kind === 'per-token' &&
      (model.pricing.longContext !== null || model.pricing.minCachePrefixTokens > 0),
  );
}

function isAtMost(a: number, b: number): boolean {
  return a <= b + RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

describe('analyseSensitivity (property)', () => {
  it('puts the baseline spend between the low and high outcomes of inputs that only raise spend', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(), (scenario, pick) => {
        const strategy = scenario.strategies[pick % scenario.strategies.length];
        if (strategy) {
          const result = analyseSensitivity(scenario, strategy.id);
          expect(result).not.toBeNull();
          if (!result) return;
          const base = result.baseline.firstYearSpend;
          for (const entry of result.entries) {
            if (!isRisingInput(entry, strategy.kind, scenario)) continue;
            const what = `${strategy.kind} "${strategy.id}", ${entry.input.key}`;
            expect(isAtMost(entry.atLow.firstYearSpend, base), `${what}: low ≤ baseline`).toBe(true);
            expect(isAtMost(base, entry.atHigh.firstYearSpend), `${what}: baseline ≤ high`).toBe(true);
            // For these the swing is simply high − low.
            const span = entry.atHigh.firstYearSpend - entry.atLow.firstYearSpend;
            expect(Math.abs(entry.spendSwingUsd - span)).toBeLessThanOrEqual(
              RELATIVE_TOLERANCE * Math.max(1, Math.abs(entry.atHigh.firstYearSpend)),
            );
          }
        }
      }),
      settings,
    );
  });

  it('lists entries by spend swing, largest first, with every swing ≥ 0', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const strategy = scenario.strategies[0];
        if (!strategy) return;
        const entries = analyseSensitivity(scenario, strategy.id)?.entries ?? [];
        entries.forEach((entry, i) => {
          expect(entry.spendSwingUsd).toBeGreaterThanOrEqual(0);
          expect(entry.runwaySwingMonths).toBeGreaterThanOrEqual(0);
          const next = entries[i + 1];
          if (next) expect(isAtMost(next.spendSwingUsd, entry.spendSwingUsd)).toBe(true);
        });
      }),
      settings,
    );
  });
});
