import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { makeSmallScenario } from './small-scenario';

/**
 * The small scenario (see small-scenario.ts: "cheap" 1/2 $/MTok costs $1,200 a month on its one slice) with a
 * catalog of five models over three providers and three platforms, one of them capacity-billed and one a seed
 * figure, and a cascade strategy so that "dear" is used by two strategies.
 */
export function makeCatalogScenario(): ScenarioInput {
  const scenario = makeSmallScenario();
  return {
    ...scenario,
    catalog: [
      ...scenario.catalog,
      {
        id: 'mistral-small',
        name: 'Mistral Small',
        provider: 'Mistral AI',
        platform: 'mistral',
        pricing: { kind: 'per-token', inputPerMTok: 0.2, outputPerMTok: 0.6, batchDiscount: 0.5 },
        contextWindow: 32000,
        quality: 70,
        openWeight: true,
        source: { label: 'seed: Mistral La Plateforme prices', asOf: '2026-03' },
      },
      {
        id: 'sonnet',
        name: 'Claude Sonnet',
        provider: 'Anthropic',
        platform: 'bedrock',
        pricing: {
          kind: 'per-token',
          inputPerMTok: 3,
          outputPerMTok: 15,
          cacheWritePerMTok: 3.75,
          cacheReadPerMTok: 0.3,
          batchDiscount: 0.5,
        },
        contextWindow: 200000,
        quality: 88,
        source: { label: 'AWS Bedrock public pricing page', asOf: '2025' },
      },
      {
        id: 'self-7b',
        name: 'Mistral 7B (self-hosted)',
        provider: 'Mistral AI',
        platform: 'self-hosted',
        pricing: { kind: 'capacity', hourlyPerUnit: 1.006, tokensPerMinutePerUnit: 60000, minUnits: 1 },
        quality: 60,
        openWeight: true,
      },
    ],
    strategies: [
      ...scenario.strategies,
      {
        id: 'cascade',
        name: 'Cheap first, escalate',
        kind: 'cascade',
        routes: { main: { steps: ['cheap', 'dear'], escalation: [0.1] } },
      },
    ],
  };
}
