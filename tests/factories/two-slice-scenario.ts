import type { ScenarioInput } from '../../src/domain/scenario-schema';
import { makeSmallScenario } from './small-scenario';

/**
 * The small scenario's two models (see small-scenario.ts), with "dear" moved to another provider on a direct
 * platform, and a second slice. No credits. Figures easy to check by hand:
 *
 *   main: 1,000,000 requests, 1,000 in + 100 out
 *     cheap (1 / 2 $/MTok):  1,000·1e-6 + 100·2e-6 = $0.0012 → $1,200 a month
 *     dear  (3 / 15 $/MTok): 1,000·3e-6 + 100·15e-6 = $0.0045 → $4,500 a month
 *   hard: 250,000 requests, 2,000 in + 400 out, quality bar 80
 *     cheap: 2,000·1e-6 + 400·2e-6 = $0.0028 → $700 a month
 *     dear:  2,000·3e-6 + 400·15e-6 = $0.012 → $3,000 a month
 *
 * Strategies: "all-cheap" $1,900 a month (hard misses its bar: cheap scores 50); "mixed" (assign, no fallback:
 * main → cheap, hard → dear) $4,200 a month.
 */
export function makeTwoSliceScenario(): ScenarioInput {
  const small = makeSmallScenario();
  return {
    ...small,
    name: 'Two-slice test scenario',
    catalog: small.catalog.map((model) =>
      model.id === 'dear' ? { ...model, provider: 'Beta Labs', platform: 'direct' } : model,
    ),
    traffic: [
      ...small.traffic,
      {
        id: 'hard',
        name: 'Hard',
        requestsPerMonth: 250_000,
        inputTokens: 2000,
        outputTokens: 400,
        qualityBar: 80,
      },
    ],
    strategies: [
      { id: 'all-cheap', name: 'All on cheap', kind: 'single', model: 'cheap' },
      { id: 'mixed', name: 'Mixed', kind: 'assign', routes: { main: 'cheap', hard: 'dear' } },
    ],
    credits: [],
  };
}
