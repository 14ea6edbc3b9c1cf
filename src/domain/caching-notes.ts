/**
 * What the screens say about a slice's prompt caching on the models its strategies route it to: prefixes too
 * short for a model's minimum (never cached), and, on a model with both cache TTLs, the hit rate at which the
 * other TTL costs the same.
 */
import { isPerTokenModel, pricesForInput, tokensPerCall } from './call-cost';
import { resolveRoutes } from './routes';
import type { CacheTtl, Model, PerTokenPricing, Scenario, Slice } from './scenario-schema';

/** A slice whose cached prefix is shorter than a routed model's minimum cacheable prompt. */
export type UncachedPrefix = {
  sliceId: string;
  model: Model;
  /** The slice's prefix in the model's tokens (`min(cachedPrefixTokens, inputTokens) · tokenizerFactor`). */
  prefixTokens: number;
  minCachePrefixTokens: number;
};

/**
 * Every (slice, model) pair where a strategy routes the slice to a per-token model with a cache-read price and
 * the slice's prefix (more than 0 tokens) is below the model's `minCachePrefixTokens`: those calls are never
 * cached. In traffic order, then in the order strategies first name the model; each pair once.
 */
export function findUncachedPrefixes(scenario: Scenario): UncachedPrefix[] {
  const seen = scenario.traffic.map(() => new Set<Model>());
  const routes = scenario.strategies.map((strategy) => resolveRoutes(scenario, strategy));
  const out: UncachedPrefix[] = [];
  scenario.traffic.forEach((slice, index) => {
    for (const sliceRoutes of routes) {
      for (const { model } of sliceRoutes[index]!.legs) {
        if (seen[index]!.has(model)) continue;
        seen[index]!.add(model);
        const note = uncachedPrefix(slice, model);
        if (note) out.push(note);
      }
    }
  });
  return out;
}

/** The note for one slice on one model, or null when its prefix is cached (or there is nothing to cache). */
export function uncachedPrefix(slice: Slice, model: Model): UncachedPrefix | null {
  if (!isPerTokenModel(model)) return null;
  const { prefix, input } = tokensPerCall(slice, model);
  if (prefix <= 0 || pricesForInput(model.pricing, input).cacheReadPerMTok === null) return null;
  if (prefix >= model.pricing.minCachePrefixTokens) return null;
  return {
    sliceId: slice.id,
    model,
    prefixTokens: prefix,
    minCachePrefixTokens: model.pricing.minCachePrefixTokens,
  };
}

/** Where the other cache TTL costs the same as the slice's own. */
export type TtlBreakEven = {
  /** The TTL the slice does not use. */
  otherTtl: CacheTtl;
  /**
   * The hit rate the other TTL needs for the prefix to cost the same as it does now; with "1h" as the other TTL,
   * 1-hour writes start to pay above it. Null when no hit rate in 0..1 reaches it.
   */
  hitRate: number | null;
};

/**
 * On a model with a cache-read price and both a 5-minute and a 1-hour write price: per prefix token the slice now
 * pays `c = h·R + (1 − h)·W` (its TTL's write price W); the other TTL's write price W' costs the same at hit
 * rate `h' = (W' − c) / (W' − R)`. Prices are the call's tier (long-context when it applies). Null when the
 * model lacks either TTL or caching.
 */
export function findTtlBreakEven(
  slice: Pick<
    Slice,
    'inputTokens' | 'outputTokens' | 'cachedPrefixTokens' | 'reasoningTokens' | 'cacheHitRate' | 'cacheTtl'
  >,
  model: Model,
): TtlBreakEven | null {
  if (!isPerTokenModel(model)) return null;
  const pricing: PerTokenPricing = model.pricing;
  const prices = pricesForInput(pricing, tokensPerCall(slice, model).input);
  const read = prices.cacheReadPerMTok;
  const write1h = prices.cacheWrite1hPerMTok;
  if (read === null || write1h === null) return null;
  const write5m = prices.cacheWritePerMTok ?? prices.inputPerMTok;
  const [own, other] = slice.cacheTtl === '1h' ? [write1h, write5m] : [write5m, write1h];
  const otherTtl: CacheTtl = slice.cacheTtl === '1h' ? '5m' : '1h';
  const now = slice.cacheHitRate * read + (1 - slice.cacheHitRate) * own;
  if (other === read) return { otherTtl, hitRate: null };
  const hitRate = (other - now) / (other - read);
  return { otherTtl, hitRate: hitRate >= 0 && hitRate <= 1 ? hitRate : null };
}
