/**
 * Worked examples of the figures that rank strategies against each other: the cheapest, the dearest first
 * year, what each saves against it, and the fixed costs a strategy pays.
 *
 * Every slice spends $1,000 a month on the $1-per-million model (1,000,000 requests · 1,000 input tokens ·
 * $1e-6) and $3,000 on the $3-per-million one.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/domain/simulate';
import {
  findCheapestStrategy,
  findDearestFirstYear,
  findMonthSpendExtremes,
  measureSavings,
  readMoney,
  savingsVsDearest,
  sumFixedCosts,
  sumMonthFixedCosts,
} from '../../../src/domain/strategy-figures';
import {
  createPerTokenModel,
  createScenario,
  createSlice,
  getMonth,
  simulateStrategyById,
} from '../../factories/scenario-builders';

/** Figures are up to ~$50,000; 6 digits checks them to half a micro-dollar. */
const DOLLAR_DIGITS = 6;

const CHEAP = createPerTokenModel('bedrock:cheap', { inputPerMTok: 1, outputPerMTok: 0 });
const DEAR = createPerTokenModel('bedrock:dear', { inputPerMTok: 3, outputPerMTok: 0 });
const THOUSAND_A_MONTH = { requestsPerMonth: 1_000_000, inputTokens: 1000, outputTokens: 0 };

/** Three strategies over `horizonMonths`: cheap ($1,000/month), dear ($3,000/month), and cheap again. */
function runThree(horizonMonths: number) {
  return simulate(
    createScenario({
      horizonMonths,
      catalog: [CHEAP, DEAR],
      traffic: [createSlice('s', THOUSAND_A_MONTH)],
      strategies: [
        { id: 'dear', name: 'Dear', kind: 'single', model: 'bedrock:dear' },
        { id: 'cheap', name: 'Cheap', kind: 'single', model: 'bedrock:cheap' },
        { id: 'cheap-too', name: 'Cheap too', kind: 'single', model: 'bedrock:cheap' },
      ],
    }),
  );
}

describe('findCheapestStrategy', () => {
  it('picks the least first-year spend, the first listed on a tie', () => {
    // Cheap and Cheap too both spend 12 · $1,000 = $12,000 in the first year; Dear 12 · $3,000 = $36,000.
    expect(findCheapestStrategy(runThree(24))?.id).toBe('cheap');
  });

  it('is null with no strategies', () => {
    expect(findCheapestStrategy({ ...runThree(1), strategies: [] })).toBeNull();
  });
});

describe('findDearestFirstYear and savingsVsDearest', () => {
  it('measures every strategy against the dearest first year', () => {
    // Horizon 24 months, first year = 12 months: Dear 12 · $3,000 = $36,000; Cheap 12 · $1,000 = $12,000.
    const result = runThree(24);
    expect(findDearestFirstYear(result)).toBeCloseTo(36_000, DOLLAR_DIGITS);
    const [dear, cheap] = result.strategies;
    // $36,000 − $12,000 = $24,000; the dearest saves nothing against itself.
    expect(savingsVsDearest(result, cheap!)).toBeCloseTo(24_000, DOLLAR_DIGITS);
    expect(savingsVsDearest(result, dear!)).toBe(0);
  });

  it('takes the horizon as the first year when it is shorter', () => {
    // 3 months: Dear 3 · $3,000 = $9,000; Cheap 3 · $1,000 = $3,000; saves $6,000.
    const result = runThree(3);
    expect(findDearestFirstYear(result)).toBeCloseTo(9_000, DOLLAR_DIGITS);
    expect(savingsVsDearest(result, result.strategies[1]!)).toBeCloseTo(6_000, DOLLAR_DIGITS);
  });

  it('is 0 with no strategies', () => {
    expect(findDearestFirstYear({ ...runThree(1), strategies: [] })).toBe(0);
  });
});

describe('fixed costs', () => {
  // A $1,000 vector store from month 1 to 3 growing 10 % a month, paid by strategy "a" only: 0, 1,000, 1,100,
  // 1,210, then 0; $50 of logging every month, paid by every strategy.
  const scenario = createScenario({
    horizonMonths: 5,
    catalog: [CHEAP],
    traffic: [createSlice('s', THOUSAND_A_MONTH)],
    strategies: [
      { id: 'a', name: 'A', kind: 'single', model: 'bedrock:cheap' },
      { id: 'b', name: 'B', kind: 'single', model: 'bedrock:cheap' },
    ],
    fixedCosts: [
      {
        id: 'kb',
        name: 'Vector store',
        platform: 'bedrock',
        monthlyAmount: 1000,
        startMonth: 1,
        endMonth: 4,
        monthlyGrowth: 0.1,
        strategies: ['a'],
      },
      { id: 'logs', name: 'Logging', platform: 'azure', monthlyAmount: 50 },
    ],
  });

  it('adds up one month of a strategy', () => {
    const a = simulateStrategyById(scenario, 'a');
    // Month 2: 1,000 · 1.1 = $1,100 of vector store + $50 of logging.
    expect(sumMonthFixedCosts(getMonth(a, 2))).toBeCloseTo(1_150, DOLLAR_DIGITS);
    expect(sumMonthFixedCosts(getMonth(a, 0))).toBeCloseTo(50, DOLLAR_DIGITS);
  });

  it('adds up the horizon of each strategy', () => {
    // A: 1,000 + 1,100 + 1,210 + 5 · 50 = $3,560. B: 5 · 50 = $250.
    expect(sumFixedCosts(simulateStrategyById(scenario, 'a'))).toBeCloseTo(3_560, DOLLAR_DIGITS);
    expect(sumFixedCosts(simulateStrategyById(scenario, 'b'))).toBeCloseTo(250, DOLLAR_DIGITS);
  });
});

describe('readMoney', () => {
  it('reads own keys only, 0 when absent', () => {
    const record = JSON.parse('{"__proto__": 5, "a": 2}') as Record<string, number>;
    expect(readMoney(record, '__proto__')).toBe(5);
    expect(readMoney(record, 'a')).toBe(2);
    expect(readMoney(record, 'b')).toBe(0);
    expect(readMoney({}, 'toString')).toBe(0);
  });
});

describe('measureSavings', () => {
  it('measures a candidate against a baseline over the horizon and the first year', () => {
    // 24 months: Dear spends 24 · $3,000 = $72,000 (first year $36,000), Cheap 24 · $1,000 = $24,000 ($12,000).
    const [dear, cheap] = runThree(24).strategies;
    const saved = measureSavings(dear!, cheap!);
    // $72,000 − $24,000 = $48,000, 48,000 / 72,000 = 2/3 of the baseline; first year $36,000 − $12,000.
    expect(saved.horizonUsd).toBeCloseTo(48_000, DOLLAR_DIGITS);
    expect(saved.horizonShare).toBeCloseTo(2 / 3, DOLLAR_DIGITS);
    expect(saved.firstYearUsd).toBeCloseTo(24_000, DOLLAR_DIGITS);
    // The other way round it is extra cost: −$48,000, −2 times the $24,000 baseline.
    const extra = measureSavings(cheap!, dear!);
    expect(extra.horizonUsd).toBeCloseTo(-48_000, DOLLAR_DIGITS);
    expect(extra.horizonShare).toBeCloseTo(-2, DOLLAR_DIGITS);
  });

  it('has no share against a baseline that spends nothing', () => {
    const scenario = createScenario({
      horizonMonths: 2,
      catalog: [CHEAP],
      traffic: [createSlice('s', { ...THOUSAND_A_MONTH, requestsPerMonth: 0 })],
      strategies: [{ id: 'idle', name: 'Idle', kind: 'single', model: 'bedrock:cheap' }],
    });
    const idle = simulateStrategyById(scenario, 'idle');
    expect(measureSavings(idle, idle)).toEqual({ horizonUsd: 0, horizonShare: null, firstYearUsd: 0 });
  });
});

describe('findMonthSpendExtremes', () => {
  it('names the strategies spending least and most in a month', () => {
    // Month 5: Cheap and Cheap too $1,000 each (the first listed is the low), Dear $3,000.
    const extremes = findMonthSpendExtremes(runThree(6), 5);
    expect(extremes?.low.id).toBe('cheap');
    expect(extremes?.lowUsd).toBeCloseTo(1_000, DOLLAR_DIGITS);
    expect(extremes?.high.id).toBe('dear');
    expect(extremes?.highUsd).toBeCloseTo(3_000, DOLLAR_DIGITS);
  });

  it('is null with no strategies', () => {
    expect(findMonthSpendExtremes({ ...runThree(1), strategies: [] }, 0)).toBeNull();
  });
});
