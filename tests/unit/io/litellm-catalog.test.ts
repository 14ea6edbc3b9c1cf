import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/domain/scenario-schema';
import { parseCatalogText, summarizeCatalogImport } from '../../../src/io/catalog-import';
import {
  listTopLevelKeys,
  LITELLM_SOURCE_LABEL,
  readLitellmRegion,
  scalePerTokenToPerMTok,
} from '../../../src/io/litellm-catalog';

const fixtureText = readFileSync(new URL('../../fixtures/litellm-sample.json', import.meta.url), 'utf8');
const importedAt = '2027-03-14';

function importFixture(fileName?: string) {
  const result = parseCatalogText(
    fixtureText,
    fileName === undefined ? { importedAt } : { importedAt, fileName },
  );
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.issues)}`);
  return result;
}

function findModel(models: readonly Model[], id: string): Model {
  const model = models.find((m) => m.id === id);
  if (!model) throw new Error(`no model ${id}`);
  return model;
}

/** Builds a one-entry LiteLLM file and imports it. */
function importEntry(entry: Record<string, unknown>) {
  const text = JSON.stringify({ 'some-model': entry });
  return parseCatalogText(text, { importedAt });
}

const validEntry = {
  input_cost_per_token: 1e-6,
  output_cost_per_token: 2e-6,
  litellm_provider: 'openai',
  mode: 'chat',
};

describe('LiteLLM model_prices_and_context_window.json', () => {
  it('is detected by its shape and counts imported and skipped entries', () => {
    const result = importFixture();
    expect(result.format).toBe('litellm');
    // 19 models; 21 keys skipped, of which 2 (free-model, ollama/llama3) are priced 0 in and out.
    expect(result.imported).toBe(19);
    expect(result.skipped).toBe(21);
    expect(result.unpriced).toBe(2);
    expect(result.models).toHaveLength(19);
    expect(summarizeCatalogImport(result)).toBe(
      'Imported 19 models from LiteLLM format; 2 entries had no price; skipped 19 other entries.',
    );
  });

  it('keeps the file order, including keys that look like array indexes', () => {
    expect(importFixture().models.map((m) => m.id)).toEqual([
      'gpt-4o',
      'anthropic.claude-3-5-sonnet-20240620-v1:0',
      'bedrock/us-east-1/meta.llama3-8b-instruct-v1:0',
      'gpt-3.5-turbo-instruct',
      '__proto__',
      'constructor',
      '42',
      '<script>alert(1)</script>',
      'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'claude-sonnet-4-5',
      'gemini-2.5-pro',
      'two-tiers',
      'global.anthropic.claude-haiku-4-5-20251001-v1:0',
      'eu.anthropic.claude-haiku-4-5-20251001-v1:0',
      'apac.amazon.nova-lite-v1:0',
      'au.anthropic.claude-haiku-4-5-20251001-v1:0',
      'jp.anthropic.claude-haiku-4-5-20251001-v1:0',
      'us-gov.anthropic.claude-3-haiku-20240307-v1:0',
      'bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0',
    ]);
  });

  it('lists every skipped key in file order: sample_spec, other modes, non-objects, bad or missing fields', () => {
    const result = importFixture();
    expect(result.unpricedKeys).toEqual(['free-model', 'ollama/llama3']);
    expect(result.skippedKeys).toEqual([
      'sample_spec',
      'text-embedding-3-small',
      'not-an-object',
      'a-number',
      'a-null',
      'a-list',
      'dall-e-3',
      'negative-price',
      'batch-dearer-than-input',
      'negative-cache-read',
      'no-provider',
      'provider-not-text',
      'no-output-price',
      'price-as-text',
      'context-as-text',
      'no-mode',
      'free-model',
      'bedrock/*/1-month-commitment/cohere.command-text-v14',
      'ollama/llama3',
      'bad-min-prefix',
      'bad-long-context-output',
    ]);
  });

  it('turns per-token prices into exact per-MTok prices, cache prices and the batch discount', () => {
    const models = importFixture().models;
    // gpt-4o: 2.5e-6 and 1e-5 per token → $2.50 and $10 per MTok; cache read 1.25e-6 → $1.25;
    // batch 1.25e-6 against 2.5e-6 → discount 1 − 1.25/2.5 = 0.5. OpenAI gives no caching discount inside
    // Batch, so batchCaching is false.
    expect(findModel(models, 'gpt-4o')).toEqual({
      id: 'gpt-4o',
      name: 'GPT-4o — OpenAI',
      provider: 'OpenAI',
      platform: 'openai',
      pricing: {
        kind: 'per-token',
        inputPerMTok: 2.5,
        outputPerMTok: 10,
        cacheWritePerMTok: null,
        cacheReadPerMTok: 1.25,
        batchDiscount: 0.5,
        cacheWrite1hPerMTok: null,
        minCachePrefixTokens: 0,
        batchCaching: false,
        longContext: null,
      },
      contextWindow: 128000,
      quality: 0,
      outputTokenFactor: 1,
      openWeight: false,
      region: null,
      tokenizerFactor: 1,
      reasoning: false,
      priceKey: 'gpt-4o',
      retiresOn: null,
      source: { label: LITELLM_SOURCE_LABEL, asOf: importedAt },
    });
    // Claude on Bedrock: 3e-6 / 1.5e-5 → $3 / $15; cache write 3.75e-6 → $3.75, cache read 3e-7 → $0.30.
    const claude = findModel(models, 'anthropic.claude-3-5-sonnet-20240620-v1:0');
    expect(claude.pricing).toEqual({
      kind: 'per-token',
      inputPerMTok: 3,
      outputPerMTok: 15,
      cacheWritePerMTok: 3.75,
      cacheReadPerMTok: 0.3,
      batchDiscount: null,
      cacheWrite1hPerMTok: null,
      minCachePrefixTokens: 0,
      batchCaching: true,
      longContext: null,
    });
    expect(claude.contextWindow).toBe(200000);
    // 2e-7 / 6e-7 → $0.20 / $0.60; batch 1e-7 → 1 − 0.1/0.2 = 0.5.
    expect(findModel(models, 'constructor').pricing).toEqual({
      kind: 'per-token',
      inputPerMTok: 0.2,
      outputPerMTok: 0.6,
      cacheWritePerMTok: null,
      cacheReadPerMTok: null,
      batchDiscount: 0.5,
      cacheWrite1hPerMTok: null,
      minCachePrefixTokens: 0,
      batchCaching: true,
      longContext: null,
    });
  });

  it('maps any bedrock… provider to the bedrock platform, and names the maker and the SKU for people', () => {
    const models = importFixture().models;
    const llama = findModel(models, 'bedrock/us-east-1/meta.llama3-8b-instruct-v1:0');
    expect(llama).toMatchObject({
      name: 'Llama 3 8B — Bedrock, us-east-1',
      provider: 'Meta',
      platform: 'bedrock',
      priceKey: 'bedrock/us-east-1/meta.llama3-8b-instruct-v1:0',
      quality: 0,
    });
    expect(llama.qualitySource).toBeUndefined();
    expect(findModel(models, 'anthropic.claude-3-5-sonnet-20240620-v1:0')).toMatchObject({
      name: 'Claude 3.5 Sonnet — Bedrock',
      provider: 'Anthropic',
      platform: 'bedrock',
    });
    expect(findModel(models, 'gpt-3.5-turbo-instruct').platform).toBe('openai');
  });

  it('leaves the batch discount unset when the input price is 0', () => {
    const result = importEntry({ ...validEntry, input_cost_per_token: 0, input_cost_per_token_batches: 0 });
    expect(result.ok && result.models[0]!.pricing).toMatchObject({
      inputPerMTok: 0,
      outputPerMTok: 2,
      batchDiscount: null,
    });
  });

  it('skips entries priced 0 in and out, and counts them apart from the other skipped entries', () => {
    const result = importEntry({ ...validEntry, input_cost_per_token: 0, output_cost_per_token: 0 });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: '', message: 'no usable models: the only entry was skipped' }],
    });
    const text = JSON.stringify({
      paid: validEntry,
      free: { ...validEntry, input_cost_per_token: 0, output_cost_per_token: 0 },
      image: { ...validEntry, mode: 'image_generation' },
    });
    const mixed = parseCatalogText(text, { importedAt });
    expect(mixed.ok && [mixed.skippedKeys, mixed.unpricedKeys]).toEqual([['free', 'image'], ['free']]);
    expect(summarizeCatalogImport(mixed)).toBe(
      'Imported 1 model from LiteLLM format; 1 entry had no price; skipped 1 other entry.',
    );
  });

  it('reads the 1-hour cache write, minimum cached prefix, reasoning and the 200K tier of Claude Sonnet 4.5', () => {
    // Per token → per MTok: 3e-6 → $3, 1.5e-5 → $15, 3.75e-6 → $3.75 (5-minute write), 6e-6 → $6 (1-hour write),
    // 3e-7 → $0.30 (read); above 200K input tokens: 6e-6 → $6, 2.25e-5 → $22.50, read 6e-7 → $0.60,
    // write 7.5e-6 → $7.50, 1-hour write 1.2e-5 → $12.
    const sonnet = findModel(importFixture().models, 'claude-sonnet-4-5');
    expect(sonnet).toMatchObject({
      name: 'Claude Sonnet 4.5 — Anthropic',
      provider: 'Anthropic',
      platform: 'anthropic',
      region: null,
      reasoning: true,
      priceKey: 'claude-sonnet-4-5',
      retiresOn: null,
    });
    expect(sonnet.pricing).toEqual({
      kind: 'per-token',
      inputPerMTok: 3,
      outputPerMTok: 15,
      cacheWritePerMTok: 3.75,
      cacheReadPerMTok: 0.3,
      batchDiscount: null,
      cacheWrite1hPerMTok: 6,
      minCachePrefixTokens: 1024,
      batchCaching: true,
      longContext: {
        aboveInputTokens: 200000,
        inputPerMTok: 6,
        outputPerMTok: 22.5,
        cacheReadPerMTok: 0.6,
        cacheWritePerMTok: 7.5,
        cacheWrite1hPerMTok: 12,
      },
    });
  });

  it('reads the regional Bedrock Sonnet 4.5 (10 % dearer) to the exact cent fractions', () => {
    // 3.3e-6 → $3.30, 1.65e-5 → $16.50, 4.125e-6 → $4.125, 3.3e-7 → $0.33, 6.6e-6 → $6.60; above 200K:
    // 6.6e-6 → $6.60, 2.475e-5 → $24.75, 6.6e-7 → $0.66, 8.25e-6 → $8.25, 1.32e-5 → $13.20.
    const sonnet = findModel(importFixture().models, 'us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(sonnet).toMatchObject({ platform: 'bedrock', region: 'us', reasoning: true });
    expect(sonnet.pricing).toEqual({
      kind: 'per-token',
      inputPerMTok: 3.3,
      outputPerMTok: 16.5,
      cacheWritePerMTok: 4.125,
      cacheReadPerMTok: 0.33,
      batchDiscount: null,
      cacheWrite1hPerMTok: 6.6,
      minCachePrefixTokens: 1024,
      batchCaching: true,
      longContext: {
        aboveInputTokens: 200000,
        inputPerMTok: 6.6,
        outputPerMTok: 24.75,
        cacheReadPerMTok: 0.66,
        cacheWritePerMTok: 8.25,
        cacheWrite1hPerMTok: 13.2,
      },
    });
  });

  it('takes the tier output price when given, else the base one, and leaves out cache prices the tier lacks', () => {
    const models = importFixture().models;
    // gemini-2.5-pro: above 200K input 2.5e-6 → $2.50, no tier output → base 1e-5 → $10, read 2.5e-7 → $0.25;
    // no tier write (the engine scales the base one); the _priority field is not a tier.
    const gemini = findModel(models, 'gemini-2.5-pro');
    expect(gemini.pricing.kind === 'per-token' && gemini.pricing.longContext).toEqual({
      aboveInputTokens: 200000,
      inputPerMTok: 2.5,
      outputPerMTok: 10,
      cacheReadPerMTok: 0.25,
    });
    expect(gemini.reasoning).toBe(false);
    // two-tiers: the 128K tier (2e-6 → $2) is the lowest present, so it wins over 272K; its output is the base
    // 4e-6 → $4, and the 272K cache read is not carried down to it.
    const twoTiers = findModel(models, 'two-tiers');
    expect(twoTiers.pricing.kind === 'per-token' && twoTiers.pricing.longContext).toEqual({
      aboveInputTokens: 128000,
      inputPerMTok: 2,
      outputPerMTok: 4,
    });
  });

  it('reads the region from a cross-region prefix or a bedrock/<aws-region>/ key', () => {
    const regions = importFixture().models.map((m) => [m.id, m.region]);
    expect(regions).toEqual([
      ['gpt-4o', null],
      ['anthropic.claude-3-5-sonnet-20240620-v1:0', null],
      ['bedrock/us-east-1/meta.llama3-8b-instruct-v1:0', 'us-east-1'],
      ['gpt-3.5-turbo-instruct', null],
      ['__proto__', null],
      ['constructor', null],
      ['42', null],
      ['<script>alert(1)</script>', null],
      ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us'],
      ['claude-sonnet-4-5', null],
      ['gemini-2.5-pro', null],
      ['two-tiers', null],
      ['global.anthropic.claude-haiku-4-5-20251001-v1:0', 'global'],
      ['eu.anthropic.claude-haiku-4-5-20251001-v1:0', 'eu'],
      ['apac.amazon.nova-lite-v1:0', 'apac'],
      ['au.anthropic.claude-haiku-4-5-20251001-v1:0', 'au'],
      ['jp.anthropic.claude-haiku-4-5-20251001-v1:0', 'jp'],
      ['us-gov.anthropic.claude-3-haiku-20240307-v1:0', 'us-gov'],
      ['bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0', 'us'],
    ]);
  });

  it('gives OpenAI models no caching inside Batch, and every other provider caching inside Batch', () => {
    const batchCaching = importFixture().models.map(
      (m) => m.pricing.kind === 'per-token' && [m.id, m.pricing.batchCaching],
    );
    expect(batchCaching).toContainEqual(['gpt-4o', false]);
    // Only the entries whose litellm_provider is "openai" (gpt-4o and the __proto__ entry) lose it.
    expect(batchCaching.filter((pair) => pair && !pair[1]).map((pair) => pair && pair[0])).toEqual([
      'gpt-4o',
      '__proto__',
    ]);
    expect(findModel(importFixture().models, 'gpt-3.5-turbo-instruct').pricing).toMatchObject({
      batchCaching: true,
    });
  });

  it('keeps __proto__ and constructor as ordinary ids without touching any prototype', () => {
    const models = importFixture().models;
    const proto = findModel(models, '__proto__');
    expect(Object.hasOwn(proto, 'id')).toBe(true);
    expect(proto.name).toBe('__proto__ — OpenAI');
    expect(proto.pricing.kind === 'per-token' && proto.pricing.inputPerMTok).toBe(0.1);
    expect(proto.contextWindow).toBe(32000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });

  it('keeps markup in names as plain text', () => {
    const model = findModel(importFixture().models, '<script>alert(1)</script>');
    expect(model.name).toBe('<script>alert(1)</script> — <b>evil</b>');
    expect(model.provider).toBe('<b>evil</b>');
  });

  it('stamps the source with the import date and the file name when given', () => {
    const result = importFixture('/downloads/model_prices.json');
    expect(result.models[0]!.source).toEqual({
      label: `${LITELLM_SOURCE_LABEL} (model_prices.json)`,
      asOf: importedAt,
    });
  });

  it.each([
    ['mode "chat"', { ...validEntry, mode: 'chat' }, true],
    ['mode "completion"', { ...validEntry, mode: 'completion' }, true],
    ['mode "embedding"', { ...validEntry, mode: 'embedding' }, false],
    ['mode missing', { ...validEntry, mode: undefined }, false],
    ['input price 0', { ...validEntry, input_cost_per_token: 0 }, true],
    ['input price negative', { ...validEntry, input_cost_per_token: -1e-9 }, false],
    ['output price missing', { ...validEntry, output_cost_per_token: undefined }, false],
    ['output price null', { ...validEntry, output_cost_per_token: null }, false],
    ['output price as text', { ...validEntry, output_cost_per_token: '2e-6' }, false],
    ['provider missing', { ...validEntry, litellm_provider: undefined }, false],
    ['provider empty', { ...validEntry, litellm_provider: '' }, false],
    ['provider not text', { ...validEntry, litellm_provider: ['openai'] }, false],
    ['cache read null', { ...validEntry, cache_read_input_token_cost: null }, true],
    ['cache write negative', { ...validEntry, cache_creation_input_token_cost: -1e-6 }, false],
    ['batch price equal to input', { ...validEntry, input_cost_per_token_batches: 1e-6 }, true],
    ['batch price above input', { ...validEntry, input_cost_per_token_batches: 1.1e-6 }, false],
    ['batch price negative', { ...validEntry, input_cost_per_token_batches: -1e-7 }, false],
    ['context window negative', { ...validEntry, max_input_tokens: -1 }, false],
    ['price overflowing per MTok', { ...validEntry, input_cost_per_token: 1e305 }, false],
    ['priced 0 in and out', { ...validEntry, input_cost_per_token: 0, output_cost_per_token: 0 }, false],
    ['output price 0 only', { ...validEntry, output_cost_per_token: 0 }, true],
    ['1-hour write negative', { ...validEntry, cache_creation_input_token_cost_above_1hr: -1e-6 }, false],
    ['minimum prefix 1024', { ...validEntry, prompt_cache_min_tokens: 1024 }, true],
    ['minimum prefix fractional', { ...validEntry, prompt_cache_min_tokens: 10.5 }, false],
    ['minimum prefix as text', { ...validEntry, prompt_cache_min_tokens: '1024' }, false],
    ['tier input as text', { ...validEntry, input_cost_per_token_above_200k_tokens: '6e-6' }, false],
    [
      'tier cache read negative',
      {
        ...validEntry,
        input_cost_per_token_above_200k_tokens: 2e-6,
        cache_read_input_token_cost_above_200k_tokens: -1,
      },
      false,
    ],
    [
      'tier output without tier input (ignored)',
      { ...validEntry, output_cost_per_token_above_200k_tokens: 'x' },
      true,
    ],
  ])('%s → imported: %s', (_label, entry, imported) => {
    const result = importEntry(entry);
    if (imported) {
      expect(result.ok).toBe(true);
    } else {
      expect(result).toEqual({
        ok: false,
        issues: [{ path: '', message: 'no usable models: the only entry was skipped' }],
      });
    }
  });

  it('gives a batch discount of 0 when the batch price equals the input price', () => {
    const result = importEntry({ ...validEntry, input_cost_per_token_batches: 1e-6 });
    expect(result.ok && result.models[0]!.pricing).toMatchObject({ batchDiscount: 0 });
  });

  it('skips entries with a figure past the limits, counted apart from the other skipped entries', () => {
    // $2 per token is $2,000,000 per million, past the $100,000 limit; a 1e9-token context is past 100 million.
    const text = JSON.stringify({
      paid: validEntry,
      dear: { ...validEntry, input_cost_per_token: 2 },
      vast: { ...validEntry, max_input_tokens: 1e9 },
      image: { ...validEntry, mode: 'image_generation' },
    });
    const result = parseCatalogText(text, { importedAt });
    expect(result.ok && [result.skippedKeys, result.beyondLimitKeys, result.beyondLimits]).toEqual([
      ['dear', 'vast', 'image'],
      ['dear', 'vast'],
      2,
    ]);
    expect(summarizeCatalogImport(result)).toBe(
      "Imported 1 model from LiteLLM format; 0 entries had no price; 2 entries had a figure past the planner's limits; skipped 1 other entry.",
    );
  });

  it('skips and counts an entry written twice, or with a field written twice, instead of keeping the last', () => {
    const text = `{
      "a": { "input_cost_per_token": 1e-6, "output_cost_per_token": 1e-6, "litellm_provider": "x", "mode": "chat" },
      "b": { "input_cost_per_token": 1e-6, "output_cost_per_token": 1e-6, "litellm_provider": "x", "mode": "chat" },
      "c": { "input_cost_per_token": 1e-6, "input_cost_per_token": 9e-6, "output_cost_per_token": 1e-6,
             "litellm_provider": "x", "mode": "chat" },
      "a": { "input_cost_per_token": 5e-6, "output_cost_per_token": 1e-6, "litellm_provider": "x", "mode": "chat" }
    }`;
    const result = parseCatalogText(text, { importedAt });
    expect(result.ok && result.models.map((m) => m.id)).toEqual(['b']);
    expect(result.ok && [result.writtenTwiceKeys, result.skippedKeys]).toEqual([
      ['a', 'c'],
      ['a', 'c'],
    ]);
    expect(summarizeCatalogImport(result)).toBe(
      'Imported 1 model from LiteLLM format; 0 entries had no price; 2 entries were written twice; skipped 0 other entries.',
    );
  });
});

describe('readLitellmRegion', () => {
  it.each([
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'global'],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us'],
    ['us-gov.anthropic.claude-3-haiku-20240307-v1:0', 'us-gov'],
    ['eu.meta.llama3-2-1b-instruct-v1:0', 'eu'],
    ['apac.amazon.nova-micro-v1:0', 'apac'],
    ['au.anthropic.claude-haiku-4-5-20251001-v1:0', 'au'],
    ['jp.anthropic.claude-haiku-4-5-20251001-v1:0', 'jp'],
    ['bedrock/eu-west-3/mistral.mistral-large-2402-v1:0', 'eu-west-3'],
    ['bedrock/us-gov-west-1/anthropic.claude-3-haiku-20240307-v1:0', 'us-gov-west-1'],
    ['bedrock/ap-northeast-1/1-month-commitment/anthropic.claude-v2:1', 'ap-northeast-1'],
    ['bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0', 'us'],
    ['bedrock/*/1-month-commitment/cohere.command-text-v14', null],
    ['bedrock/invoke/anthropic.claude-3-5-sonnet-20240620-v1:0', null],
    ['bedrock/moonshotai.kimi-k2.5', null],
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', null],
    ['usx.model', null],
    ['openrouter/us.model', null],
    ['gpt-5', null],
  ])('%s → %s', (key, region) => {
    expect(readLitellmRegion(key)).toBe(region);
  });
});

describe('scalePerTokenToPerMTok', () => {
  it.each([
    [1e-7, 0.1],
    [3e-6, 3],
    [0.000003, 3],
    [8e-7, 0.8],
    [1.25e-6, 1.25],
    [0, 0],
    [1.5e-10, 0.00015],
  ])('%s per token → %s per MTok', (perToken, perMTok) => {
    expect(scalePerTokenToPerMTok(perToken)).toBe(perMTok);
  });
});

describe('listTopLevelKeys', () => {
  it('lists keys in text order, skipping nested keys and strings with escaped quotes', () => {
    const text =
      '{"b": {"x": "a \\" , \\"c\\": 1"}, "2": [ {"y": 1}, "z" ], "a\\u0041": "\\\\", "__proto__": {}}';
    expect(listTopLevelKeys(text)).toEqual(['b', '2', 'aA', '__proto__']);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['2', 'b', 'aA', '__proto__']);
  });
});
