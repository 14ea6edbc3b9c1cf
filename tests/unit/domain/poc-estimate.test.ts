import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/domain/scenario-schema';
import { simulate } from '../../../src/domain/simulate';
import { validateScenario } from '../../../src/domain/validate-scenario';
import {
  clampPocMonths,
  describePriceValidity,
  describeSliceServices,
  listPriceSources,
  listQualitySources,
  measureForRecommendation,
  pickRecommendedStrategy,
  sumFirstMonths,
  sumFixedCostsInPeriod,
} from '../../../src/domain/poc-estimate';
import { makeSmallScenario } from '../../factories/small-scenario';

/** Dollars compared to the cent. */
const CENTS = 2;

function plan(input: ScenarioInput) {
  const validated = validateScenario(input);
  if (!validated.ok) throw new Error(validated.issues.map((issue) => issue.message).join('; '));
  return { scenario: validated.value, result: simulate(validated.value) };
}

/** The small scenario with a quality bar of 60 (cheap is 50, dear 90) and a cascade and a router. */
function makeBarScenario(): ScenarioInput {
  const input = makeSmallScenario();
  input.traffic[0]!.qualityBar = 60;
  input.strategies.push(
    {
      id: 'cascade',
      name: 'Cheap then dear',
      kind: 'cascade',
      routes: { main: { steps: ['cheap', 'dear'], escalation: [0.2] } },
    },
    {
      id: 'cascade-never',
      name: 'Cheap, never escalating',
      kind: 'cascade',
      routes: { main: { steps: ['cheap', 'dear'], escalation: [0] } },
    },
    { id: 'router', name: 'Router', kind: 'router', routes: { main: { cheap: 0.8, dear: 0.2 } } },
    { id: 'auto', name: 'Cheapest meeting bar', kind: 'cheapest-meeting-bar' },
  );
  return input;
}

describe('pickRecommendedStrategy', () => {
  it('picks the lowest 12-month spend among the strategies that break nothing', () => {
    const { scenario, result } = plan(makeBarScenario());
    // Per request: cheap $0.0012, dear $0.0045. Cascade: 0.0012 + 0.2 × 0.0045 = $0.0021; router
    // 0.8 × 0.0012 + 0.2 × 0.0045 = $0.00186; cheapest meeting the bar: dear, $0.0045. "All on cheap" and
    // the never-escalating cascade ($0.0012) miss the bar, and so do the cascade (cheap answers the 80 % it does
    // not escalate) and the router (cheap answers 80 %): "All on dear" ($4,500 a month, listed before cheapest-meeting-bar at the same spend) is recommended.
    const recommendation = pickRecommendedStrategy(scenario, result, 'spend');
    expect(recommendation.strategy?.id).toBe('all-dear');
    expect(recommendation.strategy?.totals.firstYearSpend).toBeCloseTo(12 * 4_500, CENTS);
    expect(recommendation.constraintsByStrategy.get('router')?.map((c) => [c.kind, c.modelId])).toEqual([
      ['quality', 'cheap'],
    ]);
  });

  it('recommends none when every strategy breaks a constraint', () => {
    const input = makeSmallScenario();
    input.traffic[0]!.qualityBar = 95;
    const { scenario, result } = plan(input);
    const recommendation = pickRecommendedStrategy(scenario, result, 'spend');
    expect(recommendation.strategy).toBeNull();
    expect(recommendation.constraintsByStrategy.get('all-dear')?.map((c) => [c.sliceId, c.kind])).toEqual([
      ['main', 'quality'],
    ]);
  });

  it('recommends nothing without strategies', () => {
    const input = makeSmallScenario();
    input.strategies = [];
    const { scenario, result } = plan(input);
    expect(pickRecommendedStrategy(scenario, result, 'spend').strategy).toBeNull();
  });
});

describe('pickRecommendedStrategy on the cash basis', () => {
  /**
   * "All on dear" on Bedrock, $4,500 a month, which a $100,000 Bedrock pool pays in full for 12 months ($54,000);
   * "All on direct" on a provider's API (2 / 8 $/MTok: 1,000 × 2e-6 + 100 × 8e-6 = $0.0028 → $2,800 a month),
   * which no pool pays. "All on cheap" misses the bar of 60.
   */
  function makeCashScenario(): ScenarioInput {
    const input = makeSmallScenario();
    input.traffic[0]!.qualityBar = 60;
    input.catalog.push({
      id: 'direct',
      name: 'Direct model',
      provider: 'Acme',
      platform: 'acme-api',
      pricing: { kind: 'per-token', inputPerMTok: 2, outputPerMTok: 8 },
      quality: 90,
    });
    input.strategies.push({ id: 'all-direct', name: 'All on direct', kind: 'single', model: 'direct' });
    input.credits = [{ id: 'pool', name: 'Pool', amount: 100_000, appliesTo: ['bedrock'] }];
    return input;
  }

  it('least total spend picks the cheaper direct API; least cash picks the one the credits pay', () => {
    const { scenario, result } = plan(makeCashScenario());
    // Spend over 12 months: dear 12 × 4,500 = $54,000; direct 12 × 2,800 = $33,600.
    const bySpend = pickRecommendedStrategy(scenario, result, 'spend');
    expect(bySpend.strategy?.id).toBe('all-direct');
    expect(bySpend.figure).toBeCloseTo(33_600, CENTS);
    // Cash over 12 months: dear $54,000 − $54,000 from the pool = $0; direct $33,600.
    const byCash = pickRecommendedStrategy(scenario, result, 'cash');
    expect(byCash.strategy?.id).toBe('all-dear');
    expect(byCash.figure).toBeCloseTo(0, CENTS);
    const dear = result.strategies.find((s) => s.id === 'all-dear')!;
    expect(measureForRecommendation(dear, 'spend')).toBeCloseTo(54_000, CENTS);
  });
});

describe('sumFirstMonths', () => {
  it('sums spend, list spend and savings over the first months', () => {
    const input = makeSmallScenario();
    // 400 of the 1,000 input tokens cached at a 50 % hit rate, cache read $0.1/MTok (write = input price),
    // half the traffic batched at 50 % off, on "cheap" (1 / 2 $/MTok):
    //   list   = 1,000 × 1e-6 + 100 × 2e-6                                   = $0.0012
    //   cached = 600 × 1e-6 + 400 × (0.5 × 0.1e-6 + 0.5 × 1e-6) + 100 × 2e-6 = $0.00102
    //   final  = 0.00102 × (1 − 0.5 × 0.5)                                     = $0.000765
    input.catalog[0]!.pricing = {
      kind: 'per-token',
      inputPerMTok: 1,
      outputPerMTok: 2,
      cacheReadPerMTok: 0.1,
      batchDiscount: 0.5,
    };
    Object.assign(input.traffic[0]!, { cachedPrefixTokens: 400, cacheHitRate: 0.5, batchShare: 0.5 });
    const { result } = plan(input);
    const cheap = result.strategies.find((s) => s.id === 'all-cheap')!;
    // Three months of 1,000,000 requests.
    const totals = sumFirstMonths(cheap, 3);
    expect(totals.listSpend).toBeCloseTo(3 * 1_200, CENTS);
    expect(totals.spend).toBeCloseTo(3 * 765, CENTS);
    expect(totals.savings.caching).toBeCloseTo(3 * 180, CENTS);
    expect(totals.savings.batch).toBeCloseTo(3 * 255, CENTS);
    // The $10,000 pool pays every month's $765 (3 × 765 = $2,295 < $10,000): no cash.
    expect(totals.creditsUsed).toBeCloseTo(3 * 765, CENTS);
    expect(totals.cashSpentOnAI).toBeCloseTo(0, CENTS);
    expect(sumFirstMonths(cheap, 99).spend).toBeCloseTo(12 * 765, CENTS);
  });
});

describe('listPriceSources', () => {
  it('groups the models a strategy uses by source, catalog order, leaving unused models out', () => {
    const input = makeBarScenario();
    input.catalog[0]!.source = { label: 'seed: rates', asOf: '2026' };
    const { scenario } = plan(input);
    expect(listPriceSources(scenario, 'router')).toEqual([
      { label: 'seed: rates', asOf: '2026', url: null, models: ['Cheap model'] },
      { label: null, asOf: null, url: null, models: ['Dear model'] },
    ]);
    expect(listPriceSources(scenario, 'all-dear')).toEqual([
      { label: null, asOf: null, url: null, models: ['Dear model'] },
    ]);
  });
});

describe('describeSliceServices', () => {
  it('names the model serving each slice, where a cascade escalates and how a router splits', () => {
    const input = makeSmallScenario();
    input.traffic.push({
      id: 'side',
      name: 'Side traffic',
      requestsPerMonth: 10_000,
      inputTokens: 1000,
      outputTokens: 100,
    });
    input.strategies.push({
      id: 'cascade-2',
      name: 'Cascade on main only',
      kind: 'cascade',
      routes: { main: { steps: ['cheap', 'dear'], escalation: [0.2] } },
      fallback: 'dear',
    });
    input.strategies.push({
      id: 'router',
      name: 'Router',
      kind: 'router',
      routes: { main: { cheap: 0.8, dear: 0.2 } },
      fallback: 'dear',
    });
    const { scenario, result } = plan(input);
    const cascade = result.strategies.find((s) => s.id === 'cascade-2')!;
    const services = describeSliceServices(scenario, cascade, 3);
    // Main: every request on cheap ($0.0012), 20 % escalate to dear ($0.0045): $0.0021 × 1,000,000 × 3 = $6,300.
    expect(
      services.map((s) => [s.slice.id, s.kind, s.steps.map((step) => [step.model.id, step.share])]),
    ).toEqual([
      [
        'main',
        'cascade',
        [
          ['cheap', 1],
          ['dear', 0.2],
        ],
      ],
      ['side', 'one', [['dear', 1]]],
    ]);
    expect(services[0]!.pocSpend).toBeCloseTo(6_300, CENTS);
    // Side on the fallback, dear: $0.0045 × 10,000 × 3 = $135.
    expect(services[1]!.pocSpend).toBeCloseTo(135, CENTS);

    const router = result.strategies.find((s) => s.id === 'router')!;
    const split = describeSliceServices(scenario, router, 1)[0]!;
    expect(split.kind).toBe('router');
    expect(split.steps.map((step) => step.share)).toEqual([0.8, 0.2]);
  });
});

describe('sumFixedCostsInPeriod', () => {
  it('totals each fixed cost a strategy pays over the POC period and leaves out the ones that cost nothing', () => {
    const input = makeSmallScenario();
    input.fixedCosts = [
      { id: 'kb', name: 'Vector store', platform: 'aws', monthlyAmount: 350, monthlyGrowth: 0.1 },
      { id: 'later', name: 'Starts in month 6', platform: 'aws', monthlyAmount: 99, startMonth: 6 },
    ];
    const { scenario, result } = plan(input);
    // 350 + 385 + 423.50 = $1,158.50 over three months.
    const totals = sumFixedCostsInPeriod(scenario, result.strategies[0]!, 3);
    expect(totals).toHaveLength(1);
    expect(totals[0]!.name).toBe('Vector store');
    expect(totals[0]!.pocSpend).toBeCloseTo(1_158.5, CENTS);
  });
});

describe('listQualitySources', () => {
  it('groups the quality sources of the models a strategy uses', () => {
    const input = makeBarScenario();
    input.catalog[1]!.qualitySource = { benchmark: 'GPQA', label: 'Vendor card', asOf: '2026-10-01' };
    const { scenario } = plan(input);
    expect(listQualitySources(scenario, 'router')).toEqual([
      { benchmark: 'GPQA', asOf: '2026-10-01', assumption: false, models: ['Dear model'] },
    ]);
  });
});

describe('describePriceValidity', () => {
  it('gives the oldest and newest price dates and the day 30 days after the estimate', () => {
    const sources = [
      { label: 'a', asOf: '2026-10-08', url: null, models: ['A'] },
      { label: 'b', asOf: '2026-07-24', url: null, models: ['B'] },
      { label: null, asOf: null, url: null, models: ['C'] },
    ];
    // 2 December 2026 + 30 days = 1 January 2027.
    expect(describePriceValidity(sources, '2026-12-02')).toEqual({
      pricesAsOf: { oldest: '2026-07-24', newest: '2026-10-08' },
      validUntil: '2027-01-01',
    });
    expect(describePriceValidity([], '2026-12-02').pricesAsOf).toBeNull();
  });
});

describe('clampPocMonths', () => {
  it('keeps the POC period within 1 month and the horizon', () => {
    expect(clampPocMonths(3, 24)).toBe(3);
    expect(clampPocMonths(30, 24)).toBe(24);
    expect(clampPocMonths(0, 24)).toBe(1);
  });
});
