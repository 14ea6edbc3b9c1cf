import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCENARIO_LIMITS } from '../../src/domain/scenario-schema';
import type { Model } from '../../src/domain/scenario-schema';
import { catalogToCsv, parseCatalogText } from '../../src/io/catalog-import';

/** Text a person or a hostile file might put in a cell: quotes, delimiters, newlines, formulas, any code point. */
const textArbitrary = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '=1+1',
    "'=x",
    "''",
    "'",
    '-5',
    '@a',
    '\tb',
    '\rc',
    ' a , "b" ;|',
  ),
);
const nonEmptyTextArbitrary = textArbitrary.filter((text) => text !== '');
/** A calendar day written YYYY-MM-DD. */
const isoDayArbitrary = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
/** Any double from 0 to a field's limit. */
function upToArbitrary(max: number): fc.Arbitrary<number> {
  return fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
}
const priceArbitrary = upToArbitrary(SCENARIO_LIMITS.pricePerMTok);
const tokensArbitrary = upToArbitrary(SCENARIO_LIMITS.tokens);

/**
 * A long-context tier: a cache price may be left out (scaled from the base one) or an explicit null, and the
 * CSV tells the two apart.
 */
const longContextArbitrary = fc.record(
  {
    aboveInputTokens: tokensArbitrary,
    inputPerMTok: priceArbitrary,
    outputPerMTok: priceArbitrary,
    cacheReadPerMTok: fc.option(priceArbitrary),
    cacheWritePerMTok: fc.option(priceArbitrary),
    cacheWrite1hPerMTok: fc.option(priceArbitrary),
  },
  { requiredKeys: ['aboveInputTokens', 'inputPerMTok', 'outputPerMTok'] },
);

const perTokenArbitrary = fc.record({
  kind: fc.constant('per-token' as const),
  inputPerMTok: priceArbitrary,
  outputPerMTok: priceArbitrary,
  cacheWritePerMTok: fc.option(priceArbitrary),
  cacheReadPerMTok: fc.option(priceArbitrary),
  batchDiscount: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  cacheWrite1hPerMTok: fc.option(priceArbitrary),
  minCachePrefixTokens: fc.nat({ max: SCENARIO_LIMITS.tokens }),
  batchCaching: fc.boolean(),
  longContext: fc.option(longContextArbitrary),
});

const capacityArbitrary = fc.record({
  kind: fc.constant('capacity' as const),
  hourlyPerUnit: upToArbitrary(SCENARIO_LIMITS.hourlyPerUnit),
  tokensPerMinutePerUnit: fc.double({ min: 1e-6, max: SCENARIO_LIMITS.tokensPerMinutePerUnit, noNaN: true }),
  minUnits: fc.nat({ max: 1000 }),
  commitmentMonths: fc.nat({ max: 120 }),
});

const modelArbitrary: fc.Arbitrary<Model> = fc.record(
  {
    id: nonEmptyTextArbitrary,
    name: textArbitrary,
    provider: textArbitrary,
    platform: nonEmptyTextArbitrary,
    pricing: fc.oneof(perTokenArbitrary, capacityArbitrary),
    contextWindow: fc.option(tokensArbitrary),
    quality: upToArbitrary(SCENARIO_LIMITS.quality),
    outputTokenFactor: upToArbitrary(SCENARIO_LIMITS.factor),
    openWeight: fc.boolean(),
    // An empty region is written as an empty cell, which reads as null (unspecified).
    region: fc.option(nonEmptyTextArbitrary),
    tokenizerFactor: fc.double({ min: 1e-6, max: SCENARIO_LIMITS.factor, noNaN: true }),
    reasoning: fc.boolean(),
    // An empty price key is written as an empty cell, which reads as null (no key).
    priceKey: fc.option(nonEmptyTextArbitrary),
    retiresOn: fc.option(isoDayArbitrary),
    // Written with its `qualityAssumption` cell always filled, so even empty texts read back as a source.
    qualitySource: fc.record(
      {
        benchmark: textArbitrary,
        label: textArbitrary,
        asOf: textArbitrary,
        url: nonEmptyTextArbitrary,
        assumption: fc.boolean(),
      },
      { requiredKeys: ['benchmark', 'label', 'asOf', 'assumption'] },
    ),
    // An all-empty source and empty notes are written as absent: generate only what survives a round trip.
    source: fc.record(
      { label: nonEmptyTextArbitrary, asOf: textArbitrary, url: nonEmptyTextArbitrary },
      { requiredKeys: ['label', 'asOf'] },
    ),
    notes: nonEmptyTextArbitrary,
  },
  {
    requiredKeys: [
      'id',
      'name',
      'provider',
      'platform',
      'pricing',
      'contextWindow',
      'quality',
      'outputTokenFactor',
      'openWeight',
      'region',
      'tokenizerFactor',
      'reasoning',
      'priceKey',
      'retiresOn',
    ],
  },
);

describe('catalogToCsv ⇄ CSV import', () => {
  it('reads back exactly the catalog it wrote', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(modelArbitrary, { selector: (model) => model.id, minLength: 1, maxLength: 6 }),
        (models) => {
          const result = parseCatalogText(catalogToCsv(models), { importedAt: '2027-03-14' });
          expect(result.ok && result.format).toBe('csv');
          expect(result.ok && result.models).toEqual(models);
        },
      ),
      { seed: 20270314, numRuns: 200 },
    );
  });
});
