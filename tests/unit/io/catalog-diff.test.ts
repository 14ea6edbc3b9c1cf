import { perTokenPricingSchema } from '../../../src/domain/scenario-schema';
import { makePerTokenModel } from '../../factories/model-builders';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model, Scenario } from '../../../src/domain/scenario-schema';
import { simulate } from '../../../src/domain/simulate';
import { validateScenario } from '../../../src/domain/validate-scenario';
import {
  attachKnownQuality,
  diffCatalogs,
  listPriceUpdates,
  matchPriceUpdates,
  mergeStatedPricing,
  stampImportSource,
} from '../../../src/io/catalog-diff';
import { parseCatalogText } from '../../../src/io/catalog-import';
import {
  findModelsKeptOnReplace,
  replaceCatalog,
  updateModelPrices,
} from '../../../src/state/scenario-edits';
import { makeSmallScenario } from '../../factories/small-scenario';

const importedAt = '2027-03-14';

function perToken(
  id: string,
  inputPerMTok: number,
  outputPerMTok: number,
  extra: Partial<Model> = {},
): Model {
  return makePerTokenModel(id, { inputPerMTok, outputPerMTok }, extra);
}

function capacity(id: string, hourlyPerUnit: number, extra: Partial<Model> = {}): Model {
  return {
    ...perToken(id, 0, 0, extra),
    pricing: {
      kind: 'capacity',
      hourlyPerUnit,
      tokensPerMinutePerUnit: 60_000,
      minUnits: 1,
      commitmentMonths: 0,
    },
  };
}

function loadSmallScenario(): Scenario {
  const result = validateScenario(makeSmallScenario());
  if (!result.ok) throw new Error('small scenario is invalid');
  return result.value;
}

function ids(models: readonly Model[]): string[] {
  return models.map((model) => model.id);
}

describe('diffCatalogs', () => {
  it('sorts every imported model into added, price changes, other changes or unchanged, and lists the missing', () => {
    const current = [
      perToken('same', 1, 2),
      perToken('dearer', 3, 15),
      perToken('renamed', 1, 1),
      perToken('both', 2, 2, { quality: 50 }),
      perToken('gone', 5, 5),
    ];
    const imported = [
      perToken('new', 0.5, 1),
      perToken('both', 2, 4, { quality: 60 }),
      perToken('same', 1, 2),
      perToken('dearer', 6, 15),
      perToken('renamed', 1, 1, { name: 'Renamed model' }),
    ];
    const diff = diffCatalogs(current, imported);
    expect(ids(diff.added)).toEqual(['new']);
    // Import order for everything found in the import, catalog order for what is missing.
    expect(diff.priceChanges.map((c) => c.after.id)).toEqual(['both', 'dearer']);
    expect(diff.otherChanges.map((c) => c.after.id)).toEqual(['both', 'renamed']);
    expect(ids(diff.unchanged)).toEqual(['same']);
    expect(ids(diff.missing)).toEqual(['gone']);
    expect(diff.priceChanges[1]?.changes).toEqual([{ field: 'inputPerMTok', before: 3, after: 6 }]);
    expect(diff.priceChanges[0]?.changes).toEqual([{ field: 'outputPerMTok', before: 2, after: 4 }]);
    expect(diff.otherChanges[0]?.changes).toEqual([{ field: 'quality', before: 50, after: 60 }]);
    expect(diff.otherChanges[1]?.changes).toEqual([
      { field: 'name', before: 'renamed', after: 'Renamed model' },
    ]);
  });

  it('lists every per-token pricing field that differs, null (no caching, no batch) included', () => {
    const before = perToken('m', 3, 15);
    const after: Model = {
      ...before,
      pricing: {
        kind: 'per-token',
        inputPerMTok: 3,
        outputPerMTok: 15,
        cacheWritePerMTok: 3.75,
        cacheReadPerMTok: 0.3,
        batchDiscount: 0.5,
        cacheWrite1hPerMTok: null,
        minCachePrefixTokens: 0,
        batchCaching: true,
        longContext: null,
      },
    };
    expect(diffCatalogs([before], [after]).priceChanges[0]?.changes).toEqual([
      { field: 'cacheWritePerMTok', before: null, after: 3.75 },
      { field: 'cacheReadPerMTok', before: null, after: 0.3 },
      { field: 'batchDiscount', before: null, after: 0.5 },
    ]);
  });

  it('compares capacity pricing field by field', () => {
    const before = capacity('gpu', 4.1);
    const after: Model = {
      ...before,
      pricing: {
        kind: 'capacity',
        hourlyPerUnit: 3.5,
        tokensPerMinutePerUnit: 60_000,
        minUnits: 2,
        commitmentMonths: 0,
      },
    };
    expect(diffCatalogs([before], [after]).priceChanges[0]?.changes).toEqual([
      { field: 'hourlyPerUnit', before: 4.1, after: 3.5 },
      { field: 'minUnits', before: 1, after: 2 },
    ]);
  });

  it('a change of billing kind lists the kind and every field of both kinds (undefined where one does not apply)', () => {
    const changes = diffCatalogs([perToken('m', 3, 15)], [capacity('m', 4)]).priceChanges[0]?.changes;
    expect(changes?.map((c) => c.field)).toEqual([
      'kind',
      'inputPerMTok',
      'outputPerMTok',
      'cacheWritePerMTok',
      'cacheReadPerMTok',
      'batchDiscount',
      'cacheWrite1hPerMTok',
      'minCachePrefixTokens',
      'batchCaching',
      'longContext',
      'hourlyPerUnit',
      'tokensPerMinutePerUnit',
      'minUnits',
      'commitmentMonths',
    ]);
    expect(changes?.[0]).toEqual({ field: 'kind', before: 'per-token', after: 'capacity' });
    expect(changes?.[1]).toEqual({ field: 'inputPerMTok', before: 3, after: undefined });
    expect(changes?.[10]).toEqual({ field: 'hourlyPerUnit', before: undefined, after: 4 });
  });

  it('counts a price that moved by a millionth of a dollar (no rounding)', () => {
    const diff = diffCatalogs([perToken('m', 0.15, 0.6)], [perToken('m', 0.150001, 0.6)]);
    expect(diff.priceChanges).toHaveLength(1);
  });

  it('ignores the source: every import brings its own', () => {
    const before = perToken('m', 1, 2, { source: { label: 'seed', asOf: '2026' } });
    const after = perToken('m', 1, 2, { source: { label: 'Imported from x.csv', asOf: importedAt } });
    expect(ids(diffCatalogs([before], [after]).unchanged)).toEqual(['m']);
  });

  it('lists other fields: context window, platform, open weight, notes', () => {
    const before = perToken('m', 1, 2, { contextWindow: 32_000 });
    const after = perToken('m', 1, 2, {
      contextWindow: null,
      platform: 'vertex',
      openWeight: true,
      notes: 'new',
    });
    expect(diffCatalogs([before], [after]).otherChanges[0]?.changes).toEqual([
      { field: 'platform', before: 'bedrock', after: 'vertex' },
      { field: 'contextWindow', before: 32_000, after: null },
      { field: 'openWeight', before: false, after: true },
      { field: 'notes', before: undefined, after: 'new' },
    ]);
  });

  it('matches ids such as "__proto__", "constructor" and "toString" like any other', () => {
    const current = [
      perToken('__proto__', 1, 2),
      perToken('constructor', 1, 2),
      perToken('hasOwnProperty', 1, 1),
    ];
    const imported = [perToken('__proto__', 2, 2), perToken('constructor', 1, 2), perToken('toString', 1, 1)];
    const diff = diffCatalogs(current, imported);
    expect(diff.priceChanges.map((c) => c.after.id)).toEqual(['__proto__']);
    expect(ids(diff.unchanged)).toEqual(['constructor']);
    expect(ids(diff.added)).toEqual(['toString']);
    expect(ids(diff.missing)).toEqual(['hasOwnProperty']);
    // Nothing leaked onto Object.prototype.
    expect(Object.hasOwn(Object.prototype, 'inputPerMTok')).toBe(false);
  });

  it('keeps names with markup as plain text', () => {
    const name = '<script>alert("x")</script>';
    const diff = diffCatalogs([perToken('m', 1, 2)], [perToken('m', 1, 2, { name })]);
    expect(diff.otherChanges[0]?.changes).toEqual([{ field: 'name', before: 'm', after: name }]);
  });

  it('counts a repeated imported id once, at its first entry', () => {
    const diff = diffCatalogs([], [perToken('m', 1, 2), perToken('m', 9, 9)]);
    expect(diff.added).toEqual([perToken('m', 1, 2)]);
  });

  it('an empty import leaves the whole catalog missing', () => {
    const diff = diffCatalogs([perToken('a', 1, 1), perToken('b', 1, 1)], []);
    expect(ids(diff.missing)).toEqual(['a', 'b']);
  });

  it('reads a LiteLLM file against a catalog built from it', () => {
    const text = readFileSync(new URL('../../fixtures/litellm-sample.json', import.meta.url), 'utf8');
    const parsed = parseCatalogText(text, { importedAt, fileName: 'prices.json' });
    if (!parsed.ok) throw new Error('fixture did not parse');
    const [first, ...rest] = parsed.models;
    if (!first || first.pricing.kind !== 'per-token') throw new Error('fixture changed');
    const current = [{ ...first, pricing: { ...first.pricing, inputPerMTok: 1 } }, ...rest.slice(1)];
    const diff = diffCatalogs(current, parsed.models);
    expect(diff.priceChanges.map((c) => c.after.id)).toEqual([first.id]);
    expect(diff.priceChanges[0]?.changes).toEqual([
      { field: 'inputPerMTok', before: 1, after: first.pricing.inputPerMTok },
    ]);
    expect(diff.added).toHaveLength(rest.length > 0 ? 1 : 0);
    expect(diff.unchanged).toHaveLength(Math.max(0, rest.length - 1));
  });
});

describe('stampImportSource', () => {
  it('gives models without a source "Imported from <origin>" and the import date, and keeps the others', () => {
    const own = { label: 'AWS price list', asOf: '2027-01', url: 'https://aws.amazon.com/bedrock/pricing/' };
    const stamped = stampImportSource([perToken('a', 1, 1), perToken('b', 1, 1, { source: own })], {
      origin: 'https://example.com/prices.csv',
      importedAt,
    });
    expect(stamped[0]?.source).toEqual({
      label: 'Imported from https://example.com/prices.csv',
      asOf: importedAt,
    });
    expect(stamped[1]?.source).toBe(own);
  });

  it('reads a CSV without source columns into models that say where they came from', () => {
    const csv = 'id,name,platform,inputPerMTok,outputPerMTok\ndear,Dear model,bedrock,6,15\n';
    const parsed = parseCatalogText(csv, { importedAt, fileName: 'prices.csv' });
    if (!parsed.ok) throw new Error('csv did not parse');
    const [model] = stampImportSource(parsed.models, { origin: 'prices.csv', importedAt });
    expect(model?.source).toEqual({ label: 'Imported from prices.csv', asOf: importedAt });
  });
});

describe('applying an import', () => {
  // The small scenario: "cheap" (1/2 $/MTok) used by "All on cheap", "dear" (3/15) used by "All on dear".
  const imported = stampImportSource(
    [perToken('dear', 6, 15, { name: 'Dear model v2', quality: 0 }), perToken('spare', 0.1, 0.2)],
    { origin: 'prices.json', importedAt },
  );

  it('apply all: the catalog becomes the import, plus the missing models strategies use (said which)', () => {
    const scenario = loadSmallScenario();
    const diff = diffCatalogs(scenario.catalog, imported);
    expect(ids(diff.missing)).toEqual(['cheap']);
    expect(ids(findModelsKeptOnReplace(scenario, imported))).toEqual(['cheap']);
    const next = replaceCatalog(scenario, imported);
    expect(ids(next.catalog)).toEqual(['dear', 'spare', 'cheap']);
    // The imported entry wins whole: its name and quality, its source.
    expect(next.catalog[0]?.name).toBe('Dear model v2');
    expect(next.catalog[0]?.quality).toBe(0);
    expect(next.catalog[0]?.source).toEqual({ label: 'Imported from prices.json', asOf: importedAt });
    expect(validateScenario(next).ok).toBe(true);
  });

  it('apply price updates only: the pricing and source of matching ids change, nothing is added or removed', () => {
    const scenario = loadSmallScenario();
    const diff = diffCatalogs(scenario.catalog, imported);
    const next = updateModelPrices(scenario, listPriceUpdates(diff));
    expect(ids(next.catalog)).toEqual(['cheap', 'dear']);
    expect(next.catalog[0]).toBe(scenario.catalog[0]);
    const dear = next.catalog[1];
    expect(dear?.name).toBe('Dear model');
    expect(dear?.quality).toBe(90);
    expect(dear?.pricing).toEqual(imported[0]?.pricing);
    expect(dear?.source).toEqual({ label: 'Imported from prices.json', asOf: importedAt });
    // All on dear: 1,000,000 × (1,000 × $6/M + 100 × $15/M) = 1,000,000 × $0.0075 = $7,500 a month.
    const validated = validateScenario(next);
    if (!validated.ok) throw new Error('edit broke the scenario');
    const allDear = simulate(validated.value).strategies.find((s) => s.id === 'all-dear');
    expect(allDear?.months[0]?.spend).toBeCloseTo(7500, 6);
  });
});

describe('attachKnownQuality', () => {
  const base = {
    provider: 'Anthropic',
    platform: 'bedrock',
    pricing: perTokenPricingSchema.parse({ kind: 'per-token', inputPerMTok: 3, outputPerMTok: 15 }),
    contextWindow: null,
    outputTokenFactor: 1,
    openWeight: false,
    region: 'global',
    tokenizerFactor: 1,
    reasoning: false,
    retiresOn: null,
  };
  const shipped = {
    ...base,
    id: 'bedrock:claude-sonnet-4.5@global',
    name: 'Claude Sonnet 4.5 — Bedrock, global',
    priceKey: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    quality: 72.7,
    qualitySource: {
      benchmark: 'GPQA Diamond',
      label: 'Artificial Analysis',
      asOf: '2026-10-08',
      assumption: false,
    },
  };
  const imported = {
    ...base,
    id: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    name: 'Claude Sonnet 4.5 — Bedrock, global',
    priceKey: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
    quality: 0,
  };

  it('gives an imported row the score a known row records for the same price-list key', () => {
    const [scored, unknown] = attachKnownQuality(
      [imported, { ...imported, id: 'x', priceKey: 'some-other-key' }],
      [shipped],
    );
    expect(scored).toMatchObject({ quality: 72.7, qualitySource: shipped.qualitySource });
    expect(unknown?.quality).toBe(0);
    expect(unknown?.qualitySource).toBeUndefined();
  });

  it('keeps a score the imported row already has', () => {
    const own = { benchmark: 'our eval', label: 'ours', asOf: '2026-11-01', assumption: false };
    const [kept] = attachKnownQuality([{ ...imported, quality: 90, qualitySource: own }], [shipped]);
    expect(kept).toMatchObject({ quality: 90, qualitySource: own });
  });
});

describe('mergeStatedPricing (a price update from a file that leaves figures out)', () => {
  it('keeps the batch discount, cache prices and minimum prefix the file does not state, and takes its prices', () => {
    // The shipped row: AWS's list gives batch 50 %, cache read $0.30, a 1,024-token minimum. LiteLLM's entry for the
    // same key lists only input and output ($3.30 / $16.50): an update moves those and keeps the rest.
    const shipped = makePerTokenModel('bedrock:claude-sonnet-4.5@us', {
      inputPerMTok: 3,
      outputPerMTok: 15,
      cacheWritePerMTok: 3.75,
      cacheReadPerMTok: 0.3,
      batchDiscount: 0.5,
      minCachePrefixTokens: 1024,
    });
    const file = makePerTokenModel('us.anthropic.claude-sonnet-4-5', {
      inputPerMTok: 3.3,
      outputPerMTok: 16.5,
    });
    expect(mergeStatedPricing(shipped.pricing, file.pricing)).toEqual({
      ...shipped.pricing,
      inputPerMTok: 3.3,
      outputPerMTok: 16.5,
    });
  });

  it('finds no change, and so keeps the row’s own source and date, when the file states nothing new', () => {
    const shipped = makePerTokenModel(
      'bedrock:nova-micro@us',
      { inputPerMTok: 0.035, outputPerMTok: 0.14, batchDiscount: 0.5 },
      { priceKey: 'us.amazon.nova-micro-v1:0', source: { label: 'AWS price list', asOf: '2026-10-08' } },
    );
    const file = makePerTokenModel(
      'us.amazon.nova-micro-v1:0',
      { inputPerMTok: 0.035, outputPerMTok: 0.14 },
      { priceKey: 'us.amazon.nova-micro-v1:0', source: { label: 'LiteLLM', asOf: '2026-12-02' } },
    );
    const match = matchPriceUpdates([shipped], [file]);
    expect(match.matched).toBe(1);
    expect(match.changes).toEqual([]);
  });
});
