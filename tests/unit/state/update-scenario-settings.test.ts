import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/domain/scenario-schema';
import { updateScenarioSettings } from '../../../src/state/scenario-edits';

const base: Scenario = {
  schemaVersion: 3,
  name: 'Plan',
  horizonMonths: 24,
  startMonth: '2027-01',
  options: { batch: true, caching: true, peakToAverage: 2 },
  catalog: [],
  traffic: [],
  strategies: [],
  credits: [],
  fixedCosts: [],
  evaluations: [],
  finance: { cashOnHand: 0, otherMonthlyBurn: 0, monthlyRevenue: 0, revenueGrowth: 0 },
};

describe('updateScenarioSettings', () => {
  it('sets only the settings it is given', () => {
    expect(updateScenarioSettings(base, { name: 'Renamed' })).toEqual({ ...base, name: 'Renamed' });
    expect(updateScenarioSettings(base, { horizonMonths: 36, startMonth: '2028-05' })).toEqual({
      ...base,
      horizonMonths: 36,
      startMonth: '2028-05',
    });
  });

  it('removes the start month when given null, without touching the original', () => {
    const next = updateScenarioSettings(base, { startMonth: null });
    expect(next).not.toHaveProperty('startMonth');
    expect(base.startMonth).toBe('2027-01');
  });
});
