import { describe, expect, it } from 'vitest';
import {
  buildMoneyTicks,
  buildRows,
  formatMoneyTick,
  makeDistinctNames,
  sumStacks,
} from '../../../src/charts/chart-series';
import { isScaleApart } from '../../../src/charts/burn-down-chart';

describe('chart series', () => {
  it('keys rows by position, so ids such as __proto__ never become object keys', () => {
    const rows = buildRows(
      ['Jan 2027', 'Feb 2027'],
      [
        { name: '__proto__', values: [1, 2] },
        { name: 'b', values: [3, null] },
      ],
    );
    expect(rows).toEqual([
      { label: 'Jan 2027', s0: 1, s1: 3 },
      { label: 'Feb 2027', s0: 2, s1: null },
    ]);
  });

  it('sums stacks per label, treating gaps as 0', () => {
    expect(
      sumStacks(2, [
        { name: 'a', values: [1, null] },
        { name: 'b', values: [2, 5] },
      ]),
    ).toEqual([3, 5]);
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
    expect(formatMoneyTick(0)).toBe('$0');
    expect(formatMoneyTick(2_500)).toBe('$2,500');
    expect(formatMoneyTick(120_000)).toBe('$120K');
    expect(formatMoneyTick(-1_500_000)).toBe('−$1.5M');
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
});
