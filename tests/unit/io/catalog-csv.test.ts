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
          cacheWrite1hPerMTok: null,
          minCachePrefixTokens: 0,
          batchCaching: true,
          longContext: null,
        },
        contextWindow: 200000,
        quality: 90,
        outputTokenFactor: 1.2,
        openWeight: false,
        region: null,
        tokenizerFactor: 1,
        reasoning: false,
        priceKey: null,
        retiresOn: null,
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
      },
    ]);
  });

  it('reads decimal commas in a file separated by semicolons, as European spreadsheets save it', () => {
    const text =
      'id;platform;inputPerMTok;outputPerMTok;quality\nm;bedrock;1,5;0,000003;87,5\nn;bedrock;2;,5;3,5e1\n';
    const [m, n] = importModels(text);
    expect(m?.pricing).toMatchObject({ inputPerMTok: 1.5, outputPerMTok: 0.000003 });
    expect(m?.quality).toBe(87.5);
    expect(n?.pricing).toMatchObject({ inputPerMTok: 2, outputPerMTok: 0.5 });
    expect(n?.quality).toBe(35);
  });

  it('still refuses a comma in a number where commas separate cells or the cell is not one number', () => {
    // Quoted so the comma stays in the cell: "1,5" in a comma-separated file is ambiguous, and refused.
    expect(csvIssues('id,platform,inputPerMTok,outputPerMTok\nm,bedrock,"1,5",1\n')).toEqual([
      'row 2 (id "m"): inputPerMTok: must be a number',
    ]);
    expect(csvIssues('id;platform;inputPerMTok;outputPerMTok\nm;bedrock;1,5,0;1.5,2\n')).toEqual([
      'row 2 (id "m"): inputPerMTok: must be a number',
      'row 2 (id "m"): outputPerMTok: must be a number',
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
        pricing: {
          kind: 'capacity',
          hourlyPerUnit: 4.1,
          tokensPerMinutePerUnit: 60000,
          minUnits: 1,
          commitmentMonths: 0,
        },
        contextWindow: null,
        quality: 0,
        outputTokenFactor: 1,
        openWeight: true,
        region: null,
        tokenizerFactor: 1,
        reasoning: false,
        priceKey: null,
        retiresOn: null,
      },
    ]);
  });

  it('reads the price key, the retirement day and the quality source', () => {
    const text = `id,platform,inputPerMTok,outputPerMTok,quality,priceKey,retiresOn,qualityBenchmark,qualitySourceLabel,qualityAsOf,qualityUrl,qualityAssumption
opus,bedrock,5,25,81,global.anthropic.claude-opus-4-5-20251101-v1:0,2027-01-08,GPQA Diamond,Artificial Analysis,2026-10-08,https://artificialanalysis.ai/models/claude-opus-4-5,false
mine,bedrock,1,2,50,,,GPQA Diamond,assumed by tier,2026-10-08,,TRUE
plain,bedrock,1,2,,,,,,,,
`;
    const [opus, mine, plain] = importModels(text);
    expect(opus).toMatchObject({
      priceKey: 'global.anthropic.claude-opus-4-5-20251101-v1:0',
      retiresOn: '2027-01-08',
      qualitySource: {
        benchmark: 'GPQA Diamond',
        label: 'Artificial Analysis',
        asOf: '2026-10-08',
        url: 'https://artificialanalysis.ai/models/claude-opus-4-5',
        assumption: false,
      },
    });
    expect(mine).toMatchObject({ priceKey: null, retiresOn: null });
    expect(mine!.qualitySource).toEqual({
      benchmark: 'GPQA Diamond',
      label: 'assumed by tier',
      asOf: '2026-10-08',
      assumption: true,
    });
    expect(plain).toMatchObject({ priceKey: null, retiresOn: null });
    expect(plain!.qualitySource).toBeUndefined();
  });

  it('refuses a retirement day not written YYYY-MM-DD, naming its column', () => {
    expect(csvIssues('id,platform,inputPerMTok,outputPerMTok,retiresOn\nx,bedrock,1,2,8 Jan 2027\n')).toEqual(
      ['row 2 (id "x"): retiresOn: must be a date written YYYY-MM-DD'],
    );
    expect(
      csvIssues('id,platform,inputPerMTok,outputPerMTok,qualityAssumption\nx,bedrock,1,2,maybe\n'),
    ).toEqual(['row 2 (id "x"): qualityAssumption: must be true or false']);
  });

  it('reads the version-3 columns: region, tokenizer, reasoning, 1-hour write, prefix, batch caching, tier, term', () => {
    const text = `id,platform,inputPerMTok,outputPerMTok,cacheWritePerMTok,cacheReadPerMTok,region,tokenizerFactor,reasoning,cacheWrite1hPerMTok,minCachePrefixTokens,batchCaching,longContextAboveInputTokens,longContextInputPerMTok,longContextOutputPerMTok,longContextCacheReadPerMTok,longContextCacheWritePerMTok,longContextCacheWrite1hPerMTok,kind,hourlyPerUnit,tokensPerMinutePerUnit,commitmentMonths
sonnet-4-5,anthropic,3,15,3.75,0.3,global,1.3,TRUE,6,1024,true,200000,6,22.5,0.6,7.5,12,,,,
gpt-5,openai,1.25,10,,0.125,,,true,,,False,,,,,,,,,,
gemini,vertex,1.25,10,,0.125,eu,,,,,,200000,2.5,15,,null,,,,,
pt,bedrock,,,,,us-east-1,,,,,,,,,,,,capacity,40,100000,6
`;
    const [sonnet, gpt, gemini, pt] = importModels(text);
    expect(sonnet).toMatchObject({ region: 'global', tokenizerFactor: 1.3, reasoning: true });
    expect(sonnet!.pricing).toEqual({
      kind: 'per-token',
      inputPerMTok: 3,
      outputPerMTok: 15,
      cacheWritePerMTok: 3.75,
      cacheReadPerMTok: 0.3,
      batchDiscount: null,
      cacheWrite1hPerMTok: 6,
      minCachePrefixTokens: 1024,
      batchCaching: true,
      longContext: {
        aboveInputTokens: 200000,
        inputPerMTok: 6,
        outputPerMTok: 22.5,
        cacheReadPerMTok: 0.6,
        cacheWritePerMTok: 7.5,
        cacheWrite1hPerMTok: 12,
      },
    });
    // Empty cells: region null, factor 1; batchCaching "False" in any case.
    expect(gpt).toMatchObject({ region: null, tokenizerFactor: 1, reasoning: true });
    expect(gpt!.pricing).toMatchObject({ batchCaching: false, longContext: null, minCachePrefixTokens: 0 });
    // An empty tier cache cell leaves the price out; "null" makes it an explicit null.
    expect(gemini!.pricing.kind === 'per-token' && gemini!.pricing.longContext).toEqual({
      aboveInputTokens: 200000,
      inputPerMTok: 2.5,
      outputPerMTok: 15,
      cacheWritePerMTok: null,
    });
    expect(pt).toMatchObject({
      region: 'us-east-1',
      pricing: {
        kind: 'capacity',
        hourlyPerUnit: 40,
        tokensPerMinutePerUnit: 100000,
        minUnits: 0,
        commitmentMonths: 6,
      },
    });
  });

  it('reports bad version-3 cells with their column', () => {
    const text = `id,platform,inputPerMTok,outputPerMTok,kind,hourlyPerUnit,tokensPerMinutePerUnit,tokenizerFactor,reasoning,minCachePrefixTokens,batchCaching,longContextInputPerMTok,longContextAboveInputTokens,longContextCacheReadPerMTok,commitmentMonths
a,p,1,2,,,,0,yes,10.5,,,,,
b,p,1,2,,,,,,,maybe,6,null,,
c,p,1,2,,,,,,,,,,0.5,
d,p,,,capacity,1,2,,,,true,,,,1.5
`;
    expect(csvIssues(text)).toEqual([
      'row 2 (id "a"): reasoning: must be true or false',
      'row 2 (id "a"): minCachePrefixTokens: must be a whole number',
      'row 2 (id "a"): tokenizerFactor: must be greater than 0',
      'row 3 (id "b"): batchCaching: must be true or false',
      'row 3 (id "b"): longContextAboveInputTokens: must be a number',
      'row 3 (id "b"): longContextOutputPerMTok: is required',
      'row 4 (id "c"): longContextAboveInputTokens: is required',
      'row 4 (id "c"): longContextInputPerMTok: is required',
      'row 4 (id "c"): longContextOutputPerMTok: is required',
      'row 5 (id "d"): batchCaching: only applies to per-token models (leave it empty on a capacity row)',
      'row 5 (id "d"): commitmentMonths: must be a whole number',
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
    expect(header).toBe(
      `${HEADER},kind,hourlyPerUnit,tokensPerMinutePerUnit,minUnits,sourceUrl,notes,` +
        'region,tokenizerFactor,reasoning,cacheWrite1hPerMTok,minCachePrefixTokens,batchCaching,' +
        'longContextAboveInputTokens,longContextInputPerMTok,longContextOutputPerMTok,' +
        'longContextCacheReadPerMTok,longContextCacheWritePerMTok,longContextCacheWrite1hPerMTok,commitmentMonths,' +
        'priceKey,retiresOn,qualityBenchmark,qualitySourceLabel,qualityAsOf,qualityUrl,qualityAssumption',
    );
  });

  it('round-trips the design example catalog', () => {
    const models = nativeModels(designCatalog);
    // Strictly: a field the catalog leaves out (notes, a source link) is left out again, not set to undefined.
    expect(importModels(catalogToCsv(models))).toStrictEqual(models);
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
          outputPerMTok: 99_999.99999999999,
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
        region: '=eu',
        tokenizerFactor: 1.3,
        reasoning: true,
        priceKey: null,
        retiresOn: null,
      },
      {
        id: 'tiered',
        name: '',
        provider: '',
        platform: 'p',
        pricing: {
          kind: 'per-token',
          inputPerMTok: 3,
          outputPerMTok: 15,
          cacheReadPerMTok: 0.3,
          cacheWrite1hPerMTok: 6,
          minCachePrefixTokens: 1024,
          batchCaching: false,
          longContext: {
            aboveInputTokens: 200000,
            inputPerMTok: 6,
            outputPerMTok: 22.5,
            cacheReadPerMTok: null,
            cacheWrite1hPerMTok: 0.1 + 0.2,
          },
        },
      },
      {
        id: 'constructor',
        name: '<script>alert(1)</script>',
        provider: ' padded ',
        platform: 'p',
        pricing: {
          kind: 'capacity',
          hourlyPerUnit: 0,
          tokensPerMinutePerUnit: 0.5,
          minUnits: 0,
          commitmentMonths: 6,
        },
        notes: '\ttabbed',
      },
    ]);
    const csv = catalogToCsv(models);
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain("'-platform");
    expect(csv).toContain("'=eu");
    // The tier's read price is an explicit null, its write price left out: written "null" and "".
    expect(csv.split('\n').find((line) => line.startsWith('tiered,'))).toMatch(
      /,200000,6,22\.5,null,,0\.30000000000000004,/,
    );
    expect(importModels(csv)).toEqual(models);
  });
});
