/**
 * One call priced on every model of a catalog, for the per-request calculator: the engine's own `costPerCall`
 * for each per-token model, with what the bill applied (the long-context tier, the minimum cached prefix, batch)
 * so a screen can say why a figure is what it is.
 */
import { costPerCall, isPerTokenModel, pricesForInput, tokensPerCall } from './call-cost';
import type { CallCost, CallSlice, PerTokenCallModel } from './call-cost';
import type { Model, Options } from './scenario-schema';

/** How the cached prefix was billed on one model. */
export type PrefixBilling =
  /** No prefix given, or caching is off. */
  | { kind: 'none' }
  /** The prefix was written to and read from the cache at the tier's cache prices. */
  | { kind: 'cached' }
  /** The model (or its long-context tier) has no cache-read price: every input token bills at the input price. */
  | { kind: 'no-caching' }
  /** The prefix, in the model's tokens, is shorter than the model's minimum: it is never cached. */
  | { kind: 'below-minimum'; prefixTokens: number; minCachePrefixTokens: number };

/** How the batch share was billed on one model. */
export type BatchBilling =
  /** Nothing sent through batch, or batch is off. */
  | { kind: 'none' }
  /** The model offers no batch discount: batched calls bill as the others. */
  | { kind: 'no-discount' }
  /** The batch discount applied on top of caching. */
  | { kind: 'discounted'; batchDiscount: number }
  /** The batch discount applied to the list price: batched calls get no caching discount. */
  | { kind: 'discounted-without-caching'; batchDiscount: number };

export type CallQuote = {
  /** Index of the model in the catalog. */
  index: number;
  cost: CallCost;
  /** `cost.final · 1,000,000`: USD for a million such calls. */
  perMillionCalls: number;
  /** The input tokens the model bills (× `tokenizerFactor`). */
  modelInputTokens: number;
  /** The long-context tier's threshold when the call billed at that tier, else null. */
  longContextAbove: number | null;
  prefix: PrefixBilling;
  batch: BatchBilling;
};

function describePrefix(
  call: CallSlice,
  model: PerTokenCallModel,
  options: Pick<Options, 'caching'>,
): PrefixBilling {
  const { input, prefix } = tokensPerCall(call, model);
  if (!options.caching || prefix <= 0) return { kind: 'none' };
  if (pricesForInput(model.pricing, input).cacheReadPerMTok === null) return { kind: 'no-caching' };
  const minimum = model.pricing.minCachePrefixTokens;
  if (prefix < minimum) return { kind: 'below-minimum', prefixTokens: prefix, minCachePrefixTokens: minimum };
  return { kind: 'cached' };
}

function describeBatch(
  call: CallSlice,
  model: PerTokenCallModel,
  options: Pick<Options, 'batch'>,
): BatchBilling {
  if (!options.batch || call.batchShare <= 0) return { kind: 'none' };
  const discount = model.pricing.batchDiscount;
  if (discount === null) return { kind: 'no-discount' };
  return model.pricing.batchCaching
    ? { kind: 'discounted', batchDiscount: discount }
    : { kind: 'discounted-without-caching', batchDiscount: discount };
}

/**
 * One call on one per-token model: `costPerCall(call, model, options)`, its cost per million calls, and which of
 * the long-context tier, the minimum cached prefix and the batch discount the bill applied (read from the same
 * `tokensPerCall` and `pricesForInput` that `costPerCall` bills with).
 */
export function quoteCall(
  call: CallSlice,
  model: PerTokenCallModel,
  options: Pick<Options, 'batch' | 'caching'>,
  index = 0,
): CallQuote {
  const cost = costPerCall(call, model, options);
  const { input } = tokensPerCall(call, model);
  const tier = model.pricing.longContext;
  return {
    index,
    cost,
    perMillionCalls: cost.final * 1e6,
    modelInputTokens: input,
    longContextAbove: tier !== null && input > tier.aboveInputTokens ? tier.aboveInputTokens : null,
    prefix: describePrefix(call, model, options),
    batch: describeBatch(call, model, options),
  };
}

/**
 * The call quoted on every per-token model of `catalog`, in catalog order. Capacity-billed models have no
 * per-call price (they bill units by the hour) and are left out; `capacityCount` says how many.
 */
export function quoteCatalog(
  catalog: readonly Model[],
  call: CallSlice,
  options: Pick<Options, 'batch' | 'caching'>,
): { quotes: CallQuote[]; capacityCount: number } {
  const quotes: CallQuote[] = [];
  let capacityCount = 0;
  catalog.forEach((model, index) => {
    if (isPerTokenModel(model)) quotes.push(quoteCall(call, model, options, index));
    else capacityCount += 1;
  });
  return { quotes, capacityCount };
}
