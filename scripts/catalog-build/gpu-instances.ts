/**
 * The AWS GPU instance table (data/gpu-instances.json) from its reviewed spec file
 * (data/catalog-build/gpu/instances.json: accelerators, instance shapes, sources) and EC2's on-demand prices as
 * Karpenter generates them from the AWS Price List API (a copy of `zz_generated.pricing_aws.go`).
 */
import { z } from 'zod';
import { PRECISIONS, gpuInstanceSchema } from '../../src/domain/gpu-sizing';
import type { GpuInstance } from '../../src/domain/gpu-sizing';
import { sourceSchema } from '../../src/domain/scenario-schema';

const acceleratorSpecSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  bandwidthGBps: z.number().gt(0),
  precisions: z.array(z.enum(PRECISIONS)).min(1),
  source: sourceSchema,
});

const instanceSpecSchema = z.strictObject({
  instance: z.string(),
  accelerator: z.string(),
  gpuCount: z.number().int().gt(0),
  memoryPerGpuMiB: z.number().gt(0),
  memoryNote: z.string().optional(),
});

export const gpuTableSpecSchema = z.strictObject({
  pricesFile: z.string(),
  priceSource: sourceSchema,
  specSource: sourceSchema,
  reservedNote: z.string(),
  accelerators: z.array(acceleratorSpecSchema),
  instances: z.array(instanceSpecSchema),
});
export type GpuTableSpec = z.output<typeof gpuTableSpecSchema>;

/** The region the shipped table prices. */
export const GPU_TABLE_REGION = 'us-east-1';

/**
 * On-demand hourly prices of one region from Karpenter's generated Go map: the lines
 * `"g5.xlarge": 1.006000, …` inside that region's `"us-east-1": { … }` block.
 */
export function parseKarpenterPrices(goText: string, region: string): Map<string, number> {
  const start = goText.indexOf(`"${region}": {`);
  if (start < 0) throw new Error(`no "${region}" block in the price file`);
  const end = goText.indexOf('\n\t},', start);
  const block = goText.slice(start, end < 0 ? undefined : end);
  const prices = new Map<string, number>();
  for (const match of block.matchAll(/"([a-z0-9-]+\.[a-z0-9-]+)": ([0-9.]+)/g)) {
    prices.set(match[1]!, Number(match[2]));
  }
  return prices;
}

/** Every instance of the spec with its price, accelerator figures and sources; throws on a missing price. */
export function buildGpuInstances(spec: GpuTableSpec, prices: ReadonlyMap<string, number>): GpuInstance[] {
  const accelerators = new Map(spec.accelerators.map((accelerator) => [accelerator.id, accelerator]));
  return spec.instances.map((row) => {
    const accelerator = accelerators.get(row.accelerator);
    if (!accelerator) throw new Error(`${row.instance}: unknown accelerator "${row.accelerator}"`);
    const price = prices.get(row.instance);
    if (price === undefined) throw new Error(`${row.instance}: no on-demand price in the price file`);
    const specs = row.memoryNote
      ? { ...spec.specSource, label: `${spec.specSource.label}; ${row.memoryNote}` }
      : spec.specSource;
    return gpuInstanceSchema.parse({
      instance: row.instance,
      gpu: accelerator.name,
      gpuCount: row.gpuCount,
      // MiB to GB (10⁹ bytes), kept to the megabyte.
      memoryPerGpuGB: Math.round(row.memoryPerGpuMiB * 1.048576) / 1000,
      bandwidthPerGpuGBps: accelerator.bandwidthGBps,
      precisions: accelerator.precisions,
      region: GPU_TABLE_REGION,
      onDemandHourly: price,
      reserved1yHourly: null,
      reserved3yHourly: null,
      sources: { price: spec.priceSource, specs, bandwidth: accelerator.source },
      notes: spec.reservedNote,
    });
  });
}
