import { describe, expect, it } from 'vitest';
import { recommendCreditAsk } from '../../../src/domain/credit-ask';
import type { CreditProgram } from '../../../src/domain/credit-ask';
import { simulate } from '../../../src/domain/simulate';
import { validateScenario } from '../../../src/domain/validate-scenario';
import { makeSmallScenario } from '../../factories/small-scenario';

const PROGRAMS: CreditProgram[] = [
  { id: 'activate', name: 'AWS Activate', minAmount: null, maxAmount: 100_000, appliesTo: ['bedrock'] },
  { id: 'poc', name: 'Bedrock POC', minAmount: 10_000, maxAmount: 50_000, appliesTo: ['bedrock'] },
  {
    id: 'accelerator',
    name: 'GenAI Accelerator',
    minAmount: null,
    maxAmount: 1_000_000,
    appliesTo: ['bedrock'],
  },
];

function strategyFor(
  requestsPerMonth: number,
  platform = 'bedrock',
  credits: ReturnType<typeof makeSmallScenario>['credits'] = [],
) {
  const input = makeSmallScenario();
  input.traffic[0]!.requestsPerMonth = requestsPerMonth;
  for (const model of input.catalog) model.platform = platform;
  input.credits = credits;
  const validated = validateScenario(input);
  if (!validated.ok) throw new Error('invalid');
  // Strategy 0 is "all on dear": $0.0045 per request, no discounts.
  return simulate(validated.value).strategies[0]!;
}

describe('recommendCreditAsk', () => {
  it('files a small POC with the POC pool, at its $10K minimum', () => {
    // 1,000,000 requests × $0.0045 = $4,500 a month; 3 months = $13,500 → ceil to $14,000, within $10K–$50K.
    const ask = recommendCreditAsk(strategyFor(1_000_000), PROGRAMS, 3);
    expect(ask.program?.id).toBe('poc');
    expect(ask.pocSpend).toBeCloseTo(13_500, 6);
    expect(ask.amount).toBe(14_000);
    // $14,000 covers 3 months ($13,500) but not 4 ($18,000).
    expect(ask.monthsCovered).toBe(3);
    expect(ask.coversPocPeriod).toBe(true);

    // 1 month: $4,500 → raised to the programme's $10,000 minimum, which covers 2 months ($9,000).
    const oneMonth = recommendCreditAsk(strategyFor(1_000_000), PROGRAMS, 1);
    expect(oneMonth.amount).toBe(10_000);
    expect(oneMonth.monthsCovered).toBe(2);
  });

  it('moves to Activate above $50K and to the Accelerator above $100K', () => {
    // 5,000,000 requests: $22,500 a month; 3 months $67,500 → Activate, $68,000.
    const activate = recommendCreditAsk(strategyFor(5_000_000), PROGRAMS, 3);
    expect(activate.program?.id).toBe('activate');
    expect(activate.amount).toBe(68_000);
    // 3 months at $45,000 = $135,000 → Accelerator, $135,000.
    const accelerator = recommendCreditAsk(strategyFor(10_000_000), PROGRAMS, 3);
    expect(accelerator.program?.id).toBe('accelerator');
    expect(accelerator.amount).toBe(135_000);
  });

  it('caps at the largest programme when the POC costs more than any', () => {
    // 100,000,000 requests: $450,000 a month; 3 months $1.35M > $1M.
    const ask = recommendCreditAsk(strategyFor(100_000_000), PROGRAMS, 3);
    expect(ask.program?.id).toBe('accelerator');
    expect(ask.amount).toBe(1_000_000);
    expect(ask.monthsCovered).toBe(2);
    expect(ask.coversPocPeriod).toBe(false);
  });

  it('asks for nothing when all spend is on direct APIs credits do not cover', () => {
    const ask = recommendCreditAsk(strategyFor(1_000_000, 'openai'), PROGRAMS, 3);
    expect(ask.program).toBeNull();
    expect(ask.amount).toBe(0);
    expect(ask.ineligibleSpend).toBeCloseTo(13_500, 6);
  });

  it('asks only for what the credits already held leave unpaid, and says what they pay', () => {
    // $22,500 a month on Bedrock; a $40,000 pool held pays month 1 and $17,500 of month 2.
    // Left over 3 months: 3 × 22,500 − 40,000 = $27,500 → the POC pool, ceil to $28,000 (not Activate's $68,000).
    const held = [
      {
        id: 'held',
        name: 'Activate (held)',
        amount: 40_000,
        startMonth: 0,
        expiresAfterMonths: null,
        appliesTo: ['bedrock'],
      },
    ];
    const ask = recommendCreditAsk(strategyFor(5_000_000, 'bedrock', held), PROGRAMS, 3);
    expect(ask.pocSpend).toBeCloseTo(67_500, 6);
    expect(ask.heldCreditsUsed).toBeCloseTo(40_000, 6);
    expect(ask.eligibleSpend).toBeCloseTo(27_500, 6);
    expect(ask.ineligibleSpend).toBeCloseTo(0, 6);
    expect(ask.program?.id).toBe('poc');
    expect(ask.amount).toBe(28_000);
    // $28,000 on top of the held pool: months 2–3 leave $27,500; month 4 adds $22,500 → 3 months covered.
    expect(ask.monthsCovered).toBe(3);
  });

  it('asks for nothing when the credits already held pay the whole POC period', () => {
    const held = [
      {
        id: 'held',
        name: 'Held',
        amount: 1_000_000,
        startMonth: 0,
        expiresAfterMonths: null,
        appliesTo: ['*'],
      },
    ];
    const ask = recommendCreditAsk(strategyFor(1_000_000, 'bedrock', held), PROGRAMS, 3);
    expect(ask.program).toBeNull();
    expect(ask.amount).toBe(0);
    expect(ask.heldCreditsUsed).toBeCloseTo(13_500, 6);
    expect(ask.ineligibleSpend).toBeCloseTo(0, 6);
    expect(ask.coversPocPeriod).toBe(true);
  });
});
