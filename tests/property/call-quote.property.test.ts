/**
 * Seeded properties of the per-request quotes: each is the engine's costPerCall for the same call, and what it
 * says the bill applied agrees with the figures (an uncached prefix costs what list costs; the tier is named
 * exactly when the call's model tokens pass its threshold).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costPerCall, isPerTokenModel } from '../../src/domain/call-cost';
import { quoteCatalog } from '../../src/domain/call-quote';
import { scenarioArbitrary } from '../factories/scenario-arbitrary';

const SEED = Number(process.env.PROPERTY_SEED ?? 42);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const settings = { seed: SEED, numRuns: NUM_RUNS } as const;

describe('quoteCatalog', () => {
  it('quotes every per-token model with costPerCall’s own figures and names what applied', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        for (const slice of scenario.traffic) {
          const { quotes, capacityCount } = quoteCatalog(scenario.catalog, slice, scenario.options);
          expect(quotes.length + capacityCount).toBe(scenario.catalog.length);
          for (const quote of quotes) {
            const model = scenario.catalog[quote.index];
            if (!model || !isPerTokenModel(model)) throw new Error('a quote points at a capacity model');
            expect(quote.cost).toEqual(costPerCall(slice, model, scenario.options));
            expect(quote.perMillionCalls).toBe(quote.cost.final * 1e6);
            const tier = model.pricing.longContext;
            const inTier = tier !== null && slice.inputTokens * model.tokenizerFactor > tier.aboveInputTokens;
            expect(quote.longContextAbove).toBe(inTier ? tier.aboveInputTokens : null);
            if (quote.prefix.kind === 'below-minimum' || quote.prefix.kind === 'no-caching') {
              // Nothing was cached: before the batch discount the call costs its list price.
              expect(quote.cost.cached).toBeCloseTo(quote.cost.list, 12);
            }
          }
        }
      }),
      settings,
    );
  });
});
