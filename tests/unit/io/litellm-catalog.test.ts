import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/domain/scenario-schema';
import { parseCatalogText, summarizeCatalogImport } from '../../../src/io/catalog-import';
import {
  listTopLevelKeys,
  LITELLM_SOURCE_LABEL,
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
    expect(result.imported).toBe(9);
    expect(result.skipped).toBe(16);
    expect(result.models).toHaveLength(9);
    expect(summarizeCatalogImport(result)).toBe('Imported 9 models from LiteLLM format; skipped 16 entries.');
  });

  it('keeps the file order, including keys that look like array indexes', () => {
    expect(importFixture().models.map((m) => m.id)).toEqual([
      'gpt-4o',
      'anthropic.claude-3-5-sonnet-20240620-v1:0',
      'bedrock/us-east-1/meta.llama3-8b-instruct-v1:0',
      'gpt-3.5-turbo-instruct',
      '__proto__',
      'constructor',
      'free-model',
      '42',
      '<script>alert(1)</script>',
    ]);
  });

  it('lists every skipped key in file order: sample_spec, other modes, non-objects, bad or missing fields', () => {
    expect(importFixture().skippedKeys).toEqual([
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
    ]);
  });

  it('turns per-token prices into exact per-MTok prices, cache prices and the batch discount', () => {
    const models = importFixture().models;
    // gpt-4o: 2.5e-6 and 1e-5 per token → $2.50 and $10 per MTok; cache read 1.25e-6 → $1.25;
    // batch 1.25e-6 against 2.5e-6 → discount 1 − 1.25/2.5 = 0.5.
    expect(findModel(models, 'gpt-4o')).toEqual({
      id: 'gpt-4o',
      name: 'gpt-4o',
      provider: 'openai',
      platform: 'openai',
      pricing: {
        kind: 'per-token',
        inputPerMTok: 2.5,
        outputPerMTok: 10,
        cacheWritePerMTok: null,
        cacheReadPerMTok: 1.25,
        batchDiscount: 0.5,
      },
      contextWindow: 128000,
      quality: 0,
      outputTokenFactor: 1,
      openWeight: false,
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
    });
  });

  it('maps any bedrock… provider to the bedrock platform and keeps the provider as written', () => {
    const models = importFixture().models;
    const llama = findModel(models, 'bedrock/us-east-1/meta.llama3-8b-instruct-v1:0');
    expect(llama.provider).toBe('bedrock_converse');
    expect(llama.platform).toBe('bedrock');
    expect(findModel(models, 'anthropic.claude-3-5-sonnet-20240620-v1:0').platform).toBe('bedrock');
    expect(findModel(models, 'gpt-3.5-turbo-instruct').platform).toBe('text-completion-openai');
  });

  it('leaves the batch discount unset when the input price is 0', () => {
    const free = findModel(importFixture().models, 'free-model');
    expect(free.pricing).toEqual({
      kind: 'per-token',
      inputPerMTok: 0,
      outputPerMTok: 0,
      cacheWritePerMTok: null,
      cacheReadPerMTok: null,
      batchDiscount: null,
    });
  });

  it('keeps __proto__ and constructor as ordinary ids without touching any prototype', () => {
    const models = importFixture().models;
    const proto = findModel(models, '__proto__');
    expect(Object.hasOwn(proto, 'id')).toBe(true);
    expect(proto.name).toBe('__proto__');
    expect(proto.pricing.kind === 'per-token' && proto.pricing.inputPerMTok).toBe(0.1);
    expect(proto.contextWindow).toBe(32000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });

  it('keeps markup in names as plain text', () => {
    const model = findModel(importFixture().models, '<script>alert(1)</script>');
    expect(model.name).toBe('<script>alert(1)</script>');
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

  it('takes the last value of a key written twice, at its first place', () => {
    const text = `{
      "a": { "input_cost_per_token": 1e-6, "output_cost_per_token": 1e-6, "litellm_provider": "x", "mode": "chat" },
      "b": { "input_cost_per_token": 1e-6, "output_cost_per_token": 1e-6, "litellm_provider": "x", "mode": "chat" },
      "a": { "input_cost_per_token": 5e-6, "output_cost_per_token": 1e-6, "litellm_provider": "x", "mode": "chat" }
    }`;
    const result = parseCatalogText(text, { importedAt });
    expect(
      result.ok && result.models.map((m) => [m.id, m.pricing.kind === 'per-token' && m.pricing.inputPerMTok]),
    ).toEqual([
      ['a', 5],
      ['b', 1],
    ]);
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
