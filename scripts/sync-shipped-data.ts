/**
 * Keeps the shipped scenarios in step with the shipped catalog.
 *
 * `data/catalog.json` is the one place a model's price, context window, quality and source are written. Each
 * scenario in `data/` (the default and the presets) lists the models it uses; this script replaces every
 * catalog entry of every scenario with catalog.json's entry of the same id (an entry may be written as just
 * `{ "id": "bedrock:mistral-7b" }` and be filled in here). A scenario's credit pool whose id matches a template in
 * `data/credit-pools.json` takes the template's name, platforms and notes, keeping its own `amount`,
 * `startMonth` and `expiresAfterMonths` (the template's when left out). The script also refreshes the name and description of each preset in
 * `data/presets/index.json` from the preset file, and formats every file it writes with the project's Prettier
 * settings.
 *
 *   npx tsx scripts/sync-shipped-data.ts           rewrite the files
 *   npx tsx scripts/sync-shipped-data.ts --check   exit 1, listing the files, if any would change
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { creditPoolSchema, modelSchema } from '../src/domain/scenario-schema';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');

type JsonObject = Record<string, unknown>;
/** Pool fields a scenario sets for itself; the rest come from the template. */
const POOL_FIELDS_SET_BY_SCENARIO = ['amount', 'startMonth', 'expiresAfterMonths'] as const;

type PresetIndexEntry = { id: string; file: string; name: string; description: string };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
}

/** Formats a JSON value as the project's Prettier would write a `.json` file. */
async function formatJson(file: string, value: unknown): Promise<string> {
  const config = (await resolveConfig(file)) ?? {};
  return format(JSON.stringify(value, null, 2), { ...config, parser: 'json' });
}

/** Reads catalog.json, checks every entry against the model schema and indexes it by id. */
async function loadCatalog(): Promise<Map<string, JsonObject>> {
  const catalog = await readJson(path.join(dataDir, 'catalog.json'));
  if (!Array.isArray(catalog)) throw new Error('data/catalog.json must be an array of catalog entries');
  const byId = new Map<string, JsonObject>();
  catalog.forEach((entry: unknown, index) => {
    const parsed = modelSchema.safeParse(entry);
    if (!parsed.success || !isObject(entry)) {
      throw new Error(`data/catalog.json[${index}] is not a valid catalog entry: ${parsed.error?.message}`);
    }
    if (byId.has(parsed.data.id)) throw new Error(`data/catalog.json: duplicate id "${parsed.data.id}"`);
    byId.set(parsed.data.id, entry);
  });
  return byId;
}

/** Reads credit-pools.json, checks every template's pool against the pool schema and indexes them by id. */
async function loadPoolTemplates(): Promise<{ templates: unknown[]; pools: Map<string, JsonObject> }> {
  const templates = await readJson(path.join(dataDir, 'credit-pools.json'));
  if (!Array.isArray(templates)) throw new Error('data/credit-pools.json must be an array of templates');
  const pools = new Map<string, JsonObject>();
  templates.forEach((template: unknown, index) => {
    const pool = isObject(template) ? template.pool : undefined;
    const parsed = creditPoolSchema.safeParse(pool);
    if (!parsed.success || !isObject(pool)) {
      throw new Error(
        `data/credit-pools.json[${index}].pool is not a valid credit pool: ${parsed.error?.message}`,
      );
    }
    pools.set(parsed.data.id, pool);
  });
  return { templates, pools };
}

function syncPool(pool: unknown, templates: Map<string, JsonObject>): unknown {
  if (!isObject(pool) || typeof pool.id !== 'string') return pool;
  const template = templates.get(pool.id);
  if (!template) return pool;
  const synced: JsonObject = { ...template };
  for (const field of POOL_FIELDS_SET_BY_SCENARIO) if (field in pool) synced[field] = pool[field];
  return synced;
}

/**
 * A scenario with each catalog entry replaced by the shipped entry of the same id and each credit pool
 * synced with its template.
 */
function syncScenario(
  file: string,
  scenario: unknown,
  catalog: Map<string, JsonObject>,
  poolTemplates: Map<string, JsonObject>,
): JsonObject {
  if (!isObject(scenario) || !Array.isArray(scenario.catalog)) {
    throw new Error(`${file}: not a scenario with a catalog array`);
  }
  const entries = scenario.catalog.map((entry: unknown, index) => {
    const id = isObject(entry) ? entry.id : undefined;
    const shipped = typeof id === 'string' ? catalog.get(id) : undefined;
    if (!shipped)
      throw new Error(`${file}: catalog[${index}] has no entry with that id in data/catalog.json`);
    return shipped;
  });
  const credits = Array.isArray(scenario.credits)
    ? { credits: scenario.credits.map((pool: unknown) => syncPool(pool, poolTemplates)) }
    : {};
  return { ...scenario, catalog: entries, ...credits };
}

async function listScenarioFiles(): Promise<{ scenarioFiles: string[]; index: PresetIndexEntry[] }> {
  const index = (await readJson(path.join(dataDir, 'presets', 'index.json'))) as PresetIndexEntry[];
  const scenarioFiles = [
    path.join(dataDir, 'default-scenario.json'),
    ...index.map((entry) => path.join(dataDir, 'presets', entry.file)),
  ];
  return { scenarioFiles, index };
}

async function syncShippedData(check: boolean): Promise<number> {
  const catalog = await loadCatalog();
  const { templates, pools } = await loadPoolTemplates();
  const { scenarioFiles, index } = await listScenarioFiles();
  const outputs = new Map<string, string>();

  outputs.set(
    path.join(dataDir, 'catalog.json'),
    await formatJson(path.join(dataDir, 'catalog.json'), [...catalog.values()]),
  );
  const poolsFile = path.join(dataDir, 'credit-pools.json');
  outputs.set(poolsFile, await formatJson(poolsFile, templates));
  const presetsByFile = new Map<string, JsonObject>();
  for (const file of scenarioFiles) {
    const synced = syncScenario(path.relative(dataDir, file), await readJson(file), catalog, pools);
    presetsByFile.set(path.basename(file), synced);
    outputs.set(file, await formatJson(file, synced));
  }
  const syncedIndex = index.map((entry) => {
    const preset = presetsByFile.get(entry.file);
    return {
      id: entry.id,
      file: entry.file,
      name: typeof preset?.name === 'string' ? preset.name : entry.name,
      description: typeof preset?.description === 'string' ? preset.description : entry.description,
    };
  });
  const indexFile = path.join(dataDir, 'presets', 'index.json');
  outputs.set(indexFile, await formatJson(indexFile, syncedIndex));

  const changed: string[] = [];
  for (const [file, text] of outputs) {
    const current = await readFile(file, 'utf8');
    if (current === text) continue;
    changed.push(path.relative(process.cwd(), file));
    if (!check) await writeFile(file, text);
  }
  if (changed.length === 0) console.log('shipped data is in sync');
  else console.log(`${check ? 'out of sync' : 'rewrote'}:\n  ${changed.join('\n  ')}`);
  return check && changed.length > 0 ? 1 : 0;
}

process.exitCode = await syncShippedData(process.argv.includes('--check'));
