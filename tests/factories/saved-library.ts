import type { Scenario } from '../../src/domain/scenario-schema';
import { validateScenario } from '../../src/domain/validate-scenario';
import type { PersistedState } from '../../src/io/persisted-envelope';
import { makeSmallScenario } from './small-scenario';

/** The small scenario, validated (its defaults filled), as the store holds it. */
export function makeValidSmallScenario(): Scenario {
  const validated = validateScenario(makeSmallScenario());
  if (!validated.ok) throw new Error('fixture invalid');
  return validated.value;
}

/** A saved state of two scenarios, the second open. */
export function makeLibraryState(): PersistedState {
  return {
    library: [
      { id: 'scenario-1', scenario: makeValidSmallScenario() },
      { id: 'scenario-2', scenario: { ...makeValidSmallScenario(), name: 'Second' } },
    ],
    activeId: 'scenario-2',
    ui: { theme: 'light', priceUnit: 'per-million' },
  };
}
