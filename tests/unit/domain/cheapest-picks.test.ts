import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveRoutes } from '../../../src/domain/routes';
import type { Scenario, Strategy } from '../../../src/domain/scenario-schema';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { makeTwoSliceScenario } from '../../factories/two-slice-scenario';
import { scenarioArbitrary } from '../../factories/scenario-arbitrary';

function valid(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const cheapest: Strategy = { id: 'best', name: 'Best', kind: 'cheapest-meeting-bar' };

/** The model each slice is sent to. */
function picks(scenario: Scenario): string[] {
  return resolveRoutes(scenario, cheapest).map((route) => route.legs[0]!.model.id);
}

describe('cheapest-meeting-bar picks remembered per slice', () => {
  // main (bar 0): cheap at $0.0012 beats dear at $0.0045. hard (bar 80): only dear (90) meets it.
  const base = valid({ ...makeTwoSliceScenario(), strategies: [cheapest] });

  it('follows a catalog edit on the very same slice objects', () => {
    expect(picks(base)).toEqual(['cheap', 'dear']);
    // dear now costs 0.1 / 0.1 $/MTok: main = 1,000·1e-7 + 100·1e-7 = $0.00011, cheaper than cheap.
    const catalog = base.catalog.map((model) =>
      model.id === 'dear' && model.pricing.kind === 'per-token'
        ? { ...model, pricing: { ...model.pricing, inputPerMTok: 0.1, outputPerMTok: 0.1 } }
        : model,
    );
    const repriced = { ...base, catalog };
    expect(repriced.traffic[0]).toBe(base.traffic[0]);
    expect(picks(repriced)).toEqual(['dear', 'dear']);
    expect(picks(base)).toEqual(['cheap', 'dear']);
  });

  it('follows an evaluation and an option change, and a slice edit', () => {
    // An evaluation scoring cheap 95 on "hard" lets cheap ($0.0028) meet the bar of 80.
    const evaluations = valid({
      ...base,
      evaluations: [{ model: 'cheap', slice: 'hard', score: 95 }],
    }).evaluations;
    expect(picks({ ...base, evaluations })).toEqual(['cheap', 'cheap']);
    const barRaised = { ...base, traffic: [{ ...base.traffic[0]!, qualityBar: 85 }, base.traffic[1]!] };
    expect(picks(barRaised)).toEqual(['dear', 'dear']);
    expect(picks({ ...base, options: { ...base.options, batch: false } })).toEqual(['cheap', 'dear']);
  });
});

describe('cheapest-meeting-bar picks after an edit of a few models', () => {
  it('pick what a search of the whole edited catalog picks, on any scenario and any repricing', () => {
    // After an edit that changes a few models (new objects at the same places) only those are priced against the
    // pick before it; a fresh copy of the edited scenario is searched whole. Both must agree, ties included.
    fc.assert(
      fc.property(
        scenarioArbitrary()
          .filter((scenario) => scenario.catalog.some((model) => model.pricing.kind === 'per-token'))
          .chain((scenario) =>
            fc.tuple(
              fc.constant(scenario),
              fc.uniqueArray(fc.integer({ min: 0, max: scenario.catalog.length - 1 }), {
                minLength: 1,
                maxLength: 3,
              }),
              fc.constantFrom(0, 0.5, 1, 2),
              fc.integer({ min: 0, max: 100 }),
            ),
          ),
        ([scenario, places, factor, quality]) => {
          const base = { ...scenario, strategies: [cheapest] };
          resolveRoutes(base, cheapest);
          const catalog = base.catalog.map((model, i) => {
            if (!places.includes(i) || model.pricing.kind !== 'per-token') return model;
            const { inputPerMTok, outputPerMTok } = model.pricing;
            return {
              ...model,
              quality,
              pricing: {
                ...model.pricing,
                inputPerMTok: inputPerMTok * factor,
                outputPerMTok: outputPerMTok * factor,
              },
            };
          });
          const edited = { ...base, catalog };
          const describe = (s: Scenario) =>
            resolveRoutes(s, cheapest).map((route) => [route.legs[0]!.model.id, route.unmetQuality]);
          expect(describe(edited)).toEqual(describe(structuredClone(edited)));
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});
