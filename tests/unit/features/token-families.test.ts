import { describe, expect, it } from 'vitest';
import { countForFamily, groupTokenFamilies } from '../../../src/features/catalog/token-families';
import type { Model } from '../../../src/domain/scenario-schema';
import { makePerTokenModel } from '../../factories/model-builders';

function model(id: string, provider: string, name: string, tokenizerFactor = 1): Model {
  return makePerTokenModel(id, { inputPerMTok: 1, outputPerMTok: 1 }, { provider, name, tokenizerFactor });
}

const CATALOG: Model[] = [
  model('openai:gpt-4o', 'OpenAI', 'GPT-4o'),
  model('openai:gpt-4-turbo', 'OpenAI', 'GPT-4 Turbo'),
  model('openai:gpt-3.5-turbo', 'OpenAI', 'GPT-3.5 Turbo'),
  model('bedrock:gpt-oss-120b', 'OpenAI', 'gpt-oss-120b'),
  model('bedrock:llama-3.1-70b@us', 'Meta', 'Llama 3.1 70B'),
  model('bedrock:llama-4-scout@us', 'Meta', 'Llama 4 Scout'),
  model('bedrock:mixtral-8x7b', 'Mistral AI', 'Mixtral 8x7B'),
  model('seed:bedrock-mistral-7b', 'Mistral AI', 'Mistral 7B'),
  model('mistral:mistral-large-3', 'Mistral AI', 'Mistral Large 3'),
  model('bedrock:claude-opus-4-7', 'Anthropic', 'Claude Opus 4.7', 1.3),
  model('bedrock:claude-haiku-4-5', 'Anthropic', 'Claude Haiku 4.5'),
  model('bedrock:claude-sonnet-4-7', 'Anthropic', 'Claude Sonnet 4.7', 1.3),
];

function idsOf(familyId: string): string[] {
  const family = groupTokenFamilies(CATALOG).find((f) => f.id === familyId);
  return family ? family.models.map((m) => m.id) : [];
}

describe('groupTokenFamilies', () => {
  it('puts each model under its real tokenizer where one ships', () => {
    expect(idsOf('openai-o200k')).toEqual(['openai:gpt-4o', 'bedrock:gpt-oss-120b']);
    expect(idsOf('openai-cl100k')).toEqual(['openai:gpt-4-turbo', 'openai:gpt-3.5-turbo']);
    expect(idsOf('llama3')).toEqual(['bedrock:llama-3.1-70b@us']);
    expect(idsOf('mistral-v1')).toEqual(['bedrock:mixtral-8x7b', 'seed:bedrock-mistral-7b']);
  });

  it('groups every other model by provider and tokenizer factor, counted by o200k_base', () => {
    const families = groupTokenFamilies(CATALOG);
    const estimated = families.filter((family) => family.factor !== null);
    expect(estimated.map((family) => [family.label, family.models.length])).toEqual([
      ['Meta, tokenizer factor ×1', 1],
      ['Mistral AI, tokenizer factor ×1', 1],
      ['Anthropic, tokenizer factor ×1.3', 2],
      ['Anthropic, tokenizer factor ×1', 1],
    ]);
    expect(estimated.every((family) => family.tokenizer === 'o200k_base')).toBe(true);
  });

  it('lists the four real tokenizers even when the catalog has none of their models', () => {
    const families = groupTokenFamilies([]);
    expect(families.map((family) => [family.tokenizer, family.factor, family.models.length])).toEqual([
      ['cl100k_base', null, 0],
      ['o200k_base', null, 0],
      ['llama3', null, 0],
      ['mistral-v1', null, 0],
    ]);
  });
});

describe('countForFamily', () => {
  it('keeps an exact count and scales an estimate by the factor, to whole tokens', () => {
    expect(countForFamily({ factor: null }, 1000)).toBe(1000);
    // 1,000 o200k_base tokens × 1.3 = 1,300 Claude 4.7 tokens.
    expect(countForFamily({ factor: 1.3 }, 1000)).toBe(1300);
    // 7 × 1.3 = 9.1 → 9.
    expect(countForFamily({ factor: 1.3 }, 7)).toBe(9);
  });
});
