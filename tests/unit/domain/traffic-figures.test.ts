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

  it("lists the month's fixed costs beside the slices, so that the shares add up to the whole", () => {
    const input = makeSmallScenario();
    input.fixedCosts = [{ id: 'store', name: 'Vector store', platform: 'aws', monthlyAmount: 525 }];
    const validated = validateScenario(input);
    if (!validated.ok) throw new Error('invalid');
    const dear = simulate(validated.value).strategies.find((s) => s.id === 'all-dear')!;
    // Month 0 on dear: main 1,000,000 × $0.0045 = $4,500, plus the $525 store: $5,025 in all.
    const shares = measureTrafficShares(validated.value, dear, 0);
    expect(shares.totals.spend).toBeCloseTo(5_025, 6);
    expect(shares.fixedCosts?.spend).toBeCloseTo(525, 9);
    // 525 / 5,025 = 10.45 %; 4,500 / 5,025 = 89.55 %: together 100 %.
    expect(shares.fixedCosts?.spendShare).toBeCloseTo(525 / 5_025, 12);
    expect(shares.slices[0]!.spendShare! + shares.fixedCosts!.spendShare!).toBeCloseTo(1, 12);
    // No fixed cost, no row.
    const plain = planSmall();
    const plainDear = plain.result.strategies.find((s) => s.id === 'all-dear')!;
    expect(measureTrafficShares(plain.scenario, plainDear, 0).fixedCosts).toBeNull();
  });

  it('leaves spend out without a strategy', () => {
    const { scenario } = planSmall();
    const shares = measureTrafficShares(scenario, null, 0);
    expect(shares.slices[0]!.spend).toBeNull();
    expect(shares.slices[0]!.spendShare).toBeNull();
    expect(shares.totals.spend).toBeNull();
    expect(shares.fixedCosts).toBeNull();
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
