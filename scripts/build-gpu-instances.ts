/**
 * Builds data/gpu-instances.json, the AWS GPU instance table of the self-hosting sizer, from
 * data/catalog-build/gpu/instances.json and a copy of Karpenter's generated EC2 price map.
 *
 *   npx tsx scripts/build-gpu-instances.ts                  rewrite data/gpu-instances.json
 *   npx tsx scripts/build-gpu-instances.ts --prices <file>  price from a newer zz_generated.pricing_aws.go
 *   npx tsx scripts/build-gpu-instances.ts --check          exit 1 if data/gpu-instances.json would change
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import {
  GPU_TABLE_REGION,
  buildGpuInstances,
  gpuTableSpecSchema,
  parseKarpenterPrices,
} from './catalog-build/gpu-instances';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'data', 'catalog-build');
const tableFile = path.join(root, 'data', 'gpu-instances.json');

function readOption(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const spec = gpuTableSpecSchema.parse(
    JSON.parse(await readFile(path.join(buildDir, 'gpu', 'instances.json'), 'utf8')),
  );
  const pricesFile = readOption('--prices') ?? path.join(buildDir, spec.pricesFile);
  const prices = parseKarpenterPrices(await readFile(pricesFile, 'utf8'), GPU_TABLE_REGION);
  const rows = buildGpuInstances(spec, prices);
  const config = (await resolveConfig(tableFile)) ?? {};
  const text = await format(JSON.stringify(rows, null, 2), { ...config, parser: 'json' });
  const current = await readFile(tableFile, 'utf8').catch(() => '');
  if (text === current) {
    console.log(`data/gpu-instances.json is up to date (${rows.length} instances)`);
    return 0;
  }
  if (check) {
    console.log('data/gpu-instances.json is out of date: run npm run gpu-instances:build');
    return 1;
  }
  await writeFile(tableFile, text);
  console.log(`wrote data/gpu-instances.json (${rows.length} instances)`);
  return 0;
}

process.exitCode = await main();
