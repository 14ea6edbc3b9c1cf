import { afterEach, describe, expect, it } from 'vitest';
import { addSlice, removeModel, updateSlice } from '../../../src/state/scenario-edits';
import { initialPlannerState, usePlannerStore } from '../../../src/state/scenario-store';
import { makeSmallScenario } from '../../factories/small-scenario';

afterEach(() => usePlannerStore.setState(initialPlannerState, true));

function load() {
  const result = usePlannerStore.getState().commit(makeSmallScenario(), { recordHistory: false });
  expect(result.ok).toBe(true);
}

describe('the planner store', () => {
  it('applies a valid edit and records one undo step', () => {
    load();
    const { edit } = usePlannerStore.getState();
    const result = edit((s) => updateSlice(s, 0, { ...s.traffic[0]!, requestsPerMonth: 2_000_000 }));
    expect(result.ok).toBe(true);
    expect(usePlannerStore.getState().scenario?.traffic[0]?.requestsPerMonth).toBe(2_000_000);
    expect(usePlannerStore.getState().past).toHaveLength(1);
  });

  it('refuses an edit that breaks the document and keeps what was there', () => {
    load();
    const before = usePlannerStore.getState().scenario;
    // Model 0 ("cheap") is named by the "all-cheap" strategy: removing it would leave an unknown id.
    const result = usePlannerStore.getState().edit((s) => removeModel(s, 0));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues[0]).toEqual({ path: 'strategies[1].model', message: 'unknown model id "cheap"' });
    expect(usePlannerStore.getState().scenario).toBe(before);
    expect(usePlannerStore.getState().past).toHaveLength(0);
  });

  it('undoes and redoes edits in order', () => {
    load();
    const { edit } = usePlannerStore.getState();
    const original = usePlannerStore.getState().scenario!;
    edit((s) => updateSlice(s, 0, { ...s.traffic[0]!, inputTokens: 2000 }));
    const afterFirst = usePlannerStore.getState().scenario!;
    edit((s) => addSlice(s, { ...s.traffic[0]!, id: 'second', name: 'Second' }));
    expect(usePlannerStore.getState().scenario?.traffic).toHaveLength(2);

    usePlannerStore.getState().undo();
    expect(usePlannerStore.getState().scenario).toBe(afterFirst);
    usePlannerStore.getState().undo();
    expect(usePlannerStore.getState().scenario).toBe(original);
    usePlannerStore.getState().undo(); // nothing left: no change
    expect(usePlannerStore.getState().scenario).toBe(original);

    usePlannerStore.getState().redo();
    expect(usePlannerStore.getState().scenario).toBe(afterFirst);
    // A new edit after undo drops the redo branch.
    edit((s) => updateSlice(s, 0, { ...s.traffic[0]!, outputTokens: 7 }));
    expect(usePlannerStore.getState().future).toHaveLength(0);
  });
});

describe('the scenario library', () => {
  it('adds scenarios as new entries, never overwriting the open one', () => {
    load();
    const firstId = usePlannerStore.getState().activeId;
    const second = { ...usePlannerStore.getState().scenario!, name: 'Shared with me' };
    const id = usePlannerStore.getState().addScenario(second);
    const state = usePlannerStore.getState();
    expect(state.library.map((e) => e.scenario.name)).toEqual(['Small test scenario', 'Shared with me']);
    expect(state.activeId).toBe(id);
    expect(id).not.toBe(firstId);
  });

  it('names a second copy apart: the same link opened twice is "Name" and "Name (2)", then "(3)"', () => {
    load();
    const copy = usePlannerStore.getState().scenario!;
    usePlannerStore.getState().addScenario(copy);
    usePlannerStore.getState().addScenario(copy);
    expect(usePlannerStore.getState().library.map((e) => e.scenario.name)).toEqual([
      'Small test scenario',
      'Small test scenario (2)',
      'Small test scenario (3)',
    ]);
    expect(usePlannerStore.getState().scenario?.name).toBe('Small test scenario (3)');
  });

  it('keeps edits in the active entry and switches with a fresh history', () => {
    load();
    const firstId = usePlannerStore.getState().activeId!;
    usePlannerStore.getState().addScenario({ ...usePlannerStore.getState().scenario!, name: 'B' });
    usePlannerStore.getState().edit((s) => ({ ...s, name: 'B edited' }));
    usePlannerStore.getState().switchScenario(firstId);
    const state = usePlannerStore.getState();
    expect(state.scenario?.name).toBe('Small test scenario');
    expect(state.past).toHaveLength(0);
    expect(state.library.map((e) => e.scenario.name)).toEqual(['Small test scenario', 'B edited']);
  });

  it('deletes a scenario and restores it in its place', () => {
    load();
    usePlannerStore.getState().addScenario({ ...usePlannerStore.getState().scenario!, name: 'B' });
    usePlannerStore.getState().addScenario({ ...usePlannerStore.getState().scenario!, name: 'C' });
    const idB = usePlannerStore.getState().library[1]!.id;
    usePlannerStore.getState().deleteScenario(idB);
    expect(usePlannerStore.getState().library.map((e) => e.scenario.name)).toEqual([
      'Small test scenario',
      'C',
    ]);
    usePlannerStore.getState().restoreDeleted();
    expect(usePlannerStore.getState().library.map((e) => e.scenario.name)).toEqual([
      'Small test scenario',
      'B',
      'C',
    ]);
  });

  it('renames the open scenario with an undo step and another one in place', () => {
    load();
    const firstId = usePlannerStore.getState().activeId!;
    const secondId = usePlannerStore.getState().addScenario({
      ...usePlannerStore.getState().scenario!,
      name: 'B',
    });
    // The open one (B): through edit, so undo brings the old name back.
    expect(usePlannerStore.getState().renameScenario(secondId, 'B renamed')).toEqual({ ok: true });
    expect(usePlannerStore.getState().scenario?.name).toBe('B renamed');
    expect(usePlannerStore.getState().past).toHaveLength(1);
    // Another one: renamed in its library entry; the open scenario and its history are untouched.
    const openBefore = usePlannerStore.getState().scenario;
    expect(usePlannerStore.getState().renameScenario(firstId, 'First renamed')).toEqual({ ok: true });
    const state = usePlannerStore.getState();
    expect(state.library.map((e) => e.scenario.name)).toEqual(['First renamed', 'B renamed']);
    expect(state.scenario).toBe(openBefore);
    expect(state.activeId).toBe(secondId);
    expect(state.past).toHaveLength(1);
    usePlannerStore.getState().undo();
    expect(usePlannerStore.getState().library.map((e) => e.scenario.name)).toEqual(['First renamed', 'B']);
  });

  it('refuses to rename a scenario that is not in the library', () => {
    load();
    const before = usePlannerStore.getState().library;
    const result = usePlannerStore.getState().renameScenario('__proto__', 'X');
    expect(result.ok).toBe(false);
    expect(usePlannerStore.getState().library).toBe(before);
  });

  it('never deletes the last scenario', () => {
    load();
    usePlannerStore.getState().deleteScenario(usePlannerStore.getState().activeId!);
    expect(usePlannerStore.getState().library).toHaveLength(1);
  });
});

describe('edits that keep the catalog', () => {
  it('reuse the validated catalog and still check references against it', () => {
    load();
    const before = usePlannerStore.getState().scenario!;
    usePlannerStore.getState().edit((s) => updateSlice(s, 0, { ...s.traffic[0]!, outputTokens: 50 }));
    const after = usePlannerStore.getState().scenario!;
    expect(after.catalog).toBe(before.catalog);
    // A strategy naming a model that is not in the (reused) catalog is still refused.
    const refused = usePlannerStore
      .getState()
      .edit((s) => ({ ...s, strategies: [{ id: 'x', name: 'X', kind: 'single', model: 'missing' }] }));
    expect(refused).toEqual({
      ok: false,
      issues: [{ path: 'strategies[0].model', message: 'unknown model id "missing"' }],
    });
  });
});
