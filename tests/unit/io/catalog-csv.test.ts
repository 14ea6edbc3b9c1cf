import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/domain/scenario-schema';
import { formatIssue } from '../../../src/domain/validate-scenario';
import { CATALOG_CSV_COLUMNS, parseCatalogCsv } from '../../../src/io/catalog-csv';
import { catalogToCsv, parseCatalogText } from '../../../src/io/catalog-import';

const importedAt = '2027-03-14';

function importModels(text: string): Model[] {
  const result = parseCatalogText(text, { importedAt });
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  expect(result.format).toBe('csv');
  return result.models;
}

function csvIssues(text: string): string[] {
  const result = parseCatalogCsv(text);
  if (result.ok) throw new Error('expected the CSV to be refused');
  return result.issues.map(formatIssue);
}

const HEADER =
  'id,name,provider,platform,inputPerMTok,outputPerMTok,cacheWritePerMTok,cacheReadPerMTok,batchDiscount,contextWindow,quality,outputTokenFactor,openWeight,sourceLabel,asOf';

describe('reading catalog CSV', () => {
  it('reads the documented columns, empty cells taking the defaults', () => {
    const text = `${HEADER}
bedrock:claude-sonnet,Claude Sonnet,Anthropic,bedrock,3,15,3.75,0.3,0.5,200000,90,1.2,false,AWS price list,2026-05
bedrock:mistral-7b,,,bedrock,0.15,0.2,,,,,,,,,
`;
    expect(importModels(text)).toEqual([
      {
        id: 'bedrock:claude-sonnet',
        name: 'Claude Sonnet',
        provider: 'Anthropic',
        platform: 'bedrock',
        pricing: {
          kind: 'per-token',
          inputPerMTok: 3,
          outputPerMTok: 15,
          cacheWritePerMTok: 3.75,
          cacheReadPerMTok: 0.3,
          batchDiscount: 0.5,
        },
        contextWindow: 200000,
        quality: 90,
        outputTokenFactor: 1.2,
        openWeight: false,
        source: { label: 'AWS price list', asOf: '2026-05' },
      },
      {
        id: 'bedrock:mistral-7b',
        name: '',
        provider: '',
        platform: 'bedrock',
        pricing: {
          kind: 'per-token',
          inputPerMTok: 0.15,
          outputPerMTok: 0.2,
          cacheWritePerMTok: null,
          cacheReadPerMTok: null,
          batchDiscount: null,
        },
        contextWindow: null,
        quality: 0,
        outputTokenFactor: 1,
        openWeight: false,
      },
    ]);
  });

  it('reads capacity rows, columns in any order and any case, with semicolons', () => {
    const text =
      'Kind;ID;Platform;HourlyPerUnit;tokensPerMinutePerUnit;minUnits;openWeight\ncapacity;self:mixtral;self-hosted;4.1;60000;1;TRUE\n';
    expect(importModels(text)).toEqual([
      {
        id: 'self:mixtral',
        name: '',
        provider: '',
        platform: 'self-hosted',
        pricing: { kind: 'capacity', hourlyPerUnit: 4.1, tokensPerMinutePerUnit: 60000, minUnits: 1 },
        contextWindow: null,
        quality: 0,
        outputTokenFactor: 1,
        openWeight: true,
      },
    ]);
  });

  it('keeps quoted commas, quotes and newlines in text cells', () => {
    const text = 'id,name,platform,inputPerMTok,outputPerMTok\n"a,b","Say ""hi""\non two lines",p,1,2\n';
    expect(importModels(text)[0]).toMatchObject({ id: 'a,b', name: 'Say "hi"\non two lines' });
  });

  it('skips blank rows but numbers rows as a spreadsheet shows them', () => {
    const text = 'id,platform,inputPerMTok,outputPerMTok\n\nm1,p,1,2\n\nm2,p,abc,2\n';
    expect(csvIssues(text)).toEqual(['row 5 (id "m2"): inputPerMTok: must be a number']);
  });

  it('parses numbers strictly and reports every bad cell with its row and id', () => {
    const text = `id,platform,inputPerMTok,outputPerMTok,batchDiscount,quality,openWeight,kind,minUnits
ok,p,1,2,0.5,1e2,true,,
x,p,abc,1e999,1.5,-3,maybe,,
y,p,1 000,0x10,,,,gpu,
z,p,1,2,,,,,3
,p,1,2,,,,,
w,,Infinity,NaN,,,,,
`;
    expect(csvIssues(text)).toEqual([
      'row 3 (id "x"): inputPerMTok: must be a number',
      'row 3 (id "x"): outputPerMTok: must be a finite number',
      'row 3 (id "x"): openWeight: must be true or false',
      'row 3 (id "x"): batchDiscount: must be between 0 and 1',
      'row 3 (id "x"): quality: must be 0 or more',
      'row 4 (id "y"): kind: must be "per-token" or "capacity"',
      'row 4 (id "y"): inputPerMTok: must be a number',
      'row 4 (id "y"): outputPerMTok: must be a number',
      'row 5 (id "z"): minUnits: only applies to capacity-billed models (set kind to "capacity")',
      'row 6: id: is required',
      'row 7 (id "w"): inputPerMTok: must be a number',
      'row 7 (id "w"): outputPerMTok: must be a number',
      'row 7 (id "w"): platform: is required',
    ]);
  });

  it('reports missing required prices, capacity fields and prices on capacity rows', () => {
    const text =
      'id,platform,kind,inputPerMTok,hourlyPerUnit,tokensPerMinutePerUnit\na,p,,,,\nb,p,capacity,1,2,\n';
    expect(csvIssues(text)).toEqual([
      'row 2 (id "a"): inputPerMTok: is required',
      'row 2 (id "a"): outputPerMTok: is required',
      'row 3 (id "b"): inputPerMTok: only applies to per-token models (leave it empty on a capacity row)',
      'row 3 (id "b"): tokensPerMinutePerUnit: is required',
    ]);
  });

  it('refuses duplicate ids, rows longer than the header and header mistakes', () => {
    expect(csvIssues('id,platform,inputPerMTok,outputPerMTok\na,p,1,2\na,q,1,2\nb,p,1,2,9\n')).toEqual([
      'row 3 (id "a"): id: duplicate model id (also on row 2)',
      'row 4 (id "b"): has 5 cells but the header has 4',
    ]);
    expect(csvIssues('id,inputPerMtokens,id\n')).toEqual([
      `header: unknown column "inputPerMtokens" (known columns: ${CATALOG_CSV_COLUMNS.join(', ')})`,
      'header: column "id" appears twice',
      'header: missing column "platform"',
    ]);
  });

  it('treats short rows as empty trailing cells', () => {
    expect(importModels('id,platform,inputPerMTok,outputPerMTok,quality\nm,p,1,2\n')[0]!.quality).toBe(0);
  });

  it('reports broken quoting', () => {
    expect(csvIssues('id,platform,inputPerMTok,outputPerMTok\n"m,p,1,2\n')[0]).toMatch(/^row 2: .*quote/i);
  });
});

describe('catalogToCsv', () => {
  const designCatalog = (
    JSON.parse(readFileSync(new URL('../../fixtures/design-example.json', import.meta.url), 'utf8')) as {
      catalog: unknown[];
    }
  ).catalog;

  function nativeModels(entries: unknown[]): Model[] {
    const result = parseCatalogText(JSON.stringify(entries), { importedAt });
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
    return result.models;
  }

  it('writes every column, the documented ones first', () => {
    const header = catalogToCsv(nativeModels(designCatalog)).split('\n')[0]!;
    expect(header).toBe(`${HEADER},kind,hourlyPerUnit,tokensPerMinutePerUnit,minUnits,sourceUrl,notes`);
  });

  it('round-trips the design example catalog', () => {
    const models = nativeModels(designCatalog);
    expect(importModels(catalogToCsv(models))).toEqual(models);
  });

  it('round-trips hostile text and awkward numbers', () => {
    const models = nativeModels([
      {
        id: '__proto__',
        name: '=HYPERLINK("http://evil.example","click")',
        provider: '\'quoted\', "double"\nnext line',
        platform: '-platform',
        pricing: {
          kind: 'per-token',
          inputPerMTok: 1e-7,
          outputPerMTok: 1e21,
          cacheWritePerMTok: 0.1 + 0.2,
          cacheReadPerMTok: 0,
          batchDiscount: 1,
        },
        contextWindow: 0,
        quality: 12.5,
        outputTokenFactor: 0,
        openWeight: true,
        source: { label: '+cmd', asOf: '@2026', url: 'https://example.com/a,b' },
        notes: "''=x",
      },
      {
        id: 'constructor',
        name: '<script>alert(1)</script>',
        provider: ' padded ',
        platform: 'p',
        pricing: { kind: 'capacity', hourlyPerUnit: 0, tokensPerMinutePerUnit: 0.5, minUnits: 0 },
        notes: '\ttabbed',
      },
    ]);
    const csv = catalogToCsv(models);
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain("'-platform");
    expect(importModels(csv)).toEqual(models);
  });
});
