/**
 * Worked examples of capacity-billed models (DESIGN.md, "Capacity-billed models"):
 *   peakTPM = tokens / (730 · 60) · peakToAverage;  units = max(minUnits, ceil(peakTPM / tokensPerMinutePerUnit));
 *   monthly cost = units · hourlyPerUnit · 730, split over slices by tokens (equally when no tokens reach it).
 *
 * The self-hosted Mixtral of the design example: $4.10 per unit-hour, 60,000 tokens per minute per unit, so
 * one unit costs 4.1 · 730 = $2,993 a month.
 */
import { describe, expect, it } from 'vitest';
import { capacityUnits } from '../../../src/domain/simulate';
import type { ScenarioInput } from '../../../src/domain/scenario-schema';
import {
  createCapacityModel,
  createPerTokenModel,
  createScenario,
  createSlice,
  getMonth,
  simulateStrategyById,
} from '../../factories/scenario-builders';

/** Month figures are up to ~$10,000; 9 digits checks them to half a billionth of a dollar. */
const DOLLAR_DIGITS = 9;
const UNIT_MONTH_USD = 4.1 * 730; // $2,993

function createMixtral(minUnits: number, extra: Parameters<typeof createCapacityModel>[2] = {}) {
  return createCapacityModel(
    'self:mixtral',
    { hourlyPerUnit: 4.1, tokensPerMinutePerUnit: 60000, minUnits },
    extra,
  );
}

const CHEAP = createPerTokenModel('bedrock:cheap', { inputPerMTok: 1, outputPerMTok: 2 });

function run(overrides: Partial<ScenarioInput> & Pick<ScenarioInput, 'catalog' | 'traffic' | 'strategies'>) {
  return simulateStrategyById(createScenario(overrides), overrides.strategies[0]?.id ?? '');
}

const ALL_SELF = { id: 'self', name: 'Self-hosted', kind: 'single', model: 'self:mixtral' } as const;

describe('capacityUnits', () => {
  it('rounds peak tokens per minute up to whole units, never below the minimum', () => {
    // 1.28e9 tokens: peak = 1.28e9 / 43,800 · 2 = 58,447.5 TPM → 0.974 of a 60,000-TPM unit → 1 unit
    expect(capacityUnits(1.28e9, 2, 60000, 0)).toBe(1);
    // 1.3824e9 tokens: peak = 63,123.3 TPM → 1.05 units → 2
    expect(capacityUnits(1.3824e9, 2, 60000, 0)).toBe(2);
    // exactly one unit's worth: 60,000 TPM · 43,800 min / 2 = 1.314e9 tokens → exactly 1 unit, not 2
    expect(capacityUnits(1.314e9, 2, 60000, 0)).toBe(1);
    expect(capacityUnits(0, 2, 60000, 0)).toBe(0);
    expect(capacityUnits(0, 2, 60000, 3)).toBe(3);
    expect(capacityUnits(1000, 2, 60000, 3)).toBe(3);
  });
});

describe('capacity-billed models in simulate', () => {
  it('bills whole units per month as traffic grows (the design example’s self-hosted strategy)', () => {
    // bulk: 2,000,000 requests · (600 in + 40 out) = 1.28e9 tokens in month 0, growing 8 %/month.
    // month 0: 1.28e9 tokens   → 58,447.5 peak TPM → 1 unit → $2,993
    // month 1: 1.3824e9 tokens → 63,123.3 peak TPM → 2 units → $5,986
    const result = run({
      horizonMonths: 2,
      catalog: [createMixtral(1)],
      traffic: [
        createSlice(
          'bulk',
          { requestsPerMonth: 2_000_000, inputTokens: 600, outputTokens: 40 },
          { monthlyGrowth: 0.08, cachedPrefixTokens: 400, cacheHitRate: 0.9, batchShare: 0.7 },
        ),
      ],
      strategies: [ALL_SELF],
    });
    expect(getMonth(result, 0).spend).toBeCloseTo(2993, DOLLAR_DIGITS);
    expect(getMonth(result, 1).spend).toBeCloseTo(5986, DOLLAR_DIGITS);
    // Batch and caching do not apply: list = spend, no savings.
    expect(getMonth(result, 1).listSpend).toBeCloseTo(5986, DOLLAR_DIGITS);
    expect(result.totals.savings).toEqual({ caching: 0, batch: 0 });
    expect(getMonth(result, 1).byPlatform['self-hosted']).toBeCloseTo(5986, DOLLAR_DIGITS);
  });

  it('bills the minimum units however little traffic there is', () => {
    // 1,000 requests · 640 tokens is a sliver of one unit, but minUnits 3 → 3 · $2,993 = $8,979
    const result = run({
      catalog: [createMixtral(3)],
      traffic: [createSlice('s', { requestsPerMonth: 1000, inputTokens: 600, outputTokens: 40 })],
      strategies: [ALL_SELF],
    });
    expect(getMonth(result).spend).toBeCloseTo(8979, DOLLAR_DIGITS);
  });

  it('costs nothing with zero traffic and no minimum', () => {
    const result = run({
      catalog: [createMixtral(0)],
      traffic: [createSlice('s', { requestsPerMonth: 0, inputTokens: 600, outputTokens: 40 })],
      strategies: [ALL_SELF],
    });
    expect(getMonth(result).spend).toBe(0);
    expect(getMonth(result).bySlice['s'] ?? 0).toBe(0);
  });

  it('counts output tokens with the model’s output-token factor and sizes for the peak', () => {
    // factor 2, peakToAverage 4: 1,000,000 · (500 + 2 · 100) = 7e8 tokens → 7e8 / 43,800 · 4 = 63,927 TPM → 2 units
    // (with factor 1 it would be 6e8 → 54,795 TPM → 1 unit)
    const result = run({
      options: { batch: true, caching: true, peakToAverage: 4 },
      catalog: [createMixtral(0, { outputTokenFactor: 2 })],
      traffic: [createSlice('s', { requestsPerMonth: 1_000_000, inputTokens: 500, outputTokens: 100 })],
      strategies: [ALL_SELF],
    });
    expect(getMonth(result).spend).toBeCloseTo(2 * UNIT_MONTH_USD, DOLLAR_DIGITS);
  });

  it('bills the minimum when a route names the model with a zero share, charged to that slice', () => {
    // Router: easy sends 100 % to cheap and 0 % to mixtral (minUnits 2) → mixtral costs 2 · $2,993 = $5,986 anyway.
    // cheap: 1,000 requests · (1000 · 1e-6 + 100 · 2e-6) = 1,000 · 0.0012 = $1.20. easy pays both: $5,987.20.
    const result = run({
      catalog: [CHEAP, createMixtral(2)],
      traffic: [createSlice('easy', { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 })],
      strategies: [
        {
          id: 'r',
          name: 'Router',
          kind: 'router',
          routes: { easy: { 'bedrock:cheap': 1, 'self:mixtral': 0 } },
        },
      ],
    });
    expect(getMonth(result).byModel['self:mixtral']).toBeCloseTo(5986, DOLLAR_DIGITS);
    expect(getMonth(result).bySlice['easy']).toBeCloseTo(5987.2, DOLLAR_DIGITS);
  });

  it('bills the minimum when a cascade names the model behind a zero escalation', () => {
    // steps cheap → mixtral, escalation [0]: nobody reaches mixtral, but it is named → minUnits 1 → $2,993
    const result = run({
      catalog: [CHEAP, createMixtral(1)],
      traffic: [createSlice('easy', { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 })],
      strategies: [
        {
          id: 'c',
          name: 'Cascade',
          kind: 'cascade',
          routes: { easy: { steps: ['bedrock:cheap', 'self:mixtral'], escalation: [0] } },
        },
      ],
    });
    expect(getMonth(result).byModel['self:mixtral']).toBeCloseTo(2993, DOLLAR_DIGITS);
  });

  it('pays nothing for a capacity model no slice is routed to', () => {
    // Every slice is routed to cheap; mixtral (minUnits 2) is only the unused fallback, and in the catalog.
    const result = run({
      catalog: [CHEAP, createMixtral(2)],
      traffic: [createSlice('easy', { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 })],
      strategies: [
        {
          id: 'a',
          name: 'Assign',
          kind: 'assign',
          routes: { easy: 'bedrock:cheap' },
          fallback: 'self:mixtral',
        },
      ],
    });
    expect(getMonth(result).spend).toBeCloseTo(1.2, DOLLAR_DIGITS);
    expect(getMonth(result).byModel['self:mixtral'] ?? 0).toBe(0);
  });

  it('splits the bill over slices in proportion to their tokens', () => {
    // a: 1,000,000 · 900 = 9e8 tokens; b: 1,000,000 · 300 = 3e8; total 1.2e9 → 54,794.5 peak TPM.
    // At 20,000 TPM per unit: ceil(2.74) = 3 units → 3 · $2,993 = $8,979, split 3:1 → a $6,734.25, b $2,244.75
    const result = run({
      catalog: [createCapacityModel('self:mixtral', { hourlyPerUnit: 4.1, tokensPerMinutePerUnit: 20000 })],
      traffic: [
        createSlice('a', { requestsPerMonth: 1_000_000, inputTokens: 800, outputTokens: 100 }),
        createSlice('b', { requestsPerMonth: 1_000_000, inputTokens: 250, outputTokens: 50 }),
      ],
      strategies: [ALL_SELF],
    });
    const month = getMonth(result);
    expect(month.spend).toBeCloseTo(8979, DOLLAR_DIGITS);
    expect(month.bySlice['a']).toBeCloseTo(6734.25, DOLLAR_DIGITS);
    expect(month.bySlice['b']).toBeCloseTo(2244.75, DOLLAR_DIGITS);
  });

  it('splits the minimum equally over the slices naming it when no tokens reach it', () => {
    // Two slices with no requests, minUnits 2 → $5,986, half each: $2,993
    const result = run({
      catalog: [createMixtral(2)],
      traffic: [
        createSlice('a', { requestsPerMonth: 0, inputTokens: 800, outputTokens: 100 }),
        createSlice('b', { requestsPerMonth: 0, inputTokens: 250, outputTokens: 50 }),
      ],
      strategies: [ALL_SELF],
    });
    expect(getMonth(result).bySlice['a']).toBeCloseTo(2993, DOLLAR_DIGITS);
    expect(getMonth(result).bySlice['b']).toBeCloseTo(2993, DOLLAR_DIGITS);
  });

  it('splits equally only over the slices whose routes name it', () => {
    // a names mixtral (0 requests); b goes to cheap. mixtral's minimum $2,993 is all a's.
    const result = run({
      catalog: [CHEAP, createMixtral(1)],
      traffic: [
        createSlice('a', { requestsPerMonth: 0, inputTokens: 800, outputTokens: 100 }),
        createSlice('b', { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 }),
      ],
      strategies: [
        { id: 'x', name: 'Assign', kind: 'assign', routes: { a: 'self:mixtral', b: 'bedrock:cheap' } },
      ],
    });
    expect(getMonth(result).bySlice['a']).toBeCloseTo(2993, DOLLAR_DIGITS);
    expect(getMonth(result).bySlice['b']).toBeCloseTo(1.2, DOLLAR_DIGITS);
  });

  it('adds the tokens of every slice before rounding up to units', () => {
    // Each of a, b, c alone needs 0.6 of a unit (788,400 · 1000 = 7.884e8 tokens → 36,000 peak TPM of 60,000):
    // billed apart that would be 3 units. Together 2.3652e9 tokens → 108,000 TPM → ceil(1.8) = 2 units = $5,986,
    // a third each ($1,995.33…); d names the model with no requests and pays nothing of it.
    const slice = { requestsPerMonth: 788_400, inputTokens: 900, outputTokens: 100 };
    const result = run({
      catalog: [createMixtral(0)],
      traffic: [
        createSlice('a', slice),
        createSlice('b', slice),
        createSlice('c', slice),
        createSlice('d', { ...slice, requestsPerMonth: 0 }),
      ],
      strategies: [ALL_SELF],
    });
    const month = getMonth(result);
    expect(month.spend).toBeCloseTo(5986, DOLLAR_DIGITS);
    expect(month.bySlice['a']).toBeCloseTo(5986 / 3, DOLLAR_DIGITS);
    expect(month.bySlice['d'] ?? 0).toBe(0);
  });
});
