/**
 * Runway warnings on the small scenario (tests/factories/small-scenario.ts): "All on dear" spends $4,500 a
 * month, other burn is $10,000 a month and a $10,000 pool covers months 0, 1 and $1,000 of month 2.
 */
import { describe, expect, it } from 'vitest';
import { CASH_ALERT_MONTHS, findCashRunOutMonths, findRunwayAlerts } from '../../../src/domain/runway-alerts';
import type { CreditPool, ScenarioInput } from '../../../src/domain/scenario-schema';
import { simulateStrategy } from '../../../src/domain/simulate';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { makeSmallScenario } from '../../factories/small-scenario';

function simulateDear(input: ScenarioInput | object) {
  const validated = validateScenario(input);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  const scenario = validated.value;
  const strategy = scenario.strategies.find((s) => s.id === 'all-dear');
  if (!strategy) throw new Error('no all-dear');
  return { scenario, result: simulateStrategy(scenario, strategy) };
}

/** Dollars to the cent: the per-token prices add float noise far below it. */
const CENT_DIGITS = 2;

function makePool(id: string, startMonth: number) {
  return { id, name: id, amount: 5_000, appliesTo: ['bedrock'], startMonth };
}

describe('findRunwayAlerts', () => {
  it('warns when cash runs out within six months, and names the pools that start after it', () => {
    const document = JSON.parse(JSON.stringify(makeSmallScenario()));
    document.finance.cashOnHand = 50_000;
    // A $5,000 pool from month 4 pays $4,500 of month 4 and $500 of month 5; one from month 9 never helps.
    document.credits.push(makePool('late', 4), makePool('later', 9));
    const { scenario, result } = simulateDear(document);
    // Cash: 40,000, 30,000, 16,500 (the first pool pays $1,000 of month 2), 2,000 in month 3, then month 4
    // pays only the $10,000 burn (the late pool covers its AI): −8,000, below zero in month 4.
    expect(result.runwayMonths).toBe(4);
    const alerts = findRunwayAlerts(result, scenario.credits);
    expect(alerts.cashOutMonth).toBe(4);
    // The late pool starts in month 4 ≥ 4 and the later one in month 9: both arrive once cash is gone.
    expect(alerts.poolsAfterCash.map((pool) => pool.id)).toEqual(['late', 'later']);
  });

  it('says nothing of cash running out in the seventh month or later, but still of late pools', () => {
    const document = JSON.parse(JSON.stringify(makeSmallScenario()));
    document.credits.push(makePool('late', 7));
    const { scenario, result } = simulateDear(document);
    // The small scenario's runway is 7 months (−6,000 in month 7, see the sensitivity tests); a pool from
    // month 7 pays $4,500 of it: 8,500 − 10,000 = −1,500, still below zero in month 7.
    expect(result.runwayMonths).toBe(7);
    const alerts = findRunwayAlerts(result, scenario.credits);
    expect(alerts.cashOutMonth).toBeNull();
    expect(alerts.poolsAfterCash.map((pool) => pool.id)).toEqual(['late']);
  });

  it('draws the six-month line between months 5 and 6 and is silent when cash lasts the horizon', () => {
    const pools: CreditPool[] = [];
    expect(CASH_ALERT_MONTHS).toBe(6);
    expect(findRunwayAlerts({ runwayMonths: 0 }, pools).cashOutMonth).toBe(0);
    expect(findRunwayAlerts({ runwayMonths: 5 }, pools).cashOutMonth).toBe(5);
    expect(findRunwayAlerts({ runwayMonths: 6 }, pools).cashOutMonth).toBeNull();
    const { scenario } = simulateDear(makeSmallScenario());
    expect(findRunwayAlerts({ runwayMonths: null }, scenario.credits)).toEqual({
      cashOutMonth: null,
      poolsAfterCash: [],
    });
    // A pool starting before the runway month is not late: the small scenario's pool starts in month 0.
    expect(findRunwayAlerts({ runwayMonths: 1 }, scenario.credits).poolsAfterCash).toEqual([]);
    expect(findRunwayAlerts({ runwayMonths: 0 }, scenario.credits).poolsAfterCash).toHaveLength(1);
  });
});

describe('findCashRunOutMonths', () => {
  it('lists each month cash goes from at or above zero to below it, not only the first', () => {
    const document = JSON.parse(JSON.stringify(makeSmallScenario()));
    document.finance = { cashOnHand: 10_000, otherMonthlyBurn: 0, monthlyRevenue: 6_000 };
    // Two one-month costs no pool covers (the pool pays bedrock only): $25,000 in month 1, $9,000 in month 6.
    document.fixedCosts = [
      { id: 'launch', name: 'Launch', platform: 'other', monthlyAmount: 25_000, startMonth: 1, endMonth: 2 },
      { id: 'audit', name: 'Audit', platform: 'other', monthlyAmount: 9_000, startMonth: 6, endMonth: 7 },
    ];
    const { result } = simulateDear(document);
    // All on dear, $4,500 of AI a month: the $10,000 pool pays months 0 and 1 and $1,000 of month 2; revenue
    // $6,000 a month. Cash: 16,000; 16,000 + 6,000 − 25,000 = −3,000 (runs out in month 1); −3,000 + 6,000 −
    // 3,500 = −500; then +1,500 a month: 1,000 (back above zero in month 3), 2,500, 4,000; 4,000 + 1,500 −
    // 9,000 = −3,500 (runs out again in month 6); −2,000, −500, 1,000, 2,500, 4,000.
    const expected = [16_000, -3_000, -500, 1_000, 2_500, 4_000, -3_500, -2_000, -500, 1_000, 2_500, 4_000];
    expect(result.months).toHaveLength(expected.length);
    result.months.forEach((month, i) => expect(month.cashEnd).toBeCloseTo(expected[i]!, CENT_DIGITS));
    expect(findCashRunOutMonths(result)).toEqual([1, 6]);
    expect(result.runwayMonths).toBe(1);
  });

  it('counts a month closing at exactly zero as cash not yet run out', () => {
    const months = [5, 0, -1, -2, 0, -3, 7].map((cashEnd) => ({ cashEnd }));
    expect(findCashRunOutMonths({ months })).toEqual([2, 5]);
    expect(findCashRunOutMonths({ months: [{ cashEnd: -1 }, { cashEnd: -1 }] })).toEqual([0]);
    expect(findCashRunOutMonths({ months: [{ cashEnd: 0 }, { cashEnd: 3 }] })).toEqual([]);
  });
});
