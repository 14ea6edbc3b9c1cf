import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../src/domain/validate-scenario';
import {
  importEvaluations,
  removeModel,
  removeSlice,
  renameModelReferences,
  renameSliceReferences,
  replaceCatalog,
} from '../../../src/state/scenario-edits';
import { createPerTokenModel, createScenario, createSlice } from '../../factories/scenario-builders';

const scenario = createScenario({
  schemaVersion: 3,
  catalog: [
    createPerTokenModel('a', { inputPerMTok: 1, outputPerMTok: 1 }),
    createPerTokenModel('__proto__', { inputPerMTok: 1, outputPerMTok: 1 }),
  ],
  traffic: [
    createSlice('s', { requestsPerMonth: 1, inputTokens: 1, outputTokens: 1 }),
    createSlice('constructor', { requestsPerMonth: 1, inputTokens: 1, outputTokens: 1 }),
  ],
  strategies: [{ id: 'x', name: 'X', kind: 'single', model: 'a' }],
  evaluations: [
    { model: 'a', slice: 's', score: 1 },
    { model: '__proto__', slice: 'constructor', score: 2 },
  ],
});

function isValid(next: unknown): boolean {
  return validateScenario(next).ok;
}

describe('edits that keep evaluations pointing at what exists', () => {
  it('removing a model or a slice removes its evaluations', () => {
    const withoutModel = removeModel(scenario, 1);
    expect(withoutModel.evaluations).toEqual([{ model: 'a', slice: 's', score: 1 }]);
    expect(isValid(withoutModel)).toBe(true);
    const withoutSlice = removeSlice(scenario, 0);
    expect(withoutSlice.evaluations).toEqual([{ model: '__proto__', slice: 'constructor', score: 2 }]);
    expect(isValid(withoutSlice)).toBe(true);
  });

  it('renaming a model or a slice follows into its evaluations', () => {
    expect(renameModelReferences(scenario, '__proto__', 'b').evaluations[1]?.model).toBe('b');
    expect(renameSliceReferences(scenario, 's', 't').evaluations[0]?.slice).toBe('t');
  });

  it('replacing the catalog keeps the evaluations of models it keeps', () => {
    const next = replaceCatalog(scenario, [{ ...scenario.catalog[0]!, id: 'z' }]);
    // "a" stays (strategy x names it); "__proto__" goes, and its evaluation with it.
    expect(next.evaluations).toEqual([{ model: 'a', slice: 's', score: 1 }]);
  });

  it('an import replaces the same pair in place and adds the rest', () => {
    const next = importEvaluations(scenario, [
      { model: '__proto__', slice: 'constructor', score: 9, source: 'new' },
      { model: 'a', slice: 'constructor', score: 3 },
    ]);
    expect(next.evaluations).toEqual([
      { model: 'a', slice: 's', score: 1 },
      { model: '__proto__', slice: 'constructor', score: 9, source: 'new' },
      { model: 'a', slice: 'constructor', score: 3 },
    ]);
  });
});
