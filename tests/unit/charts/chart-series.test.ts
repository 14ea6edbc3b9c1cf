import { describe, expect, it } from 'vitest';
import {
  alignZero,
  buildMoneyTicks,
  scaleSeries,
  makeDistinctNames,
  stackSeries,
} from '../../../src/charts/chart-series';
import { isScaleApart } from '../../../src/charts/burn-down-chart';
import { formatMoneyTick } from '../../../src/format/format';

/** Dollars: axis bounds are products and quotients of round figures. */
const MONEY_DIGITS = 6;

describe('chart series', () => {
  it('stacks each part on the ones before it, treating gaps as 0', () => {
    // a: 1 then a gap; b on a: 1 + 2 = 3, 0 + 5 = 5 (the stack's height).
    expect(
      stackSeries(2, [
        { name: 'a', values: [1, null] },
        { name: 'b', values: [2, 5] },
      ]),
    ).toEqual([
      { base: [0, 0], top: [1, 0] },
      { base: [1, 0], top: [3, 5] },
    ]);
  });

  it('picks round ticks that include zero', () => {
    // 0..260,000 over about 4 intervals: a raw step of 65,000 rounds up to 100,000.
    expect(buildMoneyTicks([12_000, 259_918])).toEqual({
      domain: [0, 300_000],
      ticks: [0, 100_000, 200_000, 300_000],
    });
    expect(buildMoneyTicks([-1_400_000, 1_500_000]).ticks).toEqual([
      -2_000_000, -1_000_000, 0, 1_000_000, 2_000_000,
    ]);
    expect(buildMoneyTicks([0, 0]).ticks[0]).toBe(0);
    expect(buildMoneyTicks([24_500]).ticks).toEqual([0, 10_000, 20_000, 30_000]);
  });

  it('formats ticks short, with the sign before the dollar', () => {
    expect(formatMoneyTick(0, 'USD')).toBe('$0');
    expect(formatMoneyTick(2_500, 'USD')).toBe('$2,500');
    expect(formatMoneyTick(120_000, 'USD')).toBe('$120K');
    expect(formatMoneyTick(-1_500_000, 'USD')).toBe('−$1.5M');
  });

  it('writes ticks in the currency the chart shows', () => {
    expect(formatMoneyTick(50_000, 'EUR')).toBe('€50K');
    expect(formatMoneyTick(-2_500, 'GBP')).toBe('−£2,500');
  });

  it('scales series to the display currency, keeping gaps', () => {
    const display = { currency: 'EUR' as const, perUsd: 0.92, setOn: '2026-12-02' };
    const [scaled] = scaleSeries([{ name: 'Pool', values: [null, 100, 1_000] }], display);
    // 100 × 0.92 = 92; 1,000 × 0.92 = 920.
    expect(scaled?.values[0]).toBeNull();
    expect(scaled?.values[1]).toBeCloseTo(92, 9);
    expect(scaled?.values[2]).toBeCloseTo(920, 9);
  });

  it('makes repeated names distinct', () => {
    expect(makeDistinctNames(['Pool', 'Pool', 'Pool (2)', 'Other'])).toEqual([
      'Pool',
      'Pool (3)',
      'Pool (2)',
      'Other',
    ]);
  });

  it('puts cash on its own axis when the scales are 5× or more apart', () => {
    expect(isScaleApart(125_000, 1_500_000)).toBe(true);
    expect(isScaleApart(100_000, 300_000)).toBe(false);
    expect(isScaleApart(0, 1_500_000)).toBe(false);
  });

  it('lines up the zeros of two money axes', () => {
    // Credits up to $80,000: step $20,000, domain $0–$80,000. Cash from −$300,000 to $1,000,000: step
    // $500,000, domain −$500,000–$1,000,000, a third of its height below zero.
    const credits = buildMoneyTicks([80_000]);
    const cash = buildMoneyTicks([-300_000, 1_000_000]);
    expect(credits.domain).toEqual([0, 80_000]);
    expect(cash.domain).toEqual([-500_000, 1_000_000]);
    const aligned = alignZero(credits, cash);
    // The credits axis gets a third below zero too: low = −(1/3) · 80,000 / (2/3) = −40,000, with ticks below zero
    // at its own step of $20,000, so its grid covers the plot on both sides of $0.
    expect(aligned?.[0].domain[0]).toBeCloseTo(-40_000, MONEY_DIGITS);
    expect(aligned?.[0].domain[1]).toBe(80_000);
    expect(aligned?.[0].ticks).toEqual([-40_000, -20_000, 0, 20_000, 40_000, 60_000, 80_000]);
    expect(aligned?.[1]).toBe(cash);
    // Zero at the same height: −low / (high − low) is 1/3 on both.
    for (const { domain } of aligned ?? [])
      expect(-domain[0] / (domain[1] - domain[0])).toBeCloseTo(1 / 3, 12);
    // Both at or above zero: nothing to stretch.
    expect(alignZero(credits, buildMoneyTicks([1_500_000]))?.[0]).toBe(credits);
    // Cash three quarters below zero: credits' low = −0.75 · 80,000 / 0.25 = −240,000, 16 steps of $20,000 in all;
    // more than 8, so every other one ($40,000 apart: 2 divides the 4 steps above zero), $0 and the top still ticks.
    const lowCash = {
      domain: [-750_000, 250_000] as [number, number],
      ticks: [-750_000, -500_000, -250_000, 0, 250_000],
    };
    const [stretched] = alignZero(credits, lowCash) ?? [];
    expect(stretched?.domain[0]).toBeCloseTo(-240_000, MONEY_DIGITS);
    expect(stretched?.ticks).toEqual([
      -240_000, -200_000, -160_000, -120_000, -80_000, -40_000, 0, 40_000, 80_000,
    ]);
    // Credits up to $150,000 (3 steps of $50,000) against the same cash: low = −450,000, 12 steps; 2 does not
    // divide 3, so every third step ($150,000).
    const [threeSteps] = alignZero(buildMoneyTicks([150_000]), lowCash) ?? [];
    expect(threeSteps?.ticks).toEqual([-450_000, -300_000, -150_000, 0, 150_000]);
    // Cash nine tenths below zero: one axis reads better.
    const deepCash = { domain: [-900_000, 100_000] as [number, number], ticks: [-900_000, 0, 100_000] };
    expect(alignZero(credits, deepCash)).toBeNull();
  });
});
