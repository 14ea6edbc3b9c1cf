/**
 * Self-hosting sized from the model and the GPU: the memory a model needs (weights, KV cache, overhead), the
 * smallest AWS instance and GPU count that hold it, an estimated throughput per instance from memory bandwidth,
 * and the capacity catalog entry that follows (platform `aws`, hourly price, tokens per minute per unit,
 * commitment term). Memory is in GB of 10⁹ bytes; bandwidth in GB/s; prices in USD per instance-hour.
 */
import { z } from 'zod';
import { findCapacityBreakEven } from './break-even';
import type { CapacityBreakEven } from './break-even';
import { sourceSchema } from './scenario-schema';
import type { Model, Options, Slice } from './scenario-schema';

export const PRECISIONS = ['fp16', 'fp8', 'int8', 'int4'] as const;
/** Weight precision: fp16 stands for fp16 and bf16 alike (both 2 bytes). */
export type Precision = (typeof PRECISIONS)[number];

/** Bytes one weight takes at each precision. */
export const BYTES_PER_PARAMETER: Readonly<Record<Precision, number>> = {
  fp16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
};

/** Bytes per cached key or value element: serving engines keep the KV cache at 16 bits unless told otherwise. */
export const KV_CACHE_BYTES = 2;
/**
 * Runtime memory beyond weights and KV cache (activations, CUDA context, allocator slack), as a fraction of
 * weights + KV cache. An assumption, chosen so the seed's five self-hosting figures come out within 20 %.
 */
export const DEFAULT_OVERHEAD_FRACTION = 0.05;
/** Share of each GPU's memory a serving engine may fill (vLLM's default `gpu_memory_utilization`). */
export const USABLE_MEMORY_FRACTION = 0.9;
/** Share of peak memory bandwidth a decode step achieves in practice: an assumption, replace with a measurement. */
export const DEFAULT_BANDWIDTH_EFFICIENCY = 0.6;
export const DEFAULT_CONTEXT_TOKENS = 4096;
export const DEFAULT_CONCURRENCY = 1;
/** Months in a year of commitment. */
const MONTHS_PER_YEAR = 12;

const positive = z.number().gt(0, 'must be greater than 0');
const positiveInt = z.number().int('must be a whole number').gt(0, 'must be greater than 0');

/** A model's architecture, as its published config.json and model card give it. */
export const architectureSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  provider: z.string(),
  /** All parameters, billions. */
  totalParamsB: positive,
  /** Parameters used per token (mixture of experts), billions; null for a dense model. */
  activeParamsB: positive.nullable(),
  layers: positiveInt,
  kvHeads: positiveInt,
  headDim: positiveInt,
  /** Longest context the model supports, tokens. */
  contextWindow: positiveInt,
  /** Catalog entries that run this architecture. */
  catalogIds: z.array(z.string()),
  source: sourceSchema,
  notes: z.string().optional(),
});
export type ModelArchitecture = z.output<typeof architectureSchema>;

/** One AWS instance type of the shipped table, every figure with its source. */
export const gpuInstanceSchema = z.strictObject({
  instance: z.string().min(1),
  /** The accelerator's name ("NVIDIA A10G", "AWS Inferentia2"). */
  gpu: z.string(),
  gpuCount: positiveInt,
  /** Memory per accelerator, GB (10⁹ bytes). */
  memoryPerGpuGB: positive,
  /** Peak memory bandwidth per accelerator, GB/s. */
  bandwidthPerGpuGBps: positive,
  /** Weight precisions the accelerator serves. */
  precisions: z.array(z.enum(PRECISIONS)).min(1),
  region: z.string(),
  onDemandHourly: positive,
  /** 1-year Reserved Instance effective hourly rate; null when no citable source gives it. */
  reserved1yHourly: positive.nullable(),
  /** 3-year Reserved Instance effective hourly rate; null when no citable source gives it. */
  reserved3yHourly: positive.nullable(),
  sources: z.strictObject({
    price: sourceSchema,
    specs: sourceSchema,
    bandwidth: sourceSchema,
  }),
  notes: z.string().optional(),
});
export type GpuInstance = z.output<typeof gpuInstanceSchema>;

/** What the memory formula needs to know about a model. */
export type ModelShape = Pick<
  ModelArchitecture,
  'totalParamsB' | 'activeParamsB' | 'layers' | 'kvHeads' | 'headDim'
>;

export type ServingLoad = {
  precision: Precision;
  /** Tokens each request holds in the KV cache (prompt and completion). */
  contextTokens: number;
  /** Requests served at once. */
  concurrency: number;
  /** Overhead as a fraction of weights + KV cache; `DEFAULT_OVERHEAD_FRACTION` when left out. */
  overheadFraction?: number;
};

export type MemoryEstimate = {
  weightsGB: number;
  /** `2 × layers × kvHeads × headDim × KV_CACHE_BYTES`: KV cache bytes per token. */
  kvBytesPerToken: number;
  kvCacheGB: number;
  overheadGB: number;
  totalGB: number;
};

/**
 * Memory to serve a model, GB:
 * weights `= totalParamsB × bytesPerParameter(precision)` (10⁹ parameters × bytes / 10⁹);
 * KV cache `= 2 × layers × kvHeads × headDim × tokens × KV_CACHE_BYTES / 10⁹` with `tokens = contextTokens ×
 * concurrency` (a key and a value per layer, head and token, at 16 bits);
 * overhead `= overheadFraction × (weights + KV cache)`; total the sum.
 * Every expert of a mixture of experts is held in memory, so weights use the total parameters.
 */
export function estimateMemory(model: ModelShape, load: ServingLoad): MemoryEstimate {
  const weightsGB = model.totalParamsB * BYTES_PER_PARAMETER[load.precision];
  const kvBytesPerToken = 2 * model.layers * model.kvHeads * model.headDim * KV_CACHE_BYTES;
  const kvCacheGB = (kvBytesPerToken * load.contextTokens * load.concurrency) / 1e9;
  const overheadGB = (load.overheadFraction ?? DEFAULT_OVERHEAD_FRACTION) * (weightsGB + kvCacheGB);
  return { weightsGB, kvBytesPerToken, kvCacheGB, overheadGB, totalGB: weightsGB + kvCacheGB + overheadGB };
}

/**
 * The fewest accelerators of an instance that hold `totalGB`: the smallest power of two `n ≤ gpuCount` (tensor
 * parallelism splits attention heads evenly, so serving engines take 1, 2, 4 or 8 GPUs) with
 * `n × memoryPerGpuGB × USABLE_MEMORY_FRACTION ≥ totalGB`; null when none does.
 */
export function findGpusNeeded(instance: GpuInstance, totalGB: number): number | null {
  for (let n = 1; n <= instance.gpuCount; n *= 2) {
    if (n * instance.memoryPerGpuGB * USABLE_MEMORY_FRACTION >= totalGB) return n;
  }
  return null;
}

export type InstanceFit = {
  instance: GpuInstance;
  /** Accelerators one copy of the model spans. */
  gpuCount: number;
  /** Copies of the model one instance runs side by side: `floor(instance GPUs / gpuCount)`. */
  replicas: number;
};

/** The instance's fit for a model of `totalGB` at `precision`, or null when it cannot hold or serve it. */
export function fitInstance(
  instance: GpuInstance,
  totalGB: number,
  precision: Precision,
): InstanceFit | null {
  if (!instance.precisions.includes(precision)) return null;
  const gpuCount = findGpusNeeded(instance, totalGB);
  if (gpuCount === null) return null;
  return { instance, gpuCount, replicas: Math.floor(instance.gpuCount / gpuCount) };
}

/**
 * The smallest instance that holds the model: the lowest on-demand hourly price among the instances that fit
 * (ties: fewer accelerators, then table order); null when none does.
 */
export function findSmallestFit(
  instances: readonly GpuInstance[],
  totalGB: number,
  precision: Precision,
): InstanceFit | null {
  let best: InstanceFit | null = null;
  for (const instance of instances) {
    const fit = fitInstance(instance, totalGB, precision);
    if (!fit) continue;
    if (
      !best ||
      fit.instance.onDemandHourly < best.instance.onDemandHourly ||
      (fit.instance.onDemandHourly === best.instance.onDemandHourly && fit.gpuCount < best.gpuCount)
    ) {
      best = fit;
    }
  }
  return best;
}

export type ThroughputEstimate = {
  /** Weight bytes one decode step reads, GB: `min(total, concurrency × active) × bytesPerParameter`. */
  weightsReadGB: number;
  /** KV cache one decode step reads, GB: every request's whole context. */
  kvReadGB: number;
  /** Peak bandwidth of the accelerators one copy spans, GB/s. */
  bandwidthGBps: number;
  /** Decode steps per second: `efficiency × bandwidth / (weightsRead + kvRead)`. */
  stepsPerSecond: number;
  /** Tokens per second of one copy: `concurrency × stepsPerSecond`. */
  tokensPerSecondPerReplica: number;
  /** Tokens per minute of one instance: `60 × replicas × tokensPerSecondPerReplica`. */
  tokensPerMinutePerUnit: number;
};

/**
 * Estimated throughput of one instance, decode-bound: each decode step streams the weights it touches and every
 * request's KV cache from memory once and yields one token per request. A dense model touches all its weights;
 * a mixture of experts touches at most `concurrency × active` parameters' worth. So
 * `tokens/min = 60 × replicas × concurrency × efficiency × gpuCount × bandwidthPerGpu /
 * (min(total, concurrency × active) × bytesPerParameter + concurrency × contextTokens × kvBytesPerToken / 10⁹)`.
 * An estimate: prompt tokens, which the planner counts alike, are processed far faster than decoded ones, and
 * real engines lose some bandwidth to kernels and communication (`efficiency`).
 */
export function estimateThroughput(
  model: ModelShape,
  load: ServingLoad,
  fit: InstanceFit,
  efficiency = DEFAULT_BANDWIDTH_EFFICIENCY,
): ThroughputEstimate {
  const bytes = BYTES_PER_PARAMETER[load.precision];
  const active = model.activeParamsB ?? model.totalParamsB;
  const weightsReadGB = Math.min(model.totalParamsB, load.concurrency * active) * bytes;
  const kvBytesPerToken = 2 * model.layers * model.kvHeads * model.headDim * KV_CACHE_BYTES;
  const kvReadGB = (load.concurrency * load.contextTokens * kvBytesPerToken) / 1e9;
  const bandwidthGBps = fit.gpuCount * fit.instance.bandwidthPerGpuGBps;
  const stepsPerSecond = (efficiency * bandwidthGBps) / (weightsReadGB + kvReadGB);
  const tokensPerSecondPerReplica = load.concurrency * stepsPerSecond;
  return {
    weightsReadGB,
    kvReadGB,
    bandwidthGBps,
    stepsPerSecond,
    tokensPerSecondPerReplica,
    tokensPerMinutePerUnit: 60 * fit.replicas * tokensPerSecondPerReplica,
  };
}

export const COMMITMENT_TERMS = ['on-demand', 'reserved-1y', 'reserved-3y'] as const;
export type CommitmentTerm = (typeof COMMITMENT_TERMS)[number];

/** Months a term commits to: the capacity pricing's `commitmentMonths`. */
export function termMonths(term: CommitmentTerm): number {
  switch (term) {
    case 'on-demand':
      return 0;
    case 'reserved-1y':
      return MONTHS_PER_YEAR;
    case 'reserved-3y':
      return 3 * MONTHS_PER_YEAR;
  }
}

/** The table's hourly price of an instance for a term; null when the table has no sourced price for it. */
export function findTermHourly(instance: GpuInstance, term: CommitmentTerm): number | null {
  switch (term) {
    case 'on-demand':
      return instance.onDemandHourly;
    case 'reserved-1y':
      return instance.reserved1yHourly;
    case 'reserved-3y':
      return instance.reserved3yHourly;
  }
}

export type SizingRequest = {
  model: ModelShape;
  load: ServingLoad;
  /** The instance to use; null picks the smallest that fits. */
  instance: string | null;
  term: CommitmentTerm;
  efficiency?: number;
  /** A measured tokens-per-minute figure per instance, used in place of the estimate; null for none. */
  measuredTokensPerMinute: number | null;
  /** An hourly price in place of the table's (a quote, a reserved rate); null for the table's. */
  hourlyOverride: number | null;
};

export type SizingResult = {
  memory: MemoryEstimate;
  /** The instance and accelerator count; null when no instance (or not the one asked for) holds the model. */
  fit: InstanceFit | null;
  throughput: ThroughputEstimate | null;
  /** The measured figure when given, else the estimate; null without a fit. */
  tokensPerMinutePerUnit: number | null;
  isThroughputMeasured: boolean;
  /** The override when given, else the table's price for the term; null when neither exists. */
  hourlyPerUnit: number | null;
};

/** Memory, the instance, throughput and price for one request: what the screen and the CLI show. */
export function sizeSelfHosting(request: SizingRequest, instances: readonly GpuInstance[]): SizingResult {
  const memory = estimateMemory(request.model, request.load);
  let fit: InstanceFit | null;
  if (request.instance === null) {
    fit = findSmallestFit(instances, memory.totalGB, request.load.precision);
  } else {
    const chosen = instances.find((instance) => instance.instance === request.instance);
    fit = chosen ? fitInstance(chosen, memory.totalGB, request.load.precision) : null;
  }
  const throughput = fit ? estimateThroughput(request.model, request.load, fit, request.efficiency) : null;
  const isThroughputMeasured = request.measuredTokensPerMinute !== null;
  return {
    memory,
    fit,
    throughput,
    tokensPerMinutePerUnit: fit
      ? (request.measuredTokensPerMinute ?? throughput?.tokensPerMinutePerUnit ?? null)
      : null,
    isThroughputMeasured,
    hourlyPerUnit: request.hourlyOverride ?? (fit ? findTermHourly(fit.instance, request.term) : null),
  };
}

/** The architecture with this id, or the one a catalog entry of this id runs; null when none. */
export function findArchitecture(
  architectures: readonly ModelArchitecture[],
  id: string,
): ModelArchitecture | null {
  return (
    architectures.find((architecture) => architecture.id === id) ??
    architectures.find((architecture) => architecture.catalogIds.includes(id)) ??
    null
  );
}

export type CapacityEntryInput = {
  /** The model's name as people know it ("Mistral 7B"). */
  modelName: string;
  /** Slug of the model for the id ("mistral-7b"). */
  modelSlug: string;
  provider: string;
  precision: Precision;
  contextTokens: number;
  term: CommitmentTerm;
  fit: InstanceFit;
  hourlyPerUnit: number;
  tokensPerMinutePerUnit: number;
  isThroughputMeasured: boolean;
  /** Quality score and its source, taken from a catalog entry of the same model when there is one. */
  quality: Pick<Model, 'quality' | 'qualitySource'> | null;
  /** The day the entry is made, YYYY-MM-DD. */
  today: string;
};

const TERM_LABELS: Readonly<Record<CommitmentTerm, string>> = {
  'on-demand': 'on demand',
  'reserved-1y': '1-year reserved',
  'reserved-3y': '3-year reserved',
};

/**
 * The capacity catalog entry a sizing gives: platform `aws`, one unit = one instance, `minUnits` 1 (an instance
 * runs once a slice routes here), `commitmentMonths` from the term, and notes that say where every figure comes
 * from. Its id (`aws:<model>@<instance>-<precision>[-<term>]`) may still need making unique in a catalog.
 */
export function buildCapacityEntry(input: CapacityEntryInput): Model {
  const { fit } = input;
  const instanceSlug = fit.instance.instance.replace(/\./g, '-');
  const termSuffix = input.term === 'on-demand' ? '' : `-${input.term}`;
  const gpus = `${fit.gpuCount}x ${fit.instance.gpu}`;
  const throughputNote = input.isThroughputMeasured
    ? 'measured (entered by you)'
    : `an ESTIMATE from memory bandwidth (decode-bound, ${Math.round(DEFAULT_BANDWIDTH_EFFICIENCY * 100)} % of peak unless changed); replace it with a measured figure`;
  return {
    id: `aws:${input.modelSlug}@${instanceSlug}-${input.precision}${termSuffix}`,
    name: `${input.modelName} ${input.precision} — self-hosted on EC2 ${fit.instance.instance} (${gpus}${fit.replicas > 1 ? `, ${fit.replicas} copies` : ''}), ${TERM_LABELS[input.term]}`,
    provider: input.provider,
    platform: 'aws',
    pricing: {
      kind: 'capacity',
      hourlyPerUnit: input.hourlyPerUnit,
      tokensPerMinutePerUnit: input.tokensPerMinutePerUnit,
      minUnits: 1,
      commitmentMonths: termMonths(input.term),
    },
    contextWindow: input.contextTokens,
    quality: input.quality?.quality ?? 0,
    ...(input.quality?.qualitySource ? { qualitySource: input.quality.qualitySource } : {}),
    outputTokenFactor: 1,
    openWeight: true,
    region: fit.instance.region,
    tokenizerFactor: 1,
    reasoning: false,
    source: {
      label: `Self-hosting sizer: ${fit.instance.instance} ${TERM_LABELS[input.term]} at $${input.hourlyPerUnit}/h (${fit.instance.sources.price.label}); throughput ${input.isThroughputMeasured ? 'measured' : 'estimated'}`,
      asOf: input.today,
      ...(fit.instance.sources.price.url ? { url: fit.instance.sources.price.url } : {}),
    },
    priceKey: null,
    retiresOn: null,
    notes: `One unit = one ${fit.instance.instance}, ${fit.gpuCount} of its ${fit.instance.gpuCount} accelerators per copy of the model, ${input.contextTokens.toLocaleString('en-US')}-token context. Tokens per minute per unit ${Math.round(input.tokensPerMinutePerUnit).toLocaleString('en-US')}: ${throughputNote}.`,
  };
}

export type PerTokenBreakEven = { model: Model; breakEven: CapacityBreakEven };

/**
 * A capacity entry set against every per-token model of a catalog (each id once) for one slice, with
 * `findCapacityBreakEven` (the slice alone on the entry, a steady month): lowest break-even volume first, the
 * models capacity never beats last (ties: catalog order).
 */
export function findBreakEvensAgainstPerToken(
  slice: Slice,
  capacityModel: Model,
  catalog: readonly Model[],
  options: Options,
): PerTokenBreakEven[] {
  const seen = new Set<string>();
  const rows: PerTokenBreakEven[] = [];
  for (const model of catalog) {
    if (model.pricing.kind !== 'per-token' || seen.has(model.id)) continue;
    seen.add(model.id);
    rows.push({ model, breakEven: findCapacityBreakEven(slice, capacityModel, model, options) });
  }
  const volume = (row: PerTokenBreakEven) => row.breakEven.breakEvenRequestsPerMonth ?? Infinity;
  return rows.sort((a, b) => (volume(a) === volume(b) ? 0 : volume(a) - volume(b)));
}
