import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capacityPricingSchema,
  classifierSchema,
  creditPoolSchema,
  financeSchema,
  fixedCostSchema,
  longContextSchema,
  modelSchema,
  optionsSchema,
  perTokenPricingSchema,
  scenarioSchema,
  sliceSchema,
  sourceSchema,
} from '../../../src/domain/scenario-schema';
import type { Scenario } from '../../../src/domain/scenario-schema';
import { formatIssue } from '../../../src/domain/validate-scenario';
import { MAX_IMPORT_BYTES, findDuplicateKeys } from '../../../src/io/json-text';
import {
  parseScenarioText,
  rememberModelText,
  serializeModelCompact,
  serializeScenario,
  writeCompactScenario,
} from '../../../src/io/scenario-file';
import { scenarioArbitrary } from '../../factories/scenario-arbitrary';
import { makeLargeCatalogScenario } from '../../factories/large-catalog';

const designText = readFileSync(new URL('../../fixtures/design-example.json', import.meta.url), 'utf8');

function parseOk(text: string): Scenario {
  const result = parseScenarioText(text);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}

function issuesOf(text: string): string[] {
  const result = parseScenarioText(text);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.issues.map(formatIssue);
}

/** A scenario using every optional field, hostile ids included. */
const fullScenario: Record<string, unknown> = {
  schemaVersion: 1,
  name: 'Everything <b>set</b>',
  description: 'all optional fields',
  horizonMonths: 3,
  startMonth: '2027-11',
  options: { batch: false, caching: true, peakToAverage: 1.5 },
  catalog: [
    {
      id: '__proto__',
      name: 'Proto',
      provider: 'P',
      platform: 'constructor',
      pricing: {
        kind: 'per-token',
        inputPerMTok: 1,
        outputPerMTok: 2,
        cacheWritePerMTok: 1.25,
        cacheReadPerMTok: 0.1,
        batchDiscount: 0.5,
        cacheWrite1hPerMTok: 2,
        minCachePrefixTokens: 4,
        batchCaching: false,
        longContext: {
          aboveInputTokens: 500,
          inputPerMTok: 2,
          outputPerMTok: 3,
          cacheReadPerMTok: 0.2,
          cacheWritePerMTok: null,
          cacheWrite1hPerMTok: 4,
        },
      },
      contextWindow: 1000,
      quality: 10,
      outputTokenFactor: 1.1,
      openWeight: true,
      region: 'eu',
      tokenizerFactor: 1.3,
      reasoning: true,
      source: { label: 'list', asOf: '2026', url: 'https://example.com' },
      priceKey: 'eu.example-model-v1:0',
      retiresOn: '2027-06-30',
      qualitySource: {
        benchmark: 'GPQA Diamond',
        label: 'example leaderboard',
        asOf: '2026-10-08',
        url: 'https://example.com/q',
        assumption: false,
      },
      notes: 'n',
    },
    {
      id: 'cap',
      name: 'Cap',
      provider: 'Q',
      platform: 'self',
      pricing: {
        kind: 'capacity',
        hourlyPerUnit: 2,
        tokensPerMinutePerUnit: 1000,
        minUnits: 1,
        commitmentMonths: 2,
      },
      region: 'eu-west-3',
    },
  ],
  traffic: [
    {
      id: 'constructor',
      name: 'C',
      requestsPerMonth: 10,
      inputTokens: 5,
      outputTokens: 2,
      regions: ['eu', 'eu-west-3'],
      cacheTtl: '1h',
      reasoningTokens: 7,
      notes: 'slice',
    },
    { id: '__proto__', name: 'P', requestsPerMonth: 1, inputTokens: 1, outputTokens: 1 },
  ],
  strategies: [
    { id: 's', name: 'Single', kind: 'single', model: '__proto__' },
    { id: 'a', name: 'Assign', kind: 'assign', routes: { __proto__: 'cap', constructor: '__proto__' } },
    {
      id: 'c',
      name: 'Cascade',
      kind: 'cascade',
      routes: { constructor: { steps: ['cap', '__proto__'], escalation: [0.2] } },
      fallback: '__proto__',
    },
    {
      id: 'r',
      name: 'Router',
      kind: 'router',
      classifier: { model: '__proto__', inputTokens: 3, outputTokens: 1 },
      routes: { __proto__: { __proto__: 0.25, cap: 0.75 } },
      fallback: 'cap',
    },
    { id: 'x', name: 'Cheapest', kind: 'cheapest-meeting-bar' },
  ],
  credits: [
    {
      id: 'pool',
      name: 'Pool',
      amount: 5,
      startMonth: 1,
      expiresAfterMonths: 2,
      appliesTo: ['constructor'],
      notes: 'p',
    },
  ],
  fixedCosts: [
    {
      id: '__proto__',
      name: 'Vector store',
      platform: 'constructor',
      monthlyAmount: 350,
      startMonth: 1,
      endMonth: 3,
      monthlyGrowth: 0.05,
      strategies: ['s', 'x'],
      notes: 'f',
    },
  ],
  evaluations: [{ model: 'cap', slice: 'constructor', score: 72, source: 'our eval' }],
  finance: { cashOnHand: 100, otherMonthlyBurn: 10, monthlyRevenue: 1, revenueGrowth: 0.1 },
  displayCurrency: { currency: 'EUR', perUsd: 0.92, setOn: '2026-12-02' },
};
// JSON.stringify writes "__proto__" keys set through a literal as the prototype, not as data: build the text by hand.
const fullText = JSON.stringify(fullScenario)
  .replace('"routes":{"constructor":"__proto__"}', '"routes":{"__proto__":"cap","constructor":"__proto__"}')
  .replace('"routes":{}', '"routes":{"__proto__":{"__proto__":0.25,"cap":0.75}}');

describe('parseScenarioText', () => {
  it('reads the design example and fills defaults', () => {
    const scenario = parseOk(designText);
    expect(scenario.name).toBe('EU support assistant');
    expect(scenario.catalog[1]!.pricing).toMatchObject({ cacheWritePerMTok: null, cacheReadPerMTok: null });
    expect(scenario.traffic[0]!.monthlyGrowth).toBe(0.08);
  });

  it('reports JSON syntax errors plainly', () => {
    const [message] = issuesOf('{"schemaVersion": 1,, }');
    expect(message).toMatch(/^not valid JSON: /);
    expect(issuesOf('')).toEqual(['not valid JSON: the file is empty']);
  });

  it('reports every validation issue with its path', () => {
    const document = JSON.parse(designText) as Record<string, unknown> & {
      traffic: Record<string, unknown>[];
    };
    document.traffic[0]!.cacheHitRate = 2;
    document.horizonMonths = 0;
    expect(issuesOf(JSON.stringify(document))).toEqual([
      'horizonMonths: must be between 1 and 120',
      'traffic[0].cacheHitRate: must be between 0 and 1',
    ]);
    expect(issuesOf('[]')).toEqual(['a scenario must be a JSON object']);
  });

  it('refuses text over 20 MB before parsing it', () => {
    expect(issuesOf(`{${' '.repeat(MAX_IMPORT_BYTES)}}`)).toEqual([
      'the file is larger than 20 MB, the most this planner reads',
    ]);
  });

  it('accepts a byte-order mark', () => {
    expect(parseOk(`\ufeff${designText}`).name).toBe('EU support assistant');
  });

  it('keeps __proto__ ids as data without polluting Object.prototype', () => {
    const scenario = parseOk(fullText);
    const assign = scenario.strategies[1]!;
    expect(assign.kind === 'assign' && Object.keys(assign.routes)).toEqual(['__proto__', 'constructor']);
    const router = scenario.strategies[3]!;
    expect(router.kind === 'router' && Object.keys(router.routes.__proto__ ?? {})).toEqual([
      '__proto__',
      'cap',
    ]);
    expect(issuesOf('{"__proto__": {"polluted": true}}')).toContain('__proto__: unknown field');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('keys written twice', () => {
  it('are refused with their paths, like unknown fields, instead of JSON keeping the last', () => {
    const text = designText
      .replace('"horizonMonths": 24,', '"horizonMonths": 24, "horizonMonths": 36,')
      .replace('"cacheHitRate": 0.9,', '"cacheHitRate": 0.9, "cacheHitRate": 0.5,');
    const result = parseScenarioText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue)).toEqual([
      'horizonMonths: written twice in the file (JSON would keep only the last): remove one',
      'traffic[0].cacheHitRate: written twice in the file (JSON would keep only the last): remove one',
    ]);
  });

  it('are found at any depth, inside lists, past strings holding quotes and braces', () => {
    expect(findDuplicateKeys('{"a":{"b":1,"b":2}}')).toEqual([['a', 'b']]);
    expect(findDuplicateKeys('[{"x":1},{"x":1,"y":"\\"}{[","x":2}]')).toEqual([[1, 'x']]);
    expect(findDuplicateKeys('{"__proto__":1,"__proto__":2,"k":[[],{"k":1}]}')).toEqual([['__proto__']]);
    expect(findDuplicateKeys('{"a":1,"b":{"a":2}}')).toEqual([]);
  });
});

describe('writeCompactScenario with models written elsewhere', () => {
  it('is the scenario file without its spacing, hostile ids and a name quoting the catalog key included', () => {
    for (const scenario of [
      parseOk(designText),
      parseOk(fullText),
      { ...parseOk(designText), name: '"catalog":[] in a name', description: '{"catalog":[]}' },
    ]) {
      expect(writeCompactScenario(scenario)).toBe(JSON.stringify(JSON.parse(serializeScenario(scenario))));
    }
  });

  it('writes each model once per model object, and takes a text remembered for it', () => {
    const scenario = parseOk(designText);
    const [first, ...rest] = scenario.catalog;
    expect(serializeModelCompact(first!)).toBe(
      JSON.stringify(JSON.parse(serializeScenario(scenario)).catalog[0]),
    );
    const copy = { ...first! };
    rememberModelText(copy, '{"id":"written elsewhere"}');
    const text = writeCompactScenario({ ...scenario, catalog: [copy, ...rest] });
    expect(JSON.parse(text).catalog[0]).toEqual({ id: 'written elsewhere' });
  });
});

describe('serializeScenario', () => {
  it('re-imports the design example identically', () => {
    const scenario = parseOk(designText);
    expect(parseOk(serializeScenario(scenario))).toEqual(scenario);
  });

  it('re-imports a scenario using every field and hostile ids identically', () => {
    const scenario = parseOk(fullText);
    const written = serializeScenario(scenario);
    expect(parseOk(written)).toEqual(scenario);
    expect(serializeScenario(parseOk(written))).toBe(written);
    expect(written).toContain('"__proto__": "cap"');
  });

  it('writes 2-space JSON with keys in the order the schema lists them', () => {
    const scenario = parseOk(fullText);
    const written = serializeScenario(scenario);
    expect(written.split('\n')[1]).toBe('  "schemaVersion": 3,');
    /** Parsed JSON, walked without type ceremony: arrays are indexed by "0", "1"… like objects. */
    type JsonTree = { [key: string]: JsonTree };
    const document = JSON.parse(written) as JsonTree;
    const keysOf = (value: object | undefined) => Object.keys(value ?? { missing: true });
    // Ranges are written in place of their numbers, never as a `ranges` key.
    const schemaKeysOf = (shape: object) => keysOf(shape).filter((key) => key !== 'ranges');
    expect(keysOf(document)).toEqual(keysOf(scenarioSchema.shape));
    expect(keysOf(document.options)).toEqual(keysOf(optionsSchema.shape));
    expect(keysOf(document.finance)).toEqual(schemaKeysOf(financeSchema.shape));
    const model = document.catalog?.[0];
    expect(keysOf(model)).toEqual(keysOf(modelSchema.shape));
    expect(keysOf(model?.pricing)).toEqual(keysOf(perTokenPricingSchema.shape));
    expect(keysOf(model?.pricing?.longContext)).toEqual(keysOf(longContextSchema.shape));
    expect(keysOf(document.catalog?.[1]?.pricing)).toEqual(keysOf(capacityPricingSchema.shape));
    expect(keysOf(document.fixedCosts?.[0])).toEqual(keysOf(fixedCostSchema.shape));
    expect(keysOf(model?.source)).toEqual(keysOf(sourceSchema.shape));
    expect(keysOf(document.traffic?.[0])).toEqual(schemaKeysOf(sliceSchema.shape));
    expect(keysOf(document.credits?.[0])).toEqual(keysOf(creditPoolSchema.shape));
    const router = document.strategies?.[3];
    expect(keysOf(router)).toEqual(['id', 'name', 'kind', 'classifier', 'routes', 'fallback']);
    expect(keysOf(router?.classifier)).toEqual(keysOf(classifierSchema.shape));
    expect(keysOf(document.displayCurrency)).toEqual(['currency', 'perUsd', 'setOn']);
  });

  it('writes ranges in place of their numbers and reads them back identically', () => {
    const text = JSON.stringify({
      ...JSON.parse(designText),
      finance: {
        cashOnHand: { low: 1_000_000, likely: 1_500_000, high: 1_600_000 },
        otherMonthlyBurn: 120000,
      },
    });
    const withRanges = JSON.parse(text);
    withRanges.traffic[0].monthlyGrowth = { low: 0.02, likely: 0.08, high: 0.15 };
    withRanges.strategies[2].routes.bulk.escalation = [{ low: 0.05, likely: 0.1, high: 0.3 }];
    withRanges.strategies[3].routes.bulk = {
      'bedrock:mistral-small': { low: 0.6, likely: 0.8, high: 0.9 },
      'bedrock:claude-sonnet': 0.2,
    };
    const scenario = parseOk(JSON.stringify(withRanges));
    // In memory the fields hold the likely values, the ranges sit beside them.
    expect(scenario.traffic[0]?.monthlyGrowth).toBe(0.08);
    expect(scenario.traffic[0]?.ranges?.monthlyGrowth).toEqual({ low: 0.02, high: 0.15 });
    expect(scenario.finance.ranges?.cashOnHand).toEqual({ low: 1_000_000, high: 1_600_000 });
    const written = JSON.parse(serializeScenario(scenario));
    expect(written.traffic[0].monthlyGrowth).toEqual({ low: 0.02, likely: 0.08, high: 0.15 });
    expect(written.strategies[2].routes.bulk.escalation).toEqual([{ low: 0.05, likely: 0.1, high: 0.3 }]);
    expect(written.strategies[3].routes.bulk['bedrock:mistral-small']).toEqual({
      low: 0.6,
      likely: 0.8,
      high: 0.9,
    });
    expect(written.finance.cashOnHand).toEqual({ low: 1_000_000, likely: 1_500_000, high: 1_600_000 });
    expect(parseOk(serializeScenario(scenario))).toEqual(scenario);
  });

  it('reports a range out of order or outside its field, with its path', () => {
    const document = JSON.parse(designText);
    document.traffic[0].cacheHitRate = { low: 0.95, likely: 0.9, high: 1.2 };
    document.traffic[0].monthlyGrowth = { low: 0.1 };
    const result = parseScenarioText(JSON.stringify(document));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'traffic[0].monthlyGrowth: must be a number or a range { "low": n, "likely": n, "high": n }',
    ]);
    document.traffic[0].monthlyGrowth = 0.08;
    const second = parseScenarioText(JSON.stringify(document));
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'traffic[0].cacheHitRate.high: must be between 0 and 1',
      'traffic[0].cacheHitRate: must have low ≤ likely ≤ high (0.95 ≤ 0.9 ≤ 1.2)',
    ]);
  });

  it('writes the same text whatever order the scenario object holds its keys in', () => {
    const scenario = parseOk(designText);
    const reordered = Object.fromEntries(Object.entries(scenario).reverse()) as Scenario;
    expect(serializeScenario(reordered)).toBe(serializeScenario(scenario));
  });

  it('leaves unset optional fields out', () => {
    const written = serializeScenario(parseOk(designText));
    expect(written).not.toContain('"description"');
    expect(written).not.toContain('"notes"');
  });
});

describe('writeCompactScenario', () => {
  it('is the scenario file without its spacing, for any scenario and after an edit of one entry', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.string(), (scenario, name) => {
        expect(writeCompactScenario(scenario)).toBe(JSON.stringify(JSON.parse(serializeScenario(scenario))));
        // Entries are written once per object: an edited entry is a new object and is written afresh.
        const catalog = scenario.catalog.map((model, i) => (i === 0 ? { ...model, name } : model));
        const edited = { ...scenario, catalog };
        expect(writeCompactScenario(edited)).toBe(JSON.stringify(JSON.parse(serializeScenario(edited))));
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('writes a long list edited, moved, shortened or shared by two scenarios as the file does', () => {
    // 700 models: runs of 256, 256 and 188, each joined once and kept until one of its entries changes.
    const scenario = parseOk(JSON.stringify(makeLargeCatalogScenario(700)));
    const fresh = (s: Scenario) => JSON.stringify(JSON.parse(serializeScenario(s)));
    const { catalog } = scenario;
    const edits: Scenario['catalog'][] = [
      catalog.map((model, i) => (i === 300 ? { ...model, name: 'Edited in the second run' } : model)),
      [catalog[1]!, catalog[0]!, ...catalog.slice(2)],
      catalog.filter((_, i) => i !== 10),
      catalog.slice(0, 256),
      [...catalog, { ...catalog[0]!, id: 'appended' }],
      catalog,
    ];
    expect(writeCompactScenario(scenario)).toBe(fresh(scenario));
    for (const edited of edits) {
      const next = { ...scenario, catalog: edited };
      expect(writeCompactScenario(next)).toBe(fresh(next));
    }
  });

  it('writes ids such as __proto__ as ordinary keys, as the file does', () => {
    const scenario = parseOk(designText);
    const routes = Object.create(null) as Record<string, string>;
    routes['__proto__'] = scenario.catalog[0]!.id;
    const strategy = { id: 'odd', name: 'Odd', kind: 'assign' as const, routes };
    const edited = { ...scenario, strategies: [...scenario.strategies, strategy] };
    const text = writeCompactScenario(edited);
    expect(text).toContain('"routes":{"__proto__":');
    expect(text).toBe(JSON.stringify(JSON.parse(serializeScenario(edited))));
  });
});
