/**
 * Ranking models by price: which catalog row gets the "Cheapest" marker, and which per-token model serves a
 * traffic mix for the least.
 */
import { describe, expect, it } from 'vitest';
import {
  findCheapestPerTokenModel,
  findCheapestScoredRow,
  hasQualityScore,
} from '../../../src/domain/model-ranking';
import type { Model } from '../../../src/domain/scenario-schema';
import { makePerTokenModel } from '../../factories/model-builders';
import { createPerTokenModel, createScenario, createSlice } from '../../factories/scenario-builders';

function makeModel(id: string, overrides: Partial<Model> = {}): Model {
  return makePerTokenModel(
    id,
    { inputPerMTok: 1, outputPerMTok: 2 },
    { name: id.toUpperCase(), ...overrides },
  );
}

const capacity: Model['pricing'] = {
  kind: 'capacity',
  hourlyPerUnit: 4,
  tokensPerMinutePerUnit: 1000,
  minUnits: 0,
  commitmentMonths: 0,
};

describe('quality scores and the cheapest marker', () => {
  const priced = (id: string, inputPerMTok: number, outputPerMTok: number, overrides: Partial<Model> = {}) =>
    makeModel(id, {
      pricing: {
        kind: 'per-token',
        inputPerMTok,
        outputPerMTok,
        cacheWritePerMTok: null,
        cacheReadPerMTok: null,
        batchDiscount: null,
        cacheWrite1hPerMTok: null,
        minCachePrefixTokens: 0,
        batchCaching: true,
        longContext: null,
      },
      ...overrides,
    });

  it('treats quality 0 with no source as no score', () => {
    expect(hasQualityScore(makeModel('m'))).toBe(false);
    expect(hasQualityScore(makeModel('m', { quality: 70 }))).toBe(true);
    expect(
      hasQualityScore(
        makeModel('m', { qualitySource: { benchmark: 'B', label: 'l', asOf: '2026', assumption: false } }),
      ),
    ).toBe(true);
  });

  it('never crowns a model priced 0 or one with no quality score', () => {
    const catalog = [
      priced('free', 0, 0, { quality: 90 }),
      priced('unscored', 0.01, 0.02),
      priced('scored', 1, 2, { quality: 60 }),
      priced('dearer', 3, 4, { quality: 80 }),
      makeModel('capacity', { pricing: capacity, quality: 99 }),
    ];
    expect(findCheapestScoredRow(catalog, [0, 1, 2, 3, 4])).toBe(2);
    expect(findCheapestScoredRow(catalog, [3, 2])).toBe(2);
    expect(findCheapestScoredRow(catalog, [0, 1, 4])).toBeNull();
  });
});

describe('findCheapestPerTokenModel', () => {
  // "in": $1 in, $10 out per million tokens; "out": $5 in, $1 out.
  const inHeavy = createPerTokenModel('bedrock:in', { inputPerMTok: 1, outputPerMTok: 10 });
  const outHeavy = createPerTokenModel('bedrock:out', { inputPerMTok: 5, outputPerMTok: 1 });

  it('prices the whole traffic mix', () => {
    // 1,000,000 requests of 1,000 in, 100 out: "in" 1,000 · 1e-6 · 1 + 100 · 1e-6 · 10 = $0.002 a call, $2,000;
    // "out" 1,000 · 1e-6 · 5 + 100 · 1e-6 · 1 = $0.0051 a call, $5,100. Output-heavy traffic (100 in, 1,000
    // out) turns it round: "in" $0.0101, "out" $0.0015 a call.
    const inputHeavy = createScenario({
      catalog: [outHeavy, inHeavy],
      traffic: [createSlice('s', { requestsPerMonth: 1_000_000, inputTokens: 1000, outputTokens: 100 })],
      strategies: [{ id: 'x', name: 'X', kind: 'single', model: 'bedrock:in' }],
    });
    expect(findCheapestPerTokenModel(inputHeavy)?.id).toBe('bedrock:in');
    const outputHeavy = createScenario({
      catalog: [inHeavy, outHeavy],
      traffic: [createSlice('s', { requestsPerMonth: 1_000_000, inputTokens: 100, outputTokens: 1000 })],
      strategies: [{ id: 'x', name: 'X', kind: 'single', model: 'bedrock:in' }],
    });
    expect(findCheapestPerTokenModel(outputHeavy)?.id).toBe('bedrock:out');
  });

  it('compares input + output prices with no traffic', () => {
    // "in" 1 + 10 = $11, "out" 5 + 1 = $6 per million tokens.
    const scenario = createScenario({
      catalog: [inHeavy, outHeavy],
      traffic: [],
      strategies: [{ id: 'x', name: 'X', kind: 'single', model: 'bedrock:in' }],
    });
    expect(findCheapestPerTokenModel(scenario)?.id).toBe('bedrock:out');
  });
});
