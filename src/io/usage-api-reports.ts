/**
 * The providers' own usage and cost reports, as their Admin APIs return them (a JSON page, or pages one per
 * line): Anthropic's Usage & Cost Admin API (`/v1/organizations/usage_report/messages`, `/cost_report`) and
 * OpenAI's usage and costs API (`/v1/organization/usage/completions`, `/costs`) plus the costs export CSV of
 * OpenAI's usage dashboard. See docs/usage-formats.md.
 */
import { emptyTokens, monthOfIsoDate, monthOfUnixSeconds } from '../domain/usage-records';
import type { CostClass, TokenClass, UsageRow } from '../domain/usage-records';
import { isJsonObject } from './json-text';
import { readCount, readNumber, readText } from './usage-text';
import type { RowOutcome } from './usage-text';

/** One result of a report page, with where it sits in the page. */
export type PageResult = { path: (string | number)[]; outcome: RowOutcome };

/**
 * Every result of every time bucket of a report page (`{ data: [{ …, results: [...] }] }`), read by `readResult`
 * with the bucket's month.
 */
function readPage(
  page: unknown,
  monthOfBucket: (bucket: Record<string, unknown>) => string | null,
  readResult: (result: Record<string, unknown>, month: string) => RowOutcome,
): PageResult[] {
  if (!isJsonObject(page) || !Array.isArray(page.data)) {
    return [{ path: [], outcome: { problem: 'must be a report page with a "data" list' } }];
  }
  const out: PageResult[] = [];
  page.data.forEach((bucket, b) => {
    if (!isJsonObject(bucket)) {
      out.push({ path: ['data', b], outcome: { problem: 'must be a time bucket object' } });
      return;
    }
    const month = monthOfBucket(bucket);
    // OpenAI names the list `results` (one older example `result`); Anthropic `results`.
    const results = bucket.results ?? bucket.result;
    if (!month || !Array.isArray(results)) {
      out.push({
        path: ['data', b],
        outcome: { problem: month ? 'results: must be a list' : 'the bucket has no readable start time' },
      });
      return;
    }
    results.forEach((result, r) => {
      out.push({
        path: ['data', b, bucket.results ? 'results' : 'result', r],
        outcome: isJsonObject(result) ? readResult(result, month) : { problem: 'must be an object' },
      });
    });
  });
  return out;
}

const anthropicMonth = (bucket: Record<string, unknown>) => {
  const start = readText(bucket.starting_at);
  return start ? monthOfIsoDate(start) : null;
};

const openaiMonth = (bucket: Record<string, unknown>) => {
  const start = readNumber(bucket.start_time);
  return start === null ? null : monthOfUnixSeconds(start);
};

/** Anthropic's `inference_geo` as a region: null when the model has none (`not_available`). */
function anthropicRegion(result: Record<string, unknown>): string | null {
  const geo = readText(result.inference_geo);
  return geo && geo !== 'not_available' ? geo : null;
}

/** Counts of named fields, or the first field that is not a count. */
function readCounts<K extends string>(
  fields: Record<K, unknown>,
): { ok: true; counts: Record<K, number> } | { ok: false; field: string } {
  const counts = {} as Record<K, number>;
  for (const field of Object.keys(fields) as K[]) {
    const value = readCount(fields[field]);
    if (value === null) return { ok: false, field };
    counts[field] = value;
  }
  return { ok: true, counts };
}

/** A page of Anthropic's messages usage report. */
export function readAnthropicUsagePage(page: unknown): PageResult[] {
  return readPage(page, anthropicMonth, (result, month) => {
    const creation = isJsonObject(result.cache_creation) ? result.cache_creation : {};
    const read = readCounts({
      uncached_input_tokens: result.uncached_input_tokens,
      'cache_creation.ephemeral_5m_input_tokens': creation.ephemeral_5m_input_tokens,
      'cache_creation.ephemeral_1h_input_tokens': creation.ephemeral_1h_input_tokens,
      cache_read_input_tokens: result.cache_read_input_tokens,
      output_tokens: result.output_tokens,
    });
    if (!read.ok) return { problem: `${read.field}: must be a number ≥ 0` };
    const c = read.counts;
    const tokens = emptyTokens();
    tokens.input = c.uncached_input_tokens;
    tokens.cacheWrite5m = c['cache_creation.ephemeral_5m_input_tokens'];
    tokens.cacheWrite1h = c['cache_creation.ephemeral_1h_input_tokens'];
    tokens.cacheRead = c.cache_read_input_tokens;
    tokens.output = c.output_tokens;
    const row: UsageRow = {
      month,
      model: readText(result.model),
      platform: 'anthropic',
      region: anthropicRegion(result),
      groups: { tag: null, project: readText(result.workspace_id), apiKey: readText(result.api_key_id) },
      batch: result.service_tier === 'batch',
      requests: null,
      tokens,
      cost: null,
      costClass: 'tokens',
    };
    return { rows: [row] };
  });
}

const ANTHROPIC_TOKEN_TYPES: ReadonlyMap<string, TokenClass> = new Map([
  ['uncached_input_tokens', 'input'],
  ['output_tokens', 'output'],
  ['cache_read_input_tokens', 'cacheRead'],
  ['cache_creation.ephemeral_5m_input_tokens', 'cacheWrite5m'],
  ['cache_creation.ephemeral_1h_input_tokens', 'cacheWrite1h'],
]);

/** A page of Anthropic's cost report: `amount` is a decimal string in cents ("123.45" is $1.2345). */
export function readAnthropicCostPage(page: unknown): PageResult[] {
  return readPage(page, anthropicMonth, (result, month) => {
    const cents = readNumber(result.amount);
    if (cents === null) return { problem: 'amount: must be a decimal string' };
    const currency = readText(result.currency) ?? 'USD';
    if (currency.toUpperCase() !== 'USD') return { problem: `currency: ${currency} is not USD` };
    const costType = readText(result.cost_type);
    const tokenType = readText(result.token_type);
    const costClass: CostClass =
      costType !== null && costType !== 'tokens'
        ? 'other'
        : ((tokenType === null ? undefined : ANTHROPIC_TOKEN_TYPES.get(tokenType)) ?? 'tokens');
    const row: UsageRow = {
      month,
      model: readText(result.model),
      platform: 'anthropic',
      region: anthropicRegion(result),
      groups: { tag: null, project: readText(result.workspace_id), apiKey: null },
      batch: result.service_tier === 'batch',
      requests: null,
      tokens: emptyTokens(),
      cost: cents / 100,
      costClass,
    };
    return { rows: [row] };
  });
}

/** A page of OpenAI's completions usage: `input_tokens` includes the cached ones. */
export function readOpenaiUsagePage(page: unknown): PageResult[] {
  return readPage(page, openaiMonth, (result, month) => {
    const read = readCounts({
      input_tokens: result.input_tokens,
      input_cached_tokens: result.input_cached_tokens,
      output_tokens: result.output_tokens,
      num_model_requests: result.num_model_requests,
    });
    if (!read.ok) return { problem: `${read.field}: must be a number ≥ 0` };
    const c = read.counts;
    if (c.input_cached_tokens > c.input_tokens) {
      return { problem: 'input_cached_tokens: exceeds input_tokens, which includes them' };
    }
    const tokens = emptyTokens();
    tokens.input = c.input_tokens - c.input_cached_tokens;
    tokens.cacheRead = c.input_cached_tokens;
    tokens.output = c.output_tokens;
    const row: UsageRow = {
      month,
      model: readText(result.model),
      platform: 'openai',
      region: null,
      groups: { tag: null, project: readText(result.project_id), apiKey: readText(result.api_key_id) },
      batch: result.batch === true,
      requests: c.num_model_requests,
      tokens,
      cost: null,
      costClass: 'tokens',
    };
    return { rows: [row] };
  });
}

/**
 * An OpenAI cost line item, `"<model>, <what>"` (`gpt-4o-2024-08-06, cached input`): the model and the token
 * class it bills; a line item that names no token class is not tokens.
 */
export function readOpenaiLineItem(lineItem: string | null): { model: string | null; costClass: CostClass } {
  if (!lineItem) return { model: null, costClass: 'tokens' };
  const comma = lineItem.lastIndexOf(',');
  if (comma < 0) return { model: lineItem, costClass: 'other' };
  const model = lineItem.slice(0, comma).trim();
  const what = lineItem
    .slice(comma + 1)
    .toLowerCase()
    .replace(/\bbatch\b/, '')
    .trim();
  if (/cached/.test(what)) return { model, costClass: 'cacheRead' };
  if (/^input/.test(what)) return { model, costClass: 'input' };
  if (/^output/.test(what)) return { model, costClass: 'output' };
  return { model, costClass: 'other' };
}

function openaiCostRow(
  month: string,
  lineItem: string | null,
  usd: number,
  project: string | null,
): UsageRow {
  const { model, costClass } = readOpenaiLineItem(lineItem);
  return {
    month,
    model,
    platform: 'openai',
    region: null,
    groups: { tag: null, project, apiKey: null },
    batch: lineItem !== null && /batch/i.test(lineItem),
    requests: null,
    tokens: emptyTokens(),
    cost: usd,
    costClass,
  };
}

/** A page of OpenAI's costs API: `amount.value` in `amount.currency` ("usd"). */
export function readOpenaiCostPage(page: unknown): PageResult[] {
  return readPage(page, openaiMonth, (result, month) => {
    const amount = isJsonObject(result.amount) ? result.amount : {};
    const usd = readNumber(amount.value);
    if (usd === null) return { problem: 'amount.value: must be a number' };
    const currency = readText(amount.currency) ?? 'usd';
    if (currency.toLowerCase() !== 'usd') return { problem: `amount.currency: ${currency} is not USD` };
    return {
      rows: [openaiCostRow(month, readText(result.line_item), usd, readText(result.project_id))],
    };
  });
}

export const OPENAI_COST_CSV_REQUIRED = ['line_item', 'amount_value'] as const;

/** A row of the costs export CSV (`start_time` Unix seconds or `start_time_iso`, `line_item`, `amount_value`). */
export function readOpenaiCostRecord(cells: ReadonlyMap<string, string>): RowOutcome {
  const start = readNumber(cells.get('start_time') ?? '');
  const iso = readText(cells.get('start_time_iso'));
  const month = start !== null ? monthOfUnixSeconds(start) : iso ? monthOfIsoDate(iso) : null;
  if (!month) return { problem: 'start_time: must be Unix seconds (or start_time_iso a date)' };
  const usd = readNumber(cells.get('amount_value') ?? '');
  if (usd === null) return { problem: 'amount_value: must be a number' };
  const currency = readText(cells.get('amount_currency')) ?? 'usd';
  if (currency.toLowerCase() !== 'usd') return { problem: `amount_currency: ${currency} is not USD` };
  const project = readText(cells.get('project_name')) ?? readText(cells.get('project_id'));
  return { rows: [openaiCostRow(month, readText(cells.get('line_item')), usd, project)] };
}
