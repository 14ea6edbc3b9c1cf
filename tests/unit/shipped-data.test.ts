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
      expect(entry.notes, String(entry.id)).toMatch(/quality/i);
    }
  });

  it('tells the user to confirm every seed figure before budgeting', () => {
    const seedEntries = catalog.filter((entry) => sourceSchema.parse(entry.source).label.startsWith('seed:'));
    expect(seedEntries.length).toBeGreaterThan(0);
    for (const entry of seedEntries) {
      expect(sourceSchema.parse(entry.source).label, String(entry.id)).toMatch(/confirm before you/);
    }
  });

  it('carries the seed prices for the Bedrock Mistral models', () => {
    const prices = (id: string) => {
      const pricing = catalogById.get(id)?.pricing as JsonObject | undefined;
      return [pricing?.inputPerMTok, pricing?.outputPerMTok];
    };
    expect(prices('bedrock:mistral-7b')).toEqual([0.15, 0.2]);
    expect(prices('bedrock:mixtral-8x7b')).toEqual([0.45, 0.7]);
    expect(prices('bedrock:mistral-small')).toEqual([1, 3]);
    expect(prices('bedrock:mistral-large')).toEqual([4, 12]);
    expect(prices('mistral:mistral-large')).toEqual([2, 6]);
    expect(prices('mistral:codestral')).toEqual([0.2, 0.6]);
    expect(prices('openai:gpt-4o')).toEqual([2.5, 10]);
    expect(prices('anthropic:claude-3.5-sonnet')).toEqual([3, 15]);
    expect(prices('anthropic:claude-opus-4')).toEqual([15, 75]);
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

  it('carries the whole catalog, in catalog order', () => {
    expect(scenario.catalog).toEqual(catalog);
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
    expect(validated.strategies[0]).toMatchObject({ kind: 'single', model: 'bedrock:claude-sonnet-4' });
  });

  it('runs its cheapest strategy out of credits inside the horizon, with spend in the tens of thousands', () => {
    const best = [...result.strategies].sort((a, b) => a.totals.spend - b.totals.spend)[0];
    expect(best).toBeDefined();
    expect(best?.creditsExhaustedMonth).not.toBeNull();
    expect(best?.creditsExhaustedMonth).toBeGreaterThanOrEqual(6);
    const averageMonthlySpend = (best?.totals.spend ?? 0) / validated.horizonMonths;
    expect(averageMonthlySpend).toBeGreaterThan(10_000);
    expect(averageMonthlySpend).toBeLessThan(50_000);
    expect(best?.unmetQuality).toEqual([]);
  });

  it('shows that AWS credits do not pay for direct API calls', () => {
    const direct = result.strategies.find((strategy) => strategy.id === 'direct-apis');
    expect(direct?.totals.creditsUsed).toBe(0);
    expect(direct?.creditsExhaustedMonth).toBeNull();
  });
});
