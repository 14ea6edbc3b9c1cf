import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateSlice } from '../../../src/state/scenario-edits';
import {
  EDIT_GROUP_WINDOW_MS,
  initialPlannerState,
  usePlannerStore,
  withEditGroup,
} from '../../../src/state/scenario-store';
import { makeSmallScenario } from '../../factories/small-scenario';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-01-01T00:00:00Z'));
  const loaded = usePlannerStore.getState().commit(makeSmallScenario(), { recordHistory: false });
  expect(loaded.ok).toBe(true);
});

afterEach(() => {
  vi.useRealTimers();
  usePlannerStore.setState(initialPlannerState, true);
});

function setRequests(requestsPerMonth: number) {
  return usePlannerStore.getState().edit((s) => updateSlice(s, 0, { ...s.traffic[0]!, requestsPerMonth }));
}

function requests(): number | undefined {
  return usePlannerStore.getState().scenario?.traffic[0]?.requestsPerMonth;
}

/** Types `text` into a field of group `key` one keystroke at a time, `gapMs` apart, committing each prefix. */
function typeInGroup(key: string, text: string, gapMs = 100) {
  for (let length = 1; length <= text.length; length++) {
    vi.advanceTimersByTime(gapMs);
    withEditGroup(key, () => setRequests(Number(text.slice(0, length))));
  }
}

describe('edit groups', () => {
  it('makes one undo step of a field typed keystroke by keystroke', () => {
    typeInGroup('requests', '3000000');
    expect(requests()).toBe(3_000_000);
    // Seven commits (3, 30, … 3000000), one undo step.
    expect(usePlannerStore.getState().past).toHaveLength(1);
    usePlannerStore.getState().undo();
    expect(requests()).toBe(1_000_000);
    usePlannerStore.getState().redo();
    expect(requests()).toBe(3_000_000);
  });

  it('starts a new step after a pause longer than the window', () => {
    typeInGroup('requests', '2');
    vi.advanceTimersByTime(EDIT_GROUP_WINDOW_MS + 1);
    withEditGroup('requests', () => setRequests(25));
    expect(usePlannerStore.getState().past).toHaveLength(2);
    usePlannerStore.getState().undo();
    expect(requests()).toBe(2);
  });

  it('starts a new step when the field was left and typed in again, however quickly', () => {
    // 4, then Tab away and back (the app ends the group when focus leaves a field), then 45, all within the window.
    typeInGroup('requests', '4');
    usePlannerStore.getState().endEditGroup();
    typeInGroup('requests', '45');
    expect(usePlannerStore.getState().past).toHaveLength(2);
    usePlannerStore.getState().undo();
    expect(requests()).toBe(4);
    usePlannerStore.getState().undo();
    expect(requests()).toBe(1_000_000);
  });

  it('joins while each commit follows the previous one within the window, however long the burst', () => {
    // 10 keystrokes 1.2 s apart: 12 s in all, but never a gap over the window.
    typeInGroup('requests', '1234567890', 1200);
    expect(usePlannerStore.getState().past).toHaveLength(1);
  });

  it('starts a new step when another field, or a commit without a group, comes in between', () => {
    typeInGroup('requests', '2');
    withEditGroup('other', () => setRequests(4));
    withEditGroup('requests', () => setRequests(5));
    expect(usePlannerStore.getState().past).toHaveLength(3);
    setRequests(6);
    withEditGroup('requests', () => setRequests(7));
    expect(usePlannerStore.getState().past).toHaveLength(5);
  });

  it('starts a new step after an undo, and the grouped edit drops the redo branch', () => {
    typeInGroup('requests', '2');
    usePlannerStore.getState().undo();
    expect(usePlannerStore.getState().future).toHaveLength(1);
    withEditGroup('requests', () => setRequests(3));
    expect(usePlannerStore.getState().past).toHaveLength(1);
    expect(usePlannerStore.getState().future).toHaveLength(0);
    usePlannerStore.getState().undo();
    expect(requests()).toBe(1_000_000);
  });

  it('ignores a refused commit: the group goes on', () => {
    typeInGroup('requests', '2');
    const refused = withEditGroup('requests', () => setRequests(-1));
    expect(refused.ok).toBe(false);
    withEditGroup('requests', () => setRequests(20));
    expect(usePlannerStore.getState().past).toHaveLength(1);
  });

  it('takes the group from commit options too, and only for commits that record history', () => {
    const { commit } = usePlannerStore.getState();
    const base = usePlannerStore.getState().scenario!;
    commit(updateSlice(base, 0, { ...base.traffic[0]!, inputTokens: 10 }), { groupKey: 'tokens' });
    commit(updateSlice(base, 0, { ...base.traffic[0]!, inputTokens: 100 }), { groupKey: 'tokens' });
    expect(usePlannerStore.getState().past).toHaveLength(1);
    commit(makeSmallScenario(), { recordHistory: false, groupKey: 'tokens' });
    expect(usePlannerStore.getState().past).toHaveLength(0);
    expect(usePlannerStore.getState().editGroup).toBeNull();
  });

  it('restores the outer group after a nested group and after a throw', () => {
    withEditGroup('outer', () => {
      withEditGroup('inner', () => setRequests(2));
      setRequests(3);
    });
    // 'inner' then 'outer': two steps.
    expect(usePlannerStore.getState().past).toHaveLength(2);
    expect(() =>
      withEditGroup('boom', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    setRequests(4);
    expect(usePlannerStore.getState().editGroup).toBeNull();
  });
});
