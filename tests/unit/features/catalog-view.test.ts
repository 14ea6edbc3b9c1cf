import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/domain/scenario-schema';
import {
  NO_FILTERS,
  isSeedFigure,
  selectCatalogRows,
  toPerMTok,
  toShownPrice,
  toggleSort,
} from '../../../src/features/catalog/catalog-view';

function makeModel(id: string, overrides: Partial<Model> = {}): Model {
  return {
    id,
    name: id.toUpperCase(),
    provider: 'Acme',
    platform: 'bedrock',
    pricing: {
      kind: 'per-token',
      inputPerMTok: 1,
      outputPerMTok: 2,
      cacheWritePerMTok: null,
      cacheReadPerMTok: null,
      batchDiscount: null,
      cacheWrite1hPerMTok: null,
      minCachePrefixTokens: 0,
      batchCaching: true,
      longContext: null,
    },
    contextWindow: null,
    quality: 0,
    outputTokenFactor: 1,
    openWeight: false,
    region: null,
    tokenizerFactor: 1,
    reasoning: false,
    priceKey: null,
    retiresOn: null,
    ...overrides,
  };
}

const capacity: Model['pricing'] = {
  kind: 'capacity',
  hourlyPerUnit: 4,
  tokensPerMinutePerUnit: 1000,
  minUnits: 0,
  commitmentMonths: 0,
};

describe('price units', () => {
  it('shows per 1K as per 1M ÷ 1000 without float artefacts, and reads it back', () => {
    expect(toShownPrice(0.7, 'per-thousand')).toBe(0.0007); // 0.7 / 1000 is 0.0007000000000000001 in floats
    expect(toShownPrice(0.7, 'per-million')).toBe(0.7);
    expect(toPerMTok(0.00015, 'per-thousand')).toBe(0.15);
    for (const perMTok of [0.035, 0.15, 0.2, 3, 3.75, 15, 18.75, 0.00875, 1234.5678])
      expect(toPerMTok(toShownPrice(perMTok, 'per-thousand'), 'per-thousand')).toBe(perMTok);
  });
});

describe('selectCatalogRows', () => {
  const catalog = [
    makeModel('b', { quality: 5 }),
    makeModel('cap', { pricing: capacity, quality: 9 }),
    makeModel('a', {
      quality: 5,
      pricing: {
        kind: 'per-token',
        inputPerMTok: 0.5,
        outputPerMTok: 2,
        cacheWritePerMTok: null,
        cacheReadPerMTok: 0.05,
        batchDiscount: null,
        cacheWrite1hPerMTok: null,
        minCachePrefixTokens: 0,
        batchCaching: true,
        longContext: null,
      },
    }),
  ];

  it('keeps catalog order without a sort', () => {
    expect(selectCatalogRows(catalog, NO_FILTERS, null)).toEqual([0, 1, 2]);
  });

  it('puts models without the figure last in both directions', () => {
    expect(selectCatalogRows(catalog, NO_FILTERS, { key: 'input', direction: 'ascending' })).toEqual([
      2, 0, 1,
    ]);
    expect(selectCatalogRows(catalog, NO_FILTERS, { key: 'input', direction: 'descending' })).toEqual([
      0, 2, 1,
    ]);
    expect(selectCatalogRows(catalog, NO_FILTERS, { key: 'cacheRead', direction: 'descending' })).toEqual([
      2, 0, 1,
    ]);
  });

  it('breaks ties by catalog order', () => {
    expect(selectCatalogRows(catalog, NO_FILTERS, { key: 'quality', direction: 'ascending' })).toEqual([
      0, 2, 1,
    ]);
    expect(selectCatalogRows(catalog, NO_FILTERS, { key: 'quality', direction: 'descending' })).toEqual([
      1, 0, 2,
    ]);
  });

  it('searches name and id, case-insensitively, and handles awkward ids', () => {
    const awkward = [makeModel('__proto__', { name: 'Proto' }), makeModel('constructor', { name: 'Ctor' })];
    expect(selectCatalogRows(awkward, { ...NO_FILTERS, search: 'PROTO' }, null)).toEqual([0]);
    expect(selectCatalogRows(awkward, { ...NO_FILTERS, search: 'ctor' }, null)).toEqual([1]);
  });
});

describe('toggleSort and isSeedFigure', () => {
  it('sorts ascending first, then flips', () => {
    const first = toggleSort(null, 'name');
    expect(first).toEqual({ key: 'name', direction: 'ascending' });
    expect(toggleSort(first, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(toggleSort({ key: 'name', direction: 'descending' }, 'name')).toEqual({
      key: 'name',
      direction: 'ascending',
    });
  });

  it('marks figures whose source label starts with "seed"', () => {
    expect(isSeedFigure(makeModel('a', { source: { label: 'seed: representative', asOf: '2026' } }))).toBe(
      true,
    );
    expect(isSeedFigure(makeModel('a', { source: { label: 'AWS pricing page', asOf: '2025' } }))).toBe(false);
    expect(isSeedFigure(makeModel('a'))).toBe(false);
  });
});
