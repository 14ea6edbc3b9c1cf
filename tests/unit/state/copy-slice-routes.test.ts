import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/domain/scenario-schema';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { copySliceRoutes } from '../../../src/state/scenario-edits';

function load(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const base = load({
  schemaVersion: 1,
  catalog: [
    {
      id: 'a',
      name: 'A',
      provider: 'P',
      platform: 'x',
      pricing: { kind: 'per-token', inputPerMTok: 1, outputPerMTok: 1 },
    },
    {
      id: 'b',
      name: 'B',
      provider: 'P',
      platform: 'x',
      pricing: { kind: 'per-token', inputPerMTok: 2, outputPerMTok: 2 },
    },
  ],
  traffic: [
    { id: '__proto__', name: 'Odd id', requestsPerMonth: 1, inputTokens: 1, outputTokens: 1 },
    { id: 'copy', name: 'Copy', requestsPerMonth: 1, inputTokens: 1, outputTokens: 1 },
  ],
  strategies: [
    { id: 'single', name: 'Single', kind: 'single', model: 'a' },
    { id: 'assign', name: 'Assign', kind: 'assign', routes: { ['__proto__']: 'b' }, fallback: 'a' },
    {
      id: 'cascade',
      name: 'Cascade',
      kind: 'cascade',
      routes: { ['__proto__']: { steps: ['a', 'b'], escalation: [0.2] } },
      fallback: 'a',
    },
    {
      id: 'router',
      name: 'Router',
      kind: 'router',
      routes: { ['__proto__']: { a: 0.3, b: 0.7 } },
      fallback: 'a',
    },
  ],
});

describe('copySliceRoutes', () => {
  it('copies the route of one slice to another in every routing strategy', () => {
    const next = copySliceRoutes(base, '__proto__', 'copy');
    expect(validateScenario(next).ok).toBe(true);
    const [, assign, cascade, router] = next.strategies;
    expect(assign?.kind === 'assign' && assign.routes['copy']).toBe('b');
    expect(cascade?.kind === 'cascade' && cascade.routes['copy']).toEqual({
      steps: ['a', 'b'],
      escalation: [0.2],
    });
    expect(router?.kind === 'router' && { ...router.routes['copy'] }).toEqual({ a: 0.3, b: 0.7 });
    // The copy is its own object: editing it leaves the original alone.
    expect(cascade?.kind === 'cascade' && cascade.routes['copy'] !== cascade.routes['__proto__']).toBe(true);
  });

  it('copies only where the filter accepts, and leaves unrouted slices alone', () => {
    const next = copySliceRoutes(base, '__proto__', 'copy', (strategy) => strategy.id === 'router');
    const [, assign, , router] = next.strategies;
    expect(assign?.kind === 'assign' && Object.hasOwn(assign.routes, 'copy')).toBe(false);
    expect(router?.kind === 'router' && Object.hasOwn(router.routes, 'copy')).toBe(true);
    expect(copySliceRoutes(base, 'copy', 'other')).toEqual(base);
  });
});
