/**
 * What the catalog table shows: the scenario's models filtered and sorted, as indexes into the catalog (so that
 * edits address the right entry whatever the view's order).
 */
import type { Model, PerTokenPricing } from '../../domain/scenario-schema';
import type { PriceUnit } from '../../state/scenario-store';
import { makeSearchMatcher } from '../../ui/model-search';

export type FlagFilter = 'any' | 'yes' | 'no';

/** Kept for the open-weight select; the same three choices as every yes/no filter. */
export type OpenWeightFilter = FlagFilter;

export type CatalogFilters = {
  /** Provider to show, or '' for every provider. */
  provider: string;
  /** Platform to show, or '' for every platform. */
  platform: string;
  /** Region to show (`global`, `us`, `eu-west-3`…), or '' for any region. */
  region: string;
  openWeight: FlagFilter;
  reasoning: FlagFilter;
  /** Only models whose context window holds at least this many tokens (unlimited always does); null: any. */
  minContextTokens: number | null;
  /** Only per-token models whose input price is at most this, USD per million tokens; null: any. */
  maxInputPerMTok: number | null;
  /** Words looked for in the name, id, price key and provider (see `matchesSearch`). */
  search: string;
};

export const NO_FILTERS: CatalogFilters = {
  provider: '',
  platform: '',
  region: '',
  openWeight: 'any',
  reasoning: 'any',
  minContextTokens: null,
  maxInputPerMTok: null,
  search: '',
};

/** Is any filter set? */
export function hasActiveFilters(filters: CatalogFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof CatalogFilters)[]).some((key) =>
    key === 'search' ? filters.search.trim() !== '' : filters[key] !== NO_FILTERS[key],
  );
}

export type SortKey =
  | 'name'
  | 'provider'
  | 'platform'
  | 'input'
  | 'output'
  | 'cacheWrite'
  | 'cacheRead'
  | 'batchDiscount'
  | 'contextWindow'
  | 'quality'
  | 'outputTokenFactor'
  | 'source';

export type SortDirection = 'ascending' | 'descending';

/** Null means catalog order. */
export type CatalogSort = { key: SortKey; direction: SortDirection } | null;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function matchesFlag(value: boolean, filter: FlagFilter): boolean {
  return filter === 'any' || (filter === 'yes') === value;
}

/** Does `model` pass every filter? */
export function isModelShown(model: Model, filters: CatalogFilters): boolean {
  return makeModelFilter(filters)(model);
}

/** `isModelShown` for many models under the same filters: the search words are read once. */
function makeModelFilter(filters: CatalogFilters): (model: Model) => boolean {
  const matchesSearch = makeSearchMatcher(filters.search);
  return (model) => passesFilters(model, filters) && matchesSearch(model);
}

function passesFilters(model: Model, filters: CatalogFilters): boolean {
  if (filters.provider !== '' && model.provider !== filters.provider) return false;
  if (filters.platform !== '' && model.platform !== filters.platform) return false;
  if (filters.region !== '' && model.region !== filters.region) return false;
  if (!matchesFlag(model.openWeight, filters.openWeight)) return false;
  if (!matchesFlag(model.reasoning, filters.reasoning)) return false;
  if (
    filters.minContextTokens !== null &&
    model.contextWindow !== null &&
    model.contextWindow < filters.minContextTokens
  )
    return false;
  if (filters.maxInputPerMTok !== null) {
    if (model.pricing.kind !== 'per-token' || model.pricing.inputPerMTok > filters.maxInputPerMTok)
      return false;
  }
  return true;
}

/**
 * The value a column sorts on. Null sorts last in both directions: capacity-billed models in the token-price
 * columns, no caching, no batch mode. A cache write left null costs the input price, and sorts as such; an
 * unlimited context window sorts as the largest.
 */
function readSortValue(model: Model, key: SortKey): string | number | null {
  const pricing = model.pricing;
  const perToken = pricing.kind === 'per-token' ? pricing : null;
  switch (key) {
    case 'name':
      return model.name;
    case 'provider':
      return model.provider;
    case 'platform':
      return model.platform;
    case 'input':
      return perToken?.inputPerMTok ?? null;
    case 'output':
      return perToken?.outputPerMTok ?? null;
    case 'cacheWrite':
      return perToken ? (perToken.cacheWritePerMTok ?? perToken.inputPerMTok) : null;
    case 'cacheRead':
      return perToken?.cacheReadPerMTok ?? null;
    case 'batchDiscount':
      return perToken?.batchDiscount ?? null;
    case 'contextWindow':
      return model.contextWindow ?? Number.POSITIVE_INFINITY;
    case 'quality':
      return model.quality;
    case 'outputTokenFactor':
      return model.outputTokenFactor;
    case 'source':
      return model.source ? `${model.source.asOf} ${model.source.label}` : null;
  }
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  return collator.compare(String(a), String(b));
}

/**
 * The catalog indexes to show, filtered and sorted. Ties keep catalog order; names tie-break on the id.
 */
export function selectCatalogRows(
  catalog: readonly Model[],
  filters: CatalogFilters,
  sort: CatalogSort,
): number[] {
  const rows: number[] = [];
  const isShown = makeModelFilter(filters);
  catalog.forEach((model, index) => {
    if (isShown(model)) rows.push(index);
  });
  if (!sort) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const values = new Map<number, string | number | null>();
  for (const index of rows) values.set(index, readSortValue(catalog[index] as Model, sort.key));
  return rows.sort((a, b) => {
    const va = values.get(a) ?? null;
    const vb = values.get(b) ?? null;
    if (va === null || vb === null) {
      if (va === vb) return a - b;
      return va === null ? 1 : -1;
    }
    const byValue = compareValues(va, vb);
    if (byValue !== 0) return sign * byValue;
    if (sort.key === 'name') {
      const byId = collator.compare((catalog[a] as Model).id, (catalog[b] as Model).id);
      if (byId !== 0) return sign * byId;
    }
    return a - b;
  });
}

/** The distinct values of one text field across the catalog (regions left unset aside), sorted for a filter list. */
export function listDistinct(catalog: readonly Model[], field: 'provider' | 'platform' | 'region'): string[] {
  const values = new Set<string>();
  for (const model of catalog) {
    const value = model[field];
    if (value !== null) values.add(value);
  }
  return [...values].sort((a, b) => collator.compare(a, b));
}

/** The next sort after a click on `key`: ascending first, then descending, then back to ascending. */
export function toggleSort(current: CatalogSort, key: SortKey): CatalogSort {
  if (current?.key === key && current.direction === 'ascending') return { key, direction: 'descending' };
  return { key, direction: 'ascending' };
}

/**
 * A price per million tokens as shown in `unit`. Per 1K is per 1M ÷ 1000, cut to 12 significant digits so
 * that a float artefact of the division (0.0007000000000000001) never reaches the screen.
 */
export function toShownPrice(perMTok: number, unit: PriceUnit): number {
  return unit === 'per-million' ? perMTok : Number((perMTok / 1000).toPrecision(12));
}

/** A price typed in `unit` back to USD per million tokens (× 1000 for per 1K, float artefacts cut). */
export function toPerMTok(shown: number, unit: PriceUnit): number {
  return unit === 'per-million' ? shown : Number((shown * 1000).toPrecision(15));
}

/** Per-token pricing with no prices yet, no caching and no batch: where a new or switched model starts. */
export const BLANK_PER_TOKEN_PRICING: PerTokenPricing = {
  kind: 'per-token',
  inputPerMTok: 0,
  outputPerMTok: 0,
  cacheWritePerMTok: null,
  cacheReadPerMTok: null,
  batchDiscount: null,
  cacheWrite1hPerMTok: null,
  minCachePrefixTokens: 0,
  batchCaching: true,
  longContext: null,
};

/** The unit a token price is shown in, short: "$/1M tok" or "$/1K tok". */
export function describePriceUnit(unit: PriceUnit): string {
  return unit === 'per-million' ? '$/1M tok' : '$/1K tok';
}

/** Is this figure one of the seeds' representative ones (its source label starts with "seed")? */
export function isSeedFigure(model: Model): boolean {
  return model.source?.label.trim().toLowerCase().startsWith('seed') ?? false;
}
