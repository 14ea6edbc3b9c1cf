/**
 * Worked examples of the optimised assignment (src/domain/optimise.ts).
 *
 * The small scenario: one slice of 1,000,000 requests/month, 1,000 input + 100 output tokens, no caching or batch:
 *   cheap (1 / 2 $/MTok, quality 50):  1,000·1e-6 + 100·2e-6  = $0.0012 per request → $1,200 a month
 *   dear  (3 / 15 $/MTok, quality 90): 1,000·3e-6 + 100·15e-6 = $0.0045 per request → $4,500 a month
 * Capacity: one unit carries 60,000 TPM; at peak-to-average 2 that is 60,000 · 43,800 / 2 = 1.314e9 tokens a month.
 */
import { describe, expect, it } from 'vitest';
import { optimiseAssignment } from '../../../src/domain/optimise';
import { makeQualityLookup } from '../../../src/domain/quality';
import { pickCheapestMeetingBar } from '../../../src/domain/routes';
import type { Scenario, ScenarioInput } from '../../../src/domain/scenario-schema';
import { simulateStrategy } from '../../../src/domain/simulate';
import { formatIssue, validateScenario } from '../../../src/domain/validate-scenario';
import defaultScenario from '../../../data/default-scenario.json';
import {
  createCapacityModel,
  createPerTokenModel,
  createScenario,
  createSlice,
} from '../../factories/scenario-builders';
import { makeSmallScenario } from '../../factories/small-scenario';

/** Money here is at most a few $100K; 6 digits checks it to a millionth of a dollar. */
const DOLLAR_DIGITS = 6;

function validate(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}

function smallWithBar(qualityBar: number, extra: Partial<ScenarioInput> = {}): Scenario {
  const input = makeSmallScenario();
  input.traffic = input.traffic.map((slice) => ({ ...slice, qualityBar }));
  return validate({ ...input, ...extra });
}

const CHEAP = createPerTokenModel('cheap', { inputPerMTok: 1, outputPerMTok: 2 }, { quality: 50 });

describe('optimiseAssignment, per-token models', () => {
  it('takes the cheapest model that meets the bar', () => {
    // Bar 40: both qualify; cheap at $0.0012 beats dear at $0.0045. 12 months · $1,200 = $14,400.
    const low = optimiseAssignment(smallWithBar(40));
    expect(low.choices[0]?.model.id).toBe('cheap');
    expect(low.choices[0]?.costPerRequest).toBeCloseTo(0.0012, 12);
    expect(low.choices[0]?.firstMonthCost).toBeCloseTo(1200, DOLLAR_DIGITS);
    expect(low.result.totals.spend).toBeCloseTo(14_400, DOLLAR_DIGITS);
    expect(low.unmet).toEqual([]);

    // Bar 60: only dear (quality 90) qualifies: $4,500 a month, $54,000 over 12 months.
    const high = optimiseAssignment(smallWithBar(60));
    expect(high.choices[0]?.model.id).toBe('dear');
    expect(high.choices[0]?.horizonCost).toBeCloseTo(54_000, DOLLAR_DIGITS);
    expect(high.choices[0]?.meetsBar).toBe(true);
  });

  it('returns an assign strategy routing every slice, named and with the highest-quality choice as fallback', () => {
    const { strategy } = optimiseAssignment(smallWithBar(40), { id: 'opt-2' });
    expect(strategy).toMatchObject({
      id: 'opt-2',
      name: 'Optimised assignment',
      kind: 'assign',
      fallback: 'cheap',
    });
    expect(Object.getPrototypeOf(strategy.routes)).toBeNull();
    expect({ ...strategy.routes }).toEqual({ main: 'cheap' });
    // The strategy is valid in the scenario it came from.
    const scenario = smallWithBar(40);
    expect(validateScenario({ ...scenario, strategies: [...scenario.strategies, strategy] }).ok).toBe(true);
  });

  it('lists a slice no model serves at its bar and keeps the best model for it', () => {
    // Bar 95: nothing reaches it; dear (90) is the highest quality.
    const result = optimiseAssignment(smallWithBar(95));
    expect(result.unmet.map((choice) => choice.sliceId)).toEqual(['main']);
    expect(result.unmet[0]).toMatchObject({ meetsBar: false, shortfall: 'quality' });
    expect(result.unmet[0]?.model.id).toBe('dear');
  });

  it('respects context windows, and says so when no model holds the slice', () => {
    // The slice needs 1,000 + 100 = 1,100 tokens; cheap holds only 1,000, so dear is the only choice at bar 0.
    const input = makeSmallScenario();
    input.catalog = input.catalog.map((model) =>
      model.id === 'cheap' ? { ...model, contextWindow: 1000 } : model,
    );
    expect(optimiseAssignment(validate(input)).choices[0]?.model.id).toBe('dear');

    input.catalog = input.catalog.map((model) => ({ ...model, contextWindow: 1000 }));
    const none = optimiseAssignment(validate(input));
    expect(none.unmet[0]).toMatchObject({ shortfall: 'context' });
    expect(none.unmet[0]?.model.id).toBe('dear'); // highest quality of all when none fits
  });

  it('picks what cheapest-meeting-bar picks with a per-token catalog (the default scenario’s per-token models)', () => {
    const scenario = validate(defaultScenario);
    const perTokenOnly = {
      ...scenario,
      catalog: scenario.catalog.filter((m) => m.pricing.kind === 'per-token'),
    };
    const result = optimiseAssignment(perTokenOnly);
    expect(result.unmet).toEqual([]);
    perTokenOnly.traffic.forEach((slice, index) => {
      expect(result.choices[index]?.model.id).toBe(
        pickCheapestMeetingBar(
          slice,
          perTokenOnly.catalog,
          perTokenOnly.options,
          makeQualityLookup(perTokenOnly),
        )?.model.id,
      );
    });
  });

  it('keeps awkward slice ids as ordinary routes', () => {
    const scenario = createScenario({
      catalog: [CHEAP],
      traffic: [createSlice('__proto__', { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 })],
      strategies: [{ id: 's', name: 'S', kind: 'single', model: 'cheap' }],
    });
    const { strategy, choices } = optimiseAssignment(scenario);
    expect(Object.hasOwn(strategy.routes, '__proto__')).toBe(true);
    // 1,000 requests · $0.0012 = $1.20
    expect(choices[0]?.horizonCost).toBeCloseTo(1.2, DOLLAR_DIGITS);
  });
});

describe('optimiseAssignment, capacity-billed models', () => {
  const slice = (id: string, requestsPerMonth: number) =>
    createSlice(id, { requestsPerMonth, inputTokens: 1000, outputTokens: 100 });

  it('takes a capacity model when it is cheaper for the slice alone', () => {
    // 1,000,000 requests · 1,100 tokens = 1.1e9 tokens ≤ 1.314e9 → 1 unit · $1/h · 730 h = $730 < $1,200 on cheap.
    const scenario = createScenario({
      catalog: [
        CHEAP,
        createCapacityModel('self', { hourlyPerUnit: 1, tokensPerMinutePerUnit: 60000 }, { quality: 50 }),
      ],
      traffic: [slice('main', 1_000_000)],
      strategies: [{ id: 's', name: 'S', kind: 'single', model: 'cheap' }],
    });
    const result = optimiseAssignment(scenario);
    expect(result.choices[0]?.model.id).toBe('self');
    expect(result.result.totals.spend).toBeCloseTo(730, DOLLAR_DIGITS);
    // $730 / 1,000,000 requests
    expect(result.choices[0]?.costPerRequest).toBeCloseTo(0.00073, 12);
  });

  it('groups slices on a capacity model when together they fill a unit that neither pays for alone', () => {
    // Two slices of 500,000 requests: on cheap $600 each. One unit at $1.20/h = $876 a month.
    // Alone on the unit each pays $876 > $600, so each slice first takes cheap ($1,200 in all).
    // Together: 2 · 5.5e8 = 1.1e9 tokens ≤ 1.314e9 → still 1 unit, $876 < $1,200: the grouping move takes it.
    const scenario = createScenario({
      catalog: [
        CHEAP,
        createCapacityModel('self', { hourlyPerUnit: 1.2, tokensPerMinutePerUnit: 60000 }, { quality: 50 }),
      ],
      traffic: [slice('a', 500_000), slice('b', 500_000)],
      strategies: [{ id: 's', name: 'S', kind: 'single', model: 'cheap' }],
    });
    const result = optimiseAssignment(scenario);
    expect(result.choices.map((choice) => choice.model.id)).toEqual(['self', 'self']);
    expect(result.improvementMoves).toBe(2);
    expect(result.result.totals.spend).toBeCloseTo(876, DOLLAR_DIGITS);
    // The bill is split by tokens: $438 each, $438 / 500,000 = $0.000876 per request.
    expect(result.choices[0]?.horizonCost).toBeCloseTo(438, DOLLAR_DIGITS);
    expect(result.choices[1]?.costPerRequest).toBeCloseTo(0.000876, 12);
  });

  it('moves one slice onto a unit another slice already pays for', () => {
    // a: 1,000,000 requests → $730 alone on the $1/h unit (< $1,200): step 1 puts it there.
    // b: 100,000 requests → $120 on cheap, $730 alone on the unit; but joining a adds 1.1e8 tokens:
    //    1.21e9 ≤ 1.314e9, still 1 unit, so b costs nothing extra there: the single-slice move saves $120.
    const scenario = createScenario({
      catalog: [
        CHEAP,
        createCapacityModel('self', { hourlyPerUnit: 1, tokensPerMinutePerUnit: 60000 }, { quality: 50 }),
      ],
      traffic: [slice('a', 1_000_000), slice('b', 100_000)],
      strategies: [{ id: 's', name: 'S', kind: 'single', model: 'cheap' }],
    });
    const result = optimiseAssignment(scenario);
    expect(result.choices.map((choice) => choice.model.id)).toEqual(['self', 'self']);
    expect(result.result.totals.spend).toBeCloseTo(730, DOLLAR_DIGITS);
  });

  it('leaves per-token slices alone when a shared unit would cost more', () => {
    // $10/h units cost $7,300 a month: more than both slices on cheap ($1,200 + $120).
    const scenario = createScenario({
      catalog: [
        CHEAP,
        createCapacityModel('self', { hourlyPerUnit: 10, tokensPerMinutePerUnit: 60000 }, { quality: 50 }),
      ],
      traffic: [slice('a', 1_000_000), slice('b', 100_000)],
      strategies: [{ id: 's', name: 'S', kind: 'single', model: 'cheap' }],
    });
    const result = optimiseAssignment(scenario);
    expect(result.choices.map((choice) => choice.model.id)).toEqual(['cheap', 'cheap']);
    expect(result.improvementMoves).toBe(0);
    expect(result.result.totals.spend).toBeCloseTo(1320, DOLLAR_DIGITS);
  });

  it('agrees with simulate and beats every existing strategy that meets the bars on the default scenario', () => {
    const scenario = validate(defaultScenario);
    const result = optimiseAssignment(scenario);
    expect(result.unmet).toEqual([]);
    const again = simulateStrategy(scenario, result.strategy);
    expect(result.result.totals.spend).toBeCloseTo(again.totals.spend, DOLLAR_DIGITS);
    const sumOfChoices = result.choices.reduce((sum, choice) => sum + choice.horizonCost, 0);
    // The slices' costs add up to the spend less the fixed costs (a vector store every strategy pays).
    let fixedCosts = 0;
    for (const month of result.result.months)
      for (const id of Object.keys(month.byFixedCost)) fixedCosts += month.byFixedCost[id]!;
    expect(fixedCosts).toBeGreaterThan(0);
    expect(sumOfChoices).toBeCloseTo(result.result.totals.spend - fixedCosts, 3);
    const cheapest = simulateStrategy(scenario, { id: 'c', name: 'C', kind: 'cheapest-meeting-bar' });
    expect(result.result.totals.spend).toBeLessThanOrEqual(cheapest.totals.spend + 1e-6);
  });
});
