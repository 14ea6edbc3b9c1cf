/**
 * Worked examples of schema version 3 (DESIGN.md, "Schema version 3: billing as providers bill in 2026"), one or
 * more per new field, each computed by hand in its comment. Prices are USD per million tokens: a price p costs
 * p·1e-6 per token.
 */
import { describe, expect, it } from 'vitest';
import { costPerCall } from '../../../src/domain/call-cost';
import { findTtlBreakEven, findUncachedPrefixes } from '../../../src/domain/caching-notes';
import { modelSchema, sliceSchema } from '../../../src/domain/scenario-schema';
import type { Model, ScenarioInput, Slice } from '../../../src/domain/scenario-schema';
import { simulate } from '../../../src/domain/simulate';
import type { StrategyResult } from '../../../src/domain/simulate';
import { validateScenario } from '../../../src/domain/validate-scenario';
import type { z } from 'zod';

type ModelInput = z.input<typeof modelSchema>;
type SliceInput = z.input<typeof sliceSchema>;

/** Per-call costs are around 1e-3 USD; 15 digits checks them to 5e-16 USD. */
const PER_CALL_DIGITS = 15;
/** Monthly figures are dollars to hundreds of thousands: 6 digits is a millionth of a dollar. */
const MONTH_DIGITS = 6;

const BOTH_ON = { batch: true, caching: true } as const;

function model(input: Omit<ModelInput, 'name' | 'provider' | 'platform'> & { platform?: string }): Model {
  return modelSchema.parse({ name: input.id, provider: 'p', platform: 'bedrock', ...input });
}

function slice(input: Omit<SliceInput, 'id' | 'name' | 'requestsPerMonth'> & Partial<SliceInput>): Slice {
  return sliceSchema.parse({ id: 's', name: 's', requestsPerMonth: 1, ...input });
}

function perTokenModel(m: Model) {
  if (m.pricing.kind !== 'per-token') throw new Error('per-token model expected');
  return { ...m, pricing: m.pricing };
}

function cost(s: Slice, m: Model, options: { batch: boolean; caching: boolean } = BOTH_ON) {
  return costPerCall(s, perTokenModel(m), options);
}

function run(input: ScenarioInput) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return simulate(result.value);
}

function strategy(results: ReturnType<typeof simulate>, id: string): StrategyResult {
  const found = results.strategies.find((s) => s.id === id);
  if (!found) throw new Error(`no strategy ${id}`);
  return found;
}

/** Claude Sonnet 4.5: $3 in, $15 out, 5-minute write $3.75, 1-hour write $6, read $0.30, minimum prefix 1,024. */
const SONNET_45 = {
  id: 'sonnet-4.5',
  pricing: {
    kind: 'per-token',
    inputPerMTok: 3,
    outputPerMTok: 15,
    cacheWritePerMTok: 3.75,
    cacheWrite1hPerMTok: 6,
    cacheReadPerMTok: 0.3,
    minCachePrefixTokens: 1024,
  },
} as const satisfies Omit<ModelInput, 'name' | 'provider' | 'platform'>;

/** Sonnet 4.5 with its long-context tier above 200K input tokens: $6 in, $22.50 out (cache prices left out). */
const SONNET_45_LONG = {
  ...SONNET_45,
  pricing: {
    ...SONNET_45.pricing,
    longContext: { aboveInputTokens: 200_000, inputPerMTok: 6, outputPerMTok: 22.5 },
  },
} as const;

describe('longContext: above the threshold every token of the call bills at the tier', () => {
  const longCall = slice({ inputTokens: 250_000, outputTokens: 2_000 });

  it('250K in + 2K out on Sonnet 4.5 costs $1.545 with the tier and $0.78 without', () => {
    // Tier: 250,000 · $6e-6 = $1.50; 2,000 · $22.5e-6 = $0.045 → $1.545 (no prefix, so nothing cached).
    const tiered = cost(longCall, model(SONNET_45_LONG));
    expect(tiered.list).toBeCloseTo(1.545, PER_CALL_DIGITS);
    expect(tiered.final).toBeCloseTo(1.545, PER_CALL_DIGITS);
    // Base: 250,000 · $3e-6 = $0.75; 2,000 · $15e-6 = $0.03 → $0.78.
    const base = cost(longCall, model(SONNET_45));
    expect(base.final).toBeCloseTo(0.78, PER_CALL_DIGITS);
  });

  it('applies only strictly above aboveInputTokens: exactly 200K bills at base prices', () => {
    // 200,000 · $3e-6 = $0.60; 2,000 · $15e-6 = $0.03 → $0.63.
    expect(
      cost(slice({ inputTokens: 200_000, outputTokens: 2_000 }), model(SONNET_45_LONG)).final,
    ).toBeCloseTo(0.63, PER_CALL_DIGITS);
  });

  it('scales a cache price left out of the tier by tier input / base input (read $0.30 → $0.60)', () => {
    // 200K of the 250K is a prefix read every time: 50,000 · $6e-6 = $0.30; 200,000 · ($0.30 · 6/3 = $0.60)e-6
    // = $0.12; 2,000 · $22.5e-6 = $0.045 → $0.465.
    const cached = slice({
      inputTokens: 250_000,
      outputTokens: 2_000,
      cachedPrefixTokens: 200_000,
      cacheHitRate: 1,
    });
    expect(cost(cached, model(SONNET_45_LONG)).final).toBeCloseTo(0.465, PER_CALL_DIGITS);
  });

  it('scales the left-out 5-minute and 1-hour writes too ($3.75 → $7.50, $6 → $12)', () => {
    const missed = {
      inputTokens: 250_000,
      outputTokens: 2_000,
      cachedPrefixTokens: 200_000,
      cacheHitRate: 0,
    };
    // 5m: $0.30 + 200,000 · $7.5e-6 = $1.50 + $0.045 → $1.845.
    expect(cost(slice(missed), model(SONNET_45_LONG)).final).toBeCloseTo(1.845, PER_CALL_DIGITS);
    // 1h: $0.30 + 200,000 · $12e-6 = $2.40 + $0.045 → $2.745.
    expect(cost(slice({ ...missed, cacheTtl: '1h' }), model(SONNET_45_LONG)).final).toBeCloseTo(
      2.745,
      PER_CALL_DIGITS,
    );
  });

  it('reads an explicit null in the tier as null on the base: read → no caching, write → tier input, 1h → no 1h', () => {
    const long = (extra: Record<string, null>) =>
      model({
        ...SONNET_45_LONG,
        pricing: {
          ...SONNET_45_LONG.pricing,
          longContext: { ...SONNET_45_LONG.pricing.longContext, ...extra },
        },
      });
    const half = slice({
      inputTokens: 250_000,
      outputTokens: 2_000,
      cachedPrefixTokens: 200_000,
      cacheHitRate: 0.5,
    });
    // Read null: no caching in the tier → list $1.545.
    expect(cost(half, long({ cacheReadPerMTok: null })).final).toBeCloseTo(1.545, PER_CALL_DIGITS);
    // Write null: the tier's input price $6. $0.30 + 200,000 · (0.5 · $0.60 + 0.5 · $6)e-6 = $0.66 → + $0.045
    // → $1.005.
    expect(cost(half, long({ cacheWritePerMTok: null })).final).toBeCloseTo(1.005, PER_CALL_DIGITS);
    // 1h null with a 1h slice: the 5-minute write (left out: $7.50). $0.30 + 200,000 · (0.5 · $0.60 + 0.5 ·
    // $7.50)e-6 = $0.81 → + $0.045 → $1.155.
    expect(cost(slice({ ...half, cacheTtl: '1h' }), long({ cacheWrite1hPerMTok: null })).final).toBeCloseTo(
      1.155,
      PER_CALL_DIGITS,
    );
  });

  it('on a free base input keeps the base cache prices (ratio 1); a base write left null is the tier’s input', () => {
    // Base: $0 in, $1 out, read $0.10, 5-minute write left out (null: the input price). Tier above 1,000 tokens:
    // $2 in, $3 out, its cache prices left out. 2,000 in (1,000 a prefix read half the time), 100 out → tier.
    // Read $0.10 · 1 = $0.10; write null on the base stays null: the tier's input price, $2.
    // 1,000 · $2e-6 = $0.002; 1,000 · (0.5 · $0.10 + 0.5 · $2)e-6 = $0.00105; 100 · $3e-6 = $0.0003 → $0.00335.
    const free = model({
      id: 'free-input',
      pricing: {
        kind: 'per-token',
        inputPerMTok: 0,
        outputPerMTok: 1,
        cacheReadPerMTok: 0.1,
        longContext: { aboveInputTokens: 1_000, inputPerMTok: 2, outputPerMTok: 3 },
      },
    });
    const half = slice({
      inputTokens: 2_000,
      outputTokens: 100,
      cachedPrefixTokens: 1_000,
      cacheHitRate: 0.5,
    });
    expect(cost(half, free).final).toBeCloseTo(0.00335, PER_CALL_DIGITS);
  });
});

describe('batchCaching: false means batched requests get no caching discount', () => {
  /** GPT-4o: $2.50 in, $10 out, cache read $1.25 (write left out: the input price), batch half price. */
  const gpt4o = (batchCaching: boolean) =>
    model({
      id: 'gpt-4o',
      pricing: {
        kind: 'per-token',
        inputPerMTok: 2.5,
        outputPerMTok: 10,
        cacheReadPerMTok: 1.25,
        batchDiscount: 0.5,
        batchCaching,
      },
    });
  const batched = slice({
    inputTokens: 10_000,
    cachedPrefixTokens: 8_000,
    outputTokens: 500,
    cacheHitRate: 1,
    batchShare: 1,
  });

  it('a batched request with an 8K cached prefix costs $0.015 (false) or $0.010 (true)', () => {
    // list = 10,000 · $2.5e-6 + 500 · $10e-6 = $0.025 + $0.005 = $0.030.
    // cachedCall = 2,000 · $2.5e-6 + 8,000 · $1.25e-6 + $0.005 = $0.005 + $0.010 + $0.005 = $0.020.
    // false: batchBase = list; final = 1 · $0.030 · 0.5 = $0.015; cached = $0.030 (caching saves nothing).
    const noCaching = cost(batched, gpt4o(false));
    expect(noCaching.list).toBeCloseTo(0.03, PER_CALL_DIGITS);
    expect(noCaching.cached).toBeCloseTo(0.03, PER_CALL_DIGITS);
    expect(noCaching.final).toBeCloseTo(0.015, PER_CALL_DIGITS);
    // true: batchBase = cachedCall; final = $0.020 · 0.5 = $0.010.
    const withCaching = cost(batched, gpt4o(true));
    expect(withCaching.cached).toBeCloseTo(0.02, PER_CALL_DIGITS);
    expect(withCaching.final).toBeCloseTo(0.01, PER_CALL_DIGITS);
  });

  it('half batched: the unbatched half keeps its caching', () => {
    // b = 0.5: final = 0.5 · $0.020 + 0.5 · $0.030 · 0.5 = $0.010 + $0.0075 = $0.0175;
    // cached = 0.5 · $0.020 + 0.5 · $0.030 = $0.025.
    const half = cost(slice({ ...batched, batchShare: 0.5 }), gpt4o(false));
    expect(half.final).toBeCloseTo(0.0175, PER_CALL_DIGITS);
    expect(half.cached).toBeCloseTo(0.025, PER_CALL_DIGITS);
  });
});

describe('reasoning: a reasoning model bills the slice’s reasoningTokens as output', () => {
  /** gpt-5-mini: $0.25 in, $2 out, cache read $0.025. */
  const gpt5mini = (reasoning: boolean) =>
    model({
      id: 'gpt-5-mini',
      reasoning,
      pricing: { kind: 'per-token', inputPerMTok: 0.25, outputPerMTok: 2, cacheReadPerMTok: 0.025 },
    });
  const call = slice({
    inputTokens: 2746,
    cachedPrefixTokens: 2208,
    cacheHitRate: 1,
    outputTokens: 133,
    reasoningTokens: 64,
  });

  it('538 uncached + 2,208 cached input, 133 visible + 64 reasoning output = $0.0005837', () => {
    // 538 · $0.25e-6 = $0.0001345; 2,208 · $0.025e-6 = $0.0000552; (133 + 64) · $2e-6 = $0.000394
    // → $0.0005837 (≈ $0.000584).
    expect(cost(call, gpt5mini(true)).final).toBeCloseTo(0.0005837, PER_CALL_DIGITS);
  });

  it('a model without reasoning ignores the reasoning tokens', () => {
    // $0.0001345 + $0.0000552 + 133 · $2e-6 = $0.000266 → $0.0004557.
    expect(cost(call, gpt5mini(false)).final).toBeCloseTo(0.0004557, PER_CALL_DIGITS);
  });
});

describe('cacheWrite1hPerMTok and cacheTtl: 1-hour writes', () => {
  /** A 10K-token prompt that is all prefix and no output: the call's cost is the prefix's. */
  const prefixOnly = { inputTokens: 10_000, cachedPrefixTokens: 10_000, outputTokens: 0 };

  it('12 requests an hour on a 10K prefix: $0.45 with 5-minute writes all missing, $0.093 with one 1-hour write', () => {
    // 5m, hit 0: each request writes: 10,000 · $3.75e-6 = $0.0375; 12 · $0.0375 = $0.45.
    const fiveMinute = cost(slice({ ...prefixOnly, cacheHitRate: 0 }), model(SONNET_45));
    expect(12 * fiveMinute.final).toBeCloseTo(0.45, PER_CALL_DIGITS);
    // 1h, hit 11/12: per request 10,000 · (11/12 · $0.30 + 1/12 · $6)e-6 = 10,000 · $0.775e-6 = $0.00775;
    // 12 · $0.00775 = $0.093 (one write $0.06 + eleven reads $0.033).
    const oneHour = cost(slice({ ...prefixOnly, cacheHitRate: 11 / 12, cacheTtl: '1h' }), model(SONNET_45));
    expect(12 * oneHour.final).toBeCloseTo(0.093, PER_CALL_DIGITS);
  });

  it('a 1-hour slice on a model without a 1-hour price writes at the 5-minute price', () => {
    // 10,000 · $3.75e-6 = $0.0375.
    const no1h = model({ ...SONNET_45, pricing: { ...SONNET_45.pricing, cacheWrite1hPerMTok: null } });
    expect(cost(slice({ ...prefixOnly, cacheTtl: '1h' }), no1h).final).toBeCloseTo(0.0375, PER_CALL_DIGITS);
  });

  it('findTtlBreakEven: on 5-minute writes that all miss, 1-hour writes pay above (6 − 3.75)/(6 − 0.3) = 39.47 %', () => {
    // now c = 0 · $0.30 + 1 · $3.75 = $3.75; h' = ($6 − $3.75) / ($6 − $0.30) = 2.25 / 5.7 = 0.394736…
    const breakEven = findTtlBreakEven(slice({ ...prefixOnly, cacheHitRate: 0 }), model(SONNET_45));
    expect(breakEven?.otherTtl).toBe('1h');
    expect(breakEven?.hitRate).toBeCloseTo(2.25 / 5.7, 12);
    expect(breakEven?.hitRate).toBeCloseTo(0.3947, 4);
  });
});

describe('minCachePrefixTokens: a prefix shorter than the model’s minimum is never cached', () => {
  const short = slice({ inputTokens: 1000, cachedPrefixTokens: 800, cacheHitRate: 0.9, outputTokens: 100 });

  it('an 800-token prefix under Sonnet’s 1,024 minimum bills at list', () => {
    // list = 1,000 · $3e-6 + 100 · $15e-6 = $0.003 + $0.0015 = $0.0045; cached = final = list.
    const c = cost(short, model(SONNET_45));
    expect(c.list).toBeCloseTo(0.0045, PER_CALL_DIGITS);
    expect(c.cached).toBeCloseTo(0.0045, PER_CALL_DIGITS);
    expect(c.final).toBeCloseTo(0.0045, PER_CALL_DIGITS);
    // With no minimum: 200 · $3e-6 + 800 · (0.9 · $0.30 + 0.1 · $3.75)e-6 = $0.0006 + $0.000516 → + $0.0015
    // → $0.002616.
    const noMinimum = model({ ...SONNET_45, pricing: { ...SONNET_45.pricing, minCachePrefixTokens: 0 } });
    expect(cost(short, noMinimum).final).toBeCloseTo(0.002616, PER_CALL_DIGITS);
  });

  it('the minimum is in the model’s tokens: 800 · 1.3 = 1,040 ≥ 1,024 is cached', () => {
    // k = 1.3: in 1,300, pre 1,040, out 130. 260 · $3e-6 = $0.00078; 1,040 · $0.645e-6 = $0.0006708;
    // 130 · $15e-6 = $0.00195 → $0.0034008.
    const wide = model({ ...SONNET_45, tokenizerFactor: 1.3 });
    expect(cost(short, wide).final).toBeCloseTo(0.0034008, PER_CALL_DIGITS);
  });

  it('findUncachedPrefixes names the slice and model with the prefix in the model’s tokens', () => {
    const notes = findUncachedPrefixes(
      validScenario({
        catalog: [{ ...SONNET_45, name: 'Sonnet 4.5', provider: 'Anthropic', platform: 'bedrock' }],
        traffic: [
          {
            id: 'short',
            name: 'Short',
            requestsPerMonth: 1,
            inputTokens: 1000,
            outputTokens: 100,
            cachedPrefixTokens: 800,
          },
          {
            id: 'long',
            name: 'Long',
            requestsPerMonth: 1,
            inputTokens: 3000,
            outputTokens: 100,
            cachedPrefixTokens: 2000,
          },
        ],
        strategies: [{ id: 'all', name: 'All', kind: 'single', model: 'sonnet-4.5' }],
      }),
    );
    expect(
      notes.map((note) => [note.sliceId, note.model.id, note.prefixTokens, note.minCachePrefixTokens]),
    ).toEqual([['short', 'sonnet-4.5', 800, 1024]]);
  });
});

function validScenario(partial: Partial<ScenarioInput>) {
  const result = validateScenario({ schemaVersion: 3, catalog: [], traffic: [], strategies: [], ...partial });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('tokenizerFactor: the model counts k tokens for each token of the slice', () => {
  /** Claude Opus 4.7-like: $5 in, $25 out. */
  const opus = (tokenizerFactor: number) =>
    model({
      id: 'opus',
      tokenizerFactor,
      pricing: { kind: 'per-token', inputPerMTok: 5, outputPerMTok: 25 },
    });
  const call = slice({ inputTokens: 1000, outputTokens: 200 });

  it('a 1.3 factor bills 30 % more tokens in and out', () => {
    // k = 1: 1,000 · $5e-6 + 200 · $25e-6 = $0.005 + $0.005 = $0.010.
    expect(cost(call, opus(1)).final).toBeCloseTo(0.01, PER_CALL_DIGITS);
    // k = 1.3: 1,300 · $5e-6 + 260 · $25e-6 = $0.0065 + $0.0065 = $0.013.
    expect(cost(call, opus(1.3)).final).toBeCloseTo(0.013, PER_CALL_DIGITS);
  });

  it('cheapest-meeting-bar checks the context window in the model’s tokens: (1,000 + 200) · 1.3 = 1,560 > 1,500', () => {
    const results = run({
      schemaVersion: 3,
      horizonMonths: 1,
      catalog: [
        // Cheaper but its 1,500-token window holds 1,200 slice tokens only at k = 1.
        {
          ...opus(1.3),
          id: 'cheap-wide',
          name: 'w',
          provider: 'p',
          platform: 'bedrock',
          contextWindow: 1500,
          pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 1 },
        },
        {
          id: 'dear',
          name: 'd',
          provider: 'p',
          platform: 'bedrock',
          pricing: { kind: 'per-token', inputPerMTok: 5, outputPerMTok: 25 },
        },
        {
          id: 'cheap-narrow',
          name: 'n',
          provider: 'p',
          platform: 'bedrock',
          contextWindow: 1200,
          pricing: { kind: 'per-token', inputPerMTok: 2, outputPerMTok: 2 },
        },
      ],
      traffic: [{ id: 's', name: 's', requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 200 }],
      strategies: [{ id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' }],
    });
    // cheap-wide does not fit; cheap-narrow fits exactly (1,200 ≤ 1,200) at 1,200 · $2e-6 = $0.0024 per call.
    const auto = strategy(results, 'auto');
    expect(Object.keys(auto.months[0]!.byModel)).toEqual(['cheap-narrow']);
    expect(auto.months[0]!.spend).toBeCloseTo(2.4, MONTH_DIGITS);
    expect(auto.unmetQuality).toEqual([]);
  });
});

describe('region and regions: a regional row and offRegion', () => {
  /** Sonnet 4.5 on the global endpoint ($3/$15) and on an EU endpoint at +10 % ($3.30/$16.50). */
  const catalog = [
    {
      id: 'sonnet-global',
      name: 'Sonnet 4.5 global',
      provider: 'Anthropic',
      platform: 'bedrock',
      region: 'global',
      pricing: { kind: 'per-token', inputPerMTok: 3, outputPerMTok: 15 },
    },
    {
      id: 'sonnet-eu',
      name: 'Sonnet 4.5 EU',
      provider: 'Anthropic',
      platform: 'bedrock',
      region: 'eu',
      pricing: { kind: 'per-token', inputPerMTok: 3.3, outputPerMTok: 16.5 },
    },
    {
      id: 'haiku',
      name: 'Haiku (region unspecified)',
      provider: 'Anthropic',
      platform: 'bedrock',
      pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 5 },
    },
  ] satisfies ScenarioInput['catalog'];
  const traffic = [
    {
      id: 'eu-support',
      name: 'EU support',
      requestsPerMonth: 1000,
      inputTokens: 1000,
      outputTokens: 100,
      regions: ['eu'],
    },
    { id: 'anywhere', name: 'Anywhere', requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 },
  ] satisfies ScenarioInput['traffic'];

  const results = run({
    schemaVersion: 3,
    horizonMonths: 1,
    catalog,
    traffic,
    strategies: [
      { id: 'global', name: 'Global', kind: 'single', model: 'sonnet-global' },
      { id: 'eu', name: 'EU', kind: 'single', model: 'sonnet-eu' },
      { id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' },
      {
        id: 'router',
        name: 'Router',
        kind: 'router',
        classifier: { model: 'haiku', inputTokens: 100, outputTokens: 1 },
        routes: { 'eu-support': { 'sonnet-eu': 1 } },
        fallback: 'sonnet-global',
      },
      {
        id: 'cascade',
        name: 'Cascade',
        kind: 'cascade',
        routes: { 'eu-support': { steps: ['sonnet-eu', 'sonnet-global'], escalation: [0] } },
        fallback: 'sonnet-global',
      },
    ],
  });

  it('the EU slice on the global row is flagged; on the EU row it is not', () => {
    expect(strategy(results, 'global').offRegion).toEqual(['eu-support']);
    expect(strategy(results, 'eu').offRegion).toEqual([]);
  });

  it('cheapest-meeting-bar pays the 10 % for the EU slice and takes the cheapest for the other', () => {
    // EU slice on sonnet-eu: 1,000 · $3.3e-6 + 100 · $16.5e-6 = $0.0033 + $0.00165 = $0.00495 per call → $4.95.
    // The other on haiku: 1,000 · $1e-6 + 100 · $5e-6 = $0.0015 per call → $1.50.
    const auto = strategy(results, 'auto');
    expect(auto.offRegion).toEqual([]);
    expect(auto.unmetQuality).toEqual([]);
    expect(auto.months[0]!.bySlice['eu-support']).toBeCloseTo(4.95, MONTH_DIGITS);
    expect(auto.months[0]!.byModel['sonnet-eu']).toBeCloseTo(4.95, MONTH_DIGITS);
    expect(auto.months[0]!.bySlice['anywhere']).toBeCloseTo(1.5, MONTH_DIGITS);
  });

  it('a classifier with no region, and a step escalated to 0 % of requests, still count', () => {
    // A null region is never in the list: the router’s classifier flags the EU slice.
    expect(strategy(results, 'router').offRegion).toEqual(['eu-support']);
    // The cascade's second step (global) is never reached, but the route names it.
    expect(strategy(results, 'cascade').offRegion).toEqual(['eu-support']);
  });

  it('when no model is in the slice’s regions, cheapest-meeting-bar falls back among all and flags it', () => {
    const apac = run({
      schemaVersion: 3,
      horizonMonths: 1,
      catalog,
      traffic: [{ ...traffic[0]!, regions: ['ap-southeast-2'] }],
      strategies: [{ id: 'auto', name: 'Auto', kind: 'cheapest-meeting-bar' }],
    });
    const auto = strategy(apac, 'auto');
    expect(auto.unmetQuality).toEqual(['eu-support']);
    expect(auto.offRegion).toEqual(['eu-support']);
    // All qualities are 0: the cheaper, haiku ($1.50).
    expect(Object.keys(auto.months[0]!.byModel)).toEqual(['haiku']);
  });
});

describe('commitmentMonths: every month of a term pays the term’s largest unit count', () => {
  /**
   * 43,800 requests of 1,000 tokens in month 0 = 43.8M tokens = 1,000 tokens a minute (peakToAverage 1), growing
   * 50 % a month: units(t) = ceil(1.5^t) = 1, 2, 3, 4, 6, 8, 12, 18 over 8 months. A unit is $10/hour = $7,300 a
   * month.
   */
  const termScenario = (commitmentMonths: number): ScenarioInput => ({
    schemaVersion: 3,
    horizonMonths: 8,
    options: { batch: true, caching: true, peakToAverage: 1 },
    catalog: [
      {
        id: 'pt',
        name: 'Provisioned throughput',
        provider: 'p',
        platform: 'bedrock',
        pricing: { kind: 'capacity', hourlyPerUnit: 10, tokensPerMinutePerUnit: 1000, commitmentMonths },
      },
    ],
    traffic: [
      {
        id: 's',
        name: 's',
        requestsPerMonth: 43_800,
        inputTokens: 1000,
        outputTokens: 0,
        monthlyGrowth: 0.5,
      },
    ],
    strategies: [{ id: 'pt', name: 'PT', kind: 'single', model: 'pt' }],
  });

  it('no commitment: units follow traffic, 54 unit-months = $394,200', () => {
    const months = strategy(run(termScenario(0)), 'pt').months.map((m) => m.spend / 7300);
    months.forEach((units, t) => expect(units).toBeCloseTo([1, 2, 3, 4, 6, 8, 12, 18][t]!, MONTH_DIGITS));
    expect(strategy(run(termScenario(0)), 'pt').totals.spend).toBeCloseTo(394_200, MONTH_DIGITS);
  });

  it('6-month terms: months 0–5 pay 8 units, months 6–7 (the term cut at the horizon) pay 18: $613,200', () => {
    // 6 · 8 · $7,300 = $350,400; 2 · 18 · $7,300 = $262,800 → $613,200.
    const pt = strategy(run(termScenario(6)), 'pt');
    pt.months.forEach((m, t) => expect(m.spend / 7300).toBeCloseTo(t < 6 ? 8 : 18, MONTH_DIGITS));
    expect(pt.totals.spend).toBeCloseTo(613_200, MONTH_DIGITS);
  });

  it('1-month terms are the same as none', () => {
    expect(strategy(run(termScenario(1)), 'pt').totals.spend).toBeCloseTo(394_200, MONTH_DIGITS);
  });

  it('capacity tokens count the tokenizer factor and reasoning: k · (in + out · factor + reasoning)', () => {
    // 43,800 requests a month at peakToAverage 1 is one request a minute: TPM = tokens per call; 1,400 per unit.
    // k 1, no reasoning: 1,000 + 200 = 1,200 → ceil(0.857) = 1 unit.
    // reasoning: 1,200 + 300 = 1,500 → ceil(1.071) = 2 units. k 1.3 and reasoning: 1.3 · 1,500 = 1,950
    // → ceil(1.393) = 2.
    const units = (tokenizerFactor: number, reasoning: boolean) => {
      const input = termScenario(0);
      const pricing = { kind: 'capacity' as const, hourlyPerUnit: 10, tokensPerMinutePerUnit: 1400 };
      return (
        strategy(
          run({
            ...input,
            horizonMonths: 1,
            catalog: [{ ...input.catalog[0]!, tokenizerFactor, reasoning, pricing }],
            traffic: [{ ...input.traffic[0]!, monthlyGrowth: 0, outputTokens: 200, reasoningTokens: 300 }],
          }),
          'pt',
        ).months[0]!.spend / 7300
      );
    };
    expect(units(1, false)).toBeCloseTo(1, MONTH_DIGITS);
    expect(units(1, true)).toBeCloseTo(2, MONTH_DIGITS);
    expect(units(1.3, true)).toBeCloseTo(2, MONTH_DIGITS);
    // k 1.3 without reasoning: 1.3 · 1,200 = 1,560 → ceil(1.114) = 2 units.
    expect(units(1.3, false)).toBeCloseTo(2, MONTH_DIGITS);
  });
});

describe('fixedCosts: monthly costs that are not tokens', () => {
  /**
   * Horizon 5, no traffic. "kb" (Knowledge Bases) $1,000 on bedrock from month 1 to before month 4, growing 10 %,
   * paid by strategy "a" only: 0, 1,000, 1,100, 1,210, 0. "logs" $50 on azure every month, every strategy.
   * "activate" $2,500 covers bedrock only.
   */
  const results = run({
    schemaVersion: 3,
    horizonMonths: 5,
    catalog: [
      {
        id: 'm',
        name: 'm',
        provider: 'p',
        platform: 'bedrock',
        pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 1 },
      },
    ],
    traffic: [],
    strategies: [
      { id: 'a', name: 'A', kind: 'single', model: 'm' },
      { id: 'b', name: 'B', kind: 'single', model: 'm' },
    ],
    fixedCosts: [
      {
        id: 'kb',
        name: 'Knowledge Bases',
        platform: 'bedrock',
        monthlyAmount: 1000,
        startMonth: 1,
        endMonth: 4,
        monthlyGrowth: 0.1,
        strategies: ['a'],
      },
      { id: 'logs', name: 'Logging', platform: 'azure', monthlyAmount: 50 },
    ],
    credits: [{ id: 'activate', name: 'Activate', amount: 2500, appliesTo: ['bedrock'] }],
  });

  it('adds to spend, listSpend, byPlatform and byFixedCost (0 outside the window), not bySlice or byModel', () => {
    const a = strategy(results, 'a');
    const kb = [0, 1000, 1100, 1210, 0];
    a.months.forEach((m, t) => {
      expect(Object.keys(m.byFixedCost).sort()).toEqual(['kb', 'logs']);
      expect(m.byFixedCost['kb']).toBeCloseTo(kb[t]!, MONTH_DIGITS);
      expect(m.byFixedCost['logs']).toBeCloseTo(50, MONTH_DIGITS);
      expect(m.spend).toBeCloseTo(kb[t]! + 50, MONTH_DIGITS);
      expect(m.listSpend).toBeCloseTo(kb[t]! + 50, MONTH_DIGITS);
      expect(m.byPlatform['azure']).toBeCloseTo(50, MONTH_DIGITS);
      expect(m.byPlatform['bedrock'] ?? 0).toBeCloseTo(kb[t]!, MONTH_DIGITS);
      expect(m.bySlice).toEqual({});
      expect(m.byModel).toEqual({});
    });
    // 3,310 + 5 · 50 = 3,560.
    expect(a.totals.spend).toBeCloseTo(3560, MONTH_DIGITS);
    expect(a.totals.savings.caching).toBe(0);
    expect(a.totals.savings.batch).toBe(0);
  });

  it('a strategy not in the list does not pay it', () => {
    const b = strategy(results, 'b');
    b.months.forEach((m) => expect(Object.keys(m.byFixedCost)).toEqual(['logs']));
    expect(b.totals.spend).toBeCloseTo(250, MONTH_DIGITS);
  });

  it('credits covering its platform draw on it: 1,000 + 1,100 + 400, then cash', () => {
    const a = strategy(results, 'a');
    const drawn = [0, 1000, 1100, 400, 0];
    a.months.forEach((m, t) => expect(m.creditsDrawn['activate']).toBeCloseTo(drawn[t]!, MONTH_DIGITS));
    expect(a.totals.creditsUsed).toBeCloseTo(2500, MONTH_DIGITS);
    // Cash: 50 a month of logs, plus 1,210 − 400 = 810 in month 3 → 1,060.
    expect(a.totals.cashSpentOnAI).toBeCloseTo(1060, MONTH_DIGITS);
    expect(a.creditsExhaustedMonth).toBe(3);
    // B's only spend is on azure, which no pool covers.
    expect(strategy(results, 'b').creditsExhaustedMonth).toBeNull();
  });
});

describe('validation of the version-3 fields', () => {
  const base = {
    schemaVersion: 3,
    catalog: [
      {
        id: 'm',
        name: 'm',
        provider: 'p',
        platform: 'bedrock',
        pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 1 },
      },
    ],
    traffic: [{ id: 's', name: 's', requestsPerMonth: 1, inputTokens: 1, outputTokens: 1 }],
    strategies: [{ id: 'a', name: 'A', kind: 'single', model: 'm' }],
  };
  const fixedCost = { id: 'kb', name: 'KB', platform: 'bedrock', monthlyAmount: 1 };

  function issuePaths(document: unknown): string[] {
    const result = validateScenario(document);
    if (result.ok) return [];
    for (const issue of result.issues) expect(issue.message.length, issue.path).toBeGreaterThan(0);
    return result.issues.map((issue) => issue.path);
  }

  it('accepts the base document', () => {
    expect(issuePaths(base)).toEqual([]);
  });

  it('fixedCosts endMonth ≤ startMonth', () => {
    expect(issuePaths({ ...base, fixedCosts: [{ ...fixedCost, startMonth: 3, endMonth: 3 }] })).toEqual([
      'fixedCosts[0].endMonth',
    ]);
    expect(issuePaths({ ...base, fixedCosts: [{ ...fixedCost, startMonth: 3, endMonth: 4 }] })).toEqual([]);
  });

  it('an unknown strategy id in fixedCosts', () => {
    expect(issuePaths({ ...base, fixedCosts: [{ ...fixedCost, strategies: ['a', 'nope'] }] })).toEqual([
      'fixedCosts[0].strategies[1]',
    ]);
  });

  it('a duplicate fixed cost id', () => {
    expect(issuePaths({ ...base, fixedCosts: [fixedCost, fixedCost] })).toEqual(['fixedCosts[1].id']);
  });

  it('an empty regions list', () => {
    expect(issuePaths({ ...base, traffic: [{ ...base.traffic[0], regions: [] }] })).toEqual([
      'traffic[0].regions',
    ]);
  });

  it('a cacheTtl other than "5m" or "1h"', () => {
    expect(issuePaths({ ...base, traffic: [{ ...base.traffic[0], cacheTtl: '24h' }] })).toEqual([
      'traffic[0].cacheTtl',
    ]);
  });

  it('tokenizerFactor 0', () => {
    expect(issuePaths({ ...base, catalog: [{ ...base.catalog[0], tokenizerFactor: 0 }] })).toEqual([
      'catalog[0].tokenizerFactor',
    ]);
  });

  it('negative monthlyAmount, growth ≤ −1, and a negative aboveInputTokens', () => {
    expect(
      issuePaths({ ...base, fixedCosts: [{ ...fixedCost, monthlyAmount: -1, monthlyGrowth: -1 }] }).sort(),
    ).toEqual(['fixedCosts[0].monthlyAmount', 'fixedCosts[0].monthlyGrowth']);
    const tier = { aboveInputTokens: -1, inputPerMTok: 2, outputPerMTok: 2 };
    expect(
      issuePaths({
        ...base,
        catalog: [{ ...base.catalog[0], pricing: { ...base.catalog[0]!.pricing, longContext: tier } }],
      }),
    ).toEqual(['catalog[0].pricing.longContext.aboveInputTokens']);
  });
});
