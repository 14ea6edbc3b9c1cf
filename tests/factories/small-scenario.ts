import type { ScenarioInput } from '../../src/domain/scenario-schema';

/**
 * A small scenario whose figures are easy to check by hand (see the comments).
 *
 * One slice, 1,000,000 requests/month, 1,000 input + 100 output tokens, no caching, no batch:
 *   on "cheap" (1 / 2 $/MTok):  1,000·1e-6 + 100·2e-6 = $0.0012 per request → $1,200 a month
 *   on "dear"  (3 / 15 $/MTok): 1,000·3e-6 + 100·15e-6 = $0.0045 per request → $4,500 a month
 */
export function makeSmallScenario(): ScenarioInput {
  return {
    schemaVersion: 1,
    name: 'Small test scenario',
    horizonMonths: 12,
    startMonth: '2027-01',
    options: { batch: true, caching: true, peakToAverage: 2 },
    catalog: [
      {
        id: 'cheap',
        name: 'Cheap model',
        provider: 'Acme',
        platform: 'bedrock',
        pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 2 },
        quality: 50,
      },
      {
        id: 'dear',
        name: 'Dear model',
        provider: 'Acme',
        platform: 'bedrock',
        pricing: { kind: 'per-token', inputPerMTok: 3, outputPerMTok: 15 },
        quality: 90,
      },
    ],
    traffic: [
      { id: 'main', name: 'Main traffic', requestsPerMonth: 1_000_000, inputTokens: 1000, outputTokens: 100 },
    ],
    strategies: [
      { id: 'all-dear', name: 'All on dear', kind: 'single', model: 'dear' },
      { id: 'all-cheap', name: 'All on cheap', kind: 'single', model: 'cheap' },
    ],
    credits: [{ id: 'pool', name: 'Pool', amount: 10_000, appliesTo: ['bedrock'] }],
    finance: { cashOnHand: 100_000, otherMonthlyBurn: 10_000 },
  };
}
