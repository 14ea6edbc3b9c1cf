/**
 * Usage as bills and logs record it: tokens by class, requests and billed cost, per month, model, region, batch
 * and the labels a file groups by (tag, project, API key). Readers in `src/io` turn each format's rows into
 * `UsageRow`s; `addUsageRow` sums them into one `UsageRecord` per distinct key, so a file of a million
 * invocations becomes a few hundred records.
 */

/** The token classes providers bill apart. `input` is uncached input: it never includes cache reads or writes. */
export const TOKEN_CLASSES = ['input', 'cacheRead', 'cacheWrite5m', 'cacheWrite1h', 'output'] as const;
export type TokenClass = (typeof TOKEN_CLASSES)[number];
export type TokenCounts = Record<TokenClass, number>;

/**
 * What a row's cost pays for: one token class, tokens of several classes (`tokens`), or something that is not
 * tokens (`other`: a Knowledge Base, a web search, a guardrail): usage the catalog cannot price.
 */
export type CostClass = TokenClass | 'tokens' | 'other';
export const COST_CLASSES = [...TOKEN_CLASSES, 'tokens', 'other'] as const satisfies readonly CostClass[];

/** The labels a file may group usage by; null where the row has none. */
export type UsageGroups = { tag: string | null; project: string | null; apiKey: string | null };
export type UsageGroupBy = 'model' | keyof UsageGroups;

/** One row of a usage file, as a reader reads it. */
export type UsageRow = {
  /** Calendar month the usage falls in, `YYYY-MM` (UTC). */
  month: string;
  /** The model as the file names it; null for a cost that names none. */
  model: string | null;
  /** Where it is bought: `bedrock`, `anthropic`, `openai`, or a LiteLLM provider; null when unknown. */
  platform: string | null;
  /** Region or geography the file gives (`us-east-1`, `global`, `us`); null when none. */
  region: string | null;
  groups: UsageGroups;
  /** True for batch (or flex) usage billed at the batch discount. */
  batch: boolean;
  /** Requests the row counts; null when the file does not count requests (a bill, Anthropic's usage report). */
  requests: number | null;
  tokens: TokenCounts;
  /** USD billed for the row; null when the file carries no cost (invocation logs). */
  cost: number | null;
  costClass: CostClass;
};

/** Rows with the same key, summed. */
export type UsageRecord = Omit<UsageRow, 'requests' | 'cost' | 'costClass'> & {
  /** Requests counted by rows that count them. */
  requests: number;
  /** True when some row with tokens did not count its requests: the planner then estimates them. */
  requestsUnknown: boolean;
  /** USD billed, by what it paid for; all 0 when `costKnown` is false. */
  costByClass: Record<CostClass, number>;
  /** True when some row carried a cost. */
  costKnown: boolean;
  /** Rows summed into this record. */
  rows: number;
};

export function emptyTokens(): TokenCounts {
  return { input: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0 };
}

export function emptyCostByClass(): Record<CostClass, number> {
  return { input: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, tokens: 0, other: 0 };
}

/** Every token of every class. */
export function sumTokens(tokens: TokenCounts): number {
  return tokens.input + tokens.cacheRead + tokens.cacheWrite5m + tokens.cacheWrite1h + tokens.output;
}

/** All the input a request sends: uncached input plus cache reads and writes. */
export function sumInputTokens(tokens: TokenCounts): number {
  return tokens.input + tokens.cacheRead + tokens.cacheWrite5m + tokens.cacheWrite1h;
}

/** The record's total billed cost, USD. */
export function sumCost(record: Pick<UsageRecord, 'costByClass'>): number {
  let total = 0;
  for (const cls of COST_CLASSES) total += record.costByClass[cls];
  return total;
}

/** The key rows are summed under: every field but the numbers. */
export function usageRowKey(row: Omit<UsageRow, 'requests' | 'tokens' | 'cost' | 'costClass'>): string {
  return JSON.stringify([
    row.month,
    row.model,
    row.platform,
    row.region,
    row.groups.tag,
    row.groups.project,
    row.groups.apiKey,
    row.batch,
  ]);
}

/** Adds `row` into `records` (keyed by `usageRowKey`), creating its record on first sight. Mutates `records`. */
export function addUsageRow(records: Map<string, UsageRecord>, row: UsageRow): void {
  const key = usageRowKey(row);
  let record = records.get(key);
  if (!record) {
    record = {
      month: row.month,
      model: row.model,
      platform: row.platform,
      region: row.region,
      groups: { ...row.groups },
      batch: row.batch,
      tokens: emptyTokens(),
      requests: 0,
      requestsUnknown: false,
      costByClass: emptyCostByClass(),
      costKnown: false,
      rows: 0,
    };
    records.set(key, record);
  }
  for (const cls of TOKEN_CLASSES) record.tokens[cls] += row.tokens[cls];
  if (row.requests === null) {
    if (sumTokens(row.tokens) > 0) record.requestsUnknown = true;
  } else {
    record.requests += row.requests;
  }
  if (row.cost !== null) {
    record.costByClass[row.costClass] += row.cost;
    record.costKnown = true;
  }
  record.rows += 1;
}

/** A month `YYYY-MM` from an ISO date-time or date (`2026-03-04T10:00:00Z` → `2026-03`); null if unreadable. */
export function monthOfIsoDate(text: string): string | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])(-\d{2})?([T ].*)?$/.exec(text.trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

/** The UTC month of a Unix time in seconds. */
export function monthOfUnixSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 7);
}
