/**
 * The scenario document: the one JSON file a user edits, saves, exports, shares and hands to the CLI.
 *
 * Schemas here check each field on its own (types, ranges, defaults). Checks that span fields (ids that
 * must exist, shares that must sum to 1, duplicate ids) live in `validate-scenario.ts`, which runs both
 * and reports every problem with its path.
 */
import { z } from 'zod';

/**
 * The scenario file version this build writes. Version 1 (no ranges) and version 2 (no 2026 billing fields)
 * files are read as they are: every field version 3 adds has a default that gives their figures unchanged.
 */
export const SCHEMA_VERSION = 3;

/** Versions this build reads. */
export const READABLE_SCHEMA_VERSIONS = [1, 2, 3] as const;

/**
 * An uncertain input's spread around its value (which is the likely value): in the file it is written in
 * place of the number as `{ "low": …, "likely": …, "high": … }`; in memory the field keeps the likely value
 * and the object's `ranges` holds `{ low, high }`.
 */
export const valueRangeSchema = z.strictObject({ low: z.number(), high: z.number() });
export type ValueRange = z.output<typeof valueRangeSchema>;

/** Slice fields that may carry a range. */
export const SLICE_RANGE_FIELDS = [
  'requestsPerMonth',
  'inputTokens',
  'outputTokens',
  'cachedPrefixTokens',
  'cacheHitRate',
  'batchShare',
  'qualityBar',
  'monthlyGrowth',
  'reasoningTokens',
] as const;
export type SliceRangeField = (typeof SLICE_RANGE_FIELDS)[number];

/** Finance fields that may carry a range. */
export const FINANCE_RANGE_FIELDS = [
  'cashOnHand',
  'otherMonthlyBurn',
  'monthlyRevenue',
  'revenueGrowth',
] as const;
export type FinanceRangeField = (typeof FINANCE_RANGE_FIELDS)[number];

const sliceRangesSchema = z.strictObject(
  Object.fromEntries(SLICE_RANGE_FIELDS.map((field) => [field, valueRangeSchema.optional()])) as Record<
    SliceRangeField,
    z.ZodOptional<typeof valueRangeSchema>
  >,
);
const financeRangesSchema = z.strictObject(
  Object.fromEntries(FINANCE_RANGE_FIELDS.map((field) => [field, valueRangeSchema.optional()])) as Record<
    FinanceRangeField,
    z.ZodOptional<typeof valueRangeSchema>
  >,
);

const MUST_BE_RATE = 'must be between 0 and 1';

/**
 * Limits no real plan reaches. A figure beyond one is a slip of the keyboard (a price typed per token as per
 * million, a growth of 500 meant as 5 %), and the engine, the charts and the formatting never meet it: the
 * schema refuses it and its message says the limit.
 */
export const SCENARIO_LIMITS = {
  /** Quality scores and bars, on a 0–100 scale. */
  quality: 100,
  /** Tokens of one call (a prompt, a completion, a prefix, a context window): 100 million. */
  tokens: 100_000_000,
  /** Requests a slice makes in a month: a trillion. */
  requestsPerMonth: 1e12,
  /** USD per million tokens: $100,000 (the dearest list price in 2026 is below $1,000). */
  pricePerMTok: 100_000,
  /** USD per capacity unit per hour. */
  hourlyPerUnit: 1_000_000,
  /** Tokens per minute one capacity unit sustains. */
  tokensPerMinutePerUnit: 1e12,
  /** Capacity units bought. */
  units: 1_000_000,
  /** Months in a start, an end, a term or an expiry: 100 years. */
  months: 1_200,
  /** Growth per month: 10 is 1,000 % a month. */
  growth: 10,
  /** USD in a credit pool, a monthly cost, cash, burn or revenue: a trillion, either side of zero. */
  amount: 1e12,
  /** A model's output-token or tokenizer factor, and the peak-to-average ratio. */
  factor: 100,
  /** Characters in an id, a name, a label or a URL. */
  shortTextChars: 1_000,
  /** Characters in notes and descriptions. */
  longTextChars: 10_000,
} as const;

/** `1e12` → `1,000,000,000,000`: limits said in full in messages (the domain owns no number formatting). */
function writeLimit(limit: number): string {
  return limit.toLocaleString('en-US');
}

/** A number from `min` to `max`; past the top the message names the limit (and `unit`, when given). */
function boundedNumber(min: number, max: number, unit = '') {
  const below = min === 0 ? 'must be 0 or more' : `must be ${writeLimit(min)} or more`;
  return z
    .number()
    .min(min, below)
    .max(max, `must be at most ${writeLimit(max)}${unit}`);
}

/** A number from 0 to `max`. */
function upTo(max: number, unit = '') {
  return boundedNumber(0, max, unit);
}

/** A whole number from 0 to `max`. */
function wholeUpTo(max: number, unit = '') {
  return upTo(max, unit).int('must be a whole number');
}

const L = SCENARIO_LIMITS;
const nonEmptyId = z
  .string()
  .min(1, 'must be a non-empty string')
  .max(L.shortTextChars, `must be at most ${writeLimit(L.shortTextChars)} characters`);
const shortText = z
  .string()
  .max(L.shortTextChars, `must be at most ${writeLimit(L.shortTextChars)} characters`);
const longText = z.string().max(L.longTextChars, `must be at most ${writeLimit(L.longTextChars)} characters`);
const rate = z.number().min(0, MUST_BE_RATE).max(1, MUST_BE_RATE);
const tokens = upTo(L.tokens, ' tokens');
const perMTok = upTo(L.pricePerMTok, ' USD per million tokens');
const quality = upTo(L.quality);
const amount = upTo(L.amount, ' USD');
const signedAmount = boundedNumber(-L.amount, L.amount, ' USD');
const month = wholeUpTo(L.months, ' months');
const factor = upTo(L.factor);
/**
 * A growth rate per month: −0.5 halves, 0.1 grows 10 %; −1 or below would make volumes vanish or go negative,
 * and above 10 (1,000 % a month) is a slip.
 */
const growth = z
  .number()
  .gt(-1, 'must be greater than −1')
  .max(L.growth, 'must be at most 10 (1,000 % a month)');

/**
 * A record keyed by user-chosen ids. Ids may be `__proto__` or `constructor`, so the output is a
 * null-prototype object built from the input's own keys (zod's `z.record` would drop `__proto__`).
 */
export function idRecord<T extends z.ZodType>(valueSchema: T) {
  return z.unknown().transform((input, ctx): Record<string, z.output<T>> => {
    const out = Object.create(null) as Record<string, z.output<T>>;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      ctx.addIssue({ code: 'custom', message: 'must be an object keyed by id' });
      return out;
    }
    for (const key of Object.keys(input)) {
      const parsed = valueSchema.safeParse((input as Record<string, unknown>)[key]);
      if (parsed.success) {
        out[key] = parsed.data;
      } else {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
        }
      }
    }
    return out;
  });
}

/**
 * A long-context price tier: when a call's input tokens (after the tokenizer factor) exceed
 * `aboveInputTokens`, every token of the call bills at these prices. A cache price left out is the base one
 * scaled by `inputPerMTok / base inputPerMTok`; an explicit null means what it means on the base prices (write:
 * the tier's input price; read: no caching; 1-hour write: no 1-hour TTL).
 */
export const longContextSchema = z.strictObject({
  aboveInputTokens: tokens,
  inputPerMTok: perMTok,
  outputPerMTok: perMTok,
  cacheReadPerMTok: perMTok.nullable().optional(),
  cacheWritePerMTok: perMTok.nullable().optional(),
  cacheWrite1hPerMTok: perMTok.nullable().optional(),
});

export const perTokenPricingSchema = z.strictObject({
  kind: z.literal('per-token'),
  /** USD per million input tokens. */
  inputPerMTok: perMTok,
  /** USD per million output tokens. */
  outputPerMTok: perMTok,
  /** USD per million tokens written to the prompt cache; null means the plain input price. */
  cacheWritePerMTok: perMTok.nullable().default(null),
  /** USD per million tokens read from the prompt cache; null means the model offers no caching. */
  cacheReadPerMTok: perMTok.nullable().default(null),
  /** Fraction taken off batched calls (0.5 = half price); null means no batch mode. */
  batchDiscount: rate.nullable().default(null),
  /** USD per million tokens written with a 1-hour TTL; null means the model offers no 1-hour TTL. */
  cacheWrite1hPerMTok: perMTok.nullable().default(null),
  /** Shortest prefix the provider caches, in tokens (after the tokenizer factor); shorter ones are never cached. */
  minCachePrefixTokens: wholeUpTo(L.tokens, ' tokens').default(0),
  /** False when batched calls get no caching discount (OpenAI's Batch API): they bill at list before the batch discount. */
  batchCaching: z.boolean().default(true),
  /** The price tier above a number of input tokens (Claude Sonnet 4/4.5, Gemini 2.5 Pro); null means none. */
  longContext: longContextSchema.nullable().default(null),
});

export const capacityPricingSchema = z.strictObject({
  kind: z.literal('capacity'),
  /** USD per unit (a GPU node, a provisioned-throughput model unit) per hour. */
  hourlyPerUnit: upTo(L.hourlyPerUnit, ' USD an hour'),
  /** Tokens per minute one unit sustains. */
  tokensPerMinutePerUnit: z
    .number()
    .gt(0, 'must be greater than 0')
    .max(L.tokensPerMinutePerUnit, `must be at most ${writeLimit(L.tokensPerMinutePerUnit)} tokens a minute`),
  /** Units billed every month once any slice is routed to the model. */
  minUnits: wholeUpTo(L.units, ' units').default(0),
  /**
   * Months a purchase of units is held for (Provisioned Throughput's 1- or 6-month terms); every month of a term
   * pays the term's largest unit count. 0 means no commitment: units follow each month's traffic.
   */
  commitmentMonths: month.default(0),
});

export const sourceSchema = z.strictObject({
  label: shortText,
  asOf: shortText,
  url: shortText.optional(),
});

/** A calendar day written YYYY-MM-DD. */
const isoDay = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date written YYYY-MM-DD');

/**
 * Where a model's `quality` comes from: a public benchmark (its name, where it is published and when), or an
 * assumption (`assumption: true`, said in `label`).
 */
export const qualitySourceSchema = z.strictObject({
  /** The benchmark's name ("GPQA Diamond"); for an assumption, what it stands in for. */
  benchmark: shortText,
  label: shortText,
  asOf: shortText,
  url: shortText.optional(),
  assumption: z.boolean().default(false),
});

export const modelSchema = z.strictObject({
  id: nonEmptyId,
  name: shortText,
  provider: shortText,
  platform: nonEmptyId,
  pricing: z.discriminatedUnion('kind', [perTokenPricingSchema, capacityPricingSchema], {
    error: 'must have kind "per-token" or "capacity"',
  }),
  /** Largest prompt plus completion, in tokens; null means unlimited. */
  contextWindow: tokens.nullable().default(null),
  /** A quality score on the user's own scale (benchmarks, evals); slices set a bar on the same scale. */
  quality: quality.default(0),
  /** How many output tokens this model spends for a task that takes `outputTokens` on the reference. */
  outputTokenFactor: factor.default(1),
  openWeight: z.boolean().default(false),
  /** Where this SKU serves requests ("global", "us", "eu", "eu-west-3", …); null means unspecified. */
  region: shortText.nullable().default(null),
  /** Tokens this model produces for text a slice counts as one token (Claude 4.7+: about 1.3). */
  tokenizerFactor: z
    .number()
    .gt(0, 'must be greater than 0')
    .max(L.factor, `must be at most ${L.factor}`)
    .default(1),
  /** True when the model spends the slice's `reasoningTokens`, billed as output. */
  reasoning: z.boolean().default(false),
  source: sourceSchema.optional(),
  /** The key of the price list row this entry was built from (LiteLLM's model key); null when it has none. */
  priceKey: shortText.nullable().default(null),
  /** The day the provider stops serving this model (retired or announced); null when none is announced. */
  retiresOn: isoDay.nullable().default(null),
  /** Where `quality` comes from; left out when unknown. */
  qualitySource: qualitySourceSchema.optional(),
  notes: longText.optional(),
});

export const sliceSchema = z.strictObject({
  id: nonEmptyId,
  name: shortText,
  requestsPerMonth: upTo(L.requestsPerMonth, ' requests a month'),
  inputTokens: tokens,
  outputTokens: tokens,
  cachedPrefixTokens: tokens.default(0),
  cacheHitRate: rate.default(0),
  batchShare: rate.default(0),
  qualityBar: quality.default(0),
  monthlyGrowth: growth.default(0),
  /** Regions the slice's data may be served from; null means anywhere. */
  regions: z
    .array(shortText)
    .min(1, 'must name at least one region (or be null for anywhere)')
    .nullable()
    .default(null),
  /** How long a cache write lives: "5m" (the default) or "1h" (billed at the model's 1-hour write price). */
  cacheTtl: z.enum(['5m', '1h'], { error: 'must be "5m" or "1h"' }).default('5m'),
  /** Reasoning tokens per call on a reasoning model, billed as output; ignored by other models. */
  reasoningTokens: tokens.default(0),
  notes: longText.optional(),
  /** Low and high values of the fields given as ranges (the field itself holds the likely value). */
  ranges: sliceRangesSchema.optional(),
});

const modelRef = nonEmptyId;

const singleStrategySchema = z.strictObject({
  id: nonEmptyId,
  name: shortText,
  kind: z.literal('single'),
  model: modelRef,
});

const assignStrategySchema = z.strictObject({
  id: nonEmptyId,
  name: shortText,
  kind: z.literal('assign'),
  routes: idRecord(modelRef).default(() => Object.create(null) as Record<string, string>),
  fallback: modelRef.optional(),
});

export const cascadeRouteSchema = z.strictObject({
  steps: z.array(modelRef).min(1, 'must name at least one model'),
  escalation: z.array(rate),
  /** Per escalation rate, its range, or null where the rate is certain. */
  escalationRanges: z.array(valueRangeSchema.nullable()).optional(),
});

const cascadeStrategySchema = z.strictObject({
  id: nonEmptyId,
  name: shortText,
  kind: z.literal('cascade'),
  routes: idRecord(cascadeRouteSchema).default(
    () => Object.create(null) as Record<string, z.output<typeof cascadeRouteSchema>>,
  ),
  fallback: modelRef.optional(),
});

export const classifierSchema = z.strictObject({
  model: modelRef,
  inputTokens: tokens,
  outputTokens: tokens,
});

const routerStrategySchema = z.strictObject({
  id: nonEmptyId,
  name: shortText,
  kind: z.literal('router'),
  classifier: classifierSchema.nullable().default(null),
  routes: idRecord(idRecord(rate)).default(
    () => Object.create(null) as Record<string, Record<string, number>>,
  ),
  fallback: modelRef.optional(),
  /** Per slice and model, the range of its share (sampled shares are rescaled to sum to 1). */
  shareRanges: idRecord(idRecord(valueRangeSchema)).optional(),
});

const cheapestStrategySchema = z.strictObject({
  id: nonEmptyId,
  name: shortText,
  kind: z.literal('cheapest-meeting-bar'),
});

export const strategySchema = z.discriminatedUnion(
  'kind',
  [
    singleStrategySchema,
    assignStrategySchema,
    cascadeStrategySchema,
    routerStrategySchema,
    cheapestStrategySchema,
  ],
  { error: 'must have kind "single", "assign", "cascade", "router" or "cheapest-meeting-bar"' },
);

export const creditPoolSchema = z.strictObject({
  id: nonEmptyId,
  name: shortText,
  /** USD. */
  amount,
  /** Month index (0 = the scenario's first month) in which the pool becomes usable. */
  startMonth: month.default(0),
  /** Months the pool stays usable from `startMonth`; null means it never expires. */
  expiresAfterMonths: boundedNumber(1, L.months, ' months')
    .int('must be a whole number')
    .nullable()
    .default(null),
  /** Platforms whose spend the pool pays; "*" covers every platform. */
  appliesTo: z.array(nonEmptyId).min(1, 'must name at least one platform (or "*")').default(['*']),
  notes: longText.optional(),
});

/**
 * A monthly cost that is not tokens (a vector store, Knowledge Bases, logging, a cluster's control plane): in
 * month t it is `monthlyAmount · (1 + monthlyGrowth)^(t − startMonth)` for `startMonth ≤ t < endMonth`, paid by
 * every strategy (`strategies` null) or the ones listed, on `platform` (so credits covering it pay it).
 */
export const fixedCostSchema = z.strictObject({
  id: nonEmptyId,
  name: shortText,
  platform: nonEmptyId,
  /** USD per month in `startMonth`. */
  monthlyAmount: amount,
  startMonth: month.default(0),
  /** First month no longer paid; null means it runs to the horizon. */
  endMonth: month.nullable().default(null),
  monthlyGrowth: growth.default(0),
  /** Ids of the strategies that pay it; null means every strategy. */
  strategies: z.array(nonEmptyId).nullable().default(null),
  notes: longText.optional(),
});

/**
 * The user's own evaluation of a model on a slice, on the same scale as the slice's quality bar. Where one is
 * given, every quality verdict for that slice and model (cheapest-meeting-bar, the optimiser, missed bars) uses it
 * in place of the catalog's `quality`.
 */
export const evaluationSchema = z.strictObject({
  model: nonEmptyId,
  slice: nonEmptyId,
  score: quality,
  /** Where the score comes from ("our eval, 200 tickets, Nov 2026"). */
  source: shortText.optional(),
});

export const financeSchema = z.strictObject({
  cashOnHand: signedAmount.default(0),
  otherMonthlyBurn: signedAmount.default(0),
  monthlyRevenue: signedAmount.default(0),
  revenueGrowth: growth.default(0),
  ranges: financeRangesSchema.optional(),
});

export const optionsSchema = z.strictObject({
  batch: z.boolean().default(true),
  caching: z.boolean().default(true),
  /** Peak traffic over average traffic; sizes capacity-billed models. */
  peakToAverage: factor.default(2),
});

/** The currencies figures can be shown in. The engine, the scenario's money fields and the JSON stay in USD. */
export const DISPLAY_CURRENCIES = ['USD', 'EUR', 'GBP'] as const;

/**
 * How people see money: every figure is the engine's USD amount × `perUsd`, shown in `currency`. `setOn` dates
 * the rate (exchange rates move; a printed estimate says which one it used). USD is always at 1.
 */
export const displayCurrencySchema = z
  .strictObject({
    currency: z.enum(DISPLAY_CURRENCIES, { error: 'must be USD, EUR or GBP' }),
    /** Units of `currency` one US dollar buys. */
    perUsd: z
      .number({ error: 'must be a number' })
      .gt(0, 'must be more than 0')
      .max(1000, 'must be at most 1000'),
    setOn: isoDay,
  })
  .check((ctx) => {
    if (ctx.value.currency === 'USD' && ctx.value.perUsd !== 1) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.perUsd,
        path: ['perUsd'],
        message: 'must be 1 when the currency is USD',
      });
    }
  });

export const scenarioSchema = z.strictObject({
  schemaVersion: z
    .union([z.literal(1), z.literal(2), z.literal(3)], {
      error: `must be 1, 2 or 3 (this version of the planner reads schemaVersion 1 to 3)`,
    })
    .transform((): typeof SCHEMA_VERSION => SCHEMA_VERSION),
  name: shortText.default('Untitled scenario'),
  description: longText.optional(),
  horizonMonths: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be between 1 and 120')
    .max(120, 'must be between 1 and 120')
    .default(24),
  /** "YYYY-MM": labels month 0, and places models' `retiresOn` days in the horizon (no cost depends on it). */
  startMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM')
    .optional(),
  options: optionsSchema.default({ batch: true, caching: true, peakToAverage: 2 }),
  catalog: z.array(modelSchema),
  traffic: z.array(sliceSchema),
  strategies: z.array(strategySchema),
  credits: z.array(creditPoolSchema).default([]),
  fixedCosts: z.array(fixedCostSchema).default([]),
  evaluations: z.array(evaluationSchema).default([]),
  finance: financeSchema.default({ cashOnHand: 0, otherMonthlyBurn: 0, monthlyRevenue: 0, revenueGrowth: 0 }),
  /** The currency figures are shown in; left out, USD. No figure the engine computes depends on it. */
  displayCurrency: displayCurrencySchema.optional(),
});

/** A scenario with every default filled in: what the engine computes on and what the app stores. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as a user may write it, defaults left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Model = z.output<typeof modelSchema>;
export type PerTokenPricing = z.output<typeof perTokenPricingSchema>;
export type CapacityPricing = z.output<typeof capacityPricingSchema>;
export type Slice = z.output<typeof sliceSchema>;
export type Strategy = z.output<typeof strategySchema>;
export type StrategyKind = Strategy['kind'];
export type CascadeRoute = z.output<typeof cascadeRouteSchema>;
export type Classifier = z.output<typeof classifierSchema>;
export type CreditPool = z.output<typeof creditPoolSchema>;
export type FixedCost = z.output<typeof fixedCostSchema>;
export type Evaluation = z.output<typeof evaluationSchema>;
export type QualitySource = z.output<typeof qualitySourceSchema>;
export type LongContext = z.output<typeof longContextSchema>;
export type CacheTtl = Slice['cacheTtl'];
export type Finance = z.output<typeof financeSchema>;
export type Options = z.output<typeof optionsSchema>;
export type DisplayCurrency = z.output<typeof displayCurrencySchema>;
export type DisplayCurrencyCode = DisplayCurrency['currency'];
