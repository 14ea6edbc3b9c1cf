/**
 * Numbers as people type them into a money or count field, the way a spreadsheet accepts them, and the way such a
 * field shows a number once it is left.
 */

/**
 * Why typed text is not a number: nothing typed, a decimal comma, no number at all, too large, or a percentage
 * where the figure is not one.
 */
export type NotANumberReason = 'empty' | 'decimal-comma' | 'not-a-number' | 'not-finite' | 'not-a-percentage';

/** What a typed number says: its value, or why it is not one (for a field to say its own way) and the message. */
export type TypedNumber =
  { ok: true; value: number } | { ok: false; reason: NotANumberReason; message: string };

/** Suffix → multiplier: 150k, $2M, 3mm (finance's million), 1.2bn. Case does not matter. */
const SUFFIX_MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  m: 1e6,
  mm: 1e6,
  b: 1e9,
  bn: 1e9,
};

/** Digits with an optional fraction, or grouped by commas in threes (2,000,000.50), then an optional exponent. */
const NUMBER_PATTERN = /^(?:\d+(?:\.\d*)?|\.\d+|\d{1,3}(?:,\d{3})+(?:\.\d*)?)(?:e[+-]?\d+)?$/i;

/** What a field says of text that is no number; a percentage field says it its own way (`checkTyped`). */
const NOT_A_NUMBER = 'must be a number (such as 0.25, 2,000,000, $2M or 150k)';

/** A comma that can only be a decimal comma: one comma not followed by a group of exactly three digits (0,92). */
const DECIMAL_COMMA = /^\d+,(?:\d{1,2}|\d{4,})$/;

/**
 * Reads a typed number: "2000000", "2,000,000", "$2M", "150k", "1.5e6", "-3.5", "(1,200)" (an accountant's
 * negative), "$ 1.2 bn", and, where the figure is a percentage (`percent`), "25%" (the sign is dropped: such a
 * field already reads 25 as 25 %); elsewhere "25%" is refused rather than read as 25 requests or dollars. Spaces,
 * including the non-breaking ones spreadsheets copy, are ignored. Commas are thousands separators only, in
 * groups of three ("1,5" is refused rather than guessed, with a message that asks for "1.5").
 */
export function parseTypedNumber(text: string, { percent = false }: { percent?: boolean } = {}): TypedNumber {
  let rest = text.replace(/[\s\u00a0\u202f]/g, '');
  if (rest === '') return { ok: false, reason: 'empty', message: 'is required' };
  let sign = 1;
  if (rest.startsWith('(') && rest.endsWith(')')) {
    sign = -1;
    rest = rest.slice(1, -1);
  }
  if (rest.startsWith('-') || rest.startsWith('−')) {
    sign = -sign;
    rest = rest.slice(1);
  } else if (rest.startsWith('+')) rest = rest.slice(1);
  if (rest.startsWith('$')) rest = rest.slice(1);
  if (rest.endsWith('%')) {
    if (!percent)
      return {
        ok: false,
        reason: 'not-a-percentage',
        message: 'is not a percentage: type the number itself (such as 250,000 or 150k)',
      };
    rest = rest.slice(0, -1);
  }
  let multiplier = 1;
  const suffix = /(mm|bn|[kmb])$/i.exec(rest);
  if (suffix?.[1]) {
    multiplier = SUFFIX_MULTIPLIERS[suffix[1].toLowerCase()] ?? 1;
    rest = rest.slice(0, -suffix[1].length);
  }
  if (DECIMAL_COMMA.test(rest)) {
    const point = rest.replace(',', '.');
    return {
      ok: false,
      reason: 'decimal-comma',
      message: `must use a point for decimals (${point}, not ${rest})`,
    };
  }
  if (!NUMBER_PATTERN.test(rest)) return { ok: false, reason: 'not-a-number', message: NOT_A_NUMBER };
  const value = sign * Number(rest.replaceAll(',', '')) * multiplier;
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-finite', message: 'must be a finite number' };
  // 1.1 × 1e6 is 1100000.0000000002 in binary: keep what was typed, not the float noise.
  return { ok: true, value: multiplier === 1 ? value : Number(value.toPrecision(15)) };
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20, useGrouping: true });

/**
 * A number as a field shows it when it is not being typed in: thousands separators and every significant digit
 * (6000000 → "6,000,000", 0.000375 → "0.000375"), float noise removed (0.1 + 0.2 → "0.3").
 */
export function formatFieldNumber(value: number): string {
  return grouped.format(Number(value.toPrecision(12)));
}

const groupedCents = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 20,
  useGrouping: true,
});

/** A price as a field shows it: as `formatFieldMoney`, with cents on whole dollars too (1 → "1.00"). */
export function formatFieldPrice(value: number): string {
  return groupedCents.format(Number(value.toPrecision(12)));
}

/**
 * A money amount as a field shows it: as `formatFieldNumber`, but a fraction of a dollar shows its cents
 * (350.4 → "350.40"; 350 → "350"; 0.000375 → "0.000375").
 */
export function formatFieldMoney(value: number): string {
  const shown = Number(value.toPrecision(12));
  return Number.isInteger(shown) ? grouped.format(shown) : groupedCents.format(shown);
}
