/**
 * One wording for runway and credits: `src/format/outcome-text.ts` words them for the app and the CLI alike.
 */
import { describe, expect, it } from 'vitest';
import { formatResultTable } from '../../../src/cli/result-table';
import { planScenario } from '../../../src/domain/plan-scenario';
import type { StrategyResult } from '../../../src/domain/simulate';
import {
  describeCashOut,
  describeCreditsEnd,
  describeExpiredCredits,
  describeRunway,
  describeRunwayLength,
  describeRunwayWords,
} from '../../../src/format/outcome-text';
import { makeSmallScenario } from '../../factories/small-scenario';
import {
  createPerTokenModel,
  createScenario,
  createSlice,
  simulateStrategyById,
} from '../../factories/scenario-builders';

const timing = { horizonMonths: 24, startMonth: '2027-01', credits: [] };

function withRunway(runwayMonths: number | null): StrategyResult {
  return { runwayMonths, creditsExhaustedMonth: null } as StrategyResult;
}

describe('describeRunway', () => {
  it('counts the whole months cash lasts and names the first month that closes below zero', () => {
    // Index 15 from Jan 2027: Jan 2027 … Mar 2028 (15 months) close at or above zero, Apr 2028 below.
    expect(describeRunway(withRunway(15), timing)).toBe('15 months (cash runs out in Apr 2028)');
    expect(describeRunwayLength(15, timing)).toBe('15 months');
    expect(describeCashOut(15, timing)).toBe('cash runs out in Apr 2028');
  });

  it('says when cash runs out in the first month, and when it lasts the horizon', () => {
    // Month 0 closes below zero: no whole month of runway, said plainly rather than "0 months … Jan 2027".
    expect(describeRunway(withRunway(0), timing)).toBe(
      'Less than a month (cash runs out in the first month, Jan 2027)',
    );
    expect(describeRunwayLength(0, timing)).toBe('Less than a month');
    expect(describeCashOut(0, timing)).toBe('cash runs out in the first month (Jan 2027)');
    // Without a start month the first month has no other name.
    expect(describeCashOut(0, { horizonMonths: 24 })).toBe('cash runs out in the first month');
    expect(describeRunway(withRunway(0), { horizonMonths: 24 })).toBe(
      'Less than a month (cash runs out in the first month)',
    );
    expect(describeRunwayLength(1, timing)).toBe('1 month');
    expect(describeRunway(withRunway(null), timing)).toBe('Beyond 24 months');
    expect(describeCashOut(null, timing)).toBeNull();
  });

  it('gives the phrase in its two parts, the bracket apart, for a narrow column to put on two lines', () => {
    expect(describeRunwayWords(15, timing)).toEqual({
      length: '15 months',
      cashOut: '(cash runs out in Apr 2028)',
    });
    expect(describeRunwayWords(0, timing)).toEqual({
      length: 'Less than a month',
      cashOut: '(cash runs out in the first month, Jan 2027)',
    });
    expect(describeRunwayWords(null, timing)).toEqual({ length: 'Beyond 24 months', cashOut: null });
  });
});

describe('the CLI table', () => {
  it('words runway and credits exactly as the app does', () => {
    // All on cheap: 9 months (cash runs out in Oct 2027); all on dear: 7 months (see summary-panel.test.tsx).
    const plan = planScenario(makeSmallScenario());
    if (!plan.ok) throw new Error('test scenario is invalid');
    const { scenario, result } = plan.value;
    const table = formatResultTable(result, scenario);
    expect(table).toMatch(/^ {2}Runway +9 months \(cash runs out in Oct 2027\)$/m);
    const lineOf = (label: string, text: string) =>
      new RegExp(`^ {2}${label} +${text.replace(/[()]/g, '\\$&')}$`, 'm');
    for (const strategy of result.strategies) {
      expect(table).toMatch(lineOf('Runway', describeRunway(strategy, scenario)));
      expect(table).toMatch(lineOf('Credits run out', describeCreditsEnd(strategy, scenario)));
    }
  });
});

describe('describeExpiredCredits', () => {
  // One slice spends $1,000 a month on bedrock (1,000,000 requests of 1,000 input tokens at $1/MTok).
  const model = createPerTokenModel('bedrock:m', { inputPerMTok: 1, outputPerMTok: 0 });
  function run(credits: NonNullable<Parameters<typeof createScenario>[0]['credits']>) {
    const scenario = createScenario({
      horizonMonths: 3,
      catalog: [model],
      traffic: [createSlice('s', { requestsPerMonth: 1_000_000, inputTokens: 1000, outputTokens: 0 })],
      strategies: [{ id: 'x', name: 'All on m', kind: 'assign', routes: { s: 'bedrock:m' } }],
      credits,
    });
    return describeExpiredCredits(simulateStrategyById(scenario, 'x'), scenario);
  }

  it('names every pool that expires unused, however many', () => {
    // Each pool holds $5,000 for the first month only: the first pays that month's $1,000 and loses $4,000, the
    // others pay nothing and lose all. Three pools were once "in 3 pools", which named none.
    const oneMonth = { expiresAfterMonths: 1, appliesTo: ['bedrock'] };
    expect(run([{ id: 'a', name: 'Activate', amount: 5000, ...oneMonth }])).toBe('in Activate');
    expect(
      run([
        { id: 'a', name: 'Activate', amount: 5000, ...oneMonth },
        { id: 'p', name: 'Bedrock POC', amount: 5000, ...oneMonth },
        { id: 'g', name: '', amount: 5000, ...oneMonth },
      ]),
    ).toBe('in Activate, Bedrock POC and an unnamed pool');
  });

  it('says when the pools that expire cover none of the strategy’s spend', () => {
    // $700 for gcp only, which the strategy never uses, for the first month.
    expect(
      run([{ id: 'g', name: 'GCP credits', amount: 700, expiresAfterMonths: 1, appliesTo: ['gcp'] }]),
    ).toBe('in GCP credits, which covers none of its spend');
  });
});
