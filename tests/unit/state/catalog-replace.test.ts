import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/domain/scenario-schema';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { parseShippedCatalog, shippedCatalogQueryOptions } from '../../../src/queries/catalog-queries';
import { findModelsKeptOnReplace, replaceCatalog } from '../../../src/state/scenario-edits';
import { makeSmallScenario } from '../../factories/small-scenario';

function loadSmallScenario() {
  const result = validateScenario(makeSmallScenario());
  if (!result.ok) throw new Error('small scenario is invalid');
  return result.value;
}

const shipped: Model[] = [
  {
    id: 'dear',
    name: 'Dear model (shipped)',
    provider: 'Acme',
    platform: 'bedrock',
    pricing: {
      kind: 'per-token',
      inputPerMTok: 4,
      outputPerMTok: 16,
      cacheWritePerMTok: null,
      cacheReadPerMTok: null,
      batchDiscount: null,
      cacheWrite1hPerMTok: null,
      minCachePrefixTokens: 0,
      batchCaching: true,
      longContext: null,
    },
    contextWindow: null,
    quality: 90,
    outputTokenFactor: 1,
    openWeight: false,
    region: null,
    tokenizerFactor: 1,
    reasoning: false,
    priceKey: null,
    retiresOn: null,
  },
];

describe('replaceCatalog', () => {
  it('takes the new catalog and keeps only the models a strategy still names', () => {
    const scenario = loadSmallScenario();
    // "cheap" is used by "All on cheap" and not shipped: kept. "dear" is shipped: the shipped entry wins.
    expect(findModelsKeptOnReplace(scenario, shipped).map((m) => m.id)).toEqual(['cheap']);
    const next = replaceCatalog(scenario, shipped);
    expect(next.catalog.map((m) => m.id)).toEqual(['dear', 'cheap']);
    expect(next.catalog[0]?.name).toBe('Dear model (shipped)');
    expect(validateScenario(next).ok).toBe(true);
  });

  it('drops unused models', () => {
    const scenario = loadSmallScenario();
    const unused = { ...shipped[0]!, id: 'spare', name: 'Spare' };
    const withSpare = { ...scenario, catalog: [...scenario.catalog, unused] };
    expect(replaceCatalog(withSpare, shipped).catalog.map((m) => m.id)).toEqual(['dear', 'cheap']);
  });
});

describe('parseShippedCatalog', () => {
  it('reports every invalid entry with its index and field', () => {
    const bad = [{ ...shipped[0], pricing: { ...shipped[0]!.pricing, inputPerMTok: -1 } }, { id: '' }];
    expect(() => parseShippedCatalog(bad, 'catalog.json')).toThrow(
      /catalog\.json is invalid: \[0\]\.pricing\.inputPerMTok: must be 0 or more; \[1\]\.id/,
    );
  });

  it('refuses duplicate ids and non-lists', () => {
    expect(() => parseShippedCatalog([shipped[0], shipped[0]], 'c.json')).toThrow(
      /\[1\]\.id: "dear" is used twice/,
    );
    expect(() => parseShippedCatalog({}, 'c.json')).toThrow(/must be a list/);
  });
});

describe('shippedCatalogQueryOptions', () => {
  it('loads data/catalog.json, every entry valid', async () => {
    const options = shippedCatalogQueryOptions();
    const queryFn = options.queryFn as () => Promise<Model[]>;
    const models = await queryFn();
    expect(models.length).toBeGreaterThan(0);
    expect(new Set(models.map((m) => m.id)).size).toBe(models.length);
  });
});
