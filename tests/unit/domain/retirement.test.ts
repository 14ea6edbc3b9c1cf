/**
 * Worked examples of retired-model warnings (src/domain/retirement.ts). The scenario starts in "2027-01" and runs
 * 12 months, so month t is January 2027 + t and the horizon's last day is 2027-12-31:
 *
 *   model     retiresOn     named by                   verdict
 *   old       2026-10-28    single "on-old"            retired before the start: month 0, retiredBeforeStart
 *   soon      2027-03-01    router route (share 0)     stops in March 2027: month 2
 *   edge      2027-12-31    router classifier          the horizon's last day: month 11, flagged
 *   later     2028-01-01    single "on-later"          the day after the horizon: not flagged
 *   current   null          router route               never: not flagged
 */
import { describe, expect, it } from 'vitest';
import { findRetiringModels, placeRetirement } from '../../../src/domain/retirement';
import type { Scenario } from '../../../src/domain/scenario-schema';
import { createPerTokenModel, createScenario, createSlice } from '../../factories/scenario-builders';

function buildScenario(startMonth: string | undefined): Scenario {
  return createScenario({
    schemaVersion: 3,
    horizonMonths: 12,
    ...(startMonth === undefined ? {} : { startMonth }),
    catalog: [
      createPerTokenModel('old', { inputPerMTok: 1, outputPerMTok: 1 }, { retiresOn: '2026-10-28' }),
      createPerTokenModel('soon', { inputPerMTok: 1, outputPerMTok: 1 }, { retiresOn: '2027-03-01' }),
      createPerTokenModel('edge', { inputPerMTok: 1, outputPerMTok: 1 }, { retiresOn: '2027-12-31' }),
      createPerTokenModel('later', { inputPerMTok: 1, outputPerMTok: 1 }, { retiresOn: '2028-01-01' }),
      createPerTokenModel('current', { inputPerMTok: 1, outputPerMTok: 1 }),
    ],
    traffic: [createSlice('s', { requestsPerMonth: 1, inputTokens: 1, outputTokens: 1 })],
    strategies: [
      { id: 'on-old', name: 'Old', kind: 'single', model: 'old' },
      { id: 'on-later', name: 'Later', kind: 'single', model: 'later' },
      {
        id: 'router',
        name: 'Router',
        kind: 'router',
        classifier: { model: 'edge', inputTokens: 10, outputTokens: 1 },
        routes: { s: { current: 1, soon: 0 } },
      },
    ],
  });
}

function summarise(scenario: Scenario, strategyId: string) {
  const strategy = scenario.strategies.find((s) => s.id === strategyId)!;
  return findRetiringModels(scenario, strategy).map((r) => [
    r.model.id,
    r.retiresOn,
    r.month,
    r.retiredBeforeStart,
  ]);
}

describe('findRetiringModels with a start month', () => {
  const scenario = buildScenario('2027-01');

  it('flags a model retired before the start at month 0', () => {
    expect(summarise(scenario, 'on-old')).toEqual([['old', '2026-10-28', 0, true]]);
  });

  it('flags legs with a zero share and the classifier, each at the month it stops', () => {
    expect(summarise(scenario, 'router')).toEqual([
      ['soon', '2027-03-01', 2, false],
      ['edge', '2027-12-31', 11, false],
    ]);
  });

  it('does not flag a model retiring the day after the horizon ends', () => {
    expect(summarise(scenario, 'on-later')).toEqual([]);
  });
});

describe('findRetiringModels without a start month', () => {
  it('lists every announced retirement of a named model, unplaced', () => {
    const scenario = buildScenario(undefined);
    expect(summarise(scenario, 'on-later')).toEqual([['later', '2028-01-01', null, false]]);
    expect(summarise(scenario, 'router').map(([id]) => id)).toEqual(['soon', 'edge']);
  });
});

describe('placeRetirement', () => {
  it('places the first and the last month of a horizon', () => {
    expect(placeRetirement('2027-01-01', '2027-01', 1)).toEqual({ month: 0, retiredBeforeStart: false });
    expect(placeRetirement('2027-01-31', '2027-01', 1)).toEqual({ month: 0, retiredBeforeStart: false });
    expect(placeRetirement('2027-02-01', '2027-01', 1)).toBeNull();
    expect(placeRetirement('2026-12-31', '2027-01', 1)).toEqual({ month: 0, retiredBeforeStart: true });
    // 24 months from 2027-01 end on 2028-12-31: a day in December 2028 is month 23.
    expect(placeRetirement('2028-12-15', '2027-01', 24)).toEqual({ month: 23, retiredBeforeStart: false });
    expect(placeRetirement(null, '2027-01', 24)).toBeNull();
  });
});
