import { describe, expect, it } from 'vitest';
import { formatMonth } from '../../../src/format/format';

describe('formatMonth', () => {
  it('names the month counted from the start month, across year ends', () => {
    // "2027-01" + 3 months = April 2027; + 12 = January 2028; "2026-11" + 2 = January 2027.
    expect(formatMonth(3, '2027-01')).toBe('Apr 2027');
    expect(formatMonth(12, '2027-01')).toBe('Jan 2028');
    expect(formatMonth(2, '2026-11')).toBe('Jan 2027');
  });

  it('gives the same label when asked again and different labels for different start months', () => {
    // The second call is answered from the labels already made; it must still depend on the start month.
    expect(formatMonth(0, '2027-05')).toBe('May 2027');
    expect(formatMonth(0, '2027-05')).toBe('May 2027');
    expect(formatMonth(0, '2027-06')).toBe('Jun 2027');
  });

  it('counts months from 1 when the scenario has no start month', () => {
    expect(formatMonth(0, undefined)).toBe('Month 1');
    expect(formatMonth(13, undefined)).toBe('Month 14');
  });
});
