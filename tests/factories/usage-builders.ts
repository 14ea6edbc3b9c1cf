/**
 * Usage records for tests of the usage plan: rows summed as a reader would, and a small catalog with a
 * Claude-Sonnet-like row (every cache price, a 1,024-token minimum prefix) and a cheap row without caching.
 */
import type { Scenario } from '../../src/domain/scenario-schema';
import { addUsageRow, emptyTokens } from '../../src/domain/usage-records';
import type { CostClass, TokenCounts, UsageRecord, UsageRow } from '../../src/domain/usage-records';
import { createPerTokenModel, createScenario, createSlice } from './scenario-builders';

/** A usage row with every field defaulted: no region, no labels, not batch, no cost. */
export function makeUsageRow(
  month: string,
  model: string | null,
  tokens: Partial<TokenCounts>,
  extra: Partial<Omit<UsageRow, 'month' | 'model' | 'tokens'>> = {},
): UsageRow {
  return {
    month,
    model,
    platform: 'bedrock',
    region: null,
    groups: { tag: null, project: null, apiKey: null },
    batch: false,
    requests: null,
    cost: null,
    costClass: 'tokens' satisfies CostClass,
    ...extra,
    tokens: { ...emptyTokens(), ...tokens },
  };
}

/** Rows summed into records, as a reader sums them. */
export function sumUsageRows(rows: readonly UsageRow[]): UsageRecord[] {
  const records = new Map<string, UsageRecord>();
  for (const row of rows) addUsageRow(records, row);
  return [...records.values()];
}

/**
 * A scenario whose catalog has `acme:sonnet` (price key `acme-sonnet-1`: $3 in, $15 out, read $0.30, write $3.75,
 * 1-hour write $6, batch −50 %, minimum prefix 1,024) and `acme:mini` (price key `acme-mini`: $0.15 / $0.60,
 * batch −50 %, no caching), one old slice and an assign strategy with no fallback.
 */
export function makeUsageBaseScenario(): Scenario {
  return createScenario({
    schemaVersion: 3,
    catalog: [
      createPerTokenModel(
        'acme:sonnet',
        {
          inputPerMTok: 3,
          outputPerMTok: 15,
          cacheReadPerMTok: 0.3,
          cacheWritePerMTok: 3.75,
          cacheWrite1hPerMTok: 6,
          batchDiscount: 0.5,
          minCachePrefixTokens: 1024,
        },
        { name: 'Acme Sonnet', priceKey: 'acme-sonnet-1', quality: 80 },
      ),
      createPerTokenModel(
        'acme:mini',
        { inputPerMTok: 0.15, outputPerMTok: 0.6, batchDiscount: 0.5 },
        { name: 'Acme Mini', priceKey: 'acme-mini', quality: 40 },
      ),
    ],
    traffic: [createSlice('old', { requestsPerMonth: 10, inputTokens: 100, outputTokens: 10 })],
    strategies: [
      { id: 'all-mini', name: 'All on Mini', kind: 'single', model: 'acme:mini' },
      { id: 'old-assign', name: 'Old assignment', kind: 'assign', routes: { old: 'acme:mini' } },
      { id: 'cheapest', name: 'Cheapest meeting bar', kind: 'cheapest-meeting-bar' },
    ],
  });
}
