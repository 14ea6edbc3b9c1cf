import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatFieldMoney,
  formatFieldNumber,
  formatFieldPrice,
  parseTypedNumber,
} from '../../../src/format/parse-number';

function valueOf(text: string): number | string {
  const typed = parseTypedNumber(text);
  return typed.ok ? typed.value : typed.message;
}

describe('parseTypedNumber', () => {
  it('reads what spreadsheet users type into money and count fields', () => {
    expect(valueOf('$2M')).toBe(2_000_000);
    expect(valueOf('150k')).toBe(150_000);
    expect(valueOf('150K')).toBe(150_000);
    expect(valueOf('2,000,000')).toBe(2_000_000);
    expect(valueOf('1.5e6')).toBe(1_500_000);
    expect(valueOf('$1,234.50')).toBe(1234.5);
    expect(valueOf('3mm')).toBe(3_000_000);
    expect(valueOf('$ 1.2 bn')).toBe(1_200_000_000);
    expect(valueOf('0.000375')).toBe(0.000375);
    expect(valueOf('.5')).toBe(0.5);
    // A percentage field reads "25%" as 25 (its own 25 %); a count or money field refuses it, not 25 requests.
    expect(parseTypedNumber('25%', { percent: true })).toEqual({ ok: true, value: 25 });
    expect(parseTypedNumber('12.5 %', { percent: true })).toEqual({ ok: true, value: 12.5 });
    expect(valueOf('25%')).toBe('is not a percentage: type the number itself (such as 250,000 or 150k)');
  });

  it('keeps what was typed, not float noise: 1.1M is 1,100,000 exactly', () => {
    // 1.1 × 1,000,000 is 1100000.0000000002 in binary floating point.
    expect(valueOf('1.1M')).toBe(1_100_000);
    expect(valueOf('$2.3k')).toBe(2300);
  });

  it('reads negatives, an accountant’s parentheses and a typographic minus', () => {
    expect(valueOf('-3.5')).toBe(-3.5);
    expect(valueOf('(1,200)')).toBe(-1200);
    expect(valueOf('−12')).toBe(-12);
    expect(valueOf('-$50k')).toBe(-50_000);
  });

  it('ignores spaces, including the non-breaking ones a spreadsheet copies', () => {
    expect(valueOf(' 2\u00a0000\u00a0000 ')).toBe(2_000_000);
  });

  it('refuses what it would have to guess, naming the accepted forms', () => {
    expect(valueOf('')).toBe('is required');
    expect(valueOf('   ')).toBe('is required');
    for (const text of ['12,34,567', 'abc', '2x', '$', 'k', '1.2.3', '1e', '--4']) {
      expect(valueOf(text), text).toBe('must be a number (such as 0.25, 2,000,000, $2M or 150k)');
    }
    // A comma that cannot be a thousands separator is a decimal comma: asked for as a point, not guessed.
    expect(valueOf('0,92')).toBe('must use a point for decimals (0.92, not 0,92)');
    expect(valueOf('1,5')).toBe('must use a point for decimals (1.5, not 1,5)');
    expect(valueOf('1,500')).toBe(1_500);
    expect(valueOf('1e999')).toBe('must be a finite number');
  });

  it('reads back every number it formats, as a number or as money (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (value) => {
        for (const shown of [formatFieldNumber(value), formatFieldMoney(value)]) {
          const read = parseTypedNumber(shown);
          expect(read.ok).toBe(true);
          if (read.ok) expect(read.value).toBeCloseTo(Number(value.toPrecision(12)), 6);
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('formatFieldNumber', () => {
  it('groups thousands and keeps every significant digit', () => {
    expect(formatFieldNumber(6_000_000)).toBe('6,000,000');
    expect(formatFieldNumber(0.000375)).toBe('0.000375');
    expect(formatFieldNumber(1234.5)).toBe('1,234.5');
    expect(formatFieldNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatFieldNumber(-80_000)).toBe('-80,000');
  });
});

describe('formatFieldMoney', () => {
  it('shows the cents of a fraction of a dollar, and no cents on whole dollars', () => {
    expect(formatFieldMoney(350.4)).toBe('350.40');
    expect(formatFieldMoney(1_234.5)).toBe('1,234.50');
    expect(formatFieldMoney(80_000)).toBe('80,000');
    // A price per token keeps every digit it has.
    expect(formatFieldMoney(0.000375)).toBe('0.000375');
    expect(formatFieldMoney(1.375)).toBe('1.375');
    expect(formatFieldMoney(0.1 + 0.2)).toBe('0.30');
  });
});

describe('formatFieldPrice', () => {
  it('shows cents on whole dollars too, and every digit a smaller price has', () => {
    expect(formatFieldPrice(1)).toBe('1.00');
    expect(formatFieldPrice(0.1)).toBe('0.10');
    expect(formatFieldPrice(1_250)).toBe('1,250.00');
    expect(formatFieldPrice(0.000375)).toBe('0.000375');
    expect(formatFieldPrice(3.75)).toBe('3.75');
  });
});
