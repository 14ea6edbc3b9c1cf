/**
 * Worked examples of traffic growth, month totals and edge cases (DESIGN.md, "Requests"; the result fields).
 *
 * The plain model costs $0.01 a request: 10,000 input tokens at $1 per million tokens.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requestsInMonth, simulate } from '../../../src/domain/simulate';
import type { ScenarioInput } from '../../../src/domain/scenario-schema';
import { validateScenario } from '../../../src/domain/validate-scenario';
import {
  createPerTokenModel,
  createScenario,
  createSlice,
  getMonth,
  simulateStrategyById,
} from '../../factories/scenario-builders';

/** Figures up to ~$10,000; 9 digits checks them to half a billionth of a dollar. */
const DOLLAR_DIGITS = 9;
/** Request counts are exact to well within this. */
const REQUEST_DIGITS = 9;

const PLAIN = createPerTokenModel('plain', { inputPerMTok: 1, outputPerMTok: 0 });
const SINGLE = { id: 'x', name: 'Plain', kind: 'single', model: 'plain' } as const;

function runSlice(slice: ScenarioInput['traffic'][number], horizonMonths: number, catalog = [PLAIN]) {
  return simulateStrategyById(
    createScenario({ horizonMonths, catalog, traffic: [slice], strategies: [SINGLE] }),
    'x',
  );
}

describe('growth', () => {
  it('compounds monthly growth: R(t) = requestsPerMonth · (1 + g)^t', () => {
    // 1,000 · 1.1^t: 1,000, 1,100, 1,210
    expect(requestsInMonth(1000, 0.1, 0)).toBe(1000);
    expect(requestsInMonth(1000, 0.1, 1)).toBeCloseTo(1100, REQUEST_DIGITS);
    expect(requestsInMonth(1000, 0.1, 2)).toBeCloseTo(1210, REQUEST_DIGITS);
  });

  it('grows spend with requests and sums the months into totals', () => {
    // $0.01 · 1,000 · 1.1^t = $10, $11, $12.10 → total $33.10
    const result = runSlice(
      createSlice(
        's',
        { requestsPerMonth: 1000, inputTokens: 10000, outputTokens: 0 },
        { monthlyGrowth: 0.1 },
      ),
      3,
    );
    [10, 11, 12.1].forEach((expected, t) =>
      expect(getMonth(result, t).spend).toBeCloseTo(expected, DOLLAR_DIGITS),
    );
    expect(result.totals.spend).toBeCloseTo(33.1, DOLLAR_DIGITS);
    expect(result.totals.firstYearSpend).toBeCloseTo(33.1, DOLLAR_DIGITS);
  });

  it('shrinks spend with negative growth', () => {
    // growth −0.5: $10, $5, $2.50 → $17.50
    const result = runSlice(
      createSlice(
        's',
        { requestsPerMonth: 1000, inputTokens: 10000, outputTokens: 0 },
        { monthlyGrowth: -0.5 },
      ),
      3,
    );
    expect(result.months.map((month) => month.spend)).toEqual([10, 5, 2.5]);
    expect(result.totals.spend).toBeCloseTo(17.5, DOLLAR_DIGITS);
  });

  it('counts only months 0–11 in firstYearSpend', () => {
    // $10 a month for 14 months: spend $140, first year $120
    const result = runSlice(
      createSlice('s', { requestsPerMonth: 1000, inputTokens: 10000, outputTokens: 0 }),
      14,
    );
    expect(result.totals.spend).toBeCloseTo(140, DOLLAR_DIGITS);
    expect(result.totals.firstYearSpend).toBeCloseTo(120, DOLLAR_DIGITS);
  });
});

describe('savings in a month', () => {
  it('scales the per-call caching and batch savings by the month’s requests', () => {
    // Sonnet ($3/$15, write $3.75, read $0.30, batch 50 %) on the design example's bulk slice, month 0, 2,000,000 calls:
    //   list   0.0024    · 2e6 = $4,800
    //   cached 0.001458  · 2e6 = $2,916   → caching saves $1,884
    //   final  0.0009477 · 2e6 = $1,895.40 → batch saves $1,020.60
    const sonnet = createPerTokenModel('sonnet', {
      inputPerMTok: 3,
      outputPerMTok: 15,
      cacheWritePerMTok: 3.75,
      cacheReadPerMTok: 0.3,
      batchDiscount: 0.5,
    });
    const slice = createSlice(
      'bulk',
      { requestsPerMonth: 2_000_000, inputTokens: 600, outputTokens: 40 },
      { cachedPrefixTokens: 400, cacheHitRate: 0.9, batchShare: 0.7 },
    );
    const result = simulateStrategyById(
      createScenario({
        catalog: [sonnet],
        traffic: [slice],
        strategies: [{ id: 'x', name: 'S', kind: 'single', model: 'sonnet' }],
      }),
      'x',
    );
    const month = getMonth(result);
    expect(month.listSpend).toBeCloseTo(4800, DOLLAR_DIGITS);
    expect(month.spend).toBeCloseTo(1895.4, DOLLAR_DIGITS);
    expect(month.savings.caching).toBeCloseTo(1884, DOLLAR_DIGITS);
    expect(month.savings.batch).toBeCloseTo(1020.6, DOLLAR_DIGITS);
  });
});

describe('edge cases', () => {
  it('spends nothing on a slice with zero traffic', () => {
    const result = runSlice(
      createSlice('s', { requestsPerMonth: 0, inputTokens: 10000, outputTokens: 0 }, { monthlyGrowth: 0.5 }),
      3,
    );
    for (const month of result.months) {
      expect(month.spend).toBe(0);
      expect(month.listSpend).toBe(0);
      expect(month.bySlice['s'] ?? 0).toBe(0);
    }
    expect(result.totals.spend).toBe(0);
    expect(result.runwayMonths).toBeNull();
  });

  it('runs a scenario with no traffic slices at all', () => {
    const scenario = createScenario({
      horizonMonths: 2,
      catalog: [PLAIN],
      traffic: [],
      strategies: [SINGLE],
    });
    const result = simulateStrategyById(scenario, 'x');
    expect(result.months).toHaveLength(2);
    expect(result.totals.spend).toBe(0);
  });

  it('charges only cache reads on the prefix at a 100 % hit rate', () => {
    // $3 input, $0.30 reads, prefix 8,000 of 10,000 tokens, every call hits:
    //   (2,000 · 3e-6 + 8,000 · 0.3e-6) = 0.006 + 0.0024 = 0.0084 per call → 1,000 calls $8.40 (list $30)
    const cached = createPerTokenModel('plain', {
      inputPerMTok: 3,
      outputPerMTok: 0,
      cacheReadPerMTok: 0.3,
      cacheWritePerMTok: 100,
    });
    const result = runSlice(
      createSlice(
        's',
        { requestsPerMonth: 1000, inputTokens: 10000, outputTokens: 0 },
        { cachedPrefixTokens: 8000, cacheHitRate: 1 },
      ),
      1,
      [cached],
    );
    expect(getMonth(result).spend).toBeCloseTo(8.4, DOLLAR_DIGITS);
    expect(getMonth(result).savings.caching).toBeCloseTo(21.6, DOLLAR_DIGITS);
  });

  it('keeps requests positive and falling under steep negative growth', () => {
    // −0.99 a month: 1,000,000 · 0.01^t → 1e6, 1e4, 100, 1
    const result = runSlice(
      createSlice(
        's',
        { requestsPerMonth: 1_000_000, inputTokens: 10000, outputTokens: 0 },
        { monthlyGrowth: -0.99 },
      ),
      4,
    );
    [10000, 100, 1, 0.01].forEach((expected, t) =>
      expect(getMonth(result, t).spend).toBeCloseTo(expected, DOLLAR_DIGITS),
    );
  });

  it('reproduces the design example’s figures', () => {
    // tests/fixtures/design-example.json, month 0 (2,000,000 bulk requests):
    //   all-sonnet: final 0.0009477 · 2e6                                     = $1,895.40
    //   by-slice:   mistral-7b (0.15/0.20, batch 50 %): 600 · 0.15e-6 + 40 · 0.2e-6 = 0.000098
    //               · (1 − 0.7 · 0.5) = 0.0000637 · 2e6                       = $127.40
    //   cascade:    7B for all + Sonnet for 10 %: 127.40 + 0.1 · 1,895.40       = $316.94
    //   router:     classifier 300 · 0.15e-6 + 5 · 0.2e-6 = 0.000046 · 2e6 = $92;
    //               Mistral Small 0.000468 · 0.8 · 2e6 = $748.80; Sonnet 0.2 · 1,895.40 = $379.08 → $1,219.88
    //   auto (bar 40): 7B qualifies (quality 40) and is cheapest                = $127.40
    //   self:       1 unit of Mixtral (58,447.5 peak TPM < 60,000)              = $2,993
    const document = JSON.parse(
      readFileSync(new URL('../../fixtures/design-example.json', import.meta.url), 'utf8'),
    ) as unknown;
    const validated = validateScenario(document);
    if (!validated.ok) throw new Error('the design example must be valid');
    const month0 = new Map(
      simulate(validated.value).strategies.map((s) => [s.id, s.months[0]?.spend ?? NaN]),
    );
    expect(month0.get('all-sonnet')).toBeCloseTo(1895.4, DOLLAR_DIGITS);
    expect(month0.get('by-slice')).toBeCloseTo(127.4, DOLLAR_DIGITS);
    expect(month0.get('cascade')).toBeCloseTo(316.94, DOLLAR_DIGITS);
    expect(month0.get('router')).toBeCloseTo(1219.88, DOLLAR_DIGITS);
    expect(month0.get('auto')).toBeCloseTo(127.4, DOLLAR_DIGITS);
    expect(month0.get('self')).toBeCloseTo(2993, DOLLAR_DIGITS);
  });
});
