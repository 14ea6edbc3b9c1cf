import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planScenario } from '../../src/domain/plan-scenario';
import { creditPoolSchema, modelSchema, sourceSchema } from '../../src/domain/scenario-schema';
import type { StrategyKind } from '../../src/domain/scenario-schema';
import { formatIssue, validateScenario } from '../../src/domain/validate-scenario';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

type JsonObject = Record<string, unknown>;
type PresetIndexEntry = { id: string; file: string; name: string; description: string };
type PoolTemplate = {
  pool: JsonObject;
  minAmount: number | null;
  maxAmount: number | null;
  howObtained: string;
  source: unknown;
};

function readJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(path.join(dataDir, relativePath), 'utf8')) as unknown;
}

function readScenario(relativePath: string): JsonObject & { catalog: JsonObject[]; credits?: JsonObject[] } {
  return readJson(relativePath) as JsonObject & { catalog: JsonObject[]; credits?: JsonObject[] };
}

const catalog = readJson('catalog.json') as JsonObject[];
const catalogById = new Map(catalog.map((entry) => [entry.id as string, entry]));
const poolTemplates = readJson('credit-pools.json') as PoolTemplate[];
const presetIndex = readJson('presets/index.json') as PresetIndexEntry[];
const scenarioFiles = ['default-scenario.json', ...presetIndex.map((entry) => `presets/${entry.file}`)];

describe('data/catalog.json', () => {
  it('is a non-empty list of valid catalog entries with unique ids', () => {
    expect(catalog.length).toBeGreaterThan(0);
    for (const entry of catalog) {
      const parsed = modelSchema.safeParse(entry);
      expect(parsed.success, `${String(entry.id)}: ${parsed.error?.message}`).toBe(true);
    }
    expect(catalogById.size).toBe(catalog.length);
  });

  it('gives every entry a source with a label and a date, and the provenance of its quality', () => {
    for (const entry of catalog) {
      const source = sourceSchema.parse(entry.source);
      expect(source.label.trim(), String(entry.id)).not.toBe('');
      expect(source.asOf.trim(), String(entry.id)).not.toBe('');
      const quality = entry.qualitySource as JsonObject | undefined;
      expect(quality, String(entry.id)).toBeDefined();
      expect(String(quality?.benchmark ?? '').trim(), String(entry.id)).not.toBe('');
    }
  });

  it('tells the user to confirm every seed figure before budgeting', () => {
    const seedEntries = catalog.filter((entry) => sourceSchema.parse(entry.source).label.startsWith('seed:'));
    expect(seedEntries.length).toBeGreaterThan(0);
    for (const entry of seedEntries) {
      expect(sourceSchema.parse(entry.source).label, String(entry.id)).toMatch(/confirm .*before you budget/);
    }
  });

  it("keeps the seed documents' prices as labelled seed rows, never as a SKU", () => {
    const prices = (id: string) => {
      const pricing = catalogById.get(id)?.pricing as JsonObject | undefined;
      return [pricing?.inputPerMTok, pricing?.outputPerMTok];
    };
    // Seed 001's Mistral-on-Bedrock table and seed 003's La Plateforme prices (seed-facts.md).
    expect(prices('seed:bedrock-mistral-7b')).toEqual([0.15, 0.2]);
    expect(prices('seed:bedrock-mixtral-8x7b')).toEqual([0.45, 0.7]);
    expect(prices('seed:bedrock-mistral-small')).toEqual([1, 3]);
    expect(prices('seed:bedrock-mistral-large')).toEqual([4, 12]);
    expect(prices('seed:mistral-large')).toEqual([2, 6]);
    expect(prices('seed:codestral')).toEqual([0.2, 0.6]);
    for (const entry of catalog.filter((model) => String(model.id).startsWith('seed:'))) {
      expect(String(entry.name), String(entry.id)).toMatch(/seed/i);
      expect(String(entry.notes), String(entry.id)).toMatch(/not a SKU/i);
    }
  });

  it("prices the current models at the providers' list prices", () => {
    const prices = (id: string) => {
      const pricing = catalogById.get(id)?.pricing as JsonObject | undefined;
      return [pricing?.inputPerMTok, pricing?.outputPerMTok, pricing?.cacheReadPerMTok];
    };
    // Anthropic's price list: Sonnet 4.5/4.6 $3 / $15 (read $0.30), Haiku 4.5 $1 / $5, Opus 4.5+ $5 / $25; Bedrock's
    // regional and geo endpoints 10 % more than global for Claude 4.5 and later.
    expect(prices('anthropic:claude-sonnet-4.6')).toEqual([3, 15, 0.3]);
    expect(prices('bedrock:claude-sonnet-4.6@global')).toEqual([3, 15, 0.3]);
    expect(prices('bedrock:claude-sonnet-4.6@eu')).toEqual([3.3, 16.5, 0.33]);
    expect(prices('bedrock:claude-haiku-4.5@global')).toEqual([1, 5, 0.1]);
    expect(prices('bedrock:claude-opus-4.5@global')).toEqual([5, 25, 0.5]);
    expect(prices('openai:gpt-5-mini')).toEqual([0.25, 2, 0.025]);
    // Mistral's docs (model files at 222f4ba9, 2026-08-21): Small 4 $0.15 / $0.60, Large 3 $0.50 / $1.50, the retired
    // Small 3.2 $0.10 / $0.30; cached input 10 % of input.
    expect(prices('mistral:mistral-small-4')).toEqual([0.15, 0.6, 0.015]);
    expect(prices('mistral:mistral-large-3')).toEqual([0.5, 1.5, 0.05]);
    expect(prices('mistral:mistral-small-3.2')).toEqual([0.1, 0.3, 0.01]);
    expect(catalogById.get('mistral:mistral-small-3.2')?.retiresOn).toBe('2026-07-31');
  });
});

describe('data/credit-pools.json', () => {
  it('holds templates whose pools parse and whose ranges contain the template amount', () => {
    expect(poolTemplates.map((template) => template.pool.id)).toEqual([
      'activate',
      'bedrock-poc',
      'genai-accelerator',
    ]);
    for (const template of poolTemplates) {
      const pool = creditPoolSchema.parse(template.pool);
      // Activate and the Accelerator pay AWS spend (Bedrock and EC2, platform aws); the POC pays Bedrock only.
      expect(pool.appliesTo).toEqual(pool.id === 'bedrock-poc' ? ['bedrock'] : ['bedrock', 'aws']);
      expect(pool.notes, pool.id).toBeTruthy();
      if (template.minAmount !== null) expect(pool.amount).toBeGreaterThanOrEqual(template.minAmount);
      if (template.maxAmount !== null) expect(pool.amount).toBeLessThanOrEqual(template.maxAmount);
      expect(template.howObtained.trim()).not.toBe('');
      const source = sourceSchema.parse(template.source);
      expect(source.label.trim()).not.toBe('');
      expect(source.asOf.trim()).not.toBe('');
    }
  });
});

describe('data/presets/index.json', () => {
  it('lists every preset file once, in a stable order, with the name and description of the file', () => {
    const presetFiles = readdirSync(path.join(dataDir, 'presets'))
      .filter((file) => file.endsWith('.json') && file !== 'index.json')
      .sort();
    expect(presetIndex.map((entry) => entry.file).sort()).toEqual(presetFiles);
    expect(presetIndex.map((entry) => entry.id)).toEqual([
      'eu-support-assistant',
      'multilingual-b2c-saas',
      'code-assistant',
      'evaluation-bake-off',
    ]);
    for (const entry of presetIndex) {
      const preset = readScenario(`presets/${entry.file}`);
      expect(entry.file).toBe(`${entry.id}.json`);
      expect(entry.name).toBe(preset.name);
      expect(entry.description).toBe(preset.description);
    }
  });
});

describe.each(scenarioFiles)('%s', (file) => {
  const scenario = readScenario(file);

  it('validates with no issues and plans', () => {
    const validated = validateScenario(scenario);
    expect(validated.ok ? [] : validated.issues.map(formatIssue)).toEqual([]);
    const plan = planScenario(scenario);
    expect(plan.ok ? [] : plan.issues.map(formatIssue)).toEqual([]);
  });

  it('has a name and a one-line description', () => {
    expect(typeof scenario.name).toBe('string');
    expect(scenario.description).toEqual(expect.any(String));
    expect(String(scenario.description)).not.toMatch(/\n/);
  });

  it("uses catalog entries identical to catalog.json's", () => {
    expect(scenario.catalog.length).toBeGreaterThan(0);
    for (const entry of scenario.catalog) {
      expect(entry, String(entry.id)).toEqual(catalogById.get(String(entry.id)));
    }
  });

  it('uses credit pools whose name, platforms and notes are their template', () => {
    for (const pool of scenario.credits ?? []) {
      const template = poolTemplates.find((candidate) => candidate.pool.id === pool.id)?.pool;
      expect(template, String(pool.id)).toBeDefined();
      expect({ name: pool.name, appliesTo: pool.appliesTo, notes: pool.notes }).toEqual({
        name: template?.name,
        appliesTo: template?.appliesTo,
        notes: template?.notes,
      });
    }
  });
});

describe('data/default-scenario.json', () => {
  const scenario = readScenario('default-scenario.json');
  const plan = planScenario(scenario);
  if (!plan.ok) throw new Error(plan.issues.map(formatIssue).join('\n'));
  const { scenario: validated, result } = plan.value;

  it("carries catalog.json's own entry for every model it lists, and no retired model", () => {
    expect(scenario.catalog.length).toBeGreaterThan(20);
    for (const entry of scenario.catalog) {
      expect(catalogById.get(entry.id as string), String(entry.id)).toEqual(entry);
      expect(entry.retiresOn ?? null, String(entry.id)).toBeNull();
    }
  });

  it("has the seed's eight traffic slices", () => {
    expect(validated.traffic.map((slice) => slice.id)).toEqual([
      'bulk',
      'chat',
      'summarize',
      'multilingual',
      'reasoning',
      'coding',
      'agentic',
      'self-host',
    ]);
  });

  it('compares at least five strategies covering every kind', () => {
    expect(validated.strategies.length).toBeGreaterThanOrEqual(5);
    const kinds = new Set<StrategyKind>(validated.strategies.map((strategy) => strategy.kind));
    expect([...kinds].sort()).toEqual(['assign', 'cascade', 'cheapest-meeting-bar', 'router', 'single']);
    expect(validated.strategies[0]).toMatchObject({
      kind: 'single',
      model: 'bedrock:claude-sonnet-4.6@global',
    });
  });

  it('runs its cheapest strategy out of credits inside the horizon, with spend in the thousands a month', () => {
    const best = [...result.strategies].sort((a, b) => a.totals.spend - b.totals.spend)[0];
    expect(best).toBeDefined();
    expect(best?.creditsExhaustedMonth).not.toBeNull();
    expect(best?.creditsExhaustedMonth).toBeGreaterThanOrEqual(6);
    const averageMonthlySpend = (best?.totals.spend ?? 0) / validated.horizonMonths;
    expect(averageMonthlySpend).toBeGreaterThan(5_000);
    expect(averageMonthlySpend).toBeLessThan(50_000);
    expect(best?.unmetQuality).toEqual([]);
  });

  it('shows that AWS credits do not pay for direct API calls, only its AWS fixed cost', () => {
    const direct = result.strategies.find((strategy) => strategy.id === 'direct-apis');
    let fixedCosts = 0;
    for (const month of direct?.months ?? [])
      for (const id of Object.keys(month.byFixedCost)) fixedCosts += month.byFixedCost[id]!;
    expect(fixedCosts).toBeGreaterThan(0);
    expect(direct?.totals.creditsUsed).toBeCloseTo(fixedCosts, 6);
    expect(direct?.creditsExhaustedMonth).toBeNull();
  });

  it('shows every version-3 billing feature: a slice held to the EU, 1-hour caching, reasoning tokens, a fixed cost', () => {
    expect(validated.traffic.find((slice) => slice.id === 'multilingual')?.regions).toEqual(['eu']);
    expect(validated.traffic.find((slice) => slice.id === 'agentic')?.cacheTtl).toBe('1h');
    expect(validated.traffic.find((slice) => slice.id === 'reasoning')?.reasoningTokens).toBeGreaterThan(0);
    expect(validated.fixedCosts.length).toBeGreaterThan(0);
    // "All on Claude Sonnet 4.6" sends the EU slice to the global endpoint: flagged, not hidden.
    expect(result.strategies.find((strategy) => strategy.id === 'all-sonnet')?.offRegion).toEqual([
      'multilingual',
    ]);
  });
});
