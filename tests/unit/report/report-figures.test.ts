import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/domain/scenario-schema';
import { simulate } from '../../../src/domain/simulate';
import { validateScenario } from '../../../src/domain/validate-scenario';
import {
  listPriceSources,
  pickRecommendedStrategy,
  sumFirstMonths,
  toCreditPrograms,
} from '../../../src/features/report/report-figures';
import { parseCreditPoolTemplates } from '../../../src/queries/credit-pool-queries';
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
    const recommendation = pickRecommendedStrategy(scenario, result);
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
    const recommendation = pickRecommendedStrategy(scenario, result);
    expect(recommendation.strategy).toBeNull();
    expect(recommendation.constraintsByStrategy.get('all-dear')?.map((c) => [c.sliceId, c.kind])).toEqual([
      ['main', 'quality'],
    ]);
  });

  it('recommends nothing without strategies', () => {
    const input = makeSmallScenario();
    input.strategies = [];
    const { scenario, result } = plan(input);
    expect(pickRecommendedStrategy(scenario, result).strategy).toBeNull();
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

describe('toCreditPrograms', () => {
  it('maps templates to programmes and leaves out those without a largest award', () => {
    const source = { label: 'seed', asOf: '2026' };
    const templates = parseCreditPoolTemplates([
      {
        pool: { id: 'poc', name: 'POC', amount: 25_000, appliesTo: ['bedrock'] },
        minAmount: 10_000,
        maxAmount: 50_000,
        howObtained: 'partner-filed',
        source,
      },
      {
        pool: { id: 'open', name: 'Open', amount: 1 },
        minAmount: null,
        maxAmount: null,
        howObtained: '',
        source,
      },
    ]);
    expect(toCreditPrograms(templates)).toEqual([
      {
        id: 'poc',
        name: 'POC',
        minAmount: 10_000,
        maxAmount: 50_000,
        appliesTo: ['bedrock'],
        howObtained: 'partner-filed',
        source,
      },
    ]);
  });
});
