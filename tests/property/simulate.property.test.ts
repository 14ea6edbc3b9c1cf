/**
 * Seeded property tests of the planning engine: agreement with the from-scratch reference implementation, the
 * bookkeeping identities every result must satisfy, and the directions figures must move in.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Model, Scenario } from '../../src/domain/scenario-schema';
import { costPerCall } from '../../src/domain/call-cost';
import { simulate } from '../../src/domain/simulate';
import type { MoneyById, MonthResult, StrategyResult } from '../../src/domain/simulate';
import { scenarioArbitrary } from '../factories/scenario-arbitrary';
import { computeReferenceCallCost, simulateReference } from '../reference/reference-simulate';

/** Fixed so every run checks the same scenarios; override with PROPERTY_SEED / PROPERTY_RUNS to explore. */
const SEED = Number(process.env.PROPERTY_SEED ?? 42);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
/** Relative agreement required between the engine and the reference, and in every identity. */
const RELATIVE_TOLERANCE = 1e-9;
/** Below this many dollars two figures are equal whatever their ratio (a billionth of a cent). */
const ABSOLUTE_FLOOR_USD = 1e-11;

const settings = { seed: SEED, numRuns: NUM_RUNS } as const;

// 200 scenarios per property take about a second on an idle core; leave room for a busy machine and longer runs.
vi.setConfig({ testTimeout: Math.max(60_000, NUM_RUNS * 300) });

/** |a − b| within 1e-9 of the larger of a, b and `scale` (the size of the figures they were computed from). */
function isClose(actual: number, expected: number, scale = 0): boolean {
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return Object.is(actual, expected);
  const size = Math.max(Math.abs(actual), Math.abs(expected), Math.abs(scale));
  return Math.abs(actual - expected) <= RELATIVE_TOLERANCE * size + ABSOLUTE_FLOOR_USD;
}

function expectClose(actual: number, expected: number, what: string, scale = 0): void {
  if (!isClose(actual, expected, scale)) {
    expect.fail(`${what}: engine ${actual} vs expected ${expected} (difference ${actual - expected})`);
  }
}

/** Compares two id-keyed money records, a missing key counting as 0. */
function expectRecordsClose(actual: MoneyById, expected: MoneyById, what: string, scale: number): void {
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  for (const key of keys) expectClose(actual[key] ?? 0, expected[key] ?? 0, `${what}["${key}"]`, scale);
}

function sumValues(record: MoneyById): number {
  let total = 0;
  for (const key of Object.keys(record)) total += record[key] ?? 0;
  return total;
}

/** The size of the numbers a month's cash balance was computed from, so a near-zero balance compares fairly. */
function cashScale(scenario: Scenario, months: readonly MonthResult[], upTo: number): number {
  const { finance } = scenario;
  let scale = Math.abs(finance.cashOnHand);
  for (let t = 0; t <= upTo; t++) {
    scale += Math.abs(finance.monthlyRevenue * Math.pow(1 + finance.revenueGrowth, t));
    scale += Math.abs(finance.otherMonthlyBurn) + Math.abs(months[t]?.spend ?? 0);
  }
  return scale;
}

function expectStrategyMatchesReference(
  scenario: Scenario,
  actual: StrategyResult,
  expected: StrategyResult,
): void {
  const id = `strategy "${expected.id}"`;
  expect(actual.id).toBe(expected.id);
  expect(actual.kind).toBe(expected.kind);
  expect(actual.unmetQuality, `${id} unmetQuality`).toEqual(expected.unmetQuality);
  expect(actual.offRegion, `${id} offRegion`).toEqual(expected.offRegion);
  expect(actual.creditsExhaustedMonth, `${id} creditsExhaustedMonth`).toBe(expected.creditsExhaustedMonth);
  expect(actual.runwayMonths, `${id} runwayMonths`).toBe(expected.runwayMonths);
  expect(actual.months.length).toBe(expected.months.length);
  const totalScale = expected.totals.listSpend + expected.totals.spend;
  const totals = [
    'spend',
    'listSpend',
    'firstYearSpend',
    'creditsUsed',
    'creditsExpired',
    'cashSpentOnAI',
  ] as const;
  for (const key of totals) expectClose(actual.totals[key], expected.totals[key], `${id} totals.${key}`, 0);
  expectClose(
    actual.totals.savings.caching,
    expected.totals.savings.caching,
    `${id} savings.caching`,
    totalScale,
  );
  expectClose(actual.totals.savings.batch, expected.totals.savings.batch, `${id} savings.batch`, totalScale);
  expected.months.forEach((want, t) => {
    const got = actual.months[t] as MonthResult;
    const at = `${id} month ${t}`;
    expect(got.month).toBe(t);
    const monthScale = want.listSpend + want.spend;
    expectClose(got.spend, want.spend, `${at} spend`);
    expectClose(got.listSpend, want.listSpend, `${at} listSpend`);
    expectClose(got.savings.caching, want.savings.caching, `${at} savings.caching`, monthScale);
    expectClose(got.savings.batch, want.savings.batch, `${at} savings.batch`, monthScale);
    expectRecordsClose(got.bySlice, want.bySlice, `${at} bySlice`, want.spend);
    expectRecordsClose(got.byModel, want.byModel, `${at} byModel`, want.spend);
    expectRecordsClose(got.byPlatform, want.byPlatform, `${at} byPlatform`, want.spend);
    expect(Object.keys(got.byFixedCost).sort(), `${at} byFixedCost lists every fixed cost paid`).toEqual(
      Object.keys(want.byFixedCost).sort(),
    );
    expectRecordsClose(got.byFixedCost, want.byFixedCost, `${at} byFixedCost`, want.spend);
    expect(Object.keys(got.creditsDrawn).sort(), `${at} creditsDrawn lists every pool`).toEqual(
      scenario.credits.map((pool) => pool.id).sort(),
    );
    for (const pool of scenario.credits) {
      expectClose(
        got.creditsDrawn[pool.id] ?? NaN,
        want.creditsDrawn[pool.id] ?? NaN,
        `${at} creditsDrawn`,
        pool.amount,
      );
      expectClose(
        got.creditBalances[pool.id] ?? NaN,
        want.creditBalances[pool.id] ?? NaN,
        `${at} creditBalances`,
        pool.amount,
      );
    }
    expectClose(got.creditsExpired, want.creditsExpired, `${at} creditsExpired`, sumPoolAmounts(scenario));
    expectClose(got.cashSpentOnAI, want.cashSpentOnAI, `${at} cashSpentOnAI`, want.spend);
    expectRecordsClose(got.cashByPlatform, want.cashByPlatform, `${at} cashByPlatform`, want.spend);
    expectClose(got.cashEnd, want.cashEnd, `${at} cashEnd`, cashScale(scenario, expected.months, t));
  });
}

function sumPoolAmounts(scenario: Scenario): number {
  return scenario.credits.reduce((sum, pool) => sum + pool.amount, 0);
}

/** A copy of a scenario with one model changed. */
function withModel(scenario: Scenario, index: number, change: (model: Model) => Model): Scenario {
  return { ...scenario, catalog: scenario.catalog.map((model, i) => (i === index ? change(model) : model)) };
}

/** A model whose every price is `factor` times higher (base and long-context tier; null and left-out kept). */
function scalePrices(model: Model, factor: number): Model {
  const pricing = model.pricing;
  if (pricing.kind === 'capacity')
    return { ...model, pricing: { ...pricing, hourlyPerUnit: pricing.hourlyPerUnit * factor } };
  const scale = (price: number | null) => (price === null ? null : price * factor);
  const scaleLeftOut = (price: number | null | undefined) => (price === undefined ? undefined : scale(price));
  const tier = pricing.longContext;
  return {
    ...model,
    pricing: {
      ...pricing,
      inputPerMTok: pricing.inputPerMTok * factor,
      outputPerMTok: pricing.outputPerMTok * factor,
      cacheWritePerMTok: scale(pricing.cacheWritePerMTok),
      cacheReadPerMTok: scale(pricing.cacheReadPerMTok),
      cacheWrite1hPerMTok: scale(pricing.cacheWrite1hPerMTok),
      longContext:
        tier === null
          ? null
          : dropUndefined({
              ...tier,
              inputPerMTok: tier.inputPerMTok * factor,
              outputPerMTok: tier.outputPerMTok * factor,
              cacheWritePerMTok: scaleLeftOut(tier.cacheWritePerMTok),
              cacheReadPerMTok: scaleLeftOut(tier.cacheReadPerMTok),
              cacheWrite1hPerMTok: scaleLeftOut(tier.cacheWrite1hPerMTok),
            }),
    },
  };
}

/**
 * Caps every cache write and cache read price (5-minute and 1-hour writes, base and long-context tier) at the
 * input price of the same tier, so caching can only save. (A write price at or below input is not enough on its
 * own: a read price above input makes every hit dearer.) A tier price left out is the base one scaled by the
 * tiers' input ratio, so capping the base caps it too.
 */
function capCachePrices(scenario: Scenario): Scenario {
  const cap = (price: number | null, inputPerMTok: number) =>
    price === null ? null : Math.min(price, inputPerMTok);
  const capLeftOut = (price: number | null | undefined, inputPerMTok: number) =>
    price === undefined ? undefined : cap(price, inputPerMTok);
  return {
    ...scenario,
    catalog: scenario.catalog.map((model) => {
      const pricing = model.pricing;
      if (pricing.kind !== 'per-token') return model;
      const tier = pricing.longContext;
      return {
        ...model,
        pricing: {
          ...pricing,
          cacheWritePerMTok: cap(pricing.cacheWritePerMTok, pricing.inputPerMTok),
          cacheReadPerMTok: cap(pricing.cacheReadPerMTok, pricing.inputPerMTok),
          cacheWrite1hPerMTok: cap(pricing.cacheWrite1hPerMTok, pricing.inputPerMTok),
          longContext:
            tier === null
              ? null
              : dropUndefined({
                  ...tier,
                  cacheWritePerMTok: capLeftOut(tier.cacheWritePerMTok, tier.inputPerMTok),
                  cacheReadPerMTok: capLeftOut(tier.cacheReadPerMTok, tier.inputPerMTok),
                  cacheWrite1hPerMTok: capLeftOut(tier.cacheWrite1hPerMTok, tier.inputPerMTok),
                }),
        },
      };
    }),
  };
}

/** The object without its undefined fields (a tier price left out must stay left out, not become undefined). */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/**
 * Every per-token model with `batchCaching` true. With it false a batched request loses its caching discount, so
 * turning batch on can cost more than caching alone (the design's OpenAI case): batch only saves when it keeps
 * the caching.
 */
function withBatchCaching(scenario: Scenario): Scenario {
  return {
    ...scenario,
    catalog: scenario.catalog.map((model) =>
      model.pricing.kind === 'per-token'
        ? { ...model, pricing: { ...model.pricing, batchCaching: true } }
        : model,
    ),
  };
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

/** null (never) counts as later than any month. */
function monthOrInfinity(month: number | null): number {
  return month ?? Infinity;
}

describe('simulate agrees with the reference implementation', () => {
  it('matches every figure to 1e-9 relative, and month indexes, unmetQuality and offRegion exactly', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const actual = simulate(scenario);
        const expected = simulateReference(scenario);
        expect(actual.horizonMonths).toBe(expected.horizonMonths);
        expect(actual.strategies.length).toBe(expected.strategies.length);
        expected.strategies.forEach((want, i) =>
          expectStrategyMatchesReference(scenario, actual.strategies[i] as StrategyResult, want),
        );
      }),
      settings,
    );
  });
});

describe('costPerCall agrees with the reference’s one-call formula', () => {
  it('list, cached and final of every slice on every per-token model, to 1e-9 relative', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        for (const slice of scenario.traffic) {
          for (const model of scenario.catalog) {
            if (model.pricing.kind !== 'per-token') continue;
            const actual = costPerCall(slice, { ...model, pricing: model.pricing }, scenario.options);
            const expected = computeReferenceCallCost(scenario, slice, model);
            const at = `slice "${slice.id}" on "${model.id}"`;
            const scale = expected.list;
            expectClose(actual.list, expected.list, `${at} list`, scale);
            expectClose(actual.cached, expected.cached, `${at} cached`, scale);
            expectClose(actual.final, expected.final, `${at} final`, scale);
          }
        }
      }),
      settings,
    );
  });

  it('version-2 documents: simulate matches the reference too', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ version: 2 }), (scenario) => {
        const actual = simulate(scenario);
        simulateReference(scenario).strategies.forEach((want, i) =>
          expectStrategyMatchesReference(scenario, actual.strategies[i] as StrategyResult, want),
        );
      }),
      settings,
    );
  });
});

describe('simulate keeps its books', () => {
  it('totals equal the sum of their months; the splits and the payers each sum to spend', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        for (const strategy of simulate(scenario).strategies) {
          const { months, totals } = strategy;
          const sum = (pick: (month: MonthResult) => number, upTo = months.length) =>
            months.slice(0, upTo).reduce((total, month) => total + pick(month), 0);
          expectClose(
            totals.spend,
            sum((m) => m.spend),
            'totals.spend',
          );
          expectClose(
            totals.listSpend,
            sum((m) => m.listSpend),
            'totals.listSpend',
          );
          expectClose(
            totals.firstYearSpend,
            sum((m) => m.spend, 12),
            'totals.firstYearSpend',
          );
          expectClose(
            totals.savings.caching,
            sum((m) => m.savings.caching),
            'totals.savings.caching',
            totals.listSpend,
          );
          expectClose(
            totals.savings.batch,
            sum((m) => m.savings.batch),
            'totals.savings.batch',
            totals.listSpend,
          );
          expectClose(
            totals.creditsUsed,
            sum((m) => sumValues(m.creditsDrawn)),
            'totals.creditsUsed',
          );
          expectClose(
            totals.creditsExpired,
            sum((m) => m.creditsExpired),
            'totals.creditsExpired',
          );
          expectClose(
            totals.cashSpentOnAI,
            sum((m) => m.cashSpentOnAI),
            'totals.cashSpentOnAI',
          );
          expectClose(totals.creditsUsed + totals.cashSpentOnAI, totals.spend, 'creditsUsed + cashSpentOnAI');
          for (const month of months) {
            const at = `month ${month.month}`;
            // Fixed costs count by platform and by fixed cost, not by slice or model.
            const tokenSpend = month.spend - sumValues(month.byFixedCost);
            expectClose(sumValues(month.bySlice), tokenSpend, `${at} bySlice sum`, month.spend);
            expectClose(sumValues(month.byModel), tokenSpend, `${at} byModel sum`, month.spend);
            expectClose(sumValues(month.byPlatform), month.spend, `${at} byPlatform sum`);
            expectClose(
              sumValues(month.creditsDrawn) + month.cashSpentOnAI,
              month.spend,
              `${at} credits + cash`,
            );
            expectClose(
              month.listSpend - month.savings.caching - month.savings.batch,
              month.spend,
              `${at} savings`,
              month.listSpend,
            );
          }
        }
      }),
      settings,
    );
  });
});

describe('discounts never raise spend', () => {
  it('turning batch on never raises spend when batched requests keep their caching', () => {
    fc.assert(
      fc.property(scenarioArbitrary().map(withBatchCaching), (scenario) => {
        const off = simulate({ ...scenario, options: { ...scenario.options, batch: false } });
        const on = simulate({ ...scenario, options: { ...scenario.options, batch: true } });
        on.strategies.forEach((strategy, i) =>
          expectSpendAtMost(strategy, off.strategies[i] as StrategyResult, `batch on, "${strategy.id}"`),
        );
      }),
      settings,
    );
  });

  it('turning caching on never raises spend when cache prices are no more than input', () => {
    fc.assert(
      fc.property(scenarioArbitrary().map(capCachePrices), (scenario) => {
        const off = simulate({ ...scenario, options: { ...scenario.options, caching: false } });
        const on = simulate({ ...scenario, options: { ...scenario.options, caching: true } });
        on.strategies.forEach((strategy, i) =>
          expectSpendAtMost(strategy, off.strategies[i] as StrategyResult, `caching on, "${strategy.id}"`),
        );
      }),
      settings,
    );
  });

  it('listSpend is at least spend when cache prices are no more than input', () => {
    fc.assert(
      fc.property(scenarioArbitrary().map(capCachePrices), (scenario) => {
        for (const strategy of simulate(scenario).strategies) {
          for (const month of strategy.months) {
            if (!isAtMost(month.spend, month.listSpend))
              expect.fail(
                `"${strategy.id}" month ${month.month}: spend ${month.spend} > list ${month.listSpend}`,
              );
          }
          expect(isAtMost(strategy.totals.spend, strategy.totals.listSpend)).toBe(true);
        }
      }),
      settings,
    );
  });
});

describe('spend never falls when prices or traffic rise', () => {
  it('raising one model’s prices never lowers any month’s spend', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary().chain((scenario) =>
          fc.tuple(
            fc.constant(scenario),
            fc.integer({ min: 0, max: scenario.catalog.length - 1 }),
            fc.oneof(fc.constantFrom(1, 2), fc.double({ min: 1, max: 10, noNaN: true })),
          ),
        ),
        ([scenario, index, factor]) => {
          const before = simulate(scenario);
          const after = simulate(withModel(scenario, index, (model) => scalePrices(model, factor)));
          before.strategies.forEach((strategy, i) =>
            expectSpendAtMost(
              strategy,
              after.strategies[i] as StrategyResult,
              `prices ×${factor}, "${strategy.id}"`,
            ),
          );
        },
      ),
      settings,
    );
  });

  it('raising a slice’s requests never lowers any month’s spend', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary()
          .filter((scenario) => scenario.traffic.length > 0)
          .chain((scenario) =>
            fc.tuple(
              fc.constant(scenario),
              fc.integer({ min: 0, max: scenario.traffic.length - 1 }),
              fc.oneof(fc.constantFrom(1, 2), fc.double({ min: 1, max: 10, noNaN: true })),
              fc.double({ min: 0, max: 1000, noNaN: true }),
            ),
          ),
        ([scenario, index, factor, extra]) => {
          const before = simulate(scenario);
          const traffic = scenario.traffic.map((slice, i) =>
            i === index ? { ...slice, requestsPerMonth: slice.requestsPerMonth * factor + extra } : slice,
          );
          const after = simulate({ ...scenario, traffic });
          before.strategies.forEach((strategy, i) =>
            expectSpendAtMost(
              strategy,
              after.strategies[i] as StrategyResult,
              `requests up, "${strategy.id}"`,
            ),
          );
        },
      ),
      settings,
    );
  });
});

describe('an edit re-prices only what it touched', () => {
  it('simulating an edit of one slice after the original gives exactly what a fresh copy of the edit gives', () => {
    // The engine remembers routes and slice plans per strategy and slice object: an edited slice is a new
    // object and must be priced afresh, the others reused, with the very same figures.
    fc.assert(
      fc.property(
        scenarioArbitrary()
          .filter((scenario) => scenario.traffic.length > 0)
          .chain((scenario) =>
            fc.tuple(
              fc.constant(scenario),
              fc.integer({ min: 0, max: scenario.traffic.length - 1 }),
              fc.integer({ min: 1, max: 20_000 }),
              fc.integer({ min: 0, max: 100 }),
            ),
          ),
        ([scenario, index, inputTokens, qualityBar]) => {
          simulate(scenario);
          const traffic = scenario.traffic.map((slice, i) =>
            i === index ? { ...slice, inputTokens, qualityBar } : slice,
          );
          const edited = { ...scenario, traffic };
          expect(simulate(edited)).toEqual(simulate(structuredClone(edited)));
        },
      ),
      settings,
    );
  });
});

describe('more credits never hurt', () => {
  it('raising a pool never shortens runway nor makes credits run out sooner', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary()
          .filter((scenario) => scenario.credits.length > 0)
          .chain((scenario) =>
            fc.tuple(
              fc.constant(scenario),
              fc.integer({ min: 0, max: scenario.credits.length - 1 }),
              fc.oneof(fc.constantFrom(1000, 1e6), fc.double({ min: 0, max: 1e6, noNaN: true })),
            ),
          ),
        ([scenario, index, extra]) => {
          const before = simulate(scenario);
          const credits = scenario.credits.map((pool, i) =>
            i === index ? { ...pool, amount: pool.amount + extra } : pool,
          );
          const after = simulate({ ...scenario, credits });
          before.strategies.forEach((strategy, i) => {
            const richer = after.strategies[i] as StrategyResult;
            expect(monthOrInfinity(richer.runwayMonths), `"${strategy.id}" runway`).toBeGreaterThanOrEqual(
              monthOrInfinity(strategy.runwayMonths),
            );
            expect(
              monthOrInfinity(richer.creditsExhaustedMonth),
              `"${strategy.id}" exhausted`,
            ).toBeGreaterThanOrEqual(monthOrInfinity(strategy.creditsExhaustedMonth));
          });
        },
      ),
      settings,
    );
  });
});
