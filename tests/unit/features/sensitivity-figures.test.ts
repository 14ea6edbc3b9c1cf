import { USD_DISPLAY } from '../../../src/format/format';
import { describe, expect, it } from 'vitest';
import {
  findInputUnit,
  formatInputValue,
  formatOutcome,
} from '../../../src/features/uncertainty/sensitivity-figures';

describe('sensitivity figures', () => {
  it('reads the unit from the end of the key, whatever the ids hold', () => {
    expect(findInputUnit({ key: 'traffic/a/requestsPerMonth' })).toBe('count');
    expect(findInputUnit({ key: 'traffic/cash/OnHand/monthlyGrowth' })).toBe('fraction');
    expect(findInputUnit({ key: 'finance/otherMonthlyBurn' })).toBe('money');
    expect(findInputUnit({ key: 'traffic/__proto__/qualityBar' })).toBe('score');
    // A router share whose model id ends like a money field is still a share.
    expect(findInputUnit({ key: 'strategies/r/s/share/cashOnHand' })).toBe('fraction');
  });

  it('formats values in their unit', () => {
    expect(formatInputValue({ key: 'traffic/a/requestsPerMonth' }, 1_200_000)).toBe('1,200,000');
    expect(formatInputValue({ key: 'traffic/a/monthlyGrowth' }, 0.096)).toBe('9.6%');
    expect(formatInputValue({ key: 'finance/cashOnHand' }, 120_000)).toBe('$120,000');
  });

  it('says "beyond" for a runway past the horizon', () => {
    const outcome = { firstYearSpend: 54_000, runwayMonths: null, cashAtHorizonEnd: 36_000 };
    expect(formatOutcome(outcome, 'runway', 24, USD_DISPLAY)).toBe('beyond 24 months');
    expect(formatOutcome(outcome, 'cash', 24, USD_DISPLAY)).toBe('$36,000');
    expect(formatOutcome(outcome, 'spend', 24, USD_DISPLAY)).toBe('$54,000');
    expect(formatOutcome({ ...outcome, runwayMonths: 1 }, 'runway', 24, USD_DISPLAY)).toBe('1 month');
  });
});
