import { describe, expect, it } from 'vitest';
import { describeLitellmKey, normaliseLitellmPlatform } from '../../../src/io/litellm-names';

describe('describeLitellmKey', () => {
  it.each([
    // [key, litellm_provider, name, maker, platform]
    [
      'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'bedrock_converse',
      'Claude Sonnet 4.5 — Bedrock, global',
      'Anthropic',
      'bedrock',
    ],
    ['gpt-4o', 'openai', 'GPT-4o — OpenAI', 'OpenAI', 'openai'],
    ['us.meta.llama3-3-70b-instruct-v1:0', 'bedrock', 'Llama 3.3 70B — Bedrock, us', 'Meta', 'bedrock'],
    ['claude-sonnet-4-5-20250929', 'anthropic', 'Claude Sonnet 4.5 — Anthropic', 'Anthropic', 'anthropic'],
    [
      'anthropic.claude-3-5-sonnet-20240620-v1:0',
      'bedrock',
      'Claude 3.5 Sonnet — Bedrock',
      'Anthropic',
      'bedrock',
    ],
    ['eu.amazon.nova-pro-v1:0', 'bedrock_converse', 'Nova Pro — Bedrock, eu', 'Amazon', 'bedrock'],
    ['amazon.nova-2-lite-v1:0', 'bedrock_converse', 'Nova 2 Lite — Bedrock', 'Amazon', 'bedrock'],
    ['deepseek.v3.2', 'bedrock_converse', 'DeepSeek V3.2 — Bedrock', 'DeepSeek', 'bedrock'],
    ['us.deepseek.r1-v1:0', 'bedrock_converse', 'DeepSeek R1 — Bedrock, us', 'DeepSeek', 'bedrock'],
    ['openai.gpt-oss-120b-1:0', 'bedrock_converse', 'gpt-oss-120b — Bedrock', 'OpenAI', 'bedrock'],
    ['qwen.qwen3-coder-30b-a3b-v1:0', 'bedrock_converse', 'Qwen3 Coder 30B A3B — Bedrock', 'Qwen', 'bedrock'],
    ['google.gemma-3-4b-it', 'bedrock_converse', 'Gemma 3 4B — Bedrock', 'Google', 'bedrock'],
    ['cohere.command-r-plus-v1:0', 'bedrock', 'Command R Plus — Bedrock', 'Cohere', 'bedrock'],
    ['ai21.jamba-1-5-mini-v1:0', 'bedrock', 'Jamba 1.5 Mini — Bedrock', 'AI21', 'bedrock'],
    [
      'bedrock/eu-west-3/mistral.mistral-large-2402-v1:0',
      'bedrock',
      'Mistral Large 2402 — Bedrock, eu-west-3',
      'Mistral AI',
      'bedrock',
    ],
    [
      'bedrock/us-east-1/1-month-commitment/anthropic.claude-instant-v1',
      'bedrock',
      'Claude Instant — Bedrock, us-east-1, 1-month commitment',
      'Anthropic',
      'bedrock',
    ],
    ['bedrock_mantle/openai.gpt-oss-20b', 'bedrock_mantle', 'gpt-oss-20b — Bedrock', 'OpenAI', 'bedrock'],
    ['mistral/mistral-large-latest', 'mistral', 'Mistral Large — Mistral', 'Mistral AI', 'mistral'],
    ['mistral/open-mixtral-8x7b', 'mistral', 'Open Mixtral 8x7B — Mistral', 'Mistral AI', 'mistral'],
    ['gemini/gemini-2.5-pro', 'gemini', 'Gemini 2.5 Pro — Gemini API', 'Google', 'google'],
    ['gemini-2.0-flash-001', 'vertex_ai-language-models', 'Gemini 2.0 Flash — Vertex AI', 'Google', 'google'],
    ['claude-opus-4-1', 'vertex_ai-anthropic_models', 'Claude Opus 4.1 — Vertex AI', 'Anthropic', 'google'],
    ['gpt-4.1-mini-2025-04-14', 'openai', 'GPT-4.1 mini — OpenAI', 'OpenAI', 'openai'],
    ['ft:gpt-4o-2024-08-06', 'openai', 'GPT-4o (fine-tuned) — OpenAI', 'OpenAI', 'openai'],
    ['o4-mini', 'openai', 'o4-mini — OpenAI', 'OpenAI', 'openai'],
    ['anthropic.claude-v2:1', 'bedrock', 'Claude V2.1 — Bedrock', 'Anthropic', 'bedrock'],
    ['groq/llama-3.3-70b-versatile', 'groq', 'Llama 3.3 70B Versatile — groq', 'Meta', 'groq'],
  ])('%s (%s) → %s', (key, provider, name, maker, platform) => {
    expect(describeLitellmKey(key, provider)).toEqual({ name, provider: maker, platform });
  });

  it('keeps an unknown key whole, markup and all, and falls back to LiteLLM’s provider as the maker', () => {
    expect(describeLitellmKey('<script>alert(1)</script>', 'somehost')).toEqual({
      name: '<script>alert(1)</script> — somehost',
      provider: 'somehost',
      platform: 'somehost',
    });
    expect(describeLitellmKey('__proto__', 'openai').name).toBe('__proto__ — OpenAI');
  });
});

describe('normaliseLitellmPlatform', () => {
  it.each([
    ['bedrock', 'bedrock'],
    ['bedrock_converse', 'bedrock'],
    ['bedrock_mantle', 'bedrock'],
    ['openai', 'openai'],
    ['text-completion-openai', 'openai'],
    ['anthropic', 'anthropic'],
    ['mistral', 'mistral'],
    ['text-completion-codestral', 'mistral'],
    ['vertex_ai', 'google'],
    ['vertex_ai-language-models', 'google'],
    ['gemini', 'google'],
    ['azure_ai', 'azure'],
    ['fireworks_ai', 'fireworks_ai'],
  ])('%s → %s', (provider, platform) => {
    expect(normaliseLitellmPlatform(provider)).toBe(platform);
  });
});
