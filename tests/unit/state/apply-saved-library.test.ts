import { afterEach, describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { updateSlice } from '../../../src/state/scenario-edits';
import { initialPlannerState, usePlannerStore } from '../../../src/state/scenario-store';
import { makeSmallScenario } from '../../factories/small-scenario';

afterEach(() => usePlannerStore.setState(initialPlannerState, true));

function scenario(name: string) {
  const validated = validateScenario({ ...makeSmallScenario(), name });
  if (!validated.ok) throw new Error('fixture invalid');
  return validated.value;
}

function loadTwo() {
  usePlannerStore.getState().loadLibrary(
    [
      { id: 'scenario-1', scenario: scenario('A') },
      { id: 'scenario-2', scenario: scenario('B') },
    ],
    'scenario-1',
  );
  usePlannerStore
    .getState()
    .edit((s) => updateSlice(s, 0, { ...s.traffic[0]!, requestsPerMonth: 2_000_000 }));
}

describe('taking a library merged with another tab’s save', () => {
  it('keeps the open scenario and its undo history when the merge left it as it was', () => {
    loadTwo();
    const { library, scenario: open } = usePlannerStore.getState();
    const merged = [library[0]!, { id: 'scenario-2', scenario: scenario('B edited elsewhere') }];
    usePlannerStore.getState().applySavedLibrary(merged);
    const state = usePlannerStore.getState();
    expect(state.library).toBe(merged);
    expect(state.scenario).toBe(open);
    expect(state.past).toHaveLength(1);
  });

  it('opens the stored version when the other tab changed the open scenario', () => {
    loadTwo();
    const theirs = scenario('A edited elsewhere');
    usePlannerStore
      .getState()
      .applySavedLibrary([{ id: 'scenario-1', scenario: theirs }, usePlannerStore.getState().library[1]!]);
    const state = usePlannerStore.getState();
    expect(state.activeId).toBe('scenario-1');
    expect(state.scenario).toBe(theirs);
    expect(state.past).toEqual([]);
  });

  it('opens the first scenario when the other tab deleted the open one', () => {
    loadTwo();
    const remaining = usePlannerStore.getState().library[1]!;
    usePlannerStore.getState().applySavedLibrary([remaining]);
    expect(usePlannerStore.getState().activeId).toBe('scenario-2');
    expect(usePlannerStore.getState().scenario).toBe(remaining.scenario);
  });
});
