/**
 * The row-spec format of `data/catalog-build/rows/*.json`: the reviewed, hand-kept input from which
 * `scripts/build-catalog.ts` builds `data/catalog.json`. Each file is a JSON array of row specs. A row either
 * names a LiteLLM key (`litellmKey`) and takes its prices from LiteLLM's price file, corrected by `override`
 * where the provider's own list disagrees, or carries a whole `model` (no LiteLLM key: seed rows, capacity rows,
 * models LiteLLM does not list yet). See data/catalog-build/README.md.
 */
import { z } from 'zod';
import { longContextSchema, modelSchema, perTokenPricingSchema } from '../../src/domain/scenario-schema';

const isoDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date written YYYY-MM-DD');

/** `<platform>:<model-slug>[@<endpoint>]`, lower case: `bedrock:claude-sonnet-4.5@global`, `anthropic:claude-opus-4.5`. */
export const ROW_ID = /^[a-z0-9-]+:[a-z0-9][a-z0-9._-]*(@[a-z0-9-]+)?$/;

export const rowSourceSchema = z.strictObject({
  label: z.string().min(1),
  asOf: isoDay,
  url: z.string().optional(),
});

/** A quality score and where it comes from; becomes the entry's `quality` and `qualitySource`. */
export const rowQualitySchema = z.strictObject({
  score: z.number().min(0),
  /** The benchmark ("GPQA Diamond"); for an assumption, the benchmark it stands in for. */
  benchmark: z.string().min(1),
  label: z.string().min(1),
  asOf: z.string().min(1),
  url: z.string().optional(),
  assumption: z.boolean().default(false),
});

/** Per-token prices, every field optional: the fields given replace the LiteLLM ones (longContext as a whole). */
const pricingOverrideSchema = z.strictObject({
  kind: z.literal('per-token').optional(),
  inputPerMTok: perTokenPricingSchema.shape.inputPerMTok.optional(),
  outputPerMTok: perTokenPricingSchema.shape.outputPerMTok.optional(),
  cacheWritePerMTok: z.number().min(0).nullable().optional(),
  cacheReadPerMTok: z.number().min(0).nullable().optional(),
  batchDiscount: z.number().min(0).max(1).nullable().optional(),
  cacheWrite1hPerMTok: z.number().min(0).nullable().optional(),
  minCachePrefixTokens: z.number().int().min(0).optional(),
  batchCaching: z.boolean().optional(),
  longContext: longContextSchema.nullable().optional(),
});

/** A correction of what LiteLLM's converter gives for the row's key. */
export const rowOverrideSchema = z.strictObject({
  pricing: pricingOverrideSchema.optional(),
  contextWindow: z.number().min(0).nullable().optional(),
  reasoning: z.boolean().optional(),
});

/** The entry fields a row states itself: everything but identity, source and what the row's own fields set. */
export const rowModelSchema = modelSchema.omit({
  id: true,
  name: true,
  provider: true,
  platform: true,
  region: true,
  source: true,
  priceKey: true,
  retiresOn: true,
  quality: true,
  qualitySource: true,
  notes: true,
});

export const rowSpecSchema = z
  .strictObject({
    id: z.string().regex(ROW_ID, 'must read <platform>:<model-slug>[@<endpoint>], lower case'),
    /** The LiteLLM key the prices come from, or null when the row carries `model`. */
    litellmKey: z.string().min(1).nullable(),
    name: z.string().min(1),
    provider: z.string().min(1),
    platform: z.string().min(1),
    region: z.string().min(1).nullable(),
    source: rowSourceSchema,
    override: rowOverrideSchema.optional(),
    overrideReason: z.string().min(1).optional(),
    model: rowModelSchema.optional(),
    retiresOn: isoDay.nullable(),
    quality: rowQualitySchema,
    notes: z.string().optional(),
    /** Fields LiteLLM does not carry (so they are no correction of it); defaults as in the model schema. */
    openWeight: z.boolean().optional(),
    tokenizerFactor: z.number().gt(0).optional(),
    outputTokenFactor: z.number().min(0).optional(),
  })
  .superRefine((row, ctx) => {
    if (row.override !== undefined && row.overrideReason === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['overrideReason'],
        message: 'required when override is present',
      });
    if (row.override === undefined && row.overrideReason !== undefined)
      ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'only with an override' });
    if (row.litellmKey === null && row.model === undefined)
      ctx.addIssue({ code: 'custom', path: ['model'], message: 'required when litellmKey is null' });
    if (row.litellmKey !== null && row.model !== undefined)
      ctx.addIssue({ code: 'custom', path: ['model'], message: 'only for rows with no litellmKey' });
    if (row.litellmKey === null && row.override !== undefined)
      ctx.addIssue({ code: 'custom', path: ['override'], message: 'only for rows with a litellmKey' });
  });

export type RowSpec = z.output<typeof rowSpecSchema>;
export type RowSpecInput = z.input<typeof rowSpecSchema>;
export type RowOverride = z.output<typeof rowOverrideSchema>;
