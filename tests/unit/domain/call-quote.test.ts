import { describe, expect, it } from 'vitest';
import { costPerCall } from '../../../src/domain/call-cost';
import type { CallSlice, PerTokenCallModel } from '../../../src/domain/call-cost';
import { quoteCall, quoteCatalog } from '../../../src/domain/call-quote';
import { modelSchema } from '../../../src/domain/scenario-schema';
import type { Model } from '../../../src/domain/scenario-schema';
import { makePerTokenModel } from '../../factories/model-builders';

const USD = 12;
const BOTH_ON = { batch: true, caching: true } as const;

/** A Sonnet-like model: $3 in, $15 out, reads $0.30, 5-minute writes $3.75, 1,024-token minimum, a 200K tier. */
const SONNET_LIKE = makePerTokenModel('sonnet-like', {
  inputPerMTok: 3,
  outputPerMTok: 15,
  cacheReadPerMTok: 0.3,
  cacheWritePerMTok: 3.75,
  minCachePrefixTokens: 1024,
  batchDiscount: 0.5,
  longContext: { aboveInputTokens: 200_000, inputPerMTok: 6, outputPerMTok: 22.5 },
}) as Model & PerTokenCallModel;

const CALL: CallSlice = {
  inputTokens: 3000,
  cachedPrefixTokens: 2000,
  outputTokens: 500,
  reasoningTokens: 0,
  cacheHitRate: 0.9,
  cacheTtl: '5m',
  batchShare: 0,
};

describe('quoteCall', () => {
  it('prices a cached call at the base tier', () => {
    const quote = quoteCall(CALL, SONNET_LIKE, BOTH_ON);
    // list = 3,000 × $3/M + 500 × $15/M = $0.009 + $0.0075 = $0.0165
    expect(quote.cost.list).toBeCloseTo(0.0165, USD);
    // cached = 1,000 × $3/M + 2,000 × (0.9 × $0.30 + 0.1 × $3.75)/M + $0.0075
    //        = $0.003 + 2,000 × $0.645/M + $0.0075 = $0.003 + $0.00129 + $0.0075 = $0.01179
    expect(quote.cost.final).toBeCloseTo(0.01179, USD);
    // A million such calls: $11,790.
    expect(quote.perMillionCalls).toBeCloseTo(11_790, 6);
    expect(quote.longContextAbove).toBeNull();
    expect(quote.prefix).toEqual({ kind: 'cached' });
    expect(quote.batch).toEqual({ kind: 'none' });
  });

  it('bills every token at the long-context tier above its threshold, and says so', () => {
    const quote = quoteCall(
      { ...CALL, inputTokens: 250_000, cachedPrefixTokens: 0, outputTokens: 1000 },
      SONNET_LIKE,
      BOTH_ON,
    );
    // 250,000 > 200,000: list = 250,000 × $6/M + 1,000 × $22.50/M = $1.50 + $0.0225 = $1.5225
    expect(quote.cost.final).toBeCloseTo(1.5225, USD);
    expect(quote.longContextAbove).toBe(200_000);
    expect(quote.modelInputTokens).toBe(250_000);
  });

  it('leaves a prefix under the minimum uncached, and says by how much', () => {
    const quote = quoteCall({ ...CALL, cachedPrefixTokens: 800 }, SONNET_LIKE, BOTH_ON);
    // 800 < 1,024: the call bills at list, $0.0165.
    expect(quote.cost.final).toBeCloseTo(0.0165, USD);
    expect(quote.prefix).toEqual({ kind: 'below-minimum', prefixTokens: 800, minCachePrefixTokens: 1024 });
  });

  it('compares the minimum with the model’s own tokens (× tokenizer factor)', () => {
    const model = { ...SONNET_LIKE, tokenizerFactor: 1.3 };
    const quote = quoteCall({ ...CALL, cachedPrefixTokens: 800 }, model, BOTH_ON);
    // 800 × 1.3 = 1,040 ≥ 1,024: cached. in = 3,900, out = 650.
    // cached = 2,860 × $3/M + 1,040 × $0.645/M + 650 × $15/M = $0.00858 + $0.0006708 + $0.00975 = $0.0190008
    expect(quote.prefix).toEqual({ kind: 'cached' });
    expect(quote.modelInputTokens).toBeCloseTo(3900, 9);
    expect(quote.cost.final).toBeCloseTo(0.0190008, USD);
  });

  it('gives batched calls no caching discount where the model drops caching inside batch', () => {
    const openAiLike = makePerTokenModel('openai-like', {
      inputPerMTok: 2.5,
      outputPerMTok: 10,
      cacheReadPerMTok: 1.25,
      batchDiscount: 0.5,
      batchCaching: false,
    }) as Model & PerTokenCallModel;
    const call = { ...CALL, inputTokens: 1000, cachedPrefixTokens: 1000, outputTokens: 100, cacheHitRate: 1 };
    const quote = quoteCall({ ...call, batchShare: 1 }, openAiLike, BOTH_ON);
    // list = 1,000 × $2.50/M + 100 × $10/M = $0.0035; all batched, at list less 50 %: $0.00175.
    expect(quote.cost.final).toBeCloseTo(0.00175, USD);
    expect(quote.batch).toEqual({ kind: 'discounted-without-caching', batchDiscount: 0.5 });
    expect(quoteCall({ ...call, batchShare: 1 }, SONNET_LIKE, BOTH_ON).batch).toEqual({
      kind: 'discounted',
      batchDiscount: 0.5,
    });
  });

  it('says when a model has no caching or no batch discount', () => {
    const plain = makePerTokenModel('plain', { inputPerMTok: 1, outputPerMTok: 2 }) as Model &
      PerTokenCallModel;
    const quote = quoteCall({ ...CALL, batchShare: 0.5 }, plain, BOTH_ON);
    expect(quote.prefix).toEqual({ kind: 'no-caching' });
    expect(quote.batch).toEqual({ kind: 'no-discount' });
    // 3,000 × $1/M + 500 × $2/M = $0.004, nothing discounted.
    expect(quote.cost.final).toBeCloseTo(0.004, USD);
  });

  it('is costPerCall’s figure, bit for bit', () => {
    for (const call of [CALL, { ...CALL, inputTokens: 300_000, batchShare: 0.4, cacheTtl: '1h' as const }]) {
      expect(quoteCall(call, SONNET_LIKE, BOTH_ON).cost).toEqual(costPerCall(call, SONNET_LIKE, BOTH_ON));
    }
  });
});

describe('quoteCatalog', () => {
  it('quotes every per-token model in catalog order and counts the capacity-billed ones apart', () => {
    const capacity = modelSchema.parse({
      id: 'self-hosted',
      name: 'Self-hosted',
      provider: 'Acme',
      platform: 'self-hosted',
      pricing: { kind: 'capacity', hourlyPerUnit: 4, tokensPerMinutePerUnit: 60_000 },
    });
    const cheap = makePerTokenModel('cheap', { inputPerMTok: 1, outputPerMTok: 2 });
    const { quotes, capacityCount } = quoteCatalog([SONNET_LIKE, capacity, cheap], CALL, BOTH_ON);
    expect(quotes.map((quote) => quote.index)).toEqual([0, 2]);
    expect(capacityCount).toBe(1);
    expect(quotes[1]?.cost.final).toBeCloseTo(0.004, USD);
  });
});
