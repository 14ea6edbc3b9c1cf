import { describe, expect, it } from 'vitest';
import { makePerTokenModel } from '../../factories/model-builders';
import type { Model, Scenario } from '../../../src/domain/scenario-schema';
import { compareStrategySpend, listChangedStrategies } from '../../../src/domain/strategy-impact';
import { formatIssue, validateScenario } from '../../../src/domain/validate-scenario';
import { listAddableModels, matchPriceUpdates } from '../../../src/io/catalog-diff';
import { addModels, replaceCatalog, updateModelPrices } from '../../../src/state/scenario-edits';
import { makeSmallScenario } from '../../factories/small-scenario';

const PRECISION = 6;

function loadSmall(): Scenario {
  const result = validateScenario(makeSmallScenario());
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('; '));
  return result.value;
}

function findModel(scenario: Scenario, id: string): Model {
  const model = scenario.catalog.find((m) => m.id === id);
  if (!model) throw new Error(`no model ${id}`);
  return model;
}

/** An imported LiteLLM-like row: its id and price key are the LiteLLM key. */
function imported(key: string, inputPerMTok: number, outputPerMTok: number): Model {
  return makePerTokenModel(
    key,
    { inputPerMTok, outputPerMTok },
    { name: `${key} — Bedrock`, priceKey: key, source: { label: 'LiteLLM', asOf: '2026-12-02' } },
  );
}

/** The small scenario whose two shipped rows record the LiteLLM keys they were built from. */
function withPriceKeys(): Scenario {
  const scenario = loadSmall();
  return {
    ...scenario,
    catalog: scenario.catalog.map((model) => ({ ...model, priceKey: `acme.${model.id}-v1:0` })),
  };
}

describe('matchPriceUpdates', () => {
  it('matches by price key although no id is equal, and keeps everything but pricing and source', () => {
    const scenario = withPriceKeys();
    const file = [
      imported('acme.dear-v1:0', 6, 15),
      imported('acme.cheap-v1:0', 1, 2),
      imported('new', 1, 1),
    ];
    const match = matchPriceUpdates(scenario.catalog, file);
    expect(match.matched).toBe(2);
    expect(match.unmatched).toEqual([]);
    expect(match.changes).toHaveLength(1);
    const [change] = match.changes;
    expect(change?.before.id).toBe('dear');
    expect(change?.after).toMatchObject({ id: 'dear', name: 'Dear model', quality: 90 });
    expect(change?.after.source).toEqual({ label: 'LiteLLM', asOf: '2026-12-02' });
    expect(change?.changes).toEqual([{ field: 'inputPerMTok', before: 3, after: 6 }]);
  });

  it('falls back to the id for rows without a price key, and lists the rows the file lacks', () => {
    const scenario = loadSmall();
    const match = matchPriceUpdates(scenario.catalog, [{ ...imported('dear', 4, 15), priceKey: null }]);
    expect(match.matched).toBe(1);
    expect(match.unmatched.map((model) => model.id)).toEqual(['cheap']);
    expect(match.changes[0]?.after.pricing).toMatchObject({ inputPerMTok: 4 });
  });

  it('never matches a shipped id against a LiteLLM key when the row has no price key', () => {
    const match = matchPriceUpdates(loadSmall().catalog, [imported('acme.dear-v1:0', 6, 15)]);
    expect(match).toEqual({ changes: [], matched: 0, unmatched: loadSmall().catalog });
  });
});

describe('listAddableModels and addModels', () => {
  it('offers only models whose id and price key the catalog lacks', () => {
    const scenario = withPriceKeys();
    const file = [imported('acme.dear-v1:0', 6, 15), imported('cheap', 1, 2), imported('new', 1, 1)];
    expect(listAddableModels(scenario.catalog, file).map((model) => model.id)).toEqual(['new']);
  });

  it('appends the picked models and never replaces one', () => {
    const scenario = loadSmall();
    const next = addModels(scenario, [imported('new', 1, 1), imported('dear', 9, 9), imported('new', 2, 2)]);
    expect(next.catalog.map((model) => model.id)).toEqual(['cheap', 'dear', 'new']);
    expect(findModel(next, 'dear')).toBe(findModel(scenario, 'dear'));
    expect(findModel(next, 'new').pricing).toMatchObject({ inputPerMTok: 1 });
    expect(addModels(scenario, [])).toBe(scenario);
  });
});

describe('compareStrategySpend', () => {
  it('gives each strategy’s 12-month spend before and after a price update', () => {
    const scenario = withPriceKeys();
    const match = matchPriceUpdates(scenario.catalog, [imported('acme.dear-v1:0', 6, 15)]);
    const after = updateModelPrices(
      scenario,
      match.changes.map((change) => change.after),
    );
    const impact = compareStrategySpend(scenario, after);
    // All on dear: 1,000,000 × (1,000 × $3/M + 100 × $15/M) = $4,500 a month → $54,000 in 12 months; at $6 input:
    // 1,000,000 × (1,000 × $6/M + 100 × $15/M) = $7,500 → $90,000. All on cheap stays 12 × $1,200 = $14,400.
    expect(impact.map((row) => row.id)).toEqual(['all-dear', 'all-cheap']);
    expect(impact[0]?.name).toBe('All on dear');
    expect(impact[0]?.firstYearBefore).toBeCloseTo(54_000, PRECISION);
    expect(impact[0]?.firstYearAfter).toBeCloseTo(90_000, PRECISION);
    expect(impact[0]?.changeUsd).toBeCloseTo(36_000, PRECISION);
    expect(impact[1]?.changeUsd).toBeCloseTo(0, PRECISION);
    expect(listChangedStrategies(impact).map((row) => row.id)).toEqual(['all-dear']);
  });

  it('moves nothing when models are only added, and a cheapest-meeting-bar strategy when they win', () => {
    const base = loadSmall();
    const scenario: Scenario = {
      ...base,
      strategies: [
        ...base.strategies,
        { id: 'auto', name: 'Cheapest meeting bar', kind: 'cheapest-meeting-bar' },
      ],
    };
    const cheaper = { ...imported('cheaper', 0.5, 1), quality: 60 };
    const impact = compareStrategySpend(scenario, addModels(scenario, [cheaper]));
    // auto picked cheap ($1,200 a month); cheaper costs 1,000,000 × (1,000 × $0.5/M + 100 × $1/M) = $600.
    expect(impact.find((row) => row.id === 'auto')?.firstYearBefore).toBeCloseTo(14_400, PRECISION);
    expect(impact.find((row) => row.id === 'auto')?.firstYearAfter).toBeCloseTo(7_200, PRECISION);
    expect(listChangedStrategies(impact).map((row) => row.id)).toEqual(['auto']);
  });

  it('shows what replacing the catalog does, with the used models kept', () => {
    const scenario = loadSmall();
    const after = replaceCatalog(scenario, [imported('other', 1, 1)]);
    expect(after.catalog.map((model) => model.id)).toEqual(['other', 'cheap', 'dear']);
    expect(listChangedStrategies(compareStrategySpend(scenario, after))).toEqual([]);
  });
});
