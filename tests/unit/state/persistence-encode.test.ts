import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/domain/scenario-schema';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { serializeScenario } from '../../../src/io/scenario-file';
import { PERSIST_VERSION, decodePersisted, encodePersisted } from '../../../src/state/persistence';
import type { PersistedState } from '../../../src/state/persistence';
import { makeSmallScenario } from '../../factories/small-scenario';
import { makeTwoSliceScenario } from '../../factories/two-slice-scenario';

function valid(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** The envelope as one `JSON.stringify` of the whole object writes it. */
function referenceText(state: PersistedState, revision: number): string {
  return JSON.stringify({
    version: PERSIST_VERSION,
    revision,
    library: state.library.map((entry) => ({
      id: entry.id,
      scenario: JSON.parse(serializeScenario(entry.scenario)) as unknown,
    })),
    activeId: state.activeId,
    ui: state.ui,
  });
}

describe('encodePersisted, each scenario written once per object', () => {
  const small = valid(makeSmallScenario());
  const two = valid({ ...makeTwoSliceScenario(), name: 'Quote " and \\ and “curly” and "library":[]' });
  const state: PersistedState = {
    library: [
      { id: 'a "quoted" id', scenario: small },
      { id: 'two', scenario: two },
    ],
    activeId: 'two',
    ui: { theme: 'dark', priceUnit: 'per-thousand' },
  };

  it('writes exactly the text of JSON.stringify on the envelope, and reads back', () => {
    expect(encodePersisted(state, 7)).toBe(referenceText(state, 7));
    // Asked again for the same objects, the remembered texts give the same envelope.
    expect(encodePersisted(state, 7)).toBe(referenceText(state, 7));
    const decoded = decodePersisted(encodePersisted(state, 7));
    expect(decoded.ok && decoded.revision).toBe(7);
    expect(decoded.ok && decoded.state.library.map((entry) => entry.scenario)).toEqual([small, two]);
  });

  it('writes an edited scenario’s new text, the others as before', () => {
    encodePersisted(state, 1);
    const renamed = { ...small, name: 'Renamed' };
    const edited: PersistedState = {
      ...state,
      library: [{ id: 'a "quoted" id', scenario: renamed }, state.library[1]!],
    };
    const text = encodePersisted(edited, 2);
    expect(text).toBe(referenceText(edited, 2));
    expect(text).toContain('"name":"Renamed"');
  });
});
