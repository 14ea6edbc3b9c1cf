/**
 * The cost of one call of a traffic slice on a per-token model, before and after each discount.
 */
import type { Options, PerTokenPricing, Slice } from './scenario-schema';

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

/**
 * One call of `slice` on a per-token model.
 *
 * ```
 * out    = outputTokens · outputTokenFactor
 * list   = inputTokens · P_in + out · P_out
 * cin    = (inputTokens − pre) · P_in + pre · (h · P_cacheRead + (1 − h) · P_cacheWrite)
 *          when caching is on and the model has a cache-read price, with pre = min(cachedPrefixTokens, inputTokens),
 *          h = cacheHitRate and P_cacheWrite = P_in when no write price is given; else inputTokens · P_in
 * cached = cin + out · P_out
 * final  = cached · (1 − batchShare · batchDiscount)   when batch is on and the model has a batch discount
 * ```
 *
 * Prices are USD per token (`perMTok / 1e6`). Caching can cost more than it saves: with a write premium and a
 * low hit rate, `cached` exceeds `list`.
 */
export function costPerCall(
  slice: Pick<Slice, 'inputTokens' | 'outputTokens' | 'cachedPrefixTokens' | 'cacheHitRate' | 'batchShare'>,
  pricing: PerTokenPricing,
  outputTokenFactor: number,
  options: Pick<Options, 'batch' | 'caching'>,
): CallCost {
  const priceIn = perToken(pricing.inputPerMTok);
  const priceOut = perToken(pricing.outputPerMTok);
  const outputCost = slice.outputTokens * outputTokenFactor * priceOut;
  const list = slice.inputTokens * priceIn + outputCost;

  let inputCost = slice.inputTokens * priceIn;
  if (options.caching && pricing.cacheReadPerMTok !== null) {
    const prefix = Math.min(slice.cachedPrefixTokens, slice.inputTokens);
    const hit = slice.cacheHitRate;
    const priceRead = perToken(pricing.cacheReadPerMTok);
    const priceWrite = perToken(pricing.cacheWritePerMTok ?? pricing.inputPerMTok);
    inputCost = (slice.inputTokens - prefix) * priceIn + prefix * (hit * priceRead + (1 - hit) * priceWrite);
  }
  const cached = inputCost + outputCost;

  const final =
    options.batch && pricing.batchDiscount !== null
      ? cached * (1 - slice.batchShare * pricing.batchDiscount)
      : cached;
  return { list, cached, final };
}

/** A classifier call: `inputTokens · P_in + outputTokens · P_out` on the classifier model, no factor, no discounts. */
export function costPerClassifierCall(
  inputTokens: number,
  outputTokens: number,
  pricing: PerTokenPricing,
): number {
  return inputTokens * perToken(pricing.inputPerMTok) + outputTokens * perToken(pricing.outputPerMTok);
}
