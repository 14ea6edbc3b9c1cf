/**
 * Worked examples of one call's cost (DESIGN.md, "One call"). Prices are USD per million tokens, so a price p
 * costs p·1e-6 per token.
 */
import { describe, expect, it } from 'vitest';
import { costPerCall, costPerClassifierCall } from '../../../src/domain/call-cost';
import type { CallSlice } from '../../../src/domain/call-cost';
import { perTokenPricingSchema } from '../../../src/domain/scenario-schema';
import type { z } from 'zod';

type PerTokenPricing = z.input<typeof perTokenPricingSchema>;

/** One call with every version-3 field at its default (the version-1 formula). */
function call(
  slice: Omit<CallSlice, 'cacheTtl' | 'reasoningTokens'>,
  pricing: PerTokenPricing,
  outputTokenFactor: number,
  options: { batch: boolean; caching: boolean },
) {
  const model = {
    outputTokenFactor,
    tokenizerFactor: 1,
    reasoning: false,
    pricing: perTokenPricingSchema.parse(pricing),
  };
  return costPerCall({ ...slice, cacheTtl: '5m', reasoningTokens: 0 }, model, options);
}

/** Per-call costs are around 1e-3 USD; 15 digits checks them to 5e-16 USD. */
const PER_CALL_DIGITS = 15;

const BOTH_ON = { batch: true, caching: true } as const;
const BOTH_OFF = { batch: false, caching: false } as const;

/** 600 tokens in, 40 out, 400 of the input a cacheable prefix hit 90 % of the time, 70 % sent by batch. */
const BULK = {
  inputTokens: 600,
  outputTokens: 40,
  cachedPrefixTokens: 400,
  cacheHitRate: 0.9,
  batchShare: 0.7,
};

/** Mistral Small: $1 in, $3 out, no caching, half price in batch. */
const MISTRAL_SMALL: PerTokenPricing = {
  kind: 'per-token',
  inputPerMTok: 1,
  outputPerMTok: 3,
  cacheWritePerMTok: null,
  cacheReadPerMTok: null,
  batchDiscount: 0.5,
};

/** Claude Sonnet: $3 in, $15 out, cache writes $3.75 (a 25 % premium), cache reads $0.30, no batch here. */
const SONNET: PerTokenPricing = {
  kind: 'per-token',
  inputPerMTok: 3,
  outputPerMTok: 15,
  cacheWritePerMTok: 3.75,
  cacheReadPerMTok: 0.3,
  batchDiscount: null,
};

describe('costPerCall', () => {
  it('charges list prices when the model has neither caching nor batch', () => {
    // list = 600 · 1e-6 + 40 · 3e-6 = 0.0006 + 0.00012 = 0.00072; nothing applies, so cached = final = list.
    const noBatch = { ...MISTRAL_SMALL, batchDiscount: null };
    const cost = call(BULK, noBatch, 1, BOTH_ON);
    expect(cost.list).toBeCloseTo(0.00072, PER_CALL_DIGITS);
    expect(cost.cached).toBeCloseTo(0.00072, PER_CALL_DIGITS);
    expect(cost.final).toBeCloseTo(0.00072, PER_CALL_DIGITS);
  });

  it('prices the cached prefix at the hit rate between read and write prices', () => {
    // list   = 600 · 3e-6 + 40 · 15e-6 = 0.0018 + 0.0006 = 0.0024
    // prefix = min(400, 600) = 400; per prefix token 0.9 · 0.30 + 0.1 · 3.75 = 0.27 + 0.375 = 0.645 $/MTok
    // cin    = 200 · 3e-6 + 400 · 0.645e-6 = 0.0006 + 0.000258 = 0.000858
    // cached = 0.000858 + 0.0006 = 0.001458; saving 0.0024 − 0.001458 = 0.000942 per call
    const cost = call(BULK, SONNET, 1, BOTH_ON);
    expect(cost.list).toBeCloseTo(0.0024, PER_CALL_DIGITS);
    expect(cost.cached).toBeCloseTo(0.001458, PER_CALL_DIGITS);
    expect(cost.final).toBeCloseTo(0.001458, PER_CALL_DIGITS);
    expect(cost.list - cost.cached).toBeCloseTo(0.000942, PER_CALL_DIGITS);
  });

  it('makes a call dearer when a low hit rate meets a write premium', () => {
    // hit rate 0.1: per prefix token 0.1 · 0.30 + 0.9 · 3.75 = 0.03 + 3.375 = 3.405 $/MTok (> 3 input)
    // cin    = 200 · 3e-6 + 400 · 3.405e-6 = 0.0006 + 0.001362 = 0.001962
    // cached = 0.001962 + 0.0006 = 0.002562 > list 0.0024: the caching "saving" is −0.000162
    const cost = call({ ...BULK, cacheHitRate: 0.1 }, SONNET, 1, BOTH_ON);
    expect(cost.cached).toBeCloseTo(0.002562, PER_CALL_DIGITS);
    expect(cost.list - cost.cached).toBeCloseTo(-0.000162, PER_CALL_DIGITS);
  });

  it('uses the input price for cache writes when no write price is given', () => {
    // write price = input $3; hit rate 0.5: per prefix token 0.5 · 0.30 + 0.5 · 3 = 1.65 $/MTok
    // cin = 200 · 3e-6 + 400 · 1.65e-6 = 0.0006 + 0.00066 = 0.00126; cached = 0.00126 + 0.0006 = 0.00186
    const cost = call({ ...BULK, cacheHitRate: 0.5 }, { ...SONNET, cacheWritePerMTok: null }, 1, BOTH_ON);
    expect(cost.cached).toBeCloseTo(0.00186, PER_CALL_DIGITS);
  });

  it('ignores cache prices when caching is switched off', () => {
    // cin = 600 · 3e-6 = 0.0018; cached = 0.0018 + 0.0006 = 0.0024 = list
    const cost = call(BULK, SONNET, 1, BOTH_OFF);
    expect(cost.cached).toBeCloseTo(0.0024, PER_CALL_DIGITS);
  });

  it('charges only reads when every call hits the cache', () => {
    // hit rate 1: cin = 200 · 3e-6 + 400 · 0.30e-6 = 0.0006 + 0.00012 = 0.00072; cached = 0.00072 + 0.0006 = 0.00132
    const cost = call({ ...BULK, cacheHitRate: 1 }, SONNET, 1, BOTH_ON);
    expect(cost.cached).toBeCloseTo(0.00132, PER_CALL_DIGITS);
  });

  it('takes the batch discount off the batched share', () => {
    // cached = 0.00072 (no caching on Mistral Small); final = 0.00072 · (1 − 0.7 · 0.5) = 0.00072 · 0.65 = 0.000468
    // batch saving = 0.00072 − 0.000468 = 0.000252
    const cost = call(BULK, MISTRAL_SMALL, 1, BOTH_ON);
    expect(cost.cached).toBeCloseTo(0.00072, PER_CALL_DIGITS);
    expect(cost.final).toBeCloseTo(0.000468, PER_CALL_DIGITS);
    expect(cost.cached - cost.final).toBeCloseTo(0.000252, PER_CALL_DIGITS);
  });

  it('gives no batch discount when batch is switched off or the model has none', () => {
    // final = cached = 0.00072 either way
    expect(call(BULK, MISTRAL_SMALL, 1, BOTH_OFF).final).toBeCloseTo(0.00072, PER_CALL_DIGITS);
    expect(call(BULK, { ...MISTRAL_SMALL, batchDiscount: null }, 1, BOTH_ON).final).toBeCloseTo(
      0.00072,
      PER_CALL_DIGITS,
    );
  });

  it('applies caching first, then batch on the cached cost', () => {
    // Sonnet with a 50 % batch discount: cached = 0.001458 (above); final = 0.001458 · (1 − 0.7 · 0.5) = 0.0009477
    const cost = call(BULK, { ...SONNET, batchDiscount: 0.5 }, 1, BOTH_ON);
    expect(cost.final).toBeCloseTo(0.0009477, PER_CALL_DIGITS);
  });

  it('scales output tokens by the model’s output-token factor', () => {
    // factor 1.5: out = 40 · 1.5 = 60 tokens; list = 600 · 1e-6 + 60 · 3e-6 = 0.0006 + 0.00018 = 0.00078
    const cost = call({ ...BULK, batchShare: 0 }, MISTRAL_SMALL, 1.5, BOTH_ON);
    expect(cost.list).toBeCloseTo(0.00078, PER_CALL_DIGITS);
    expect(cost.final).toBeCloseTo(0.00078, PER_CALL_DIGITS);
  });

  it('caps the cached prefix at the input length', () => {
    // prefix 1000 > input 600, so pre = 600; hit rate 1: cin = 0 · 3e-6 + 600 · 0.30e-6 = 0.00018
    // cached = 0.00018 + 40 · 15e-6 = 0.00018 + 0.0006 = 0.00078
    const cost = call({ ...BULK, cachedPrefixTokens: 1000, cacheHitRate: 1 }, SONNET, 1, BOTH_ON);
    expect(cost.cached).toBeCloseTo(0.00078, PER_CALL_DIGITS);
  });

  it('costs nothing for a call with no tokens', () => {
    const cost = call({ ...BULK, inputTokens: 0, outputTokens: 0 }, SONNET, 1, BOTH_ON);
    expect(cost).toEqual({ list: 0, cached: 0, final: 0 });
  });
});

describe('costPerClassifierCall', () => {
  it('charges input and output at list price with no factor or discount', () => {
    // Mistral 7B ($0.15 in, $0.20 out), 300 in + 5 out: 300 · 0.15e-6 + 5 · 0.2e-6 = 0.000045 + 0.000001 = 0.000046
    const mistral7b: PerTokenPricing = { ...MISTRAL_SMALL, inputPerMTok: 0.15, outputPerMTok: 0.2 };
    expect(costPerClassifierCall(300, 5, perTokenPricingSchema.parse(mistral7b))).toBeCloseTo(
      0.000046,
      PER_CALL_DIGITS,
    );
  });
});
