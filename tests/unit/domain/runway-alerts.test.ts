/**
 * Runway warnings on the small scenario (tests/factories/small-scenario.ts): "All on dear" spends $4,500 a
 * month, other burn is $10,000 a month and a $10,000 pool covers months 0, 1 and $1,000 of month 2.
 */
import { describe, expect, it } from 'vitest';
import { CASH_ALERT_MONTHS, findRunwayAlerts } from '../../../src/domain/runway-alerts';
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
