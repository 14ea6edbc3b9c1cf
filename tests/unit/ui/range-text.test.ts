import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { financeSchema, sliceSchema } from '../../../src/domain/scenario-schema';
import { USD_DISPLAY, formatMoney } from '../../../src/format/format';
import { formatRange, makeRangeEndSchema, suggestRange, widenRange } from '../../../src/ui/range-text';

const rate = sliceSchema.shape.cacheHitRate;
const growth = z.number().gt(-1, 'must be greater than −100 %');
const count = sliceSchema.shape.requestsPerMonth;

describe('suggestRange', () => {
  it('starts at the likely value ±20 %', () => {
    // 2,000,000 × 0.8 = 1,600,000; × 1.2 = 2,400,000.
    expect(suggestRange(2_000_000, count)).toEqual({ low: 1_600_000, high: 2_400_000 });
    // 0.08 ± 0.016, without float noise.
    expect(suggestRange(0.08, growth, true)).toEqual({ low: 0.064, high: 0.096 });
  });

  it('keeps each end inside the field’s own limits', () => {
    // 0.9 × 1.2 = 1.08 is not a rate: the high end stops at 1.
    expect(suggestRange(0.9, rate, true)).toEqual({ low: 0.72, high: 1 });
    // Growth must stay above −100 %: −0.9 − 0.18 = −1.08 becomes −0.999.
    expect(suggestRange(-0.9, growth, true)).toEqual({ low: -0.999, high: -0.72 });
  });

  it('gives a percentage at 0 a spread of one point, a count at 0 none', () => {
    expect(suggestRange(0, growth, true)).toEqual({ low: -0.01, high: 0.01 });
    expect(suggestRange(0, rate, true)).toEqual({ low: 0, high: 0.01 });
    expect(suggestRange(0, count)).toEqual({ low: 0, high: 0 });
  });

  it('orders the ends of a negative value', () => {
    const money = financeSchema.shape.cashOnHand;
    expect(suggestRange(-50_000, money)).toEqual({ low: -60_000, high: -40_000 });
  });
});

describe('formatRange', () => {
  it('writes a percentage once, numbers compactly, money through the field’s format', () => {
    expect(formatRange({ low: 0.05, high: 0.12 }, true)).toBe('5–12%');
    expect(formatRange({ low: 1_600_000, high: 2_400_000 }, false)).toBe('1.6M–2.4M');
    expect(formatRange({ low: 480, high: 720 }, false)).toBe('480–720');
    expect(formatRange({ low: 72_000, high: 108_000 }, false, (usd) => formatMoney(usd, USD_DISPLAY))).toBe(
      '$72,000–$108,000',
    );
  });
});

describe('makeRangeEndSchema', () => {
  it('checks the field’s rule, then the end against the likely value', () => {
    const low = makeRangeEndSchema(rate, 'low', 0.5, '50%');
    expect(low.safeParse(0.4).success).toBe(true);
    expect(low.safeParse(0.5).success).toBe(true);
    expect(low.safeParse(0.6).error?.issues[0]?.message).toBe('must be at most the likely value (50%)');
    expect(low.safeParse(-0.1).error?.issues[0]?.message).toBe('must be between 0 and 1');
    const high = makeRangeEndSchema(rate, 'high', 0.5, '50%');
    expect(high.safeParse(0.4).error?.issues[0]?.message).toBe('must be at least the likely value (50%)');
    expect(high.safeParse(1.2).success).toBe(false);
  });
});

describe('widenRange', () => {
  it('reaches out to a value beyond either end and leaves a range holding it as it is', () => {
    // The shipped burn range is $80K–$110K: $150K widens the high end, $60K the low end.
    expect(widenRange({ low: 80_000, high: 110_000 }, 150_000)).toEqual({ low: 80_000, high: 150_000 });
    expect(widenRange({ low: 80_000, high: 110_000 }, 60_000)).toEqual({ low: 60_000, high: 110_000 });
    expect(widenRange({ low: 1, high: 2 }, 2)).toEqual({ low: 1, high: 2 });
  });
});
