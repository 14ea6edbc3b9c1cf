import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateScenario, formatIssue } from '../../../src/domain/validate-scenario';
import {
  USD_DISPLAY,
  describeMoneyDisplay,
  formatMoney,
  formatCentsForSpreadsheet,
  formatMoneyExact,
  formatMoneyTick,
  formatPercent,
  formatPrice,
  formatUnitCost,
  moneyDisplayOf,
  toDisplayAmount,
} from '../../../src/format/format';
import { formatChartTableTsv, moneyCell, percentCell } from '../../../src/charts/chart-table';
import { makeSmallScenario } from '../../factories/small-scenario';

const EUR = { currency: 'EUR', perUsd: 0.92, setOn: '2026-12-02' } as const;
const GBP = { currency: 'GBP', perUsd: 0.79, setOn: '2026-12-02' } as const;

describe('money in the display currency', () => {
  it('shows an engine amount × the rate, in the currency', () => {
    // $4,500 × 0.92 = €4,140; $4,500 × 0.79 = £3,555.
    expect(formatMoney(4500, EUR)).toBe('€4,140');
    expect(formatMoney(4500, GBP)).toBe('£3,555');
    expect(formatMoney(4500, USD_DISPLAY)).toBe('$4,500');
    // In full however large, in prose and tables alike: $2,000,000 × 0.92 = €1,840,000 to the euro (never
    // €1.84M); cents under 100: $12.50 × 0.92 = €11.50.
    expect(formatMoney(2_000_000, EUR)).toBe('€1,840,000');
    expect(formatMoney(1_036_598.4, USD_DISPLAY)).toBe('$1,036,598');
    expect(formatMoney(12.5, EUR)).toBe('€11.50');
    // Nothing is €0 like the whole amounts beside it, and −0 is 0.
    expect(formatMoney(0, EUR)).toBe('€0');
    expect(formatMoney(-0, USD_DISPLAY)).toBe('$0');
    expect(moneyCell(1_452_318.4, USD_DISPLAY).text).toBe('$1,452,318');
    // Negative figures carry the minus sign (U+2212) wherever they are shown, as axis ticks do.
    expect(formatMoney(-70_648.2, USD_DISPLAY)).toBe('\u2212$70,648');
    expect(formatMoneyExact(-12.5, EUR)).toBe('\u2212€11.50');
    expect(formatMoneyTick(-500_000, 'USD')).toBe('\u2212$500K');
    // One format along an axis: below 10,000 in full on an axis that stays there, compact on one that reaches it.
    expect(formatMoneyTick(5_000, 'USD')).toBe('$5,000');
    expect(formatMoneyTick(5_000, 'USD', 15_000)).toBe('$5K');
    expect(formatMoneyTick(2_500, 'EUR', 7_500)).toBe('€2,500');
    expect(formatPercent(-0.01)).toBe('\u22121%');
    expect(formatMoneyExact(1_234_567.891, EUR)).toBe('€1,135,802.46');
    // $0.0045 per request × 0.92 = €0.00414, to four significant digits.
    expect(formatUnitCost(0.0045, EUR)).toBe('€0.004140');
  });

  it('shows a catalog price with every digit a price list gives it, however small', () => {
    expect(formatPrice(3)).toBe('$3.00');
    expect(formatPrice(1.375)).toBe('$1.375');
    expect(formatPrice(21.957642)).toBe('$21.957642');
    expect(formatPrice(0.000375)).toBe('$0.000375');
    // $0.00875 per 1M tokens is $0.00000875 per 1K: six decimals alone would show $0.000009.
    expect(formatPrice(0.00875 / 1000)).toBe('$0.00000875');
    // Float noise in a computed price does not show.
    expect(formatPrice(2.99999999997)).toBe('$3.00');
  });

  it('shows the cost of one call or request with four significant digits under 100 units, so a column reads alike', () => {
    // The Per-request cost column: $0.0001278, $0.000282 and $0.0007 a call each show four digits after the zeros.
    expect(formatUnitCost(0.0001278, USD_DISPLAY)).toBe('$0.0001278');
    expect(formatUnitCost(0.000282, USD_DISPLAY)).toBe('$0.0002820');
    expect(formatUnitCost(0.0007, USD_DISPLAY)).toBe('$0.0007000');
    expect(formatUnitCost(0.018152, USD_DISPLAY)).toBe('$0.01815');
    expect(formatUnitCost(0.5, USD_DISPLAY)).toBe('$0.5000');
    // Four digits up to 100 units too: $1.20 beside $0.3005 read as two precisions. $1.545 × 0.92 = €1.4214.
    expect(formatUnitCost(1.2, USD_DISPLAY)).toBe('$1.200');
    expect(formatUnitCost(1.545, EUR)).toBe('€1.421');
    expect(formatUnitCost(12.345, USD_DISPLAY)).toBe('$12.35');
    // From 100 units up, cents; zero is $0.00.
    expect(formatUnitCost(123.456, USD_DISPLAY)).toBe('$123.46');
    expect(formatUnitCost(0, USD_DISPLAY)).toBe('$0.00');
  });

  it('says which currency and rate it shows', () => {
    expect(describeMoneyDisplay(USD_DISPLAY)).toBe('USD');
    expect(describeMoneyDisplay(EUR)).toBe('EUR at 0.92 per USD, set 2026-12-02');
    expect(describeMoneyDisplay({ ...GBP, perUsd: 0.786512 })).toBe(
      'GBP at 0.786512 per USD, set 2026-12-02',
    );
  });

  it('reads the scenario’s display currency, USD when it has none', () => {
    expect(moneyDisplayOf({})).toBe(USD_DISPLAY);
    expect(moneyDisplayOf({ displayCurrency: EUR })).toEqual(EUR);
  });

  it('converts proportionally: amounts scale by the rate and sums convert to the sum of conversions', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (a, b, perUsd) => {
          const display = { currency: 'EUR' as const, perUsd, setOn: '2026-12-02' };
          const sum = toDisplayAmount(a + b, display);
          const parts = toDisplayAmount(a, display) + toDisplayAmount(b, display);
          // Each product is within half an ulp of exact: the difference is rounding, never more than a few ulps.
          expect(Math.abs(sum - parts)).toBeLessThanOrEqual(
            4 * Number.EPSILON * (Math.abs(a) + Math.abs(b)) * perUsd,
          );
        },
      ),
      { seed: 14 },
    );
  });
});

describe('displayCurrency in the scenario file', () => {
  it('opens a file without it unchanged, in USD', () => {
    const result = validateScenario(makeSmallScenario());
    expect(result.ok && result.value.displayCurrency).toBeUndefined();
  });

  it('names the field in every problem', () => {
    const result = validateScenario({
      ...makeSmallScenario(),
      displayCurrency: { currency: 'JPY', perUsd: 0, setOn: '2 Dec' },
    });
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([
      'displayCurrency.currency: must be USD, EUR or GBP',
      'displayCurrency.perUsd: must be more than 0',
      'displayCurrency.setOn: must be a date written YYYY-MM-DD',
    ]);
    const usd = validateScenario({
      ...makeSmallScenario(),
      displayCurrency: { currency: 'USD', perUsd: 0.9, setOn: '2026-12-02' },
    });
    expect(usd.ok ? [] : usd.issues.map(formatIssue)).toEqual([
      'displayCurrency.perUsd: must be 1 when the currency is USD',
    ]);
  });
});

describe('a chart table as tab-separated text', () => {
  it('writes a header row naming money columns’ currency, then raw numbers without separators', () => {
    const tsv = formatChartTableTsv({
      columns: ['Month', 'Spend', 'Share', 'Note'],
      rows: [
        ['Jan 2027', moneyCell(1_234_567.5, EUR), percentCell(0.125), 'tab\there'],
        ['Feb 2027', moneyCell(0.1 + 0.2, EUR), percentCell(1 / 3), 12],
      ],
    });
    // 1,234,567.5 × 0.92 = 1,135,802.1; (0.1 + 0.2) × 0.92 copies as 0.276, not 0.27600000000000002 (12 significant digits).
    expect(tsv).toBe(
      'Month\tSpend (EUR)\tShare\tNote\n' +
        'Jan 2027\t1135802.1\t0.125\ttab here\n' +
        'Feb 2027\t0.276\t0.333333333333\t12\n',
    );
  });
});

describe('cents in a spreadsheet cell', () => {
  it('rounds a half cent as the table does', () => {
    // 9,074.40 + 0.00154875 × 1,500,000 = 11,397.525 exactly; the double just below it is what the engine holds.
    const amount = 9074.4 + 0.00154875 * 1_500_000;
    expect(formatMoneyExact(amount, USD_DISPLAY)).toBe('$11,397.53');
    expect(formatCentsForSpreadsheet(amount)).toBe('11397.53');
    expect(formatCentsForSpreadsheet(-7)).toBe('-7.00');
    expect(formatCentsForSpreadsheet(-0.001)).toBe('0.00');
  });

  it('always agrees with the figure shown, to the cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 9 }),
        (cents, tenthOfCent) => {
          const amount = (cents * 10 + tenthOfCent) / 1000;
          const shown = formatMoneyExact(amount, USD_DISPLAY).replace(/[$,]/g, '').replace('\u2212', '-');
          const cell = formatCentsForSpreadsheet(amount);
          expect(cell === '0.00' && shown === '-0.00' ? '0.00' : shown).toBe(cell);
        },
      ),
    );
  });
});
