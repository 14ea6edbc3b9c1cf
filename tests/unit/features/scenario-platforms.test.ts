import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/domain/scenario-schema';
import { formatIssue, validateScenario } from '../../../src/domain/validate-scenario';
import { listScenarioPlatforms } from '../../../src/features/runway/runway-figures';
import { makeSmallScenario } from '../../factories/small-scenario';

function load(input: ReturnType<typeof makeSmallScenario>): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('; '));
  return result.value;
}

describe('listScenarioPlatforms', () => {
  it('lists the platforms the strategies route to and the fixed costs’ platforms, not the whole catalog', () => {
    const base = makeSmallScenario();
    const unused = Array.from({ length: 40 }, (_, i) => ({
      id: `unused-${i}`,
      name: `Unused ${i}`,
      provider: 'X',
      platform: `host-${i}`,
      pricing: { kind: 'per-token' as const, inputPerMTok: 1, outputPerMTok: 1 },
    }));
    const scenario = load({
      ...base,
      schemaVersion: 3,
      catalog: [...base.catalog, { ...base.catalog[0]!, id: 'direct', platform: 'anthropic' }, ...unused],
      strategies: [...base.strategies, { id: 'direct', name: 'Direct', kind: 'single', model: 'direct' }],
      fixedCosts: [{ id: 'gpu', name: 'GPU control plane', platform: 'aws', monthlyAmount: 100 }],
    } as ReturnType<typeof makeSmallScenario>);
    expect(listScenarioPlatforms(scenario)).toEqual(['bedrock', 'aws', 'anthropic']);
  });
});
