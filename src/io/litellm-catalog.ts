/**
 * LiteLLM's `model_prices_and_context_window.json`: one object keyed by model name, prices in USD per token.
 * https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json
 */
import { modelSchema } from '../domain/scenario-schema';
import type { LongContext, Model } from '../domain/scenario-schema';
import { findDuplicateKeys, findStringEnd, isJsonObject } from './json-text';
import { describeLitellmKey } from './litellm-names';

/** The source label every imported model carries (the file name is added when known). */
export const LITELLM_SOURCE_LABEL = 'LiteLLM model_prices_and_context_window.json';

/** Fields that mark an entry of LiteLLM's price file. */
const LITELLM_ENTRY_FIELDS = ['litellm_provider', 'input_cost_per_token', 'output_cost_per_token', 'mode'];

const QUOTE = 0x22;

type JsonObject = Record<string, unknown>;

/** Reads an own property only: entries come from JSON.parse, but nothing inherited is ever taken for data. */
function readOwn(entry: JsonObject, field: string): unknown {
  return Object.hasOwn(entry, field) ? entry[field] : undefined;
}

/** Whether a parsed JSON value has the shape of LiteLLM's price file: an object with a LiteLLM-style entry. */
export function isLitellmCatalog(value: unknown): value is JsonObject {
  if (!isJsonObject(value)) return false;
  if (Object.hasOwn(value, 'sample_spec')) return true;
  return Object.keys(value).some((key) => {
    const entry = value[key];
    return isJsonObject(entry) && LITELLM_ENTRY_FIELDS.some((field) => Object.hasOwn(entry, field));
  });
}

/**
 * The top-level keys of a JSON object's text, in the order the file writes them, each once. `Object.keys` would
 * move keys that look like array indexes ("42") to the front; the file's own order is what users see.
 * The text must be valid JSON (JSON.parse accepted it).
 */
export function listTopLevelKeys(jsonText: string): string[] {
  const keys = new Set<string>();
  let depth = 0;
  let expectingKey = false;
  for (let i = 0; i < jsonText.length; i++) {
    const code = jsonText.charCodeAt(i);
    if (code === QUOTE) {
      const end = findStringEnd(jsonText, i);
      if (depth === 1 && expectingKey) {
        keys.add(JSON.parse(jsonText.slice(i, end + 1)) as string);
        expectingKey = false;
      }
      i = end;
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      depth++;
      if (depth === 1) expectingKey = code === 0x7b;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      depth--;
    } else if (code === 0x2c /* , */ && depth === 1) {
      expectingKey = true;
    }
  }
  return [...keys];
}

/**
 * USD per token → USD per million tokens, scaled in decimal: 1e-7 gives 0.1, where `1e-7 * 1e6` would give
 * 0.09999999999999999. The result is the double nearest to the price as the file writes it, times a million.
 */
export function scalePerTokenToPerMTok(usdPerToken: number): number {
  const [mantissa, exponent = '0'] = String(usdPerToken).split('e');
  return Number(`${mantissa}e${Number(exponent) + 6}`);
}

function isNonNegativeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** An optional price or size: absent or null gives null; anything else must be a non-negative number. */
function readOptionalAmount(entry: JsonObject, field: string): number | null | 'invalid' {
  const value = readOwn(entry, field);
  if (value === undefined || value === null) return null;
  return isNonNegativeNumber(value) ? value : 'invalid';
}

/** A per-MTok price from a per-token one, or null when scaling leaves the finite range. */
function toPerMTok(usdPerToken: number): number | null {
  const perMTok = scalePerTokenToPerMTok(usdPerToken);
  return Number.isFinite(perMTok) ? perMTok : null;
}

/**
 * Prefixes of a Bedrock cross-region inference profile (`us.anthropic.claude-…`), each the region the key serves
 * from. `us-gov` is listed before `us` only for clarity: the match needs the dot right after the prefix.
 */
const REGION_PREFIXES = ['global', 'us-gov', 'us', 'eu', 'apac', 'au', 'jp'] as const;
/** An AWS region name: `us-east-1`, `ap-northeast-1`, `us-gov-west-1`. */
const AWS_REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d+$/;

/**
 * Where the key's SKU serves requests: the AWS region of a `bedrock/<aws-region>/…` key, else the geo prefix of an
 * inference profile (`global.`, `us.`, `eu.`, `apac.`, `au.`, `jp.`, `us-gov.`), also behind a leading `bedrock/`
 * (`bedrock/us.anthropic.…`); null when the key names neither.
 */
export function readLitellmRegion(key: string): string | null {
  const parts = key.split('/');
  if (parts[0] === 'bedrock' && parts.length > 2 && AWS_REGION.test(parts[1]!)) return parts[1]!;
  const name = parts[0] === 'bedrock' && parts.length === 2 ? parts[1]! : key;
  return REGION_PREFIXES.find((prefix) => name.startsWith(`${prefix}.`)) ?? null;
}

/** LiteLLM's long-context tiers, lowest first, as the token count in their field names. */
const LONG_CONTEXT_TIERS = [
  { suffix: '128k', aboveInputTokens: 128_000 },
  { suffix: '200k', aboveInputTokens: 200_000 },
  { suffix: '272k', aboveInputTokens: 272_000 },
] as const;

/** Why an entry was not taken: it has no price at all (0 in and out), or it breaks another rule. */
type SkipReason = 'unpriced' | 'invalid' | 'beyond-limits';

/** Reads optional per-token prices as per-MTok prices: null when absent, 'invalid' when bad or overflowing. */
function readOptionalPerMTok(entry: JsonObject, field: string): number | null | 'invalid' {
  const perToken = readOptionalAmount(entry, field);
  if (perToken === null || perToken === 'invalid') return perToken;
  return toPerMTok(perToken) ?? 'invalid';
}

/**
 * The long-context tier of an entry: the lowest `input_cost_per_token_above_{128k,200k,272k}_tokens` present;
 * output from `output_cost_per_token_above_…` (else the base output price); each cache price from its
 * `…_above_…` field when present (`cache_read_input_token_cost_above_200k_tokens`,
 * `cache_creation_input_token_cost_above_200k_tokens`, `cache_creation_input_token_cost_above_1hr_above_200k_tokens`),
 * left out otherwise so the engine scales the base one. null when no tier is present; 'invalid' when a field read
 * is present but not a price.
 */
function readLongContext(entry: JsonObject, outputPerMTok: number): LongContext | null | 'invalid' {
  for (const tier of LONG_CONTEXT_TIERS) {
    const inputPerMTok = readOptionalPerMTok(entry, `input_cost_per_token_above_${tier.suffix}_tokens`);
    if (inputPerMTok === null) continue;
    const tierOutput = readOptionalPerMTok(entry, `output_cost_per_token_above_${tier.suffix}_tokens`);
    const cacheRead = readOptionalPerMTok(entry, `cache_read_input_token_cost_above_${tier.suffix}_tokens`);
    const cacheWrite = readOptionalPerMTok(
      entry,
      `cache_creation_input_token_cost_above_${tier.suffix}_tokens`,
    );
    const cacheWrite1h = readOptionalPerMTok(
      entry,
      `cache_creation_input_token_cost_above_1hr_above_${tier.suffix}_tokens`,
    );
    if (
      inputPerMTok === 'invalid' ||
      tierOutput === 'invalid' ||
      cacheRead === 'invalid' ||
      cacheWrite === 'invalid' ||
      cacheWrite1h === 'invalid'
    )
      return 'invalid';
    return {
      aboveInputTokens: tier.aboveInputTokens,
      inputPerMTok,
      outputPerMTok: tierOutput ?? outputPerMTok,
      ...(cacheRead === null ? {} : { cacheReadPerMTok: cacheRead }),
      ...(cacheWrite === null ? {} : { cacheWritePerMTok: cacheWrite }),
      ...(cacheWrite1h === null ? {} : { cacheWrite1hPerMTok: cacheWrite1h }),
    };
  }
  return null;
}

/**
 * One entry of the file as a model, or why it was skipped.
 *
 * Taken: an object with `mode` "chat" or "completion", a non-empty string `litellm_provider`, and
 * `input_cost_per_token` / `output_cost_per_token` that are numbers ≥ 0, not both 0 (an entry priced 0 in and out
 * has no price: LiteLLM lists free local models and placeholders that way; it is counted apart as 'unpriced').
 * Skipped as well when an optional field we read (`cache_read_input_token_cost`, `cache_creation_input_token_cost`,
 * `cache_creation_input_token_cost_above_1hr`, `input_cost_per_token_batches`, `max_input_tokens`,
 * `prompt_cache_min_tokens`, the long-context fields) is present but not a number ≥ 0, when a derived value leaves
 * its range (a batch price above the input price would make a negative discount; a fractional minimum prefix), or
 * when a price × 1e6 overflows.
 */
function convertEntry(key: string, entry: unknown, source: Model['source']): Model | SkipReason {
  if (!isJsonObject(entry)) return 'invalid';
  const mode = readOwn(entry, 'mode');
  if (mode !== 'chat' && mode !== 'completion') return 'invalid';
  const provider = readOwn(entry, 'litellm_provider');
  if (typeof provider !== 'string' || provider === '') return 'invalid';
  const inputPerToken = readOwn(entry, 'input_cost_per_token');
  const outputPerToken = readOwn(entry, 'output_cost_per_token');
  if (!isNonNegativeNumber(inputPerToken) || !isNonNegativeNumber(outputPerToken)) return 'invalid';
  if (inputPerToken === 0 && outputPerToken === 0) return 'unpriced';

  const inputPerMTok = toPerMTok(inputPerToken);
  const outputPerMTok = toPerMTok(outputPerToken);
  const cacheReadPerMTok = readOptionalPerMTok(entry, 'cache_read_input_token_cost');
  const cacheWritePerMTok = readOptionalPerMTok(entry, 'cache_creation_input_token_cost');
  const cacheWrite1hPerMTok = readOptionalPerMTok(entry, 'cache_creation_input_token_cost_above_1hr');
  const batchPerMTok = readOptionalPerMTok(entry, 'input_cost_per_token_batches');
  const maxInputTokens = readOptionalAmount(entry, 'max_input_tokens');
  const minCachePrefixTokens = readOptionalAmount(entry, 'prompt_cache_min_tokens');
  if (inputPerMTok === null || outputPerMTok === null) return 'invalid';
  const longContext = readLongContext(entry, outputPerMTok);
  if (
    cacheReadPerMTok === 'invalid' ||
    cacheWritePerMTok === 'invalid' ||
    cacheWrite1hPerMTok === 'invalid' ||
    batchPerMTok === 'invalid' ||
    maxInputTokens === 'invalid' ||
    minCachePrefixTokens === 'invalid' ||
    longContext === 'invalid'
  )
    return 'invalid';

  // A batch discount only has a meaning against a paid input price.
  const batchDiscount = batchPerMTok !== null && inputPerMTok > 0 ? 1 - batchPerMTok / inputPerMTok : null;
  if (batchDiscount !== null && (batchDiscount < 0 || batchDiscount > 1)) return 'invalid';

  const label = describeLitellmKey(key, provider);
  const candidate = {
    id: key,
    name: label.name,
    provider: label.provider,
    platform: label.platform,
    priceKey: key,
    pricing: {
      kind: 'per-token',
      inputPerMTok,
      outputPerMTok,
      cacheWritePerMTok,
      cacheReadPerMTok,
      batchDiscount,
      cacheWrite1hPerMTok,
      minCachePrefixTokens: minCachePrefixTokens ?? 0,
      // OpenAI's Batch API gives no prompt-caching discount: batched calls bill at list before the batch discount.
      batchCaching: provider !== 'openai',
      longContext,
    },
    contextWindow: typeof maxInputTokens === 'number' ? maxInputTokens : null,
    region: readLitellmRegion(key),
    reasoning: readOwn(entry, 'supports_reasoning') === true,
    source,
  };
  // The schema has the last word: whatever it refuses is skipped too, a figure past a limit counted apart.
  const parsed = modelSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  return parsed.error.issues.some((issue) => issue.code === 'too_big') ? 'beyond-limits' : 'invalid';
}

export type LitellmImport = {
  models: Model[];
  /** Every key left out, in file order, the unpriced ones included. */
  skippedKeys: string[];
  /** The keys left out because they are priced 0 for both input and output, in file order. */
  unpricedKeys: string[];
  /** The keys left out because a figure is past the scenario's limits (`SCENARIO_LIMITS`), in file order. */
  beyondLimitKeys: string[];
  /**
   * The keys left out because the file writes them twice, or writes a field of their entry twice (JSON.parse
   * would silently keep the last), in file order.
   */
  writtenTwiceKeys: string[];
};

/**
 * Converts LiteLLM's price file (parsed, with its text for the key order) into catalog models, in file order.
 * Every key that is not a chat or completion model with valid prices (see `convertEntry`), `sample_spec`
 * included, is skipped and listed; those priced 0 in and out are also listed apart (`unpricedKeys`), and so are
 * those with a figure past the scenario's limits, a price of $1e6 per million tokens say (`beyondLimitKeys`). Ids and
 * `priceKey` are the keys as they stand (`__proto__` included); the name, the maker (`provider`) and the platform
 * are read from the key and `litellm_provider` by `describeLitellmKey` ("Claude Sonnet 4.5 — Bedrock, global",
 * Anthropic, `bedrock`); `quality` is 0 with no `qualitySource` (unscored); prices per token × 1,000,000, scaled exactly
 * (`scalePerTokenToPerMTok`); `batchDiscount = 1 − input_cost_per_token_batches / input_cost_per_token`;
 * `cache_creation_input_token_cost_above_1hr` → `cacheWrite1hPerMTok`; `prompt_cache_min_tokens` →
 * `minCachePrefixTokens`; `supports_reasoning: true` → `reasoning`; the lowest long-context tier present →
 * `longContext` (see `readLongContext`); `region` from the key (`readLitellmRegion`); `batchCaching` false for
 * provider `openai` (no caching discount inside OpenAI's Batch API), true otherwise.
 * A key written twice in the text, or whose entry writes a field twice, is skipped and listed apart
 * (`writtenTwiceKeys`): which of the two a person meant cannot be told.
 */
export function convertLitellmCatalog(
  value: JsonObject,
  jsonText: string,
  options: { fileName?: string; importedAt: string },
): LitellmImport {
  const label =
    options.fileName === undefined ? LITELLM_SOURCE_LABEL : `${LITELLM_SOURCE_LABEL} (${options.fileName})`;
  const source = { label, asOf: options.importedAt };
  let keys = listTopLevelKeys(jsonText);
  const ownKeys = Object.keys(value);
  // Should the scan and JSON.parse ever disagree, JSON.parse's keys are the truth.
  if (keys.length !== ownKeys.length || !keys.every((key) => Object.hasOwn(value, key))) keys = ownKeys;

  const models: Model[] = [];
  const skippedKeys: string[] = [];
  const unpricedKeys: string[] = [];
  const beyondLimitKeys: string[] = [];
  const writtenTwice = new Set(findDuplicateKeys(jsonText).map((path) => String(path[0])));
  const writtenTwiceKeys: string[] = [];
  for (const key of keys) {
    if (writtenTwice.has(key)) {
      skippedKeys.push(key);
      writtenTwiceKeys.push(key);
      continue;
    }
    const model = convertEntry(key, value[key], source);
    if (typeof model === 'object') {
      models.push(model);
    } else {
      skippedKeys.push(key);
      if (model === 'unpriced') unpricedKeys.push(key);
      if (model === 'beyond-limits') beyondLimitKeys.push(key);
    }
  }
  return { models, skippedKeys, unpricedKeys, beyondLimitKeys, writtenTwiceKeys };
}
