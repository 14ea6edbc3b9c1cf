/**
 * Builds the shipped catalog from LiteLLM's price file and the reviewed row specs (see
 * data/catalog-build/README.md). Pure functions over parsed inputs, shared by `scripts/build-catalog.ts` and
 * `tests/unit/shipped-catalog.test.ts`.
 */
import { modelSchema } from '../../src/domain/scenario-schema';
import type { Model } from '../../src/domain/scenario-schema';
import { convertLitellmCatalog } from '../../src/io/litellm-catalog';
import { rowSpecSchema } from './row-spec';
import type { RowOverride, RowSpec } from './row-spec';

/** The price file the shipped catalog is built from (copied into data/catalog-build/). */
export const LITELLM_FILE = 'litellm-model-prices-2026-07-24.json';
/** The day of that price file. */
export const LITELLM_AS_OF = '2026-07-24';

export type LitellmPrices = {
  /** Converted models by LiteLLM key, as the app's converter gives them. */
  byKey: Map<string, Model>;
  /** Keys the converter skipped (unpriced or invalid). */
  skippedKeys: Set<string>;
};

/** Converts LiteLLM's price file (its text) with the app's converter and indexes the models by key. */
export function readLitellmPrices(jsonText: string): LitellmPrices {
  const value = JSON.parse(jsonText) as Record<string, unknown>;
  const converted = convertLitellmCatalog(value, jsonText, { importedAt: LITELLM_AS_OF });
  return {
    byKey: new Map(converted.models.map((model) => [model.id, model])),
    skippedKeys: new Set(converted.skippedKeys),
  };
}

/** Parses one rows file; throws with every problem listed when it does not follow the row spec. */
export function parseRowsFile(fileName: string, value: unknown): RowSpec[] {
  if (!Array.isArray(value)) throw new Error(`${fileName}: must be a JSON array of row specs`);
  const problems: string[] = [];
  const rows: RowSpec[] = [];
  value.forEach((item: unknown, index) => {
    const parsed = rowSpecSchema.safeParse(item);
    if (parsed.success) rows.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.push(`${fileName}[${index}].${issue.path.join('.')}: ${issue.message}`);
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return rows;
}

/** A LiteLLM-converted model with a row's override applied (pricing merged field by field). */
export function applyOverride(model: Model, override: RowOverride | undefined): Model {
  if (override === undefined) return model;
  const { pricing, ...rest } = override;
  const merged = { ...model, ...rest };
  if (pricing !== undefined) {
    if (model.pricing.kind !== 'per-token')
      throw new Error(`${model.id}: a pricing override needs per-token prices`);
    const given = Object.fromEntries(Object.entries(pricing).filter(([, value]) => value !== undefined));
    merged.pricing = { ...model.pricing, ...given, kind: 'per-token' };
  }
  return merged as Model;
}

/** The fields of a catalog entry that come from LiteLLM's file (what an override may correct). */
export function litellmFields(model: Model): Pick<Model, 'pricing' | 'contextWindow' | 'reasoning'> {
  return { pricing: model.pricing, contextWindow: model.contextWindow, reasoning: model.reasoning };
}

/** The catalog entry a row builds, validated by the model schema. */
export function buildEntry(row: RowSpec, prices: LitellmPrices): Model {
  let base: Record<string, unknown>;
  if (row.litellmKey === null) {
    if (row.model === undefined) throw new Error(`${row.id}: no litellmKey and no model`);
    base = { ...row.model };
  } else {
    const converted = prices.byKey.get(row.litellmKey);
    if (converted === undefined)
      throw new Error(`${row.id}: LiteLLM key "${row.litellmKey}" is not in the price file`);
    base = { ...litellmFields(applyOverride(converted, row.override)) };
  }
  const { score, ...qualitySource } = row.quality;
  const candidate = {
    id: row.id,
    name: row.name,
    provider: row.provider,
    platform: row.platform,
    region: row.region,
    ...base,
    quality: score,
    qualitySource,
    ...(row.openWeight === undefined ? {} : { openWeight: row.openWeight }),
    ...(row.tokenizerFactor === undefined ? {} : { tokenizerFactor: row.tokenizerFactor }),
    ...(row.outputTokenFactor === undefined ? {} : { outputTokenFactor: row.outputTokenFactor }),
    source: row.source,
    priceKey: row.litellmKey,
    retiresOn: row.retiresOn,
    ...(row.notes === undefined ? {} : { notes: row.notes }),
  };
  const parsed = modelSchema.safeParse(candidate);
  if (!parsed.success)
    throw new Error(
      `${row.id}: not a valid catalog entry: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const unreachable = unreachableLongContext(parsed.data);
  if (unreachable !== null) throw new Error(`${row.id}: ${unreachable}`);
  return parsed.data;
}

/**
 * Why an entry's long-context tier can never apply, or null when it can (or there is none): the tier bills calls
 * whose input exceeds `aboveInputTokens`, so a threshold at or above the context window is never passed.
 */
export function unreachableLongContext(model: Model): string | null {
  if (model.pricing.kind !== 'per-token' || model.pricing.longContext === null) return null;
  const above = model.pricing.longContext.aboveInputTokens;
  if (model.contextWindow === null || above < model.contextWindow) return null;
  return `long-context tier above ${above} input tokens is at or above the ${model.contextWindow}-token context window, so it can never apply; drop the tier or correct the window (override)`;
}

/** Splits a row id into its sort keys: provider comes first, then the model part, then the endpoint. */
function sortKey(model: Model): [string, string, string] {
  const [modelPart = '', endpoint = ''] = model.id.split('@');
  return [model.provider.toLowerCase(), modelPart, endpoint];
}

/** Orders entries by provider, model, endpoint (the in-region row, with no endpoint, first). */
export function compareEntries(a: Model, b: Model): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  for (let i = 0; i < ka.length; i++) {
    if (ka[i]! < kb[i]!) return -1;
    if (ka[i]! > kb[i]!) return 1;
  }
  return 0;
}

export type CatalogBuild = {
  entries: Model[];
  /** Rows left out because their LiteLLM key is gone from the price file. */
  missingKeys: { id: string; litellmKey: string }[];
};

/** Builds every row; a row whose key is gone is listed apart; duplicate ids throw. */
export function buildCatalog(rows: RowSpec[], prices: LitellmPrices): CatalogBuild {
  const seen = new Set<string>();
  const entries: Model[] = [];
  const missingKeys: CatalogBuild['missingKeys'] = [];
  for (const row of rows) {
    if (seen.has(row.id)) throw new Error(`duplicate row id "${row.id}"`);
    seen.add(row.id);
    if (row.litellmKey !== null && !prices.byKey.has(row.litellmKey)) {
      missingKeys.push({ id: row.id, litellmKey: row.litellmKey });
      continue;
    }
    entries.push(buildEntry(row, prices));
  }
  entries.sort(compareEntries);
  return { entries, missingKeys };
}

/** Flattens an entry's LiteLLM-derived fields to `path → value` for a change report. */
export function flattenPrices(model: Model): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (prefix: string, value: unknown): void => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(prefix === '' ? key : `${prefix}.${key}`, inner);
    } else out.set(prefix, value);
  };
  walk('', litellmFields(model));
  return out;
}

/** Every difference between two flattened field maps, as `path: before → after`. */
export function describeChanges(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  const changes: string[] = [];
  for (const key of [...paths].sort()) {
    const a = before.get(key);
    const b = after.get(key);
    if (JSON.stringify(a) !== JSON.stringify(b))
      changes.push(`${key}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  }
  return changes;
}
