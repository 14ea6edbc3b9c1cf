/**
 * Worked examples of `findBrokenConstraints` (src/domain/plan-constraints.ts). Quality bar 80 on every slice:
 *
 *   strategy                     slice   what breaks                                     share
 *   router 80/20 strong/weak     s       weak (70) answers 20 %                           0.2
 *   cascade weak → strong, 15 %  s       weak answers the 85 % it does not escalate       1 − 0.15 = 0.85
 *   cascade strong → weak, 15 %  s       weak, last step, answers the 15 % escalated      0.15
 *   single small-window          long    (300K + 1K) · 1 = 301K tokens > 200K window      1
 *   router, us classifier        eu      us classifier (share 1), us leg 30 %             1, 0.3
 *   single old                   s       retires 2027-03-01 (month 2 of 2027-01 + 12)     1
 */
import { describe, expect, it } from 'vitest';
import { findBrokenConstraints } from '../../../src/domain/plan-constraints';
import type { Scenario } from '../../../src/domain/scenario-schema';
import { describeConstraint, describeConstraintBadges } from '../../../src/format/constraint-text';
import { createPerTokenModel, createScenario, createSlice } from '../../factories/scenario-builders';

/** Shares are sums and differences of fractions: compared to 12 decimal places. */
const SHARE_PRECISION = 12;

const prices = { inputPerMTok: 1, outputPerMTok: 1 };

function buildScenario(): Scenario {
  return createScenario({
    schemaVersion: 3,
    horizonMonths: 12,
    startMonth: '2027-01',
    catalog: [
      createPerTokenModel('strong', prices, { quality: 90, region: 'eu' }),
      createPerTokenModel('weak', prices, { quality: 70, region: 'eu' }),
      createPerTokenModel('small-window', prices, { quality: 90, contextWindow: 200_000 }),
      createPerTokenModel('us', prices, { quality: 90, region: 'us' }),
      createPerTokenModel('old', prices, { quality: 90, retiresOn: '2027-03-01' }),
    ],
    traffic: [
      createSlice('s', { requestsPerMonth: 100, inputTokens: 1000, outputTokens: 100 }, { qualityBar: 80 }),
      createSlice(
        'long',
        { requestsPerMonth: 100, inputTokens: 300_000, outputTokens: 1000 },
        { qualityBar: 80 },
      ),
      createSlice(
        'eu',
        { requestsPerMonth: 100, inputTokens: 1000, outputTokens: 100 },
        { qualityBar: 80, regions: ['eu'] },
      ),
    ],
    strategies: [
      {
        id: 'router',
        name: 'Router',
        kind: 'router',
        routes: { s: { strong: 0.8, weak: 0.2 } },
        fallback: 'strong',
      },
      {
        id: 'cascade-weak-first',
        name: 'Cascade',
        kind: 'cascade',
        routes: { s: { steps: ['weak', 'strong'], escalation: [0.15] } },
        fallback: 'strong',
      },
      {
        id: 'cascade-weak-last',
        name: 'Cascade',
        kind: 'cascade',
        routes: { s: { steps: ['strong', 'weak'], escalation: [0.15] } },
        fallback: 'strong',
      },
      {
        id: 'assign-long',
        name: 'Assign',
        kind: 'assign',
        routes: { long: 'small-window' },
        fallback: 'strong',
      },
      {
        id: 'region-router',
        name: 'Region router',
        kind: 'router',
        classifier: { model: 'us', inputTokens: 100, outputTokens: 1 },
        routes: { eu: { strong: 0.7, us: 0.3 } },
        fallback: 'strong',
      },
      { id: 'old', name: 'Old', kind: 'single', model: 'old' },
    ],
  });
}

const scenario = buildScenario();

function brokenBy(strategyId: string) {
  return findBrokenConstraints(
    scenario,
    scenario.strategies.find((s) => s.id === strategyId)!,
  );
}

describe('findBrokenConstraints', () => {
  it("reports a router's 20 % leg below the bar with share 0.2", () => {
    const broken = brokenBy('router');
    expect(broken.map((c) => [c.sliceId, c.kind, c.modelId])).toEqual([['s', 'quality', 'weak']]);
    expect(broken[0]!.share).toBeCloseTo(0.2, SHARE_PRECISION);
  });

  it("reports a cascade's first step below the bar with the 85 % it answers when 15 % escalate", () => {
    const broken = brokenBy('cascade-weak-first');
    expect(broken.map((c) => [c.sliceId, c.kind, c.modelId])).toEqual([['s', 'quality', 'weak']]);
    expect(broken[0]!.share).toBeCloseTo(0.85, SHARE_PRECISION);
  });

  it("reports a cascade's last step below the bar with the 15 % escalated to it", () => {
    const broken = brokenBy('cascade-weak-last');
    expect(broken.map((c) => [c.sliceId, c.kind, c.modelId])).toEqual([['s', 'quality', 'weak']]);
    expect(broken[0]!.share).toBeCloseTo(0.15, SHARE_PRECISION);
  });

  it('flags a 300K-token prompt on a 200K-window model as a broken context window, share 1', () => {
    expect(brokenBy('assign-long')).toEqual([
      {
        kind: 'context',
        sliceId: 'long',
        modelId: 'small-window',
        share: 1,
        tokens: 301_000,
        contextWindow: 200_000,
      },
    ]);
  });

  it('flags the classifier (share 1) and a 30 % leg outside the allowed regions', () => {
    const broken = brokenBy('region-router');
    expect(broken.map((c) => [c.sliceId, c.kind, c.modelId])).toEqual([['eu', 'region', 'us']]);
    // The classifier is called on every request, so every request sends data to "us": share 1, not 1.3.
    expect(broken[0]!.share).toBe(1);
  });

  it('flags a model retiring within the horizon on every slice it serves', () => {
    const broken = brokenBy('old');
    // "old" gives no region, so the eu-only slice is also served outside its regions.
    expect(broken.map((c) => [c.sliceId, c.kind, c.modelId, c.share])).toEqual([
      ['s', 'retired', 'old', 1],
      ['long', 'retired', 'old', 1],
      ['eu', 'region', 'old', 1],
      ['eu', 'retired', 'old', 1],
    ]);
    expect(broken[0]).toMatchObject({ retiresOn: '2027-03-01', month: 2, retiredBeforeStart: false });
  });

  it('breaks nothing when every model that answers meets every constraint', () => {
    const clean = createScenario({
      ...scenario,
      strategies: [{ id: 'strong', name: 'Strong', kind: 'single', model: 'strong' }],
    });
    expect(findBrokenConstraints(clean, clean.strategies[0]!)).toEqual([]);
  });
});

describe('constraint text', () => {
  it('says each constraint and the badges in the same words everywhere', () => {
    const broken = brokenBy('router');
    expect(describeConstraint(broken[0]!, scenario)).toBe(
      's: weak scores 70, below the bar of 80, on 20% of requests',
    );
    expect(describeConstraintBadges(brokenBy('assign-long'))).toEqual([
      { kind: 'context', label: '1 over context window' },
    ]);
  });
});
