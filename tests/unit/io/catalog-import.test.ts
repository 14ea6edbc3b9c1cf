import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/domain/scenario-schema';
import { formatIssue } from '../../../src/domain/validate-scenario';
import { catalogToCsv, parseCatalogText, summarizeCatalogImport } from '../../../src/io/catalog-import';
import type { CatalogImportResult } from '../../../src/io/catalog-import';
import { MAX_IMPORT_BYTES } from '../../../src/io/json-text';
import { serializeCatalog } from '../../../src/io/scenario-file';

const importedAt = '2027-03-14';
const designExample = JSON.parse(
  readFileSync(new URL('../../fixtures/design-example.json', import.meta.url), 'utf8'),
) as { catalog: unknown[] };

function messages(result: CatalogImportResult): string[] {
  if (result.ok) throw new Error('expected the import to fail');
  return result.issues.map(formatIssue);
}

function sonnetEntry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'bedrock:claude-sonnet',
    name: 'Claude Sonnet',
    provider: 'Anthropic',
    platform: 'bedrock',
    pricing: { kind: 'per-token', inputPerMTok: 3, outputPerMTok: 15, cacheReadPerMTok: 0.3 },
    quality: 90,
    ...overrides,
  };
}

describe('format detection', () => {
  it('reads a JSON list as a native catalog', () => {
    const result = parseCatalogText(JSON.stringify(designExample.catalog), { importedAt });
    expect(result.ok && result.format).toBe('native');
    expect(result.ok && result.models.map((m) => m.id)).toEqual([
      'bedrock:mistral-small',
      'bedrock:mistral-7b',
      'bedrock:claude-sonnet',
      'self:mixtral-8x7b',
    ]);
  });

  it('reads a JSON object of LiteLLM entries as LiteLLM', () => {
    const text = readFileSync(new URL('../../fixtures/litellm-sample.json', import.meta.url), 'utf8');
    expect(parseCatalogText(text, { importedAt, fileName: 'prices.txt' })).toMatchObject({
      ok: true,
      format: 'litellm',
    });
  });

  it('reads text with a catalog header row as CSV, with or without a .csv name', () => {
    const csv = 'id,platform,inputPerMTok,outputPerMTok\nm1,bedrock,1,2\n';
    expect(parseCatalogText(csv, { importedAt })).toMatchObject({ ok: true, format: 'csv', imported: 1 });
    expect(parseCatalogText(csv, { importedAt, fileName: 'models.CSV' })).toMatchObject({
      ok: true,
      format: 'csv',
    });
  });

  it('treats a .csv name as CSV even when the text starts with a bracket', () => {
    expect(messages(parseCatalogText('[1,2]\n', { importedAt, fileName: 'x.csv' }))[0]).toMatch(
      /^not a recognised catalog/,
    );
  });

  it('reports broken JSON plainly, by content or by a .json name', () => {
    expect(messages(parseCatalogText('[{"id": ', { importedAt }))[0]).toMatch(/^not valid JSON: /);
    expect(messages(parseCatalogText('id,platform', { importedAt, fileName: 'x.json' }))[0]).toMatch(
      /^not valid JSON: /,
    );
  });

  it('refuses objects that are neither LiteLLM nor a catalog, and points out a scenario file', () => {
    expect(messages(parseCatalogText('{"a": 1}', { importedAt }))[0]).toMatch(/^not a recognised catalog/);
    expect(messages(parseCatalogText('"text"', { importedAt }))[0]).toMatch(/^not a recognised catalog/);
    expect(messages(parseCatalogText(JSON.stringify(designExample), { importedAt }))[0]).toMatch(
      /scenario file/,
    );
  });

  it('refuses empty files and catalogs without models', () => {
    expect(messages(parseCatalogText('', { importedAt }))).toEqual(['the file is empty']);
    expect(messages(parseCatalogText(' \n\n', { importedAt }))).toEqual(['the file is empty']);
    expect(messages(parseCatalogText('[]', { importedAt }))).toEqual(['the catalog holds no models']);
    expect(messages(parseCatalogText('id,platform\n', { importedAt }))).toEqual([
      'the catalog holds no models',
    ]);
  });

  it('refuses prose that is not CSV with catalog columns', () => {
    expect(messages(parseCatalogText('hello world\nthis is not a catalog', { importedAt }))[0]).toMatch(
      /^not a recognised catalog/,
    );
  });

  it('strips a byte-order mark', () => {
    const result = parseCatalogText(`\ufeff${JSON.stringify([sonnetEntry()])}`, { importedAt });
    expect(result.ok && result.format).toBe('native');
  });
});

describe('native catalog JSON', () => {
  it('fills defaults and keeps the source', () => {
    const result = parseCatalogText(
      JSON.stringify([sonnetEntry({ source: { label: 'list', asOf: '2026' } })]),
      {
        importedAt,
      },
    );
    expect(result.ok && result.models[0]).toEqual({
      id: 'bedrock:claude-sonnet',
      name: 'Claude Sonnet',
      provider: 'Anthropic',
      platform: 'bedrock',
      pricing: {
        kind: 'per-token',
        inputPerMTok: 3,
        outputPerMTok: 15,
        cacheWritePerMTok: null,
        cacheReadPerMTok: 0.3,
        batchDiscount: null,
        cacheWrite1hPerMTok: null,
        minCachePrefixTokens: 0,
        batchCaching: true,
        longContext: null,
      },
      contextWindow: null,
      quality: 90,
      outputTokenFactor: 1,
      openWeight: false,
      region: null,
      tokenizerFactor: 1,
      reasoning: false,
      priceKey: null,
      retiresOn: null,
      source: { label: 'list', asOf: '2026' },
    });
  });

  it('reports every problem with its path, and duplicate ids', () => {
    const entries = [
      sonnetEntry(),
      sonnetEntry({ id: 'a', pricing: { kind: 'per-token', inputPerMTok: -1, outputPerMTok: 'x' } }),
      sonnetEntry({ id: 'b', platform: '' }),
      sonnetEntry({ id: 'c', pricing: { kind: 'gpu' } }),
      'not a model',
      sonnetEntry(),
      sonnetEntry({ id: 'd', extra: 1 }),
    ];
    expect(messages(parseCatalogText(JSON.stringify(entries), { importedAt }))).toEqual([
      'catalog[1].pricing.inputPerMTok: must be 0 or more',
      'catalog[1].pricing.outputPerMTok: must be a number',
      'catalog[2].platform: must be a non-empty string',
      'catalog[3].pricing.kind: must have kind "per-token" or "capacity"',
      'catalog[4]: must be an object',
      'catalog[6].extra: unknown field',
    ]);
    expect(
      messages(
        parseCatalogText(JSON.stringify([sonnetEntry(), sonnetEntry({ name: 'again' })]), { importedAt }),
      ),
    ).toEqual(['catalog[1].id: duplicate model id "bedrock:claude-sonnet" (also catalog[0])']);
  });

  it('reads back what serializeCatalog writes', () => {
    const first = parseCatalogText(JSON.stringify(designExample.catalog), { importedAt });
    if (!first.ok) throw new Error('design example catalog should import');
    const again = parseCatalogText(serializeCatalog(first.models), { importedAt });
    expect(again.ok && again.models).toEqual(first.models);
  });
});

describe('hostile input', () => {
  it('refuses text over 20 MB before parsing it', () => {
    const huge = `[${' '.repeat(MAX_IMPORT_BYTES)}]`;
    expect(messages(parseCatalogText(huge, { importedAt }))).toEqual([
      'the file is larger than 20 MB, the most this planner reads',
    ]);
    // Multi-byte text counts in UTF-8 bytes: 7 million "é" is 14 MB, 11 million is 22 MB.
    expect(messages(parseCatalogText('é'.repeat(11_000_000), { importedAt }))[0]).toMatch(
      /larger than 20 MB/,
    );
    expect(messages(parseCatalogText('é'.repeat(7_000_000), { importedAt }))[0]).not.toMatch(
      /larger than 20 MB/,
    );
  });

  it('keeps __proto__ and constructor ids, never polluting Object.prototype', () => {
    const text = `[${JSON.stringify(sonnetEntry({ id: '__proto__' }))}, ${JSON.stringify(sonnetEntry({ id: 'constructor' }))}]`;
    const result = parseCatalogText(text, { importedAt });
    expect(result.ok && result.models.map((m) => m.id)).toEqual(['__proto__', 'constructor']);
    const hostile =
      '[{"__proto__": {"polluted": true}, "id": "x", "name": "", "provider": "", "platform": "p", "pricing": {"kind": "per-token", "inputPerMTok": 1, "outputPerMTok": 1}}]';
    expect(messages(parseCatalogText(hostile, { importedAt }))).toEqual([
      'catalog[0].__proto__: unknown field',
    ]);
    const csv = '__proto__,id,platform\n1,x,p\n';
    expect(messages(parseCatalogText(csv, { importedAt }))[0]).toMatch(/^header: unknown column "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps markup as plain text, in every format', () => {
    const name = '<script>alert("x")</script>';
    const native = parseCatalogText(JSON.stringify([sonnetEntry({ name })]), { importedAt });
    expect(native.ok && native.models[0]!.name).toBe(name);
    const csv = parseCatalogText(catalogToCsv(native.ok ? native.models : []), { importedAt });
    expect(csv.ok && csv.models[0]!.name).toBe(name);
  });

  it.each([
    ['a number', '42'],
    ['null', 'null'],
    ['a list of numbers', '[1, 2]'],
    ['a list of lists', '[[]]'],
    ['an object of numbers', '{"a": 1, "b": 2}'],
  ])('refuses %s with a message and no exception', (_label, text) => {
    expect(parseCatalogText(text, { importedAt }).ok).toBe(false);
  });
});

describe('summarizeCatalogImport', () => {
  const model = { id: 'm' } as Model;
  it('names the format and counts with separators', () => {
    const result: CatalogImportResult = {
      ok: true,
      models: Array.from({ length: 2143 }, () => model),
      format: 'litellm',
      imported: 2143,
      skipped: 140,
      skippedKeys: [],
      unpriced: 83,
      unpricedKeys: [],
      beyondLimits: 0,
      beyondLimitKeys: [],
      writtenTwice: 0,
      writtenTwiceKeys: [],
    };
    // 140 skipped, 83 of them without a price: 140 − 83 = 57 others.
    expect(summarizeCatalogImport(result)).toBe(
      'Imported 2,143 models from LiteLLM format; 83 entries had no price; skipped 57 other entries.',
    );
    expect(summarizeCatalogImport({ ...result, skipped: 1, unpriced: 0 })).toBe(
      'Imported 2,143 models from LiteLLM format; 0 entries had no price; skipped 1 other entry.',
    );
    expect(summarizeCatalogImport({ ...result, format: 'csv', imported: 1, skipped: 1, unpriced: 0 })).toBe(
      'Imported 1 model from CSV format; skipped 1 entry.',
    );
    expect(
      summarizeCatalogImport({ ...result, format: 'native', imported: 3, skipped: 0, unpriced: 0 }),
    ).toBe('Imported 3 models from native catalog format; skipped 0 entries.');
  });

  it('says how many problems stopped an import', () => {
    expect(summarizeCatalogImport({ ok: false, issues: [{ path: '', message: 'x' }] })).toBe(
      'Could not import the catalog: 1 problem found.',
    );
  });
});
