import type { ScenarioInput } from '../../src/domain/scenario-schema';
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
