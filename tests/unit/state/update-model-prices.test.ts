import { describe, expect, it } from 'vitest';
import type { Model, Scenario } from '../../../src/domain/scenario-schema';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { updateModelPrices } from '../../../src/state/scenario-edits';

function load(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const scenario = load({
  schemaVersion: 1,
  catalog: [
    {
      id: '__proto__',
      name: 'Proto',
      provider: 'P',
      platform: 'x',
      pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 2 },
      quality: 70,
      source: { label: 'seed', asOf: '2026' },
    },
    {
      id: 'constructor',
      name: 'Ctor',
      provider: 'P',
      platform: 'x',
      pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 1 },
    },
  ],
  traffic: [{ id: 's', name: 'S', requestsPerMonth: 1, inputTokens: 1, outputTokens: 1 }],
  strategies: [{ id: 'one', name: 'One', kind: 'single', model: '__proto__' }],
});

function update(id: string, source?: Model['source']): Model {
  return {
    id,
    name: 'ignored',
    provider: 'ignored',
    platform: 'ignored',
    pricing: {
      kind: 'per-token',
      inputPerMTok: 5,
      outputPerMTok: 6,
      cacheWritePerMTok: null,
      cacheReadPerMTok: 0.5,
      batchDiscount: 0.5,
      cacheWrite1hPerMTok: null,
      minCachePrefixTokens: 0,
      batchCaching: true,
      longContext: null,
    },
    contextWindow: 1,
    quality: 0,
    outputTokenFactor: 2,
    openWeight: true,
    region: null,
    tokenizerFactor: 1,
    reasoning: false,
    priceKey: null,
    retiresOn: null,
    ...(source && { source }),
  };
}

describe('updateModelPrices', () => {
  it('takes only the pricing and source of matching ids ("__proto__" included)', () => {
    const source = { label: 'Imported from p.csv', asOf: '2027-03-14' };
    const next = updateModelPrices(scenario, [update('__proto__', source), update('unknown', source)]);
    expect(next.catalog.map((m) => m.id)).toEqual(['__proto__', 'constructor']);
    expect(next.catalog[0]).toEqual({ ...scenario.catalog[0], pricing: update('x').pricing, source });
    expect(next.catalog[1]).toBe(scenario.catalog[1]);
    expect(validateScenario(next).ok).toBe(true);
  });

  it('drops the old source when the update has none (it described the old price)', () => {
    const next = updateModelPrices(scenario, [update('__proto__')]);
    expect(next.catalog[0]?.source).toBeUndefined();
    expect(Object.hasOwn(next.catalog[0]!, 'source')).toBe(false);
  });

  it('changes nothing for an empty list', () => {
    expect(updateModelPrices(scenario, []).catalog).toEqual(scenario.catalog);
  });
});
