/**
 * LiteLLM's `model_prices_and_context_window.json`: one object keyed by model name, prices in USD per token.
 * https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json
 */
import { modelSchema } from '../domain/scenario-schema';
import type { Model } from '../domain/scenario-schema';
import { isJsonObject } from './json-text';

/** The source label every imported model carries (the file name is added when known). */
export const LITELLM_SOURCE_LABEL = 'LiteLLM model_prices_and_context_window.json';

/** Fields that mark an entry of LiteLLM's price file. */
const LITELLM_ENTRY_FIELDS = ['litellm_provider', 'input_cost_per_token', 'output_cost_per_token', 'mode'];

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

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

/** Index of the quote that closes the JSON string opening at `start`. */
function findStringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length - 1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
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
 * One entry of the file as a model, or null when the rules below skip it.
 *
 * Taken: an object with `mode` "chat" or "completion", a non-empty string `litellm_provider`, and
 * `input_cost_per_token` / `output_cost_per_token` that are numbers ≥ 0. Skipped as well when an optional field
 * we read (`cache_read_input_token_cost`, `cache_creation_input_token_cost`, `input_cost_per_token_batches`,
 * `max_input_tokens`) is present but not a number ≥ 0, when a derived value leaves its range (a batch price
 * above the input price would make a negative discount), or when a price × 1e6 overflows.
 */
function convertEntry(key: string, entry: unknown, source: Model['source']): Model | null {
  if (!isJsonObject(entry)) return null;
  const mode = readOwn(entry, 'mode');
  if (mode !== 'chat' && mode !== 'completion') return null;
  const provider = readOwn(entry, 'litellm_provider');
  if (typeof provider !== 'string' || provider === '') return null;
  const inputPerToken = readOwn(entry, 'input_cost_per_token');
  const outputPerToken = readOwn(entry, 'output_cost_per_token');
  if (!isNonNegativeNumber(inputPerToken) || !isNonNegativeNumber(outputPerToken)) return null;

  const cacheReadPerToken = readOptionalAmount(entry, 'cache_read_input_token_cost');
  const cacheWritePerToken = readOptionalAmount(entry, 'cache_creation_input_token_cost');
  const batchPerToken = readOptionalAmount(entry, 'input_cost_per_token_batches');
  const maxInputTokens = readOptionalAmount(entry, 'max_input_tokens');
  if ([cacheReadPerToken, cacheWritePerToken, batchPerToken, maxInputTokens].includes('invalid')) return null;

  const inputPerMTok = toPerMTok(inputPerToken);
  const outputPerMTok = toPerMTok(outputPerToken);
  const cacheReadPerMTok = typeof cacheReadPerToken === 'number' ? toPerMTok(cacheReadPerToken) : null;
  const cacheWritePerMTok = typeof cacheWritePerToken === 'number' ? toPerMTok(cacheWritePerToken) : null;
  const batchPerMTok = typeof batchPerToken === 'number' ? toPerMTok(batchPerToken) : null;
  if (
    inputPerMTok === null ||
    outputPerMTok === null ||
    (typeof cacheReadPerToken === 'number' && cacheReadPerMTok === null) ||
    (typeof cacheWritePerToken === 'number' && cacheWritePerMTok === null) ||
    (typeof batchPerToken === 'number' && batchPerMTok === null)
  )
    return null;

  // A batch discount only has a meaning against a paid input price.
  const batchDiscount = batchPerMTok !== null && inputPerMTok > 0 ? 1 - batchPerMTok / inputPerMTok : null;
  if (batchDiscount !== null && (batchDiscount < 0 || batchDiscount > 1)) return null;

  const candidate = {
    id: key,
    name: key,
    provider,
    platform: provider.startsWith('bedrock') ? 'bedrock' : provider,
    pricing: {
      kind: 'per-token',
      inputPerMTok,
      outputPerMTok,
      cacheWritePerMTok,
      cacheReadPerMTok,
      batchDiscount,
    },
    contextWindow: typeof maxInputTokens === 'number' ? maxInputTokens : null,
    source,
  };
  // The schema has the last word: whatever it refuses is skipped too.
  const parsed = modelSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

export type LitellmImport = { models: Model[]; skippedKeys: string[] };

/**
 * Converts LiteLLM's price file (parsed, with its text for the key order) into catalog models, in file order.
 * Every key that is not a chat or completion model with valid prices (see `convertEntry`), `sample_spec`
 * included, is skipped and listed. Ids and names are the keys as they stand (`__proto__` included); the provider
 * is `litellm_provider`, the platform `bedrock` for any `bedrock…` provider and the provider otherwise; prices
 * per token × 1,000,000; `batchDiscount = 1 − input_cost_per_token_batches / input_cost_per_token`.
 * A key written twice in the text (JSON allows it) counts once, at its first place, with JSON.parse's value
 * (the last one).
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
  for (const key of keys) {
    const model = convertEntry(key, value[key], source);
    if (model) models.push(model);
    else skippedKeys.push(key);
  }
  return { models, skippedKeys };
}
