/**
 * The self-hosting sizer's shipped tables: the instance table is exactly what its build makes from the spec file
 * and the stored price file, every row names its sources, and every prefilled architecture is valid and points at
 * catalog entries that exist.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGpuInstanceTable, parseModelArchitectures } from '../../src/io/gpu-sizing-data';
import {
  GPU_TABLE_REGION,
  buildGpuInstances,
  gpuTableSpecSchema,
  parseKarpenterPrices,
} from '../../scripts/catalog-build/gpu-instances';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

function readText(relativePath: string): string {
  return readFileSync(path.join(dataDir, relativePath), 'utf8');
}

const instances = parseGpuInstanceTable(JSON.parse(readText('gpu-instances.json')));
const architectures = parseModelArchitectures(JSON.parse(readText('model-architectures.json')));
const catalogIds = new Set(
  (JSON.parse(readText('catalog.json')) as { id: string }[]).map((entry) => entry.id),
);

describe('data/gpu-instances.json', () => {
  it('is what the build makes from the spec file and the stored price file', () => {
    const spec = gpuTableSpecSchema.parse(JSON.parse(readText('catalog-build/gpu/instances.json')));
    const prices = parseKarpenterPrices(
      readText(path.join('catalog-build', spec.pricesFile)),
      GPU_TABLE_REGION,
    );
    expect(buildGpuInstances(spec, prices)).toEqual(instances);
  });

  it('covers the g5, g6, g6e, p4d, p4de, p5 and inf2 families, each row with dated, linked sources', () => {
    const families = new Set(instances.map((row) => row.instance.split('.')[0]));
    for (const family of ['g5', 'g6', 'g6e', 'p4d', 'p4de', 'p5', 'inf2']) expect(families).toContain(family);
    for (const row of instances) {
      for (const source of [row.sources.price, row.sources.specs, row.sources.bandwidth]) {
        expect(source.url, row.instance).toMatch(/^https:\/\//);
        expect(source.asOf, row.instance).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('carries the known on-demand prices (us-east-1, 2026-07-20)', () => {
    const price = (name: string) => instances.find((row) => row.instance === name)?.onDemandHourly;
    expect(price('g5.xlarge')).toBe(1.006);
    expect(price('p4d.24xlarge')).toBe(21.957642);
    expect(price('p5.48xlarge')).toBe(55.04);
    expect(price('inf2.xlarge')).toBe(0.7582);
  });

  it('reads prices from a Karpenter price map, one region only', () => {
    const go =
      '\t"us-east-1": {\n\t\t"g5.xlarge": 1.006000, "p5.4xlarge": 6.880000,\n\t},\n\t"us-west-2": {\n\t\t"g5.xlarge": 9.000000,\n\t},';
    expect([...parseKarpenterPrices(go, 'us-east-1')]).toEqual([
      ['g5.xlarge', 1.006],
      ['p5.4xlarge', 6.88],
    ]);
    expect(() => parseKarpenterPrices(go, 'eu-west-1')).toThrow('no "eu-west-1" block');
  });
});

describe('data/model-architectures.json', () => {
  it('has unique ids, a config.json source for each and catalog ids that exist', () => {
    expect(new Set(architectures.map((row) => row.id)).size).toBe(architectures.length);
    for (const row of architectures) {
      expect(row.source.url, row.id).toMatch(/^https:\/\/huggingface\.co\/.+\/config\.json$/);
      for (const id of row.catalogIds) expect(catalogIds.has(id), `${row.id}: ${id}`).toBe(true);
      if (row.activeParamsB !== null) expect(row.activeParamsB).toBeLessThan(row.totalParamsB);
    }
  });

  it('prefills the open-weight families the catalog carries', () => {
    const ids = architectures.map((row) => row.id);
    for (const prefix of [
      'mistral-7b',
      'mixtral-8x7b',
      'mixtral-8x22b',
      'llama-3',
      'llama-4',
      'gpt-oss',
      'qwen3',
      'deepseek',
    ])
      expect(
        ids.some((id) => id.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });
});
