/**
 * Worked example of the cost-versus-quality frontier (src/domain/pareto.ts). One slice of 1,000 input + 100 output
 * tokens, no caching or batch, so a request costs `1,000 · P_in + 100 · P_out`:
 *
 *   model   $/MTok in/out   cost per request               quality   frontier?
 *   h       0.5 / 1         0.0005 + 0.0001 = $0.0006       30        yes: the cheapest
 *   a       1 / 2           0.001  + 0.0002 = $0.0012       50        yes
 *   a-twin  1 / 2           $0.0012                         50        yes: identical to a, neither dominates
 *   e       1 / 2           $0.0012                         45        no: a costs the same and is better
 *   g       2 / 10          0.002  + 0.001  = $0.003        50        no: a is as good and cheaper
 *   c       2 / 4           0.002  + 0.0004 = $0.0024       40        no: a is cheaper and better
 *   b       3 / 15          0.003  + 0.0015 = $0.0045       90        yes: the best
 *   small   0.1 / 0.1       (context window 500 < 1,100: left out)
 *   self    capacity-billed (no cost per request: left out)
 */
import { describe, expect, it } from 'vitest';
import { findParetoFrontier } from '../../../src/domain/pareto';
import { makeQualityLookup } from '../../../src/domain/quality';
import {
  createCapacityModel,
  createPerTokenModel,
  createScenario,
  createSlice,
} from '../../factories/scenario-builders';

const COST_DIGITS = 12;

const scenario = createScenario({
  catalog: [
    createPerTokenModel('a', { inputPerMTok: 1, outputPerMTok: 2 }, { quality: 50 }),
    createPerTokenModel('c', { inputPerMTok: 2, outputPerMTok: 4 }, { quality: 40 }),
    createPerTokenModel('b', { inputPerMTok: 3, outputPerMTok: 15 }, { quality: 90 }),
    createPerTokenModel('a-twin', { inputPerMTok: 1, outputPerMTok: 2 }, { quality: 50 }),
    createPerTokenModel('e', { inputPerMTok: 1, outputPerMTok: 2 }, { quality: 45 }),
    createPerTokenModel('g', { inputPerMTok: 2, outputPerMTok: 10 }, { quality: 50 }),
    createPerTokenModel('h', { inputPerMTok: 0.5, outputPerMTok: 1 }, { quality: 30 }),
    createPerTokenModel(
      'small',
      { inputPerMTok: 0.1, outputPerMTok: 0.1 },
      { quality: 99, contextWindow: 500 },
    ),
    createCapacityModel('self', { hourlyPerUnit: 1, tokensPerMinutePerUnit: 60000 }, { quality: 95 }),
  ],
  traffic: [
    createSlice('main', { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 }, { qualityBar: 45 }),
  ],
  strategies: [{ id: 's', name: 'S', kind: 'single', model: 'a' }],
});
const slice = scenario.traffic[0]!;

describe('findParetoFrontier', () => {
  const result = findParetoFrontier(slice, scenario.catalog, scenario.options, makeQualityLookup(scenario));

  it('gives every per-token model that holds the slice its final cost per request, in catalog order', () => {
    expect(result.points.map((p) => p.model.id)).toEqual(['a', 'c', 'b', 'a-twin', 'e', 'g', 'h']);
    const cost = new Map(result.points.map((p) => [p.model.id, p.costPerRequest]));
    expect(cost.get('h')).toBeCloseTo(0.0006, COST_DIGITS);
    expect(cost.get('c')).toBeCloseTo(0.0024, COST_DIGITS);
    expect(cost.get('g')).toBeCloseTo(0.003, COST_DIGITS);
    expect(cost.get('b')).toBeCloseTo(0.0045, COST_DIGITS);
    expect(result.excludedForContext).toBe(1);
  });

  it('puts undominated models on the frontier, cheapest first, ties as documented', () => {
    expect(result.frontier.map((p) => p.model.id)).toEqual(['h', 'a', 'a-twin', 'b']);
    const on = new Map(result.points.map((p) => [p.model.id, p.onFrontier]));
    expect(on.get('e')).toBe(false);
    expect(on.get('g')).toBe(false);
    expect(on.get('c')).toBe(false);
  });

  it('marks the models at or above the bar (45)', () => {
    expect(result.points.filter((p) => p.meetsBar).map((p) => p.model.id)).toEqual([
      'a',
      'b',
      'a-twin',
      'e',
      'g',
    ]);
  });

  it('uses the discounted cost: a batch discount can move a model onto the frontier', () => {
    const batched = createScenario({
      catalog: [
        createPerTokenModel('a', { inputPerMTok: 1, outputPerMTok: 2 }, { quality: 50 }),
        createPerTokenModel('c', { inputPerMTok: 2, outputPerMTok: 4, batchDiscount: 0.5 }, { quality: 60 }),
      ],
      traffic: [
        createSlice('main', { requestsPerMonth: 1, inputTokens: 1000, outputTokens: 100 }, { batchShare: 1 }),
      ],
      strategies: [{ id: 's', name: 'S', kind: 'single', model: 'a' }],
      options: { batch: true, caching: true, peakToAverage: 2 },
    });
    // c: $0.0024 · (1 − 1 · 0.5) = $0.0012, quality 60: it now dominates a (same cost, better).
    const frontier = findParetoFrontier(
      batched.traffic[0]!,
      batched.catalog,
      batched.options,
      makeQualityLookup(batched),
    ).frontier;
    expect(frontier.map((p) => p.model.id)).toEqual(['c']);
  });

  it('is empty for a catalog without per-token models that fit', () => {
    const catalog = scenario.catalog.filter((model) => model.id === 'small' || model.id === 'self');
    const empty = findParetoFrontier(slice, catalog, scenario.options, makeQualityLookup(scenario));
    expect(empty.points).toEqual([]);
    expect(empty.frontier).toEqual([]);
    expect(empty.excludedForContext).toBe(1);
  });
});
