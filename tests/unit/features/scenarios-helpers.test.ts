import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/domain/scenario-schema';
import { simulate } from '../../../src/domain/simulate';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { buildComparisonSeries } from '../../../src/features/scenarios/comparison-series';
import {
  makeBlankScenario,
  makeCopyName,
  makeUniqueName,
} from '../../../src/features/scenarios/new-scenario';
import { makeSmallScenario } from '../../factories/small-scenario';

function load(input: ScenarioInput) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error('fixture invalid');
  return result.value;
}

function side(input: ScenarioInput, strategyIndex = 1) {
  const scenario = load(input);
  return { scenario, strategy: simulate(scenario).strategies[strategyIndex]! };
}

describe('new scenario names', () => {
  it('numbers a name already taken', () => {
    expect(makeUniqueName('New scenario', [])).toBe('New scenario');
    expect(makeUniqueName('New scenario', ['New scenario', 'New scenario 2'])).toBe('New scenario 3');
    expect(makeCopyName('Plan', ['Plan'])).toBe('Plan (copy)');
    expect(makeCopyName('Plan', ['Plan', 'Plan (copy)'])).toBe('Plan (copy 2)');
  });
});

describe('makeBlankScenario', () => {
  it('keeps the catalog and routes one slice to its first per-token model', () => {
    const from = load({
      ...makeSmallScenario(),
      catalog: [
        {
          id: 'gpu',
          name: 'Self-hosted',
          provider: 'Us',
          platform: 'self-hosted',
          pricing: { kind: 'capacity', hourlyPerUnit: 4, tokensPerMinutePerUnit: 60_000 },
        },
        ...makeSmallScenario().catalog,
      ],
    });
    const blank = makeBlankScenario(from, 'Blank');
    expect(blank.ok).toBe(true);
    if (!blank.ok) return;
    expect(blank.value.catalog.map((m) => m.id)).toEqual(['gpu', 'cheap', 'dear']);
    expect(blank.value.strategies).toEqual([
      { id: 'single', name: 'All on Cheap model', kind: 'single', model: 'cheap' },
    ]);
    expect(blank.value.startMonth).toBe('2027-01');
    // 100,000 requests × (1,000 × $1 + 200 × $2) per million tokens = $140 a month.
    expect(simulate(blank.value).strategies[0]!.months[0]!.spend).toBeCloseTo(140, 9);
  });

  it('has no strategy when the catalog is empty', () => {
    const blank = makeBlankScenario(load({ ...makeSmallScenario(), catalog: [], strategies: [] }), 'Blank');
    expect(blank.ok && blank.value.strategies).toEqual([]);
  });
});

describe('buildComparisonSeries', () => {
  it('lines months up on the calendar when both scenarios have a start month', () => {
    // Small: Jan–Dec 2027 at $1,200; the other starts in Nov 2026 and runs 3 months.
    const series = buildComparisonSeries([
      side(makeSmallScenario()),
      side({ ...makeSmallScenario(), startMonth: '2026-11', horizonMonths: 3 }),
    ]);
    expect(series.alignment).toBe('calendar');
    expect(series.labels).toHaveLength(14);
    expect(series.labels.slice(0, 3)).toEqual(['Nov 2026', 'Dec 2026', 'Jan 2027']);
    expect(series.labels.at(-1)).toBe('Dec 2027');
    expect(series.values[0]!.slice(0, 3)).toEqual([null, null, expect.closeTo(1200, 6)]);
    expect(series.values[1]!.slice(0, 4)).toEqual([
      expect.closeTo(1200, 6),
      expect.closeTo(1200, 6),
      expect.closeTo(1200, 6),
      null,
    ]);
  });

  it('lines months up by number when a scenario has no start month', () => {
    const noStart = { ...makeSmallScenario() };
    delete noStart.startMonth;
    const series = buildComparisonSeries([side({ ...noStart, horizonMonths: 2 }), side(makeSmallScenario())]);
    expect(series.alignment).toBe('month-number');
    expect(series.labels.slice(0, 2)).toEqual(['Month 1', 'Month 2']);
    expect(series.labels).toHaveLength(12);
    expect(series.values[0]![2]).toBeNull();
  });
});
