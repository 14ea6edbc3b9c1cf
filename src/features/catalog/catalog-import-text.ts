/**
 * Words and figures for the catalog import: field labels, values as people read them, and the sentences that
 * say what applying an import did.
 */
import type { Model } from '../../domain/scenario-schema';
import type {
  ModelFieldValue,
  OtherModelField,
  PricingField,
  PricingFieldChange,
  PricingValue,
} from '../../io/catalog-diff';
import type { PriceUnit } from '../../state/scenario-store';
import { formatNumber, formatPercent, formatPrice, listWords } from '../../format/format';
import { toShownPrice } from './catalog-view';

/** The most rows a list of the import shows; a LiteLLM file has thousands of models. */
export const MAX_LIST_ROWS = 200;

/** The most file problems listed; the count says how many more there are. */
export const MAX_ISSUES_SHOWN = 500;

export const PRICING_FIELD_LABELS: Record<PricingField, string> = {
  kind: 'Billing',
  inputPerMTok: 'Input',
  outputPerMTok: 'Output',
  cacheWritePerMTok: 'Cache write',
  cacheReadPerMTok: 'Cache read',
  batchDiscount: 'Batch discount',
  cacheWrite1hPerMTok: '1-hour cache write',
  minCachePrefixTokens: 'Minimum cached prefix',
  batchCaching: 'Caching inside batch',
  longContext: 'Long-context tier',
  hourlyPerUnit: 'Per unit-hour',
  tokensPerMinutePerUnit: 'Tokens/min per unit',
  minUnits: 'Minimum units',
  commitmentMonths: 'Commitment (months)',
};

export const OTHER_FIELD_LABELS: Record<OtherModelField, string> = {
  name: 'Name',
  provider: 'Provider',
  platform: 'Platform',
  contextWindow: 'Context window',
  quality: 'Quality',
  outputTokenFactor: 'Output token factor',
  openWeight: 'Open weight',
  region: 'Region',
  tokenizerFactor: 'Tokenizer factor',
  reasoning: 'Reasoning',
  notes: 'Notes',
};

const TOKEN_PRICE_FIELDS: ReadonlySet<PricingField> = new Set([
  'inputPerMTok',
  'outputPerMTok',
  'cacheWritePerMTok',
  'cacheReadPerMTok',
  'cacheWrite1hPerMTok',
]);

/** What a null pricing value means for each field that allows one (see the scenario schema). */
const NULL_MEANINGS: Partial<Record<PricingField, string>> = {
  cacheWritePerMTok: 'input price',
  cacheReadPerMTok: 'no caching',
  batchDiscount: 'no batch',
  cacheWrite1hPerMTok: 'no 1-hour TTL',
  longContext: 'none',
};

/** A pricing value for people: token prices in the chosen unit, the discount as a percentage. */
export function formatPricingValue(field: PricingField, value: PricingValue, unit: PriceUnit): string {
  if (value === undefined) return 'n/a';
  if (value === null) return NULL_MEANINGS[field] ?? 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (field === 'longContext') return String(value);
  if (typeof value === 'string') return value === 'capacity' ? 'capacity' : 'per token';
  if (TOKEN_PRICE_FIELDS.has(field)) return formatPrice(toShownPrice(value, unit));
  if (field === 'batchDiscount') return formatPercent(value);
  if (field === 'hourlyPerUnit') return `${formatPrice(value)}/hour`;
  return formatNumber(value);
}

/** How much a price moved, signed: "+100%", "−20%"; empty when either side is not a positive number. */
export function describePriceMove(change: PricingFieldChange): string {
  const { field, before, after } = change;
  if (!TOKEN_PRICE_FIELDS.has(field) && field !== 'hourlyPerUnit') return '';
  if (typeof before !== 'number' || typeof after !== 'number' || before <= 0) return '';
  const move = (after - before) / before;
  const text = formatPercent(Math.abs(move));
  if (text === '0%') return after > before ? '+<0.1%' : '−<0.1%';
  return `${move > 0 ? '+' : '−'}${text}`;
}

/** A model field for people: an unlimited context window, yes/no, "(empty)" for empty text. */
export function formatModelValue(field: OtherModelField, value: ModelFieldValue): string {
  if (value === undefined) return 'none';
  if (value === null) return field === 'contextWindow' ? 'unlimited' : 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value);
  return value === '' ? '(empty)' : value;
}

/** A model by name, or by id when it has none. */
export function describeModel(model: Model): string {
  return model.name || model.id;
}

/** "a", "a and b", "a, b and c", or the first `max` and "and N more". */
export function listNames(names: readonly string[], max = 5): string {
  if (names.length > max)
    return `${names.slice(0, max).join(', ')} and ${formatNumber(names.length - max)} more`;
  return listWords(names);
}

/** "1 model", "2,143 models". */
export function countModels(count: number): string {
  return `${formatNumber(count)} model${count === 1 ? '' : 's'}`;
}

/** The status after "Apply all". */
export function describeAppliedAll(options: {
  origin: string;
  importedCount: number;
  added: number;
  priceChanges: number;
  otherChanges: number;
  removed: number;
  kept: readonly Model[];
}): string {
  const { origin, importedCount, added, priceChanges, otherChanges, removed, kept } = options;
  const keptText =
    kept.length === 0
      ? ''
      : ` Kept ${countModels(kept.length)} your strategies use that the import lacks: ${listNames(kept.map(describeModel))}.`;
  return (
    `Catalog replaced with the ${countModels(importedCount)} from ${origin}: ${formatNumber(added)} added, ` +
    `${formatNumber(priceChanges)} with new prices, ${formatNumber(otherChanges)} with other changes, ` +
    `${formatNumber(removed)} removed.${keptText} Undo brings back the previous catalog.`
  );
}

/** The status after "Apply price updates only". */
export function describeAppliedPrices(origin: string, updated: readonly Model[]): string {
  return (
    `Updated the prices of ${countModels(updated.length)} from ${origin} (${listNames(updated.map(describeModel))}); ` +
    'no model added or removed. Undo brings back the previous prices.'
  );
}

/** The status after "Add models". */
export function describeAppliedAdded(origin: string, added: readonly Model[]): string {
  return (
    `Added ${countModels(added.length)} from ${origin} (${listNames(added.map(describeModel))}); ` +
    'no price changed. Undo removes them.'
  );
}
