import { describe, expect, it } from 'vitest';
import { sumUncoveredSpend } from '../../../src/domain/credit-figures';
import { countMonthlyTokens, measureTrafficShares } from '../../../src/domain/traffic-figures';
import { simulate } from '../../../src/domain/simulate';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { makeSmallScenario } from '../../factories/small-scenario';

function planSmall() {
  const input = makeSmallScenario();
  input.traffic.push({
    id: 'side',
    name: 'Side',
    requestsPerMonth: 250_000,
    inputTokens: 2000,
    outputTokens: 200,
    monthlyGrowth: 0.1,
  });
  const validated = validateScenario(input);
  if (!validated.ok) throw new Error('invalid');
  return { scenario: validated.value, result: simulate(validated.value) };
}

describe('measureTrafficShares', () => {
  it('gives each slice its requests, tokens and shares of requests and spend', () => {
    const { scenario, result } = planSmall();
    const dear = result.strategies.find((s) => s.id === 'all-dear')!;
    // Month 1 (index 1): main 1,000,000 requests × 1,100 tokens; side 250,000 × 1.1 = 275,000 × 2,200 tokens.
    const shares = measureTrafficShares(scenario, dear, 1);
    expect(shares.slices[0]!.requests).toBe(1_000_000);
    expect(shares.slices[1]!.requests).toBeCloseTo(275_000, 6);
    expect(shares.slices[1]!.tokens).toBeCloseTo(605_000_000, 3);
    expect(shares.totals.tokens).toBeCloseTo(1_705_000_000, 3);
    // Requests: 1,000,000 / 1,275,000 = 78.43 %.
    expect(shares.slices[0]!.requestShare).toBeCloseTo(1_000_000 / 1_275_000, 12);
    // Spend on dear (3 / 15 $/MTok): main $0.0045 × 1,000,000 = $4,500; side (2,000 × 3 + 200 × 15) / 1e6 =
    // $0.009 × 275,000 = $2,475. Total $6,975; side's share 2,475 / 6,975 = 35.48 %.
    expect(shares.slices[1]!.spend).toBeCloseTo(2_475, 6);
    expect(shares.totals.spend).toBeCloseTo(6_975, 6);
    expect(shares.slices[1]!.spendShare).toBeCloseTo(2_475 / 6_975, 12);
    expect(countMonthlyTokens(scenario.traffic[0]!, 0)).toBe(1_100_000_000);
  });

  it('leaves spend out without a strategy', () => {
    const { scenario } = planSmall();
    const shares = measureTrafficShares(scenario, null, 0);
    expect(shares.slices[0]!.spend).toBeNull();
    expect(shares.slices[0]!.spendShare).toBeNull();
    expect(shares.totals.spend).toBeNull();
  });
});

describe('sumUncoveredSpend', () => {
  it('adds the spend of every uncovered platform', () => {
    expect(
      sumUncoveredSpend([
        { platform: 'openai', spendUsd: 1_200.5 },
        { platform: 'mistral', spendUsd: 99.5 },
      ]),
    ).toBe(1_300);
  });
});
