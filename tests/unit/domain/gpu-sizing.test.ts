/**
 * Worked examples of the self-hosting sizer (src/domain/gpu-sizing.ts), and the seed's five self-hosting rows.
 *
 * Mistral 7B: 7.25B parameters, 32 layers, 8 KV heads, head dimension 128.
 *   KV bytes per token = 2 × 32 × 8 × 128 × 2 bytes = 131,072.
 *   fp16, 4,096-token context, one request:
 *     weights  = 7.25 × 2 = 14.5 GB
 *     KV cache = 131,072 × 4,096 / 10⁹ = 0.536870912 GB
 *     overhead = 0.05 × (14.5 + 0.536870912) = 0.7518435456 GB
 *     total    = 15.7887144576 GB
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildCapacityEntry,
  estimateMemory,
  estimateThroughput,
  findArchitecture,
  findBreakEvensAgainstPerToken,
  findGpusNeeded,
  findSmallestFit,
  fitInstance,
  sizeSelfHosting,
} from '../../../src/domain/gpu-sizing';
import type { GpuInstance, ModelArchitecture, Precision } from '../../../src/domain/gpu-sizing';
import { modelSchema } from '../../../src/domain/scenario-schema';
import { parseGpuInstanceTable, parseModelArchitectures } from '../../../src/io/gpu-sizing-data';
import {
  createCapacityModel,
  createPerTokenModel,
  createScenario,
  createSlice,
} from '../../factories/scenario-builders';

const GB_DIGITS = 9;
const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data');
const instances = parseGpuInstanceTable(
  JSON.parse(readFileSync(path.join(dataDir, 'gpu-instances.json'), 'utf8')),
);
const architectures = parseModelArchitectures(
  JSON.parse(readFileSync(path.join(dataDir, 'model-architectures.json'), 'utf8')),
);

function architecture(id: string): ModelArchitecture {
  const found = findArchitecture(architectures, id);
  if (!found) throw new Error(`no architecture ${id}`);
  return found;
}

function instance(name: string): GpuInstance {
  const found = instances.find((row) => row.instance === name);
  if (!found) throw new Error(`no instance ${name}`);
  return found;
}

const mistral7b = { totalParamsB: 7.25, activeParamsB: null, layers: 32, kvHeads: 8, headDim: 128 };

describe('estimateMemory', () => {
  it('adds weights, the KV cache and overhead (Mistral 7B fp16, 4K context, one request)', () => {
    const memory = estimateMemory(mistral7b, { precision: 'fp16', contextTokens: 4096, concurrency: 1 });
    expect(memory.kvBytesPerToken).toBe(131072);
    expect(memory.weightsGB).toBeCloseTo(14.5, GB_DIGITS);
    expect(memory.kvCacheGB).toBeCloseTo(0.536870912, GB_DIGITS);
    expect(memory.overheadGB).toBeCloseTo(0.7518435456, GB_DIGITS);
    expect(memory.totalGB).toBeCloseTo(15.7887144576, GB_DIGITS);
  });

  it('scales the KV cache with context × concurrency and weights with precision', () => {
    // int4: 7.25 × 0.5 = 3.625 GB. KV: 131,072 × 8,192 × 4 / 10⁹ = 4.294967296 GB. No overhead asked for.
    const memory = estimateMemory(mistral7b, {
      precision: 'int4',
      contextTokens: 8192,
      concurrency: 4,
      overheadFraction: 0,
    });
    expect(memory.weightsGB).toBeCloseTo(3.625, GB_DIGITS);
    expect(memory.kvCacheGB).toBeCloseTo(4.294967296, GB_DIGITS);
    expect(memory.overheadGB).toBe(0);
    expect(memory.totalGB).toBeCloseTo(7.919967296, GB_DIGITS);
  });

  it('holds every expert of a mixture of experts: weights use total parameters', () => {
    // Mixtral 8x7B fp8: 46.7 × 1 = 46.7 GB, although only 12.9B parameters are active per token.
    const memory = estimateMemory(architecture('mixtral-8x7b'), {
      precision: 'fp8',
      contextTokens: 0,
      concurrency: 1,
    });
    expect(memory.weightsGB).toBeCloseTo(46.7, GB_DIGITS);
    expect(memory.kvCacheGB).toBe(0);
  });
});

describe('findGpusNeeded', () => {
  it('takes the fewest GPUs, in powers of two, whose usable 90 % holds the total', () => {
    // p4d: 8 × A100 40GB (42.95 GB each, 38.65 usable). 75 GB needs 2; 38 GB needs 1; 160 GB needs 8 (4 hold 154.6).
    const p4d = instance('p4d.24xlarge');
    expect(findGpusNeeded(p4d, 38)).toBe(1);
    expect(findGpusNeeded(p4d, 75)).toBe(2);
    expect(findGpusNeeded(p4d, 160)).toBe(8);
    expect(findGpusNeeded(p4d, 320)).toBeNull();
  });

  it('refuses a precision the accelerator does not serve (Inferentia2 has no int4)', () => {
    expect(fitInstance(instance('inf2.xlarge'), 4, 'int4')).toBeNull();
    expect(fitInstance(instance('inf2.xlarge'), 4, 'int8')?.gpuCount).toBe(1);
  });
});

describe('estimateThroughput', () => {
  it('divides achieved bandwidth by the bytes one decode step reads (dense model)', () => {
    // Mistral 7B fp16 on g5.xlarge (1 × A10G, 600 GB/s), 16 requests of 4,096 tokens, 60 % of peak:
    //   weights read = min(7.25, 16 × 7.25) × 2 = 14.5 GB; KV read = 16 × 4,096 × 131,072 / 10⁹ = 8.589934592 GB
    //   steps/s = 0.6 × 600 / 23.089934592 = 15.59120917; tokens/s = 16 × 15.59120917 = 249.4593468
    //   tokens/min = 60 × 1 copy × 249.4593468 = 14,967.56081
    const load = { precision: 'fp16', contextTokens: 4096, concurrency: 16 } as const;
    const fit = fitInstance(instance('g5.xlarge'), 15, 'fp16')!;
    const estimate = estimateThroughput(mistral7b, load, fit, 0.6);
    expect(estimate.weightsReadGB).toBeCloseTo(14.5, GB_DIGITS);
    expect(estimate.kvReadGB).toBeCloseTo(8.589934592, GB_DIGITS);
    expect(estimate.stepsPerSecond).toBeCloseTo(15.591209172, 6);
    expect(estimate.tokensPerMinutePerUnit).toBeCloseTo(14967.560805, 3);
  });

  it('reads only the active experts of each request, and counts every copy an instance holds', () => {
    // Mixtral 8x7B int4 on one A100 40GB of a p4d (8 copies), 2 requests of 1,000 tokens:
    //   weights read = min(46.7, 2 × 12.9) × 0.5 = 12.9 GB; KV read = 2 × 1,000 × 131,072 / 10⁹ = 0.262144 GB
    //   steps/s = 0.6 × 1,555 / 13.162144 = 70.88510808; tokens/s per copy = 141.7702162
    //   tokens/min = 60 × 8 × 141.7702162 = 68,049.70376
    const load = { precision: 'int4', contextTokens: 1000, concurrency: 2 } as const;
    const fit = fitInstance(instance('p4d.24xlarge'), 30, 'int4')!;
    expect(fit).toMatchObject({ gpuCount: 1, replicas: 8 });
    const estimate = estimateThroughput(architecture('mixtral-8x7b'), load, fit, 0.6);
    expect(estimate.weightsReadGB).toBeCloseTo(12.9, GB_DIGITS);
    expect(estimate.tokensPerMinutePerUnit).toBeCloseTo(68049.703756, 3);
  });
});

describe("the seed's self-hosting table, at a 4K context and one request", () => {
  // Seed 003: model, precision, its memory figure (GB), its setup's instance on AWS and GPU count.
  const rows: [string, Precision, number, string, number][] = [
    ['mistral-7b', 'fp16', 14, 'g5.xlarge', 1], // "single A10 / 3090": one 24 GB A10G
    ['mistral-7b', 'int4', 5, 'g5.xlarge', 1], // "consumer GPU": one 24 GB card
    ['mixtral-8x7b', 'fp16', 90, 'p4de.24xlarge', 2], // "2× A100 80GB"
    ['mixtral-8x7b', 'int4', 24, 'p4d.24xlarge', 1], // "single A100 40GB"
    ['mixtral-8x22b', 'int4', 65, 'p4d.24xlarge', 2], // "2× A100 40GB"
  ];
  it.each(rows)('%s %s: within 20 %% of ~%d GB and on the seed setup', (id, precision, seedGB, on, gpus) => {
    const load = { precision, contextTokens: 4096, concurrency: 1 };
    const memory = estimateMemory(architecture(id), load);
    expect(Math.abs(memory.totalGB / seedGB - 1)).toBeLessThanOrEqual(0.2);
    // On the seed's GPU model, the sizer asks for the seed's GPU count.
    expect(fitInstance(instance(on), memory.totalGB, precision)?.gpuCount).toBe(gpus);
    // The smallest instance it picks holds at least the seed's memory figure.
    const smallest = findSmallestFit(instances, memory.totalGB, precision)!;
    expect(smallest.gpuCount * smallest.instance.memoryPerGpuGB).toBeGreaterThanOrEqual(seedGB);
  });
});

describe('sizeSelfHosting', () => {
  const request = {
    model: mistral7b,
    load: { precision: 'int4', contextTokens: 4096, concurrency: 1 },
    instance: null,
    term: 'on-demand',
    measuredTokensPerMinute: null,
    hourlyOverride: null,
  } as const;

  it('picks the cheapest instance that fits and prices it on demand', () => {
    // 4.37 GB at int4: inf2.xlarge ($0.7582) serves no int4, so g6.xlarge (1 × L4, $0.8048) is the cheapest.
    const result = sizeSelfHosting(request, instances);
    expect(result.fit?.instance.instance).toBe('g6.xlarge');
    expect(result.hourlyPerUnit).toBe(0.8048);
    expect(result.isThroughputMeasured).toBe(false);
    expect(result.tokensPerMinutePerUnit).toBe(result.throughput?.tokensPerMinutePerUnit);
  });

  it('uses a measured figure and a quoted price in place of the estimate and the table', () => {
    const result = sizeSelfHosting(
      { ...request, instance: 'g5.xlarge', measuredTokensPerMinute: 90000, hourlyOverride: 0.6 },
      instances,
    );
    expect(result.fit?.instance.instance).toBe('g5.xlarge');
    expect(result.tokensPerMinutePerUnit).toBe(90000);
    expect(result.isThroughputMeasured).toBe(true);
    expect(result.hourlyPerUnit).toBe(0.6);
  });

  it('has no price for a reserved term the table cannot source, and no fit when the instance is too small', () => {
    expect(sizeSelfHosting({ ...request, term: 'reserved-1y' }, instances).hourlyPerUnit).toBeNull();
    const tooSmall = sizeSelfHosting(
      { ...request, model: architecture('llama-3.1-405b'), instance: 'g5.xlarge' },
      instances,
    );
    expect(tooSmall.fit).toBeNull();
    expect(tooSmall.tokensPerMinutePerUnit).toBeNull();
  });
});

describe('buildCapacityEntry', () => {
  it('makes a valid aws capacity entry with the term, one unit minimum and its sources', () => {
    const fit = fitInstance(instance('p4d.24xlarge'), 75, 'int4')!;
    const entry = buildCapacityEntry({
      modelName: 'Mixtral 8x22B',
      modelSlug: 'mixtral-8x22b',
      provider: 'Mistral AI',
      precision: 'int4',
      contextTokens: 4096,
      term: 'reserved-1y',
      fit,
      hourlyPerUnit: 15,
      tokensPerMinutePerUnit: 40000,
      isThroughputMeasured: false,
      quality: { quality: 35, qualitySource: undefined },
      today: '2026-12-02',
    });
    expect(modelSchema.parse(entry)).toEqual(entry);
    expect(entry).toMatchObject({
      id: 'aws:mixtral-8x22b@p4d-24xlarge-int4-reserved-1y',
      platform: 'aws',
      region: 'us-east-1',
      quality: 35,
      pricing: {
        kind: 'capacity',
        hourlyPerUnit: 15,
        tokensPerMinutePerUnit: 40000,
        minUnits: 1,
        commitmentMonths: 12,
      },
    });
    expect(entry.notes).toContain('ESTIMATE');
    expect(entry.name).toContain('2x NVIDIA A100 40GB, 4 copies');
  });
});

describe('findArchitecture', () => {
  it('finds an architecture by its own id or by a catalog id that runs it', () => {
    expect(findArchitecture(architectures, 'bedrock:mixtral-8x7b')?.id).toBe('mixtral-8x7b');
    expect(findArchitecture(architectures, 'qwen3-32b')?.layers).toBe(64);
    expect(findArchitecture(architectures, 'nope')).toBeNull();
  });
});

describe('findBreakEvensAgainstPerToken', () => {
  it('sets the entry against every per-token model, lowest break-even first, "never" last', () => {
    // Slice: 1,000 input + 100 output tokens, peak-to-average 2. Entry: $1/h (u = $730 a month), 60,000 tokens a
    // minute: one unit carries 60,000 × 43,800 / (2 × 1,100) = 1,194,545.45 requests, $0.00061111 each at full use.
    //   dear ($0.0045 a request): from 730 / 0.0045 = 162,222.2 requests
    //   cheap ($0.0012): from 730 / 0.0012 = 608,333.3 requests
    //   thrifty ($0.0006, below $0.00061111): never
    const scenario = createScenario({
      catalog: [
        createPerTokenModel('thrifty', { inputPerMTok: 0.5, outputPerMTok: 1 }),
        createPerTokenModel('cheap', { inputPerMTok: 1, outputPerMTok: 2 }),
        createPerTokenModel('dear', { inputPerMTok: 3, outputPerMTok: 15 }),
        createCapacityModel('self', { hourlyPerUnit: 1, tokensPerMinutePerUnit: 60000 }),
      ],
      traffic: [createSlice('main', { requestsPerMonth: 1000, inputTokens: 1000, outputTokens: 100 })],
      strategies: [{ id: 'one', name: 'One', kind: 'single', model: 'cheap' }],
    });
    const entry = scenario.catalog.find((model) => model.id === 'self')!;
    const rows = findBreakEvensAgainstPerToken(
      scenario.traffic[0]!,
      entry,
      scenario.catalog,
      scenario.options,
    );
    expect(rows.map((row) => row.model.id)).toEqual(['dear', 'cheap', 'thrifty']);
    expect(rows[0]!.breakEven.breakEvenRequestsPerMonth).toBeCloseTo(162222.222, 2);
    expect(rows[1]!.breakEven.breakEvenRequestsPerMonth).toBeCloseTo(608333.333, 2);
    expect(rows[2]!.breakEven.status).toBe('never');
  });
});
