/**
 * Sensitivity worked on the small scenario (tests/factories/small-scenario.ts): one slice of 1,000,000
 * requests a month, 1,000 input + 100 output tokens, no caching, no batch, no growth, 12 months.
 *
 * "All on dear" (3 / 15 $/MTok): 1,000·3e-6 + 100·15e-6 = $0.0045 a request → $4,500 a month → $54,000 in
 * 12 months. A $10,000 pool pays months 0, 1 and $1,000 of month 2; cash starts at $100,000, other burn is
 * $10,000 a month: 90,000 → 80,000 → 66,500 → then −14,500 a month: 52,000, 37,500, 23,000, 8,500, −6,000 in
 * month 7, so the runway is 7 months.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/domain/scenario-schema';
import { analyseSensitivity, rankSensitivity } from '../../../src/domain/sensitivity';
import type { SensitivityResult } from '../../../src/domain/sensitivity';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { makeSmallScenario } from '../../factories/small-scenario';

/** Dollars: the figures below are sums of twelve months of products of small prices. */
const MONEY_DIGITS = 6;

function validate(input: ScenarioInput | object) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function analyse(input: ScenarioInput | object, strategyId: string, swing?: number): SensitivityResult {
  const result = analyseSensitivity(validate(input), strategyId, swing === undefined ? {} : { swing });
  if (!result) throw new Error(`no strategy ${strategyId}`);
  return result;
}

function findEntry(result: SensitivityResult, key: string) {
  const entry = result.entries.find((e) => e.input.key === key);
  if (!entry) throw new Error(`no entry ${key}`);
  return entry;
}

describe('analyseSensitivity', () => {
  it('swings requests ±20 % on "All on dear": $54,000 → $43,200 / $64,800', () => {
    const result = analyse(makeSmallScenario(), 'all-dear');
    expect(result.baseline.firstYearSpend).toBeCloseTo(54_000, MONEY_DIGITS);
    expect(result.baseline.runwayMonths).toBe(7);

    const requests = findEntry(result, 'traffic/main/requestsPerMonth');
    expect(requests.input).toMatchObject({ low: 800_000, likely: 1_000_000, high: 1_200_000, ranged: false });
    // 800,000 × $0.0045 = $3,600 a month × 12 = $43,200.
    expect(requests.atLow.firstYearSpend).toBeCloseTo(43_200, MONEY_DIGITS);
    // 1,200,000 × $0.0045 = $5,400 a month × 12 = $64,800.
    expect(requests.atHigh.firstYearSpend).toBeCloseTo(64_800, MONEY_DIGITS);
    expect(requests.spendSwingUsd).toBeCloseTo(21_600, MONEY_DIGITS);
    // Low: $3,600 a month; the pool pays 3,600 + 3,600 + 2,800; cash 90,000, 80,000, 69,200, then −13,600 a
    // month: 55,600, 42,000, 28,400, 14,800, 1,200, −12,400 in month 8.
    expect(requests.atLow.runwayMonths).toBe(8);
    // High: $5,400 a month; the pool pays 5,400 + 4,600; cash 90,000, 79,200, then −15,400 a month: 63,800,
    // 48,400, 33,000, 17,600, 2,200, −13,200 in month 7.
    expect(requests.atHigh.runwayMonths).toBe(7);
    expect(requests.runwaySwingMonths).toBe(1);
  });

  it('ranks by spend swing, then runway swing, then cash at the horizon’s end, with inputs that move nothing last', () => {
    const result = analyse(makeSmallScenario(), 'all-dear');
    // Spend swings: requests $21,600; input tokens 800 / 1,200 → $0.0039 / $0.0051 a request → $46,800 /
    // $61,200, $14,400; output tokens 80 / 120 → $0.0042 / $0.0048 → $50,400 / $57,600, $7,200; growth 0 ± 1
    // point a month → 4,500 × (1 − 0.99^12)/0.01 = $51,127 / 4,500 × (1.01^12 − 1)/0.01 = $57,071, $5,944.
    // Finance moves only the runway, 2 months each (a tie, so document order: cash before burn). Cash
    // $80,000: 70,000, 60,000, 46,500, then −14,500 a month → −11,500 in month 6; $120,000: … 14,000 in
    // month 7, −500 in month 8 → 6 / 8 months. Burn $8,000: 92,000, 84,000, 72,500, then −12,500 a month →
    // −2,500 in month 8; $12,000: 88,000, 76,000, 60,500, then −16,500 → −5,500 in month 6 → 8 / 6.
    // The tie goes to cash at the end of month 11. Baseline: −6,000 in month 7, then −14,500 × 4 = −64,000.
    // Cash ±$20,000 moves it by the same: −84,000 / −44,000, a $40,000 swing. Burn ±$2,000 a month for 12
    // months: −40,000 / −88,000, a $48,000 swing: burn before cash. Prefix tokens, hit rate, batch share and
    // reasoning tokens of 0 stay 0, and revenue is 0 whatever its growth: they move nothing. The quality bar
    // is a policy, not an uncertainty: it is not listed at all.
    expect(result.entries.map((e) => e.input.key)).toEqual([
      'traffic/main/requestsPerMonth',
      'traffic/main/inputTokens',
      'traffic/main/outputTokens',
      'traffic/main/monthlyGrowth',
      'finance/otherMonthlyBurn',
      'finance/cashOnHand',
      'traffic/main/cachedPrefixTokens',
      'traffic/main/cacheHitRate',
      'traffic/main/batchShare',
      'traffic/main/reasoningTokens',
      'finance/monthlyRevenue',
      'finance/revenueGrowth',
    ]);
    const growth = findEntry(result, 'traffic/main/monthlyGrowth');
    expect(growth.atLow.firstYearSpend).toBeCloseTo((4_500 * (1 - 0.99 ** 12)) / 0.01, MONEY_DIGITS);
    expect(growth.atHigh.firstYearSpend).toBeCloseTo((4_500 * (1.01 ** 12 - 1)) / 0.01, MONEY_DIGITS);
    const burn = findEntry(result, 'finance/otherMonthlyBurn');
    expect([burn.atLow.runwayMonths, burn.atHigh.runwayMonths, burn.runwaySwingMonths]).toEqual([8, 6, 2]);
    const cash = findEntry(result, 'finance/cashOnHand');
    expect([cash.atLow.runwayMonths, cash.atHigh.runwayMonths, cash.runwaySwingMonths]).toEqual([6, 8, 2]);
    expect(result.baseline.cashAtHorizonEnd).toBeCloseTo(-64_000, MONEY_DIGITS);
    expect(cash.atLow.cashAtHorizonEnd).toBeCloseTo(-84_000, MONEY_DIGITS);
    expect(cash.atHigh.cashAtHorizonEnd).toBeCloseTo(-44_000, MONEY_DIGITS);
    expect(cash.cashSwingUsd).toBeCloseTo(40_000, MONEY_DIGITS);
    expect(burn.cashSwingUsd).toBeCloseTo(48_000, MONEY_DIGITS);
    expect(result.entries.some((e) => e.input.key.endsWith('/qualityBar'))).toBe(false);
  });

  it('re-ranks by runway: the largest runway swing first, ties by spend swing, then cash at the end', () => {
    const result = analyse(makeSmallScenario(), 'all-dear');
    const byRunway = rankSensitivity(result.entries, 'runway').map((e) => e.input.key);
    // Cash and burn 2 months each and no spend swing: burn first by its larger swing of cash at the end
    // ($48,000 against $40,000), then requests, the only traffic input that moves the runway (1 month), then
    // the rest by spend swing.
    expect(byRunway.slice(0, 4)).toEqual([
      'finance/otherMonthlyBurn',
      'finance/cashOnHand',
      'traffic/main/requestsPerMonth',
      'traffic/main/inputTokens',
    ]);
  });

  it('uses an input’s own range when it has one, and the swing option for the rest', () => {
    const document = JSON.parse(JSON.stringify(makeSmallScenario()));
    document.traffic[0].requestsPerMonth = { low: 500_000, likely: 1_000_000, high: 1_500_000 };
    const result = analyse(document, 'all-dear', 0.5);
    const requests = findEntry(result, 'traffic/main/requestsPerMonth');
    expect(requests.input).toMatchObject({ low: 500_000, high: 1_500_000, ranged: true });
    // 500,000 × $0.0045 × 12 = $27,000; 1,500,000 × $0.0045 × 12 = $81,000.
    expect(requests.atLow.firstYearSpend).toBeCloseTo(27_000, MONEY_DIGITS);
    expect(requests.atHigh.firstYearSpend).toBeCloseTo(81_000, MONEY_DIGITS);
    // Unranged: ±50 % of 1,000 input tokens → 500 / 1,500 → $0.003 / $0.006 a request → $36,000 / $72,000.
    const inputTokens = findEntry(result, 'traffic/main/inputTokens');
    expect(inputTokens.input).toMatchObject({ low: 500, high: 1_500, ranged: false });
    expect(inputTokens.atLow.firstYearSpend).toBeCloseTo(36_000, MONEY_DIGITS);
    expect(inputTokens.atHigh.firstYearSpend).toBeCloseTo(72_000, MONEY_DIGITS);
    expect(result.swing).toBe(0.5);
  });

  it('reports a runway beyond the horizon as null and sizes it as the horizon', () => {
    const document = JSON.parse(JSON.stringify(makeSmallScenario()));
    // Cash of $200,000: −6,000 after month 7 becomes 94,000, then −14,500 a month → month 11 is 36,000 → lasts.
    document.finance.cashOnHand = 200_000;
    const result = analyse(document, 'all-dear');
    expect(result.baseline.runwayMonths).toBeNull();
    // Burn $12,000: 188,000, 176,000, 160,500, then −16,500 a month: month 11 is 160,500 − 9 × 16,500 = 12,000
    // → still beyond. Cash $160,000 (−20 %): 60,000 less → month 7 at 54,000, month 11 at −4,000 → 11.
    const cash = findEntry(result, 'finance/cashOnHand');
    expect(cash.atLow.runwayMonths).toBe(11);
    expect(cash.atHigh.runwayMonths).toBeNull();
    // Beyond the 12-month horizon counts as 12: the swing is 12 − 11 = 1 month.
    expect(cash.runwaySwingMonths).toBe(1);
  });

  it('tells apart two ends that both outlast the horizon by the cash left at its end', () => {
    const document = JSON.parse(JSON.stringify(makeSmallScenario()));
    document.finance.cashOnHand = 200_000;
    const result = analyse(document, 'all-dear');
    // Baseline: 190,000, 180,000, 166,500 (the pool pays $1,000 of month 2), then −14,500 × 9 = 36,000.
    expect(result.baseline.cashAtHorizonEnd).toBeCloseTo(36_000, MONEY_DIGITS);
    // Burn $8,000: 192,000, 184,000, 172,500, then −12,500 × 9 = 60,000. Burn $12,000: 12,000 (above).
    // Both ends outlast the horizon: no runway swing, but $48,000 of cash at the end.
    const burn = findEntry(result, 'finance/otherMonthlyBurn');
    expect([burn.atLow.runwayMonths, burn.atHigh.runwayMonths, burn.runwaySwingMonths]).toEqual([
      null,
      null,
      0,
    ]);
    expect(burn.atLow.cashAtHorizonEnd).toBeCloseTo(60_000, MONEY_DIGITS);
    expect(burn.atHigh.cashAtHorizonEnd).toBeCloseTo(12_000, MONEY_DIGITS);
    expect(burn.cashSwingUsd).toBeCloseTo(48_000, MONEY_DIGITS);
    // Requests 800,000: $3,600 a month, the pool pays 3,600 + 3,600 + 2,800: 190,000, 180,000, 169,200,
    // then −13,600 × 9 = 46,800. 1,200,000: $5,400, the pool pays 5,400 + 4,600: 190,000, 179,200, then
    // −15,400 × 10 = 25,200. Swing $21,600.
    const requests = findEntry(result, 'traffic/main/requestsPerMonth');
    expect(requests.runwaySwingMonths).toBe(0);
    expect(requests.atLow.cashAtHorizonEnd).toBeCloseTo(46_800, MONEY_DIGITS);
    expect(requests.atHigh.cashAtHorizonEnd).toBeCloseTo(25_200, MONEY_DIGITS);
    expect(requests.cashSwingUsd).toBeCloseTo(21_600, MONEY_DIGITS);
    // Ranked by runway: cash on hand moves it 1 month (11 / beyond); then the ties by spend swing, requests
    // ($21,600) first; burn moves no spend and comes after every traffic input that does.
    const byRunway = rankSensitivity(result.entries, 'runway').map((e) => e.input.key);
    expect(byRunway.slice(0, 2)).toEqual(['finance/cashOnHand', 'traffic/main/requestsPerMonth']);
    // Ranked by cash at the end: cash on hand ±$40,000 → −4,000 / 76,000, an $80,000 swing; then burn
    // ($48,000), then requests ($21,600; input tokens ±200 move it $14,400: 43,200 / 28,800).
    const cash = findEntry(result, 'finance/cashOnHand');
    expect(cash.atLow.cashAtHorizonEnd).toBeCloseTo(-4_000, MONEY_DIGITS);
    expect(cash.atHigh.cashAtHorizonEnd).toBeCloseTo(76_000, MONEY_DIGITS);
    const byCash = rankSensitivity(result.entries, 'cash').map((e) => e.input.key);
    expect(byCash.slice(0, 3)).toEqual([
      'finance/cashOnHand',
      'finance/otherMonthlyBurn',
      'traffic/main/requestsPerMonth',
    ]);
  });

  it('leaves out the escalation rates and shares of other strategies, keeps its own', () => {
    const document = JSON.parse(JSON.stringify(makeSmallScenario()));
    document.strategies.push(
      { id: 'router', name: 'Router', kind: 'router', routes: { main: { cheap: 0.75, dear: 0.25 } } },
      {
        id: 'cascade',
        name: 'Cascade',
        kind: 'cascade',
        routes: { main: { steps: ['cheap', 'dear'], escalation: [0.2] } },
      },
    );
    const keysOf = (id: string) => analyse(document, id).entries.map((e) => e.input.key);
    expect(keysOf('all-dear').filter((key) => key.startsWith('strategies/'))).toEqual([]);
    expect(keysOf('cascade').filter((key) => key.startsWith('strategies/'))).toEqual([
      'strategies/cascade/main/escalation/0',
    ]);
    const router = analyse(document, 'router');
    // Baseline per request: 0.75 × $0.0012 + 0.25 × $0.0045 = $0.002025 → $24,300 in 12 months.
    expect(router.baseline.firstYearSpend).toBeCloseTo(24_300, MONEY_DIGITS);
    // Dear's share 0.25 → 0.3 with cheap at 0.75: rescaled to 0.3/1.05 and 0.75/1.05 →
    // (0.75 × 0.0012 + 0.3 × 0.0045)/1.05 = $0.00225/1.05 a request → × 12,000,000 = $25,714.29.
    const dearShare = findEntry(router, 'strategies/router/main/share/dear');
    expect(dearShare.atHigh.firstYearSpend).toBeCloseTo((0.00225 / 1.05) * 12_000_000, MONEY_DIGITS);
  });

  it('returns null for a strategy the scenario does not have, and accepts awkward ids', () => {
    const scenario = validate(makeSmallScenario());
    expect(analyseSensitivity(scenario, 'missing')).toBeNull();
    const document = JSON.parse(JSON.stringify(makeSmallScenario()));
    document.strategies[0].id = '__proto__';
    expect(analyse(document, '__proto__').baseline.firstYearSpend).toBeCloseTo(54_000, MONEY_DIGITS);
  });
});
