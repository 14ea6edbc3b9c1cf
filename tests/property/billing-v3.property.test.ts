/**
 * Seeded property tests of schema version 3's billing fields: a prefix under the model's minimum is never cached,
 * fixed costs and commitment terms never lower spend, and a version-2 document gives identical figures after
 * migration (as it is, relabelled version 3, or with every version-3 field written out at its default).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costPerCall } from '../../src/domain/call-cost';
import type { Model, Scenario, ScenarioInput } from '../../src/domain/scenario-schema';
import { simulate } from '../../src/domain/simulate';
import type { MonthResult, StrategyResult } from '../../src/domain/simulate';
import { validateScenario } from '../../src/domain/validate-scenario';
import { scenarioArbitrary, scenarioInputArbitrary, toValidScenario } from '../factories/scenario-arbitrary';

/** Fixed so every run checks the same scenarios; override with PROPERTY_SEED / PROPERTY_RUNS to explore. */
const SEED = Number(process.env.PROPERTY_SEED ?? 42);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 100);
const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_FLOOR_USD = 1e-11;
/** Each property simulates two to three times per scenario: far longer than Vitest's 5 s on a busy machine. */
const TIMEOUT_MS = Math.max(60_000, NUM_RUNS * 600);

const settings = { seed: SEED, numRuns: NUM_RUNS } as const;

/** |a − b| within 1e-9 of the larger of a, b and `scale`. */
function expectClose(actual: number, expected: number, what: string, scale = 0): void {
  const size = Math.max(Math.abs(actual), Math.abs(expected), Math.abs(scale));
  if (!(Math.abs(actual - expected) <= RELATIVE_TOLERANCE * size + ABSOLUTE_FLOOR_USD))
    expect.fail(`${what}: ${actual} vs ${expected} (difference ${actual - expected})`);
}

/** `a ≤ b` allowing for rounding in figures the size of `b`. */
function isAtMost(a: number, b: number): boolean {
  return a <= b + RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) + ABSOLUTE_FLOOR_USD;
}

function expectSpendAtMost(lower: StrategyResult, higher: StrategyResult, what: string): void {
  lower.months.forEach((month, t) => {
    const other = higher.months[t] as MonthResult;
    if (!isAtMost(month.spend, other.spend))
      expect.fail(`${what}: month ${t} spend ${month.spend} > ${other.spend}`);
  });
  if (!isAtMost(lower.totals.spend, higher.totals.spend))
    expect.fail(`${what}: total ${lower.totals.spend} > ${higher.totals.spend}`);
}

function withCatalog(scenario: Scenario, change: (model: Model) => Model): Scenario {
  return { ...scenario, catalog: scenario.catalog.map(change) };
}

describe('a prefix under the model’s minimum is never cached', () => {
  it(
    'bills such a call at list: cached equals list whenever min(prefix, input) · k < minCachePrefixTokens',
    () => {
      fc.assert(
        fc.property(scenarioArbitrary(), (scenario) => {
          for (const slice of scenario.traffic) {
            for (const model of scenario.catalog) {
              if (model.pricing.kind !== 'per-token') continue;
              const prefix = Math.min(slice.cachedPrefixTokens, slice.inputTokens) * model.tokenizerFactor;
              if (!(prefix < model.pricing.minCachePrefixTokens)) continue;
              const cost = costPerCall(slice, { ...model, pricing: model.pricing }, scenario.options);
              // (1 − b) · list + b · list: equal to list up to rounding.
              expectClose(cost.cached, cost.list, `slice "${slice.id}" on "${model.id}" cached`);
            }
          }
        }),
        settings,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'with every minimum above every prefix, spend equals spend with caching switched off on every model',
    () => {
      fc.assert(
        fc.property(scenarioArbitrary(), (scenario) => {
          const unreachable = withCatalog(scenario, (model) =>
            model.pricing.kind === 'per-token'
              ? { ...model, pricing: { ...model.pricing, minCachePrefixTokens: 1e12 } }
              : model,
          );
          const noCaching = withCatalog(scenario, (model) => {
            if (model.pricing.kind !== 'per-token') return model;
            const tier = model.pricing.longContext;
            return {
              ...model,
              pricing: {
                ...model.pricing,
                cacheReadPerMTok: null,
                longContext: tier === null ? null : { ...tier, cacheReadPerMTok: null },
              },
            };
          });
          const a = simulate(unreachable);
          const b = simulate(noCaching);
          a.strategies.forEach((strategy, i) => {
            const other = b.strategies[i] as StrategyResult;
            const at = `"${strategy.id}"`;
            expectClose(
              strategy.totals.savings.caching,
              0,
              `${at} caching savings`,
              strategy.totals.listSpend,
            );
            strategy.months.forEach((month, t) =>
              expectClose(month.spend, (other.months[t] as MonthResult).spend, `${at} month ${t} spend`),
            );
            expectClose(strategy.totals.spend, other.totals.spend, `${at} total spend`);
            expectClose(
              strategy.totals.cashSpentOnAI,
              other.totals.cashSpentOnAI,
              `${at} cash`,
              strategy.totals.spend,
            );
          });
        }),
        settings,
      );
    },
    TIMEOUT_MS,
  );
});

/** A fixed cost to add: any platform, window, growth, paid by every strategy or by some. */
function extraFixedCostArbitrary(scenario: Scenario): fc.Arbitrary<Scenario['fixedCosts'][number]> {
  const platforms = [...new Set(['bedrock', ...scenario.catalog.map((model) => model.platform)])];
  return fc.integer({ min: 0, max: scenario.horizonMonths }).chain((startMonth) =>
    fc.record({
      id: fc.constant(`extra-${scenario.fixedCosts.length}`),
      name: fc.constant('Extra fixed cost'),
      platform: fc.constantFrom(...platforms),
      monthlyAmount: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e5, noNaN: true })),
      startMonth: fc.constant(startMonth),
      endMonth: fc.option(fc.integer({ min: startMonth + 1, max: scenario.horizonMonths + 1 }), {
        nil: null,
      }),
      monthlyGrowth: fc.double({ min: -0.9, max: 0.5, noNaN: true }),
      strategies: fc.option(fc.subarray(scenario.strategies.map((strategy) => strategy.id)), { nil: null }),
    }),
  );
}

describe('fixed costs and commitments never lower spend', () => {
  it(
    'adding a fixed cost never lowers any month’s spend nor the total',
    () => {
      fc.assert(
        fc.property(
          scenarioArbitrary().chain((scenario) =>
            fc.tuple(fc.constant(scenario), extraFixedCostArbitrary(scenario)),
          ),
          ([scenario, extra]) => {
            const before = simulate(scenario);
            const after = simulate({ ...scenario, fixedCosts: [...scenario.fixedCosts, extra] });
            before.strategies.forEach((strategy, i) =>
              expectSpendAtMost(
                strategy,
                after.strategies[i] as StrategyResult,
                `fixed cost, "${strategy.id}"`,
              ),
            );
          },
        ),
        settings,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'raising a capacity model’s commitmentMonths from 0 never lowers any month’s spend nor the total',
    () => {
      fc.assert(
        fc.property(
          scenarioArbitrary()
            .filter((scenario) => scenario.catalog.some((model) => model.pricing.kind === 'capacity'))
            .chain((scenario) =>
              fc.tuple(
                fc.constant(scenario),
                fc.constantFrom(...scenario.catalog.filter((model) => model.pricing.kind === 'capacity')),
                fc.oneof(fc.constantFrom(1, 6, 12), fc.integer({ min: 1, max: 40 })),
              ),
            ),
          ([scenario, target, months]) => {
            const withTerm = (commitmentMonths: number) =>
              withCatalog(scenario, (model) =>
                model === target && model.pricing.kind === 'capacity'
                  ? { ...model, pricing: { ...model.pricing, commitmentMonths } }
                  : model,
              );
            const before = simulate(withTerm(0));
            const after = simulate(withTerm(months));
            before.strategies.forEach((strategy, i) =>
              expectSpendAtMost(
                strategy,
                after.strategies[i] as StrategyResult,
                `commitment ${months} on "${target.id}", "${strategy.id}"`,
              ),
            );
          },
        ),
        settings,
      );
    },
    TIMEOUT_MS,
  );
});

type Json = Record<string, unknown>;

/** The document with every field version 3 adds written out at its default. */
function withVersion3Defaults(input: ScenarioInput): ScenarioInput {
  const document = input as unknown as Json;
  const catalog = (document.catalog as Json[]).map((model) => {
    const pricing = model.pricing as Json;
    const v3Pricing =
      pricing.kind === 'capacity'
        ? { ...pricing, commitmentMonths: 0 }
        : {
            ...pricing,
            cacheWrite1hPerMTok: null,
            minCachePrefixTokens: 0,
            batchCaching: true,
            longContext: null,
          };
    return { ...model, pricing: v3Pricing, region: null, tokenizerFactor: 1, reasoning: false };
  });
  const traffic = (document.traffic as Json[]).map((slice) => ({
    ...slice,
    regions: null,
    cacheTtl: '5m',
    reasoningTokens: 0,
  }));
  return { ...document, schemaVersion: 3, catalog, traffic, fixedCosts: [] } as unknown as ScenarioInput;
}

describe('a version-2 file gives identical figures after migration', () => {
  it(
    'as it is, relabelled version 1 or 3, and with every version-3 field at its default: the same results',
    () => {
      fc.assert(
        fc.property(scenarioInputArbitrary({ version: 2 }), (input) => {
          expect(input.schemaVersion).toBe(2);
          const asV2 = toValidScenario(input);
          const asV3 = toValidScenario({ ...input, schemaVersion: 3 });
          const asV1 = toValidScenario({ ...input, schemaVersion: 1 });
          const spelledOut = validateScenario(withVersion3Defaults(input));
          expect(spelledOut.ok, JSON.stringify(spelledOut.ok ? null : spelledOut.issues)).toBe(true);
          if (!spelledOut.ok) return;
          expect(asV3).toEqual(asV2);
          expect(spelledOut.value).toEqual(asV2);
          const figures = simulate(asV2);
          for (const result of [simulate(asV3), simulate(asV1), simulate(spelledOut.value)])
            expect(result).toEqual(figures);
          for (const strategy of figures.strategies) {
            expect(strategy.offRegion).toEqual([]);
            for (const month of strategy.months) expect(month.byFixedCost).toEqual({});
          }
        }),
        settings,
      );
    },
    TIMEOUT_MS,
  );
});
