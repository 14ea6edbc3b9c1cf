/**
 * The one place figures are rounded for people. The engine computes in full precision; everything a person
 * reads (the app, the CLI's table and CSV, the printed report) goes through these functions.
 */

const usdCents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const usdWhole = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const usdCompact = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 2,
});
const usdPrice = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const monthYear = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** Labels already made, by months since year 0 ("Apr 2027"): a chart or table asks for the same few again and again. */
const monthLabels = new Map<number, string>();

/**
 * Money for people: cents under $100 ($12.34), whole dollars with separators up to a million ($12,345),
 * compact above ($1.25M). Negative amounts keep their sign.
 */
export function formatMoney(usd: number): string {
  const abs = Math.abs(usd);
  if (abs < 100) return usdCents.format(usd);
  if (abs < 1_000_000) return usdWhole.format(usd);
  return usdCompact.format(usd);
}

/** Money to the cent with thousands separators, for tables and reports where a reader checks sums: $1,234,567.89. */
export function formatMoneyExact(usd: number): string {
  return usdCents.format(usd);
}

/** A unit price (per 1M or 1K tokens), up to six decimals, never fewer than two: $0.15, $0.000375. */
export function formatPrice(usd: number): string {
  return usdPrice.format(usd);
}

const usdSmall = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumSignificantDigits: 2,
  maximumSignificantDigits: 4,
});

/**
 * The cost of one call, small as it is: four significant digits under a dollar ($0.0000035, $0.01235, $0.50),
 * cents from a dollar up ($12.35, $1,234.57).
 */
export function formatCallCost(usd: number): string {
  const abs = Math.abs(usd);
  return abs >= 1 || abs === 0 ? usdCents.format(usd) : usdSmall.format(usd);
}

/** A count with separators (1,234,567.5) or, with `compactForm`, short (1.2M). */
export function formatNumber(value: number, compactForm = false): string {
  return compactForm && Math.abs(value) >= 10_000 ? compact.format(value) : plain.format(value);
}

/** A fraction as a percentage: 0.125 → 12.5%. */
export function formatPercent(fraction: number): string {
  return percent.format(fraction);
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
