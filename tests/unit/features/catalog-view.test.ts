import { describe, expect, it } from 'vitest';
import { makePerTokenModel } from '../../factories/model-builders';
import type { Model } from '../../../src/domain/scenario-schema';
import {
  NO_FILTERS,
  hasActiveFilters,
  isSeedFigure,
  listDistinct,
  selectCatalogRows,
  toPerMTok,
  toShownPrice,
  toggleSort,
} from '../../../src/features/catalog/catalog-view';
import { countStalePrices, isPriceStale, measurePriceAgeDays } from '../../../src/domain/price-age';
import { matchesModelQuery, matchesSearch, tokenizeSearchText } from '../../../src/ui/model-search';

function makeModel(id: string, overrides: Partial<Model> = {}): Model {
  return makePerTokenModel(
    id,
    { inputPerMTok: 1, outputPerMTok: 2 },
    { name: id.toUpperCase(), ...overrides },
  );
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

describe('search', () => {
  const sonnet = makeModel('global.anthropic.claude-sonnet-4-5-20250929-v1:0', {
    name: 'Claude Sonnet 4.5 — Bedrock, global',
    provider: 'Anthropic',
    priceKey: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
  });
  const shipped = makeModel('bedrock:claude-sonnet-4-5', {
    name: 'Sonnet',
    provider: 'Anthropic',
    priceKey: 'claude-sonnet-4-5-20250929',
  });
  const sonnet4 = makeModel('claude-sonnet-4-20250514', { name: 'Claude Sonnet 4 — Anthropic' });
  const gpt = makeModel('gpt-4o', { name: 'GPT-4o — OpenAI', provider: 'OpenAI' });
  const llama = makeModel('us.meta.llama3-3-70b-instruct-v1:0', { name: 'Llama 3.3 70B — Bedrock, us' });

  it('splits at every separator and lower-cases', () => {
    expect(tokenizeSearchText('Claude-Sonnet_4.5:v1/0 — Bedrock, us')).toEqual([
      'claude',
      'sonnet',
      '4',
      '5',
      'v1',
      '0',
      'bedrock',
      'us',
    ]);
  });

  it.each([
    ['sonnet 4.5', true],
    ['Sonnet 4-5', true],
    ['sonnet_4_5', true],
    ['CLAUDE SONNET 4.5', true],
    ['anthropic sonnet', true],
    ['sonnet 4.6', false],
    ['opus', false],
  ])('"%s" on a key that writes 4-5: %s', (query, expected) => {
    expect(matchesSearch(sonnet, query)).toBe(expected);
    expect(matchesSearch(shipped, query)).toBe(expected);
  });

  it('finds "sonnet 4.5" through the price key alone, and not Sonnet 4', () => {
    expect(
      matchesSearch(makeModel('x', { name: 'X', priceKey: 'claude-sonnet-4-5-20250929' }), 'sonnet 4.5'),
    ).toBe(true);
    expect(matchesSearch(sonnet4, 'sonnet 4.5')).toBe(false);
  });

  it('matches word starts, and longer words anywhere in a field written without separators', () => {
    expect(matchesSearch(gpt, 'gpt 4')).toBe(true);
    expect(matchesSearch(gpt, 'gpt4o')).toBe(true);
    expect(matchesSearch(llama, 'llama 3.3 70b')).toBe(true);
    expect(matchesSearch(llama, 'llama3.3')).toBe(true);
    expect(matchesSearch(llama, 'o')).toBe(false);
    expect(matchesSearch(llama, '   ')).toBe(true);
  });
});

describe('filters', () => {
  const catalog = [
    makeModel('a', { provider: 'Meta', region: 'us', openWeight: true, contextWindow: 128_000 }),
    makeModel('b', { provider: 'Anthropic', region: 'global', reasoning: true, contextWindow: 200_000 }),
    makeModel('c', { provider: 'Anthropic', platform: 'anthropic', contextWindow: null, reasoning: true }),
    makeModel('d', { pricing: capacity, platform: 'self-hosted' }),
    makeModel('e', {
      region: 'eu',
      contextWindow: 32_000,
      pricing: {
        kind: 'per-token',
        inputPerMTok: 5,
        outputPerMTok: 25,
        cacheWritePerMTok: null,
        cacheReadPerMTok: null,
        batchDiscount: null,
        cacheWrite1hPerMTok: null,
        minCachePrefixTokens: 0,
        batchCaching: true,
        longContext: null,
      },
    }),
  ];
  const rows = (filters: Partial<typeof NO_FILTERS>) =>
    selectCatalogRows(catalog, { ...NO_FILTERS, ...filters }, null);

  it('filters by provider, platform, region, open weights and reasoning', () => {
    expect(rows({ provider: 'Anthropic' })).toEqual([1, 2]);
    expect(rows({ platform: 'anthropic' })).toEqual([2]);
    expect(rows({ region: 'global' })).toEqual([1]);
    expect(rows({ openWeight: 'yes' })).toEqual([0]);
    expect(rows({ openWeight: 'no' })).toEqual([1, 2, 3, 4]);
    expect(rows({ reasoning: 'yes' })).toEqual([1, 2]);
    expect(rows({ reasoning: 'no' })).toEqual([0, 3, 4]);
  });

  it('keeps windows of at least N tokens, unlimited ones included', () => {
    expect(rows({ minContextTokens: 128_000 })).toEqual([0, 1, 2, 3]);
    expect(rows({ minContextTokens: 150_000 })).toEqual([1, 2, 3]);
  });

  it('keeps per-token models whose input price is at most $X per 1M tokens, capacity models left out', () => {
    expect(rows({ maxInputPerMTok: 1 })).toEqual([0, 1, 2]);
    expect(rows({ maxInputPerMTok: 5 })).toEqual([0, 1, 2, 4]);
    expect(rows({ maxInputPerMTok: 0.5 })).toEqual([]);
  });

  it('combines filters, and says when any is set', () => {
    expect(rows({ provider: 'Anthropic', reasoning: 'yes', minContextTokens: 250_000 })).toEqual([2]);
    expect(hasActiveFilters(NO_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...NO_FILTERS, search: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...NO_FILTERS, maxInputPerMTok: 0 })).toBe(true);
    expect(hasActiveFilters({ ...NO_FILTERS, region: 'eu' })).toBe(true);
  });

  it('lists the regions set, sorted, without the unset ones', () => {
    expect(listDistinct(catalog, 'region')).toEqual(['eu', 'global', 'us']);
  });

  it('filters a 2,500-row catalog by search and region together (its speed is measured by npm run bench, not here)', () => {
    const large = Array.from({ length: 2500 }, (_, i) =>
      makeModel(`bedrock/us-east-1/model-${i}-v1:0`, {
        name: `Model ${i} — Bedrock`,
        region: i % 2 ? 'us' : 'eu',
      }),
    );
    const found = selectCatalogRows(
      large,
      { ...NO_FILTERS, search: 'model 12', region: 'us' },
      { key: 'name', direction: 'ascending' },
    );
    // "model 12" matches models 12, 120–129 and 1200–1299 (111); the odd ones are in "us": 5 + 50 = 55.
    expect(found.length).toBe(55);
    const models = found.map((index) => large[index]!);
    expect(models.filter((model) => model.region !== 'us' || !/\/model-12\d*-/.test(model.id))).toEqual([]);
  });
});

describe('price age', () => {
  const dated = (asOf: string) => makeModel('m', { source: { label: 'x', asOf } });

  it('counts whole days from asOf to today', () => {
    // 2026-10-08 → 2026-12-02: 23 days left in October + 30 in November + 2 = 55.
    expect(measurePriceAgeDays(dated('2026-10-08'), '2026-12-02')).toBe(55);
    expect(measurePriceAgeDays(dated('2026-12-02'), '2026-12-02')).toBe(0);
    expect(measurePriceAgeDays(dated('2027-01-01'), '2026-12-02')).toBe(0);
  });

  it('reads a month or a year from its first day, and gives null without a date', () => {
    expect(measurePriceAgeDays(dated('2026-11'), '2026-12-02')).toBe(31);
    expect(measurePriceAgeDays(dated('2026'), '2026-01-31')).toBe(30);
    expect(measurePriceAgeDays(dated('unknown'), '2026-12-02')).toBeNull();
    expect(measurePriceAgeDays(makeModel('m'), '2026-12-02')).toBeNull();
  });

  it('flags prices more than 90 days old and counts them', () => {
    // 2026-09-03 → 2026-12-02 is 90 days: not yet stale; 2026-09-02 is 91.
    expect(isPriceStale(dated('2026-09-03'), '2026-12-02')).toBe(false);
    expect(isPriceStale(dated('2026-09-02'), '2026-12-02')).toBe(true);
    expect(
      countStalePrices(
        [dated('2026-09-02'), dated('2026-11-30'), dated('2025'), makeModel('n')],
        '2026-12-02',
      ),
    ).toBe(2);
  });
});

describe('matchesModelQuery (the model picker’s search)', () => {
  const sonnetEu = makePerTokenModel(
    'claude-eu',
    { inputPerMTok: 3, outputPerMTok: 15 },
    { name: 'Claude Sonnet 4.5', provider: 'Anthropic', platform: 'bedrock', region: 'eu-central-1' },
  );
  const selfHosted = makeModel('self', { name: 'Self-hosted Llama', pricing: capacity });

  it('reads name, provider, platform and region words', () => {
    expect(matchesModelQuery(sonnetEu, 'sonnet anthropic')).toBe(true);
    expect(matchesModelQuery(sonnetEu, 'bedrock eu central')).toBe(true);
    expect(matchesModelQuery(sonnetEu, 'sonnet vertex')).toBe(false);
  });

  it('keeps per-token models whose input price per 1M meets a bound', () => {
    // $3 input per 1M tokens.
    expect(matchesModelQuery(sonnetEu, '<3')).toBe(false);
    expect(matchesModelQuery(sonnetEu, '<=3')).toBe(true);
    expect(matchesModelQuery(sonnetEu, '≤$3 sonnet')).toBe(true);
    expect(matchesModelQuery(sonnetEu, '>2.5')).toBe(true);
    expect(matchesModelQuery(sonnetEu, '≥3.5')).toBe(false);
    // With a space after the operator, as people also type it.
    expect(matchesModelQuery(sonnetEu, 'sonnet > 2.5')).toBe(true);
    expect(matchesModelQuery(sonnetEu, '< 1')).toBe(false);
    expect(matchesModelQuery(sonnetEu, '<= $3')).toBe(true);
    // A capacity-billed model has no per-token price to compare.
    expect(matchesModelQuery(selfHosted, '<100')).toBe(false);
    expect(matchesModelQuery(selfHosted, 'llama')).toBe(true);
  });
});
