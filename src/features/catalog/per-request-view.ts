/**
 * What the per-request table shows: the call's quotes on the models the catalog filters let through, sorted,
 * and what each bill applied, in words.
 */
import type { CallQuote } from '../../domain/call-quote';
import type { CallSlice } from '../../domain/call-cost';
import { fitsContext } from '../../domain/model-fit';
import type { Model } from '../../domain/scenario-schema';
import { formatNumber, formatPercent } from '../../format/format';
import { isModelShown } from './catalog-view';
import type { CatalogFilters, SortDirection } from './catalog-view';

export type QuoteSortKey =
  'name' | 'provider' | 'platform' | 'perCall' | 'perMillion' | 'list' | 'contextWindow';

export type QuoteSort = { key: QuoteSortKey; direction: SortDirection };

/** The table opens cheapest first. */
export const CHEAPEST_FIRST: QuoteSort = { key: 'perCall', direction: 'ascending' };

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function readQuoteValue(quote: CallQuote, model: Model, key: QuoteSortKey): string | number {
  switch (key) {
    case 'name':
      return model.name || model.id;
    case 'provider':
      return model.provider;
    case 'platform':
      return model.platform;
    case 'perCall':
      return quote.cost.final;
    case 'perMillion':
      return quote.perMillionCalls;
    case 'list':
      return quote.cost.list;
    case 'contextWindow':
      return model.contextWindow ?? Number.POSITIVE_INFINITY;
  }
}

/** The quotes whose model passes `filters`, sorted by `sort` (ties keep catalog order). */
export function selectQuoteRows(
  catalog: readonly Model[],
  quotes: readonly CallQuote[],
  filters: CatalogFilters,
  sort: QuoteSort,
): CallQuote[] {
  const shown = quotes.filter((quote) => isModelShown(catalog[quote.index] as Model, filters));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const values = new Map<CallQuote, string | number>();
  for (const quote of shown)
    values.set(quote, readQuoteValue(quote, catalog[quote.index] as Model, sort.key));
  return shown.sort((a, b) => {
    const va = values.get(a) as string | number;
    const vb = values.get(b) as string | number;
    const byValue =
      typeof va === 'number' && typeof vb === 'number'
        ? va === vb
          ? 0
          : va < vb
            ? -1
            : 1
        : collator.compare(String(va), String(vb));
    return byValue !== 0 ? sign * byValue : a.index - b.index;
  });
}

/** The next sort after a click on `key`: ascending first, then descending, then back. */
export function toggleQuoteSort(current: QuoteSort, key: QuoteSortKey): QuoteSort {
  if (current.key === key && current.direction === 'ascending') return { key, direction: 'descending' };
  return { key, direction: 'ascending' };
}

/**
 * What the bill applied on this model, one short sentence each: the long-context tier, the cached prefix (cached,
 * under the model's minimum, or no caching), the batch discount, a tokenizer factor, and a call too long for the
 * model's window.
 */
export function describeQuote(quote: CallQuote, model: Model, call: CallSlice): string[] {
  const notes: string[] = [];
  if (quote.longContextAbove !== null) {
    notes.push(`Long-context tier: input above ${formatNumber(quote.longContextAbove)} tokens`);
  }
  if (model.tokenizerFactor !== 1) {
    notes.push(
      `Tokenizer ×${formatNumber(model.tokenizerFactor)}: ${formatNumber(quote.modelInputTokens)} input tokens`,
    );
  }
  const prefix = quote.prefix;
  if (prefix.kind === 'cached') {
    const minimum = model.pricing.kind === 'per-token' ? model.pricing.minCachePrefixTokens : 0;
    notes.push(minimum > 0 ? `Prefix cached (minimum ${formatNumber(minimum)})` : 'Prefix cached');
  } else if (prefix.kind === 'below-minimum') {
    notes.push(
      `Prefix ${formatNumber(prefix.prefixTokens)} tokens, under the ${formatNumber(prefix.minCachePrefixTokens)} minimum: not cached`,
    );
  } else if (prefix.kind === 'no-caching') {
    notes.push('No prompt caching');
  }
  const batch = quote.batch;
  if (batch.kind === 'no-discount') notes.push('No batch discount');
  else if (batch.kind === 'discounted') notes.push(`Batch ${formatPercent(batch.batchDiscount)} off`);
  else if (batch.kind === 'discounted-without-caching') {
    notes.push(`Batch ${formatPercent(batch.batchDiscount)} off list, no caching in batch`);
  }
  if (model.contextWindow !== null && !fitsContext(model, call)) {
    notes.push(`Too long for its ${formatNumber(model.contextWindow)}-token window`);
  }
  return notes;
}
