import { describe, expect, it } from 'vitest';
import {
  evaluationsToCsv,
  formatEvaluationsCsvIssue,
  parseEvaluationsCsv,
} from '../../../src/io/evaluations-csv';
import { createPerTokenModel, createScenario, createSlice } from '../../factories/scenario-builders';

const scenario = createScenario({
  schemaVersion: 3,
  catalog: [
    createPerTokenModel('small', { inputPerMTok: 0.2, outputPerMTok: 0.6 }, { quality: 60 }),
    createPerTokenModel('__proto__', { inputPerMTok: 1, outputPerMTok: 3 }, { quality: 75 }),
    createPerTokenModel('-minus', { inputPerMTok: 1, outputPerMTok: 3 }, { quality: 75 }),
  ],
  traffic: [
    createSlice('bulk', { requestsPerMonth: 1, inputTokens: 1, outputTokens: 1 }),
    createSlice('constructor', { requestsPerMonth: 1, inputTokens: 1, outputTokens: 1 }),
  ],
  strategies: [{ id: 's', name: 'S', kind: 'single', model: 'small' }],
});

describe('parseEvaluationsCsv', () => {
  it('reads model, slice, score and an optional source', () => {
    const result = parseEvaluationsCsv(
      'model,slice,score,source\nsmall,bulk,78,our eval\n__proto__,constructor,80.5,\n',
      scenario,
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { model: 'small', slice: 'bulk', score: 78, source: 'our eval' },
        { model: '__proto__', slice: 'constructor', score: 80.5 },
      ],
    });
  });

  it('reads a decimal comma in a file separated by semicolons', () => {
    const result = parseEvaluationsCsv('model;slice;score\nsmall;bulk;78,5\n', scenario);
    expect(result.ok && result.value.map((evaluation) => evaluation.score)).toEqual([78.5]);
  });

  it('takes the header in any case and order, without a source column, and skips blank rows', () => {
    const result = parseEvaluationsCsv('Score;SLICE;Model\n\n78;bulk;small\n;;\n', scenario);
    expect(result).toEqual({ ok: true, value: [{ model: 'small', slice: 'bulk', score: 78 }] });
  });

  it('matches ids written with spaces around them (a spreadsheet’s "a, b")', () => {
    const result = parseEvaluationsCsv('model, slice, score\nsmall, bulk, 78\n', scenario);
    expect(result.ok && result.value).toEqual([{ model: 'small', slice: 'bulk', score: 78 }]);
  });

  it('reports every problem with its row and column, and returns nothing to apply', () => {
    const text = [
      'model,slice,score',
      'small,bulk,78', // row 2: fine
      'nope,bulk,70', // row 3: unknown model
      'small,nowhere,70', // row 4: unknown slice
      'small,constructor,-1', // row 5: negative
      '__proto__,bulk,high', // row 6: not a number
      '-minus,bulk,', // row 7: empty score
      'small,bulk,80', // row 8: same pair as row 2
    ].join('\n');
    const result = parseEvaluationsCsv(text, scenario);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { row: 3, column: 'model', message: 'unknown model id "nope"' },
      { row: 4, column: 'slice', message: 'no traffic slice has id "nowhere"' },
      { row: 5, column: 'score', message: 'must be a number from 0 to 100 (found "-1")' },
      { row: 6, column: 'score', message: 'must be a number from 0 to 100 (found "high")' },
      { row: 7, column: 'score', message: 'must be a number from 0 to 100 (found "")' },
      {
        row: 8,
        column: null,
        message: '"small" on slice "bulk" is also on row 2: one score per model and slice',
      },
    ]);
    expect(formatEvaluationsCsvIssue(result.issues[0]!)).toBe('row 3, model: unknown model id "nope"');
  });

  it('requires a header with model, slice and score, and refuses unknown columns', () => {
    const missing = parseEvaluationsCsv('small,bulk,78\n', scenario);
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.issues.map(formatEvaluationsCsvIssue)).toEqual([
      'row 1: unknown column "small": the columns are model, slice, score, source',
      'row 1: unknown column "bulk": the columns are model, slice, score, source',
      'row 1: unknown column "78": the columns are model, slice, score, source',
      'row 1, model: missing column',
      'row 1, slice: missing column',
      'row 1, score: missing column',
    ]);
  });

  it('reports an empty file and a row longer than the header', () => {
    expect(parseEvaluationsCsv('\n\n', scenario)).toEqual({
      ok: false,
      issues: [{ row: null, column: null, message: 'the file is empty' }],
    });
    const long = parseEvaluationsCsv('model,slice,score\nsmall,bulk,1,extra\n', scenario);
    expect(long.ok ? [] : long.issues).toEqual([
      { row: 2, column: null, message: 'has 4 cells but the header has 3' },
    ]);
  });
});

describe('evaluationsToCsv', () => {
  it('writes a header and guards formula-like text, and reads back to the same evaluations', () => {
    const evaluations = [
      { model: '-minus', slice: 'constructor', score: 0.1 + 0.2, source: '=HYPERLINK("x")' },
      { model: '__proto__', slice: 'bulk', score: 90 },
    ];
    const text = evaluationsToCsv(evaluations);
    expect(text.split('\n')[0]).toBe('model,slice,score,source');
    expect(text).toContain(`'-minus`);
    expect(parseEvaluationsCsv(text, scenario)).toEqual({ ok: true, value: evaluations });
  });
});
