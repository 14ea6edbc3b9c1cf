/**
 * Builds data/catalog.json from LiteLLM's price file and the reviewed row specs in data/catalog-build/rows/
 * (format: data/catalog-build/README.md).
 *
 *   npx tsx scripts/build-catalog.ts                    rewrite data/catalog.json
 *   npx tsx scripts/build-catalog.ts --litellm <file>   build from a newer price file
 *   npx tsx scripts/build-catalog.ts --check            exit 1 if data/catalog.json would change
 *
 * Whatever the mode, it prints every row whose LiteLLM key is gone from the price file and every LiteLLM-derived
 * field that changed against the catalog on disk.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { Model } from '../src/domain/scenario-schema';
import {
  LITELLM_FILE,
  buildCatalog,
  describeChanges,
  flattenPrices,
  parseRowsFile,
  readLitellmPrices,
} from './catalog-build/build';
import type { RowSpec } from './catalog-build/row-spec';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'data', 'catalog-build');
const catalogFile = path.join(root, 'data', 'catalog.json');

function readOption(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

async function readRows(): Promise<RowSpec[]> {
  const rowsDir = path.join(buildDir, 'rows');
  const files = (await readdir(rowsDir)).filter((file) => file.endsWith('.json')).sort();
  const rows: RowSpec[] = [];
  for (const file of files) {
    rows.push(...parseRowsFile(`rows/${file}`, JSON.parse(await readFile(path.join(rowsDir, file), 'utf8'))));
  }
  return rows;
}

async function readCurrentCatalog(): Promise<Map<string, Model>> {
  try {
    const entries = JSON.parse(await readFile(catalogFile, 'utf8')) as Model[];
    return new Map(entries.map((entry) => [entry.id, entry]));
  } catch {
    return new Map();
  }
}

function reportChanges(before: Map<string, Model>, after: Model[]): void {
  const afterIds = new Set(after.map((entry) => entry.id));
  for (const entry of after) {
    const old = before.get(entry.id);
    if (old === undefined) {
      console.log(`added: ${entry.id}`);
      continue;
    }
    const changes = describeChanges(flattenPrices(old), flattenPrices(entry));
    if (changes.length > 0) console.log(`changed: ${entry.id}\n  ${changes.join('\n  ')}`);
  }
  for (const id of before.keys()) if (!afterIds.has(id)) console.log(`removed: ${id}`);
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const litellmFile = readOption('--litellm') ?? path.join(buildDir, LITELLM_FILE);
  const prices = readLitellmPrices(await readFile(litellmFile, 'utf8'));
  const { entries, missingKeys } = buildCatalog(await readRows(), prices);
  for (const { id, litellmKey } of missingKeys)
    console.log(
      `key gone: ${id} (LiteLLM key "${litellmKey}" is not in ${path.basename(litellmFile)}); row left out`,
    );
  reportChanges(await readCurrentCatalog(), entries);

  const config = (await resolveConfig(catalogFile)) ?? {};
  const text = await format(JSON.stringify(entries, null, 2), { ...config, parser: 'json' });
  const current = await readFile(catalogFile, 'utf8').catch(() => '');
  if (text === current) {
    console.log(`data/catalog.json is up to date (${entries.length} entries)`);
    return 0;
  }
  if (check) {
    console.log('data/catalog.json is out of date: run npm run catalog:build');
    return 1;
  }
  await writeFile(catalogFile, text);
  console.log(`wrote data/catalog.json (${entries.length} entries)`);
  return 0;
}

process.exitCode = await main();
