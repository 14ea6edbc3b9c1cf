/**
 * What importing a catalog would change: the imported models compared with the scenario's catalog by id.
 * Pure: the screen shows the result, and the store applies one of the two apply modes (replace the catalog, or
 * take only the prices) through the edits in `src/state/scenario-edits.ts`.
 */
import type { LongContext, Model } from '../domain/scenario-schema';
import { indexById } from '../domain/find-by-id';
import type { IdIndex } from '../domain/find-by-id';

/** Pricing fields compared, per-token first, then capacity; `kind` when a model changes billing. */
export const PRICING_FIELDS = [
  'kind',
  'inputPerMTok',
  'outputPerMTok',
  'cacheWritePerMTok',
  'cacheReadPerMTok',
  'batchDiscount',
  'cacheWrite1hPerMTok',
  'minCachePrefixTokens',
  'batchCaching',
  'longContext',
  'hourlyPerUnit',
  'tokensPerMinutePerUnit',
  'minUnits',
  'commitmentMonths',
] as const;

export type PricingField = (typeof PRICING_FIELDS)[number];

/** Other model fields compared (provenance, `source`, is not: an import always brings its own). */
export const OTHER_MODEL_FIELDS = [
  'name',
  'provider',
  'platform',
  'contextWindow',
  'quality',
  'outputTokenFactor',
  'openWeight',
  'region',
  'tokenizerFactor',
  'reasoning',
  'notes',
] as const;

export type OtherModelField = (typeof OTHER_MODEL_FIELDS)[number];

/**
 * A pricing value: a number, null where the schema allows it (no caching, no batch, cache writes at the input
 * price), a kind name for `kind`, true or false for `batchCaching`, the long-context tier written as text
 * ("above 200,000 input tokens: $6 / $22.5"), or undefined where the field does not apply to the model's kind.
 */
export type PricingValue = number | string | boolean | null | undefined;

export type PricingFieldChange = { field: PricingField; before: PricingValue; after: PricingValue };

export type ModelFieldValue = string | number | boolean | null | undefined;

export type ModelFieldChange = { field: OtherModelField; before: ModelFieldValue; after: ModelFieldValue };

/** One model present in both lists whose pricing differs: every differing field, in `PRICING_FIELDS` order. */
export type ModelPriceChange = { before: Model; after: Model; changes: PricingFieldChange[] };

/** One model present in both lists whose other fields differ, in `OTHER_MODEL_FIELDS` order. */
export type ModelOtherChange = { before: Model; after: Model; changes: ModelFieldChange[] };

export type CatalogDiff = {
  /** In the import, not in the catalog (import order). */
  added: Model[];
  /** In both, with a pricing difference (import order). */
  priceChanges: ModelPriceChange[];
  /** In both, with a difference outside pricing (import order); a model may be here and in `priceChanges`. */
  otherChanges: ModelOtherChange[];
  /** In both, the same in every compared field (import order; the imported entry). */
  unchanged: Model[];
  /** In the catalog, not in the import (catalog order). */
  missing: Model[];
};

/** A long-context tier as one comparable, readable value. */
function describeLongContext(tier: LongContext | null): string | null {
  if (tier === null) return null;
  const cache = (['cacheReadPerMTok', 'cacheWritePerMTok', 'cacheWrite1hPerMTok'] as const)
    .filter((key) => tier[key] !== undefined)
    .map((key) => `${key} ${String(tier[key])}`);
  return [
    `above ${tier.aboveInputTokens} input tokens: $${tier.inputPerMTok} / $${tier.outputPerMTok}`,
    ...cache,
  ].join(', ');
}

function readPricingField(model: Model, field: PricingField): PricingValue {
  const pricing = model.pricing;
  if (!Object.hasOwn(pricing, field)) return undefined;
  if (field === 'longContext' && pricing.kind === 'per-token')
    return describeLongContext(pricing.longContext);
  return (pricing as Readonly<Record<string, PricingValue>>)[field];
}

function readOtherField(model: Model, field: OtherModelField): ModelFieldValue {
  return model[field];
}

/** Every pricing field that differs between two entries of the same model. */
export function comparePricing(before: Model, after: Model): PricingFieldChange[] {
  const changes: PricingFieldChange[] = [];
  for (const field of PRICING_FIELDS) {
    const old = readPricingField(before, field);
    const next = readPricingField(after, field);
    if (old !== next) changes.push({ field, before: old, after: next });
  }
  return changes;
}

/** Every non-pricing field (source aside) that differs between two entries of the same model. */
export function compareOtherFields(before: Model, after: Model): ModelFieldChange[] {
  const changes: ModelFieldChange[] = [];
  for (const field of OTHER_MODEL_FIELDS) {
    const old = readOtherField(before, field);
    const next = readOtherField(after, field);
    if (old !== next) changes.push({ field, before: old, after: next });
  }
  return changes;
}

/**
 * Compares an imported list of models with the current catalog, by id (any string, `__proto__` included: the
 * lookups are `Map`s). Prices are compared field by field, exactly (no rounding: a price that moved by a
 * millionth of a dollar is a change); a kind change (per-token ↔ capacity) lists `kind` and every field of
 * either kind. `source` is not compared: an imported entry always brings its own provenance.
 */
export function diffCatalogs(current: readonly Model[], imported: readonly Model[]): CatalogDiff {
  const currentById = indexById(current);
  const importedById = indexById(imported);
  const diff: CatalogDiff = { added: [], priceChanges: [], otherChanges: [], unchanged: [], missing: [] };
  for (const [id, after] of importedById) {
    const before = currentById.get(id);
    if (before === undefined) {
      diff.added.push(after);
      continue;
    }
    const pricing = comparePricing(before, after);
    const other = compareOtherFields(before, after);
    if (pricing.length > 0) diff.priceChanges.push({ before, after, changes: pricing });
    if (other.length > 0) diff.otherChanges.push({ before, after, changes: other });
    if (pricing.length === 0 && other.length === 0) diff.unchanged.push(after);
  }
  for (const [id, model] of currentById) if (!importedById.has(id)) diff.missing.push(model);
  return diff;
}

/** Where an import came from: a file's name or a URL, and the day it was imported (YYYY-MM-DD). */
export type ImportOrigin = { origin: string; importedAt: string };

/**
 * Gives every imported model that carries no source one that says where it came from:
 * `{ label: "Imported from prices.csv", asOf: "2027-03-05" }`. Models with a source keep theirs (LiteLLM
 * entries get one from `parseCatalogText`, native and CSV entries may carry their own).
 */
export function stampImportSource(models: readonly Model[], { origin, importedAt }: ImportOrigin): Model[] {
  return models.map((model) =>
    model.source === undefined
      ? { ...model, source: { label: `Imported from ${origin}`, asOf: importedAt } }
      : model,
  );
}

/**
 * Gives every imported model without a quality source the benchmark score a known model (the scenario's catalog,
 * then the shipped one) records for the same price-list key: an imported LiteLLM row of a model the shipped
 * catalog scores arrives scored, with where the score comes from. Rows no known model matches stay unscored.
 */
export function attachKnownQuality(models: readonly Model[], known: readonly Model[]): Model[] {
  const scored = new Map<string, Model>();
  for (const model of known) {
    if (model.priceKey !== null && model.qualitySource && !scored.has(model.priceKey))
      scored.set(model.priceKey, model);
  }
  return models.map((model) => {
    const match = model.qualitySource || model.priceKey === null ? undefined : scored.get(model.priceKey);
    return match?.qualitySource
      ? { ...model, quality: match.quality, qualitySource: match.qualitySource }
      : model;
  });
}

/** The models an "apply price updates only" changes: the imported entries of `priceChanges`, by id. */
export function listPriceUpdates(diff: CatalogDiff): Model[] {
  return diff.priceChanges.map((change) => change.after);
}

/** The price updates a file brings to the catalog, matched row by row (see `matchPriceUpdates`). */
export type PriceUpdateMatch = {
  /** Catalog rows whose pricing the file changes: `before` the row, `after` the row with the file's pricing and source. */
  changes: ModelPriceChange[];
  /** Catalog rows the file has a row for (changed or not). */
  matched: number;
  /** Catalog rows the file has no row for (catalog order). */
  unmatched: Model[];
};

/** The first imported model of each key, by `priceKey` (or id when it has none). */
function indexByPriceKey(models: readonly Model[]): Map<string, Model> {
  const byKey = new Map<string, Model>();
  for (const model of models) {
    const key = model.priceKey ?? model.id;
    if (!byKey.has(key)) byKey.set(key, model);
  }
  return byKey;
}

/** The imported row that prices a catalog row: the one with its `priceKey`, else the one with its id. */
function findImportedRow(
  model: Model,
  byKey: ReadonlyMap<string, Model>,
  byId: IdIndex<Model>,
): Model | undefined {
  return (model.priceKey !== null ? byKey.get(model.priceKey) : undefined) ?? byId.get(model.id);
}

/** Per-token fields a price file may leave out, each with the value a row takes when it does. */
const UNSTATED_PER_TOKEN_VALUES = {
  cacheWritePerMTok: null,
  cacheReadPerMTok: null,
  batchDiscount: null,
  cacheWrite1hPerMTok: null,
  minCachePrefixTokens: 0,
  batchCaching: true,
  longContext: null,
} as const;

/**
 * The pricing a price update gives a row: the file's, except that a cache, batch, 1-hour, minimum-prefix,
 * caching-inside-batch or long-context figure the file leaves at its "not stated" value keeps the row's own. A
 * price file that does not list a batch price (LiteLLM for most Bedrock rows) says nothing about batch; it must not
 * erase the 50 % the provider's own list gives. Input and output prices always come from the file, and a change of
 * billing kind takes the file's pricing whole.
 */
export function mergeStatedPricing(current: Model['pricing'], file: Model['pricing']): Model['pricing'] {
  if (current.kind !== 'per-token' || file.kind !== 'per-token') return file;
  const merged = { ...file };
  for (const field of Object.keys(UNSTATED_PER_TOKEN_VALUES) as (keyof typeof UNSTATED_PER_TOKEN_VALUES)[]) {
    if (file[field] === UNSTATED_PER_TOKEN_VALUES[field])
      (merged as Record<string, unknown>)[field] = current[field];
  }
  return merged;
}

/**
 * Matches each catalog row with the imported row that prices the same SKU: by `priceKey` first (a LiteLLM
 * import's rows carry the LiteLLM key, as do the shipped rows built from it, whose ids differ), else by id (a
 * native or CSV file of this catalog). A matched row whose pricing differs becomes a change that takes the file's
 * pricing (figures the file does not state kept, see `mergeStatedPricing`) and source, and keeps everything else
 * (name, quality, region, notes…); a row the file prices the same keeps its own source and date. Several catalog
 * rows may share one key: each is matched.
 */
export function matchPriceUpdates(catalog: readonly Model[], imported: readonly Model[]): PriceUpdateMatch {
  const byKey = indexByPriceKey(imported);
  const byId = indexById(imported);
  const result: PriceUpdateMatch = { changes: [], matched: 0, unmatched: [] };
  for (const before of catalog) {
    const row = findImportedRow(before, byKey, byId);
    if (row === undefined) {
      result.unmatched.push(before);
      continue;
    }
    result.matched++;
    const after: Model = { ...before, pricing: mergeStatedPricing(before.pricing, row.pricing) };
    if (row.source === undefined) delete after.source;
    else after.source = row.source;
    const changes = comparePricing(before, after);
    if (changes.length > 0) result.changes.push({ before, after, changes });
  }
  return result;
}

/**
 * The imported models the catalog does not have yet, in import order: neither their id nor their price key is
 * taken by a catalog row (its id or its `priceKey`). These are what "add models" offers.
 */
export function listAddableModels(catalog: readonly Model[], imported: readonly Model[]): Model[] {
  const taken = new Set<string>();
  for (const model of catalog) {
    taken.add(model.id);
    if (model.priceKey !== null) taken.add(model.priceKey);
  }
  return imported.filter((model) => !taken.has(model.id) && !taken.has(model.priceKey ?? model.id));
}
