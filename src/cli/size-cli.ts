/**
 * The self-hosting sizer on the command line, as a function of its arguments, its output and the shipped tables:
 * `size --params <billions> [--active <billions>] --precision fp16|fp8|int8|int4 [--context <tokens>]
 * [--concurrency <requests>] [--format table|json]`, or `--model <id>` for a prefilled model.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_BANDWIDTH_EFFICIENCY,
  DEFAULT_CONCURRENCY,
  DEFAULT_CONTEXT_TOKENS,
  DEFAULT_OVERHEAD_FRACTION,
  KV_CACHE_BYTES,
  BYTES_PER_PARAMETER,
  PRECISIONS,
  USABLE_MEMORY_FRACTION,
  findArchitecture,
  sizeSelfHosting,
} from '../domain/gpu-sizing';
import type {
  GpuInstance,
  ModelArchitecture,
  ModelShape,
  Precision,
  SizingResult,
} from '../domain/gpu-sizing';
import { formatNumber, formatPercent, formatPrice } from '../format/format';
import { toPrintableText } from './terminal-text';

export type SizeCliIo = {
  stdout(text: string): void;
  stderr(text: string): void;
};

export type SizeTables = {
  instances: readonly GpuInstance[];
  architectures: readonly ModelArchitecture[];
};

/** Bounds that keep a typo from asking for a model larger than any GPU fleet or a context no model has. */
const MAX_PARAMS_B = 100_000;
const MAX_CONTEXT_TOKENS = 100_000_000;
const MAX_CONCURRENCY = 1_000_000;
const MAX_SHAPE = 100_000;
const MAX_MEASURED = 1e12;

export const SIZE_USAGE = `Usage: npm run size -- --params <billions> [--active <billions>] --precision fp16|fp8|int8|int4
                         [--context <tokens>] [--concurrency <requests>] [--format table|json]
       npm run size -- --model <id> --precision fp16|fp8|int8|int4 [...]

Sizes self-hosting on AWS: the memory a model needs (weights + KV cache + overhead), the cheapest EC2
instance and GPU count that hold it, its on-demand hourly price and an estimated throughput.

Options:
  --model <id>           A prefilled model: its own id (mixtral-8x7b, llama-3.3-70b, qwen3-32b, ...)
                         or the id of a catalog entry that runs it (bedrock:mixtral-8x7b).
  --params <billions>    Total parameters, in billions (instead of --model).
  --active <billions>    Active parameters per token of a mixture of experts (default: all).
  --layers <n>, --kv-heads <n>, --head-dim <n>
                         The KV cache's shape with --params. Left out, the shape of the prefilled
                         model nearest in size is assumed, and said on stderr.
  --precision <p>        Weight precision: fp16 (also bf16), fp8, int8 or int4.
  --context <tokens>     Tokens each request holds (default ${DEFAULT_CONTEXT_TOKENS}).
  --concurrency <n>      Requests served at once (default ${DEFAULT_CONCURRENCY}).
  --instance <type>      Size on this EC2 instance type instead of the cheapest that fits.
  --measured <tokens>    Your measured tokens per minute per instance, in place of the estimate.
  --format <format>      json (default): weightsGB, kvCacheGB, overheadGB, totalGB (10^9 bytes), gpu,
                         gpuCount, instance, hourlyPerUnit, tokensPerMinutePerUnit, full precision
                         table: every term with its formula, rounded
  -h, --help             Show this help.

Throughput is an ESTIMATE from memory bandwidth (${formatPercent(DEFAULT_BANDWIDTH_EFFICIENCY)} of peak): measure your own.
Exit status: 0 on success; 1 on bad options, with one error per line on stderr and nothing on stdout.
`;

const OPTIONS = {
  model: { type: 'string' },
  params: { type: 'string' },
  active: { type: 'string' },
  layers: { type: 'string' },
  'kv-heads': { type: 'string' },
  'head-dim': { type: 'string' },
  precision: { type: 'string' },
  context: { type: 'string' },
  concurrency: { type: 'string' },
  instance: { type: 'string' },
  measured: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Request = {
  name: string;
  shape: ModelShape;
  precision: Precision;
  contextTokens: number;
  concurrency: number;
  instance: string | null;
  /** A measured tokens-per-minute figure per instance; null for the estimate. */
  measured: number | null;
  format: 'json' | 'table';
  /** The prefilled model whose KV shape was assumed, when the user gave none. */
  assumedShapeFrom: ModelArchitecture | null;
};

/** A number written in plain decimal, within (0, max] (whole when asked); else an error naming the flag. */
function readNumber(
  flag: string,
  text: string | undefined,
  max: number,
  whole: boolean,
  errors: string[],
): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(value > 0 && value <= max) || (whole && !Number.isInteger(value))) {
    errors.push(
      `--${flag} must be ${whole ? 'a whole number' : 'a number'} greater than 0 and at most ${formatNumber(max)}, not ${JSON.stringify(text)}`,
    );
    return undefined;
  }
  return value;
}

function isPrecision(value: string): value is Precision {
  return (PRECISIONS as readonly string[]).includes(value);
}

/** The prefilled architecture nearest in total parameters (ratio), for a KV shape the user did not give. */
function findNearestArchitecture(
  architectures: readonly ModelArchitecture[],
  paramsB: number,
): ModelArchitecture | null {
  let best: ModelArchitecture | null = null;
  for (const architecture of architectures) {
    const distance = Math.abs(Math.log(architecture.totalParamsB / paramsB));
    if (!best || distance < Math.abs(Math.log(best.totalParamsB / paramsB))) best = architecture;
  }
  return best;
}

function parseRequest(argv: readonly string[], tables: SizeTables): Request | 'help' | { errors: string[] } {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    // Node's message names the option: "Unknown option '--foo'", "Option '--params <value>' argument missing".
    return { errors: [`${error instanceof Error ? error.message : String(error)} (see --help)`] };
  }
  if (values.help) return 'help';
  const errors: string[] = [];
  const formatText = values.format ?? 'json';
  const format = formatText === 'json' || formatText === 'table' ? formatText : undefined;
  if (!format) errors.push(`unknown format ${JSON.stringify(formatText)} (use json or table)`);
  let precision: Precision | undefined;
  if (values.precision === undefined) errors.push('--precision is required: fp16, fp8, int8 or int4');
  else if (isPrecision(values.precision)) precision = values.precision;
  else if (values.precision === 'bf16') precision = 'fp16';
  else errors.push(`unknown precision ${JSON.stringify(values.precision)} (use fp16, fp8, int8 or int4)`);
  const contextTokens =
    readNumber('context', values.context, MAX_CONTEXT_TOKENS, true, errors) ?? DEFAULT_CONTEXT_TOKENS;
  const concurrency =
    readNumber('concurrency', values.concurrency, MAX_CONCURRENCY, true, errors) ?? DEFAULT_CONCURRENCY;
  const instance = values.instance ?? null;
  const measured = readNumber('measured', values.measured, MAX_MEASURED, false, errors) ?? null;
  if (instance !== null && !tables.instances.some((row) => row.instance === instance))
    errors.push(
      `unknown instance ${JSON.stringify(instance)} (known: ${tables.instances.map((row) => row.instance).join(', ')})`,
    );

  let name = '';
  let shape: ModelShape | undefined;
  let assumedShapeFrom: ModelArchitecture | null = null;
  const shapeFlags = (['params', 'active', 'layers', 'kv-heads', 'head-dim'] as const).filter(
    (flag) => values[flag] !== undefined,
  );
  if (values.model !== undefined) {
    if (shapeFlags.length > 0)
      errors.push(`--model cannot be combined with ${shapeFlags.map((flag) => `--${flag}`).join(', ')}`);
    const architecture = findArchitecture(tables.architectures, values.model);
    if (!architecture)
      errors.push(
        `unknown model ${JSON.stringify(values.model)} (known: ${tables.architectures.map((row) => row.id).join(', ')})`,
      );
    else {
      name = architecture.name;
      shape = architecture;
    }
  } else if (values.params === undefined) {
    errors.push('give --params <billions> or --model <id> (see --help)');
  } else {
    const totalParamsB = readNumber('params', values.params, MAX_PARAMS_B, false, errors);
    const activeParamsB = readNumber('active', values.active, MAX_PARAMS_B, false, errors) ?? null;
    const layers = readNumber('layers', values.layers, MAX_SHAPE, true, errors);
    const kvHeads = readNumber('kv-heads', values['kv-heads'], MAX_SHAPE, true, errors);
    const headDim = readNumber('head-dim', values['head-dim'], MAX_SHAPE, true, errors);
    if (totalParamsB !== undefined && activeParamsB !== null && activeParamsB > totalParamsB)
      errors.push(`--active (${values.active}) cannot exceed --params (${values.params})`);
    if (totalParamsB !== undefined) {
      const nearest =
        layers === undefined || kvHeads === undefined || headDim === undefined
          ? findNearestArchitecture(tables.architectures, totalParamsB)
          : null;
      if (nearest) assumedShapeFrom = nearest;
      name = `${formatNumber(totalParamsB)}B-parameter model`;
      shape = {
        totalParamsB,
        activeParamsB,
        layers: layers ?? nearest?.layers ?? 1,
        kvHeads: kvHeads ?? nearest?.kvHeads ?? 1,
        headDim: headDim ?? nearest?.headDim ?? 1,
      };
    }
  }
  if (errors.length > 0 || !shape || !precision || !format) return { errors };
  return { name, shape, precision, contextTokens, concurrency, instance, measured, format, assumedShapeFrom };
}

/** The JSON the issue of record fixes: these nine keys, full precision. */
function toJson(result: SizingResult) {
  return {
    weightsGB: result.memory.weightsGB,
    kvCacheGB: result.memory.kvCacheGB,
    overheadGB: result.memory.overheadGB,
    totalGB: result.memory.totalGB,
    gpu: result.fit?.instance.gpu ?? null,
    gpuCount: result.fit?.gpuCount ?? null,
    instance: result.fit?.instance.instance ?? null,
    hourlyPerUnit: result.hourlyPerUnit,
    tokensPerMinutePerUnit: result.tokensPerMinutePerUnit,
  };
}

function gb(value: number): string {
  return `${value.toFixed(2)} GB`;
}

function formatTable(request: Request, result: SizingResult): string {
  const { shape } = request;
  const { memory, fit, throughput } = result;
  const bytes = BYTES_PER_PARAMETER[request.precision];
  const rows: [string, string][] = [
    [
      'Model',
      `${request.name}, ${request.precision}, ${formatNumber(request.contextTokens)}-token context, ${formatNumber(request.concurrency)} request${request.concurrency === 1 ? '' : 's'} at once`,
    ],
    ['Weights', `${gb(memory.weightsGB)} = ${formatNumber(shape.totalParamsB)}B parameters × ${bytes} bytes`],
    [
      'KV cache',
      `${gb(memory.kvCacheGB)} = 2 × ${shape.layers} layers × ${shape.kvHeads} KV heads × ${shape.headDim} head dim × ${formatNumber(request.contextTokens * request.concurrency)} tokens × ${KV_CACHE_BYTES} bytes`,
    ],
    [
      'Overhead',
      `${gb(memory.overheadGB)} = ${formatPercent(DEFAULT_OVERHEAD_FRACTION)} of weights + KV cache`,
    ],
    ['Total', gb(memory.totalGB)],
  ];
  if (!fit) {
    rows.push([
      'Instance',
      request.instance === null
        ? 'none in the table holds it: lower the precision, context or concurrency'
        : `${request.instance} cannot hold it at ${request.precision}`,
    ]);
  } else {
    const instance = fit.instance;
    rows.push([
      'Instance',
      `${instance.instance}: ${fit.gpuCount} of its ${instance.gpuCount} × ${instance.gpu} (${formatNumber(instance.memoryPerGpuGB)} GB each, ${formatPercent(USABLE_MEMORY_FRACTION)} usable)${fit.replicas > 1 ? `, ${fit.replicas} copies side by side` : ''}`,
    ]);
    rows.push([
      'Price',
      `${formatPrice(result.hourlyPerUnit ?? instance.onDemandHourly)} an hour on demand (${instance.region}, ${instance.sources.price.asOf})`,
    ]);
    if (result.isThroughputMeasured && result.tokensPerMinutePerUnit !== null)
      rows.push([
        'Throughput',
        `${formatNumber(Math.round(result.tokensPerMinutePerUnit))} tokens a minute per instance, measured (--measured)`,
      ]);
    else if (throughput)
      rows.push([
        'Throughput',
        `${formatNumber(Math.round(throughput.tokensPerMinutePerUnit))} tokens a minute per instance, an ESTIMATE: 60 × ${fit.replicas} cop${fit.replicas === 1 ? 'y' : 'ies'} × ${formatNumber(request.concurrency)} requests × ${formatPercent(DEFAULT_BANDWIDTH_EFFICIENCY)} × ${formatNumber(throughput.bandwidthGBps)} GB/s / (${throughput.weightsReadGB.toFixed(2)} GB weights + ${throughput.kvReadGB.toFixed(2)} GB KV read per step)`,
      ]);
  }
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${label.padEnd(width)}${value}\n`).join('');
}

/**
 * Runs the sizer: parses and checks the flags (every problem reported, exit 1, nothing on stdout), sizes the
 * model with `sizeSelfHosting` on the shipped instance table, and prints JSON (the nine keys, full precision) or
 * a table with every memory term and its formula. A KV shape assumed from a prefilled model is said on stderr.
 */
export function runSizeCli(argv: readonly string[], io: SizeCliIo, tables: SizeTables): number {
  const request = parseRequest(argv, tables);
  if (request === 'help') {
    io.stdout(SIZE_USAGE);
    return 0;
  }
  if ('errors' in request) {
    for (const error of request.errors) io.stderr(`error: ${toPrintableText(error)}\n`);
    return 1;
  }
  if (request.assumedShapeFrom) {
    const from = request.assumedShapeFrom;
    io.stderr(
      `note: KV cache shape assumed from ${from.name} (${from.layers} layers, ${from.kvHeads} KV heads, head dim ${from.headDim}); give --layers, --kv-heads and --head-dim for your model\n`,
    );
  }
  const result = sizeSelfHosting(
    {
      model: request.shape,
      load: {
        precision: request.precision,
        contextTokens: request.contextTokens,
        concurrency: request.concurrency,
      },
      instance: request.instance,
      term: 'on-demand',
      measuredTokensPerMinute: request.measured,
      hourlyOverride: null,
    },
    tables.instances,
  );
  if (!result.fit) io.stderr('note: no instance in the table holds this model at these settings\n');
  if (request.format === 'json') io.stdout(`${JSON.stringify(toJson(result), null, 2)}\n`);
  else io.stdout(formatTable(request, result));
  return 0;
}
