/**
 * Worked examples of the user's own evaluations (src/domain/quality.ts): a score per model and slice that
 * replaces the catalog's `quality` for that slice only, in cheapest-meeting-bar, the optimiser and the
 * cost-against-quality frontier.
 *
 * Both slices send 1,000 requests a month of 1,000 input + 100 output tokens, no caching or batch, one month, so
 * a request costs `1,000 · P_in + 100 · P_out`:
 *
 *   model   $/MTok in/out   cost per request                  catalog quality
 *   small   0.2 / 0.6       0.0002 + 0.00006 = $0.00026       60
 *   mid     1 / 3           0.001  + 0.0003  = $0.0013        75
 *   big     3 / 15          0.003  + 0.0015  = $0.0045        90
 *
 * Slice `bulk` has a bar of 70, slice `hard` a bar of 85. With the catalog's scores alone, cheapest-meeting-bar
 * puts bulk on mid (small's 60 < 70; mid is the cheaper of mid and big) at 1,000 · $0.0013 = $1.30 and hard on
 * big (only big's 90 ≥ 85) at 1,000 · $0.0045 = $4.50: $5.80 in the month.
 */
import { describe, expect, it } from 'vitest';
import { optimiseAssignment } from '../../../src/domain/optimise';
import { findParetoFrontier } from '../../../src/domain/pareto';
import { indexEvaluations, makeQualityLookup } from '../../../src/domain/quality';
import { pickCheapestMeetingBar } from '../../../src/domain/routes';
import type { ScenarioInput } from '../../../src/domain/scenario-schema';
import {
  createPerTokenModel,
  createScenario,
  createSlice,
  simulateStrategyById,
} from '../../factories/scenario-builders';

const MONEY_DIGITS = 9;

function buildScenario(evaluations: ScenarioInput['evaluations'] = []) {
  return createScenario({
    schemaVersion: 3,
    catalog: [
      createPerTokenModel('small', { inputPerMTok: 0.2, outputPerMTok: 0.6 }, { quality: 60 }),
      createPerTokenModel('mid', { inputPerMTok: 1, outputPerMTok: 3 }, { quality: 75 }),
      createPerTokenModel('big', { inputPerMTok: 3, outputPerMTok: 15 }, { quality: 90 }),
    ],
    traffic: [
      createSlice(
        'bulk',
        { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 },
        { qualityBar: 70 },
      ),
      createSlice(
        'hard',
        { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 },
        { qualityBar: 85 },
      ),
    ],
    strategies: [{ id: 'auto', name: 'Cheapest meeting each bar', kind: 'cheapest-meeting-bar' }],
    evaluations,
  });
}

function picksOf(scenario: ReturnType<typeof buildScenario>): (string | undefined)[] {
  const qualityOf = makeQualityLookup(scenario);
  return scenario.traffic.map(
    (slice) => pickCheapestMeetingBar(slice, scenario.catalog, scenario.options, qualityOf)?.model.id,
  );
}

describe('the catalog scores alone', () => {
  it('put bulk on mid and hard on big: $1.30 + $4.50 = $5.80', () => {
    const scenario = buildScenario();
    expect(picksOf(scenario)).toEqual(['mid', 'big']);
    const result = simulateStrategyById(scenario, 'auto');
    expect(result.totals.spend).toBeCloseTo(5.8, MONEY_DIGITS);
    expect(result.unmetQuality).toEqual([]);
  });
});

describe('an evaluation that lifts a cheap model over a bar', () => {
  // Our own eval scores small 78 on bulk: 78 ≥ 70, and at $0.00026 it is the cheapest that qualifies. Bulk now
  // costs 1,000 · $0.00026 = $0.26; hard is unchanged at $4.50: $4.76.
  const scenario = buildScenario([
    { model: 'small', slice: 'bulk', score: 78, source: 'our eval, 200 tickets' },
  ]);

  it('changes the cheapest-meeting-bar pick and its spend', () => {
    expect(picksOf(scenario)).toEqual(['small', 'big']);
    const result = simulateStrategyById(scenario, 'auto');
    expect(result.totals.spend).toBeCloseTo(0.26 + 4.5, MONEY_DIGITS);
    expect(result.months[0]?.bySlice.bulk).toBeCloseTo(0.26, MONEY_DIGITS);
  });

  it('changes the optimiser’s assignment the same way', () => {
    const optimised = optimiseAssignment(scenario);
    expect(optimised.choices.map((choice) => choice.model.id)).toEqual(['small', 'big']);
    expect(optimised.unmet).toEqual([]);
    expect(optimised.result.totals.spend).toBeCloseTo(4.76, MONEY_DIGITS);
  });

  it('puts small on the bulk frontier at its evaluated score, meeting the bar', () => {
    const bulk = scenario.traffic[0]!;
    const frontier = findParetoFrontier(
      bulk,
      scenario.catalog,
      scenario.options,
      makeQualityLookup(scenario),
    );
    const small = frontier.points.find((point) => point.model.id === 'small');
    expect(small?.quality).toBe(78);
    expect(small?.meetsBar).toBe(true);
    // small ($0.00026, 78) now dominates mid ($0.0013, 75): the frontier is small then big.
    expect(frontier.frontier.map((point) => point.model.id)).toEqual(['small', 'big']);
  });
});

describe('an evaluation that drops a model under the bar', () => {
  // Our own eval scores big 70 on hard: no model reaches 85 (small 60, mid 75, big 70). The fallback is the
  // model scoring highest on hard, mid at 75 — not big, whose catalog 90 no longer counts there. Hard costs
  // 1,000 · $0.0013 = $1.30, bulk $1.30: $2.60, and hard is listed as unmet.
  const scenario = buildScenario([{ model: 'big', slice: 'hard', score: 70 }]);

  it('flags the slice unmet and falls back on the best-scoring model', () => {
    expect(picksOf(scenario)).toEqual(['mid', 'mid']);
    const result = simulateStrategyById(scenario, 'auto');
    expect(result.unmetQuality).toEqual(['hard']);
    expect(result.totals.spend).toBeCloseTo(2.6, MONEY_DIGITS);
  });

  it('leaves the slice unmet in the optimiser too, for want of quality', () => {
    const optimised = optimiseAssignment(scenario);
    expect(optimised.unmet.map((choice) => [choice.sliceId, choice.model.id, choice.shortfall])).toEqual([
      ['hard', 'mid', 'quality'],
    ]);
  });
});

describe('an evaluation on another slice', () => {
  // Our own eval scores small 95 on hard: hard moves to small ($0.26), but on bulk small keeps its catalog 60
  // < 70, so bulk stays on mid at $1.30.
  const scenario = buildScenario([{ model: 'small', slice: 'hard', score: 95 }]);

  it('changes nothing on the slice it does not name', () => {
    expect(picksOf(scenario)[0]).toBe('mid');
    const result = simulateStrategyById(scenario, 'auto');
    expect(result.months[0]?.bySlice.bulk).toBeCloseTo(1.3, MONEY_DIGITS);
    expect(makeQualityLookup(scenario)(scenario.catalog[0]!, scenario.traffic[0]!)).toBe(60);
    expect(optimiseAssignment(scenario).choices[0]?.model.id).toBe('mid');
  });
});

describe('makeQualityLookup', () => {
  it('keys models and slices named like Object.prototype members as ordinary ids', () => {
    const lookup = makeQualityLookup({
      evaluations: [
        { model: '__proto__', slice: 'constructor', score: 12 },
        { model: 'constructor', slice: '__proto__', score: 34 },
      ],
    });
    expect(lookup({ id: '__proto__', quality: 50 }, { id: 'constructor' })).toBe(12);
    expect(lookup({ id: 'constructor', quality: 50 }, { id: '__proto__' })).toBe(34);
    expect(lookup({ id: '__proto__', quality: 50 }, { id: '__proto__' })).toBe(50);
    expect(lookup({ id: 'toString', quality: 7 }, { id: 'valueOf' })).toBe(7);
  });

  it('uses an evaluated score of 0 rather than the catalog score', () => {
    const lookup = makeQualityLookup({ evaluations: [{ model: 'm', slice: 's', score: 0 }] });
    expect(lookup({ id: 'm', quality: 80 }, { id: 's' })).toBe(0);
  });

  it('finds the evaluation itself, with its source', () => {
    const find = indexEvaluations([{ model: 'm', slice: 's', score: 9, source: 'ours' }]);
    expect(find('m', 's')?.source).toBe('ours');
    expect(find('m', 'other')).toBeUndefined();
  });
});
