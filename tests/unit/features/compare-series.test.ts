import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MoneySeries } from '../../../src/charts/chart-series';
import { simulate } from '../../../src/domain/simulate';
import {
  MAX_BREAKDOWN_BANDS,
  buildBreakdownSeries,
  groupSmallBands,
} from '../../../src/features/compare/compare-series';
import { scenarioArbitrary } from '../../factories/scenario-arbitrary';

/** Series "s0"… with two months each: part i spends i and 2·i. */
function parts(count: number): MoneySeries[] {
  return Array.from({ length: count }, (_, i) => ({ name: `s${i}`, values: [i, 2 * i] }));
}

describe('groupSmallBands', () => {
  it('leaves a breakdown of up to 12 series as it is', () => {
    const series = parts(MAX_BREAKDOWN_BANDS);
    expect(groupSmallBands(series, 'slice')).toBe(series);
  });

  it('keeps the 11 largest in their order and adds up the rest month by month', () => {
    // 15 parts: the 11 largest over the horizon are s4…s14 (totals 3·i); s0…s3 are grouped.
    // Month 0: 0 + 1 + 2 + 3 = 6; month 1: 0 + 2 + 4 + 6 = 12.
    const series = [...parts(15)].reverse();
    const grouped = groupSmallBands(series, 'model');
    expect(grouped.map((s) => s.name)).toEqual([
      's14',
      's13',
      's12',
      's11',
      's10',
      's9',
      's8',
      's7',
      's6',
      's5',
      's4',
      '4 other models',
    ]);
    expect(grouped.at(-1)!.values).toEqual([6, 12]);
    // Every month's stack still adds up to the whole: 0 + 1 + … + 14 = 105, and 210.
    const sum = (month: number) => grouped.reduce((total, s) => total + (s.values[month] ?? 0), 0);
    expect([sum(0), sum(1)]).toEqual([105, 210]);
  });
});

describe('buildBreakdownSeries', () => {
  it('reads the engine’s spend columns exactly as each month’s records by slice and by model give them', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        for (const strategy of simulate(scenario).strategies) {
          // A copy of the result has plain month records and no spend columns: the records path.
          const copy = { ...strategy, months: strategy.months.map((month) => ({ ...month })) };
          for (const by of ['slice', 'model'] as const)
            expect(buildBreakdownSeries(scenario, strategy, by)).toEqual(
              buildBreakdownSeries(scenario, copy, by),
            );
        }
      }),
      { seed: 5, numRuns: 60 },
    );
  });
});
