import type { z } from 'zod';
import type { ScenarioInput, modelSchema } from '../../src/domain/scenario-schema';
import { makeSmallScenario } from './small-scenario';

/**
 * The small scenario with `count` models in its catalog (an imported LiteLLM file is about this size): the
 * two the strategies use, then generated per-token models over five providers and three platforms.
 */
export function makeLargeCatalogScenario(count: number): ScenarioInput {
  const scenario = makeSmallScenario();
  const providers = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'];
  const platforms = ['bedrock', 'vertex', 'azure'];
  const extra = Array.from({ length: Math.max(0, count - scenario.catalog.length) }, (_, i) => ({
    id: `generated-${i}`,
    name: `Generated model ${i}`,
    provider: providers[i % providers.length] ?? 'Acme',
    platform: platforms[i % platforms.length] ?? 'bedrock',
    pricing: { kind: 'per-token' as const, inputPerMTok: (i % 50) / 10, outputPerMTok: (i % 70) / 5 },
    quality: i % 100,
  }));
  return { ...scenario, catalog: [...scenario.catalog, ...extra] };
}

/**
 * `count` synthetic per-token models on a handful of platforms, deterministic, for size and speed checks
 * (the size of an imported LiteLLM price list).
 */
export function makeLargeCatalog(count: number): z.input<typeof modelSchema>[] {
  const platforms = ['bedrock', 'openai', 'anthropic', 'mistral', 'vertex_ai', 'azure'];
  return Array.from({ length: count }, (_, i) => {
    const platform = platforms[i % platforms.length]!;
    const inputPerMTok = 0.05 + ((i * 37) % 400) / 40;
    return {
      id: `synthetic:${platform}:model-${i}`,
      name: `Synthetic model ${i}`,
      provider: `Provider ${i % 40}`,
      platform,
      pricing: {
        kind: 'per-token' as const,
        inputPerMTok,
        outputPerMTok: inputPerMTok * 4,
        cacheReadPerMTok: i % 3 === 0 ? inputPerMTok / 10 : null,
        batchDiscount: i % 2 === 0 ? 0.5 : null,
      },
      contextWindow: 8000 * (1 + (i % 16)),
      quality: 30 + ((i * 53) % 65),
      openWeight: i % 5 === 0,
      source: { label: 'synthetic benchmark model', asOf: '2026' },
    };
  });
}
