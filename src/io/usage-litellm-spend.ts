/**
 * LiteLLM proxy spend logs: rows of its `LiteLLM_SpendLogs` table, exported as CSV or JSON (a list, or one object
 * per line). Read: `spend` (USD), `prompt_tokens`, `completion_tokens`, `startTime`, `model`, `model_group`,
 * `custom_llm_provider`, `request_tags`, `team_id`, `api_key`, `status`, and the cache counts LiteLLM keeps in
 * `metadata` (`additional_usage_values.cache_read_input_tokens` / `cache_creation_input_tokens`, or
 * `usage_object.prompt_tokens_details.cached_tokens`). See docs/usage-formats.md.
 */
import { emptyTokens, monthOfIsoDate } from '../domain/usage-records';
import type { UsageRow } from '../domain/usage-records';
import { isJsonObject } from './json-text';
import { readCount, readNumber, readText } from './usage-text';
import type { RowOutcome } from './usage-text';

export const LITELLM_CSV_REQUIRED = ['spend', 'prompt_tokens', 'completion_tokens', 'starttime'] as const;

/** A JSON value that may arrive as text (CSV cells hold JSON): parsed when it is JSON text. */
function jsonCell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return value;
  try {
    return JSON.parse(text);
  } catch {
    return value;
  }
}

/** The first request tag, from a list or its JSON text (`["support","eu"]` → `support`). */
function firstTag(value: unknown): string | null {
  const tags = jsonCell(value);
  if (Array.isArray(tags)) return readText(tags.find((tag) => readText(tag) !== null));
  return readText(tags);
}

/** Cache reads and writes LiteLLM recorded in `metadata`, counted inside `prompt_tokens`. */
function cacheCounts(metadata: unknown): { read: number; write: number } {
  const meta = jsonCell(metadata);
  if (!isJsonObject(meta)) return { read: 0, write: 0 };
  const extra = isJsonObject(meta.additional_usage_values) ? meta.additional_usage_values : {};
  const usage = isJsonObject(meta.usage_object) ? meta.usage_object : {};
  const details = isJsonObject(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {};
  const read =
    readCount(extra.cache_read_input_tokens) ||
    readCount(usage.cache_read_input_tokens) ||
    readCount(details.cached_tokens) ||
    0;
  const write =
    readCount(extra.cache_creation_input_tokens) || readCount(usage.cache_creation_input_tokens) || 0;
  return { read, write };
}

/** One spend-log row (a JSON object, or CSV cells by lower-cased column name) as usage. */
export function readLitellmSpendRow(entry: unknown): RowOutcome {
  if (!isJsonObject(entry)) return { problem: 'must be a JSON object' };
  const field = (name: string) => entry[name] ?? entry[name.toLowerCase()];
  const status = readText(field('status'));
  if (status && status !== 'success') return { skip: 'failed request' };
  const start = readText(field('startTime'));
  const month = start ? monthOfIsoDate(start) : null;
  if (!month) return { problem: `startTime: "${start ?? ''}" is not a date` };
  const spend = readNumber(field('spend'));
  if (spend === null || spend < 0) return { problem: 'spend: must be a number ≥ 0' };
  const prompt = readCount(field('prompt_tokens'));
  if (prompt === null) return { problem: 'prompt_tokens: must be a number ≥ 0' };
  const completion = readCount(field('completion_tokens'));
  if (completion === null) return { problem: 'completion_tokens: must be a number ≥ 0' };
  const model = readText(field('model')) ?? readText(field('model_group'));
  if (!model) return { problem: 'model: is empty (and model_group too)' };
  const cache = cacheCounts(field('metadata'));
  const tokens = emptyTokens();
  tokens.cacheRead = Math.min(cache.read, prompt);
  tokens.cacheWrite5m = Math.min(cache.write, prompt - tokens.cacheRead);
  tokens.input = prompt - tokens.cacheRead - tokens.cacheWrite5m;
  tokens.output = completion;
  const row: UsageRow = {
    month,
    model,
    platform: readText(field('custom_llm_provider')),
    region: null,
    groups: {
      tag: firstTag(field('request_tags')),
      project: readText(field('team_id')),
      apiKey: readText(field('api_key')),
    },
    batch: false,
    requests: 1,
    tokens,
    cost: spend,
    costClass: 'tokens',
  };
  return { rows: [row] };
}
