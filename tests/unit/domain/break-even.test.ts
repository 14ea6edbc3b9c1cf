/**
 * Worked examples of the break-even points (src/domain/break-even.ts).
 *
 * Slice: 1,000 input + 100 output tokens, no caching or batch; peak-to-average 2.
 *   cheap (1 / 2 $/MTok):    f = 1,000·1e-6 + 100·2e-6 = $0.0012 per request
 *   dear  (3 / 15 $/MTok):   $0.0045 per request
 *   thrifty (0.5 / 1 $/MTok): $0.0006 per request
 * Capacity "self": $1 per unit-hour → u = $730 a unit-month; 60,000 tokens per minute per unit.
 *   A request sends 1,100 tokens, so one unit carries r = 60,000 · 43,800 / (2 · 1,100) = 1,194,545.45 requests
 *   a month, and at full use a request costs u / r = 730 / 1,194,545.45 = $0.00061111.
 */
import { describe, expect, it } from 'vitest';
import {
  compareCapacityTerms,
  findCapacityBreakEven,
  findCascadeBreakEvens,
} from '../../../src/domain/break-even';
import type { Model, Scenario } from '../../../src/domain/scenario-schema';
import { simulateStrategy } from '../../../src/domain/simulate';
import {
  createCapacityModel,
  createPerTokenModel,
  createScenario,
  createSlice,
  simulateStrategyById,
} from '../../factories/scenario-builders';

const VOLUME_DIGITS = 4;
const COST_DIGITS = 12;
const REQUESTS_PER_UNIT = (60000 * 43800) / (2 * 1100);

function makeScenario(minUnits = 0, hourlyPerUnit = 1): Scenario {
  return createScenario({
    catalog: [
      createPerTokenModel('cheap', { inputPerMTok: 1, outputPerMTok: 2 }, { quality: 50 }),
      createPerTokenModel('dear', { inputPerMTok: 3, outputPerMTok: 15 }, { quality: 90 }),
      createPerTokenModel('thrifty', { inputPerMTok: 0.5, outputPerMTok: 1 }, { quality: 30 }),
      createPerTokenModel('mid', { inputPerMTok: 2, outputPerMTok: 10 }, { quality: 70 }),
      createCapacityModel(
        'self',
        { hourlyPerUnit, tokensPerMinutePerUnit: 60000, minUnits },
        { quality: 60 },
      ),
    ],
    traffic: [createSlice('main', { requestsPerMonth: 1_000_000, inputTokens: 1000, outputTokens: 100 })],
    strategies: [{ id: 's', name: 'S', kind: 'single', model: 'cheap' }],
  });
}

function model(scenario: Scenario, id: string): Model {
  const found = scenario.catalog.find((m) => m.id === id);
  if (!found) throw new Error(id);
  return found;
}

function breakEven(scenario: Scenario, perTokenId: string) {
  return findCapacityBreakEven(
    scenario.traffic[0]!,
    model(scenario, 'self'),
    model(scenario, perTokenId),
    scenario.options,
  );
}

/** Month-0 spend of the slice at `requests` a month, all on `modelId`, through simulate. */
function spendAt(scenario: Scenario, requests: number, modelId: string): number {
  const atVolume = { ...scenario, traffic: [{ ...scenario.traffic[0]!, requestsPerMonth: requests }] };
  return simulateStrategy(atVolume, { id: 'x', name: 'X', kind: 'single', model: modelId }).totals.spend;
}

describe('findCapacityBreakEven', () => {
  it('finds the volume where one unit costs what per-token calls cost', () => {
    // First unit: $730 = 0.0012 · V → V = 608,333.33 requests a month (within one unit's 1,194,545).
    const scenario = makeScenario();
    const result = breakEven(scenario, 'cheap');
    expect(result.status).toBe('volume');
    expect(result.breakEvenRequestsPerMonth).toBeCloseTo(730 / 0.0012, VOLUME_DIGITS);
    expect(result.requestsPerUnit).toBeCloseTo(REQUESTS_PER_UNIT, VOLUME_DIGITS);
    expect(result.capacityCostPerRequestAtFullUse).toBeCloseTo(730 / REQUESTS_PER_UNIT, COST_DIGITS);
    // The engine agrees: at the break-even capacity is no dearer, a request below it, capacity is dearer.
    const volume = result.breakEvenRequestsPerMonth!;
    expect(spendAt(scenario, volume, 'self')).toBeLessThanOrEqual(spendAt(scenario, volume, 'cheap'));
    expect(spendAt(scenario, volume - 1, 'self')).toBeGreaterThan(spendAt(scenario, volume - 1, 'cheap'));
  });

  it('says from which volume capacity stays cheaper, past the gaps each new unit opens', () => {
    // f·r = 0.0012 · 1,194,545.45 = $1,433.45 > u = $730. Just above r a second unit ($1,460) is dearer than
    // per-token ($1,433.45) until 1,460 / 0.0012 = 1,216,666.67; above 2r a third unit ($2,190) is cheaper than
    // per-token ($2,866.91) at once. k < f·r / (f·r − u) = 2.04 → the last gap is at k = 2.
    const scenario = makeScenario();
    const result = breakEven(scenario, 'cheap');
    expect(result.cheaperForGoodFromRequestsPerMonth).toBeCloseTo(1460 / 0.0012, VOLUME_DIGITS);
    const justAboveOneUnit = REQUESTS_PER_UNIT + 1000;
    expect(spendAt(scenario, justAboveOneUnit, 'self')).toBeGreaterThan(
      spendAt(scenario, justAboveOneUnit, 'cheap'),
    );
    for (const volume of [1460 / 0.0012, 2 * REQUESTS_PER_UNIT + 1, 5e6, 2e7]) {
      expect(spendAt(scenario, volume, 'self')).toBeLessThanOrEqual(spendAt(scenario, volume, 'cheap'));
    }
  });

  it('compares at the slice’s current volume', () => {
    // 1,000,000 requests: 1.1e9 tokens ≤ 1.314e9 → 1 unit, $730, against 1,000,000 · $0.0012 = $1,200.
    const result = breakEven(makeScenario(), 'cheap');
    expect(result.currentRequestsPerMonth).toBe(1_000_000);
    expect(result.capacityMonthlyCost).toBeCloseTo(730, VOLUME_DIGITS);
    expect(result.perTokenMonthlyCost).toBeCloseTo(1200, VOLUME_DIGITS);
    expect(result.isCapacityCheaperNow).toBe(true);
  });

  it('starts from the minimum units', () => {
    // minUnits 2: $1,460 from the first request; 1,460 / 0.0012 = 1,216,666.67 ≤ 2r: the break-even.
    const result = breakEven(makeScenario(2), 'cheap');
    expect(result.breakEvenRequestsPerMonth).toBeCloseTo(1460 / 0.0012, VOLUME_DIGITS);
    expect(result.isCapacityCheaperNow).toBe(false); // $1,460 > $1,200
  });

  it('says never when the per-token model is cheaper per request than capacity at full use', () => {
    // thrifty: $0.0006 < $0.00061111 per request at full use.
    const result = breakEven(makeScenario(), 'thrifty');
    expect(result.status).toBe('never');
    expect(result.breakEvenRequestsPerMonth).toBeNull();
    expect(result.cheaperForGoodFromRequestsPerMonth).toBeNull();
  });

  it('says always when units cost nothing', () => {
    const result = breakEven(makeScenario(1, 0), 'cheap');
    expect(result.status).toBe('always');
    expect(result.breakEvenRequestsPerMonth).toBe(0);
  });

  it('handles a dear per-token model (break-even far below one unit)', () => {
    // 730 / 0.0045 = 162,222.22 requests a month.
    expect(breakEven(makeScenario(), 'dear').breakEvenRequestsPerMonth).toBeCloseTo(
      730 / 0.0045,
      VOLUME_DIGITS,
    );
  });
});

describe('findCascadeBreakEvens', () => {
  function cascades(routes: Record<string, { steps: string[]; escalation: number[] }>) {
    const base = makeScenario();
    const routeRecord = Object.create(null) as Record<string, { steps: string[]; escalation: number[] }>;
    Object.assign(routeRecord, routes);
    return findCascadeBreakEvens({
      ...base,
      strategies: [
        ...base.strategies,
        { id: 'cascade', name: 'Cascade', kind: 'cascade', routes: routeRecord, fallback: 'dear' },
      ],
    });
  }

  it('two steps: e* = 1 − c1 / c2', () => {
    // cheap → dear at 10 %: e* = 1 − 0.0012 / 0.0045 = 0.73333; the cascade costs 0.0012 + 0.1 · 0.0045 = $0.00165.
    const [found] = cascades({ main: { steps: ['cheap', 'dear'], escalation: [0.1] } });
    expect(found).toMatchObject({
      status: 'rate',
      strategyId: 'cascade',
      sliceId: 'main',
      beatsLastStepNow: true,
    });
    expect(found?.breakEvenEscalation).toBeCloseTo(1 - 0.0012 / 0.0045, COST_DIGITS);
    expect(found?.cascadeCostPerRequest).toBeCloseTo(0.00165, COST_DIGITS);
    expect(found?.lastStepCostPerRequest).toBeCloseTo(0.0045, COST_DIGITS);
  });

  it('three steps: the first rate varies, later ones as set', () => {
    // cheap → mid ($0.003) → dear, rates 20 % then 50 %: T = 0.003 + 0.5 · 0.0045 = $0.00525;
    // e1* = (0.0045 − 0.0012) / 0.00525 = 0.628571.
    const [found] = cascades({ main: { steps: ['cheap', 'mid', 'dear'], escalation: [0.2, 0.5] } });
    expect(found?.status).toBe('rate');
    expect(found?.breakEvenEscalation).toBeCloseTo(0.0033 / 0.00525, COST_DIGITS);
    // 0.0012 + 0.2 · 0.00525 = $0.00225
    expect(found?.cascadeCostPerRequest).toBeCloseTo(0.00225, COST_DIGITS);
  });

  it('always: cheaper even when every request escalates', () => {
    // cheap → thrifty ($0.0006) → dear at 10 %: T = 0.0006 + 0.1 · 0.0045 = $0.00105; 0.0012 + 0.00105 < 0.0045.
    const [found] = cascades({ main: { steps: ['cheap', 'thrifty', 'dear'], escalation: [0.5, 0.1] } });
    expect(found?.status).toBe('always');
    expect(found?.breakEvenEscalation).toBeNull();
  });

  it('never: the first model costs at least as much as the last', () => {
    const [found] = cascades({ main: { steps: ['dear', 'cheap'], escalation: [0.1] } });
    expect(found).toMatchObject({ status: 'never', breakEvenEscalation: null, beatsLastStepNow: false });
  });

  it('capacity steps and single steps have no rate', () => {
    expect(cascades({ main: { steps: ['self', 'dear'], escalation: [0.1] } })[0]?.status).toBe(
      'capacity-step',
    );
    expect(cascades({ main: { steps: ['dear'], escalation: [] } })[0]?.status).toBe('single-step');
  });

  it('lists only cascade routes, in strategy then traffic order', () => {
    expect(findCascadeBreakEvens(makeScenario())).toEqual([]);
  });
});

describe('compareCapacityTerms', () => {
  /**
   * A slice of 1,000 input tokens (no output) doubling every month for four months: 43,800 → 87,600 → 175,200 →
   * 350,400 requests. Peak-to-average 1 and 1,000 tokens per minute per unit, so one unit carries
   * 1,000 · 43,800 = 43.8M tokens = 43,800 requests a month: the months need 1, 2, 4, 8 units.
   *   no commitment ($1/hour):  1 + 2 + 4 + 8 = 15 unit-months · $730 = $10,950
   *   2-month terms ($0.80/hour): [0,2) holds 2, [2,4) holds 8 → 2 + 2 + 8 + 8 = 20 unit-months · $584 = $11,680
   *   per token ($100/MTok):    $0.1 per request · 43,800 · 15 = $65,700
   * Steady month (no growth): one unit carries 43,800 requests and f·r = 4,380 > u, so the first unit breaks
   * even at V = u / f: 730 / 0.1 = 7,300 requests for the on-demand row and 584 / 0.1 = 5,840 for the committed
   * one; the term does not change a steady month.
   */
  const scenario = createScenario({
    horizonMonths: 4,
    options: { batch: false, caching: false, peakToAverage: 1 },
    catalog: [
      createPerTokenModel('per-token', { inputPerMTok: 100, outputPerMTok: 100 }),
      createCapacityModel('on-demand', { hourlyPerUnit: 1, tokensPerMinutePerUnit: 1000 }),
      createCapacityModel('two-month', {
        hourlyPerUnit: 0.8,
        tokensPerMinutePerUnit: 1000,
        commitmentMonths: 2,
      }),
    ],
    traffic: [
      createSlice(
        'main',
        { requestsPerMonth: 43_800, inputTokens: 1000, outputTokens: 0 },
        { monthlyGrowth: 1 },
      ),
    ],
    strategies: [{ id: 's', name: 'S', kind: 'single', model: 'per-token' }],
  });

  it('lays every commitment term side by side, holding each term’s largest month', () => {
    const rows = compareCapacityTerms(scenario, scenario.traffic[0]!, model(scenario, 'per-token'));
    expect(rows.map((row) => [row.model.id, row.commitmentMonths])).toEqual([
      ['on-demand', 0],
      ['two-month', 2],
    ]);
    expect(rows[0]!.horizonCapacityCost).toBeCloseTo(10_950, COST_DIGITS);
    expect(rows[1]!.horizonCapacityCost).toBeCloseTo(11_680, COST_DIGITS - 2);
    expect(rows[0]!.horizonPerTokenCost).toBeCloseTo(65_700, COST_DIGITS - 3);
    expect(rows[0]!.breakEven.breakEvenRequestsPerMonth).toBeCloseTo(7_300, VOLUME_DIGITS);
    expect(rows[1]!.breakEven.breakEvenRequestsPerMonth).toBeCloseTo(5_840, VOLUME_DIGITS);
  });

  it('bills the committed row exactly as simulate does', () => {
    const routed = {
      ...scenario,
      strategies: [{ id: 'c', name: 'C', kind: 'single' as const, model: 'two-month' }],
    };
    const result = simulateStrategyById(routed, 'c');
    expect(result.months.map((month) => month.spend)).toEqual(
      [2 * 584, 2 * 584, 8 * 584, 8 * 584].map((x) => expect.closeTo(x, 9)),
    );
    expect(result.totals.spend).toBeCloseTo(11_680, COST_DIGITS - 2);
  });
});
