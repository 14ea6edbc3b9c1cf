/**
 * The cost of one call of a traffic slice on a model, before and after each discount, billed as providers
 * bill in 2026 (DESIGN.md, "Schema version 3"): tokenizer factor, reasoning tokens, long-context tier, 5-minute
 * and 1-hour cache writes, minimum cacheable prefix, and batch with or without caching.
 */
import type { CapacityPricing, LongContext, Model, Options, PerTokenPricing, Slice } from './scenario-schema';

/** USD per token from USD per million tokens. */
export function perToken(perMTok: number): number {
  return perMTok / 1e6;
}

export type CallCost = {
  /** USD at list prices: every input token at the input price, no batch discount. */
  list: number;
  /** USD after prompt caching, before the batch discount. */
  cached: number;
  /** USD after caching and batch: what the call is billed. */
  final: number;
};

/** The slice fields one call's cost depends on. */
export type CallSlice = Pick<
  Slice,
  | 'inputTokens'
  | 'outputTokens'
  | 'cachedPrefixTokens'
  | 'cacheHitRate'
  | 'batchShare'
  | 'cacheTtl'
  | 'reasoningTokens'
>;

/** The model fields one call's cost depends on. */
export type CallModel = Pick<Model, 'outputTokenFactor' | 'tokenizerFactor' | 'reasoning'>;

/** A per-token model as far as one call's cost goes. */
export type PerTokenCallModel = CallModel & { pricing: PerTokenPricing };

/** True when `model` is billed per token (narrows its pricing). */
export function isPerTokenModel<M extends Pick<Model, 'pricing'>>(
  model: M,
): model is M & { pricing: PerTokenPricing } {
  return model.pricing.kind === 'per-token';
}

/** True when `model` is billed by capacity: units by the hour (narrows its pricing). */
export function isCapacityModel<M extends Pick<Model, 'pricing'>>(
  model: M,
): model is M & { pricing: CapacityPricing } {
  return model.pricing.kind === 'capacity';
}

/** The prices one call bills at: the base ones or a long-context tier's, cache prices resolved. */
export type TierPrices = {
  inputPerMTok: number;
  outputPerMTok: number;
  /** 5-minute write; null means the tier's input price. */
  cacheWritePerMTok: number | null;
  cacheWrite1hPerMTok: number | null;
  cacheReadPerMTok: number | null;
};

/** A long-context cache price: as given, or (left out) the base one × `tier input / base input`; null stays null. */
function tierCachePrice(given: number | null | undefined, base: number | null, ratio: number): number | null {
  if (given !== undefined) return given;
  return base === null ? null : base * ratio;
}

/** The long-context tier's prices with every cache price resolved (see `longContextSchema`). */
export function longContextPrices(pricing: PerTokenPricing, tier: LongContext): TierPrices {
  // A free base input price has no ratio to scale by: the tier then keeps the base cache prices. A base price left
  // null stays null, and means on the tier what it means on the base (a 5-minute write null is the tier's input
  // price), whatever the ratio.
  const ratio = pricing.inputPerMTok > 0 ? tier.inputPerMTok / pricing.inputPerMTok : 1;
  return {
    inputPerMTok: tier.inputPerMTok,
    outputPerMTok: tier.outputPerMTok,
    cacheWritePerMTok: tierCachePrice(tier.cacheWritePerMTok, pricing.cacheWritePerMTok, ratio),
    cacheWrite1hPerMTok: tierCachePrice(tier.cacheWrite1hPerMTok, pricing.cacheWrite1hPerMTok, ratio),
    cacheReadPerMTok: tierCachePrice(tier.cacheReadPerMTok, pricing.cacheReadPerMTok, ratio),
  };
}

/**
 * The prices a call with `inputTokens` model tokens bills at: the long-context tier's when the model has one and
 * the call's input exceeds its `aboveInputTokens` (then every token of the call bills at the tier), else the base.
 */
export function pricesForInput(pricing: PerTokenPricing, inputTokens: number): TierPrices {
  const tier = pricing.longContext;
  return tier !== null && inputTokens > tier.aboveInputTokens ? longContextPrices(pricing, tier) : pricing;
}

/**
 * The tokens one call counts on `model`, in the model's own tokens (× `tokenizerFactor`):
 * `in = inputTokens·k`, `prefix = min(cachedPrefixTokens, inputTokens)·k`,
 * `out = k·(outputTokens·outputTokenFactor + (reasoning ? reasoningTokens : 0))`.
 */
export function tokensPerCall(
  slice: Pick<CallSlice, 'inputTokens' | 'outputTokens' | 'cachedPrefixTokens' | 'reasoningTokens'>,
  model: CallModel,
): { input: number; prefix: number; output: number } {
  const k = model.tokenizerFactor;
  return {
    input: slice.inputTokens * k,
    prefix: Math.min(slice.cachedPrefixTokens, slice.inputTokens) * k,
    output:
      k * (slice.outputTokens * model.outputTokenFactor + (model.reasoning ? slice.reasoningTokens : 0)),
  };
}

/**
 * One call of `slice` on a per-token model (DESIGN.md, "Schema version 3", "One call"):
 *
 * ```
 * in, pre, out = tokensPerCall(slice, model)         (× tokenizerFactor; reasoning tokens bill as output)
 * prices = long-context tier when in > longContext.aboveInputTokens, else the base prices
 * write  = prices.cacheWrite1hPerMTok when cacheTtl = "1h" and it is set, else prices.cacheWritePerMTok (null: input)
 * list   = in · P_in + out · P_out
 * cachedCall = (in − pre) · P_in + pre · (h · P_read + (1 − h) · P_write) + out · P_out
 *              when caching is on, the tier has a read price and pre ≥ minCachePrefixTokens; else list
 * b = batchShare when batch is on and the model has a batch discount, else 0;  d = batchDiscount
 * batchBase = batchCaching ? cachedCall : list
 * cached = (1 − b) · cachedCall + b · batchBase
 * final  = (1 − b) · cachedCall + b · batchBase · (1 − d)
 * ```
 *
 * Prices are USD per token (`perMTok / 1e6`). Caching can cost more than it saves: with a write premium and a
 * low hit rate, `cached` exceeds `list`. With every version-3 field at its default this is the version-1
 * formula, computed in the same order, so version-2 figures are reproduced bit for bit. With `into`, the figures
 * are written to it and it is returned (a scan of thousands of models then makes no garbage).
 */
export function costPerCall(
  slice: CallSlice,
  model: PerTokenCallModel,
  options: Pick<Options, 'batch' | 'caching'>,
  into?: CallCost,
): CallCost {
  const { pricing } = model;
  // tokensPerCall's figures, written out: this runs for every slice and model of every plan.
  const k = model.tokenizerFactor;
  const inputTokens = slice.inputTokens * k;
  const prefixTokens = Math.min(slice.cachedPrefixTokens, slice.inputTokens) * k;
  const outputTokens =
    k * (slice.outputTokens * model.outputTokenFactor + (model.reasoning ? slice.reasoningTokens : 0));
  const prices = pricesForInput(pricing, inputTokens);
  const priceIn = perToken(prices.inputPerMTok);
  const outputCost = outputTokens * perToken(prices.outputPerMTok);
  const list = inputTokens * priceIn + outputCost;

  let cachedCall = list;
  if (options.caching && prices.cacheReadPerMTok !== null && prefixTokens >= pricing.minCachePrefixTokens) {
    const hit = slice.cacheHitRate;
    const priceRead = perToken(prices.cacheReadPerMTok);
    const writePerMTok =
      slice.cacheTtl === '1h' && prices.cacheWrite1hPerMTok !== null
        ? prices.cacheWrite1hPerMTok
        : (prices.cacheWritePerMTok ?? prices.inputPerMTok);
    const priceWrite = perToken(writePerMTok);
    const inputCost =
      (inputTokens - prefixTokens) * priceIn + prefixTokens * (hit * priceRead + (1 - hit) * priceWrite);
    cachedCall = inputCost + outputCost;
  }

  const cost = into ?? { list: 0, cached: 0, final: 0 };
  cost.list = list;
  if (!options.batch || pricing.batchDiscount === null) {
    cost.cached = cachedCall;
    cost.final = cachedCall;
    return cost;
  }
  const share = slice.batchShare;
  const discount = pricing.batchDiscount;
  if (pricing.batchCaching) {
    cost.cached = cachedCall;
    cost.final = cachedCall * (1 - share * discount);
    return cost;
  }
  // Batched calls get no caching discount: they bill at list, then the batch discount.
  cost.cached = (1 - share) * cachedCall + share * list;
  cost.final = (1 - share) * cachedCall + share * list * (1 - discount);
  return cost;
}

/** A classifier call: `inputTokens · P_in + outputTokens · P_out` on the classifier model's base prices, no factor, no tier, no discounts. */
export function costPerClassifierCall(
  inputTokens: number,
  outputTokens: number,
  pricing: PerTokenPricing,
): number {
  return inputTokens * perToken(pricing.inputPerMTok) + outputTokens * perToken(pricing.outputPerMTok);
}

/**
 * Tokens one call sends to a capacity-billed model: `k · (inputTokens + outputTokens · outputTokenFactor +
 * (reasoning ? reasoningTokens : 0))`.
 */
export function capacityTokensPerCall(
  slice: Pick<CallSlice, 'inputTokens' | 'outputTokens' | 'reasoningTokens'>,
  model: CallModel,
): number {
  return (
    model.tokenizerFactor *
    (slice.inputTokens +
      slice.outputTokens * model.outputTokenFactor +
      (model.reasoning ? slice.reasoningTokens : 0))
  );
}
