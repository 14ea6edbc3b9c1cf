/**
 * Where the volume and the money go in one month: each slice's requests and tokens, its share of all requests,
 * and its share of a strategy's spend. Pure: scenario and results in, figures out.
 */
import type { Scenario, Slice } from './scenario-schema';
import { requestsInMonth } from './simulate';
import type { StrategyResult } from './simulate';
import { sumMonthFixedCosts } from './strategy-figures';

/** Tokens a slice sends in a month at its own token counts: requests × (input + output), before any tokenizer factor. */
export function countMonthlyTokens(slice: Slice, month: number): number {
  return (
    requestsInMonth(slice.requestsPerMonth, slice.monthlyGrowth, month) *
    (slice.inputTokens + slice.outputTokens)
  );
}

export type SliceShare = {
  requests: number;
  tokens: number;
  /** Share of all requests; null when there are none. */
  requestShare: number | null;
  /** The slice's spend under the strategy (null without one). */
  spend: number | null;
  /** Share of the strategy's spend in the month (fixed costs included in the whole); null without spend. */
  spendShare: number | null;
};

export type TrafficShares = {
  /** One entry per slice, in traffic order. */
  slices: SliceShare[];
  /**
   * The month's fixed costs under the strategy and their share of its spend, so that the slices and this add up
   * to `totals.spend`; null without a strategy or when the month has none.
   */
  fixedCosts: { spend: number; spendShare: number | null } | null;
  totals: { requests: number; tokens: number; spend: number | null };
};

/** Each slice's requests, tokens and shares in `month` (0-based), with spend under `strategy` when given. */
export function measureTrafficShares(
  scenario: Scenario,
  strategy: StrategyResult | null,
  month: number,
): TrafficShares {
  const requests = scenario.traffic.map((slice) =>
    requestsInMonth(slice.requestsPerMonth, slice.monthlyGrowth, month),
  );
  const tokens = scenario.traffic.map((slice) => countMonthlyTokens(slice, month));
  let totalRequests = 0;
  let totalTokens = 0;
  for (let i = 0; i < requests.length; i++) {
    totalRequests += requests[i]!;
    totalTokens += tokens[i]!;
  }
  const record = strategy?.months[month];
  const totalSpend = record ? record.spend : null;
  const fixedSpend = record ? sumMonthFixedCosts(record) : 0;
  /** A part of the month's spend as a share of it; null without spend to share. */
  const shareOfSpend = (spend: number | null) =>
    spend !== null && totalSpend !== null && totalSpend > 0 ? spend / totalSpend : null;
  return {
    slices: scenario.traffic.map((slice, i) => {
      const spend = record ? (record.bySlice[slice.id] ?? 0) : null;
      return {
        requests: requests[i]!,
        tokens: tokens[i]!,
        requestShare: totalRequests > 0 ? requests[i]! / totalRequests : null,
        spend,
        spendShare: shareOfSpend(spend),
      };
    }),
    fixedCosts: fixedSpend > 0 ? { spend: fixedSpend, spendShare: shareOfSpend(fixedSpend) } : null,
    totals: { requests: totalRequests, tokens: totalTokens, spend: totalSpend },
  };
}
