/**
 * The one place figures are rounded for people. The engine computes in full precision; everything a person
 * reads (the app, the CLI's table and CSV, the printed report) goes through these functions.
 */
import type { DisplayCurrency, DisplayCurrencyCode } from '../domain/scenario-schema';

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const score = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const monthYear = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** Labels already made, by months since year 0 ("Apr 2027"): a chart or table asks for the same few again and again. */
const monthLabels = new Map<number, string>();

/**
 * How money is shown: the engine's USD × `perUsd`, in `currency`, with the day the rate was set (null for USD,
 * which needs no rate). Read from the scenario with `moneyDisplayOf`.
 */
export type MoneyDisplay = { currency: DisplayCurrencyCode; perUsd: number; setOn: string | null };

/** Figures as the engine computes them: US dollars. */
export const USD_DISPLAY: MoneyDisplay = { currency: 'USD', perUsd: 1, setOn: null };

/** The scenario's display currency (its `displayCurrency`), USD when it sets none. */
export function moneyDisplayOf(scenario: { displayCurrency?: DisplayCurrency | undefined }): MoneyDisplay {
  return scenario.displayCurrency ?? USD_DISPLAY;
}

/** An engine amount (USD) in the display currency, unrounded: 100 at 0.92 EUR per USD → 92. */
export function toDisplayAmount(usd: number, display: MoneyDisplay): number {
  return usd * display.perUsd;
}

/** Which currency and rate figures are in, for a screen's header or a report: "EUR at 0.92 per USD, set 2026-12-02". */
export function describeMoneyDisplay(display: MoneyDisplay): string {
  if (display.currency === 'USD') return 'USD';
  const dated = display.setOn === null ? '' : `, set ${display.setOn}`;
  return `${display.currency} at ${showNumber(plainRate, display.perUsd)} per USD${dated}`;
}

const plainRate = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: false });

const spreadsheetCents = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: false,
});

/**
 * An amount to cents as a spreadsheet reads a number: 1234.5 → "1234.50", −7 → "-7.00" (a hyphen-minus, which
 * spreadsheets parse), −0.001 → "0.00". Rounded as every other figure here (Intl.NumberFormat), so a CSV cell
 * and the table it comes from agree: 11,397.525 is "11397.53" here and "$11,397.53" there, where `toFixed`
 * would write "11397.52" from the binary value just below.
 */
export function formatCentsForSpreadsheet(amount: number): string {
  const text = spreadsheetCents.format(amount);
  return text === '-0.00' ? '0.00' : text;
}

/**
 * How a negative figure is signed for people: with the minus sign (U+2212), as wide as "+" and the digits and
 * never read as a hyphen, where Intl.NumberFormat writes a hyphen-minus. Every number this module formats goes
 * through here, so axis ticks, tooltips, tables and sentences all read "−$70,648". (A field a person types in keeps
 * what they type; `parseTypedNumber` reads either sign.)
 */
function showNumber(format: Intl.NumberFormat, value: number): string {
  return format.format(value).replace('-', '\u2212');
}

type AmountStyle = 'cents' | 'whole' | 'compact' | 'price' | 'tick';
const amountFormats = new Map<string, Intl.NumberFormat>();

function amountFormat(currency: DisplayCurrencyCode, style: AmountStyle): Intl.NumberFormat {
  const key = `${currency}|${style}`;
  let format = amountFormats.get(key);
  if (!format) {
    const digits: Record<AmountStyle, Intl.NumberFormatOptions> = {
      cents: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
      whole: { maximumFractionDigits: 0 },
      // No trailing zeros: $1M, $1.5M, $12M (a currency's own two decimals would give $1.00M, $12.00M).
      compact: { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 2 },
      // Six decimals, or three significant digits where those say more: $0.000375, and $0.00000875 (a
      // $0.00875/M price per 1K tokens), not $0.000009.
      price: {
        minimumFractionDigits: 2,
        maximumFractionDigits: 6,
        maximumSignificantDigits: 3,
        roundingPriority: 'morePrecision',
      },
      tick: { minimumFractionDigits: 0, maximumFractionDigits: 2 },
    };
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, ...digits[style] });
    amountFormats.set(key, format);
  }
  return format;
}

/**
 * An amount already in `currency` in full, however large: cents under 100 (€12.34), whole units with separators
 * from there (€1,452,318, never €1.45M), and zero as €0. For chart tooltips and tables, where a reader compares one month's
 * figure with the next; a chart's axis ticks are short (`formatMoneyTick`). Charts, which scale their series to
 * the display currency once, format with this; a table's engine amounts with `formatMoney`.
 */
export function formatAmountInFull(amount: number, currency: DisplayCurrencyCode): string {
  // Nothing is $0 like the whole amounts around it, not $0.00 (and −0 is 0).
  if (amount === 0) return amountFormat(currency, 'whole').format(0);
  return showNumber(amountFormat(currency, Math.abs(amount) < 100 ? 'cents' : 'whole'), amount);
}

/**
 * Short money for axis ticks, of an amount already in `currency`: $0, $0.25, €2,500 on an axis that stays below
 * 10,000, compact on one that reaches it (£120K, $1.25M, and $5K beside $10K, not $5,000), negative as −$40K.
 * `axisTop` is the axis's largest tick by size (the amount itself for a lone figure). Only ticks are this short:
 * tooltips and tables show amounts in full.
 */
export function formatMoneyTick(amount: number, currency: DisplayCurrencyCode, axisTop = amount): string {
  const scale = Math.max(Math.abs(amount), Math.abs(axisTop));
  return showNumber(amountFormat(currency, scale < 10_000 ? 'tick' : 'compact'), amount);
}

/** The largest of an axis's ticks by size: what `formatMoneyTick` picks one format for the whole axis by. */
export function findAxisTop(ticks: readonly number[]): number {
  return ticks.reduce((top, tick) => Math.max(top, Math.abs(tick)), 0);
}

/** The sign of a currency as axis ticks use it: $, €, £. */
export function currencySymbol(currency: DisplayCurrencyCode): string {
  return (
    amountFormat(currency, 'whole')
      .formatToParts(0)
      .find((part) => part.type === 'currency')?.value ?? ''
  );
}

/**
 * Money for people, in the display currency: an engine amount (USD) × the rate, in full however large
 * (`formatAmountInFull`: $12.34, €12,345, £1,452,318, never £1.45M), in prose and tables alike; only a chart's
 * axis ticks are short (`formatMoneyTick`).
 */
export function formatMoney(usd: number, display: MoneyDisplay): string {
  return formatAmountInFull(toDisplayAmount(usd, display), display.currency);
}

/** Money to the cent with thousands separators, for tables and reports where a reader checks sums: €1,234,567.89. */
export function formatMoneyExact(usd: number, display: MoneyDisplay): string {
  return showNumber(amountFormat(display.currency, 'cents'), toDisplayAmount(usd, display));
}

/**
 * A small amount already in `currency` (the cost of one request or call): four significant digits under 100
 * units, so a column of them reads alike ($0.0001278, $0.0002820, $0.01815, $1.200, $12.35), cents from 100 up
 * ($123.46) and for zero ($0.00).
 */
export function formatUnitAmount(amount: number, currency: DisplayCurrencyCode): string {
  const abs = Math.abs(amount);
  return abs >= 100 || abs === 0
    ? showNumber(amountFormat(currency, 'cents'), amount)
    : showNumber(smallFormat(currency), amount);
}

/** A small amount on an axis tick, already in `currency`: only the digits it has ($0.0001, $0.00125, $0.50). */
export function formatSmallTick(amount: number, currency: DisplayCurrencyCode): string {
  return showNumber(amountFormat(currency, 'price'), amount);
}

/** The cost of one request or call in the display currency, as `formatUnitAmount`: $0.0002820, €0.004140. */
export function formatUnitCost(usd: number, display: MoneyDisplay): string {
  return formatUnitAmount(toDisplayAmount(usd, display), display.currency);
}

/**
 * A catalog price (per 1M or 1K tokens, per hour), up to six decimals (three significant digits where those say
 * more), never fewer than two: $0.15, $0.000375, $0.00000875.
 * Always USD: prices are typed and published in dollars, whatever currency the figures are shown in.
 */
export function formatPrice(usd: number): string {
  return showNumber(amountFormat('USD', 'price'), usd);
}

const smallFormats = new Map<DisplayCurrencyCode, Intl.NumberFormat>();

/** Four significant digits in `currency`, built once per currency. */
function smallFormat(currency: DisplayCurrencyCode): Intl.NumberFormat {
  let format = smallFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumSignificantDigits: 4,
      maximumSignificantDigits: 4,
    });
    smallFormats.set(currency, format);
  }
  return format;
}

/** A count with separators (1,234,567.5) or, with `compactForm`, short (1.2M). */
export function formatNumber(value: number, compactForm = false): string {
  return showNumber(compactForm && Math.abs(value) >= 10_000 ? compact : plain, value);
}

/** Words as a person lists them: "a", "a and b", "a, b and c" ("" for none). */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** A quality score in a column of scores, each with its tenths so they align: 68 → "68.0", 35.8 → "35.8". */
export function formatScore(value: number): string {
  return showNumber(score, value);
}

/** A fraction as a percentage: 0.125 → 12.5%. */
export function formatPercent(fraction: number): string {
  return showNumber(percent, fraction);
}

/** Monthly growth from which a field says what it compounds to (50 % a month is 130 times the volume in a year). */
export const STEEP_MONTHLY_GROWTH = 0.5;

/**
 * What a steep monthly growth compounds to over 12 months, said beside the field so that 150 typed for 15 shows:
 * "150% a month is 59,605 times the volume in 12 months". Null below `STEEP_MONTHLY_GROWTH`.
 */
export function describeSteepGrowth(rate: number): string | null {
  if (rate < STEEP_MONTHLY_GROWTH) return null;
  return `${formatPercent(rate)} a month is ${formatNumber(Math.round((1 + rate) ** 12))} times the volume in 12 months`;
}

/** Month index → label from the scenario's start month: (3, "2027-01") → "Apr 2027"; without a start, "Month 4". */
export function formatMonth(monthIndex: number, startMonth: string | undefined): string {
  if (!startMonth) return `Month ${monthIndex + 1}`;
  const [year, month] = startMonth.split('-').map(Number) as [number, number];
  const total = year * 12 + (month - 1) + monthIndex;
  let label = monthLabels.get(total);
  if (label === undefined) {
    label = monthYear.format(new Date(Date.UTC(Math.floor(total / 12), total % 12, 1)));
    monthLabels.set(total, label);
  }
  return label;
}

/** A count of months for people: 1 month, 14 months. */
export function formatMonths(count: number): string {
  return `${count} month${count === 1 ? '' : 's'}`;
}

const longDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** A calendar day written YYYY-MM-DD, for people: "2027-01-01" → "1 January 2027"; anything else as given. */
export function formatDay(isoDay: string): string {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(isoDay) ? Date.parse(`${isoDay}T00:00:00Z`) : NaN;
  return Number.isNaN(time) ? isoDay : longDay.format(time);
}

/** Today in the viewer's time zone, written YYYY-MM-DD. */
export function todayIsoDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
